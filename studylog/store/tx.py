"""One write transaction: ``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any exception.

When another process holds the write lock, :func:`transaction` says so once through
:data:`on_wait` (the CLI prints "waiting for the database…" on stderr), keeps waiting up to the
busy timeout, then raises one :class:`UserError`.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import sqlite_utils

from studylog.errors import UserError
from studylog.words import say

#: how long a writer waits for another one (``STUDYLOG_BUSY_TIMEOUT`` seconds overrides it)
BUSY_TIMEOUT_MS = 10_000
#: after this long a waiting writer says that it waits
_NOTICE_MS = 500

#: called once when a write has to wait for another process's lock (None: wait silently)
on_wait: Callable[[], None] | None = None


def busy_timeout_ms() -> int:
    """The busy timeout in milliseconds."""
    env = os.environ.get("STUDYLOG_BUSY_TIMEOUT", "")
    try:
        return max(0, int(float(env) * 1000)) if env else BUSY_TIMEOUT_MS
    except ValueError:
        return BUSY_TIMEOUT_MS


def _locked(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _begin(conn: sqlite3.Connection) -> None:
    """``BEGIN IMMEDIATE``, waiting for another writer (with one notice) up to the timeout."""
    total = busy_timeout_ms()
    first = min(_NOTICE_MS, total)
    conn.execute(f"PRAGMA busy_timeout = {first}")
    try:
        conn.execute("BEGIN IMMEDIATE")
        return
    except sqlite3.OperationalError as exc:
        if not _locked(exc):
            raise
    finally:
        conn.execute(f"PRAGMA busy_timeout = {total}")
    if on_wait is not None:
        on_wait()
    start = time.monotonic()
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if not _locked(exc):
            raise
        waited = first / 1000 + time.monotonic() - start
        raise UserError(say(f"데이터베이스를 다른 프로그램이 쓰고 있습니다: {waited:.0f}초 동안 잠겨 "
                            "있었습니다; 아무것도 바꾸지 않았습니다, 끝난 뒤 다시 해 보세요",
                            f"the database is busy: another program kept it locked for {waited:.0f} s; "
                            "nothing was changed, try again when it is done")) from None


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite3.Connection]:
    """Run a block as one write transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``).

    Nested use joins the outer transaction. On any exception the whole block is rolled back, so
    a failed command leaves the database as it was.
    """
    conn = db.conn
    if conn.in_transaction:
        yield conn
        return
    _begin(conn)
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
