"""One section of the day: a markdown editor and its rendered preview side by side.

The preview is rendered with Rich's markdown (a few ms) once typing pauses for a second, so
continuous typing never waits for it.
"""

from __future__ import annotations

from typing import Any

from rich.markdown import Markdown
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widgets import TextArea

from studylog.tui.widgets.plain import Static

PREVIEW_DELAY_S = 1.0


class SectionEditor(Horizontal):
    """A markdown ``TextArea`` (highlighted when tree-sitter's markdown is there) and a preview."""

    def __init__(self, section: str, readonly: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.section = section
        self.readonly = readonly
        self._preview_timer: Timer | None = None
        self._preview_stale = True
        # The text the screen has accounted for (loaded, or seen in a handled Changed
        # message); the editor's text differs from it while Changed messages are queued.
        self.handled_text = ""

    def compose(self) -> ComposeResult:
        area = TextArea(id=f"ed-{self.section}", soft_wrap=True, read_only=self.readonly,
                        tab_behavior="indent", show_line_numbers=False, classes="editor")
        if "markdown" in area.available_languages:
            area.language = "markdown"
        yield area
        with VerticalScroll(classes="preview"):
            yield Static("", id=f"pv-{self.section}")

    @property
    def editor(self) -> TextArea:
        """The text area."""
        return self.query_one(TextArea)

    def set_text(self, text: str) -> None:
        """Load text without counting it as an edit to save."""
        area = self.editor
        self.handled_text = text
        if area.text != text:
            with area.prevent(TextArea.Changed):
                area.load_text(text)
            area.move_cursor(area.document.end)
        if self.is_visible_tab():
            self.refresh_preview()
        else:
            self._preview_stale = True  # rendered when its tab is shown

    def is_visible_tab(self) -> bool:
        """Whether this editor's tab is the one shown."""
        pane = self.parent
        return pane is not None and pane.display

    def on_show(self) -> None:
        if self._preview_stale:
            self.refresh_preview()

    @on(TextArea.Changed)
    def _changed(self) -> None:
        if self._preview_timer is None:
            self._preview_timer = self.set_timer(PREVIEW_DELAY_S, self.refresh_preview)
        else:
            self._preview_timer.reset()

    def refresh_preview(self) -> None:
        """Render the editor's text in the preview."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
            self._preview_timer = None
        self._preview_stale = False
        self.query_one(f"#pv-{self.section}", Static).update(
            Markdown(keep_line_breaks(self.editor.text)))


def keep_line_breaks(text: str) -> str:
    """``text`` with each of its line breaks kept by the markdown renderer, as the exported post
    keeps them: two trailing spaces (a hard break) on every line outside code, where markdown
    would otherwise join lines into one paragraph. At the end of a block they are dropped, so
    headings, list items and tables render as before."""
    out: list[str] = []
    fence = ""
    for line in text.split("\n"):
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
            out.append(line)
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            out.append(line)
            continue
        code = line.startswith(("    ", "\t"))
        out.append(line if code or not line.strip() or line.endswith("  ") else line + "  ")
    return "\n".join(out)
