"""The bank with the user's status per problem, as typed rows, filtered by tag and status."""

from __future__ import annotations

import sqlite_utils

from studylog.errors import UserError
from studylog.judge.problems.bank import Problem, ProblemStatus
from studylog.judge.words import TAGS, tag_key
from studylog.store import attempts
from studylog.words import say

STATUSES = ("solved", "tried", "new", "unsolved")  # unsolved = tried or new


def check_status(status: str) -> str:
    """``status`` if it is one of :data:`STATUSES`, else UserError."""
    s = status.strip().lower()
    if s not in STATUSES:
        use = ", ".join(STATUSES)
        raise UserError(say(f"알 수 없는 상태입니다: {status!r} ({use} 중 하나를 쓰세요)",
                            f"unknown status {status!r} (use {use})"))
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
            raise UserError(say(f"{tag!r} 태그가 붙은 문제가 없습니다 (태그: {known})",
                                f"no problem has the tag {tag!r} (tags: {known})"))
    want = check_status(status) if status else None
    rows = []
    for r in problem_statuses(db, problems):
        if want == "unsolved" and r.status == "solved":
            continue
        if want not in (None, "unsolved") and r.status != want:
            continue
        rows.append(r)
    return rows


def problem_statuses(db: sqlite_utils.Database, problems: list[Problem]) -> list[ProblemStatus]:
    """The bank with the user's status per problem (``solved``, ``tried`` or ``new``)."""
    seen = attempts.status_by_problem(db)
    rows = []
    for p in problems:
        s = seen.get(p.id)
        rows.append(ProblemStatus(
            id=p.id, title=p.title, title_en=p.title_en, tags=list(p.tags),
            time_limit_ms=p.time_limit_ms, memory_mb=p.memory_mb, builtin=p.builtin,
            status="new" if s is None else ("solved" if s.solved else "tried"),
            attempts=0 if s is None else s.attempts,
            last_verdict=None if s is None else s.last_verdict,
            last_date=None if s is None else s.last_date,
            checker=p.checker, has_reference=p.has_reference,
        ))
    return rows
