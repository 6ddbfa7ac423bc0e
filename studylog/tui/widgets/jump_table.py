"""A row table that jumps as you type: ``2667`` moves the cursor to problem 2667, ``단지`` to the
first row whose text holds 단지 (the Problems list, where arrowing down a bank of hundreds of
problems was the only way to reach one)."""

from __future__ import annotations

import time
from typing import Any

from textual import events

from studylog.tui.widgets.plain import DataTable

PAUSE_S = 1.0  # keys further apart than this start a new search


class JumpTable(DataTable):
    """A :class:`DataTable` (row cursor) whose typed characters find a row: first a row whose
    first cell starts with what was typed, else the first row holding it anywhere (case
    aside); backspace takes a character back, escape forgets the search."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.typed = ""
        self._last = 0.0

    def _find(self, typed: str) -> int | None:
        needle = typed.casefold()
        rows = [[str(c).casefold() for c in self.get_row_at(i)] for i in range(self.row_count)]
        for i, cells in enumerate(rows):
            if cells and cells[0].startswith(needle):
                return i
        for i, cells in enumerate(rows):
            if any(needle in c for c in cells):
                return i
        return None

    def on_key(self, event: events.Key) -> None:
        """Type to find a row (see the class)."""
        now = time.monotonic()
        if event.key == "escape" and self.typed:
            self.typed = ""
        elif event.key == "backspace" and self.typed and now - self._last <= PAUSE_S:
            self.typed = self.typed[:-1]
        elif event.is_printable and event.character and not event.character.isspace():
            self.typed = (self.typed if now - self._last <= PAUSE_S else "") + event.character
        else:
            return
        event.stop()
        event.prevent_default()
        self._last = now
        row = self._find(self.typed) if self.typed else None
        if row is not None:
            self.move_cursor(row=row)
