"""Queries on training runs and their per-epoch metrics (tables ``runs`` and ``run_epochs``).

Torch-free. Reads return :class:`RunRecord` / :class:`EpochRecord` dataclasses; their
``to_dict()`` is the stable ``--json`` shape (fields are only ever added). What a day's record
shows of its runs is in :mod:`studylog.store.day_summary`.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path
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
           AS final_val_f1,
       r.pid, r.proc_start, r.weights, r.config_json
FROM runs r
"""


@dataclass(frozen=True)
class EpochRecord:
    """One stored epoch. ``val_loss`` is the run's own loss; ``val_ce`` is plain cross-entropy,
    comparable across losses. Per-class lists follow the run's class order."""

    epoch: int
    train_loss: float | None
    val_loss: float | None
    val_acc: float | None
    val_f1: float | None
    lr: float | None
    seconds: float | None
    samples_per_s: float | None
    per_class_f1: list[float] = field(default_factory=list)
    val_ce: float | None = None
    train_acc: float | None = None
    precision: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The ``--json`` shape of an epoch."""
        return asdict(self)


@dataclass(frozen=True)
class RunRecord:
    """A stored run: its list row, plus config, summary and epochs when read one at a time."""

    id: int
    date: str
    created: str
    finished: str | None
    status: str
    model: str
    dataset: str
    device: str
    loss: str | None
    optimizer: str | None
    lr: float | None
    scheduler: str | None
    freeze: str | None
    epochs: int | None          # planned
    trainable_params: int | None
    total_params: int | None
    samples_per_s: float | None
    first_batch_s: float | None
    duration_s: float | None
    message: str
    epochs_done: int
    best_val_acc: float | None
    best_val_f1: float | None
    final_val_acc: float | None
    final_val_f1: float | None
    pid: int | None = None
    proc_start: str | None = None
    weights: str | None = None
    config: dict[str, Any] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)
    epochs_list: list[EpochRecord] = field(default_factory=list)

    def option(self, key: str) -> Any:
        """One config option (None when absent)."""
        return self.config.get(key)

    def to_dict(self, *, detail: bool = False) -> dict[str, Any]:
        """The ``--json`` shape: the list row, and with ``detail`` also config, summary and
        ``epochs_list``."""
        data = asdict(self)
        data["epochs_list"] = [e.to_dict() for e in self.epochs_list]
        if not detail:
            for key in ("config", "summary", "epochs_list"):
                data.pop(key)
        return data


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def _record(row: dict[str, Any]) -> RunRecord:
    config = json.loads(row.pop("config_json") or "{}")
    if row.get("weights") and not Path(row["weights"]).is_dir():
        row["weights"] = None  # no epoch finished, or the folder was removed
    return RunRecord(config=config, **row)


def db_folder(db: sqlite_utils.Database) -> Path | None:
    """The folder of the database file (None for an in-memory database)."""
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file).resolve().parent
    return None


def weights_dir(db: sqlite_utils.Database, run_id: int) -> Path | None:
    """Where run ``run_id`` keeps its weights: ``<database folder>/runs/<id>/``."""
    folder = db_folder(db)
    return None if folder is None else folder / "runs" / str(run_id)


def insert_run(
    db: sqlite_utils.Database, *, date: str, config: dict[str, Any], model: str, dataset: str,
    device: str, trainable_params: int, total_params: int, pid: int | None = None,
    proc_start: str | None = None,
) -> int:
    """Store a new run with status ``running`` (creating the day if needed); return its id."""
    with transaction(db):
        ensure_day(db, date)
        cur = db.execute(
            "INSERT INTO runs (date, created, status, config_json, model, dataset, device, "
            "trainable_params, total_params, pid, proc_start) "
            "VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?)",
            [date, _now(), json.dumps(config, ensure_ascii=False), model, dataset, device,
             trainable_params, total_params, pid, proc_start],
        )
        run_id = int(cur.lastrowid or 0)
        where = weights_dir(db, run_id)
        if where is not None:
            db.execute("UPDATE runs SET weights = ? WHERE id = ?", [str(where), run_id])
        return run_id


def restart_run(db: sqlite_utils.Database, run_id: int, *, pid: int, proc_start: str | None,
                keep_epochs: int) -> None:
    """Mark a run ``running`` again (resume) by this process; drop epochs after ``keep_epochs``."""
    with transaction(db):
        db.execute("DELETE FROM run_epochs WHERE run_id = ? AND epoch > ?", [run_id, keep_epochs])
        db.execute("UPDATE runs SET status = 'running', finished = NULL, message = '', pid = ?, "
                   "proc_start = ? WHERE id = ?", [pid, proc_start, run_id])


def add_epoch(db: sqlite_utils.Database, run_id: int, row: EpochRecord) -> None:
    """Store one epoch's metrics."""
    with transaction(db):
        db.execute(
            "INSERT OR REPLACE INTO run_epochs (run_id, epoch, train_loss, val_loss, val_acc, "
            "val_f1, lr, seconds, samples_per_s, per_class_f1_json, val_ce, train_acc, "
            "per_class_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [run_id, row.epoch, row.train_loss, row.val_loss, row.val_acc, row.val_f1, row.lr,
             row.seconds, row.samples_per_s, json.dumps(row.per_class_f1), row.val_ce,
             row.train_acc, json.dumps({"precision": row.precision, "recall": row.recall})],
        )


def finish_run(
    db: sqlite_utils.Database, run_id: int, *, status: str, message: str = "",
    samples_per_s: float | None = None, first_batch_s: float | None = None,
    duration_s: float | None = None, summary: dict[str, Any] | None = None,
) -> None:
    """Set a run's final status, timings and summary (confusion matrix, per-class F1, ...);
    a ``None`` summary keeps the stored one."""
    with transaction(db):
        db.execute(
            "UPDATE runs SET status = ?, finished = ?, message = ?, samples_per_s = ?, "
            "first_batch_s = ?, duration_s = ?, summary_json = coalesce(?, summary_json) "
            "WHERE id = ?",
            [status, _now(), message, samples_per_s, first_batch_s, duration_s,
             None if summary is None else json.dumps(summary, ensure_ascii=False), run_id],
        )


def mark_crashed(db: sqlite_utils.Database, run_id: int, message: str) -> None:
    """A ``running`` run whose process is gone becomes ``crashed`` (no other status changes)."""
    with transaction(db):
        db.execute("UPDATE runs SET status = 'crashed', finished = ?, message = ? "
                   "WHERE id = ? AND status = 'running'", [_now(), message, run_id])


def running(db: sqlite_utils.Database) -> list[tuple[int, int | None, str | None]]:
    """(id, pid, proc_start) of every run stored as ``running``."""
    rows = db.execute("SELECT id, pid, proc_start FROM runs WHERE status = 'running'").fetchall()
    return [(int(r[0]), r[1], r[2]) for r in rows]


def list_runs(
    db: sqlite_utils.Database, *, date: str | None = None, limit: int | None = None
) -> list[RunRecord]:
    """Runs newest first (optionally one day's), with best/final validation accuracy and F1."""
    sql, params = _LIST_SQL, []
    if date:
        sql += " WHERE r.date = ?"
        params.append(date)
    sql += " ORDER BY r.id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [_record(row) for row in db.query(sql, params)]


def get_run(db: sqlite_utils.Database, run_id: int) -> RunRecord | None:
    """One run with ``config``, ``summary`` and its ``epochs_list``, or None."""
    rows = list(db.query(_LIST_SQL + " WHERE r.id = ?", [run_id]))
    if not rows:
        return None
    raw = db.execute("SELECT summary_json FROM runs WHERE id = ?", [run_id]).fetchone()
    base = _record(rows[0])
    return RunRecord(**{**base.__dict__, "summary": json.loads(raw[0] or "{}"),
                        "epochs_list": epochs(db, run_id)})


def epochs(db: sqlite_utils.Database, run_id: int) -> list[EpochRecord]:
    """A run's epochs in order."""
    out = []
    for row in db.query("SELECT * FROM run_epochs WHERE run_id = ? ORDER BY epoch", [run_id]):
        per_class = json.loads(row.get("per_class_json") or "{}")
        out.append(EpochRecord(
            epoch=row["epoch"], train_loss=row["train_loss"], val_loss=row["val_loss"],
            val_acc=row["val_acc"], val_f1=row["val_f1"], lr=row["lr"], seconds=row["seconds"],
            samples_per_s=row["samples_per_s"],
            per_class_f1=json.loads(row["per_class_f1_json"] or "[]"),
            val_ce=row.get("val_ce"), train_acc=row.get("train_acc"),
            precision=per_class.get("precision") or [], recall=per_class.get("recall") or [],
        ))
    return out


def delete_run(db: sqlite_utils.Database, run_id: int) -> bool:
    """Delete a run, its epochs and its weights folder; False when there was no such run."""
    row = db.execute("SELECT weights FROM runs WHERE id = ?", [run_id]).fetchone()
    if row is None:
        return False
    with transaction(db):
        db.execute("DELETE FROM run_epochs WHERE run_id = ?", [run_id])
        db.execute("DELETE FROM runs WHERE id = ?", [run_id])
    folder = Path(row[0]) if row[0] else None
    if folder is not None and folder.name == str(run_id) and folder.parent.name == "runs":
        shutil.rmtree(folder, ignore_errors=True)
    return True


def count(db: sqlite_utils.Database) -> int:
    """How many runs are stored."""
    return int(db.execute("SELECT count(*) FROM runs").fetchone()[0])
