"""Closing the terminal (SIGHUP) right after typing keeps the text: the app saves, then exits."""

from __future__ import annotations

import os
import pty
import select
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def drain(fd: int, seconds: float) -> bytes:
    out = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                out += os.read(fd, 65536)
            except OSError:
                break
    return out


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_sighup_right_after_typing_saves(tmp_path: Path) -> None:
    db = tmp_path / "hup.db"
    env = dict(os.environ, STUDYLOG_DB=str(db), STUDYLOG_CONFIG=str(tmp_path / "c.toml"),
               TERM="xterm-256color", COLUMNS="120", LINES="40")
    pid, fd = pty.fork()
    if pid == 0:  # the child: the app in a terminal
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "-m", "studylog"], env)
    try:
        seen = b""
        end = time.monotonic() + 60
        while "오늘 한 일".encode() not in seen and time.monotonic() < end:
            seen += drain(fd, 0.2)
        drain(fd, 1.0)
        os.write(fd, "hangup 직전".encode())
        drain(fd, 0.1)  # well under the 0.3 s debounce
        os.kill(pid, signal.SIGHUP)
        end = time.monotonic() + 30
        while time.monotonic() < end:
            drain(fd, 0.1)
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(fd)
    rows = sqlite3.connect(db).execute("SELECT body FROM entries WHERE section = 'lecture'")
    assert [r[0] for r in rows] == ["hangup 직전"]
