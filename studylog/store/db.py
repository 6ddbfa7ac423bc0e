"""Open the database with the right pragmas and run writes in explicit transactions.

WAL lets the TUI read while a CLI command writes; ``busy_timeout`` makes a second writer wait
instead of failing; every multi-row change goes through :func:`transaction`, which takes the write
lock up front (``BEGIN IMMEDIATE``) so two processes never deadlock on a lock upgrade.

Faults are words, not tracebacks: a path that cannot hold a database, a file that is not one or
is damaged, and a database written by a newer studylog (a migration this one does not know) are
each one :class:`UserError`; the latter is refused before anything is written to it.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import sqlite_utils

from studylog.errors import UserError
from studylog.faults import damaged_line, disk_full, os_error_line
from studylog.store.migrations import MIGRATIONS, applied
from studylog.store.migrations import migrate as run_migrations
from studylog.store.tx import BUSY_TIMEOUT_MS, busy_timeout_ms, transaction
from studylog.words import say

__all__ = ["BUSY_TIMEOUT_MS", "open_db", "transaction"]


def _sqlite_header(path: Path) -> bool:
    """Whether ``path`` starts as a SQLite file does (so a failure to open it is damage)."""
    try:
        with path.open("rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _damaged(text: str) -> bool:
    low = text.lower()
    return "malformed" in low or "not a database" in low or "corrupt" in low


def _folder_line(path: Path, exc: OSError) -> str:
    """Why the folder of the database ``path`` cannot be made (a file in the way, no rights)."""
    for parent in path.parents:
        if parent.exists() and not parent.is_dir():
            return say(f"데이터베이스 {path}을(를) 쓸 수 없습니다: {parent}은(는) 폴더가 아니라 파일입니다",
                       f"cannot use the database {path}: {parent} is a file, not a folder")
    return os_error_line(exc, say(f"데이터베이스 {path}의 폴더를 만들 수 없습니다:",
                                  f"cannot make the folder for the database {path}:"))


def check_not_newer(db: sqlite_utils.Database, path: Path | str) -> None:
    """UserError when ``db`` holds a migration this studylog does not know (a newer one made it)."""
    known = {name for name, _ in MIGRATIONS}
    unknown = [name for name in applied(db) if name not in known]
    if unknown:
        raise UserError(say(
            f"데이터베이스 {path}은(는) 더 새 studylog가 만들었습니다 (여기서 모르는 마이그레이션 "
            f"{unknown[0]!r}이(가) 있습니다); studylog를 업그레이드해서 쓰세요 — 아무것도 바꾸지 않았습니다",
            f"the database {path} was written by a newer studylog (it has migration "
            f"{unknown[0]!r}, unknown here); upgrade studylog to use it — nothing was changed"
        ))


def _wal(conn: sqlite3.Connection, wait_ms: int) -> str:
    """Switch ``conn`` to WAL mode and return the mode it is in. Switching a new file takes a
    lock that SQLite does not always wait for (two processes creating one database at once got
    "database is locked"), so a busy switch is tried again until the busy timeout."""
    deadline = time.monotonic() + wait_ms / 1000
    while True:
        try:
            return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def open_db(path: str | Path, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date.

    Raises :class:`UserError` when the file exists but is not a SQLite database, is damaged, was
    written by a newer studylog, or its folder cannot be made.
    """
    path = Path(path)
    memory = str(path) == ":memory:"
    if not memory:
        if path.is_dir():
            raise UserError(say(f"데이터베이스 경로 {path}은(는) 폴더입니다",
                                f"database path {path} is a directory"))
        if path.exists() and not path.is_file():
            raise UserError(say(f"데이터베이스 경로 {path}은(는) 보통 파일이 아닙니다",
                                f"database path {path} is not a regular file"))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(_folder_line(path, exc)) from None
    try:
        # isolation_level=None: autocommit; transactions are explicit (see transaction()).
        wait_ms = busy_timeout_ms()
        conn = sqlite3.connect(str(path), timeout=wait_ms / 1000, isolation_level=None,
                               check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {wait_ms}")
        conn.execute("PRAGMA foreign_keys = ON")
        mode = _wal(conn, wait_ms)
        if not memory and mode.lower() != "wal":
            raise UserError(say(f"{path}을(를) WAL 모드로 바꾸지 못했습니다 (결과: {mode})",
                                f"could not switch {path} to WAL mode (got {mode})"))
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        if _damaged(str(exc)) and _sqlite_header(path):
            raise UserError(damaged_line(path, str(exc))) from None
        if not memory and disk_full(path):
            raise UserError(say(f"데이터베이스 {path}을(를) 열 수 없습니다: 디스크가 가득 찼습니다",
                                f"cannot open the database {path}: the disk is full")) from None
        raise UserError(say(f"데이터베이스 {path}을(를) 열 수 없습니다: {exc}",
                            f"cannot open database {path}: {exc}")) from None
    db = sqlite_utils.Database(conn, execute_plugins=False)  # no entry-point scan at start-up
    if migrate:
        try:
            check_not_newer(db, path)
            run_migrations(db)
        except sqlite3.DatabaseError as exc:
            if _damaged(str(exc)):
                raise UserError(damaged_line(path, str(exc))) from None
            if not memory and disk_full(path):
                raise UserError(say(f"데이터베이스 {path}을(를) 열 수 없습니다: 디스크가 가득 찼습니다",
                                    f"cannot open the database {path}: the disk is full")) from None
            raise UserError(say(f"데이터베이스 {path}을(를) 열 수 없습니다: {exc}",
                                f"cannot open database {path}: {exc}")) from None
    return db
