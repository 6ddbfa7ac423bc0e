"""Queries on training runs and their per-epoch metrics (tables ``runs`` and ``run_epochs``).

Torch-free: the journal's blog export calls :func:`summary_for_date`.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlite_utils

from studylog.store.days import ensure_day
from studylog.store.tx import transaction

_LIST_SQL = """
SELECT r.id, r.date, r.created, r.finished, r.status, r.model, r.dataset, r.device,
       json_extract(r.config_json, '$.loss') AS loss,
       json_extract(r.config_json, '$.optimizer') AS optimizer,
       json_extract(r.config_json, '$.lr') AS lr,
       json_extract(r.config_json, '$.scheduler') AS scheduler,
       json_extract(r.config_json, '$.freeze') AS freeze,
       json_extract(r.config_json, '$.epochs') AS epochs,
       r.trainable_params, r.total_params, r.samples_per_s, r.first_batch_s, r.duration_s,
       r.message,
       (SELECT count(*) FROM run_epochs e WHERE e.run_id = r.id) AS epochs_done,
       (SELECT max(val_acc) FROM run_epochs e WHERE e.run_id = r.id) AS best_val_acc,
       (SELECT max(val_f1) FROM run_epochs e WHERE e.run_id = r.id) AS best_val_f1,
       (SELECT val_acc FROM run_epochs e WHERE e.run_id = r.id ORDER BY epoch DESC LIMIT 1)
           AS final_val_acc,
       (SELECT val_f1 FROM run_epochs e WHERE e.run_id = r.id ORDER BY epoch DESC LIMIT 1)
           AS final_val_f1
FROM runs r
"""


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def insert_run(
    db: sqlite_utils.Database, *, date: str, config: dict[str, Any], model: str, dataset: str,
    device: str, trainable_params: int, total_params: int,
) -> int:
    """Store a new run with status ``running`` (creating the day if needed); return its id."""
    with transaction(db):
        ensure_day(db, date)
        cur = db.execute(
            "INSERT INTO runs (date, created, status, config_json, model, dataset, device, "
            "trainable_params, total_params) VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?)",
            [date, _now(), json.dumps(config, ensure_ascii=False), model, dataset, device,
             trainable_params, total_params],
        )
        return cur.lastrowid


def add_epoch(db: sqlite_utils.Database, run_id: int, row: dict[str, Any]) -> None:
    """Store one epoch's metrics (keys: epoch, train_loss, val_loss, val_acc, val_f1, lr,
    seconds, samples_per_s, per_class_f1)."""
    with transaction(db):
        db.execute(
            "INSERT OR REPLACE INTO run_epochs (run_id, epoch, train_loss, val_loss, val_acc, "
            "val_f1, lr, seconds, samples_per_s, per_class_f1_json) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [run_id, row["epoch"], row.get("train_loss"), row.get("val_loss"), row.get("val_acc"),
             row.get("val_f1"), row.get("lr"), row.get("seconds"), row.get("samples_per_s"),
             json.dumps(row.get("per_class_f1") or [])],
        )


def finish_run(
    db: sqlite_utils.Database, run_id: int, *, status: str, message: str = "",
    samples_per_s: float | None = None, first_batch_s: float | None = None,
    duration_s: float | None = None, summary: dict[str, Any] | None = None,
) -> None:
    """Set a run's final status, timings and summary (confusion matrix, per-class F1, ...)."""
    with transaction(db):
        db.execute(
            "UPDATE runs SET status = ?, finished = ?, message = ?, samples_per_s = ?, "
            "first_batch_s = ?, duration_s = ?, summary_json = ? WHERE id = ?",
            [status, _now(), message, samples_per_s, first_batch_s, duration_s,
             json.dumps(summary or {}, ensure_ascii=False), run_id],
        )


def list_runs(
    db: sqlite_utils.Database, *, date: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Runs newest first (optionally one day's), with best/final validation accuracy and F1."""
    sql, params = _LIST_SQL, []
    if date:
        sql += " WHERE r.date = ?"
        params.append(date)
    sql += " ORDER BY r.id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return list(db.query(sql, params))


def get_run(db: sqlite_utils.Database, run_id: int) -> dict[str, Any] | None:
    """One run with ``config`` and ``summary`` decoded and its ``epochs`` list, or None."""
    rows = list(db.query(_LIST_SQL + " WHERE r.id = ?", [run_id]))
    if not rows:
        return None
    run = rows[0]
    raw = db.execute("SELECT config_json, summary_json FROM runs WHERE id = ?", [run_id]).fetchone()
    run["config"] = json.loads(raw[0])
    run["summary"] = json.loads(raw[1])
    run["epochs_list"] = epochs(db, run_id)
    return run


def epochs(db: sqlite_utils.Database, run_id: int) -> list[dict[str, Any]]:
    """A run's epochs in order, ``per_class_f1`` decoded."""
    out = []
    for row in db.query("SELECT * FROM run_epochs WHERE run_id = ? ORDER BY epoch", [run_id]):
        row["per_class_f1"] = json.loads(row.pop("per_class_f1_json"))
        row.pop("run_id")
        out.append(row)
    return out


def summary_for_date(db: sqlite_utils.Database, date: str) -> list[dict[str, Any]]:
    """The day's runs, oldest first, for the daily record and the blog export.

    Each dict: id, model, dataset, loss, optimizer, scheduler, freeze, epochs_done, status,
    best_val_acc, final_val_acc, best_val_f1, final_val_f1.
    """
    keys = ("id", "model", "dataset", "loss", "optimizer", "scheduler", "freeze", "epochs_done",
            "status", "best_val_acc", "final_val_acc", "best_val_f1", "final_val_f1")
    rows = list_runs(db, date=date)
    return [{k: r[k] for k in keys} for r in reversed(rows)]


def count(db: sqlite_utils.Database) -> int:
    """How many runs are stored."""
    return db.execute("SELECT count(*) FROM runs").fetchone()[0]
