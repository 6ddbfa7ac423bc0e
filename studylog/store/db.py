"""Open the database with the right pragmas and run writes in explicit transactions.

WAL lets the TUI read while a CLI command writes; ``busy_timeout`` makes a second writer wait
instead of failing; every multi-row change goes through :func:`transaction`, which takes the write
lock up front (``BEGIN IMMEDIATE``) so two processes never deadlock on a lock upgrade.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from studylog.errors import UserError
from studylog.store.migrations import migrate as run_migrations
from studylog.store.tx import transaction

__all__ = ["open_db", "transaction"]

BUSY_TIMEOUT_MS = 10_000


def open_db(path: str | Path, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date.

    Raises :class:`UserError` when the file exists but is not a SQLite database.
    """
    path = Path(path)
    if str(path) != ":memory:":
        if path.is_dir():
            raise UserError(f"database path {path} is a directory")
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # isolation_level=None: autocommit; transactions are explicit (see transaction()).
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(path) != ":memory:" and mode.lower() != "wal":
            raise UserError(f"could not switch {path} to WAL mode (got {mode})")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        raise UserError(f"cannot open database {path}: {exc}") from None
    db = sqlite_utils.Database(conn, execute_plugins=False)  # no entry-point scan at start-up
    if migrate:
        try:
            run_migrations(db)
        except sqlite3.DatabaseError as exc:
            raise UserError(f"cannot open database {path}: {exc}") from None
    return db
