"""What each feature added to the schema since the first one, in the order applied: review
cards and carried retro items, stored failure reports, revisions and the spacing-proof index,
training runs' processes, weights and metrics. Append-only: add new migrations at the end."""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from studylog.store.migrator import migration


@migration
def study_reviews(db: sqlite_utils.Database) -> None:
    """Review cards (FSRS state per problem or ``#복습`` note) and the reviews of notes.

    ``review_cards`` is rebuilt from ``attempts`` and ``note_reviews`` whenever they change
    (``sig`` says from what), so deleting its rows loses nothing.
    """
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS review_cards (
            kind TEXT NOT NULL,              -- problem | note
            key TEXT NOT NULL,               -- problem id | entry id
            card_json TEXT NOT NULL,         -- fsrs.Card.to_json()
            due TEXT NOT NULL,               -- YYYY-MM-DD, the study day it is due
            last_review TEXT,                -- YYYY-MM-DD
            last_verdict TEXT NOT NULL DEFAULT '',
            reviews INTEGER NOT NULL DEFAULT 0,
            sig TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (kind, key)
        );
        CREATE INDEX IF NOT EXISTS review_cards_due ON review_cards(due);
        CREATE TABLE IF NOT EXISTS note_reviews (
            id INTEGER PRIMARY KEY,
            entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
            date TEXT NOT NULL,
            rating INTEGER NOT NULL,         -- fsrs.Rating: 1 again, 2 hard, 3 good, 4 easy
            created TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS note_reviews_entry ON note_reviews(entry_id, date);
        """
    )


@migration
def study_carryover(db: sqlite_utils.Database) -> None:
    """Open retrospective items that were checked off (on the day ``closed_on``)."""
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS carry_closed (
            origin TEXT NOT NULL,            -- the date of the retrospective it came from
            text TEXT NOT NULL,
            closed_on TEXT NOT NULL,
            created TEXT NOT NULL,
            PRIMARY KEY (origin, text)
        );
        """
    )


@migration
def judge_attempt_failure(db: sqlite_utils.Database) -> None:
    """An attempt keeps its first failing test's report (input, expected, received, diff) as
    JSON, so the app can show it when the attempt is opened from the history."""
    db.execute("ALTER TABLE attempts ADD COLUMN failure_json TEXT")


@migration
def journal_revisions(db: sqlite_utils.Database) -> None:
    """Every saved state of a section (append-only); a section's version is its latest id.

    Each section that has text today gets its first revision (source ``migration``).
    """
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS revisions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            date TEXT NOT NULL,
            section TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            text TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX IF NOT EXISTS revisions_day ON revisions(date, section, id);
        """
    )
    texts: dict[tuple[str, str], list[str]] = {}
    for date, section, title, body in db.execute(
        "SELECT date, section, title, body FROM entries ORDER BY date, section, position, id"
    ).fetchall():
        body = body.strip("\n")
        part = f"{title}\n{body}".strip("\n") if title else body
        if part:
            texts.setdefault((date, section), []).append(part)
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    db.conn.executemany(
        "INSERT INTO revisions (date, section, saved_at, text, source) "
        "VALUES (?, ?, ?, ?, 'migration')",
        [(d, s, stamp, "\n".join(parts)) for (d, s), parts in texts.items()],
    )


@migration
def journal_search_compact(db: sqlite_utils.Database) -> None:
    """Space-free bigram indexes, so a search ignores spacing (단지번호붙이기 = 단지 번호 붙이기).

    ``entries_compact``/``todos_compact`` index each text with its spaces and punctuation
    removed (see :mod:`studylog.store.search`); rowid = entries.id / todos.id. A one-character
    prefix index makes one-syllable (or one-letter) queries fast.
    """
    from studylog.store.search import compact_grams

    db.execute("CREATE VIRTUAL TABLE entries_compact "
               "USING fts5(title, body, tokenize='unicode61', prefix='1')")
    db.execute("CREATE VIRTUAL TABLE todos_compact USING fts5(text, tokenize='unicode61', prefix='1')")
    db.conn.executemany(
        "INSERT INTO entries_compact (rowid, title, body) VALUES (?, ?, ?)",
        [(i, compact_grams(t), compact_grams(b))
         for i, t, b in db.execute("SELECT id, title, body FROM entries").fetchall()],
    )
    db.conn.executemany(
        "INSERT INTO todos_compact (rowid, text) VALUES (?, ?)",
        [(i, compact_grams(t)) for i, t in db.execute("SELECT id, text FROM todos").fetchall()],
    )


@migration
def train_process_weights_metrics(db: sqlite_utils.Database) -> None:
    """Runs record their process (pid + start time) and weights folder; epochs gain plain
    validation cross-entropy, training accuracy and per-class precision/recall."""
    db.executescript(
        """
        ALTER TABLE runs ADD COLUMN pid INTEGER;
        ALTER TABLE runs ADD COLUMN proc_start TEXT;
        ALTER TABLE runs ADD COLUMN weights TEXT;
        ALTER TABLE run_epochs ADD COLUMN val_ce REAL;
        ALTER TABLE run_epochs ADD COLUMN train_acc REAL;
        ALTER TABLE run_epochs ADD COLUMN per_class_json TEXT NOT NULL DEFAULT '{}';
        """
    )


@migration
def journal_drop_word_index(db: sqlite_utils.Database) -> None:
    """Drop the first schema's per-word bigram index (``entries_fts``, ``todos_fts``): search
    reads only the space-free index since ``journal_search_compact``, and keeping both doubled
    the database (77 → 158 MB for ten years of notes) and the cost of every save."""
    db.execute("DROP TABLE IF EXISTS entries_fts")
    db.execute("DROP TABLE IF EXISTS todos_fts")
