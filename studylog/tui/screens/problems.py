"""Problems: placeholder until the judge lands."""

from textual.app import ComposeResult
from textual.widgets import Footer, Label

from studylog.tui.screens.base import StudyScreen


class ProblemsScreen(StudyScreen):
    def compose(self) -> ComposeResult:
        yield Label("problems")
        yield Footer(compact=True)
