"""One section of the day: a markdown editor and its rendered preview side by side."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Markdown, TextArea


class SectionEditor(Horizontal):
    """A markdown ``TextArea`` (highlighted when tree-sitter's markdown is there) and a preview."""

    def __init__(self, section: str, readonly: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.section = section
        self.readonly = readonly

    def compose(self) -> ComposeResult:
        area = TextArea(id=f"ed-{self.section}", soft_wrap=True, read_only=self.readonly,
                        tab_behavior="indent", show_line_numbers=False, classes="editor")
        if "markdown" in area.available_languages:
            area.language = "markdown"
        yield area
        yield Markdown("", id=f"pv-{self.section}", classes="preview")

    @property
    def editor(self) -> TextArea:
        """The text area."""
        return self.query_one(TextArea)

    def set_text(self, text: str) -> None:
        """Load text without counting it as an edit to save."""
        area = self.editor
        if area.text != text:
            with area.prevent(TextArea.Changed):
                area.load_text(text)
            area.move_cursor(area.document.end)
        self.refresh_preview()

    def refresh_preview(self) -> None:
        """Render the editor's text in the preview."""
        self.query_one(Markdown).update(self.editor.text)
