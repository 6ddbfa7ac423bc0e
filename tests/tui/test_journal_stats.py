"""Journal: search as you type (Hangul), open a day read-only or for editing; Stats loads."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Label, TextArea

from studylog.config import Settings
from studylog.tui.app import create_app
from studylog.tui.screens.today import DayScreen
from tests.tui.conftest import SIZE, TODAY, sync, until
from tests.tui.test_today import read_day


def cells(table: DataTable) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


@sync
async def test_search_as_you_type_finds_a_two_syllable_hangul_word(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        assert app.current_mode == "journal"
        assert app.focused.id == "journal-search"
        table = app.screen.query_one("#journal-list", DataTable)
        await until(pilot, lambda: table.row_count == 4)  # the month's days
        await pilot.press(*"회고")
        await until(pilot, lambda: table.row_count == 1 and "2026-11-23" in cells(table)[0])
        assert cells(table)[0][1] == "회고"  # the section's name, as `studylog search` prints it
        await pilot.press("enter")  # to the list
        await pilot.press("enter")  # open the day read-only
        await until(pilot, lambda: isinstance(app.screen, DayScreen))
        day = app.screen
        await until(pilot, lambda: day._loaded)
        retro = day.query_one("#ed-retro", TextArea)
        assert "num_workers" in retro.text
        assert retro.read_only
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, DayScreen))


@sync
async def test_a_past_day_opened_for_editing_saves(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        table = app.screen.query_one("#journal-list", DataTable)
        await until(pilot, lambda: table.row_count == 4)
        table.focus()
        table.move_cursor(row=1)  # 2026-11-24
        await pilot.press("ctrl+e")
        await until(pilot, lambda: isinstance(app.screen, DayScreen))
        day = app.screen
        await until(pilot, lambda: day._loaded)
        assert day.date == "2026-11-24" and not day.readonly
        day.show_section("peer")
        await pilot.press(*" 추가")
        await pilot.press("escape")  # saves and goes back
        await until(pilot, lambda: not isinstance(app.screen, DayScreen))
    assert read_day(db_path, "2026-11-24").sections["peer"].endswith("공유 추가")


@sync
async def test_calendar_moves_between_months(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        table = app.screen.query_one("#journal-list", DataTable)
        await until(pilot, lambda: table.row_count == 4)
        app.screen.query_one("#calendar").focus()
        await pilot.press("pageup")  # October: nothing written
        await until(pilot, lambda: table.row_count == 0)
        await pilot.press("pagedown")
        await until(pilot, lambda: table.row_count == 4)


@sync
async def test_stats_show_streak_and_weeks(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        table = app.screen.query_one("#week-table", DataTable)
        await until(pilot, lambda: table.row_count >= 1)
        streak = str(app.screen.query_one("#streaks").content)
        assert "지금 4일" in streak
        assert cells(table)[0][0] == "2026-W48"


@pytest.mark.parametrize(("lang", "words", "other"), [
    ("ko", ["주별 섹션 기록", "활동", "월 ", "적음", "많음", "강의 복습", "합계"], ["Mon", "less", "week"]),
    ("en", ["entries per section per week", "activity", "Mon", "less", "more", "Lecture review",
            "total"], ["월 ", "적음", "주별"]),
])
@sync
async def test_stats_speak_one_language(db_path, lang, words, other):
    Settings.load().set("language", lang)
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        table = app.screen.query_one("#week-table", DataTable)
        await until(pilot, lambda: table.row_count >= 1)
        await until(pilot, lambda: str(app.screen.query_one("#heatmap").content) != "")
        shown = " ".join([*(str(label.content) for label in app.screen.query(Label)),
                          *(str(c.label) for c in table.columns.values()),
                          str(app.screen.query_one("#heatmap").content)])
        for word in words:
            assert word in shown, (word, shown)
        for word in other:
            assert word not in shown, (word, shown)
