"""The bank with the user's status per problem, as typed rows, filtered by tag and status."""

from __future__ import annotations

import sqlite_utils

from studylog.errors import UserError
from studylog.judge import history
from studylog.judge.bank import Problem, ProblemStatus
from studylog.judge.problem_present import TAGS, tag_key

STATUSES = ("solved", "tried", "new", "unsolved")  # unsolved = tried or new


def check_status(status: str) -> str:
    """``status`` if it is one of :data:`STATUSES`, else UserError."""
    s = status.strip().lower()
    if s not in STATUSES:
        raise UserError(f"unknown status {status!r} (use {', '.join(STATUSES)})")
    return s


def has_tag(problem: Problem, tag: str) -> bool:
    """Whether ``problem`` carries ``tag`` (a key or a Korean/English name)."""
    return tag_key(tag) in {tag_key(t) for t in problem.tags}


def statuses(db: sqlite_utils.Database, problems: list[Problem], *, tag: str | None = None,
             status: str | None = None) -> list[ProblemStatus]:
    """The problems (those with ``tag`` and in ``status`` when given) with the user's status."""
    if tag is not None:
        problems = [p for p in problems if has_tag(p, tag)]
        if not problems and tag_key(tag) not in TAGS:
            known = ", ".join(TAGS)
            raise UserError(f"no problem has the tag {tag!r} (tags: {known})")
    want = check_status(status) if status else None
    by_id = {p.id: p for p in problems}
    rows = []
    for r in history.statuses(db, problems):
        p = by_id[r["id"]]
        if want == "unsolved" and r["status"] == "solved":
            continue
        if want not in (None, "unsolved") and r["status"] != want:
            continue
        rows.append(ProblemStatus(
            id=r["id"], title=r["title"], title_en=r["title_en"], tags=list(r["tags"]),
            time_limit_ms=r["time_limit_ms"], memory_mb=r["memory_mb"], builtin=r["builtin"],
            status=r["status"], attempts=r["attempts"], last_verdict=r["last_verdict"],
            last_date=r["last_date"], checker=p.checker, has_reference=p.has_reference,
        ))
    return rows
