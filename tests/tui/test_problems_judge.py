"""The Problems screen as a user drives it: it judges the problem it names (not the one under the
list's cursor), a cancelled run says cancelled, history rows open the attempt, the file picker
shows source files only, and the app and the CLI show the same words for the same attempt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from textual.widgets import DataTable, Input

from studylog.judge import words as present
from studylog.tui.app import create_app
from studylog.tui.screens.problems.picker import SourceTree
from tests.tui.conftest import SIZE, TODAY, sync, until
from tests.tui.test_problems_train import SOLUTION, rows

ROOT = Path(__file__).resolve().parents[2]
WRONG = SOLUTION.replace("(x - 1, y), ", "").replace("(x, y - 1)", "(x, y + 1)")


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).content)


async def open_problems(pilot, app, problem_id: str) -> DataTable:
    await pilot.press("f4")
    bank = app.screen.query_one("#bank", DataTable)
    await until(pilot, lambda: bank.row_count >= 1)
    bank.move_cursor(row=[r.value for r in bank.rows].index(problem_id))
    await pilot.pause(0.1)
    return bank


@sync
async def test_it_judges_the_named_problem_when_the_cursor_moved(db_path, tmp_path):
    source = tmp_path / "work" / "sol.py"
    source.write_text(SOLUTION, encoding="utf-8")
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        bank = await open_problems(pilot, app, "2667")
        await pilot.press("enter")  # 2667 becomes the target
        app.screen.query_one("#solution-path", Input).value = str(source)
        await pilot.pause(0.2)
        assert text(app, "#solve-target").startswith("2667 단지번호붙이기 ← sol.py · 1 s")
        bank.move_cursor(row=[r.value for r in bank.rows].index("1012"))  # cursor moves on
        await pilot.pause(0.2)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: app.screen.solve.cancel is None
                    and app.screen.solve.finished is not None, timeout=90)
        assert text(app, "#solve-target").startswith("2667 ")
        assert text(app, "#judge-summary").startswith("AC 맞았습니다!! (Accepted)")
    assert rows("SELECT problem_id, verdict FROM attempts", db_path) == [("2667", "AC")]


@sync
async def test_a_cancelled_run_says_cancelled_never_a_verdict(db_path, tmp_path):
    source = tmp_path / "work" / "slow.py"
    source.write_text("import time\ntime.sleep(30)\n", encoding="utf-8")
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_problems(pilot, app, "2667")
        await pilot.press("enter")
        app.screen.query_one("#solution-path", Input).value = str(source)
        await pilot.press("ctrl+r")
        tests = app.screen.query_one("#judge-tests", DataTable)
        await until(pilot, lambda: tests.row_count > 0, timeout=60)
        await pilot.press("ctrl+x")
        await until(pilot, lambda: app.screen.solve.cancel is None, timeout=60)
        summary = text(app, "#judge-summary")
        assert summary.startswith(present.word("cancelled", "ko")), summary
        assert "AC" not in summary and "맞았습니다" not in summary
    assert rows("SELECT count(*) FROM attempts", db_path) == [(0,)]


@sync
async def test_history_opens_the_attempt_and_matches_the_cli(db_path, tmp_path):
    source = tmp_path / "work" / "wa.py"
    source.write_text(WRONG, encoding="utf-8")
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_problems(pilot, app, "2667")
        await pilot.press("enter")
        app.screen.query_one("#solution-path", Input).value = str(source)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: app.screen.solve.finished is not None, timeout=90)
        live = text(app, "#judge-detail")
        assert live.startswith(present.word("first failure", "ko") + ": #")
        app.screen.query_one("#problem-main").active = "tab-history"
        history = app.screen.query_one("#history", DataTable)
        await until(pilot, lambda: history.row_count == 1)
        history.focus()
        await pilot.press("enter")
        tests = app.screen.query_one("#attempt-tests", DataTable)
        await until(pilot, lambda: tests.row_count == app.screen.solve.finished.total)
        assert text(app, "#attempt-detail") == live  # the stored report is the one shown live
        assert "WA 틀렸습니다" in text(app, "#attempt-title")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cli = subprocess.run([sys.executable, "-m", "studylog", "--db", str(db_path), "solve",
                          "2667", str(source)], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=120)
    assert cli.returncode == 1
    for line in live.splitlines():  # the CLI prints the same report, line for line
        assert line.rstrip() in cli.stdout, line


def test_the_picker_shows_folders_and_source_files_only(tmp_path):
    for name in ("a.py", "b.cpp", "c.java", "d.c", "notes.txt", "data.in", ".hidden.py"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    tree = SourceTree(tmp_path)
    shown = sorted(p.name for p in tree.filter_paths(tmp_path.iterdir()))
    assert shown == ["a.py", "b.cpp", "c.java", "d.c", "sub"]
