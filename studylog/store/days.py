"""Queries on days, entries, to-dos and tags (the daily record)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from studylog.errors import UserError
from studylog.store.search import index_entry, index_todo, unindex_entry, unindex_todo
from studylog.words import say


@dataclass(frozen=True)
class Day:
    """A ``days`` row: the date and its label overrides (None: computed)."""

    date: str
    title: str | None
    week: int | None
    day: int | None
    record_no: int | None
    created: str
    updated: str


@dataclass(frozen=True)
class Entry:
    """One note of a day's section (field names are the columns, as the JSON output shows)."""

    id: int
    date: str
    section: str
    title: str
    body: str
    position: int
    created: str
    updated: str

    @property
    def text(self) -> str:
        """The entry as it appears in its section: its title line (if any), then its body."""
        body = self.body.strip("\n")
        return f"{self.title}\n{body}".strip("\n") if self.title else body


@dataclass(frozen=True)
class TodoRow:
    """One ``todos`` row."""

    id: int
    date: str
    position: int
    text: str
    done: bool
    created: str
    done_at: str | None


_ENTRY_COLS = "id, date, section, title, body, position, created, updated"
_DAY_COLS = "date, title, week, day, record_no, created, updated"
_TODO_COLS = "id, date, position, text, done, created, done_at"


def now() -> str:
    """The current local time as an ISO string (seconds)."""
    return dt.datetime.now().isoformat(timespec="seconds")


def check_date(date: object) -> str:
    """``date`` when it is a real day written ``YYYY-MM-DD``; UserError otherwise (no
    ``2026-02-30`` is ever stored, whichever way it came in)."""
    try:
        if not isinstance(date, str) or len(date) != 10:
            raise ValueError
        return dt.date.fromisoformat(date).isoformat()
    except ValueError:
        raise UserError(say(f"날짜가 아닙니다: {date!r} (YYYY-MM-DD)",
                            f"not a day: {date!r} (YYYY-MM-DD)")) from None


def ensure_day(db: sqlite_utils.Database, date: str) -> None:
    """Make sure the ``days`` row for ``date`` (YYYY-MM-DD) exists (call inside a transaction);
    UserError for a date that is no real day."""
    check_date(date)
    ts = now()
    db.execute(
        "INSERT OR IGNORE INTO days (date, created, updated) VALUES (?, ?, ?)", [date, ts, ts]
    )


def touch_day(db: sqlite_utils.Database, date: str) -> None:
    """Create the day if needed and mark it updated."""
    ensure_day(db, date)
    db.execute("UPDATE days SET updated = ? WHERE date = ?", [now(), date])


def get_day(db: sqlite_utils.Database, date: str) -> Day | None:
    """The ``days`` row for ``date``, or None."""
    row = db.execute(f"SELECT {_DAY_COLS} FROM days WHERE date = ?", [date]).fetchone()
    return Day(*row) if row else None


def set_day_fields(db: sqlite_utils.Database, date: str, **fields: Any) -> None:
    """Set overrides (title, week, day, record_no) on a day, creating it if needed."""
    allowed = {"title", "week", "day", "record_no"}
    bad = set(fields) - allowed
    if bad:
        raise ValueError(f"unknown day fields: {bad}")
    touch_day(db, date)
    for key, value in fields.items():
        db.execute(f"UPDATE days SET {key} = ? WHERE date = ?", [value, date])


def dates(db: sqlite_utils.Database, since: str | None = None, until: str | None = None) -> list[str]:
    """Dates that have a record, oldest first, within the optional bounds."""
    sql = "SELECT date FROM days WHERE 1=1"
    params: list[str] = []
    if since:
        sql += " AND date >= ?"
        params.append(since)
    if until:
        sql += " AND date <= ?"
        params.append(until)
    return [r[0] for r in db.execute(sql + " ORDER BY date", params).fetchall()]


def record_anchor(db: sqlite_utils.Database, date: str) -> tuple[str, int] | None:
    """The latest day on or before ``date`` whose record number was set by hand."""
    row = db.execute(
        "SELECT date, record_no FROM days WHERE date <= ? AND record_no IS NOT NULL "
        "ORDER BY date DESC LIMIT 1",
        [date],
    ).fetchone()
    return (row[0], row[1]) if row else None


def count_days(db: sqlite_utils.Database, after: str | None, upto: str) -> int:
    """How many days with a record lie in (after, upto]."""
    if after is None:
        return db.execute("SELECT count(*) FROM days WHERE date <= ?", [upto]).fetchone()[0]
    return db.execute(
        "SELECT count(*) FROM days WHERE date > ? AND date <= ?", [after, upto]
    ).fetchone()[0]


# --- entries ---------------------------------------------------------------------------------


def entries(db: sqlite_utils.Database, date: str, section: str | None = None) -> list[Entry]:
    """A day's entries (all, or one section's) in their order."""
    sql = f"SELECT {_ENTRY_COLS} FROM entries WHERE date = ?"
    params: list[Any] = [date]
    if section:
        sql += " AND section = ?"
        params.append(section)
    return [Entry(*r) for r in db.execute(sql + " ORDER BY position, id", params).fetchall()]


def get_entry(db: sqlite_utils.Database, entry_id: int) -> Entry | None:
    """One entry by id, or None."""
    row = db.execute(f"SELECT {_ENTRY_COLS} FROM entries WHERE id = ?", [entry_id]).fetchone()
    return Entry(*row) if row else None


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def join_texts(texts: Iterable[str]) -> str:
    """Notes one after the other, as a section's text. A note that follows a list (its last line
    a bullet) and is not a list item itself comes after a blank line: in markdown it would
    otherwise join the last bullet, and the export and the preview print it so."""
    out: list[str] = []
    for text in texts:
        if not text:
            continue
        if out and _LIST_ITEM.match(out[-1].rsplit("\n", 1)[-1]) and not (
                _LIST_ITEM.match(text) or text[0].isspace()):
            out.append("")
        out.append(text)
    return "\n".join(out)


def section_text(db: sqlite_utils.Database, date: str, section: str) -> str:
    """A section's whole text: its entries' texts, one after the other (:func:`join_texts`)."""
    return join_texts(e.text for e in entries(db, date, section))


def add_entry(
    db: sqlite_utils.Database, date: str, section: str, body: str, title: str = "",
    created: str | None = None, updated: str | None = None, tags: list[str] | None = None,
) -> int:
    """Append an entry to a day's section, index it and record its tags; returns its id."""
    touch_day(db, date)
    ts = now()
    pos = db.execute(
        "SELECT coalesce(max(position), -1) + 1 FROM entries WHERE date = ? AND section = ?",
        [date, section],
    ).fetchone()[0]
    cur = db.execute(
        "INSERT INTO entries (date, section, title, body, position, created, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [date, section, title, body, pos, created or ts, updated or created or ts],
    )
    entry_id = int(cur.lastrowid or 0)
    index_entry(db, entry_id, title, body)
    set_tags(db, entry_id, tags or [])
    return entry_id


def update_entry(db: sqlite_utils.Database, entry_id: int, body: str, title: str,
                 tags: list[str]) -> None:
    """Replace an entry's text (and index and tags)."""
    row = db.execute("SELECT date FROM entries WHERE id = ?", [entry_id]).fetchone()
    if row is None:
        raise KeyError(entry_id)
    db.execute(
        "UPDATE entries SET body = ?, title = ?, updated = ? WHERE id = ?",
        [body, title, now(), entry_id],
    )
    touch_day(db, row[0])
    index_entry(db, entry_id, title, body)
    set_tags(db, entry_id, tags)


def delete_entry(db: sqlite_utils.Database, entry_id: int) -> None:
    """Remove an entry and its index row and tags."""
    unindex_entry(db, entry_id)
    db.execute("DELETE FROM entries WHERE id = ?", [entry_id])


def set_tags(db: sqlite_utils.Database, entry_id: int, tags: list[str]) -> None:
    """Make ``tags`` the entry's tag set."""
    db.execute("DELETE FROM tags WHERE entry_id = ?", [entry_id])
    db.conn.executemany(
        "INSERT OR IGNORE INTO tags (entry_id, tag) VALUES (?, ?)", [(entry_id, t) for t in tags]
    )


def day_tags(db: sqlite_utils.Database, date: str) -> list[str]:
    """The tags used in a day's entries, sorted."""
    return [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT t.tag FROM tags t JOIN entries e ON e.id = t.entry_id "
            "WHERE e.date = ? ORDER BY t.tag",
            [date],
        ).fetchall()
    ]


# --- to-dos ----------------------------------------------------------------------------------


def todos(db: sqlite_utils.Database, date: str) -> list[TodoRow]:
    """A day's to-dos in their order."""
    rows = db.execute(
        f"SELECT {_TODO_COLS} FROM todos WHERE date = ? ORDER BY position, id", [date]
    ).fetchall()
    return [TodoRow(i, d, p, t, bool(done), c, at) for i, d, p, t, done, c, at in rows]


def add_todo(db: sqlite_utils.Database, date: str, text: str, done: bool = False,
             created: str | None = None, done_at: str | None = None) -> int:
    """Append a to-do to a day; returns its id."""
    touch_day(db, date)
    pos = db.execute(
        "SELECT coalesce(max(position), -1) + 1 FROM todos WHERE date = ?", [date]
    ).fetchone()[0]
    ts = now()
    cur = db.execute(
        "INSERT INTO todos (date, position, text, done, created, done_at) VALUES (?, ?, ?, ?, ?, ?)",
        [date, pos, text, int(done), created or ts, (done_at or ts) if done else None],
    )
    todo_id = int(cur.lastrowid or 0)
    index_todo(db, todo_id, text)
    return todo_id


def set_todo_done(db: sqlite_utils.Database, todo_id: int, done: bool) -> None:
    """Check or uncheck a to-do."""
    db.execute(
        "UPDATE todos SET done = ?, done_at = ? WHERE id = ?",
        [int(done), now() if done else None, todo_id],
    )


def set_todo_text(db: sqlite_utils.Database, todo_id: int, text: str) -> None:
    """Replace a to-do's text (and its index row)."""
    db.execute("UPDATE todos SET text = ? WHERE id = ?", [text, todo_id])
    index_todo(db, todo_id, text)


def move_todo(db: sqlite_utils.Database, date: str, todo_id: int, new_index: int) -> None:
    """Move a to-do to ``new_index`` (0-based) in its day's list, renumbering the rest."""
    ids = [t.id for t in todos(db, date)]
    ids.remove(todo_id)
    ids.insert(max(0, min(new_index, len(ids))), todo_id)
    db.conn.executemany(
        "UPDATE todos SET position = ? WHERE id = ?", [(i, tid) for i, tid in enumerate(ids)]
    )


def delete_todo(db: sqlite_utils.Database, todo_id: int) -> None:
    """Remove a to-do (and its index row)."""
    unindex_todo(db, todo_id)
    db.execute("DELETE FROM todos WHERE id = ?", [todo_id])
