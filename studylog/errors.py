"""Errors that mean "bad usage or bad input" (exit 2) or "the check failed" (exit 1), and the one
place that turns a fault from the system (a full disk, a path that cannot be written, a locked or
damaged database, input too deeply nested) into the one line a user sees.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path


class UserError(Exception):
    """Bad input from the user (a bad date, an unknown section, a missing file...).

    The message is shown as-is on one line of stderr; the exit code is 2.
    """


class CheckFailed(Exception):
    """The check the user asked for ran and failed (exit code 1)."""


#: The faults :func:`fault_line` words (anything else is a bug and keeps its traceback).
FAULTS: tuple[type[BaseException], ...] = (OSError, sqlite3.Error, RecursionError, UnicodeError,
                                           MemoryError)


def _first_line(text: str) -> str:
    return (text.strip().splitlines() or [""])[0]


def damaged_line(db_path: Path | str | None, detail: str = "") -> str:
    """What to say when the database file is damaged (and what to do about it)."""
    where = str(db_path) if db_path else "the database"
    why = f" ({detail})" if detail else ""
    return (f"the database file is damaged: {where}{why} (restore a backup, or try "
            f"`sqlite3 {where} .recover | sqlite3 recovered.db`)")


def os_error_line(exc: OSError, action: str = "cannot use") -> str:
    """One line for an OS error: what could not be done to which path, and why."""
    if exc.errno == errno.ENOSPC:
        why = "the disk is full"
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
            return (f"the database is busy: another program is writing to it ({text}); "
                    "try again when it is done")
        if "malformed" in low or "not a database" in low or isinstance(exc, sqlite3.DatabaseError) \
                and "corrupt" in low:
            return damaged_line(db_path, text)
        if "disk is full" in low or ("i/o error" in low and disk_full(db_path)):
            return f"cannot write the database {db_path or ''}: the disk is full".replace("  ", " ")
        if "readonly" in low or "read-only" in low:
            return f"cannot write the database {db_path or ''}: it is read-only".replace("  ", " ")
        if "unable to open" in low:
            return f"cannot open the database {db_path or ''}: {text}".replace("  ", " ")
        return f"database error: {text}"
    if isinstance(exc, OSError):
        return os_error_line(exc)
    if isinstance(exc, RecursionError):
        return "the input is nested too deeply"
    if isinstance(exc, UnicodeError):
        return f"text that is not valid UTF-8: {_first_line(str(exc))}"
    if isinstance(exc, MemoryError):
        return "out of memory (the input is too large)"
    return None


def error_line(exc: BaseException | None, db_path: Path | str | None = None) -> str:
    """The one line a user sees for an error, in the CLI and the app alike.

    A :class:`UserError` or :class:`CheckFailed` is shown as its message, a fault from the system
    as :func:`fault_line` words it; anything else as its type and the first line of its message.
    """
    if exc is None:
        return "unknown error"
    if isinstance(exc, UserError | CheckFailed):
        return str(exc)
    fault = fault_line(exc, db_path)
    if fault is not None:
        return fault
    first = _first_line(str(exc))
    return f"{type(exc).__name__}: {first}".rstrip(": ")
