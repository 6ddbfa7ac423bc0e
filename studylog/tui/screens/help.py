"""The help screen: every key of the app and of each screen, in the language of the settings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from studylog.tui.words import help_markdown
from studylog.words import current_lang


class HelpScreen(ModalScreen[None]):
    """Lists the keys; esc or F1 closes it."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Markdown(help_markdown(current_lang()))

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
