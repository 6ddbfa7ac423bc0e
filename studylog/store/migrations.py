"""Every schema migration of studylog, in the one ordered list :data:`MIGRATIONS`.

Versioned and append-only: the names of applied migrations are kept in the ``_migrations``
table, so a released migration is never renamed, edited or reordered; a new one is a function
added at the end of the list. :mod:`studylog.store.migrator` is the runner that applies them.

The first schema (m001–m006): days, entries, to-dos, tags, search, problems, attempts, runs and
stress regressions. Then what each feature added: review cards and carried retro items, stored
failure reports, revisions and the spacing-proof index, training runs' processes, weights and
metrics, the peer session, and the spacing-proof index again as trigrams.
"""

from __future__ import annotations

import datetime as dt
import re

import sqlite_utils

from studylog.store import migrator
from studylog.store.migrator import Migration, applied
from studylog.words import compose_hangul

__all__ = ["MIGRATIONS", "Migration", "applied", "migrate"]


def m001_journal(db: sqlite_utils.Database) -> None:
    """Days, entries, to-dos and tags: the daily record."""
    db.executescript(
        """
        CREATE TABLE days (
            date TEXT PRIMARY KEY,           -- YYYY-MM-DD
            title TEXT,                      -- override of the computed post title
            week INTEGER,                    -- override of the computed course week
            day INTEGER,                     -- override of the computed day of the week
            record_no INTEGER,               -- override of the computed record number
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL REFERENCES days(date) ON DELETE CASCADE,
            section TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX entries_date_section ON entries(date, section, position);
        CREATE TABLE todos (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL REFERENCES days(date) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            done INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            done_at TEXT
        );
        CREATE INDEX todos_date ON todos(date, position);
        CREATE TABLE tags (
            entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (entry_id, tag)
        );
        CREATE INDEX tags_tag ON tags(tag);
        """
    )


def m002_search(db: sqlite_utils.Database) -> None:
    """Full-text index over entries that finds Hangul and English terms of any length.

    The indexed text is the entry split into character bigrams (plus each word's last character)
    by :mod:`studylog.store.search`, so a 1- or 2-syllable word such as 회고 is a token and a longer
    term is a phrase of consecutive bigrams. rowid = entries.id.
    """
    db.execute("CREATE VIRTUAL TABLE entries_fts USING fts5(title, body, tokenize='unicode61')")
    rows = db.execute("SELECT id, title, body FROM entries").fetchall()
    db.conn.executemany(
        "INSERT INTO entries_fts (rowid, title, body) VALUES (?, ?, ?)",
        [(i, _bigrams(t), _bigrams(b)) for i, t, b in rows],
    )


def m003_judge(db: sqlite_utils.Database) -> None:
    """Problems seen and judge attempts."""
    db.executescript(
        """
        CREATE TABLE problems (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            title_en TEXT NOT NULL DEFAULT '',
            first_seen TEXT NOT NULL
        );
        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            problem_id TEXT NOT NULL REFERENCES problems(id),
            date TEXT NOT NULL REFERENCES days(date),
            created TEXT NOT NULL,
            language TEXT NOT NULL,
            filename TEXT NOT NULL DEFAULT '',
            code TEXT NOT NULL,
            verdict TEXT NOT NULL,
            passed INTEGER NOT NULL,
            total INTEGER NOT NULL,
            time_ms INTEGER,
            memory_kb INTEGER,
            tests_json TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX attempts_problem ON attempts(problem_id, created);
        CREATE INDEX attempts_date ON attempts(date);
        """
    )


def m004_train(db: sqlite_utils.Database) -> None:
    """Training runs and their per-epoch metrics."""
    db.executescript(
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL REFERENCES days(date),
            created TEXT NOT NULL,
            finished TEXT,
            status TEXT NOT NULL,            -- running, completed, interrupted, diverged, failed
            config_json TEXT NOT NULL,
            model TEXT NOT NULL,
            dataset TEXT NOT NULL,
            device TEXT NOT NULL DEFAULT 'cpu',
            trainable_params INTEGER,
            total_params INTEGER,
            samples_per_s REAL,
            first_batch_s REAL,
            duration_s REAL,
            message TEXT NOT NULL DEFAULT '',
            summary_json TEXT NOT NULL DEFAULT '{}'   -- confusion matrix, per-class F1, ...
        );
        CREATE INDEX runs_date ON runs(date);
        CREATE TABLE run_epochs (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            epoch INTEGER NOT NULL,
            train_loss REAL,
            val_loss REAL,
            val_acc REAL,
            val_f1 REAL,
            lr REAL,
            seconds REAL,
            samples_per_s REAL,
            per_class_f1_json TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (run_id, epoch)
        );
        """
    )


def m005_todo_search(db: sqlite_utils.Database) -> None:
    """To-dos join the search index (same bigram scheme; rowid = todos.id)."""
    db.execute("CREATE VIRTUAL TABLE todos_fts USING fts5(text, tokenize='unicode61')")
    rows = db.execute("SELECT id, text FROM todos").fetchall()
    db.conn.executemany(
        "INSERT INTO todos_fts (rowid, text) VALUES (?, ?)", [(i, _bigrams(t)) for i, t in rows]
    )


def m006_judge_regressions(db: sqlite_utils.Database) -> None:
    """The user's regression cases per problem (failing inputs found by `solve --stress`)."""
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS regressions (
            id INTEGER PRIMARY KEY,
            problem_id TEXT NOT NULL REFERENCES problems(id),
            created TEXT NOT NULL,
            input TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            UNIQUE (problem_id, input)
        );
        """
    )


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


def judge_attempt_failure(db: sqlite_utils.Database) -> None:
    """An attempt keeps its first failing test's report (input, expected, received, diff) as
    JSON, so the app can show it when the attempt is opened from the history."""
    db.execute("ALTER TABLE attempts ADD COLUMN failure_json TEXT")


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


def journal_search_compact(db: sqlite_utils.Database) -> None:
    """Space-free bigram indexes, so a search ignores spacing (단지번호붙이기 = 단지 번호 붙이기).

    ``entries_compact``/``todos_compact`` index each text with its spaces and punctuation
    removed (see :mod:`studylog.store.search`); rowid = entries.id / todos.id. A one-character
    prefix index makes one-syllable (or one-letter) queries fast.
    """
    db.execute("CREATE VIRTUAL TABLE entries_compact "
               "USING fts5(title, body, tokenize='unicode61', prefix='1')")
    db.execute("CREATE VIRTUAL TABLE todos_compact USING fts5(text, tokenize='unicode61', prefix='1')")
    db.conn.executemany(
        "INSERT INTO entries_compact (rowid, title, body) VALUES (?, ?, ?)",
        [(i, _compact_bigrams(t), _compact_bigrams(b))
         for i, t, b in db.execute("SELECT id, title, body FROM entries").fetchall()],
    )
    db.conn.executemany(
        "INSERT INTO todos_compact (rowid, text) VALUES (?, ?)",
        [(i, _compact_bigrams(t)) for i, t in db.execute("SELECT id, text FROM todos").fetchall()],
    )


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


def journal_drop_word_index(db: sqlite_utils.Database) -> None:
    """Drop the first schema's per-word bigram index (``entries_fts``, ``todos_fts``): search
    reads only the space-free index since ``journal_search_compact``, and keeping both doubled
    the database (77 → 158 MB for ten years of notes) and the cost of every save."""
    db.execute("DROP TABLE IF EXISTS entries_fts")
    db.execute("DROP TABLE IF EXISTS todos_fts")


def peer_tables(db: sqlite_utils.Database) -> None:
    """The peer session: anchored line comments and the team's verdicts per day."""
    db.executescript(
        """
        CREATE TABLE peer_comments (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            team TEXT NOT NULL,
            problem_id TEXT NOT NULL,
            member TEXT NOT NULL,
            path TEXT NOT NULL,
            line_start INTEGER NOT NULL,
            line_end INTEGER NOT NULL,
            quote TEXT NOT NULL,
            file_hash TEXT NOT NULL,
            body TEXT NOT NULL,
            author TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT 'member',
            date TEXT NOT NULL,
            created TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT 'mine'
        );
        CREATE INDEX peer_comments_problem ON peer_comments (problem_id, member);
        CREATE INDEX peer_comments_date ON peer_comments (date);
        CREATE TABLE peer_results (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,
            team TEXT NOT NULL,
            problem_id TEXT NOT NULL,
            member TEXT NOT NULL,
            language TEXT NOT NULL,
            verdict TEXT NOT NULL,
            time_ms INTEGER NOT NULL DEFAULT 0,
            path TEXT NOT NULL,
            created TEXT NOT NULL,
            UNIQUE (date, team, problem_id, member)
        );
        """
    )


def peer_results_mine(db: sqlite_utils.Database) -> None:
    """Which recorded verdict is the user's own (a peer's AC brings a problem back for review)."""
    db.execute("ALTER TABLE peer_results ADD COLUMN mine INTEGER NOT NULL DEFAULT 0")


def journal_index_composed_hangul(db: sqlite_utils.Database) -> None:
    """Index decomposed Hangul (conjoining jamo, typed or pasted on macOS) composed, as search
    now compares it: the notes and to-dos stored before that hold some are indexed again."""
    for i, title, body in db.execute("SELECT id, title, body FROM entries").fetchall():
        if compose_hangul(title) != title or compose_hangul(body) != body:
            db.execute("DELETE FROM entries_compact WHERE rowid = ?", [i])
            db.execute("INSERT INTO entries_compact (rowid, title, body) VALUES (?, ?, ?)",
                       [i, _compact_bigrams(title), _compact_bigrams(body)])
    for i, text in db.execute("SELECT id, text FROM todos").fetchall():
        if compose_hangul(text) != text:
            db.execute("DELETE FROM todos_compact WHERE rowid = ?", [i])
            db.execute("INSERT INTO todos_compact (rowid, text) VALUES (?, ?)",
                       [i, _compact_bigrams(text)])


def journal_search_trigram(db: sqlite_utils.Database) -> None:
    """The space-free index as trigrams (``entries_compact``/``todos_compact``: one ``text``
    column of the :func:`~studylog.store.search.compact` text, ``detail='none'``), rebuilt from
    every entry and to-do: a quarter of the bigram index's size and half its cost to build, so
    an import of ten years of posts builds it in the same pass (see :mod:`studylog.store.search`)."""
    from studylog.store.search import compact, indexed

    db.execute("DROP TABLE IF EXISTS entries_compact")
    db.execute("DROP TABLE IF EXISTS todos_compact")
    db.execute("CREATE VIRTUAL TABLE entries_compact "
               "USING fts5(text, tokenize='trigram', detail='none')")
    db.execute("CREATE VIRTUAL TABLE todos_compact "
               "USING fts5(text, tokenize='trigram', detail='none')")
    db.conn.executemany(
        "INSERT INTO entries_compact (rowid, text) VALUES (?, ?)",
        [(i, indexed(t, b)) for i, t, b in db.execute("SELECT id, title, body FROM entries")],
    )
    db.conn.executemany(
        "INSERT INTO todos_compact (rowid, text) VALUES (?, ?)",
        [(i, compact(t)) for i, t in db.execute("SELECT id, text FROM todos")],
    )


# The index formats of the released migrations above, frozen with them: the first schema's
# per-word bigrams and ``journal_search_compact``'s space-free bigrams.
_WORD = re.compile(r"\w+")
_NOT_ALNUM = re.compile(r"[\W_]+")


def _word_bigrams(word: str) -> list[str]:
    if len(word) == 1:
        return [word]
    return [word[i : i + 2] for i in range(len(word) - 1)] + [word[-1]]


def _bigrams(text: str) -> str:
    out: list[str] = []
    for word in _WORD.findall(compose_hangul(text).lower()):
        out.extend(_word_bigrams(word))
    return " ".join(out)


def _compact_bigrams(text: str) -> str:
    squeezed = _NOT_ALNUM.sub("", compose_hangul(text).lower())
    return " ".join(_word_bigrams(squeezed)) if squeezed else ""


#: every migration, in the order applied (append only; the stored name is the function's name)
MIGRATIONS: list[tuple[str, Migration]] = [(fn.__name__, fn) for fn in (
    m001_journal, m002_search, m003_judge, m004_train, m005_todo_search, m006_judge_regressions,
    study_reviews, study_carryover, judge_attempt_failure, journal_revisions,
    journal_search_compact, train_process_weights_metrics, journal_drop_word_index, peer_tables,
    peer_results_mine, journal_index_composed_hangul, journal_search_trigram,
)]


def migrate(db: sqlite_utils.Database, *, upto: str | None = None) -> list[str]:
    """Apply every pending migration of :data:`MIGRATIONS` (or those up to and including
    ``upto``); return their names."""
    return migrator.migrate(db, MIGRATIONS, upto=upto)
