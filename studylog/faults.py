"""The one place that turns a fault from the system (a full disk, a path that cannot be written,
a locked or damaged database, input too deeply nested) or any error into the one line a user
sees, in the language setting (the CLI and the app alike)."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from studylog.errors import CheckFailed, UserError
from studylog.words import current_lang, say

#: The OS errors a student meets, in Korean (others keep the system's own words).
_ERRNO_KO = {
    errno.EACCES: "권한이 없습니다", errno.EPERM: "허용되지 않습니다",
    errno.ENOENT: "그런 파일이나 폴더가 없습니다", errno.EISDIR: "폴더입니다",
    errno.ENOTDIR: "폴더가 아닙니다", errno.EROFS: "읽기 전용 파일 시스템입니다",
    errno.EEXIST: "이미 있습니다", errno.ENAMETOOLONG: "이름이 너무 깁니다",
}


def _first_line(text: str) -> str:
    return (text.strip().splitlines() or [""])[0]


def damaged_line(db_path: Path | str | None, detail: str = "") -> str:
    """What to say when the database file is damaged (and what to do about it)."""
    where = str(db_path) if db_path else say("데이터베이스", "the database")
    why = f" ({detail})" if detail else ""
    fix = f"`sqlite3 {where} .recover | sqlite3 recovered.db`"
    return say(f"데이터베이스 파일이 손상되었습니다: {where}{why} (백업을 되돌리거나 {fix} 를 "
               "해 보세요)",
               f"the database file is damaged: {where}{why} (restore a backup, or try {fix})")


def os_error_line(exc: OSError, action: str | None = None) -> str:
    """One line for an OS error: what could not be done to which path (``action``, by default
    "cannot use"), and why."""
    if action is None:
        action = say("사용할 수 없습니다:", "cannot use")
    if exc.errno == errno.ENOSPC:
        why = say("디스크가 가득 찼습니다", "the disk is full")
    elif exc.errno in _ERRNO_KO and current_lang() == "ko":
        why = _ERRNO_KO[exc.errno]
    else:
        why = exc.strerror or _first_line(str(exc)) or type(exc).__name__
    where = f" {exc.filename}" if exc.filename else ""
    return f"{action}{where}: {why}"


def disk_full(path: Path | str | None) -> bool:
    """Whether the disk holding ``path`` (a file or a folder) has (almost) no space left."""
    if not path:
        return False
    import shutil

    folder = Path(path)
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


def fault_line(exc: BaseException, db_path: Path | str | None = None) -> str | None:
    """The one line for a fault from the system, or None when ``exc`` is not one of :data:`FAULTS`.

    ``db_path`` is the database the command used (named when the database is damaged).
    """
    if isinstance(exc, sqlite3.Error):
        text = _first_line(str(exc))
        low = text.lower()
        if "locked" in low or "busy" in low:
            return say(f"데이터베이스를 다른 프로그램이 쓰고 있습니다 ({text}); 끝난 뒤 다시 "
                       "해 보세요",
                       f"the database is busy: another program is writing to it ({text}); "
                       "try again when it is done")
        if "malformed" in low or "not a database" in low or isinstance(exc, sqlite3.DatabaseError) \
                and "corrupt" in low:
            return damaged_line(db_path, text)
        if "disk is full" in low or ("i/o error" in low and disk_full(db_path)):
            return say(f"데이터베이스 {db_path or ''}에 쓸 수 없습니다: 디스크가 가득 찼습니다",
                       f"cannot write the database {db_path or ''}: the disk is full"
                       ).replace("  ", " ")
        if "readonly" in low or "read-only" in low:
            return say(f"데이터베이스 {db_path or ''}에 쓸 수 없습니다: 읽기 전용입니다",
                       f"cannot write the database {db_path or ''}: it is read-only"
                       ).replace("  ", " ")
        if "unable to open" in low:
            return say(f"데이터베이스 {db_path or ''}를 열 수 없습니다: {text}",
                       f"cannot open the database {db_path or ''}: {text}").replace("  ", " ")
        return say(f"데이터베이스 오류: {text}", f"database error: {text}")
    if isinstance(exc, OSError):
        return os_error_line(exc)
    if isinstance(exc, RecursionError):
        return say("입력이 너무 깊게 중첩되어 있습니다", "the input is nested too deeply")
    if isinstance(exc, OverflowError) and "SQLite INTEGER" in str(exc):  # an id of 25 digits
        return say("숫자가 너무 큽니다: 데이터베이스의 정수 범위(약 9.2×10^18)를 넘습니다",
                   "a number is too large: past the database's integer range (about 9.2e18)")
    if isinstance(exc, UnicodeError):
        return say(f"올바른 UTF-8이 아닌 텍스트: {_first_line(str(exc))}",
                   f"text that is not valid UTF-8: {_first_line(str(exc))}")
    if isinstance(exc, MemoryError):
        return say("메모리가 부족합니다 (입력이 너무 큽니다)", "out of memory (the input is too large)")
    return None


def error_line(exc: BaseException | None, db_path: Path | str | None = None) -> str:
    """The one line a user sees for an error, in the CLI and the app alike.

    A :class:`UserError` or :class:`CheckFailed` is shown as its message, a fault from the system
    as :func:`fault_line` words it; anything else as its type and the first line of its message.
    """
    if exc is None:
        return say("알 수 없는 오류", "unknown error")
    if isinstance(exc, UserError | CheckFailed):
        return str(exc)
    fault = fault_line(exc, db_path)
    if fault is not None:
        return fault
    first = _first_line(str(exc))
    return f"{type(exc).__name__}: {first}".rstrip(": ")
