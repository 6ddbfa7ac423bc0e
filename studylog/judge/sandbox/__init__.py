"""The sandbox: run one process under limits and report what it did.

Imports nothing else of :mod:`studylog.judge`. :func:`run` is the one entry; it picks a
:class:`~studylog.judge.sandbox.backend.Backend` (:func:`pick_backend`): the bubblewrap box
(:mod:`.box`) where it works, else the rlimit fallback (:mod:`.rlimit`).
"""

from studylog.judge.sandbox.backend import Limits, Mounts, Outcome
from studylog.judge.sandbox.kept import BoxPool
from studylog.judge.sandbox.run import pick_backend, run, sandbox_name

__all__ = ["BoxPool", "Limits", "Mounts", "Outcome", "pick_backend", "run", "sandbox_name"]
