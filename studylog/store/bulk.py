"""Many new days at once (an import of years of posts): every row in a few ``executemany``.

Writing day by day costs ~80 statements and a full day load per day; here each table gets one
batch, the search index (``entries_compact``/``todos_compact``) and the tags are filled in the
same pass, and each section gets its first revision. Ids are given explicitly, counted from the
tables' current maxima: call inside the writing transaction (``BEGIN IMMEDIATE`` holds the write
lock, so nobody else takes an id meanwhile).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from studylog.store.days import join_texts, now
from studylog.store.search import compact


@dataclass(frozen=True)
class NewEntry:
    """One note of a new day (no title: an imported section's text)."""

    section: str
    body: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class NewTodo:
    """One to-do of a new day."""

    text: str
    done: bool


@dataclass(frozen=True)
class NewDay:
    """A day not yet in the database, with its label overrides (None: computed) and content."""

    date: str
    title: str | None = None
    week: int | None = None
    day: int | None = None
    record_no: int | None = None
    entries: list[NewEntry] = field(default_factory=list)
    todos: list[NewTodo] = field(default_factory=list)


def existing_dates(db: sqlite_utils.Database, dates: list[str]) -> set[str]:
    """Which of ``dates`` already have a ``days`` row."""
    wanted = set(dates)
    if not wanted:
        return set()
    return {r[0] for r in db.execute("SELECT date FROM days").fetchall() if r[0] in wanted}


def insert_days(db: sqlite_utils.Database, days: list[NewDay], source: str = "import") -> None:
    """Insert ``days`` (none may exist yet) with their entries, to-dos, tags, search index rows
    and each section's first revision (``source``)."""
    if not days:
        return
    ts = now()
    entry_id = db.execute("SELECT coalesce(max(id), 0) FROM entries").fetchone()[0]
    todo_id = db.execute("SELECT coalesce(max(id), 0) FROM todos").fetchone()[0]
    day_rows: list[tuple] = []
    entry_rows: list[tuple] = []
    entry_index: list[tuple] = []
    tag_rows: list[tuple] = []
    todo_rows: list[tuple] = []
    todo_index: list[tuple] = []
    rev_rows: list[tuple] = []
    for d in days:
        day_rows.append((d.date, d.title, d.week, d.day, d.record_no, ts, ts))
        positions: dict[str, int] = {}
        texts: dict[str, list[str]] = {}
        for e in d.entries:
            entry_id += 1
            pos = positions.get(e.section, 0)
            positions[e.section] = pos + 1
            entry_rows.append((entry_id, d.date, e.section, "", e.body, pos, ts, ts))
            entry_index.append((entry_id, compact(e.body)))
            tag_rows.extend((entry_id, t) for t in e.tags)
            if text := e.body.strip("\n"):
                texts.setdefault(e.section, []).append(text)
        for section, parts in texts.items():
            rev_rows.append((d.date, section, ts, join_texts(parts), source))
        for pos, t in enumerate(d.todos):
            todo_id += 1
            todo_rows.append((todo_id, d.date, pos, t.text, int(t.done), ts, ts if t.done else None))
            todo_index.append((todo_id, compact(t.text)))
    conn = db.conn
    conn.executemany("INSERT INTO days (date, title, week, day, record_no, created, updated) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", day_rows)
    conn.executemany("INSERT INTO entries (id, date, section, title, body, position, created, "
                     "updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", entry_rows)
    conn.executemany("INSERT INTO entries_compact (rowid, text) VALUES (?, ?)", entry_index)
    conn.executemany("INSERT OR IGNORE INTO tags (entry_id, tag) VALUES (?, ?)", tag_rows)
    conn.executemany("INSERT INTO todos (id, date, position, text, done, created, done_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", todo_rows)
    conn.executemany("INSERT INTO todos_compact (rowid, text) VALUES (?, ?)", todo_index)
    conn.executemany("INSERT INTO revisions (date, section, saved_at, text, source) "
                     "VALUES (?, ?, ?, ?, ?)", rev_rows)


def record_numbers(db: sqlite_utils.Database) -> dict[str, int]:
    """Every recorded day's record number (its override, or counted on from the last one), in
    one pass: what ``journal.labels.labels_for`` computes day by day."""
    out: dict[str, int] = {}
    n = 0
    for date, override in db.execute("SELECT date, record_no FROM days ORDER BY date"):
        n = override if override is not None else n + 1
        out[date] = n
    return out


def section_bodies(db: sqlite_utils.Database) -> dict[tuple[str, str], set[str]]:
    """(section, text) → the dates whose section has exactly that text: to find a post that is
    already stored on another day."""
    texts: dict[tuple[str, str], list[str]] = {}
    for date, section, title, body in db.execute(
            "SELECT date, section, title, body FROM entries ORDER BY date, section, position, id"):
        body = body.strip("\n")
        text = f"{title}\n{body}".strip("\n") if title else body
        if text:
            texts.setdefault((date, section), []).append(text)
    out: dict[tuple[str, str], set[str]] = {}
    for (date, section), parts in texts.items():
        out.setdefault((section, join_texts(parts)), set()).add(date)
    return out
