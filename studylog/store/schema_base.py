"""The first schema of studylog (m001–m006): days, entries, to-dos, tags, search, problems,
attempts, runs and stress regressions. Released: never edit, only add to
:mod:`studylog.store.schema_features`."""

from __future__ import annotations

import sqlite_utils

from studylog.store.migrator import migration


@migration
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


@migration
def m002_search(db: sqlite_utils.Database) -> None:
    """Full-text index over entries that finds Hangul and English terms of any length.

    The indexed text is the entry split into character bigrams (plus each word's last character)
    by :mod:`studylog.store.search`, so a 1- or 2-syllable word such as 회고 is a token and a longer
    term is a phrase of consecutive bigrams. rowid = entries.id.
    """
    db.execute("CREATE VIRTUAL TABLE entries_fts USING fts5(title, body, tokenize='unicode61')")
    from studylog.store.search import grams

    rows = db.execute("SELECT id, title, body FROM entries").fetchall()
    db.conn.executemany(
        "INSERT INTO entries_fts (rowid, title, body) VALUES (?, ?, ?)",
        [(i, grams(t), grams(b)) for i, t, b in rows],
    )


@migration
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


@migration
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


@migration
def m005_todo_search(db: sqlite_utils.Database) -> None:
    """To-dos join the search index (same bigram scheme; rowid = todos.id)."""
    db.execute("CREATE VIRTUAL TABLE todos_fts USING fts5(text, tokenize='unicode61')")
    from studylog.store.search import grams

    rows = db.execute("SELECT id, text FROM todos").fetchall()
    db.conn.executemany(
        "INSERT INTO todos_fts (rowid, text) VALUES (?, ?)", [(i, grams(t)) for i, t in rows]
    )


@migration
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
