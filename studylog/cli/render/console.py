"""The one way the CLI makes a rich Console: its own colours and cursor moves reach the terminal,
the text it carries (titles, notes, a program's output) is cleaned by
:func:`studylog.terminal.clean` first, so no escape sequence from the user's text gets through."""

import sys
from typing import Any


def console(*, stderr: bool = False, width: int | None = None) -> Any:
    """A rich Console on stdout (or stderr), writing under the terminal guard, text cleaned."""
    from rich.console import Console
    from rich.segment import Segment

    from studylog.terminal import clean, raw

    class CleanConsole(Console):
        """A Console whose text segments are cleaned (control segments are rich's own)."""

        def _render_buffer(self, buffer: Any) -> str:
            return super()._render_buffer(
                s if s.control else Segment(clean(s.text), s.style, s.control) for s in buffer)

    stream = raw(sys.stderr if stderr else sys.stdout)
    return CleanConsole(file=stream, highlight=False, width=width)
