"""Queries for carried-over retrospective items: the retrospectives they come from and which of
them were checked off (table ``carry_closed``)."""

from __future__ import annotations

import sqlite_utils

from studylog.store.days import now


def retro_texts(db: sqlite_utils.Database, keywords: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(date, text) of the retrospective entries, oldest first; with ``keywords``, only those
    holding at least one of them (compared case-insensitively for ASCII letters)."""
    sql = "SELECT date, title, body FROM entries WHERE section = 'retro'"
    params: list[str] = []
    if keywords:
        sql += " AND (" + " OR ".join(["(title || ' ' || body) LIKE ? ESCAPE '\\'"] * len(keywords)) + ")"
        params = ["%" + k.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                  for k in keywords]
    return [(r[0], f"{r[1]}\n{r[2]}" if r[1] else r[2])
            for r in db.execute(sql + " ORDER BY date, position, id", params).fetchall()]


def closed(db: sqlite_utils.Database) -> dict[tuple[str, str], str]:
    """(origin, text) -> the date it was checked off."""
    return {(r[0], r[1]): r[2] for r in db.execute(
        "SELECT origin, text, closed_on FROM carry_closed").fetchall()}


def set_closed(db: sqlite_utils.Database, origin: str, text: str, closed_on: str | None) -> None:
    """Close an item on ``closed_on`` or, with None, open it again (call inside a transaction)."""
    if closed_on is None:
        db.execute("DELETE FROM carry_closed WHERE origin = ? AND text = ?", [origin, text])
        return
    db.execute(
        "INSERT OR REPLACE INTO carry_closed (origin, text, closed_on, created) VALUES (?,?,?,?)",
        [origin, text, closed_on, now()])
