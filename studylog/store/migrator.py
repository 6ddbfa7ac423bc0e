"""The migration runner: applies named migrations in order, once each, recording their names in
the ``_migrations`` table. It knows no schema: the one ordered list of migrations is
:data:`studylog.store.migrations.MIGRATIONS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import sqlite_utils

from studylog.store.tx import transaction

Migration = Callable[[sqlite_utils.Database], None]


def applied(db: sqlite_utils.Database) -> list[str]:
    """Names of the migrations already applied to ``db``, in order."""
    if "_migrations" not in db.table_names():
        return []
    return [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY rowid").fetchall()]


def migrate(db: sqlite_utils.Database, migrations: Sequence[tuple[str, Migration]], *,
            upto: str | None = None) -> list[str]:
    """Apply every pending one of ``migrations`` (or those up to and including ``upto``), each in
    its own transaction; return their names."""
    done = set(applied(db))
    ran: list[str] = []
    for name, fn in migrations:
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
