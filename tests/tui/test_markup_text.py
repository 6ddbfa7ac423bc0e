"""Text that looks like markup is shown as written: a search for ``[/s가7`` crashed the app
(Textual read the caption as markup), and ``[b]`` in a note, a to-do, a title or a file name
would have turned bold. Every screen's labels, tables and notices show such text literally."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Label

from studylog.journal import day as journal_day
from studylog.journal import labels
from studylog.store import open_db
from studylog.tui.app import create_app
from tests.tui.conftest import SIZE, TODAY, press_quit, sync, until

TRAP = "[/s가7 [b]굵게[/b] [red]"


def shown(app) -> str:
    """Every label's and table cell's text on the screen."""
    parts = [str(label.render()) for label in app.screen.query(Label)]
    for table in app.screen.query(DataTable):
        parts += [str(c) for i in range(table.row_count) for c in table.get_row_at(i)]
    return "\n".join(parts)


@sync
async def test_markup_like_text_is_shown_as_written(db_path: Path, tmp_path: Path) -> None:
    db = open_db(db_path)
    journal_day.add_todo(db, TODAY, f"할 일 {TRAP}")
    journal_day.set_section_text(db, "2026-11-24", "retro", f"회고 {TRAP}")
    labels.set_labels(db, TODAY, title=f"제목 {TRAP}")
    db.conn.close()
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.screen._loaded)
        await until(pilot, lambda: f"할 일 {TRAP}" in shown(app) and f"제목 {TRAP}" in shown(app))

        await pilot.press("f3")  # the journal: search for it
        await until(pilot, lambda: app.current_mode == "journal")
        app.screen.query_one("#journal-search").focus()
        await pilot.press(*"[/s가7")
        await until(pilot, lambda: "[/s가7" in str(app.screen.query_one("#journal-caption").render()))
        assert app.is_running
        await until(pilot, lambda: "회고 [/s가7 [b]굵게[/b]" in shown(app))

        await pilot.press("f4")  # a solution file whose name holds brackets
        await until(pilot, lambda: app.current_mode == "problems")
        bank = app.screen.query_one("#bank", DataTable)
        await until(pilot, lambda: bank.row_count > 0)
        app.screen.query_one("#solution-path").value = str(tmp_path / "[b]없는[/x].py")
        await pilot.press("ctrl+r")
        await pilot.pause(0.5)
        assert app.is_running
        app.notify(f"알림 {TRAP}")  # a notice is plain text too
        await pilot.pause(0.3)
        assert app.is_running
        await press_quit(app)
