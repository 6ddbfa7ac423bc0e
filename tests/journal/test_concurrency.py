"""Two processes writing at once lose nothing; backup is consistent while another process writes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

WRITER = """
import sys
from studylog.journal.day import add_note, add_todo
from studylog.store import open_db
db = open_db(sys.argv[1])
tag = sys.argv[2]
for i in range(int(sys.argv[3])):
    add_note(db, "2026-11-20", "note", f"{tag} 노트 {i}")
    add_todo(db, "2026-11-20", f"{tag} 할 일 {i}")
"""


def _writers(path: Path, tags: list[str], n: int) -> list[subprocess.Popen]:
    return [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), tag, str(n)],
                         cwd=Path(__file__).resolve().parents[2], stderr=subprocess.PIPE, text=True)
        for tag in tags
    ]


def test_two_writers_lose_nothing(home: Path) -> None:
    path = home / "c.db"
    procs = _writers(path, ["A", "B"], 150)
    for p in procs:
        assert p.wait(timeout=120) == 0, p.stderr.read()
    conn = sqlite3.connect(path)
    bodies = {r[0] for r in conn.execute("SELECT body FROM entries")}
    assert len(bodies) == 300
    assert {f"A 노트 {i}" for i in range(150)} | {f"B 노트 {i}" for i in range(150)} == bodies
    positions = [r[0] for r in conn.execute("SELECT position FROM todos ORDER BY position")]
    assert positions == list(range(300))  # no two to-dos got the same slot
    assert conn.execute("SELECT count(*) FROM entries_compact").fetchone()[0] == 300


def test_backup_while_another_process_writes(home: Path, run) -> None:
    path = home / "studylog.db"
    assert run("note", "lecture", "먼저 쓴 노트").returncode == 0
    procs = _writers(path, ["W"], 200)
    copies = []
    for i in range(3):
        p = run("backup", str(home / f"copy{i}.db"))
        assert p.returncode == 0, p.stderr
        copies.append(home / f"copy{i}.db")
    assert procs[0].wait(timeout=120) == 0
    for copy in copies:
        conn = sqlite3.connect(copy)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n_entries = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
        n_index = conn.execute("SELECT count(*) FROM entries_compact").fetchone()[0]
        assert n_entries == n_index >= 1  # a snapshot: the index matches the rows
        assert conn.execute("SELECT body FROM entries ORDER BY id LIMIT 1").fetchone()[0] == (
            "먼저 쓴 노트"
        )


OPENER = "import sys\nfrom studylog.store import open_db\nopen_db(sys.argv[1])\n"


def test_processes_creating_one_database_at_once_all_open_it(tmp_path: Path) -> None:
    # switching a new file to WAL took a lock SQLite did not wait for: 3 of 480 openers failed
    # with "database is locked" before the switch was retried
    for round_no in range(15):
        path = tmp_path / f"new{round_no}.db"
        procs = [subprocess.Popen([sys.executable, "-c", OPENER, str(path)],
                                  cwd=Path(__file__).resolve().parents[2], stderr=subprocess.PIPE,
                                  text=True) for _ in range(4)]
        for p in procs:
            assert p.wait(timeout=120) == 0, p.stderr.read()
        mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
