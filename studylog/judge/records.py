"""The judge's records: attempts stored with their day, the user's status per problem, and the
regression cases found by stress runs (SQL lives in :mod:`studylog.store.attempts`)."""

from __future__ import annotations

import os
from pathlib import Path

import sqlite_utils

from studylog.config import study_today
from studylog.judge.problems.bank import Problem
from studylog.judge.problems.cases import TestCase, reference_output
from studylog.judge.runner import JudgeResult
from studylog.store import attempts as store


def record_attempt(db: sqlite_utils.Database, problem: Problem, source: Path,
                   result: JudgeResult, date: str | None = None) -> int:
    """Store one judged attempt (code, verdict, per-test summary, the first failure's report)
    on ``date`` (default today)."""
    from studylog.judge.report import failure_report

    report = failure_report(result)
    return store.add_attempt(
        db, problem_id=problem.id, title=problem.title, title_en=problem.title_en,
        date=date or study_today(), language=result.language,
        filename=display_name(source), code=source.read_text(encoding="utf-8", errors="replace"),
        verdict=result.verdict.value, passed=result.passed, total=result.total,
        time_ms=result.time_ms, memory_kb=result.memory_kb,
        tests=[t.to_json() for t in result.tests],
        failure=None if report is None else report.to_json(),
    )


def display_name(path: Path) -> str:
    """A file's name as text (a name that is not UTF-8 decoded leniently, never a traceback)."""
    return os.fsencode(path.name).decode("utf-8", errors="replace")


def history(db: sqlite_utils.Database, problem_id: str, limit: int = 50) -> list[store.AttemptRow]:
    """A problem's attempts, newest first."""
    return store.attempts_for(db, problem_id, limit)


def attempt(db: sqlite_utils.Database, attempt_id: int) -> store.Attempt | None:
    """One stored attempt with its per-test summaries and code."""
    return store.get_attempt(db, attempt_id)


def save_regression(db: sqlite_utils.Database, problem: Problem, text: str, note: str = "") -> bool:
    """Keep ``text`` as a regression case of ``problem``; False if it was already saved."""
    return store.add_regression(db, problem.id, problem.title, problem.title_en, text, note)


def regression_cases(db: sqlite_utils.Database, problem: Problem) -> list[TestCase]:
    """The user's regression cases as tests (expected output from the reference, fresh)."""
    return [
        TestCase(f"regression {i}", "regression", r.input, reference_output(problem, r.input))
        for i, r in enumerate(store.regressions_for(db, problem.id), start=1)
    ]
