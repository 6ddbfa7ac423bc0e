"""Every save of a section is a revision; history lists them, restore brings one back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path


def test_history_and_restore(run, home: Path) -> None:
    assert run("note", "peer", "첫 노트", "--date", "2026-11-02").returncode == 0
    assert run("note", "peer", "둘째 노트", "--date", "2026-11-02").returncode == 0
    assert run("note", "retro", "회고", "--date", "2026-11-02").returncode == 0
    revs = json.loads(run("history", "2026-11-02", "peer", "--json").stdout)
    assert [r["text"] for r in revs] == ["첫 노트\n둘째 노트", "첫 노트"]
    assert {"id", "section", "saved_at", "text"} <= set(revs[0])
    everything = json.loads(run("history", "2026-11-02", "--json").stdout)
    assert {r["section"] for r in everything} == {"peer", "retro"}
    oldest = revs[-1]["id"]
    p = run("restore", str(oldest))
    assert p.returncode == 0, p.stderr
    day = json.loads(run("show", "2026-11-02", "--json").stdout)
    assert day["sections"]["peer"] == "첫 노트"
    after = json.loads(run("history", "2026-11-02", "peer", "--json").stdout)
    assert len(after) == 3 and after[0]["text"] == "첫 노트" and after[0]["source"] == "restore"
    text = run("history", "2026-11-02").stdout
    assert f"#{oldest}" in text and "피어세션" in text
    assert "되살리기" in text and "명령줄" in text and " cli " not in text  # one language


def test_export_never_includes_revisions(run, home: Path) -> None:
    run("note", "peer", "옛 글", "--date", "2026-11-02")
    conn = sqlite3.connect(home / "studylog.db")
    rev = conn.execute("SELECT id FROM revisions").fetchone()[0]
    conn.close()
    run("note", "peer", "새 글", "--date", "2026-11-02")
    run("restore", str(rev))
    doc = json.loads(run("export", "2026-11-02", "--format", "json").stdout)
    assert "revisions" not in json.dumps(doc)
    assert [e["body"] for e in doc["days"][0]["entries"]] == ["옛 글"]
    assert run("export", "2026-11-02").stdout.count("옛 글") == 1


def test_migration_gives_existing_sections_a_first_revision(tmp_path: Path) -> None:
    from studylog.store import open_db
    from studylog.store.migrations import migrate

    db = open_db(tmp_path / "old.db", migrate=False)
    migrate(db, upto="m006_judge_regressions")
    db.execute("INSERT INTO days (date, created, updated) VALUES ('2026-01-02', 'x', 'x')")
    db.execute("INSERT INTO entries (date, section, title, body, position, created, updated) "
               "VALUES ('2026-01-02', 'lecture', '제목', '본문', 0, 'x', 'x')")
    migrate(db)
    rows = db.execute("SELECT section, text, source FROM revisions").fetchall()
    assert rows == [("lecture", "제목\n본문", "migration")]


def test_prune_keeps_each_sections_latest(run, home: Path) -> None:
    for text in ("하나", "둘", "셋"):
        assert run("note", "peer", text, "--date", "2026-11-02").returncode == 0
    assert run("note", "retro", "회고", "--date", "2026-11-02").returncode == 0
    p = run("prune-history", "2999-01-01")
    assert p.returncode == 0 and "2" in p.stdout, p.stderr
    revs = json.loads(run("history", "2026-11-02", "--json").stdout)
    assert sorted((r["section"], r["text"]) for r in revs) == [
        ("peer", "하나\n둘\n셋"), ("retro", "회고")]
    assert run("prune-history", "2026-02-30").returncode == 2
