"""A section's revisions in a modal: the list on the left, the highlighted one's text on the
right; enter restores it (as a new revision), esc closes."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import TextArea

from studylog.journal import words as present
from studylog.journal.day import Revision
from studylog.tui.widgets.footer import StudyFooter
from studylog.tui.widgets.plain import DataTable, Label
from studylog.tui.words import ui
from studylog.words import Lang


class HistoryScreen(ModalScreen[int | None]):
    """Pick a revision to restore; dismisses with its id (or None)."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("enter", "restore", "Restore", priority=True),
    ]

    def __init__(self, title: str, revisions: list[Revision], lang: Lang) -> None:
        super().__init__()
        self.title_text = title
        self.revisions = revisions
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="history-box"):
            yield Label(self.title_text, classes="panel-title")
            with Horizontal():
                yield DataTable(id="history-list", cursor_type="row", zebra_stripes=True)
                yield TextArea("", read_only=True, soft_wrap=True, id="history-preview")
        yield StudyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#history-list", DataTable)
        table.add_columns("#", ui("saved at", self.lang), ui("saved by", self.lang))
        for rev in self.revisions:
            row = present.revision_row(rev, self.lang)
            table.add_row(row[0], row[1][5:16], row[3], key=str(rev.id))
        table.focus()
        self._preview(0)

    @on(DataTable.RowHighlighted, "#history-list")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._preview(event.cursor_row)

    def _preview(self, index: int) -> None:
        text = self.revisions[index].text if 0 <= index < len(self.revisions) else ""
        self.query_one("#history-preview", TextArea).load_text(text)

    def action_restore(self) -> None:
        table = self.query_one("#history-list", DataTable)
        if self.revisions:
            self.dismiss(self.revisions[table.cursor_row].id)

    def action_close(self) -> None:
        self.dismiss(None)
