"""Snapshots of the five screens on a fixed date with fixed data (pytest-textual-snapshot).

Update them with ``pytest tests/tui/test_snapshots.py --snapshot-update`` after a deliberate
change of the layout, and look at the SVGs in ``__snapshots__`` before committing.
"""

from __future__ import annotations

from textual.widgets import DataTable, Markdown

from studylog.tui.app import create_app
from tests.tui.conftest import SIZE, TODAY, until


def rows(app, selector: str) -> int:
    return app.screen.query_one(selector, DataTable).row_count


async def settled(pilot, app) -> None:
    """Wait until the screen's workers are done and every Markdown is mounted (a Markdown
    parses in a thread and mounts its blocks after: a fixed pause was not always enough)."""
    await until(pilot, lambda: not any(w.is_running and not w.group.startswith("_")
                                       for w in app.workers))
    await until(pilot, lambda: all(not m.lock.is_locked and (m.source == "" or m.children)
                                   for m in app.screen.query(Markdown)))


def test_today_screen(db_path, snap_compare):
    app = create_app(db_path, today=TODAY)

    async def ready(pilot):
        await until(pilot, lambda: app.screen._loaded)
        await settled(pilot, app)
        app.screen.query_one("#ed-lecture").cursor_blink = False  # the cursor always drawn
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


def test_journal_screen(db_path, snap_compare):
    app = create_app(db_path, today=TODAY)

    async def ready(pilot):
        await pilot.press("f3")
        await until(pilot, lambda: rows(app, "#journal-list") == 4)
        await until(pilot, lambda: len(app.screen.query_one("#calendar").activity) == 4)
        await settled(pilot, app)  # the day's preview too
        app.screen.query_one("#journal-search").cursor_blink = False  # the cursor always drawn
        await pilot.pause(0.2)

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


def test_problems_screen(db_path, snap_compare):
    app = create_app(db_path, today=TODAY)

    async def ready(pilot):
        await pilot.press("f4")
        await until(pilot, lambda: rows(app, "#bank") >= 1)
        await until(pilot, lambda: app.screen.query_one("#statement").source != "")
        await settled(pilot, app)
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


def test_train_screen(db_path, snap_compare):
    app = create_app(db_path, today=TODAY)

    async def ready(pilot):
        await pilot.press("f5")
        await settled(pilot, app)
        await pilot.pause(0.2)

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


def test_stats_screen(db_path, snap_compare):
    app = create_app(db_path, today=TODAY)

    async def ready(pilot):
        await pilot.press("f6")
        await until(pilot, lambda: rows(app, "#week-table") >= 1)
        await settled(pilot, app)
        await pilot.pause(0.2)

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)
