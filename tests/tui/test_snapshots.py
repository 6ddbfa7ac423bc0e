"""Snapshots of the five screens on a fixed date with fixed data (pytest-textual-snapshot).

Update them with ``pytest tests/tui/test_snapshots.py --snapshot-update`` after a deliberate
change of the layout, and look at the SVGs in ``__snapshots__`` before committing.
"""

from __future__ import annotations

from textual.widgets import DataTable

from studylog.tui.app import create_app
from tests.tui.conftest import SIZE, TODAY, until


def rows(app, selector: str) -> int:
    return app.screen.query_one(selector, DataTable).row_count


def test_today_screen(db_path, snap_compare):
    app = create_app(db_path, today=TODAY)

    async def ready(pilot):
        await until(pilot, lambda: app.screen._loaded)
        app.screen.query_one("#ed-lecture").cursor_blink = False  # the cursor always drawn
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


def test_journal_screen(db_path, snap_compare):
    app = create_app(db_path, today=TODAY)

    async def ready(pilot):
        await pilot.press("f3")
        await until(pilot, lambda: rows(app, "#journal-list") == 4)
        await until(pilot, lambda: len(app.screen.query_one("#calendar").activity) == 4)
        await until(pilot, lambda: not any(w.is_running and not w.group.startswith("_")
                                           for w in app.workers))  # the day's preview too
        app.screen.query_one("#journal-search").cursor_blink = False  # the cursor always drawn
        await pilot.pause(0.2)

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


def test_problems_screen(db_path, snap_compare):
    app = create_app(db_path, today=TODAY)

    async def ready(pilot):
        await pilot.press("f4")
        await until(pilot, lambda: rows(app, "#bank") >= 1)
        statement = app.screen.query_one("#statement")
        await until(pilot, lambda: statement.source != "")
        # the statement is parsed in a thread and mounted after: wait for its blocks
        await until(pilot, lambda: len(statement.children) > 0 and not statement.lock.is_locked)
        await until(pilot, lambda: not any(w.is_running and not w.group.startswith("_")
                                           for w in app.workers))
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


def test_train_screen(db_path, snap_compare):
    app = create_app(db_path, today=TODAY)

    async def ready(pilot):
        await pilot.press("f5")
        await until(pilot, lambda: not any(w.is_running and not w.group.startswith("_") for w in app.workers))
        await pilot.pause(0.2)

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


def test_stats_screen(db_path, snap_compare):
    app = create_app(db_path, today=TODAY)

    async def ready(pilot):
        await pilot.press("f6")
        await until(pilot, lambda: rows(app, "#week-table") >= 1)
        await pilot.pause(0.2)

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)
