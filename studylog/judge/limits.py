"""What one sandboxed run may use (:class:`Limits`) and what it did (:class:`Outcome`).

Plain data shared by the box, the fallback sandbox and the runner.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Limits of one run. ``memory_kb=None`` means no address-space limit (the JVM)."""

    cpu_ms: int
    wall_ms: int
    memory_kb: int | None
    output_bytes: int
    stack_kb: int | None = None
    processes: int = 64  # RLIMIT_NPROC in a box (threads count too)
    open_files: int = 256
    seccomp: bool = True  # stop a single mmap over memory_kb (off for the JVM)


@dataclass
class Outcome:
    """What happened to one run (raw facts; :mod:`runner` turns them into a verdict)."""

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
    cancelled: bool = False
    sandbox: str = "rlimit"  # "bwrap" or "rlimit"
