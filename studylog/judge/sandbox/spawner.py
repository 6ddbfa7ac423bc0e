"""Client side of the judge's spawner processes (see ``_spawner.py`` for why they exist).

A spawner is leased by one thread for one run at a time (:func:`lease`), so the waiting thread
reads the spawner's reply itself: no dispatcher thread, no extra hand-offs between threads. Idle
spawners are kept for the next run (up to two per core) and stopped when studylog exits.
"""

from __future__ import annotations

import atexit
import marshal
import os
import select
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from studylog.judge.sandbox.backend import (
    POLL_SLICE_MS,
    RunRequest,
    RunResult,
    decode_status,
    kill_group,
)

SCRIPT = Path(__file__).with_name("_spawner.py")


class SpawnerDied(RuntimeError):
    """The spawner process went away while a run was in flight."""


class Spawner:
    """One spawner process, used by one thread at a time."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-S", "-E", "-s", str(SCRIPT)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0, close_fds=True,
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self._in = self.proc.stdin.fileno()
        self._out = self.proc.stdout.fileno()
        self._poll = select.poll()
        self._poll.register(self._out, select.POLLIN)

    @property
    def alive(self) -> bool:
        """Whether the process still runs."""
        return self.proc.poll() is None

    def _read_exact(self, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = os.read(self._out, n - len(data))
            if not chunk:
                raise SpawnerDied("the judge's spawner process died")
            data += chunk
        return data

    def _message(self) -> dict[str, Any]:
        (size,) = struct.unpack(">I", self._read_exact(4))
        return marshal.loads(self._read_exact(size))

    def start(self, request: dict[str, Any]) -> int:
        """Start one process; returns its pid (0 when it could not be started at all)."""
        data = marshal.dumps({**request, "id": 1})
        try:
            os.write(self._in, struct.pack(">I", len(data)) + data)
        except OSError as exc:
            raise SpawnerDied(str(exc)) from None
        return int(self._message()["pid"])

    def wait(self, timeout: float | None) -> dict[str, Any] | None:
        """The end-of-run report, or None if the process is still running after ``timeout``."""
        ms = None if timeout is None else max(0, int(timeout * 1000))
        if not self._poll.poll(ms):
            return None
        return self._message()

    def close(self) -> None:
        """Stop the spawner (it kills whatever still runs)."""
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self.proc.wait()


_idle: list[Spawner] = []
_lock = threading.Lock()


def close_all() -> None:
    """Stop the idle spawners and wait for them (at exit: studylog leaves no process behind)."""
    with _lock:
        idle = list(_idle)
        _idle.clear()
    for sp in idle:
        sp.close()


atexit.register(close_all)


def available() -> bool:
    """Whether spawners can work here (Linux with pidfd and posix_spawn)."""
    return (hasattr(os, "pidfd_open") and hasattr(os, "posix_spawnp")
            and os.environ.get("STUDYLOG_JUDGE_DIRECT") != "1")


@contextmanager
def lease() -> Iterator[Spawner]:
    """An idle spawner (or a new one) for this thread's run; returned to the pool afterwards."""
    with _lock:
        sp = _idle.pop() if _idle else None
    if sp is None or not sp.alive:
        sp = Spawner()
    ok = False
    try:
        yield sp
        ok = True
    finally:
        keep = ok and sp.alive
        with _lock:
            if keep and len(_idle) < 2 * (os.cpu_count() or 1):
                _idle.append(sp)
                keep = False
            else:
                keep = not keep  # dead or surplus: close it below
        if keep:
            sp.close()


def run_spawned(argv: list[str], env: dict[str, str], cwd: str, request: RunRequest, *,
                limits: dict[str, Any] | None = None,
                fds: tuple[tuple[int, Path, bool], ...] = (), reap_all: bool = False,
                grace_s: float = 0.0) -> RunResult:
    """Start ``argv`` from a leased spawner and wait here for its report, killing its process
    group on the wall-clock limit or a cancel. ``limits`` are the soft limits the spawner sets
    (None in a box, which sets its own); ``reap_all`` waits for every process handed to the
    spawner (a box's init). ``fds`` are files opened for the child at those numbers (writable
    where the flag says so); ``grace_s`` extends the wall-clock deadline (an in-box waiter
    stops the program itself and reports it)."""
    req = {
        "argv": argv, "env": env, "cwd": cwd, "stdin": str(request.stdin_path),
        "stdout": str(request.stdout_path), "stderr": str(request.stderr_path),
        "fds": [[fd, str(path), write] for fd, path, write in fds], "reap_all": reap_all, "limits": limits,
    }
    cancel = request.cancel
    start = time.monotonic()
    deadline = start + request.limits.wall_ms / 1000 + grace_s
    timed_out = cancelled = False
    with lease() as sp:
        pid = sp.start(req)
        while True:
            left = deadline - time.monotonic()
            res = sp.wait(max(0.0, min(left, POLL_SLICE_MS / 1000)))
            if res is not None:
                break
            if cancel is not None and cancel.is_set():
                cancelled = True
            elif time.monotonic() >= deadline:
                timed_out = True
            else:
                continue
            kill_group(pid)
            res = sp.wait(None)
            break
    assert res is not None
    code, sig = decode_status(res["status"])
    return RunResult(
        pid=pid, exit_code=code, signal=sig, cpu_ms=int((res["utime"] + res["stime"]) * 1000),
        memory_kb=int(res["maxrss"]), wall_ms=int((time.monotonic() - start) * 1000),
        timed_out=timed_out, cancelled=cancelled,
    )
