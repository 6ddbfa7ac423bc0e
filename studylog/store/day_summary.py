"""What a day's record shows of the judge and the training lab: the problems tried and the runs.

Kept apart from :mod:`studylog.store.attempts` and :mod:`studylog.store.runs` (whose many records
cost start-up time) so that `studylog today` loads only these two small records.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils


@dataclass(frozen=True)
class DayAttempt:
    """A problem attempted on a day: its last verdict that day and how many tries."""

    problem_id: str
    title: str
    final_verdict: str
    attempts: int


@dataclass(frozen=True)
class DayRun:
    """A run of a day, as the daily record and the blog post show it."""

    id: int
    model: str
    dataset: str
    loss: str
    optimizer: str
    scheduler: str
    freeze: str
    epochs_done: int
    status: str
    best_val_acc: float | None
    final_val_acc: float | None
    best_val_f1: float | None
    final_val_f1: float | None


_ATTEMPTS_SQL = """
    SELECT a.problem_id, p.title, count(*) AS attempts, min(a.id) AS first_id,
           (SELECT b.verdict FROM attempts b WHERE b.problem_id = a.problem_id
             AND b.date = a.date ORDER BY b.created DESC, b.id DESC LIMIT 1) AS final_verdict
    FROM attempts a JOIN problems p ON p.id = a.problem_id
    WHERE a.date = ?
    GROUP BY a.problem_id
    ORDER BY min(a.created), first_id
"""

_RUNS_SQL = """
    SELECT r.id, r.model, r.dataset,
           json_extract(r.config_json, '$.loss') AS loss,
           json_extract(r.config_json, '$.optimizer') AS optimizer,
           json_extract(r.config_json, '$.scheduler') AS scheduler,
           json_extract(r.config_json, '$.freeze') AS freeze,
           (SELECT count(*) FROM run_epochs e WHERE e.run_id = r.id) AS epochs_done,
           r.status,
           (SELECT max(val_acc) FROM run_epochs e WHERE e.run_id = r.id) AS best_val_acc,
           (SELECT val_acc FROM run_epochs e WHERE e.run_id = r.id ORDER BY epoch DESC LIMIT 1)
               AS final_val_acc,
           (SELECT max(val_f1) FROM run_epochs e WHERE e.run_id = r.id) AS best_val_f1,
           (SELECT val_f1 FROM run_epochs e WHERE e.run_id = r.id ORDER BY epoch DESC LIMIT 1)
               AS final_val_f1
    FROM runs r WHERE r.date = ? ORDER BY r.id
"""


def attempts_on_day(db: sqlite_utils.Database, date: str) -> list[DayAttempt]:
    """Problems attempted on ``date`` (the day's last verdict and the count of tries), in the
    order of each problem's first attempt that day."""
    return [DayAttempt(r["problem_id"], r["title"], r["final_verdict"], r["attempts"])
            for r in db.query(_ATTEMPTS_SQL, [date])]


def runs_on_day(db: sqlite_utils.Database, date: str) -> list[DayRun]:
    """The day's runs, oldest first."""
    return [DayRun(**row) for row in db.query(_RUNS_SQL, [date])]
