"""A day of the record: load it whole, add notes and to-dos, replace a section's text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sqlite_utils

from studylog.config import Settings
from studylog.errors import UserError
from studylog.journal.labels import labels_for
from studylog.journal.sections import KEYS
from studylog.store import attempts, runs, transaction
from studylog.store import days as q

TAG = re.compile(r"(?<![\w#&])#([^\W\d_][\w-]*)")


def find_tags(text: str) -> list[str]:
    """``#tags`` in a text (a ``#`` followed by a word that does not start with a digit)."""
    return sorted({m.group(1).lower() for m in TAG.finditer(text)})


@dataclass
class Todo:
    """One to-do of a day."""

    id: int
    text: str
    done: bool
    position: int


@dataclass
class DayRecord:
    """Everything about one day, ready to render."""

    date: str
    title: str
    week: int | None
    day: int | None
    record_no: int
    exists: bool
    todos: list[Todo] = field(default_factory=list)
    entries: list[dict] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)
    attempts: list[dict] = field(default_factory=list)
    runs: list[dict] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def entry_text(entry: dict) -> str:
    """An entry as it appears in its section: its title line (if any), then its body."""
    body = entry["body"].strip("\n")
    return f"{entry['title']}\n{body}".strip("\n") if entry["title"] else body


def load_day(db: sqlite_utils.Database, date: str, settings: Settings) -> DayRecord:
    """Read a day with its labels, to-dos, section texts, attempts and runs."""
    labels = labels_for(db, date, settings)
    entries = q.entries(db, date)
    sections: dict[str, str] = {}
    for key in KEYS:
        parts = [entry_text(e) for e in entries if e["section"] == key]
        sections[key] = "\n".join(p for p in parts if p)
    return DayRecord(
        date=date,
        title=labels.title,
        week=labels.week,
        day=labels.day,
        record_no=labels.record_no,
        exists=q.get_day(db, date) is not None,
        todos=[Todo(t["id"], t["text"], bool(t["done"]), t["position"]) for t in q.todos(db, date)],
        entries=entries,
        sections=sections,
        attempts=attempts.summary_for_date(db, date),
        runs=runs.summary_for_date(db, date),
        tags=q.day_tags(db, date),
    )


def add_note(db: sqlite_utils.Database, date: str, section: str, text: str, title: str = "") -> int:
    """Append a note to a section of a day; returns the entry id."""
    if not text.strip() and not title.strip():
        raise UserError("the note is empty")
    with transaction(db):
        return q.add_entry(db, date, section, text, title=title, tags=find_tags(f"{title}\n{text}"))


def set_section_text(db: sqlite_utils.Database, date: str, section: str, text: str) -> None:
    """Make ``text`` the whole content of a day's section (the TUI editor's autosave).

    The section's first entry keeps its id (and title, when the text still starts with it);
    further entries are folded into it, so nothing typed elsewhere is lost: it is all in ``text``.
    """
    with transaction(db):
        existing = q.entries(db, date, section)
        if not existing:
            if text.strip():
                q.add_entry(db, date, section, text, tags=find_tags(text))
            return
        first = existing[0]
        title = first["title"]
        body = text
        if title and text.startswith(title + "\n"):
            body = text[len(title) + 1 :]
        elif title and text.strip() != title:
            title = ""
        if not text.strip():
            for e in existing:
                q.delete_entry(db, e["id"])
            return
        q.update_entry(db, first["id"], body, title, find_tags(text))
        for e in existing[1:]:
            q.delete_entry(db, e["id"])


def add_todo(db: sqlite_utils.Database, date: str, text: str, done: bool = False) -> int:
    """Add a to-do to a day; returns its id."""
    if not text.strip():
        raise UserError("the to-do is empty")
    with transaction(db):
        return q.add_todo(db, date, text.strip(), done)


def todo_by_number(db: sqlite_utils.Database, date: str, number: int) -> Todo:
    """The day's to-do shown as number ``number`` (1-based) or raise UserError."""
    items = q.todos(db, date)
    if not 1 <= number <= len(items):
        raise UserError(f"no to-do number {number} on {date} (it has {len(items)})")
    t = items[number - 1]
    return Todo(t["id"], t["text"], bool(t["done"]), t["position"])


def set_todo_done(db: sqlite_utils.Database, todo_id: int, done: bool = True) -> None:
    """Check or uncheck a to-do."""
    with transaction(db):
        q.set_todo_done(db, todo_id, done)


def move_todo(db: sqlite_utils.Database, date: str, todo_id: int, new_index: int) -> None:
    """Move a to-do within its day's list (0-based index)."""
    with transaction(db):
        q.move_todo(db, date, todo_id, new_index)


def delete_todo(db: sqlite_utils.Database, todo_id: int) -> None:
    """Remove a to-do."""
    with transaction(db):
        q.delete_todo(db, todo_id)
