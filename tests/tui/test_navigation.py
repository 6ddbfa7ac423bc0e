"""Every screen is reachable by its name in the palette and by its footer key; help; themes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from studylog.tui.app import create_app
from studylog.tui.screens.help import HelpScreen
from tests.tui.conftest import SIZE, TODAY, sync, until

ROOT = Path(__file__).resolve().parents[2]
MAIN_INPUT = {"today": "ed-lecture", "journal": "journal-search", "problems": "bank",
              "train": "f-model", "stats": "week-table"}


@pytest.mark.parametrize("name", ["Today", "Journal", "Problems", "Train", "Stats"])
@sync
async def test_palette_opens_each_screen_by_name(db_path, name):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        if name == "Today":
            await pilot.press("f6")
        await pilot.press("ctrl+p")
        await pilot.press(*name)
        await pilot.pause(0.3)
        await pilot.press("enter")
        mode = name.lower()
        await until(pilot, lambda: app.current_mode == mode)
        await until(pilot, lambda: app.focused is not None and app.focused.id == MAIN_INPUT[mode])


@sync
async def test_footer_keys_switch_screens_and_focus_the_main_input(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        for key, mode in [("f3", "journal"), ("f4", "problems"), ("f5", "train"),
                          ("f6", "stats"), ("f2", "today")]:
            await pilot.press(key)
            await until(pilot, lambda m=mode: app.current_mode == m)
            await until(pilot, lambda m=mode: app.focused is not None
                        and app.focused.id == MAIN_INPUT[m])


@sync
async def test_help_and_theme_toggle(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"


@sync
async def test_palette_new_todo_and_blog_export(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.press("ctrl+p", *"New to-do")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "todo-input")
        await pilot.press("ctrl+p", *"Export today")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.query("#export-text"))
        text = app.screen.query_one("#export-text").text
        assert "Augmentation: RandomCrop" in text
        assert "week5" in text  # course.start 2026-10-26 -> week 5 on 2026-11-26
        lines = app.screen.query_one("#export-text")
        lines.focus()
        at = next(i for i, line in enumerate(lines.lines) if "Augmentation" in line)
        lines.highlighted = at
        await pilot.press("space")  # the student leaves this line out of the post
        await until(pilot, lambda: "Augmentation" not in lines.text)
        assert lines.text.split("\n") == [x for i, x in enumerate(text.split("\n")) if i != at]
        await until(pilot, lambda: "strike" in str(lines.get_option_at_index(at).prompt.style))
        await pilot.press("ctrl+s")
        saved = db_path.parent / "work" / f"{TODAY}-blog.md"
        await until(pilot, lambda: saved.exists())
        assert saved.read_text(encoding="utf-8") == lines.text
        await pilot.press("space")  # and takes it back
        await until(pilot, lambda: lines.text == text)


@sync
async def test_the_apps_export_has_the_peer_session_like_the_cli(db_path):
    from studylog.store import open_db, peer

    db = open_db(db_path)
    peer.save_results(db, [peer.ResultRow(TODAY, "team", "2667", m, "python", v, 20,
                                          f"{m}/2667.py", mine=m == "me")
                           for m, v in (("alice", "AC"), ("me", "WA"))])
    db.conn.close()
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: getattr(app.screen, "_loaded", False))
        await pilot.press("ctrl+g")
        await until(pilot, lambda: app.screen.query("#export-text"))
        text = app.screen.query_one("#export-text").text
    cli = subprocess.run([sys.executable, "-m", "studylog", "--db", str(db_path), "export",
                          TODAY, "--format", "blog"], capture_output=True, text=True, cwd=ROOT)
    assert "피어세션: 2667 단지번호붙이기 — alice AC, me WA" in text
    assert text == cli.stdout


@sync
async def test_f_keys_while_the_palette_is_open_never_leave_a_second_palette(db_path):
    # F1-F6 act while the palette is open; the palette stayed under Help (or in the old mode's
    # stack), and the next ctrl+p pushed a second one with the same id: the app crashed
    from textual.command import CommandPalette

    def palettes(app) -> int:
        return sum(isinstance(s, CommandPalette) for stack in app._screen_stacks.values()
                   for s in stack)

    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        for keys in (("ctrl+p", "f1", "ctrl+p"), ("escape", "escape", "ctrl+p", "f3", "ctrl+p"),
                     ("escape", "ctrl+p", "f2", "ctrl+p", "f4", "f1", "ctrl+p")):
            for key in keys:
                await pilot.press(key)
                await pilot.pause(0.05)
                assert app.is_running and palettes(app) <= 1, (keys, key)
        assert isinstance(app.screen, CommandPalette)
    assert app.return_code in (None, 0)
