"""Key → screen latency of the Today editor, measured at the terminal, against a bare floor.

Each app runs in its own pseudo-terminal (120×40, xterm-256color), as in a real terminal: the
bench writes one Hangul syllable to the terminal and times until the app has written that
syllable back to the screen (the bytes reach the terminal: drawn). Every key is a new syllable,
so its first appearance is its own echo.

Two apps side by side, keys interleaved one by one (a key to studylog, then one to the floor):
- studylog on a fresh database, the cursor in today's 강의 복습 editor (autosave, tab marks,
  the debounced preview all running);
- the floor: a bare Textual app with one TextArea.
With ``--train`` a training run (``studylog train``, cnn on mnist5k, its own process as in the
app) goes on beside both, so both see the same load.

Prints per app: median, p95, worst, share of keys over 100 ms; and p95 studylog / p95 floor.

Run: .venv/bin/python bench/bench_keys.py [--keys 200] [--train]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FLOOR = r"""
from textual.app import App
from textual.widgets import TextArea

class Bare(App):
    def compose(self):
        yield TextArea(id="ed")
    def on_mount(self):
        self.query_one(TextArea).focus()

Bare().run()
"""


class Term:
    """A program in its own pseudo-terminal."""

    def __init__(self, argv: list[str], env: dict[str, str], cols: int = 120, rows: int = 40):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True, close_fds=True)
        os.close(slave)
        self.fd = master
        self.seen = b""

    def read(self, timeout: float) -> bytes:
        """What the program wrote within ``timeout`` seconds (empty when it wrote nothing)."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b""
        try:
            return os.read(self.fd, 1 << 16)
        except OSError:
            return b""

    def settle(self, quiet: float = 1.0, limit: float = 60.0) -> None:
        """Read until the program has been quiet for ``quiet`` seconds."""
        end = time.monotonic() + limit
        while time.monotonic() < end:
            if not self.read(quiet):
                return

    def key_to_screen(self, char: str, limit: float = 5.0) -> float:
        """Seconds from writing ``char`` to the terminal until the program draws it."""
        want = char.encode()
        buf = b""
        t0 = time.perf_counter()
        os.write(self.fd, want)
        while time.perf_counter() - t0 < limit:
            buf += self.read(limit)
            if want in buf:
                return time.perf_counter() - t0
        return limit

    def close(self) -> None:
        os.write(self.fd, b"\x11")  # ctrl+q
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self.fd)


def syllables(n: int) -> list[str]:
    """``n`` different Hangul syllables (가, 각, 갂, ...)."""
    return [chr(0xAC00 + 37 * i) for i in range(n)]


def stats(name: str, xs: list[float]) -> float:
    ms = sorted(x * 1000 for x in xs)
    p95 = ms[int(0.95 * (len(ms) - 1))]
    over = sum(x > 100 for x in ms) / len(ms)
    print(f"{name:9s} median {statistics.median(ms):6.1f} ms  p95 {p95:6.1f} ms  "
          f"worst {ms[-1]:6.1f} ms  over 100 ms {over:5.1%}  ({len(ms)} keys)")
    return p95


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--keys", type=int, default=200)
    ap.add_argument("--train", action="store_true")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="studylog-keys-"))
    env = {**os.environ, "TERM": "xterm-256color", "STUDYLOG_DB": str(work / "s.db"),
           "STUDYLOG_CONFIG": str(work / "c.toml"), "COLUMNS": "120", "LINES": "40"}
    env.pop("TEXTUAL", None)
    py = sys.executable
    trainer = None
    if args.train:
        trainer = subprocess.Popen([py, "-m", "studylog", "train", "--model", "cnn",
                                    "--epochs", "50"], env=env, cwd=work,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    apps = {"studylog": Term([py, "-m", "studylog"], env), "floor": Term([py, "-c", FLOOR], env)}
    for term in apps.values():
        term.settle()
    times: dict[str, list[float]] = {name: [] for name in apps}
    chars = syllables(args.keys * len(apps) + 10)
    for i in range(args.keys):
        for j, (name, term) in enumerate(apps.items()):
            times[name].append(term.key_to_screen(chars[i * len(apps) + j]))
            time.sleep(0.05)  # a fast typist: a key every ~50 ms
    load = os.getloadavg()[0]
    for term in apps.values():
        term.close()
    if trainer is not None:
        trainer.kill()
        trainer.wait()
    print(f"key → screen drawn, {args.keys} keys each, interleaved; "
          f"{'training beside' if args.train else 'idle'}; load {load:.1f}")
    p95 = {name: stats(name, xs) for name, xs in times.items()}
    print(f"p95 ratio studylog / floor: {p95['studylog'] / p95['floor']:.2f}×")


if __name__ == "__main__":
    main()
