"""A day of the record: load it whole, add notes and to-dos, replace a section's text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sqlite_utils

from studylog.config import Settings
from studylog.errors import UserError
from studylog.journal.labels import labels_for
from studylog.journal.sections import KEYS
from studylog.journal.textin import one_line
from studylog.store import day_summary, revisions, transaction
from studylog.store import days as q
from studylog.store.day_summary import DayAttempt, DayRun
from studylog.store.days import Entry
from studylog.store.revisions import Revision
from studylog.words import say

TAG = re.compile(r"(?<![\w#&])#([^\W\d_][\w-]*)")


def find_tags(text: str) -> list[str]:
    """``#tags`` in a text (a ``#`` followed by a word that does not start with a digit)."""
    if "#" not in text:
        return []
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
    entries: list[Entry] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)
    versions: dict[str, int] = field(default_factory=dict)  # section -> version (0: none)
    attempts: list[DayAttempt] = field(default_factory=list)
    runs: list[DayRun] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SectionSave:
    """What a section save wrote: the section's version and text after it."""

    section: str
    version: int
    text: str
    merged: bool  # another process had saved meanwhile: ``text`` holds both
    conflicted: bool  # and both changed the same lines (a marker line separates them)


def load_day(db: sqlite_utils.Database, date: str, settings: Settings) -> DayRecord:
    """Read a day with its labels, to-dos, section texts, attempts and runs."""
    labels = labels_for(db, date, settings)
    entries = q.entries(db, date)
    sections: dict[str, str] = {}
    for key in KEYS:
        sections[key] = q.join_texts(e.text for e in entries if e.section == key)
    known = revisions.versions(db, date)
    return DayRecord(
        date=date,
        title=labels.title,
        week=labels.week,
        day=labels.day,
        record_no=labels.record_no,
        exists=q.get_day(db, date) is not None,
        todos=[Todo(t.id, t.text, t.done, t.position) for t in q.todos(db, date)],
        entries=entries,
        sections=sections,
        versions={k: known.get(k, 0) for k in KEYS},
        attempts=day_summary.attempts_on_day(db, date),
        runs=day_summary.runs_on_day(db, date),
        tags=q.day_tags(db, date),
    )


def add_note(db: sqlite_utils.Database, date: str, section: str, text: str, title: str = "") -> int:
    """Append a note to a section of a day; returns the entry id.

    The title is one line (line breaks become spaces): a title never puts a heading into the
    blog post."""
    if not text.strip() and not title.strip():
        raise UserError(say("노트가 비어 있습니다", "the note is empty"))
    check_size(text)
    check_size(title)
    title = one_line(title)
    with transaction(db):
        entry_id = q.add_entry(db, date, section, text, title=title,
                               tags=find_tags(f"{title}\n{text}"))
        revisions.snapshot(db, date, section, "cli")
        return entry_id


def check_size(text: str) -> None:
    """Raise UserError for text that cannot be stored (too long, not UTF-8)."""
    from studylog.journal.textin import check_text  # writes only: keeps `today` light

    check_text(text)


def _replace_section(db: sqlite_utils.Database, date: str, section: str, text: str) -> None:
    existing = q.entries(db, date, section)
    if not existing:
        if text.strip():
            q.add_entry(db, date, section, text, tags=find_tags(text))
        return
    first = existing[0]
    title = first.title
    body = text
    if title and text.startswith(title + "\n"):
        body = text[len(title) + 1 :]
    elif title and text.strip() != title:
        title = ""
    if not text.strip():
        for e in existing:
            q.delete_entry(db, e.id)
        return
    q.update_entry(db, first.id, body, title, find_tags(text))
    for e in existing[1:]:
        q.delete_entry(db, e.id)


def set_section_text(db: sqlite_utils.Database, date: str, section: str, text: str, *,
                     base_version: int | None = None, base_text: str = "",
                     source: str = "app", marker: str | None = None) -> SectionSave:
    """Make ``text`` the whole content of a day's section (the app editor's autosave).

    ``base_version``/``base_text`` are the version and text the editor started from. When the
    section's version moved on since (another process saved), ``text`` is merged with what is
    stored (theirs first, ``marker`` — by default :data:`studylog.journal.merge.MARKER` — between
    overlapping changes) instead of replacing it. Without
    ``base_version`` the text replaces the section. Every change is kept as a revision.
    The section's first entry keeps its id (and title, when the text still starts with it);
    further entries are folded into it.
    """
    check_size(text)
    with transaction(db):
        current = revisions.version(db, date, section)
        merged = conflicted = False
        if base_version is not None and current != base_version:
            from studylog.journal.merge import MARKER, merge3  # saves only: keeps `today` light

            stored = q.section_text(db, date, section)
            result = merge3(base_text, stored, text, MARKER if marker is None else marker)
            merged = result.text != text.rstrip("\n")
            conflicted = result.conflicted
            text = result.text
        _replace_section(db, date, section, text)
        version = revisions.snapshot(db, date, section, source)
        return SectionSave(section, version, q.section_text(db, date, section), merged,
                           conflicted)


def prune_revisions(db: sqlite_utils.Database, before: str) -> int:
    """Delete revisions saved before ``before`` (YYYY-MM-DD), keeping each section's latest;
    returns how many went."""
    with transaction(db):
        return revisions.prune(db, before)


def history(db: sqlite_utils.Database, date: str,
            section: str | None = None) -> list[Revision]:
    """A day's saved states (one section's or all), newest first."""
    return revisions.history(db, date, section)


def todo_count(db: sqlite_utils.Database, date: str) -> int:
    """How many to-dos of its own a day has (its carried items and reviews are numbered after)."""
    return len(q.todos(db, date))


def restore_revision(db: sqlite_utils.Database,
                     rev_id: int) -> tuple[revisions.Revision, SectionSave]:
    """Put a revision's text back as the section's text (a new revision, source ``restore``).

    Returns the revision restored and the section's state after it."""
    with transaction(db):
        rev = revisions.get(db, rev_id)
        if rev is None:
            raise UserError(say(f"리비전 {rev_id}이(가) 없습니다 (보기: studylog history DATE)",
                                f"no revision {rev_id} (see: studylog history DATE)"))
        _replace_section(db, rev.date, rev.section, rev.text)
        version = revisions.snapshot(db, rev.date, rev.section, "restore", always=True)
        return rev, SectionSave(rev.section, version,
                                q.section_text(db, rev.date, rev.section), False, False)


def add_todo(db: sqlite_utils.Database, date: str, text: str, done: bool = False) -> int:
    """Add a to-do to a day; returns its id."""
    return _add_todo(db, date, text, done)


_TODO_MARK = re.compile(r"^\s*(?:[-*+]\s+)?\[(?P<mark>[ xX])\]\s*(?P<text>.*)$", re.DOTALL)
_BULLET = re.compile(r"^\s*[-*+]\s+(?P<text>.*)$", re.DOTALL)


def todo_state(text: str) -> tuple[str, bool | None]:
    """A typed to-do's own text and state: a leading ``- [ ]`` / ``- [x]`` (or ``[ ]``,
    ``[x]``) is its state (False / True), a bare bullet ``- `` is dropped; None: no mark."""
    m = _TODO_MARK.match(text)
    if m:
        return m.group("text").strip(), m.group("mark") != " "
    b = _BULLET.match(text)
    if b:
        return b.group("text").strip(), None
    return text, None


def edit_todo(db: sqlite_utils.Database, date: str, number: int, text: str) -> Todo:
    """Replace the text of the day's to-do number ``number`` (a leading ``[ ]``/``[x]`` sets
    its state too); returns it as it is now."""
    body, done = todo_state(text)
    body = one_line(body)
    if not body:
        raise UserError(say("할 일이 비어 있습니다", "the to-do is empty"))
    check_size(body)
    with transaction(db):
        todo = todo_by_number(db, date, number)
        q.set_todo_text(db, todo.id, body)
        if done is not None and done != todo.done:
            q.set_todo_done(db, todo.id, done)
        return Todo(todo.id, body, todo.done if done is None else done, todo.position)


def remove_todo(db: sqlite_utils.Database, date: str, number: int) -> Todo:
    """Delete the day's to-do number ``number``; returns what was removed."""
    with transaction(db):
        todo = todo_by_number(db, date, number)
        q.delete_todo(db, todo.id)
        return todo


def note_by_id(db: sqlite_utils.Database, entry_id: int) -> Entry:
    """The note (entry) with this id, or UserError."""
    entry = q.get_entry(db, entry_id)
    if entry is None:
        raise UserError(say(f"노트 {entry_id}이(가) 없습니다 (id는 `studylog show DATE --ids`에 나옵니다)",
                            f"no note {entry_id} (the ids are in `studylog show DATE --ids`)"))
    return entry


def edit_note(db: sqlite_utils.Database, entry_id: int, text: str,
              title: str | None = None) -> Entry:
    """Replace one note's text (and title, when given); the old text stays in the section's
    revisions. Returns the note as it is now."""
    check_size(text)
    if title is not None:
        check_size(title)
    with transaction(db):
        entry = note_by_id(db, entry_id)
        new_title = entry.title if title is None else title
        if not text.strip() and not new_title.strip():
            raise UserError(say("노트가 비어 있습니다 (지우려면: studylog note rm ID)",
                                "the note is empty (to delete it: studylog note rm ID)"))
        q.update_entry(db, entry_id, text, new_title, find_tags(f"{new_title}\n{text}"))
        revisions.snapshot(db, entry.date, entry.section, "cli")
        return note_by_id(db, entry_id)


def remove_note(db: sqlite_utils.Database, entry_id: int) -> Entry:
    """Delete one note; the section's revisions keep its text (`studylog history`, `restore`).
    Returns the note removed."""
    with transaction(db):
        entry = note_by_id(db, entry_id)
        q.delete_entry(db, entry_id)
        revisions.snapshot(db, entry.date, entry.section, "cli", always=True)
        return entry




def _add_todo(db: sqlite_utils.Database, date: str, text: str, done: bool) -> int:
    body, state = todo_state(text)
    text = one_line(body)
    done = done if state is None else state
    if not text:
        raise UserError(say("할 일이 비어 있습니다", "the to-do is empty"))
    check_size(text)
    with transaction(db):
        return q.add_todo(db, date, text, done)


def todo_by_number(db: sqlite_utils.Database, date: str, number: int) -> Todo:
    """The day's to-do shown as number ``number`` (1-based) or raise UserError."""
    items = q.todos(db, date)
    if not 1 <= number <= len(items):
        raise UserError(say(f"{date}에 {number}번 할 일이 없습니다 (할 일 {len(items)}개)",
                            f"no to-do number {number} on {date} (it has {len(items)})"))
    t = items[number - 1]
    return Todo(t.id, t.text, t.done, t.position)


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
