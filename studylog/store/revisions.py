"""Revisions: every saved state of a day's section, append-only.

A section's *version* is the id of its latest revision (0 when it has none). A writer that read
the section at version V and saves while the version is still V replaces the text; otherwise
somebody else saved in between and the journal layer merges (see ``journal/merge.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from studylog.store.days import now, section_text


@dataclass(frozen=True)
class Revision:
    """One saved state of a section."""

    id: int
    date: str
    section: str
    saved_at: str
    text: str
    source: str  # app, cli, import, restore, migration


_COLS = "id, date, section, saved_at, text, source"


def latest(db: sqlite_utils.Database, date: str, section: str) -> Revision | None:
    """The newest revision of a section, or None."""
    row = db.execute(
        f"SELECT {_COLS} FROM revisions WHERE date = ? AND section = ? ORDER BY id DESC LIMIT 1",
        [date, section],
    ).fetchone()
    return Revision(*row) if row else None


def version(db: sqlite_utils.Database, date: str, section: str) -> int:
    """The section's version: the id of its latest revision, 0 when it has none."""
    row = db.execute(
        "SELECT max(id) FROM revisions WHERE date = ? AND section = ?", [date, section]
    ).fetchone()
    return row[0] or 0


def versions(db: sqlite_utils.Database, date: str) -> dict[str, int]:
    """Every section's version on a day (sections without revisions are absent)."""
    rows = db.execute(
        "SELECT section, max(id) FROM revisions WHERE date = ? GROUP BY section", [date]
    ).fetchall()
    return {s: v for s, v in rows}


def snapshot(db: sqlite_utils.Database, date: str, section: str, source: str,
             *, always: bool = False) -> int:
    """Append the section's current text as a revision unless it equals the latest one (or
    ``always``). Call inside the writing transaction, after the change; returns the version.
    """
    text = section_text(db, date, section)
    last = latest(db, date, section)
    if last is not None and last.text == text and not always:
        return last.id
    if last is None and not text:
        return 0
    cur = db.execute(
        "INSERT INTO revisions (date, section, saved_at, text, source) VALUES (?, ?, ?, ?, ?)",
        [date, section, now(), text, source],
    )
    return int(cur.lastrowid or 0)


def history(db: sqlite_utils.Database, date: str, section: str | None = None) -> list[Revision]:
    """A day's revisions (one section's or all), newest first."""
    sql = f"SELECT {_COLS} FROM revisions WHERE date = ?"
    params: list[object] = [date]
    if section:
        sql += " AND section = ?"
        params.append(section)
    return [Revision(*r) for r in db.execute(sql + " ORDER BY id DESC", params).fetchall()]


def get(db: sqlite_utils.Database, rev_id: int) -> Revision | None:
    """One revision by id, or None."""
    row = db.execute(f"SELECT {_COLS} FROM revisions WHERE id = ?", [rev_id]).fetchone()
    return Revision(*row) if row else None


def prune(db: sqlite_utils.Database, before: str, keep_latest: bool = True) -> int:
    """Delete revisions saved before ``before`` (ISO date); the latest per section stays."""
    keep = (
        " AND id NOT IN (SELECT max(id) FROM revisions GROUP BY date, section)"
        if keep_latest else ""
    )
    cur = db.execute(f"DELETE FROM revisions WHERE saved_at < ?{keep}", [before])
    return cur.rowcount
