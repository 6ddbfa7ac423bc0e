"""Helpers for the study tests: a real database in the test's temp folder, attempts and runs
written through the store's own functions (as the judge and the trainer write them)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from studylog.store import attempts, open_db
from studylog.store import runs as runs_store


@pytest.fixture
def db(home: Path) -> sqlite_utils.Database:
    """The test's database (the same file the CLI fixtures use)."""
    return open_db(home / "studylog.db")


def attempt(db: sqlite_utils.Database, problem: str, date: str, verdict: str,
            title: str = "", time_ms: int = 12) -> int:
    """Record one judge attempt the way judge.history does."""
    titles = {"2667": "단지번호붙이기", "1012": "유기농 배추", "1260": "DFS와 BFS",
              "7576": "토마토"}
    return attempts.add_attempt(
        db, problem_id=problem, title=title or titles.get(problem, problem), title_en="",
        date=date, language="python", filename="sol.py", code="print(1)", verdict=verdict,
        passed=1 if verdict == "AC" else 0, total=1, time_ms=time_ms, memory_kb=1000, tests=[])


def run(db: sqlite_utils.Database, date: str, accs: list[float], model: str = "cnn") -> int:
    """A finished training run with one epoch per accuracy (no torch involved)."""
    run_id = runs_store.insert_run(
        db, date=date, config={"loss": "ce", "optimizer": "adam", "lr": 0.001,
                               "scheduler": "none", "freeze": "none", "epochs": len(accs)},
        model=model, dataset="mnist5k", device="cpu", trainable_params=10, total_params=10)
    for i, acc in enumerate(accs, 1):
        runs_store.add_epoch(db, run_id, runs_store.EpochRecord(
            epoch=i, train_loss=1.0 / i, val_loss=1.0, val_acc=acc, val_f1=acc - 0.01, lr=0.001,
            seconds=1.0, samples_per_s=100.0))
    runs_store.finish_run(db, run_id, status="completed")
    return run_id
