"""The migration runner: a registry of named migrations, applied in order, once each.

The migrations themselves are in :mod:`studylog.store.schema_base` (the first schema) and
:mod:`studylog.store.schema_features` (what each feature added since); importing
:mod:`studylog.store.migrations` registers both, in that order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import sqlite_utils

from studylog.store.tx import transaction

Migration = Callable[[sqlite_utils.Database], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(fn: Migration) -> Migration:
    """Register ``fn`` as the next migration (order of definition is the order applied)."""
    MIGRATIONS.append((fn.__name__, fn))
    return fn


def applied(db: sqlite_utils.Database) -> list[str]:
    """Names of the migrations already applied to ``db``, in order."""
    if "_migrations" not in db.table_names():
        return []
    return [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY rowid").fetchall()]


def migrate(db: sqlite_utils.Database, *, upto: str | None = None) -> list[str]:
    """Apply every pending migration (or those up to and including ``upto``); return their names."""
    done = set(applied(db))
    ran: list[str] = []
    for name, fn in MIGRATIONS:
        if name not in done:
            with transaction(db):
                # Re-check inside the write lock: another process may have migrated meanwhile.
                if "_migrations" in db.table_names() and db.execute(
                    "SELECT 1 FROM _migrations WHERE name = ?", [name]
                ).fetchone():
                    continue
                db.execute(
                    "CREATE TABLE IF NOT EXISTS _migrations "
                    "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
                )
                fn(db)
                db.execute(
                    "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                    [name, dt.datetime.now().isoformat(timespec="seconds")],
                )
            ran.append(name)
        if name == upto:
            break
    return ran
