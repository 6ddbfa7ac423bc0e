"""A consistent copy of the database, made with SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import sqlite_utils

from studylog.errors import UserError


def default_backup_path(db_path: Path) -> Path:
    """``<db folder>/backups/studylog-YYYYmmdd-HHMMSS.db``."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return db_path.parent / "backups" / f"studylog-{stamp}.db"


def backup(db: sqlite_utils.Database, target: Path) -> Path:
    """Copy the open database to ``target`` (a file, or a folder to put a dated file in).

    The copy is a snapshot taken while other processes may keep writing; it is written to a
    temporary name first and renamed, so a half-made copy never sits at ``target``.
    """
    if target.is_dir():
        target = target / default_backup_path(Path("x")).name
    if target.exists():
        raise UserError(f"{target} exists; choose a new name")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    dest = sqlite3.connect(str(tmp))
    try:
        db.conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.DatabaseError as exc:
        dest.close()
        tmp.unlink(missing_ok=True)
        raise UserError(f"backup failed: {exc}") from None
    dest.close()
    tmp.replace(target)
    return target
