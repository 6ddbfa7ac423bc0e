"""The app: Today lists carried items and due reviews in the CLI's words; the Week view shows the
CLI's week page and is reachable from the palette and the Journal screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from studylog.cli.main import app as cli_app
from studylog.store import open_db
from studylog.tui.app import create_app
from tests.study.conftest import attempt
from tests.tui.conftest import SIZE, TODAY, seed, sync, until


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The TUI tests' seeded database, plus a retro item and a failed problem the day before."""
    monkeypatch.setenv("STUDYLOG_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("STUDYLOG_DB", str(tmp_path / "studylog.db"))
    path = tmp_path / "studylog.db"
    seed(path)
    db = open_db(path)
    from studylog.journal.day import add_note

    add_note(db, "2026-11-25", "retro", "내일 할 일:\n- 논문 읽기")
    attempt(db, "2667", "2026-11-25", "WA")
    db.conn.close()
    return path


def cli(*args: str) -> str:
    result = CliRunner().invoke(cli_app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def no_streak(text: str) -> list[str]:
    return [line for line in text.splitlines() if "일째" not in line]


def texts(view) -> list[str]:
    return [str(item.query_one("Label").content) for item in view.children]


def drawn(view, count: int) -> bool:
    """``count`` items, each with its label mounted (an item is a child before its label)."""
    return len(view.children) == count and all(item.query("Label") for item in view.children)


@sync
async def test_today_lists_carried_items_and_reviews_like_the_cli(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await until(pilot, lambda: getattr(screen, "_loaded", False))
        view = screen.query_one("#study-todos ListView")
        await until(pilot, lambda: drawn(view, 2))
        shown = texts(view)
        cli_lines = cli("todo", "list", "--date", TODAY).splitlines()[3:]  # after the 3 own
        assert [line.split(" ", 1)[1] for line in cli_lines] == shown
        assert shown == ["[ ] 논문 읽기  ← 11-25 회고", "[ ] 다시 풀기: 2667 단지번호붙이기"]
        view.focus()
        view.index = 0
        await pilot.press("space")
        await until(pilot, lambda: drawn(view, 2) and texts(view)[0].startswith("[x]"))
        view.index = 1
        await pilot.press("space")  # a problem: solve it again (a notification, no change)
        await pilot.pause(0.5)
        assert texts(view)[1].startswith("[ ]")
    assert "1. [ ] 논문 읽기" not in cli("todo", "list", "--date", "2026-11-27")


@sync
async def test_week_view_from_the_palette_shows_the_cli_page(db_path):
    from studylog.tui.screens.week import WeekScreen

    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"Week")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, lambda: app.current_mode == "week")
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        text = screen.query_one("#week-text")
        await until(pilot, lambda: "2667" in str(text.content))
        # the same words as the CLI; only the streak differs: the app runs on a fixed TODAY
        assert no_streak(str(text.content)) == no_streak(cli("week", TODAY))
        await pilot.press("b")
        await until(pilot, lambda: no_streak(str(text.content))
                    == no_streak(cli("week", TODAY, "--format", "blog")))
        await pilot.press("left_square_bracket")
        await until(pilot, lambda: "2026-11-16" in str(text.content))


@sync
async def test_week_view_from_the_journal(db_path):
    from studylog.tui.screens.week import WeekScreen

    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await until(pilot, lambda: app.current_mode == "journal")
        await pilot.press("ctrl+y")
        await until(pilot, lambda: isinstance(app.screen, WeekScreen))
        await until(pilot, lambda: "week5" in str(app.screen.query_one("#week-heading").content))
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, WeekScreen))
