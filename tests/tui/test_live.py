"""The app is a live view: a note written by another process (the CLI) survives the app's save.

Real processes: the app runs in Pilot, ``python -m studylog note peer ...`` runs as a subprocess
on the same database file, then the app saves its own typing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from textual.widgets import TextArea

from studylog.tui.app import create_app
from tests.tui.conftest import SIZE, TODAY, sync, until
from tests.tui.test_today import read_day

ROOT = Path(__file__).resolve().parents[2]


def cli_note(db_path: Path, section: str, text: str) -> None:
    """Run the real CLI in another process (same database, same settings file)."""
    env = dict(os.environ)
    out = subprocess.run(
        [sys.executable, "-m", "studylog", "--db", str(db_path), "note", section, text,
         "--date", TODAY],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr


@sync
async def test_cli_note_survives_the_apps_save(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await until(pilot, lambda: getattr(screen, "_loaded", False))
        screen.show_section("peer")
        await pilot.pause(0.1)
        cli_note(db_path, "peer", "CLI 로 추가한 메모")
        await pilot.press(*"앱에서 쓴 글")
        await until(pilot, lambda: "앱에서 쓴 글" in read_day(db_path).sections["peer"])
        await pilot.pause(1.0)
        peer = read_day(db_path).sections["peer"]
        assert "CLI 로 추가한 메모" in peer
        assert "앱에서 쓴 글" in peer
    assert "CLI 로 추가한 메모" in read_day(db_path).sections["peer"]


@sync
async def test_unsaved_typing_merges_with_a_note_written_meanwhile(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await until(pilot, lambda: getattr(screen, "_loaded", False))
        screen.saver.debounce_s = screen.saver.max_wait_s = 60.0  # keep the typing unsaved
        await pilot.press("enter", *"앱 타이핑")  # lecture editor, below the seeded text
        cli_note(db_path, "lecture", "CLI 노트")
        await pilot.pause(2.0)  # the app notices the outside write but must not drop the typing
        editor = screen.query_one("#ed-lecture", TextArea)
        assert editor.text.endswith("앱 타이핑")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "앱 타이핑" in read_day(db_path).sections["lecture"])
        lecture = read_day(db_path).sections["lecture"]
        assert "CLI 노트" in lecture and "RandomCrop" in lecture
        assert lecture.index("CLI 노트") < lecture.index("앱 타이핑")  # theirs first, then ours
        await until(pilot, lambda: "CLI 노트" in editor.text)  # the editor shows the merge


@sync
async def test_outside_changes_appear_in_the_open_app(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await until(pilot, lambda: getattr(screen, "_loaded", False))
        cli_note(db_path, "retro", "다른 창에서 쓴 회고")
        retro = screen.query_one("#ed-retro", TextArea)
        await until(pilot, lambda: "다른 창에서 쓴 회고" in retro.text, timeout=10)
        out = subprocess.run(
            [sys.executable, "-m", "studylog", "--db", str(db_path), "todo", "add", "밖에서 추가",
             "--date", TODAY], capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert out.returncode == 0, out.stderr
        view = screen.query_one("#todo-list")
        await until(pilot, lambda: len(view.children) == 4, timeout=10)


@sync
async def test_history_modal_restores_a_revision(db_path):
    from studylog.tui.screens.today.history import HistoryScreen

    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await until(pilot, lambda: getattr(screen, "_loaded", False))
        screen.query_one("#ed-lecture", TextArea).select_all()
        await pilot.press("delete", *"새로 쓴 글")  # replace the lecture notes
        await pilot.press("ctrl+s")
        await until(pilot, lambda: read_day(db_path).sections["lecture"] == "새로 쓴 글")
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        modal = app.screen
        preview = modal.query_one("#history-preview", TextArea)
        assert preview.text == "새로 쓴 글"  # newest first
        table = modal.query_one("#history-list")
        assert app.focused is table
        assert [str(c.label) for c in table.columns.values()] == ["#", "저장한 때", "어디서"]
        await pilot.press("down")  # older revisions below
        table.move_cursor(row=table.row_count - 1)  # the oldest: the seeded notes
        await until(pilot, lambda: "RandomCrop" in preview.text)
        await pilot.press("enter")
        await until(pilot, lambda: "RandomCrop" in read_day(db_path).sections["lecture"])
        editor = screen.query_one("#ed-lecture", TextArea)
        await until(pilot, lambda: "RandomCrop" in editor.text)
        await pilot.press(*" 이어서")
        await until(pilot, lambda: read_day(db_path).sections["lecture"].endswith(" 이어서"))
        assert "새로 쓴 글" not in read_day(db_path).sections["lecture"]
