"""A modal showing a day exported as a blog post, with copy and save keys."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from studylog.tui.widgets.footer import StudyFooter


class ExportScreen(ModalScreen[None]):
    """The post text (selectable); c copies it, ctrl+s writes ``<date>-blog.md`` here."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("c", "copy", "Copy"),
        Binding("ctrl+s", "save", "Save file"),
    ]

    def __init__(self, date: str, text: str) -> None:
        super().__init__()
        self.date = date
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Label(f"블로그 글 · blog post — {self.date}", classes="panel-title")
            yield TextArea(self.text, read_only=True, soft_wrap=True, id="export-text")
        yield StudyFooter()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.text)
        self.notify("copied to the clipboard")

    def action_save(self) -> None:
        path = Path.cwd() / f"{self.date}-blog.md"
        try:
            path.write_text(self.text, encoding="utf-8")
        except OSError as exc:
            self.notify(f"cannot write {path}: {exc.strerror}", severity="error")
            return
        self.notify(f"saved {path}")
