"""Review queue, carry-over and week page on ten years of daily logs.

Adds to a copy of the ten-year database (bench/tenyear.py): ~11,000 judge attempts on 300
problems (three a day), a note tagged #복습 each week and an open retro item every third day.
Prints the in-process time of building every card and asking what is due, of a sync, of the
carried items of a day and of a week page, then whole-process times of `studylog todo list`,
`review`, `week` and `export` (one day) next to `studylog today`.

Run: .venv/bin/python bench/bench_study.py
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tenyear import build  # noqa: E402

from studylog.config import Settings  # noqa: E402
from studylog.store import attempts, open_db, transaction  # noqa: E402
from studylog.store import days as q  # noqa: E402
from studylog.study import carryover, review, review_cards, week  # noqa: E402

BASE = Path(tempfile.gettempdir()) / "studylog-bench-tenyear.db"
VERDICTS = ["AC", "AC", "AC", "WA", "TLE", "RE"]


def add_study_data(path: Path) -> None:
    rng = random.Random(3)
    db = open_db(path)
    dates = [r[0] for r in db.execute("SELECT date FROM days ORDER BY date").fetchall()]
    with transaction(db):
        for i, date in enumerate(dates):
            for _ in range(3):
                pid = str(1000 + rng.randrange(300))
                attempts.add_attempt(
                    db, problem_id=pid, title=f"문제 {pid}", title_en="", date=date,
                    language="python", filename="a.py", code="", verdict=rng.choice(VERDICTS),
                    passed=0, total=1, time_ms=rng.randrange(5, 900), memory_kb=1, tests=[])
            if i % 7 == 0:
                q.add_entry(db, date, "lecture", f"## 개념 {i}\n정리 #복습 #topic{i % 5}",
                            tags=["복습", f"topic{i % 5}"])
            if i % 3 == 0:
                q.add_entry(db, date, "retro", f"- [ ] 할 것 {i}\n내일 할 일:\n- 복습 {i}")
    db.conn.close()


def timed(fn, repeat: int = 5) -> float:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return statistics.median(out)


def process(args: list[str], env: dict[str, str], repeat: int = 5) -> float:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "studylog", *args], env=env, check=True,
                       capture_output=True)
        out.append((time.perf_counter() - t0) * 1000)
    return statistics.median(out)


def main() -> None:
    build(BASE)
    work = Path(tempfile.mkdtemp(prefix="studylog-bench-study-"))
    path = work / "studylog.db"
    shutil.copy(BASE, path)
    add_study_data(path)
    db = open_db(path)
    settings = Settings.load(work / "config.toml")
    today = db.execute("SELECT max(date) FROM days").fetchone()[0]
    n_att = db.execute("SELECT count(*) FROM attempts").fetchone()[0]
    print(f"{n_att} attempts, {len(review.histories(db))} cards")

    def cold_due() -> None:
        review._CACHE.clear()
        review.due_on(db, today)

    print(f"due_on(today), cards rebuilt:     {timed(cold_due):7.1f} ms")
    print(f"due_on(today), cached histories:  {timed(lambda: review.due_on(db, today)):7.1f} ms")
    db.execute("DELETE FROM review_cards")
    t0 = time.perf_counter()
    review_cards.sync(db)
    print(f"sync, all cards written:          {(time.perf_counter() - t0) * 1000:7.1f} ms")
    print(f"sync, nothing changed:            {timed(lambda: review_cards.sync(db)):7.1f} ms")
    print(f"carried(today):                   {timed(lambda: carryover.carried(db, today)):7.1f} ms")
    start, end = week.week_of(today, settings)
    print(f"build_week:                       "
          f"{timed(lambda: week.build_week(db, start, end, settings, today)):7.1f} ms")
    db.conn.close()
    env = dict(os.environ, STUDYLOG_DB=str(path), STUDYLOG_CONFIG=str(work / "config.toml"))
    first = (dt.date.fromisoformat(today) - dt.timedelta(days=29)).isoformat()
    for args in (["today"], ["todo", "list", "-d", today], ["review", "--on", today],
                 ["week", today], ["export", today], ["export", "--since", first]):
        print(f"studylog {' '.join(args):<32} {process(args, env):7.1f} ms")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
