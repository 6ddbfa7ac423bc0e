"""A modal showing a day exported as a blog post: the student picks the lines the post keeps
(space), then copies (c) or writes (ctrl+s) what is picked."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import SelectionList

from studylog.tui.widgets.footer import StudyFooter
from studylog.tui.widgets.plain import Label
from studylog.tui.words import ui
from studylog.words import current_lang


class PostLines(SelectionList[int]):
    """The post's lines, each picked (kept) or not; every line starts picked."""

    def __init__(self, text: str, **kwargs) -> None:
        self.lines = text.split("\n")
        super().__init__(*[(Text(line), i, True) for i, line in enumerate(self.lines)], **kwargs)

    def _on_selection_list_selected_changed(self, _message: SelectionList.SelectedChanged) -> None:
        """A line left out is struck through, so the post's shape shows without colours."""
        picked = set(self.selected)
        for i, line in enumerate(self.lines):
            self.replace_option_prompt_at_index(i, Text(line, style="" if i in picked else "strike dim"))

    @property
    def text(self) -> str:
        """The picked lines, in the post's order (the whole post when nothing was left out)."""
        picked = set(self.selected)
        return "\n".join(line for i, line in enumerate(self.lines) if i in picked)


class ExportScreen(ModalScreen[None]):
    """The post, line by line: space leaves a line out (or takes it back); c copies the picked
    lines, ctrl+s writes them to ``<date>-blog.md`` here."""

    AUTO_FOCUS = "#export-text"
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("c", "copy", "Copy"),
        Binding("ctrl+s", "save", "Save file"),
    ]

    def __init__(self, date: str, text: str) -> None:
        super().__init__()
        self.date = date
        self.post = text
        self.lang = current_lang()

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Label(ui("export title", self.lang, date=self.date), classes="panel-title")
            yield PostLines(self.post, id="export-text")
        yield StudyFooter()

    @property
    def text(self) -> str:
        """What the post says now: the picked lines."""
        return self.query_one(PostLines).text

    def action_close(self) -> None:
        self.dismiss(None)

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.text)
        self.notify(ui("copied", self.lang))

    def action_save(self) -> None:
        path = Path.cwd() / f"{self.date}-blog.md"
        try:
            path.write_text(self.text, encoding="utf-8")
        except OSError as exc:
            self.notify(ui("cannot write", self.lang, path=path, why=exc.strerror),
                        severity="error")
            return
        self.notify(ui("saved file", self.lang, path=path))
