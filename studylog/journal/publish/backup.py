"""A consistent copy of the database, made with SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import errno
import sqlite3
from pathlib import Path

import sqlite_utils

from studylog.errors import UserError
from studylog.faults import os_error_line
from studylog.journal.publish.output import check_target
from studylog.words import say


def default_backup_path(db_path: Path) -> Path:
    """``<db folder>/backups/studylog-YYYYmmdd-HHMMSS.db``."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return db_path.parent / "backups" / f"studylog-{stamp}.db"


def backup(db: sqlite_utils.Database, target: Path, *, make_folders: bool = False) -> Path:
    """Copy the open database to ``target`` (a file, or a folder to put a dated file in).

    The copy is a snapshot taken while other processes may keep writing; it is written to a
    temporary name first and renamed, so a half-made copy never sits at ``target``. A folder
    that does not exist is refused (``make_folders``: made, for the default backups folder);
    any failure (a full disk, no rights) removes the partial copy and raises one UserError.
    """
    if target.is_dir():
        target = target / default_backup_path(Path("x")).name
    if target.exists() or target.is_symlink():
        raise UserError(say(f"{target}이(가) 이미 있습니다; 새 이름을 고르세요",
                            f"{target} exists; choose a new name"))
    if make_folders:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(os_error_line(exc, say("백업 폴더를 만들 수 없습니다:",
                                                   "cannot make the backups folder"))) from None
    check_target(target)
    tmp = target.with_name(target.name + ".part")
    dest: sqlite3.Connection | None = None
    try:
        dest = sqlite3.connect(str(tmp))
        db.conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
        dest.close()
        dest = None
        tmp.replace(target)
    except (sqlite3.Error, OSError) as exc:
        if dest is not None:
            dest.close()
        tmp.unlink(missing_ok=True)
        why = (os_error_line(exc, say("쓸 수 없습니다:", "cannot write")) if isinstance(exc, OSError)
               else str(exc))
        if "full" in why or (isinstance(exc, OSError) and exc.errno == errno.ENOSPC):
            why = say("디스크가 가득 찼습니다", "the disk is full")
        raise UserError(say(f"{target}(으)로 백업하지 못했습니다: {why}",
                            f"backup to {target} failed: {why}")) from None
    return target
