"""Course labels: week/day from course.start, record numbers anchored at imported posts."""

from __future__ import annotations

from pathlib import Path

from studylog.config import Settings
from studylog.journal.day import add_note, load_day
from studylog.journal.labels import date_of
from studylog.store import days as q
from studylog.store import open_db, transaction


def test_week_day_and_title(home: Path) -> None:
    conf = Settings(values={"course.start": "2026-10-26", "course.name": "캠프"},
                    path=home / "c.toml")
    db = open_db(home / "l.db")
    day = load_day(db, "2026-11-18", conf)
    assert (day.week, day.day, day.title) == (4, 3, "캠프 - week4(3)")
    assert date_of(4, 3, conf) == "2026-11-18"
    assert load_day(db, "2026-10-01", conf).week is None  # before the course


def test_record_numbers_count_written_days_from_an_anchor(home: Path) -> None:
    conf = Settings(values={}, path=home / "c.toml")
    db = open_db(home / "r.db")
    add_note(db, "2026-11-01", "note", "a")
    add_note(db, "2026-11-03", "note", "b")
    assert load_day(db, "2026-11-03", conf).record_no == 2
    assert load_day(db, "2026-11-05", conf).record_no == 3  # not yet written: would be next
    with transaction(db):
        q.set_day_fields(db, "2026-11-03", record_no=17)
    add_note(db, "2026-11-04", "note", "c")
    assert load_day(db, "2026-11-04", conf).record_no == 18
    assert load_day(db, "2026-11-01", conf).record_no == 1


def test_label_command_overrides_and_resets(cli) -> None:
    import json

    assert cli("config", "course.start", "2026-10-26").exit_code == 0
    r = cli("label", "2026-11-18", "--record", "17", "--title", "나의 17번째 기록")
    assert r.exit_code == 0, r.output
    assert "학습기록 - 17" in r.output and "week4(3)" in r.output
    data = json.loads(cli("label", "2026-11-19", "--json").output)
    assert data["record_no"] == 18  # counts on from the override
    assert cli("export", "2026-11-18").output.splitlines()[:2] == ["나의 17번째 기록", "학습기록 - 17"]
    bad = cli("label", "--day", "9")
    assert bad.exit_code == 2 and "day는 1..7이어야 합니다" in bad.output
    data = json.loads(cli("label", "2026-11-18", "--reset", "--json").output)
    assert data["record_no"] == 1 and data["title"].endswith("week4(3)")
