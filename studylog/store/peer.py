"""The peer session's tables: line comments on team members' solutions and the team's verdicts.

``peer_comments`` holds review comments anchored to a file's content (see
:mod:`studylog.peer.comments`); a comment's ``uid`` is the same in every member's database, so a
pulled comment is imported once. ``peer_results`` keeps each member's verdict of a
``peer judge`` run, for the day's summary. The tables are made by the ``peer_tables`` migration
(:mod:`studylog.store.migrations`).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from studylog.store.days import now
from studylog.store.tx import transaction


@dataclass(frozen=True)
class CommentRow:
    """One stored line comment (``role``: member or mentor; ``origin``: ``mine`` written here,
    ``received`` pulled from git and on my code, ``pulled`` pulled and on someone else's)."""

    uid: str
    team: str
    problem_id: str
    member: str
    path: str
    line_start: int
    line_end: int
    quote: str
    file_hash: str
    body: str
    author: str
    role: str
    date: str
    created: str = ""
    origin: str = "mine"


@dataclass(frozen=True)
class ResultRow:
    """One member's best verdict on a problem in a ``peer judge`` run of a day."""

    date: str
    team: str
    problem_id: str
    member: str
    language: str
    verdict: str
    time_ms: int
    path: str
    mine: bool = False  # the user's own solution


_COMMENT_COLS = ("uid", "team", "problem_id", "member", "path", "line_start", "line_end",
                 "quote", "file_hash", "body", "author", "role", "date", "created", "origin")


def _comment(row: tuple) -> CommentRow:
    return CommentRow(**dict(zip(_COMMENT_COLS, row, strict=True)))


def add_comment(db: sqlite_utils.Database, c: CommentRow) -> bool:
    """Store ``c`` unless a comment with its uid is there already; True when it was added."""
    created = c.created or now()
    with transaction(db):
        cur = db.execute(
            f"INSERT OR IGNORE INTO peer_comments ({', '.join(_COMMENT_COLS)}) "
            f"VALUES ({', '.join('?' * len(_COMMENT_COLS))})",
            [c.uid, c.team, c.problem_id, c.member, c.path, c.line_start, c.line_end, c.quote,
             c.file_hash, c.body, c.author, c.role, c.date, created, c.origin],
        )
    return cur.rowcount > 0


def comments(db: sqlite_utils.Database, *, team: str | None = None,
             problem_id: str | None = None, author: str | None = None,
             date: str | None = None, origin: str | None = None) -> list[CommentRow]:
    """The stored comments matching every given filter, oldest first."""
    where, args = [], []
    for col, value in (("team", team), ("problem_id", problem_id), ("author", author),
                       ("date", date), ("origin", origin)):
        if value is not None:
            where.append(f"{col} = ?")
            args.append(value)
    sql = f"SELECT {', '.join(_COMMENT_COLS)} FROM peer_comments"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [_comment(r) for r in db.execute(sql + " ORDER BY created, id", args).fetchall()]


def save_results(db: sqlite_utils.Database, rows: list[ResultRow]) -> None:
    """Store (or replace) the members' verdicts of one ``peer judge`` run."""
    stamp = now()
    with transaction(db):
        for r in rows:
            db.execute(
            "INSERT OR REPLACE INTO peer_results (date, team, problem_id, member, language, "
            "verdict, time_ms, path, created, mine) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [r.date, r.team, r.problem_id, r.member, r.language, r.verdict, r.time_ms, r.path,
             stamp, int(r.mine)],
            )


def results_on_day(db: sqlite_utils.Database, date: str) -> list[ResultRow]:
    """The members' verdicts recorded on ``date``, by problem then member."""
    rows = db.execute(
        "SELECT date, team, problem_id, member, language, verdict, time_ms, path, mine "
        "FROM peer_results WHERE date = ? ORDER BY problem_id, member", [date]).fetchall()
    return [ResultRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], mine=bool(r[8]))
            for r in rows]


def latest_results(db: sqlite_utils.Database, team: str, member: str) -> list[ResultRow]:
    """A member's latest recorded verdict per problem and file."""
    rows = db.execute(
        "SELECT date, team, problem_id, member, language, verdict, time_ms, path "
        "FROM peer_results WHERE team = ? AND member = ? ORDER BY created, id",
        [team, member]).fetchall()
    latest = {(r[2], r[7]): ResultRow(*r) for r in rows}
    return list(latest.values())


@dataclass(frozen=True)
class PeerWeek:
    """The peer sessions of a span of days: days with a session, the problems judged side by
    side (and, per problem, the members whose best verdict was AC), comments written and
    received."""

    sessions: int
    problems: tuple[str, ...]
    comments_written: int
    comments_received: int


def peer_between(db: sqlite_utils.Database, start: str, end: str) -> PeerWeek:
    """The peer sessions recorded from ``start`` to ``end`` (inclusive)."""
    days = {r[0] for r in db.execute(
        "SELECT DISTINCT date FROM peer_results WHERE date BETWEEN ? AND ? "
        "UNION SELECT DISTINCT date FROM peer_comments WHERE date BETWEEN ? AND ?",
        [start, end, start, end]).fetchall()}
    problems = tuple(r[0] for r in db.execute(
        "SELECT DISTINCT problem_id FROM peer_results WHERE date BETWEEN ? AND ? "
        "ORDER BY problem_id", [start, end]).fetchall())
    counts = dict(db.execute(
        "SELECT origin, count(*) FROM peer_comments WHERE date BETWEEN ? AND ? GROUP BY origin",
        [start, end]).fetchall())
    return PeerWeek(len(days), problems, counts.get("mine", 0), counts.get("received", 0))


@dataclass(frozen=True)
class PeerWin:
    """A problem a peer solved (AC) in a peer session of a day."""

    date: str
    problem_id: str
    members: tuple[str, ...]  # the peers with AC, not the user


def peer_wins(db: sqlite_utils.Database) -> list[PeerWin]:
    """Every (day, problem) where a peer's solution was accepted, oldest first."""
    rows = db.execute(
        "SELECT date, problem_id, group_concat(member, char(31)) FROM ("
        "SELECT DISTINCT date, problem_id, member FROM peer_results "
        "WHERE verdict = 'AC' AND mine = 0 ORDER BY member) "
        "GROUP BY date, problem_id ORDER BY date, problem_id").fetchall()
    return [PeerWin(d, p, tuple(sorted(m.split("\x1f")))) for d, p, m in rows]
