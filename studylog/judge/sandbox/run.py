"""Run one process under limits, in a throwaway directory, and leave nothing behind.

Where bubblewrap works (Linux with user namespaces, see :mod:`.box`), each run is a
box: its own PID, mount and network namespaces, the filesystem read-only but for its tmpfs
``/box``, hard limits set inside, and killing the box kills everything it started. Elsewhere the
fallback is the rlimit sandbox: the child starts a new session with soft limits (RLIMIT_CPU,
RLIMIT_AS, RLIMIT_FSIZE = the output limit, RLIMIT_STACK, RLIMIT_CORE = 0) in a fresh temp
directory that is its cwd, HOME and TMPDIR; its process group, and any process that carries the
run's marker in its environment, are killed when it ends (:mod:`.rlimit`).
:func:`pick_backend` chooses between the two; :func:`sandbox_name` says which.

Both ways stdin, stdout and stderr are files in the run's directory (never a pipe to studylog);
the file-size limit cuts a flood, and at most the output limit + 1 byte of stdout (and the last
64 KB of stderr) is read back, decoded as UTF-8 with errors='replace'. CPU time and peak memory
come from ``os.wait4``'s rusage, which covers the child and the descendants it waited for.

Processes are started by small helper processes (:mod:`.spawner`) so the peak memory
reported is the solution's, not studylog's; where that helper cannot run, they are forked from
this process directly.
"""

from __future__ import annotations

import math
import os
import shutil
import signal
import stat
import tempfile
import threading
from pathlib import Path

from studylog.judge.sandbox import box
from studylog.judge.sandbox import spawner as spawners
from studylog.judge.sandbox.backend import Backend, Limits, Mounts, Outcome, RunRequest
from studylog.judge.sandbox.kept import BoxPool
from studylog.judge.sandbox.rlimit import RlimitBackend

STDERR_KEEP = 64 * 1024


def pick_backend() -> Backend:
    """The backend runs use here: the box where bubblewrap works (a box needs the spawner, its
    subreaper), else the rlimit fallback (spawned where a spawner can run, else forked)."""
    if box.available() and spawners.available():
        return box.BoxBackend()
    return RlimitBackend(spawned=spawners.available())


def sandbox_name() -> str:
    """The sandbox runs get here: ``bwrap`` (a namespace box) or ``rlimit`` (the fallback)."""
    return pick_backend().name


def _rmtree(path: Path) -> None:
    def fix(func, p, _exc):  # a solution may have made a directory read-only
        try:
            os.chmod(os.path.dirname(p), stat.S_IRWXU)
            os.chmod(p, stat.S_IRWXU)
            func(p)
        except OSError:
            pass

    shutil.rmtree(path, onerror=fix)


def _read_head(path: Path, limit: int) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(limit)


def _read_tail(path: Path, limit: int) -> bytes:
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        fh.seek(max(0, size - limit))
        return fh.read(limit)


def run(
    argv: list[str],
    stdin: bytes,
    limits: Limits,
    *,
    cancel: threading.Event | None = None,
    env: dict[str, str] | None = None,
    mounts: Mounts | None = None,
    keep_bytes: int | None = None,
    pool: BoxPool | None = None,
) -> Outcome:
    """Run ``argv`` with ``stdin`` under ``limits`` in a fresh box (or directory) and clean up
    after it. ``mounts`` names host directories the program needs (see :class:`Mounts`);
    ``keep_bytes`` bounds the stdout read back (default: the output limit + 1). With ``pool``
    (a judge run's :class:`~.kept.BoxPool`) the box is one kept for the run, emptied between
    runs, where one can serve it."""
    backend = pick_backend()
    run_dir = Path(tempfile.mkdtemp(prefix="studylog-run-"))
    request = RunRequest(argv=tuple(argv), limits=limits, run_dir=run_dir, env=dict(env or {}),
                         mounts=mounts or Mounts(), cancel=cancel)
    try:
        request.stdin_path.write_bytes(stdin)
        got = None
        if pool is not None and isinstance(backend, box.BoxBackend):
            got = pool.run(request)
        if got is None:
            got = backend.run(request)
        out = _read_head(request.stdout_path, keep_bytes or limits.output_bytes + 1)
        err = _read_tail(request.stderr_path, STDERR_KEEP)
    finally:
        _rmtree(run_dir)
    sig, cpu_ms, timed_out = got.signal, got.cpu_ms, got.timed_out
    wall_limited = timed_out and not got.cpu_limited and cpu_ms <= limits.cpu_ms
    if got.cpu_limited or sig == signal.SIGXCPU or cpu_ms > limits.cpu_ms:
        timed_out = True  # the waiter's watchdog, or the soft CPU limit
    elif sig == signal.SIGKILL and cpu_ms >= (math.ceil(limits.cpu_ms / 1000) + 1) * 1000 - 600:
        timed_out = True  # the hard CPU limit (1 s after the soft one): the kernel reports
        # up to ~550 ms less CPU than the limit for a process it killed there
    return Outcome(
        exit_code=got.exit_code, signal=sig, cpu_ms=cpu_ms, wall_ms=got.wall_ms,
        memory_kb=got.memory_kb,
        stdout=out[: limits.output_bytes].decode("utf-8", errors="replace"),
        stderr=err.decode("utf-8", errors="replace"),
        stdout_bytes=len(out),
        timed_out=timed_out,
        # the file-size limit stops a write past the limit (EFBIG, or SIGXFSZ): a run that
        # wrote exactly the limit and ended well is not over it
        output_limited=len(out) > limits.output_bytes or sig == signal.SIGXFSZ or (
            len(out) == limits.output_bytes and (sig is not None or got.exit_code != 0)),
        memory_limited=got.memory_limited, wall_limited=wall_limited,
        cancelled=got.cancelled,
        sandbox=backend.name,
    )
