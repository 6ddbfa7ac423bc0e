"""What every studylog screen shares: header/footer, error notifications, focus on resume."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from studylog.faults import error_line
from studylog.tui.words import ui
from studylog.words import current_lang

if TYPE_CHECKING:
    from studylog.tui.app import StudylogApp


class StudyScreen(Screen):
    """A screen whose workers report errors as notifications instead of ending the app.

    Subclasses set ``MAIN_INPUT`` (a CSS selector) to the widget that gets the focus whenever the
    screen is shown.
    """

    MAIN_INPUT = ""

    @property
    def studylog(self) -> StudylogApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def on_screen_resume(self) -> None:
        self.focus_main()

    def focus_main(self) -> None:
        """Put the focus in the screen's main input."""
        if self.MAIN_INPUT:
            for widget in self.query(self.MAIN_INPUT):
                if widget.focusable:
                    widget.focus()
                    return

    @on(Worker.StateChanged)
    def _report_worker_error(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            what = event.worker.description or event.worker.name
            self.notify(error_line(event.worker.error),
                        title=ui("worker failed", current_lang(), what=what),
                        severity="error", timeout=8)
