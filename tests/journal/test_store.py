"""The store: pragmas, migrations from the first schema, bad files, sqlite-utils compatibility."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from studylog.errors import UserError
from studylog.store import days as q
from studylog.store import open_db, transaction
from studylog.store.migrations import MIGRATIONS, applied, migrate
from studylog.store.search import search_entries


def test_pragmas(home: Path) -> None:
    db = open_db(home / "a.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert applied(db) == [name for name, _ in MIGRATIONS]


def test_upgrade_from_first_schema_keeps_data_and_indexes_it(home: Path) -> None:
    path = home / "old.db"
    db = open_db(path, migrate=False)
    first = MIGRATIONS[0][0]
    migrate(db, upto=first)
    assert applied(db) == [first]
    assert "entries_fts" not in db.table_names()
    # Data written by a studylog that only knew the first schema.
    db.execute("INSERT INTO days (date, created, updated) VALUES ('2025-01-02', 'x', 'x')")
    db.execute(
        "INSERT INTO entries (date, section, title, body, position, created, updated) "
        "VALUES ('2025-01-02', 'retro', '', '오늘의 회고: 단지번호붙이기', 0, 'x', 'x')"
    )
    db.execute("INSERT INTO todos (date, position, text, created) VALUES ('2025-01-02', 0, '토마토', 'x')")
    db.conn.close()
    db = open_db(path)  # upgrades
    assert applied(db) == [name for name, _ in MIGRATIONS]
    assert {"attempts", "runs", "run_epochs", "entries_compact"} <= set(db.table_names())
    assert "entries_fts" not in db.table_names()  # the per-word index is gone
    assert [h.body for h in search_entries(db, "회고")] == ["오늘의 회고: 단지번호붙이기"]
    assert [h.date for h in search_entries(db, "번호")] == ["2025-01-02"]
    assert [h.section for h in search_entries(db, "토마")] == ["todo"]
    assert migrate(db) == []  # nothing left to do


def test_not_a_database(home: Path) -> None:
    bad = home / "bad.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(UserError, match=r"bad\.db을\(를\) 열 수 없습니다"):
        open_db(bad)


def test_failed_transaction_changes_nothing(home: Path) -> None:
    db = open_db(home / "t.db")
    with pytest.raises(RuntimeError):
        with transaction(db):
            q.add_entry(db, "2026-01-01", "note", "first")
            q.add_todo(db, "2026-01-01", "second")
            raise RuntimeError("boom")
    assert db.execute("SELECT count(*) FROM entries").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM days").fetchone()[0] == 0
    assert search_entries(db, "first") == []


def test_file_opens_in_sqlite_utils_cli(home: Path) -> None:
    path = home / "u.db"
    db = open_db(path)
    with transaction(db):
        q.add_entry(db, "2026-01-01", "lecture", "Dataset 과 DataLoader")
    db.conn.close()
    exe = shutil.which("sqlite-utils", path=str(Path(sys.executable).parent))
    assert exe, "sqlite-utils CLI is installed with the package"
    out = subprocess.run([exe, "rows", str(path), "entries", "--nl"], capture_output=True,
                         text=True, check=True).stdout
    assert "Dataset 과 DataLoader" in out
    tables = subprocess.run([exe, "tables", str(path)], capture_output=True, text=True,
                            check=True).stdout
    assert "entries" in tables and "days" in tables


def test_foreign_keys_enforced(home: Path) -> None:
    db = open_db(home / "fk.db")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO entries (date, section, body, created, updated) "
            "VALUES ('2030-01-01', 'note', 'x', 'x', 'x')"
        )


def test_released_migration_names_never_change() -> None:
    """The names stored in ``_migrations`` of existing databases: renaming, dropping or
    reordering one would re-run a migration on an existing database."""
    assert [name for name, _ in MIGRATIONS] == [
        "m001_journal", "m002_search", "m003_judge", "m004_train", "m005_todo_search",
        "m006_judge_regressions", "study_reviews", "study_carryover", "judge_attempt_failure",
        "journal_revisions", "journal_search_compact", "train_process_weights_metrics",
        "journal_drop_word_index", "peer_tables", "peer_results_mine", "journal_index_composed_hangul",
        "journal_search_trigram",
    ]


def test_not_a_database_in_english(tmp_path: Path) -> None:
    """The same fault in English once the settings say `language = "en"`."""
    Path(os.environ["STUDYLOG_CONFIG"]).write_text('language = "en"\n', encoding="utf-8")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a sqlite database" * 10)
    with pytest.raises(UserError, match="cannot open database"):
        open_db(bad)
