"""Bookkeeping for debounced autosave (no Textual here, so it is easy to reason about).

Each edit bumps a per-section sequence number; a save carries the number of the text it writes,
and a save older than one already written is dropped, so saves finishing out of order never put
old text back.

Each section also has a *base*: the version and text of the section the editor last agreed with
the database on. A save sends it along, so the journal layer can merge instead of overwrite when
another process saved the section meanwhile (see ``studylog.journal.merge``). After a merged
save the base becomes (:data:`MERGED`, the text sent): the editor does not show the merge yet, so
the next save must merge again rather than replace.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

MERGED = -1  # base version after a merge the editor has not taken in yet


@dataclass
class PendingSave:
    """Text of one section waiting to be written."""

    section: str
    text: str
    seq: int


@dataclass
class Autosaver:
    """Tracks unsaved text per section and the newest save that reached the database."""

    debounce_s: float = 0.3
    max_wait_s: float = 0.6
    lock: threading.Lock = field(default_factory=threading.Lock)
    _dirty: dict[str, PendingSave] = field(default_factory=dict)
    _first_dirty: float | None = None
    _seq: int = 0
    _written: dict[str, int] = field(default_factory=dict)
    _base: dict[str, tuple[int, str, bool]] = field(default_factory=dict)

    def mark(self, section: str, text: str) -> bool:
        """Record an edit; True when unsaved text has waited long enough to save right away."""
        self._seq += 1
        self._dirty[section] = PendingSave(section, text, self._seq)
        now = time.monotonic()
        if self._first_dirty is None:
            self._first_dirty = now
        return now - self._first_dirty >= self.max_wait_s

    def overdue(self) -> bool:
        """Whether unsaved text has waited ``max_wait_s`` since its first keystroke."""
        return (self._first_dirty is not None
                and time.monotonic() - self._first_dirty >= self.max_wait_s)

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

    def base(self, section: str) -> tuple[int, str]:
        """(version, text) to send with the next save of ``section``.

        The version is :data:`MERGED` after a merge the editor has not shown yet, which makes
        the next save merge again.
        """
        version, text, merge_pending = self._base.get(section, (0, "", False))
        return (MERGED if merge_pending else version), text

    def after_save(self, section: str, version: int, sent: str, merged: bool) -> None:
        """Call with ``lock`` held once a save of ``sent`` reached ``version``.

        ``merged``: the stored text is a merge with another process's change, which the editor
        does not show yet.
        """
        self._base[section] = (version, sent, merged)

    def take_loaded(self, section: str, version: int, text: str, editor_text: str) -> bool:
        """A reload read ``text`` at ``version``: True when the editor should show it.

        Only when it is newer than the base (or the merge the base waits for) and the editor
        holds no typing of its own: its text is the base text and nothing is pending. The base
        then moves to the loaded state.
        """
        with self.lock:
            base_version, base_text, merge_pending = self._base.get(section, (0, "", False))
            if section in self._dirty or editor_text != base_text:
                return False
            if version < base_version or (version == base_version and not merge_pending):
                return False
            self._base[section] = (version, text, False)
            return True

    def reset_base(self, section: str, version: int, text: str) -> None:
        """Call with ``lock`` held when the editor is about to show ``text`` at ``version``
        (a restore): unsaved typing of the section is dropped."""
        self._dirty.pop(section, None)
        self._base[section] = (version, text, False)
