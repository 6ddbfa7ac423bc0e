"""Daily flow on Today and Journal: 80x24, focus, save marks, contrast, past days, shared words."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from textual.color import Color
from textual.widgets import DataTable, Label, TabbedContent, TextArea

from studylog.tui.app import create_app
from studylog.tui.screens.today import DayScreen
from tests.tui.conftest import SIZE, TODAY, sync, until
from tests.tui.test_today import read_day

ROOT = Path(__file__).resolve().parents[2]


def cli(db_path: Path, *args: str) -> str:
    out = subprocess.run([sys.executable, "-m", "studylog", "--db", str(db_path), *args],
                         capture_output=True, text=True, encoding="utf-8", env=dict(os.environ),
                         cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout


def contrast(a: Color, b: Color) -> float:
    def lum(c: Color) -> float:
        def ch(v: int) -> float:
            s = v / 255
            return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b)
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@sync
async def test_80x24_keeps_a_wide_editor_and_every_tab(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await until(pilot, lambda: getattr(screen, "_loaded", False))
        await pilot.pause(0.2)
        editor = screen.query_one("#ed-lecture", TextArea)
        assert editor.region.width >= 50
        tabs = list(screen.query_one(TabbedContent).query("Tab"))
        assert len(tabs) == 6
        assert all(0 <= t.region.x and t.region.right <= 80 and t.region.width > 0 for t in tabs)
        assert screen.query_one("#todos").region.width > 0  # the to-dos are still there


@sync
async def test_focus_is_visible_esc_leaves_the_todo_box_and_tabs_show_saved(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await until(pilot, lambda: getattr(screen, "_loaded", False))
        editor = screen.query_one("#ed-lecture", TextArea)
        assert editor.styles.border_top[1] == app.get_css_variables()["accent"].upper() or (
            editor.styles.border_top[1].hex.upper() == app.get_css_variables()["accent"].upper())
        await pilot.press("ctrl+n")
        assert app.focused.id == "todo-input"
        await pilot.press("escape")
        assert app.focused is editor
        await pilot.press(*"abc")
        tab = screen.query_one(TabbedContent).get_tab("tab-lecture")
        assert str(tab.label).endswith("•")
        await until(pilot, lambda: str(tab.label).endswith("✓"))
        assert read_day(db_path).sections["lecture"].endswith("abc")


@sync
async def test_light_theme_headings_have_enough_contrast(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: getattr(app.screen, "_loaded", False))
        await pilot.press("ctrl+t")
        await pilot.pause(0.2)
        assert app.theme == "textual-light"
        for title in app.screen.query(".panel-title"):
            fg = title.styles.color
            bg = title.background_colors[1]
            assert contrast(fg, bg) >= 4.5, (str(title.content), fg, bg)


@sync
async def test_an_empty_past_day_shows_its_own_labels(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: getattr(app.screen, "_loaded", False))
        app.push_screen(DayScreen("2026-11-20", readonly=True))
        await until(pilot, lambda: isinstance(app.screen, DayScreen) and app.screen._loaded)
        heading = str(app.screen.query_one("#day-date", Label).content)
        titles = [str(t.content) for t in app.screen.query(".panel-title")]
        assert "학습기록" not in heading and "기록 없음" in heading
        assert "오늘의 채점" not in titles and "이날의 채점" in titles


@sync
async def test_journal_e_edits_and_esc_returns_to_the_list(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        table = app.screen.query_one("#journal-list", DataTable)
        await until(pilot, lambda: table.row_count == 4)
        table.focus()
        table.move_cursor(row=2)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, DayScreen) and app.screen._loaded)
        assert app.screen.date == "2026-11-25" and not app.screen.readonly
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, DayScreen))
        await until(pilot, lambda: app.focused is table)


@sync
async def test_cli_and_app_say_the_same_words(db_path):
    show = cli(db_path, "show", TODAY).splitlines()[0]
    search = [ln for ln in cli(db_path, "search", "회고").splitlines() if "2026-11-23" in ln][0]
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: getattr(app.screen, "_loaded", False))
        heading = str(app.screen.query_one("#day-date", Label).content)
        assert heading.startswith(show)  # '2026-11-26 (목)'
        await pilot.press("f3", *"회고")
        table = app.screen.query_one("#journal-list", DataTable)
        await until(pilot, lambda: table.row_count == 1)
        section = str(table.get_row_at(0)[1])
        assert search.split("  ")[1] == section == "회고"


@sync
async def test_journal_counts_refresh_after_an_outside_change(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        table = app.screen.query_one("#journal-list", DataTable)
        await until(pilot, lambda: table.row_count == 4)
        cli(db_path, "note", "retro", "밖에서 쓴 글", "--date", "2026-11-22")
        await until(pilot, lambda: table.row_count == 5, timeout=10)
        calendar = app.screen.query_one("#calendar")
        await until(pilot, lambda: "2026-11-22" in calendar.activity, timeout=10)


@sync
async def test_saves_while_typing_keep_the_tab_mark_still_until_typing_pauses(db_path):
    # each change of a tab's label relayouts the tab bar: a save in the middle of typing must
    # not flip • to ✓ and back on the next key; the ✓ comes once typing pauses
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await until(pilot, lambda: getattr(screen, "_loaded", False))
        screen.query_one("#ed-lecture", TextArea).focus()
        tab = screen.query_one(TabbedContent).get_tab("tab-lecture")
        await pilot.press("-")  # the first key is slow under the test driver: a pause of its own
        await until(pilot, lambda: str(tab.label).endswith("✓"))
        labels = []
        for ch in "가나다라마바사아자차카타파하" * 2:  # 28 keys, 0.1 s apart: saves happen meanwhile
            await pilot.press(ch)
            await pilot.pause(0.1)
            labels.append(str(tab.label))
        assert read_day(db_path).sections["lecture"]  # saved while typing went on
        assert all(label.endswith("•") for label in labels), labels
        await until(pilot, lambda: str(tab.label).endswith("✓"))
        assert read_day(db_path).sections["lecture"].endswith("가나다라마바사아자차카타파하" * 2)
