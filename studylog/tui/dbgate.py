"""Database access for worker threads: one shared connection behind a lock, or a private one.

Textual runs ``@work(thread=True)`` workers in other threads. Short reads and writes go through
the shared connection (opened lazily, ``check_same_thread=False``) while holding the gate's lock;
long jobs that write as they go (a judge run, a training run) open their own connection.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils
from textual.message import Message


class DatabaseChanged(Message):
    """Another connection committed to the database: screens reload what they show."""


class DbGate:
    """Hands out the database to one thread at a time."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._db: sqlite_utils.Database | None = None
        self._seen_version = 0

    @contextmanager
    def use(self) -> Iterator[sqlite_utils.Database]:
        """The shared connection, held exclusively for the ``with`` block."""
        with self._lock:
            if self._db is None:
                from studylog.journal.database import open_db

                self._db = open_db(self.path)
                self._seen_version = int(self._db.execute("PRAGMA data_version").fetchone()[0])
            yield self._db

    def changed_elsewhere(self) -> bool:
        """True when another connection (another process, a worker's private connection) has
        committed since the last call (or since the shared connection was opened).

        Reads ``PRAGMA data_version`` (microseconds); False when the connection is busy in a
        worker or not open yet, so it never blocks the caller (the event loop)."""
        if not self._lock.acquire(blocking=False):
            return False
        try:
            if self._db is None:
                return False
            version = int(self._db.execute("PRAGMA data_version").fetchone()[0])
            changed = version != self._seen_version
            self._seen_version = version
            return changed
        finally:
            self._lock.release()

    def open_private(self) -> sqlite_utils.Database:
        """A new connection of its own, for a long job in one worker (close it when done)."""
        from studylog.journal.database import open_db

        return open_db(self.path)

    def close(self) -> None:
        """Close the shared connection (at exit)."""
        with self._lock:
            if self._db is not None:
                self._db.conn.close()
                self._db = None
