"""Text shown on a terminal never carries escape sequences it did not make.

A note, a to-do or a title may hold ESC, OSC, BEL, backspaces or C1 controls (typed, pasted or
imported): they are stored as written, and :func:`clean` shows them escaped (``\\x1b``) when they
are printed. :func:`guard_streams` puts every line the CLI prints to a terminal through
:func:`clean`; what studylog colours itself (rich tables and progress bars, plotext charts, the
search highlight) goes to :func:`raw` and cleans the text it carries first. The app drops the same
characters (:data:`CONTROLS`) where Textual renders the screen (``studylog.tui.safe_output``).
"""

from __future__ import annotations

import re
import sys
from typing import Any, TextIO

# C0 controls but tab and newline, DEL, C1 controls, and the bidi overrides that reorder text.
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str) -> str:
    """``text`` with every control character (but tab and newline) shown escaped: ``\\x1b[2J``
    prints as those six characters and clears nothing."""
    return CONTROLS.sub(_escape, text)


class GuardedStream:
    """A text stream that cleans what is written to it (see :func:`clean`); the rest is the
    wrapped stream's."""

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner

    @property
    def inner(self) -> TextIO:
        """The wrapped stream (what :func:`raw` returns)."""
        return self._inner

    def write(self, text: str) -> int:
        """Write ``text`` cleaned."""
        self._inner.write(clean(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        """Write each line cleaned."""
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def guard_streams() -> None:
    """Clean everything printed to a terminal on stdout and stderr (files and pipes get the text
    as stored: an export to a file is what the user wrote)."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, GuardedStream):
            try:
                tty = stream.isatty()
            except (AttributeError, ValueError):
                tty = False
            if tty:
                setattr(sys, name, GuardedStream(stream))


def raw(stream: Any) -> Any:
    """The stream under a :class:`GuardedStream` (for output that makes its own escapes and has
    cleaned the text in it), or ``stream`` itself."""
    return stream.inner if isinstance(stream, GuardedStream) else stream
