"""The app speaks the language of the settings (footer, help, palette, Train and Solve tabs) and
its footer fits an 80x24 terminal on every screen, in both languages."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.fuzzy import Matcher
from textual.widgets import Button, Label, TabbedContent
from textual.widgets._footer import FooterKey

from studylog.config import Settings
from studylog.tui.app import create_app
from studylog.tui.commands import system_commands
from studylog.tui.widgets.footer import StudyFooter
from studylog.tui.words import help_markdown
from tests.tui.conftest import TODAY, press_quit, sync, until

KEYS = {"today": "f2", "journal": "f3", "problems": "f4", "train": "f5", "stats": "f6"}


def footer_keys(app) -> list[FooterKey]:
    return list(app.screen.query_one(StudyFooter).query(FooterKey))


@pytest.mark.parametrize("lang", ["ko", "en"])
@sync
async def test_every_screens_footer_fits_80_columns(db_path, lang):
    Settings.load().set("language", lang)
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        for mode, key in KEYS.items():
            await pilot.press(key)
            await until(pilot, lambda m=mode: app.current_mode == m and bool(footer_keys(app)))
            keys = footer_keys(app)
            width = sum(cell_len(f"{k.key_display} {k.description} ") for k in keys)
            assert width <= 80, (mode, [k.description for k in keys])
            actions = [k.action for k in keys]
            assert f"switch_mode('{mode}')" not in actions  # the screen on show has no key
            names = {k.key: k.description for k in keys}
            assert names["f1"] == ("도움말" if lang == "ko" else "Help")
            # the screen's own keys come first, the F-keys after them, in order
            f_keys = [k.key for k in keys if k.key.startswith("f") and len(k.key) == 2]
            assert f_keys == sorted(f_keys)
            assert [k.key for k in keys][-len(f_keys):] == f_keys or "ctrl+p" in names
        await press_quit(app)


@sync
async def test_the_train_form_and_the_solve_tab_speak_korean(db_path):
    Settings.load().set("language", "ko")
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await until(pilot, lambda: app.current_mode == "train")
        labels = [str(lbl.content) for lbl in app.screen.query(Label)]
        assert "에폭 epochs" in labels and "옵티마이저 optimizer" in labels
        tabs = app.screen.query(TabbedContent).first()
        assert str(tabs.get_tab("tab-live").label) == "진행"
        await pilot.press("f4")
        await until(pilot, lambda: app.current_mode == "problems")
        assert str(app.screen.query_one("#judge-button", Button).label) == "채점"
        main = app.screen.query_one("#problem-main", TabbedContent)
        assert str(main.get_tab("tab-solve").label) == "풀기"
        await press_quit(app)


def test_the_help_says_the_same_keys_in_both_languages():
    ko, en = help_markdown("ko"), help_markdown("en")
    assert "| 키 | 어디서 | 하는 일 |" in ko and "| Key | Where | Does |" in en
    rows = [[line.split("|")[1] for line in text.splitlines() if line.startswith("| ")]
            for text in (ko, en)]
    assert rows[0][1:] == rows[1][1:] and len(rows[0]) > 20  # the same keys, row by row


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_palette_finds_commands_in_either_language(db_path, lang):
    Settings.load().set("language", lang)
    app = create_app(db_path, today=TODAY)
    titles = [c.title for c in system_commands(app, None, lambda: None, lambda: None)]
    for query, hit in (("주", "주간"), ("week", "Week"), ("채점", "채점"), ("judge", "judge"),
                       ("할 일", "할 일"), ("to-do", "to-do")):
        found = [t for t in titles if Matcher(query).match(t) > 0]
        assert any(hit in t for t in found), (query, titles)
    first = titles[0]
    assert first.startswith("오늘") if lang == "ko" else first.startswith("Today")


@sync
async def test_dialogs_and_the_day_title_fit_80_columns(db_path):
    """At 80x24 the blog-post dialog and the help keep their right border on screen, and a
    long day title ends in an ellipsis instead of being cut."""
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen._loaded)
        title = app.screen.query_one("#day-title", Label)
        assert title.region.right <= 80 and title.styles.text_overflow == "ellipsis"
        await pilot.press("ctrl+g")
        await until(pilot, lambda: bool(app.screen.query("#help-box")))
        assert app.screen.query_one("#help-box").region.right <= 80
        await pilot.press("escape")
        await pilot.press("f1")
        await until(pilot, lambda: bool(app.screen.query("#help-box")))
        assert app.screen.query_one("#help-box").region.right <= 80
        await pilot.press("escape")
        await press_quit(app)


@sync
async def test_the_footer_leaves_out_the_last_f_keys_where_they_do_not_fit(db_path):
    """The Week screen's own four keys and F1-F6 were wider than 80 columns: the footer ran off
    the screen. The last F-keys are left out (F1 stays), at any width, as the window changes."""
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.switch_mode("week")
        await until(pilot, lambda: app.current_mode == "week" and bool(footer_keys(app)))
        keys = footer_keys(app)
        assert sum(cell_len(f"{k.key_display} {k.description} ") for k in keys) <= 80
        shown = [k.key for k in keys]
        assert "f1" in shown and "left_square_bracket" in shown and "f6" not in shown
        await pilot.resize_terminal(50, 24)
        await until(pilot, lambda: "f5" not in [k.key for k in footer_keys(app)])
        keys = footer_keys(app)
        assert sum(cell_len(f"{k.key_display} {k.description} ") for k in keys) <= 50
        await pilot.resize_terminal(160, 24)
        await until(pilot, lambda: "f6" in [k.key for k in footer_keys(app)])
        await press_quit(app)
