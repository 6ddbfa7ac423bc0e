"""Problems: a judge run fills the table live and records the attempt; a judge error is a
notification. Train: a one-epoch run on a tiny model, and a cancelled run kept as interrupted."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import DataTable, Input

from studylog.store import open_db
from studylog.tui.app import create_app
from tests.tui.conftest import SIZE, TODAY, sync, until

SOLUTION = """\
import sys
from collections import deque
n = int(sys.stdin.readline())
g = [sys.stdin.readline().strip() for _ in range(n)]
seen = [[False] * n for _ in range(n)]
sizes = []
for i in range(n):
    for j in range(n):
        if g[i][j] == '1' and not seen[i][j]:
            seen[i][j] = True
            q, c = deque([(i, j)]), 0
            while q:
                x, y = q.popleft()
                c += 1
                for a, b in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                    if 0 <= a < n and 0 <= b < n and g[a][b] == '1' and not seen[a][b]:
                        seen[a][b] = True
                        q.append((a, b))
            sizes.append(c)
print(len(sizes))
print(*sorted(sizes), sep="\\n")
"""


def rows(sql: str, db_path: Path) -> list[tuple]:
    db = open_db(db_path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.conn.close()


@sync
async def test_judge_run_fills_the_table_and_records_the_attempt(db_path, tmp_path):
    source = tmp_path / "work" / "sol.py"
    source.write_text(SOLUTION, encoding="utf-8")
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        bank = app.screen.query_one("#bank", DataTable)
        await until(pilot, lambda: bank.row_count >= 1)
        bank.move_cursor(row=[r.value for r in bank.rows].index("2667"))
        await pilot.press("enter")  # to the Solve tab
        assert app.focused.id == "solution-path"
        await pilot.press(*str(source), "enter")
        tests = app.screen.query_one("#judge-tests", DataTable)
        await until(pilot, lambda: "AC" in str(app.screen.query_one("#judge-summary").content),
                    timeout=60)
        verdicts = [str(tests.get_row_at(i)[3]) for i in range(tests.row_count)]
        assert tests.row_count > 5 and set(verdicts) == {"AC"}
        await pilot.press("f2")  # Today lists the day's judge attempts
        attempts = app.screen.query_one("#day-attempts", DataTable)
        await until(pilot, lambda: attempts.row_count == 1)
        assert [str(c) for c in attempts.get_row_at(0)] == ["2667", "AC", "1", "단지번호붙이기"]
    assert rows("SELECT problem_id, verdict, date FROM attempts", db_path) == [
        ("2667", "AC", TODAY)]


async def solve_tab_with(pilot, app, path: str) -> None:
    """Problems (F4), the first problem's Solve tab, ``path`` as the solution file."""
    await pilot.press("f4")
    bank = app.screen.query_one("#bank", DataTable)
    await until(pilot, lambda: bank.row_count >= 1)
    await pilot.press("enter")
    app.screen.query_one("#solution-path", Input).value = path


@sync
async def test_typing_in_the_problem_list_jumps_to_a_problem(db_path):
    """Typed digits find a problem by number, typed Hangul by title; a pause starts anew."""
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        bank = app.screen.query_one("#bank", DataTable)
        await until(pilot, lambda: bank.row_count > 10 and bank.has_focus)

        def current() -> str:
            return str(bank.get_row_at(bank.cursor_row)[0])

        await pilot.press(*"2667")
        assert current() == "2667"
        await until(pilot, lambda: app.screen.problem_id == "2667")  # its statement follows
        bank.typed, bank._last = "", 0.0  # as after a pause
        await pilot.press("토", "마")
        assert current() == "7576"  # 토마토
        await pilot.press("backspace", "backspace", "escape")
        await pilot.press("1", "4")
        assert current().startswith("14"), current()


@sync
async def test_a_missing_solution_file_is_a_notification_not_a_crash(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await solve_tab_with(pilot, app, "nope.py")
        await pilot.press("ctrl+r")
        summary = app.screen.query_one("#judge-summary")
        await until(pilot, lambda: "그런 파일이 없습니다" in str(summary.content))
        assert any(str(n.message) == "채점 실패: 그런 파일이 없습니다: nope.py"
                   for n in app._notifications)
        assert app.is_running


@sync
async def test_a_stress_count_out_of_range_is_refused_with_a_notification(db_path, tmp_path):
    sol = tmp_path / "s.py"
    sol.write_text("print(0)\n", encoding="utf-8")
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await solve_tab_with(pilot, app, str(sol))
        count = app.screen.query_one("#stress-n", Input)
        count.value = "0"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any("1에서 100000 사이" in str(n.message)
                                       for n in app._notifications))
        assert app.screen.query_one("#solve-pane").cancel is None  # nothing started
        count.value = ""
        count.focus()
        await pilot.press(*"9" * 30)
        assert count.value == "9" * 6  # at most six digits typed
        assert app.is_running


def english() -> None:
    """The train tests read English words (the default language is Korean)."""
    Path(os.environ["STUDYLOG_CONFIG"]).write_text('language = "en"\n', encoding="utf-8")


def set_form(app, **values: str) -> None:
    for key, value in values.items():
        app.screen.query_one(f"#f-{key}").value = value


@sync
async def test_one_epoch_run_on_a_tiny_model(db_path):
    english()
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        set_form(app, model="mlp", epochs="1", limit="300", batch_size="64")
        await pilot.press("ctrl+r")
        screen = app.screen
        live = screen.live
        await until(pilot, lambda: not live.running and live.epochs, timeout=120)
        assert len(live.epochs) == 1
        assert "completed" in str(screen.query_one("#train-status").content)
        assert screen.query_one("#plot-loss").painted >= 2  # at the start and after the epoch
        runs = screen.query_one("#runs-table", DataTable)
        await until(pilot, lambda: runs.row_count == 1)
        assert "completed" in [str(c) for c in runs.get_row_at(0)]
        await pilot.press("f2")  # Today lists the day's runs
        today_runs = app.screen.query_one("#day-runs", DataTable)
        await until(pilot, lambda: today_runs.row_count == 1)
        row = [str(c) for c in today_runs.get_row_at(0)]
        assert row[:2] == ["#1", "completed"] and row[2].startswith("0.")
        assert row[3:] == ["mlp", "1"]
    assert rows("SELECT status, model, date FROM runs", db_path) == [("completed", "mlp", TODAY)]


@sync
async def test_cancel_keeps_an_interrupted_run(db_path):
    english()
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        set_form(app, model="cnn", epochs="30", limit="1000", batch_size="64")
        await pilot.press("ctrl+r")
        screen = app.screen
        await until(pilot, lambda: len(screen.live.epochs) >= 1, timeout=120)
        screen.query_one("#f-epochs").focus()  # ctrl+x is an Input's cut: cancel wins
        await pilot.press("ctrl+x")
        await until(pilot, lambda: not screen.live.running, timeout=60)
        assert "interrupted" in str(screen.query_one("#train-status").content)
    (status, done), = rows(
        "SELECT status, (SELECT count(*) FROM run_epochs e WHERE e.run_id = r.id) FROM runs r",
        db_path)
    assert status == "interrupted" and 1 <= done < 30


@sync
async def test_parameter_table_follows_the_freeze(db_path):
    english()
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        set_form(app, model="cnn", freeze="backbone")
        app.screen.query_one("#train-tabs").active = "tab-params"
        table = app.screen.query_one("#params", DataTable)
        await until(pilot, lambda: table.row_count >= 2)
        states = {str(table.get_row_at(i)[0]): str(table.get_row_at(i)[3])
                  for i in range(table.row_count)}
        assert states["fc"] == "trainable"
        assert set(states.values()) == {"frozen", "trainable"}
        set_form(app, freeze="all")
        caption = app.screen.query_one("#params-caption")
        await until(pilot, lambda: "nothing to train" in str(caption.content))


@sync
async def test_lr_preview_without_training(db_path):
    english()
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        screen = app.screen
        set_form(app, scheduler="step", epochs="6", step_size="2", gamma="0.5", lr="0.1")
        await pilot.press("ctrl+l")
        lr_tab = screen.query_one("#lr-tab")
        await until(pilot, lambda: lr_tab.preview_lrs)
        assert lr_tab.preview_lrs == [0.1, 0.1, 0.05, 0.05, 0.025, 0.025]
        assert screen.query_one("#train-tabs").active == "tab-lr"
        assert screen.query_one("#plot-preview").painted >= 1


@sync
async def test_runs_table_selects_runs_for_the_overlay(db_path):
    english()
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        screen = app.screen
        for _ in range(2):
            set_form(app, model="mlp", epochs="2", limit="300")
            await pilot.press("ctrl+r")
            await pilot.pause(0.2)
            await until(pilot, lambda: not screen.live.running and screen.live.epochs,
                        timeout=120)
        screen.query_one("#train-tabs").active = "tab-runs"
        table = screen.query_one("#runs-table", DataTable)
        await until(pilot, lambda: table.row_count == 2)
        table.focus()
        await pilot.press("enter", "down", "enter")
        runs_tab = screen.query_one("#runs-tab")
        await until(pilot, lambda: runs_tab.overlay_ids == [1, 2])
        assert [str(table.get_row_at(i)[0]) for i in range(2)] == ["●", "●"]


@sync
async def test_freeze_all_is_explained_in_a_notification(db_path):
    english()
    app = create_app(db_path, today=TODAY)
    notices: list[str] = []  # every notification, kept (one shown lasts 6 s: too short to poll)
    shown = app.notify
    app.notify = lambda message, **kw: (notices.append(message), shown(message, **kw))[1]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        screen = app.screen
        set_form(app, model="mlp", epochs="1", limit="300", freeze="all")
        await pilot.press("ctrl+r")
        await until(pilot, lambda: "failed" in str(screen.query_one("#train-status").content),
                    timeout=120)
        assert "does not require grad" in str(screen.query_one("#train-status").content)
        assert any("does not require grad" in n for n in notices), notices
        assert not screen.live.running and app.is_running


@sync
async def test_lr_range_test_in_the_lr_tab(db_path):
    english()
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        screen = app.screen
        set_form(app, model="mlp", limit="500")
        await pilot.press("ctrl+l")
        await pilot.pause(0.5)
        screen.query_one("#lr-find").press()
        lr_tab = screen.query_one("#lr-tab")
        await until(pilot, lambda: lr_tab.suggested_lr is not None, timeout=300)
        assert "suggested lr" in str(screen.query_one("#lr-result").content)
        assert screen.query_one("#plot-preview").painted >= 2


@sync
async def test_cli_and_app_use_the_same_words_for_a_run(db_path):
    """Korean (the default): the status and headers of `studylog runs` and the app's table."""
    import subprocess
    import sys

    from studylog.train import runs as service
    from studylog.train.config import TrainConfig

    db = open_db(db_path)
    list(service.train(db, TrainConfig(model="mlp", limit=100, epochs=1, seed=1, device="cpu")))
    db.conn.close()
    cli = subprocess.run([sys.executable, "-m", "studylog", "--db", str(db_path), "runs"],
                         capture_output=True, text=True, encoding="utf-8",
                         cwd=Path(__file__).resolve().parents[2], env=os.environ, timeout=60)
    assert cli.returncode == 0, cli.stderr
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        app.screen.query_one("#train-tabs").active = "tab-runs"
        table = app.screen.query_one("#runs-table", DataTable)
        await until(pilot, lambda: table.row_count == 1)
        cells = [str(c) for c in table.get_row_at(0)]
        headers = [str(c.label) for c in table.columns.values()]
    assert "완료" in cells and "완료" in cli.stdout and "completed" not in cli.stdout
    for word in ("#1", "mlp", "1/1"):
        assert word in cells and word in cli.stdout
    assert all(h in cli.stdout for h in headers if h.strip())
