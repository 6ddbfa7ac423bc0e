"""The sandbox's one backend interface and the plain data around it.

A :class:`Backend` runs one :class:`RunRequest` and returns one :class:`RunResult`. Two
implement it: the bubblewrap box (:class:`~studylog.judge.sandbox.box.BoxBackend`) and the
rlimit fallback (:class:`~studylog.judge.sandbox.rlimit.RlimitBackend`);
:func:`~studylog.judge.sandbox.run.pick_backend` chooses. :class:`Limits` is what one run may
use, :class:`Outcome` what it did (what :func:`~studylog.judge.sandbox.run.run` returns).
"""

from __future__ import annotations

import os
import signal
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

POLL_SLICE_MS = 100  # how often a waiting run looks at its cancel flag
STACK_UNLIMITED = -1  # Limits.stack_kb: no stack limit (threads get glibc's default stack)
# Address space a run may reserve beyond its memory limit: thread stacks and untouched
# reservations are not memory (BOJ counts what is used); the resident set is what is limited.
ADDRESS_HEADROOM_KB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """Limits of one run. ``memory_kb`` is the memory limit (resident set, watched in a box;
    the address space may reach it + :data:`ADDRESS_HEADROOM_KB`, one ``mmap`` at most
    ``memory_kb``; without the waiter, the fallbacks, the address space is the memory limit);
    None means no address-space limit (the JVM). ``stack_kb``: None keeps
    the parent's stack limit, :data:`STACK_UNLIMITED` lifts it (the main stack is then bounded
    by the address space, and threads get glibc's default 2 MB stack, not the memory limit)."""

    cpu_ms: int
    wall_ms: int
    memory_kb: int | None
    output_bytes: int
    stack_kb: int | None = None
    processes: int = 64  # RLIMIT_NPROC in a box (threads count too)
    address_kb: int | None = None  # RLIMIT_AS (default: memory_kb + ADDRESS_HEADROOM_KB)
    open_files: int = 256
    seccomp: bool = True  # stop a single mmap over memory_kb (off for the JVM)


@dataclass
class Outcome:
    """What happened to one run (raw facts; the judge's runner turns them into a verdict)."""

    exit_code: int | None  # None when killed by a signal
    signal: int | None
    cpu_ms: int
    wall_ms: int
    memory_kb: int
    stdout: str
    stderr: str
    stdout_bytes: int
    timed_out: bool = False  # wall clock or CPU limit
    output_limited: bool = False
    memory_limited: bool = False  # stopped over the memory limit (resident set)
    wall_limited: bool = False  # stopped on the wall clock (not the CPU limit)
    cancelled: bool = False
    sandbox: str = "rlimit"  # "bwrap" or "rlimit"


@dataclass(frozen=True)
class Mounts:
    """Host directories a box shows at their own path: ``ro`` read-only, ``rw`` writable (the
    compile step's build directory). Directories of absolute file paths in argv are added ro."""

    ro: tuple[str, ...] = ()
    rw: tuple[str, ...] = ()
    cwd: str | None = None  # default: the run's own box directory


@dataclass(frozen=True)
class RunRequest:
    """One run for a backend: the program, its limits and the run's own directory, which holds
    its stdin (``in``) and receives its stdout (``out``) and stderr (``err``)."""

    argv: tuple[str, ...]
    limits: Limits
    run_dir: Path
    env: dict[str, str] = field(default_factory=dict)  # extra environment variables
    mounts: Mounts = Mounts()
    cancel: threading.Event | None = None

    @property
    def stdin_path(self) -> Path:
        """The file the program reads as stdin."""
        return self.run_dir / "in"

    @property
    def stdout_path(self) -> Path:
        """The file the program's stdout goes to."""
        return self.run_dir / "out"

    @property
    def stderr_path(self) -> Path:
        """The file the program's stderr goes to."""
        return self.run_dir / "err"


@dataclass(frozen=True)
class RunResult:
    """What a backend saw of one run: how it ended, its resources, and why it was stopped."""

    pid: int  # the first process (0 when it could not be started)
    exit_code: int | None  # None when killed by a signal
    signal: int | None
    cpu_ms: int
    memory_kb: int
    wall_ms: int
    timed_out: bool  # stopped on the wall clock
    cancelled: bool
    cpu_limited: bool = False  # stopped by the in-box waiter over the CPU limit
    memory_limited: bool = False  # stopped by the in-box waiter over the memory limit


class Backend(Protocol):
    """A way to run one process under limits (``name``: what results call the sandbox)."""

    @property
    def name(self) -> str:
        """``bwrap`` or ``rlimit``: what results call this sandbox."""
        ...

    def run(self, request: RunRequest) -> RunResult:
        """Run ``request`` to its end (or its limit) and report it."""
        ...


def address_bytes(limits: Limits, headroom: bool = True) -> int | None:
    """The RLIMIT_AS of a run: its own, else the memory limit + the headroom where something
    watches the resident set (the in-box waiter), else the memory limit (None: none)."""
    if limits.memory_kb is None:
        return None
    if limits.address_kb is not None:
        return limits.address_kb * 1024
    return (limits.memory_kb + (ADDRESS_HEADROOM_KB if headroom else 0)) * 1024


def decode_status(status: int) -> tuple[int | None, int | None]:
    """``(exit_code, signal)`` of a wait status; one of them is None."""
    if os.WIFSIGNALED(status):
        return None, os.WTERMSIG(status)
    return (os.WEXITSTATUS(status) if os.WIFEXITED(status) else None), None


def kill_group(pgid: int) -> None:
    """SIGKILL a run's process group (never our own group or every process)."""
    if pgid <= 1:  # never our own group (0) or everything (-1 / 1)
        return
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def child_env(home: str, path: str, extra: dict[str, str],
              marker: dict[str, str] | None = None) -> dict[str, str]:
    """The whole environment of a run: ``home`` as HOME and TMPDIR, UTF-8, then ``extra``."""
    return {
        "PATH": path,
        "HOME": home,
        "TMPDIR": home,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONUTF8": "1",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        **(marker or {}),
        **extra,
    }
