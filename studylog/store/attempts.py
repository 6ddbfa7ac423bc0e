"""Queries on problems, judge attempts and the user's regression cases.

Rows come back as frozen dataclasses (:class:`AttemptRow`: the one record of an attempt row,
also what the review queue and the week read; :class:`Attempt`,
:class:`ProblemStatus`, :class:`Regression`). What a day's record shows of its attempts is in
:mod:`studylog.store.day_summary`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from studylog.store.days import ensure_day, now
from studylog.store.tx import transaction


@dataclass(frozen=True)
class AttemptRow:
    """One stored attempt, without its code and per-test list."""

    id: int
    problem_id: str
    date: str
    created: str
    language: str
    filename: str
    verdict: str
    passed: int
    total: int
    time_ms: int | None
    memory_kb: int | None
    title: str = ""


@dataclass(frozen=True)
class Attempt(AttemptRow):
    """One stored attempt with its code and per-test summaries (``tests``: index, name, kind,
    verdict, time_ms, memory_kb, exit_code, signal)."""

    code: str = ""
    tests: list[dict[str, Any]] = field(default_factory=list)
    failure: dict[str, Any] | None = None  # the first failing test's report, when stored


@dataclass(frozen=True)
class ProblemStatus:
    """The user's record on one problem."""

    attempts: int
    solved: bool
    last_verdict: str | None
    last_date: str | None


@dataclass(frozen=True)
class Regression:
    """A saved failing input found by a stress run."""

    id: int
    created: str
    input: str
    note: str


_ROW = ("id", "problem_id", "date", "created", "language", "filename", "verdict", "passed",
        "total", "time_ms", "memory_kb")


def attempt_row(r: dict[str, Any]) -> AttemptRow:
    """An :class:`AttemptRow` from a query row with the attempt's columns and ``title``."""
    return AttemptRow(**{k: r[k] for k in _ROW}, title=r.get("title") or "")


def ensure_problem(db: sqlite_utils.Database, problem_id: str, title: str, title_en: str) -> None:
    """Insert the ``problems`` row on first sight (keeps titles up to date)."""
    db.execute(
        "INSERT INTO problems (id, title, title_en, first_seen) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET title = excluded.title, title_en = excluded.title_en",
        [problem_id, title, title_en, now()],
    )


def add_attempt(
    db: sqlite_utils.Database, *, problem_id: str, title: str, title_en: str, date: str,
    language: str, filename: str, code: str, verdict: str, passed: int, total: int,
    time_ms: int | None, memory_kb: int | None, tests: list[dict[str, Any]],
    failure: dict[str, Any] | None = None,
) -> int:
    """Store one attempt (with its day and problem rows) in one transaction; returns its id."""
    with transaction(db):
        ensure_day(db, date)
        ensure_problem(db, problem_id, title, title_en)
        cur = db.execute(
            "INSERT INTO attempts (problem_id, date, created, language, filename, code, verdict, "
            "passed, total, time_ms, memory_kb, tests_json, failure_json) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [problem_id, date, now(), language, filename, code, verdict, passed, total, time_ms,
             memory_kb, json.dumps(tests, ensure_ascii=False),
             None if failure is None else json.dumps(failure, ensure_ascii=False)],
        )
        assert cur.lastrowid is not None
        return int(cur.lastrowid)


def attempts_for(db: sqlite_utils.Database, problem_id: str, limit: int = 50) -> list[AttemptRow]:
    """A problem's attempts, newest first (without the code and per-test list)."""
    return [attempt_row(r) for r in db.query(
        "SELECT id, problem_id, date, created, language, filename, verdict, passed, total, "
        "time_ms, memory_kb FROM attempts WHERE problem_id = ? ORDER BY created DESC, id DESC "
        "LIMIT ?", [problem_id, limit])]


def get_attempt(db: sqlite_utils.Database, attempt_id: int) -> Attempt | None:
    """One attempt with its code and per-test list, or None."""
    rows = list(db.query(
        "SELECT a.*, p.title FROM attempts a LEFT JOIN problems p ON p.id = a.problem_id "
        "WHERE a.id = ?", [attempt_id]))
    if not rows:
        return None
    r = rows[0]
    tests = json.loads(r.get("tests_json") or "[]")
    failure = json.loads(r["failure_json"]) if r.get("failure_json") else None
    return Attempt(**{k: r[k] for k in _ROW}, title=r.get("title") or "", code=r["code"] or "",
                   tests=tests if isinstance(tests, list) else [],
                   failure=failure if isinstance(failure, dict) else None)


def attempts_on(db: sqlite_utils.Database, date: str) -> list[AttemptRow]:
    """Every attempt of a day in order."""
    return [attempt_row(r) for r in db.query(
        "SELECT a.id, a.problem_id, a.date, p.title, a.created, a.language, a.filename, "
        "a.verdict, a.passed, a.total, a.time_ms, a.memory_kb FROM attempts a "
        "JOIN problems p ON p.id = a.problem_id WHERE a.date = ? ORDER BY a.created, a.id",
        [date])]


def status_by_problem(db: sqlite_utils.Database) -> dict[str, ProblemStatus]:
    """Per problem attempted: ``attempts``, ``solved`` (any AC), ``last_verdict``, ``last_date``."""
    sql = """
        SELECT a.problem_id, count(*) AS attempts, max(a.verdict = 'AC') AS solved,
               max(a.date) AS last_date,
               (SELECT b.verdict FROM attempts b WHERE b.problem_id = a.problem_id
                 ORDER BY b.created DESC, b.id DESC LIMIT 1) AS last_verdict
        FROM attempts a GROUP BY a.problem_id
    """
    return {
        r["problem_id"]: ProblemStatus(r["attempts"], bool(r["solved"]), r["last_verdict"],
                                       r["last_date"])
        for r in db.query(sql)
    }


def add_regression(db: sqlite_utils.Database, problem_id: str, title: str, title_en: str,
                   text: str, note: str = "") -> bool:
    """Save a regression input for a problem; False when the same input was already saved."""
    with transaction(db):
        ensure_problem(db, problem_id, title, title_en)
        cur = db.execute(
            "INSERT OR IGNORE INTO regressions (problem_id, created, input, note) "
            "VALUES (?, ?, ?, ?)", [problem_id, now(), text, note])
        return cur.rowcount > 0


def regressions_for(db: sqlite_utils.Database, problem_id: str) -> list[Regression]:
    """A problem's saved regression inputs, oldest first."""
    return [Regression(r["id"], r["created"], r["input"], r["note"] or "") for r in db.query(
        "SELECT id, created, input, note FROM regressions WHERE problem_id = ? ORDER BY id",
        [problem_id])]
