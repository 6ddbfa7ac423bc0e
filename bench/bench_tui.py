"""TUI budgets on the ten-year database (3,650 days) of the journal bench.

Prints:
- first screen: wall time from starting the process (which imports the CLI as `studylog` does)
  to Today loaded and drawn (budget ≤ 1 s), best and median of several processes;
- memory (RSS) with the first screen up, and after visiting every screen (no training yet)
  (budget ≤ 150 MB);
- a run started from the Train screen (cnn on mnist5k) with the spare training child waiting, as
  the app starts one 3 s after it opens: its status line (first batch) and the app's memory
  after it.

Typing is measured at the terminal, key -> screen drawn, by bench/bench_keys.py.

Run: .venv/bin/python bench/bench_tui.py
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from tenyear import build  # noqa: E402

SOURCE = Path(tempfile.gettempdir()) / "studylog-bench-tenyear.db"  # shared with bench_journal
DB = Path(tempfile.gettempdir()) / "studylog-bench-tui.db"  # our copy: the bench types and trains

CHILD = r"""
import asyncio, json, sys, time
T0 = float(sys.argv[3])
from pathlib import Path
import psutil
import studylog.cli.main  # what `studylog` imports before it opens the app (typer, ...)
from studylog.tui.app import create_app

def rss():
    return psutil.Process().memory_info().rss / 2**20

async def until(pilot, cond, timeout=300):
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise SystemExit("timed out")
        await asyncio.sleep(0.01)

async def main():
    out = {}
    app = create_app(Path(sys.argv[1]))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: getattr(app.screen, "_loaded", False))
        await asyncio.sleep(0)
        out["first_screen_s"] = time.time() - T0
        out["rss_first_mb"] = rss()
        out["torch_loaded"] = "torch" in sys.modules
        if sys.argv[2] == "first":
            print(json.dumps(out)); return
        for mode in ("journal", "problems", "stats", "train", "today"):
            await app.switch_mode(mode)
            await asyncio.sleep(1.0)
            await until(pilot, lambda: not any(
                w.is_running and not w.group.startswith("_") for w in app.workers))
        out["rss_all_screens_mb"] = rss()
        out["torch_loaded_before_training"] = "torch" in sys.modules
        from studylog.train import child
        child.prewarm()  # what the app does 3 s after it opens (not when headless, as here)
        await asyncio.sleep(6)
        train = app._screen_stacks["train"][0]
        for k, v in {"model": "cnn", "epochs": "3", "limit": "3000"}.items():
            train.query_one(f"#f-{k}").value = v
        t = time.perf_counter()
        train.action_start_run()
        await until(pilot, lambda: not train.live.running)
        out["run_s"] = time.perf_counter() - t
        child.drop_spare()
        out["epochs"] = len(train.live.epochs)
        out["status"] = str(train.query_one("#train-status").content)
        out["torch_in_app_after_run"] = "torch" in sys.modules
        out["rss_after_run_mb"] = rss()
    print(json.dumps(out))

asyncio.run(main())
"""


def child(mode: str) -> dict:
    env = dict(os.environ, STUDYLOG_CONFIG=str(Path(tempfile.gettempdir()) / "bench-cfg.toml"),
               STUDYLOG_WARM_TRAIN="1")
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", CHILD, str(DB), mode, repr(t0)], cwd=ROOT,
                         capture_output=True, text=True, env=env, timeout=900)
    if out.returncode != 0:
        raise SystemExit(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    from studylog.journal.publish.backup import backup
    from studylog.store import open_db

    build(SOURCE)
    for suffix in ("", "-wal", "-shm"):
        Path(str(DB) + suffix).unlink(missing_ok=True)
    source = open_db(SOURCE)
    backup(source, DB)
    source.conn.close()
    print(f"database: {DB} ({DB.stat().st_size / 2**20:.0f} MB, ten years)")
    runs = [child("first") for _ in range(5)]
    firsts = [r["first_screen_s"] for r in runs]
    print(f"first screen (process start -> Today drawn): best {min(firsts):.2f} s, "
          f"median {statistics.median(firsts):.2f} s  (budget 1 s); torch imported: "
          f"{any(r['torch_loaded'] for r in runs)}")
    print(f"memory with the first screen: {statistics.median(r['rss_first_mb'] for r in runs):.0f} MB")
    full = child("full")
    print(f"memory after visiting all five screens, before training: "
          f"{full['rss_all_screens_mb']:.0f} MB (budget 150 MB); torch imported: "
          f"{full['torch_loaded_before_training']}")
    print(f"the run: {full['status']} in {full['run_s']:.1f} s (cnn, mnist5k limit 3000, "
          f"3 epochs, in the spare training child, which had imported torch); torch in the "
          f"app afterwards: {full['torch_in_app_after_run']}, app memory "
          f"{full['rss_after_run_mb']:.0f} MB")


if __name__ == "__main__":
    main()
