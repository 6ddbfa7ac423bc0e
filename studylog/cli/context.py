"""Per-invocation state shared by the commands: which database, opened once, lazily."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import sqlite_utils

from studylog.paths import default_db_path

_state: dict[str, Any] = {"db_path": None, "db": None}


def set_db_path(path: Path | None) -> None:
    """Remember the --db option (None: STUDYLOG_DB or the default location)."""
    _state["db_path"] = path
    _state["db"] = None


def db_path() -> Path:
    """The database file this invocation uses."""
    return _state["db_path"] or default_db_path()


def get_db() -> sqlite_utils.Database:
    """The open database (opened and migrated on first use)."""
    if _state["db"] is None:
        from studylog.journal.database import open_db, set_wait_notice

        set_wait_notice(_wait_notice)
        _state["db"] = open_db(db_path())
    return _state["db"]


def _wait_notice() -> None:
    from studylog.words import say

    sys.stderr.write(say("studylog: 데이터베이스를 기다리는 중… (다른 프로그램이 쓰고 있습니다)",
                         "studylog: waiting for the database… (another program is writing to it)")
                     + "\n")
    sys.stderr.flush()


def print_json(data: Any) -> None:
    """Print machine-readable output (UTF-8, Hangul kept as-is)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
