"""Client side of the judge's spawner process (see ``_spawner.py`` for why it exists).

One spawner per studylog process, started on first use and restarted if it dies. Any number of
threads may call :meth:`Spawner.spawn` at once; a reader thread hands each reply to its caller.
"""

from __future__ import annotations

import marshal
import os
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

SCRIPT = Path(__file__).with_name("_spawner.py")


class Handle:
    """One spawned process: its pid once started, its report once it ended."""

    def __init__(self) -> None:
        self.pid = 0
        self.started = threading.Event()
        self.done = threading.Event()
        self.result: dict[str, Any] = {}
        self.error: str = ""


class SpawnerDied(RuntimeError):
    """The spawner process went away while a run was in flight."""


class Spawner:
    """A running spawner process and its reader thread."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-S", "-E", "-s", str(SCRIPT)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0, close_fds=True,
        )
        self._lock = threading.Lock()
        self._next = 0
        self._waiting: dict[int, Handle] = {}
        self.alive = True
        threading.Thread(target=self._read, name="studylog-spawner", daemon=True).start()

    def _read_exact(self, n: int) -> bytes:
        assert self.proc.stdout is not None
        data = b""
        while len(data) < n:
            chunk = self.proc.stdout.read(n - len(data))
            if not chunk:
                raise EOFError
            data += chunk
        return data

    def _read(self) -> None:
        try:
            while True:
                (size,) = struct.unpack(">I", self._read_exact(4))
                msg = marshal.loads(self._read_exact(size))
                with self._lock:
                    handle = self._waiting.get(msg["id"])
                if handle is None:
                    continue
                if "pid" in msg:
                    handle.pid = msg["pid"]
                    handle.started.set()
                else:
                    handle.result = msg
                    with self._lock:
                        self._waiting.pop(msg["id"], None)
                    handle.done.set()
        except (EOFError, OSError, ValueError):
            pass
        with self._lock:
            self.alive = False
            waiting, self._waiting = self._waiting, {}
        for handle in waiting.values():
            handle.error = "the judge's spawner process died"
            handle.started.set()
            handle.done.set()

    def spawn(self, request: dict[str, Any]) -> Handle:
        """Start one process; returns once its pid is known."""
        handle = Handle()
        with self._lock:
            if not self.alive:
                raise SpawnerDied("the judge's spawner process is not running")
            self._next += 1
            request = {**request, "id": self._next}
            self._waiting[self._next] = handle
            data = marshal.dumps(request)
            assert self.proc.stdin is not None
            try:
                self.proc.stdin.write(struct.pack(">I", len(data)) + data)
            except OSError as exc:
                self._waiting.pop(self._next, None)
                raise SpawnerDied(str(exc)) from None
        handle.started.wait()
        if handle.error:
            raise SpawnerDied(handle.error)
        return handle

    def close(self) -> None:
        """Stop the spawner (it kills whatever still runs)."""
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait()


_spawner: Spawner | None = None
_spawner_lock = threading.Lock()


def get_spawner() -> Spawner | None:
    """The process's spawner, started if needed; None where it cannot work (no pidfd)."""
    global _spawner
    if not hasattr(os, "pidfd_open") or os.environ.get("STUDYLOG_JUDGE_DIRECT") == "1":
        return None
    with _spawner_lock:
        if _spawner is None or not _spawner.alive or _spawner.proc.poll() is not None:
            _spawner = Spawner()
        return _spawner
