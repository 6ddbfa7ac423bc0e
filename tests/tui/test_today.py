"""Today: focus starts in the editor, typing autosaves, to-dos are added, checked and moved."""

from __future__ import annotations

from studylog.config import Settings
from studylog.journal.day import load_day
from studylog.store import open_db
from studylog.tui.app import create_app
from tests.tui.conftest import SIZE, TODAY, press_quit, sync, until


def read_day(db_path, date=TODAY):
    db = open_db(db_path)
    try:
        return load_day(db, date, Settings.load())
    finally:
        db.conn.close()


@sync
async def test_focus_starts_in_todays_editor(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: getattr(app.screen, "_loaded", False))
        assert app.focused is not None and app.focused.id == "ed-lecture"
        assert "Augmentation" in app.focused.text


@sync
async def test_typing_is_saved_without_leaving_the_editor(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: getattr(app.screen, "_loaded", False))
        await pilot.press("enter", *"한글 ok")
        await until(pilot, lambda: "한글 ok" in read_day(db_path).sections["lecture"])
        assert read_day(db_path).sections["lecture"].endswith("RandomCrop\n한글 ok")


@sync
async def test_quitting_right_after_typing_keeps_the_text(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: getattr(app.screen, "_loaded", False))
        await pilot.press("ctrl+o")  # to the assignment editor
        assert app.focused.id == "ed-assignment"
        await pilot.press(*"last words 마지막")
        await press_quit(app)
    assert read_day(db_path).sections["assignment"] == "last words 마지막"


@sync
async def test_todos_add_check_off_and_reorder(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await until(pilot, lambda: getattr(screen, "_loaded", False))
        await pilot.press("ctrl+n")
        assert app.focused.id == "todo-input"
        await pilot.press(*"회고 쓰기", "enter")
        await until(pilot, lambda: len(read_day(db_path).todos) == 4)
        view = screen.query_one("#todo-list")
        await until(pilot, lambda: len(view.children) == 4)
        view.focus()
        view.index = 1  # 과제 제출
        await pilot.press("space")
        await until(pilot, lambda: read_day(db_path).todos[1].done)
        await pilot.press("shift+up")
        await until(pilot, lambda: read_day(db_path).todos[0].text == "과제 제출")
        todos = read_day(db_path).todos
        assert [t.text for t in todos] == ["과제 제출", "강의 듣기", "BOJ 2667", "회고 쓰기"]
        assert [t.done for t in todos] == [True, False, False, False]
        title = screen.query_one("#todos .panel-title")
        await until(pilot, lambda: str(title.content).endswith("1/4"))
