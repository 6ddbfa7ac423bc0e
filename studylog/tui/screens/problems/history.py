"""The History tab: the user's attempts at a problem; enter opens one (its per-test table and
its first failing test, as stored with it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll

from studylog.judge import Attempt, AttemptRow, FailureReport
from studylog.judge import words as present
from studylog.tui.screens.problems.messages import AttemptLoaded
from studylog.tui.widgets.plain import DataTable, Label, Static
from studylog.tui.words import ui
from studylog.words import current_lang

if TYPE_CHECKING:
    from studylog.tui.app import StudylogApp


def attempt_text(a: Attempt, lang: str) -> str:
    """The heading and the first failure of a stored attempt."""
    if a.failure:
        return FailureReport.from_json(a.failure).text(lang)
    if a.verdict == "AC":
        return ""
    if a.verdict == "CE":
        return present.word("compile error", lang)
    return ui("no failure kept", lang)


class HistoryPane(Vertical):
    """Attempts (newest first) and the one opened."""

    @property
    def studylog(self) -> StudylogApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield DataTable(id="history", cursor_type="row", zebra_stripes=True)
        yield Label(ui("open attempt", current_lang()), id="attempt-title")
        yield DataTable(id="attempt-tests", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="attempt-scroll"):
            yield Static("", id="attempt-detail", markup=False)

    def on_mount(self) -> None:
        self.query_one("#history", DataTable).add_columns(*present.history_headers(current_lang()))
        self.query_one("#attempt-tests", DataTable).add_columns(*present.test_headers(current_lang()))

    def show(self, rows: list[AttemptRow]) -> None:
        """Fill the table with a problem's attempts."""
        table = self.query_one("#history", DataTable)
        table.clear()
        for a in rows:
            table.add_row(*present.history_row(a), key=str(a.id))

    @on(DataTable.RowSelected, "#history")
    def _open(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.load_attempt(int(event.row_key.value))

    @work(thread=True, exclusive=True, group="attempt", exit_on_error=False,
          description="attempt")
    def load_attempt(self, attempt_id: int) -> None:
        """Read one attempt with its tests."""
        from studylog.judge import attempt as load_attempt

        with self.studylog.gate.use() as db:
            attempt = load_attempt(db, attempt_id)
        if attempt is not None:
            self.post_message(AttemptLoaded(attempt))

    def on_attempt_loaded(self, message: AttemptLoaded) -> None:
        a = message.attempt
        words = current_lang()
        self.query_one("#attempt-title", Label).update(
            f"#{a.id} · {a.created.replace('T', ' ')[:19]} · {a.filename} · "
            f"{present.verdict_name(a.verdict)} · {a.passed}/{a.total}")
        table = self.query_one("#attempt-tests", DataTable)
        table.clear()
        for t in a.tests:
            table.add_row(*present.test_row_json(t))
        self.query_one("#attempt-detail", Static).update(attempt_text(a, words))
