"""Bookkeeping for debounced autosave (no Textual here, so it is easy to reason about).

Each edit bumps a per-section sequence number; a save carries the number of the text it writes,
and a save older than one already written is dropped, so saves finishing out of order never put
old text back.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field


@dataclass
class PendingSave:
    """Text of one section waiting to be written."""

    section: str
    text: str
    seq: int


@dataclass
class Autosaver:
    """Tracks unsaved text per section and the newest save that reached the database."""

    debounce_s: float = 0.5
    max_wait_s: float = 0.8
    lock: threading.Lock = field(default_factory=threading.Lock)
    _dirty: dict[str, PendingSave] = field(default_factory=dict)
    _first_dirty: float | None = None
    _seq: int = 0
    _written: dict[str, int] = field(default_factory=dict)

    def mark(self, section: str, text: str) -> bool:
        """Record an edit; True when unsaved text has waited long enough to save right away."""
        self._seq += 1
        self._dirty[section] = PendingSave(section, text, self._seq)
        now = time.monotonic()
        if self._first_dirty is None:
            self._first_dirty = now
        return now - self._first_dirty >= self.max_wait_s

    def is_dirty(self, section: str) -> bool:
        """Whether ``section`` has text not yet handed to a save."""
        return section in self._dirty

    def take(self) -> list[PendingSave]:
        """Hand over every pending save (the caller writes them)."""
        pending = list(self._dirty.values())
        self._dirty.clear()
        self._first_dirty = None
        return pending

    def should_write(self, save: PendingSave) -> bool:
        """Call with ``lock`` held: False when a newer text of the section is already written."""
        return save.seq > self._written.get(save.section, 0)

    def written(self, save: PendingSave) -> None:
        """Call with ``lock`` held after ``save`` reached the database."""
        self._written[save.section] = save.seq
