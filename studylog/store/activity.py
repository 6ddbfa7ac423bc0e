"""Read-only summaries of a day's judge attempts and training runs, for the daily record."""

from __future__ import annotations

import json

import sqlite_utils


def runs_for_date(db: sqlite_utils.Database, date: str) -> list[dict]:
    """Training runs of ``date`` with their config essentials and final metrics, oldest first."""
    out: list[dict] = []
    for r in db.query(
        "SELECT id, model, dataset, status, config_json FROM runs WHERE date = ? ORDER BY id",
        [date],
    ):
        cfg = json.loads(r["config_json"] or "{}")
        last = db.execute(
            "SELECT epoch, val_acc, val_f1 FROM run_epochs WHERE run_id = ? "
            "ORDER BY epoch DESC LIMIT 1",
            [r["id"]],
        ).fetchone()
        out.append(
            {
                "id": r["id"],
                "model": r["model"],
                "dataset": r["dataset"],
                "status": r["status"],
                "loss": cfg.get("loss", ""),
                "optimizer": cfg.get("optimizer", ""),
                "scheduler": cfg.get("scheduler", ""),
                "freeze": cfg.get("freeze", ""),
                "epochs_done": last[0] if last else 0,
                "val_acc": last[1] if last else None,
                "val_f1": last[2] if last else None,
            }
        )
    return out


def active_dates(db: sqlite_utils.Database) -> dict[str, int]:
    """Activity per date: entries + to-dos + attempts + runs written that day."""
    sql = """
        SELECT date, sum(n) FROM (
            SELECT date, count(*) AS n FROM entries GROUP BY date
            UNION ALL SELECT date, count(*) FROM todos GROUP BY date
            UNION ALL SELECT date, count(*) FROM attempts GROUP BY date
            UNION ALL SELECT date, count(*) FROM runs GROUP BY date
        ) GROUP BY date
    """
    return {d: n for d, n in db.execute(sql).fetchall()}


def section_counts(db: sqlite_utils.Database) -> list[tuple[str, str, int]]:
    """(date, section, entry count) for every day and section that has entries."""
    return db.execute(
        "SELECT date, section, count(*) FROM entries GROUP BY date, section ORDER BY date"
    ).fetchall()
