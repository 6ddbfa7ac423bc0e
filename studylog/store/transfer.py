"""Whole-row dumps and restores of a day's attempts and runs, for the JSON export/import."""

from __future__ import annotations

import sqlite_utils

from studylog.store.days import ensure_day

_ATTEMPT_COLS = ("problem_id", "date", "created", "language", "filename", "code", "verdict",
                 "passed", "total", "time_ms", "memory_kb", "tests_json")
_RUN_COLS = ("date", "created", "finished", "status", "config_json", "model", "dataset", "device",
             "trainable_params", "total_params", "samples_per_s", "first_batch_s", "duration_s",
             "message", "summary_json")
_EPOCH_COLS = ("epoch", "train_loss", "val_loss", "val_acc", "val_f1", "lr", "seconds",
               "samples_per_s", "per_class_f1_json")


def dump_attempts(db: sqlite_utils.Database, date: str) -> list[dict]:
    """A day's attempts with every column but the id (and the problem's titles)."""
    rows = db.query(
        f"SELECT {', '.join('a.' + c for c in _ATTEMPT_COLS)}, p.title, p.title_en "
        "FROM attempts a LEFT JOIN problems p ON p.id = a.problem_id WHERE a.date = ? "
        "ORDER BY a.id",
        [date],
    )
    return [dict(r) for r in rows]


def dump_runs(db: sqlite_utils.Database, date: str) -> list[dict]:
    """A day's runs with every column but the id, each with its epochs."""
    out = []
    for r in db.query(f"SELECT id, {', '.join(_RUN_COLS)} FROM runs WHERE date = ? ORDER BY id",
                      [date]):
        run = dict(r)
        run_id = run.pop("id")
        run["epochs"] = [
            dict(e)
            for e in db.query(
                f"SELECT {', '.join(_EPOCH_COLS)} FROM run_epochs WHERE run_id = ? ORDER BY epoch",
                [run_id],
            )
        ]
        out.append(run)
    return out


def restore_attempt(db: sqlite_utils.Database, a: dict) -> bool:
    """Insert an exported attempt unless the same one is there; True when inserted."""
    if db.execute(
        "SELECT 1 FROM attempts WHERE problem_id = ? AND created = ? AND code = ?",
        [a["problem_id"], a["created"], a["code"]],
    ).fetchone():
        return False
    ensure_day(db, a["date"])
    db.execute(
        "INSERT OR IGNORE INTO problems (id, title, title_en, first_seen) VALUES (?, ?, ?, ?)",
        [a["problem_id"], a.get("title") or "", a.get("title_en") or "", a["created"]],
    )
    db.execute(
        f"INSERT INTO attempts ({', '.join(_ATTEMPT_COLS)}) "
        f"VALUES ({', '.join('?' for _ in _ATTEMPT_COLS)})",
        [a.get(c) for c in _ATTEMPT_COLS],
    )
    return True


def restore_run(db: sqlite_utils.Database, r: dict) -> bool:
    """Insert an exported run with its epochs unless the same one is there; True when inserted."""
    if db.execute(
        "SELECT 1 FROM runs WHERE created = ? AND config_json = ?", [r["created"], r["config_json"]]
    ).fetchone():
        return False
    ensure_day(db, r["date"])
    cur = db.execute(
        f"INSERT INTO runs ({', '.join(_RUN_COLS)}) VALUES ({', '.join('?' for _ in _RUN_COLS)})",
        [r.get(c) for c in _RUN_COLS],
    )
    db.conn.executemany(
        f"INSERT INTO run_epochs (run_id, {', '.join(_EPOCH_COLS)}) "
        f"VALUES (?, {', '.join('?' for _ in _EPOCH_COLS)})",
        [[cur.lastrowid] + [e.get(c) for c in _EPOCH_COLS] for e in r.get("epochs", [])],
    )
    return True
