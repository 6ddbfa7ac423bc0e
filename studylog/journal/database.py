"""The one database file, opened for the CLI and the app (which never import ``studylog.store``).

Opening it also reconciles training runs: a run stored as ``running`` whose process is gone
becomes ``crashed`` before anything reads it, so ``today --json``, the exports, the week and the
blog post see the same state as ``runs`` (one cheap query when no run is running).
"""

from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from studylog.store import runs as store_runs
from studylog.store import tx
from studylog.store.db import open_db as _open_db

__all__ = ["open_db", "reconcile_runs", "set_wait_notice"]


def set_wait_notice(notice: Callable[[], None] | None) -> None:
    """Call ``notice`` once when a write has to wait for another program's lock on the database."""
    tx.on_wait = notice


def reconcile_runs(db: sqlite_utils.Database) -> None:
    """Mark every ``running`` run whose process is gone as ``crashed`` (see
    :func:`studylog.train.runs.reconcile`)."""
    if store_runs.running(db):
        from studylog.train.runs import reconcile  # torch-free; only when a run is running

        reconcile(db)


def open_db(path: str | Path, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating and migrating) the database at ``path``; runs reconciled (see above)."""
    db = _open_db(path, migrate=migrate)
    if migrate:
        reconcile_runs(db)
    return db
