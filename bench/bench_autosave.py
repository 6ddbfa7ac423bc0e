"""Autosave budget: ≤ 0.8 s from the last keystroke to a committed transaction.

Runs the app headless (Textual's Pilot) on a fresh database, types a word into Today's editor,
and polls the database from a second connection until the word is committed; prints the delay
from the last keystroke, 15 rounds. A second block types for 2 s without a pause and prints
the longest time any typed text stayed unsaved meanwhile.

Run: .venv/bin/python bench/bench_autosave.py
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from studylog.tui.app import create_app  # noqa: E402

DATE = "2026-11-26"


def stored(conn: sqlite3.Connection) -> str:
    rows = conn.execute("SELECT body FROM entries WHERE date = ? AND section = 'lecture'",
                        [DATE]).fetchall()
    return "\n".join(r[0] for r in rows)


async def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["STUDYLOG_CONFIG"] = str(tmp / "config.toml")
    db_path = tmp / "bench.db"
    app = create_app(db_path, today=DATE)
    async with app.run_test(size=(120, 40)) as pilot:
        while not getattr(app.screen, "_loaded", False):
            await pilot.pause(0.02)
        conn = sqlite3.connect(db_path)
        delays = []
        for i in range(15):
            word = f" w{i}"
            await pilot.press(*word)
            t0 = time.perf_counter()
            while not stored(conn).endswith(word):
                await asyncio.sleep(0.005)
            delays.append(time.perf_counter() - t0)
            await pilot.pause(0.2)
        print("last keystroke -> committed, s (15 rounds):")
        print(f"  median {statistics.median(delays):.3f}  max {max(delays):.3f}  (budget 0.8)")

        typed, worst, unsaved_since = "", 0.0, None
        end = time.perf_counter() + 2.0
        while time.perf_counter() < end:
            await pilot.press("x")
            typed += "x"
            now = time.perf_counter()
            if stored(conn).endswith(typed):
                unsaved_since = None
            elif unsaved_since is None:
                unsaved_since = now
            else:
                worst = max(worst, now - unsaved_since)
            await asyncio.sleep(0.05)
        print(f"typing without a pause for 2 s: text unsaved at most {worst:.3f} s")
        conn.close()


if __name__ == "__main__":
    asyncio.run(main())
