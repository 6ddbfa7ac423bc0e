"""The app never writes an escape sequence it did not make: text a note, a to-do or a title
carries (ESC, OSC, BEL, backspaces, C1 controls, bidi overrides — typed, pasted or imported) is
stored as written, and dropped where Textual turns a line of the screen into terminal data.

:func:`install` wraps :meth:`textual.strip.Strip.render`, the one place every widget's text
(editors, lists, tables, labels, markdown) becomes bytes for the terminal; the styles' own
escapes are made after it, from the segments' styles, so they are untouched. The characters
dropped are the ones :data:`studylog.terminal.CONTROLS` matches; Rich gives each of them a
width of 0, so the layout does not move.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.strip import Strip

from studylog.terminal import CONTROLS

_MARK = "_studylog_safe"


def install() -> None:
    """Make every strip drop control characters from its text before it is rendered (once)."""
    if getattr(Strip.render, _MARK, False):
        return
    original = Strip.render

    def render(self: Strip, console: Any) -> str:
        if self._render_cache is None:
            segments = self._segments
            if any(CONTROLS.search(text) for text, _style, control in segments if not control):
                self._segments = [
                    Segment(CONTROLS.sub("", text), style, control) if not control else
                    Segment(text, style, control)
                    for text, style, control in segments]
        return original(self, console)

    setattr(render, _MARK, True)
    Strip.render = render  # type: ignore[method-assign]
