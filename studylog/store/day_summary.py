"""What a day's record shows of the judge and the training lab: the problems tried and the runs.

Kept apart from :mod:`studylog.store.attempts` and :mod:`studylog.store.runs` (whose many records
cost start-up time) so that `studylog today` loads only these two small records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import sqlite_utils

ACCEPTED = "AC"


def best_verdict(verdicts: Sequence[str]) -> str:
    """The best of a problem's verdicts, oldest first: AC when any try was accepted (BOJ keeps a
    problem solved once it was), else the last try's ("" when there was none)."""
    if ACCEPTED in verdicts:
        return ACCEPTED
    return verdicts[-1] if verdicts else ""


class TryRow(Protocol):
    """What :func:`tries_by_problem` needs of one attempt (an AttemptRow, a day's row)."""

    @property
    def problem_id(self) -> str: ...  # noqa: D102
    @property
    def title(self) -> str: ...  # noqa: D102
    @property
    def verdict(self) -> str: ...  # noqa: D102
    @property
    def date(self) -> str: ...  # noqa: D102


@dataclass(frozen=True)
class ProblemTries:
    """One problem's tries over a span (a day, a week): the best and the last verdict."""

    problem_id: str
    title: str
    best_verdict: str
    last_verdict: str
    tries: int
    dates: tuple[str, ...]

    @property
    def solved(self) -> bool:
        """Whether one of the tries was accepted."""
        return self.best_verdict == ACCEPTED


def tries_by_problem(rows: Iterable[TryRow]) -> list[ProblemTries]:
    """The one place that turns attempts (oldest first) into each problem's best verdict and
    number of tries, in the order of each problem's first try (the day's table, the week page
    and the blog post all use it)."""
    grouped: dict[str, list[TryRow]] = {}
    for row in rows:
        grouped.setdefault(row.problem_id, []).append(row)
    out = []
    for pid, got in grouped.items():
        verdicts = [r.verdict for r in got]
        out.append(ProblemTries(pid, got[-1].title, best_verdict(verdicts), verdicts[-1],
                                len(got), tuple(sorted({r.date for r in got}))))
    return out


@dataclass(frozen=True)
class DayAttempt:
    """A problem attempted on a day: its last verdict that day, how many tries, and its best
    verdict that day (AC once one try was accepted: what the day's table and post show)."""

    problem_id: str
    title: str
    final_verdict: str
    attempts: int
    best_verdict: str = ""

    @property
    def verdict(self) -> str:
        """The verdict to show: the day's best (the last one where no best was computed)."""
        return self.best_verdict or self.final_verdict


@dataclass(frozen=True)
class _DayRow:
    problem_id: str
    title: str
    verdict: str
    date: str


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
    SELECT a.problem_id, p.title, a.verdict, a.date
    FROM attempts a JOIN problems p ON p.id = a.problem_id
    WHERE a.date = ?
    ORDER BY a.created, a.id
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
    """Problems attempted on ``date`` (the day's best and last verdict and the count of tries),
    in the order of each problem's first attempt that day."""
    rows = [_DayRow(r["problem_id"], r["title"] or "", r["verdict"], r["date"])
            for r in db.query(_ATTEMPTS_SQL, [date])]
    return [DayAttempt(t.problem_id, t.title, t.last_verdict, t.tries, t.best_verdict)
            for t in tries_by_problem(rows)]


def runs_on_day(db: sqlite_utils.Database, date: str) -> list[DayRun]:
    """The day's runs, oldest first."""
    return [DayRun(**row) for row in db.query(_RUNS_SQL, [date])]
