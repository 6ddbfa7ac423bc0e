"""Line comments anchored to a file's content, not its name.

A comment keeps the hash of the whole file it was written on and the quoted lines. Finding it
again (:func:`resolve`): the same file unchanged → fresh; a file of the team with the same hash
(the file was renamed or moved) → fresh there; the quoted lines found again in the member's
file → moved (to the new line numbers); otherwise → stale (the lines changed), shown at its old
place with its quote; no file of that member for the problem at all → missing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from studylog.errors import UserError
from studylog.peer.team import Solution, Team
from studylog.store import peer as store
from studylog.words import say

ROLES = ("member", "mentor")


@dataclass(frozen=True)
class Target:
    """What ``FILE:LINE[-LINE]`` names."""

    path: Path
    start: int
    end: int


@dataclass(frozen=True)
class Placed:
    """A comment found again: where it is now and whether it still fits the code."""

    comment: store.CommentRow
    status: str  # fresh, moved, stale, missing
    rel: str  # the file it is on now (its old path when stale/missing)
    start: int
    end: int


def content_hash(text: str) -> str:
    """The anchor hash of a file's text (line endings normalised)."""
    return hashlib.sha1(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()[:16]


def parse_target(spec: str) -> Target:
    """``FILE:LINE`` or ``FILE:START-END`` (1-based); UserError when the lines are not in the
    file."""
    m = re.fullmatch(r"(.+):(\d+)(?:-(\d+))?", spec)
    if not m:
        raise UserError(say(f"FILE:LINE 이나 FILE:START-END 로 쓰세요 ({spec!r}가 아닙니다)",
                            f"expected FILE:LINE or FILE:START-END, not {spec!r}"))
    path = Path(m.group(1)).expanduser()
    start = int(m.group(2))
    end = int(m.group(3) or start)
    if not path.is_file():
        raise UserError(say(f"그런 파일이 없습니다: {path}", f"no such file: {path}"))
    count = len(_lines(path.read_text(encoding="utf-8", errors="replace")))
    if start < 1 or end < start:
        raise UserError(say(f"줄 범위가 잘못되었습니다: {start}-{end} (줄은 1부터 시작하고, 끝은 "
                            f"시작 뒤여야 합니다)",
                            f"bad line range {start}-{end} (lines start at 1, the end after the "
                            f"start)"))
    if end > count:
        raise UserError(say(f"{path.name}는 {count}줄입니다; {end}번째 줄은 끝을 넘습니다",
                            f"{path.name} has {count} lines; line {end} is past the end"))
    return Target(path, start, end)


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").splitlines()


def add(db: sqlite_utils.Database, team: Team, target: Target, body: str, *, author: str,
        role: str = "member", date: str | None = None) -> store.CommentRow:
    """Store a comment on ``target``'s lines (author and role: member or mentor)."""
    if role not in ROLES:
        raise UserError(say(f"role은 member나 mentor여야 합니다 ({role!r}가 아닙니다)",
                            f"role must be member or mentor, not {role!r}"))
    if not body.strip():
        raise UserError(say("코멘트가 비어 있습니다", "the comment is empty"))
    sol = team.locate(target.path)
    text = sol.text()
    quote = "\n".join(_lines(text)[target.start - 1:target.end])
    now = dt.datetime.now()
    row = store.CommentRow(
        uid=uuid.uuid4().hex, team=team.name, problem_id=sol.problem_id, member=sol.member,
        path=sol.rel, line_start=target.start, line_end=target.end, quote=quote,
        file_hash=content_hash(text), body=body.strip(), author=author, role=role,
        date=date or now.date().isoformat(), created=now.isoformat(timespec="seconds"))
    store.add_comment(db, row)
    return row


def resolve(comment: store.CommentRow, solutions: list[Solution]) -> Placed:
    """Where ``comment`` is now among ``solutions`` (see the module docstring)."""
    texts = {s.rel: s.text() for s in solutions}
    same = [rel for rel, t in texts.items() if content_hash(t) == comment.file_hash]
    if comment.path in same or same:
        rel = comment.path if comment.path in same else same[0]
        return Placed(comment, "fresh", rel, comment.line_start, comment.line_end)
    mine = [s.rel for s in solutions if s.member == comment.member]
    order = sorted(mine, key=lambda rel: rel != comment.path)
    want = comment.quote.split("\n")
    for rel in order:
        lines = _lines(texts[rel])
        hits = [i for i in range(len(lines) - len(want) + 1) if lines[i:i + len(want)] == want]
        if hits:
            i = min(hits, key=lambda h: abs(h + 1 - comment.line_start))
            status = "fresh" if rel == comment.path and i + 1 == comment.line_start else "moved"
            return Placed(comment, status, rel, i + 1, i + len(want))
    status = "stale" if mine else "missing"
    rel = comment.path if comment.path in mine or not mine else order[0]
    return Placed(comment, status, rel, comment.line_start, comment.line_end)


def placed(db: sqlite_utils.Database, team: Team, problem_id: str) -> list[Placed]:
    """Every stored comment of the team on ``problem_id``, found again in the current files."""
    sols = team.solutions(problem_id)
    return [resolve(c, sols) for c in store.comments(db, team=team.name, problem_id=problem_id)]
