"""Journal budgets on ten years of daily logs (3,650 days, ~3.5 KB each).

Prints: the search query alone (≤ 50 ms for any term) and whole-process times of
`studylog --help`, `today` and `search` next to the bare start of the stack
(`python -c "import typer, sqlite_utils"`; budget: ≤ 100 ms above it).

Run: .venv/bin/python bench/bench_journal.py   (the database goes to $TMPDIR)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tenyear import build  # noqa: E402

from studylog.journal.search import search  # noqa: E402
from studylog.store import open_db  # noqa: E402

DB = Path(tempfile.gettempdir()) / "studylog-bench-tenyear.db"
TERMS = ["회고", "단지", "번호붙이기", "단지번호붙이기", "단지 번호붙이기", "단지번호 붙이기", "피어세션",
         "탐", "a", "loss", "CosineAnnealingLR", "CosineAnnealing LR", "정규화 학습률", "없는단어",
         "뷁", "zq"]  # a 1-2 character term found nowhere: every row scanned


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    t0 = time.perf_counter()
    build(DB)
    print(f"database: {DB} ({DB.stat().st_size / 1e6:.0f} MB, built/checked in "
          f"{time.perf_counter() - t0:.1f} s)")
    db = open_db(DB)
    n = db.execute("SELECT count(*) FROM entries").fetchone()[0]
    chars = db.execute("SELECT sum(length(body)) FROM entries").fetchone()[0]
    print(f"{db.execute('SELECT count(*) FROM days').fetchone()[0]} days, {n} entries, "
          f"{chars / 1e6:.1f} M characters")
    print("\nsearch query alone (top 20, ranked), ms over 20 runs:")
    print(f"  {'term':<22}{'hits':>6}{'median':>9}{'max':>8}")
    worst = 0.0
    for term in TERMS:
        hits = len(search(db, term, limit=20))
        times = timed(lambda t=term: search(db, t, limit=20), 20)
        worst = max(worst, max(times))
        print(f"  {term:<22}{hits:>6}{statistics.median(times):>9.1f}{max(times):>8.1f}")
    for term, kw in (("회고", {"section": "retro"}), ("loss", {"since": "2024-01-01"})):
        hits = len(search(db, term, limit=20, **kw))
        times = timed(lambda t=term, k=kw: search(db, t, limit=20, **k), 20)
        worst = max(worst, max(times))
        label = f"{term} {' '.join(f'--{k} {v}' for k, v in kw.items())}"
        print(f"  {label:<22}{hits:>6}{statistics.median(times):>9.1f}{max(times):>8.1f}")
    print(f"  worst case: {worst:.1f} ms (budget 50 ms)")

    exe = Path(sys.executable)
    script = exe.parent / "studylog"
    env = dict(os.environ, STUDYLOG_DB=str(DB), STUDYLOG_CONFIG=str(DB) + ".toml")
    cmds = {
        "python -c 'import typer, sqlite_utils'": [str(exe), "-c", "import typer, sqlite_utils"],
        "studylog --help": [str(script), "--help"],
        "studylog today": [str(script), "today"],
        "studylog search 회고": [str(script), "search", "회고"],
    }
    print("\nwhole process, ms (median of 21 rounds; the commands take turns in each round):")
    for cmd in cmds.values():
        subprocess.run(cmd, env=env, capture_output=True, check=True)  # warm the disk cache
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(21):
        for name, cmd in cmds.items():
            times[name] += timed(
                lambda c=cmd: subprocess.run(c, env=env, capture_output=True, check=True), 1)
    base = statistics.median(next(iter(times.values())))
    for i, (name, ts) in enumerate(times.items()):
        med = statistics.median(ts)
        note = "(the floor)" if i == 0 else f"+{med - base:.0f} ms over the floor (budget +100)"
        print(f"  {name:<40}{med:>7.0f}   {note}")

if __name__ == "__main__":
    main()
