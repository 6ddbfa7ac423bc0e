"""Queries for the review queue: the attempt history it is built from, notes tagged for review,
their reviews, and the stored cards (tables ``review_cards`` and ``note_reviews``)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from studylog.store.attempts import AttemptRow, attempt_row
from studylog.store.days import now

REVIEW_TAGS = ("복습", "review")

__all__ = ["AttemptRow"]  # the one attempt record (studylog.store.attempts), as the queue reads it

_ATTEMPTS_SQL = (
    "SELECT a.id, a.problem_id, a.date, a.created, a.language, a.filename, a.verdict, a.passed, "
    "a.total, a.time_ms, a.memory_kb, p.title FROM attempts a "
    "JOIN problems p ON p.id = a.problem_id"
)


@dataclass(frozen=True)
class ReviewNote:
    """A note tagged ``#복습`` or ``#review``."""

    entry_id: int
    date: str
    section: str
    title: str
    body: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class NoteReview:
    """One review of a note (``rating``: 1 again, 2 hard, 3 good, 4 easy)."""

    id: int
    entry_id: int
    date: str
    rating: int


@dataclass(frozen=True)
class StoredCard:
    """A review card as stored: FSRS JSON plus what the queue shows without decoding it."""

    kind: str
    key: str
    card_json: str
    due: str
    last_review: str | None
    last_verdict: str
    reviews: int
    sig: str


def attempt_rows(db: sqlite_utils.Database) -> list[AttemptRow]:
    """Every attempt, oldest first (by study date, then time and id)."""
    return [
        attempt_row(r)
        for r in db.query(_ATTEMPTS_SQL + " ORDER BY a.date, a.created, a.id")
    ]


def review_notes(db: sqlite_utils.Database) -> list[ReviewNote]:
    """Notes tagged for review, oldest first, with all their tags."""
    marks = ",".join("?" * len(REVIEW_TAGS))
    rows = db.execute(
        "SELECT e.id, e.date, e.section, e.title, e.body, "
        "(SELECT group_concat(t2.tag, ' ') FROM tags t2 WHERE t2.entry_id = e.id) "
        f"FROM entries e WHERE e.id IN (SELECT entry_id FROM tags WHERE tag IN ({marks})) "
        "ORDER BY e.date, e.id",
        list(REVIEW_TAGS),
    ).fetchall()
    return [ReviewNote(r[0], r[1], r[2], r[3], r[4], tuple(sorted((r[5] or "").split())))
            for r in rows]


def note_reviews(db: sqlite_utils.Database) -> list[NoteReview]:
    """Every review of a note, oldest first."""
    return [NoteReview(*r) for r in db.execute(
        "SELECT id, entry_id, date, rating FROM note_reviews ORDER BY date, id").fetchall()]


def add_note_review(db: sqlite_utils.Database, entry_id: int, date: str, rating: int) -> int:
    """Record that a note was reviewed on ``date`` (call inside a transaction)."""
    cur = db.execute(
        "INSERT INTO note_reviews (entry_id, date, rating, created) VALUES (?, ?, ?, ?)",
        [entry_id, date, rating, now()])
    return int(cur.lastrowid or 0)


def entry_exists(db: sqlite_utils.Database, entry_id: int) -> bool:
    """Whether an entry with this id exists."""
    return db.execute("SELECT 1 FROM entries WHERE id = ?", [entry_id]).fetchone() is not None


def stored_cards(db: sqlite_utils.Database) -> dict[tuple[str, str], StoredCard]:
    """Every stored card by (kind, key)."""
    return {
        (r[0], r[1]): StoredCard(*r)
        for r in db.execute(
            "SELECT kind, key, card_json, due, last_review, last_verdict, reviews, sig "
            "FROM review_cards").fetchall()
    }


def save_cards(db: sqlite_utils.Database, cards: list[StoredCard],
               drop: list[tuple[str, str]]) -> None:
    """Insert or replace ``cards`` and delete the ``drop`` keys (call inside a transaction)."""
    db.conn.executemany(
        "INSERT OR REPLACE INTO review_cards (kind, key, card_json, due, last_review, "
        "last_verdict, reviews, sig) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(c.kind, c.key, c.card_json, c.due, c.last_review, c.last_verdict, c.reviews, c.sig)
         for c in cards])
    db.conn.executemany("DELETE FROM review_cards WHERE kind = ? AND key = ?", drop)


def delete_note_reviews(db: sqlite_utils.Database, entry_id: int, date: str) -> int:
    """Forget the reviews of a note on ``date`` (call inside a transaction); returns how many."""
    cur = db.execute("DELETE FROM note_reviews WHERE entry_id = ? AND date = ?", [entry_id, date])
    return cur.rowcount


def change_key(db: sqlite_utils.Database) -> tuple[object, ...]:
    """A key that changes whenever the database does: the connection itself (kept by whoever
    caches on this key, so it cannot be reused by another), ``PRAGMA data_version`` (moves on
    every commit by another connection) and the connection's own ``total_changes``."""
    return (db.conn, db.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes)


def attempts_between(db: sqlite_utils.Database, start: str, end: str) -> list[AttemptRow]:
    """The attempts of the study days ``start``..``end`` (inclusive), oldest first."""
    return [
        attempt_row(r)
        for r in db.query(_ATTEMPTS_SQL + " WHERE a.date BETWEEN ? AND ? "
                          "ORDER BY a.date, a.created, a.id", [start, end])
    ]
