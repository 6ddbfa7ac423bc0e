"""Closing the terminal right after typing keeps the text, and the app is gone within a second.

Real processes: the app in a pty (SIGHUP to it, and the pty's master closed as a terminal
window closing does) and in a private tmux server killed with ``tmux kill-server``; repeated, so
a hang that happens one time in ten shows.
"""

from __future__ import annotations

import os
import pty
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GONE_WITHIN_S = 1.0
READY = "오늘 한 일".encode()
TMUX_ROUNDS = 20


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


def app_env(tmp_path: Path, db: Path) -> dict[str, str]:
    return dict(os.environ, STUDYLOG_DB=str(db), STUDYLOG_CONFIG=str(tmp_path / "c.toml"),
                TERM="xterm-256color", COLUMNS="120", LINES="40")


def lecture(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT body FROM entries WHERE section = 'lecture'")]
    finally:
        conn.close()


def gone(pid: int) -> bool:
    """True when ``pid`` has exited (reaped, or a zombie nobody reaped yet)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return True
    return state in ("Z", "X")


def run_in_pty(tmp_path: Path, db: Path, text: str, close_master: bool) -> float:
    """Start the app in a pty, type ``text``, hang up; seconds until the process was gone."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the app in a terminal
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "-m", "studylog"], app_env(tmp_path, db))
    closed = False
    try:
        seen = b""
        end = time.monotonic() + 60
        while READY not in seen and time.monotonic() < end:
            seen += drain(fd, 0.2)
        drain(fd, 0.5)
        os.write(fd, text.encode())
        drain(fd, 0.1)  # well under the 0.3 s debounce
        start = time.monotonic()
        if close_master:  # the terminal window closes: the kernel sends SIGHUP
            os.close(fd)
            closed = True
        else:
            os.kill(pid, signal.SIGHUP)
        while time.monotonic() - start < 10:
            if not closed:
                drain(fd, 0.01)
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                return time.monotonic() - start
            time.sleep(0.01)
        return float("inf")
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        if not closed:
            os.close(fd)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
@pytest.mark.parametrize("close_master", [False, True], ids=["sighup", "terminal-closed"])
def test_hangup_right_after_typing_saves_and_exits(tmp_path: Path, close_master: bool) -> None:
    db = tmp_path / "hup.db"
    for round_ in range(3):
        text = f"hangup 직전 {round_}"
        took = run_in_pty(tmp_path, db, ("\n" if round_ else "") + text, close_master)
        assert took < GONE_WITHIN_S, f"round {round_}: still running after {took:.2f} s"
        assert lecture(db)[0].endswith(text)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_tmux_kill_server_never_hangs(tmp_path: Path) -> None:
    """``tmux kill-server`` of a private server, 20 times: saved and gone within 1 s each."""
    db = tmp_path / "tmux.db"
    sock = f"studylog-hup-{os.getpid()}"
    env = app_env(tmp_path, db)
    env.pop("TMUX", None)
    for size in ("COLUMNS", "LINES"):  # tmux's window gives the size (80x24)
        env.pop(size, None)
    command = f"cd {ROOT} && exec {sys.executable} -m studylog"
    typed: list[str] = []
    try:
        for round_ in range(TMUX_ROUNDS):
            pid = int(subprocess.run(
                ["tmux", "-L", sock, "new-session", "-d", "-P", "-F", "#{pane_pid}",
                 "-x", "80", "-y", "24", command],
                env=env, check=True, capture_output=True, text=True).stdout.strip())
            end = time.monotonic() + 60
            while time.monotonic() < end:
                screen = subprocess.run(["tmux", "-L", sock, "capture-pane", "-p"],
                                        capture_output=True, text=True).stdout
                if "오늘 한 일" in screen:
                    break
                time.sleep(0.1)
            else:
                pytest.fail(f"round {round_}: the app's first screen never showed:\n{screen}")
            time.sleep(0.3)
            text = f"tmux {round_} 닫기"
            typed.append(text)
            if round_:
                subprocess.run(["tmux", "-L", sock, "send-keys", "Enter"], check=True)
            subprocess.run(["tmux", "-L", sock, "send-keys", "-l", text], check=True)
            time.sleep(0.1)
            start = time.monotonic()
            subprocess.run(["tmux", "-L", sock, "kill-server"], check=True)
            while not gone(pid) and time.monotonic() - start < 10:
                time.sleep(0.01)
            took = time.monotonic() - start
            if not gone(pid):
                os.kill(pid, signal.SIGKILL)
            assert took < GONE_WITHIN_S, f"round {round_}: still running after {took:.2f} s"
            assert lecture(db)[0].endswith(text), f"round {round_}: {lecture(db)!r}"
    finally:
        subprocess.run(["tmux", "-L", sock, "kill-server"], capture_output=True)
    assert lecture(db)[0].split("\n") == typed
