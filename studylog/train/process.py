"""Which process runs a training run, and whether it is still alive (torch-free).

A run stores its pid and the process's start time (``/proc/<pid>/stat`` field 22 on Linux), so a
pid reused by another program after a crash is not mistaken for the run.
"""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path
from typing import Any


def start_time(pid: int) -> str | None:
    """The start time of ``pid`` as the kernel reports it, or None where /proc is missing."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[-1].split()  # the name in parentheses may contain spaces
    return fields[19] if len(fields) > 19 else None


def _state(pid: int) -> str | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[0] if fields else None


def me() -> tuple[int, str | None]:
    """(pid, start time) of this process."""
    return os.getpid(), start_time(os.getpid())


def alive(pid: int | None, started: str | None) -> bool:
    """Whether the process that started a run is still running it.

    No pid (a run stored before runs recorded their process) counts as gone. With /proc, a
    different start time (pid reused) or a zombie counts as gone; without it, ``kill(pid, 0)``.
    """
    if not pid:
        return False
    if Path("/proc/self/stat").exists():
        state = _state(pid)
        if state is None or state in ("Z", "X"):
            return False
        return started is None or start_time(pid) == started
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class CancelOnSignals:
    """While active (in the main thread), Ctrl-C, SIGTERM and SIGHUP set ``flag``: the engine
    stops after the current batch and the run is kept as ``interrupted`` with its epochs. A
    second signal raises KeyboardInterrupt as usual."""

    SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")

    def __init__(self, flag: threading.Event) -> None:
        self.flag = flag
        self.previous: dict[int, Any] = {}

    def _handler(self, signum: int, frame: object) -> None:
        if self.flag.is_set():
            raise KeyboardInterrupt
        self.flag.set()

    def __enter__(self) -> CancelOnSignals:
        if threading.current_thread() is threading.main_thread():
            for name in self.SIGNALS:
                sig = getattr(signal, name, None)
                if sig is not None:
                    self.previous[sig] = signal.signal(sig, self._handler)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self.previous.items():
            signal.signal(sig, handler)
        self.previous.clear()
