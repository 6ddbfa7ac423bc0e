"""Train: placeholder until the judge lands."""

from textual.app import ComposeResult
from textual.widgets import Footer, Label

from studylog.tui.screens.base import StudyScreen


class TrainScreen(StudyScreen):
    def compose(self) -> ComposeResult:
        yield Label("train")
        yield Footer(compact=True)
