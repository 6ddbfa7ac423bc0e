"""The to-do numbering the CLI and the app share: the day's own to-dos, then its study to-dos."""

from __future__ import annotations

import json

import pytest

from studylog.config import Settings
from studylog.errors import UserError
from studylog.journal.publish.exchange import export_text
from studylog.study.numbering import day_extras, extra_by_number, numbered_extras
from studylog.study.study_todos import export_lines

RETRO = "## 내일 할 일\n- 논문 읽기\n- 강의 5강 듣기\n"


def test_study_todos_are_numbered_after_the_days_own(cli, db) -> None:
    assert cli("note", "retro", "-", "--date", "2026-11-20", input=RETRO).exit_code == 0
    assert cli("todo", "add", "과제 제출", "--date", "2026-11-21").exit_code == 0
    settings = Settings.load()
    numbered = numbered_extras(db, "2026-11-21", settings)
    assert [(x.number, x.extra.text) for x in numbered] == [(2, "논문 읽기"), (3, "강의 5강 듣기")]
    assert [x.extra for x in numbered] == day_extras(db, "2026-11-21", settings)  # the app's list
    assert extra_by_number(db, "2026-11-21", settings, 1) is None  # the day's own to-do
    found = extra_by_number(db, "2026-11-21", settings, 3)
    assert found is not None and found.extra.text == "강의 5강 듣기"
    with pytest.raises(UserError, match="할 일 3개"):
        extra_by_number(db, "2026-11-21", settings, 4)
    listed = cli("todo", "list", "--date", "2026-11-21", "--json")
    assert [(t["number"], t["text"]) for t in json.loads(listed.output)] == [
        (1, "과제 제출"), (2, "논문 읽기"), (3, "강의 5강 듣기")]


def test_the_post_gets_the_days_study_lines_from_its_caller(cli, db) -> None:
    assert cli("note", "retro", "-", "--date", "2026-11-20", input=RETRO).exit_code == 0
    settings = Settings.load()
    lines = export_lines(db, "2026-11-21", settings, "blog", "ko")
    assert lines == ["[ ] 논문 읽기", "[ ] 강의 5강 듣기"]  # open: [ ]
    assert "논문 읽기" not in export_text(db, "2026-11-21", "blog", settings, "ko")
    post = export_text(db, "2026-11-21", "blog", settings, "ko", lines)
    assert post.splitlines()[2:5] == ["오늘 한 일", "[ ] 논문 읽기", "[ ] 강의 5강 듣기"]
    assert cli("export", "2026-11-21").output == post  # the CLI passes them
