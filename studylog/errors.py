"""Errors that mean "bad usage or bad input" (exit 2) or "the check failed" (exit 1), and the
faults from the system that a command turns into one line (:mod:`studylog.faults` words them).
"""

from __future__ import annotations

import sqlite3


class UserError(Exception):
    """Bad input from the user (a bad date, an unknown section, a missing file...).

    The message is shown as-is on one line of stderr; the exit code is 2.
    """


class CheckFailed(Exception):
    """The check the user asked for ran and failed (exit code 1)."""


#: The faults :func:`studylog.faults.fault_line` words (anything else is a bug and keeps its traceback).
FAULTS: tuple[type[BaseException], ...] = (OSError, sqlite3.Error, RecursionError, UnicodeError,
                                           MemoryError)
