"""Messages of the day screens (Today and a day opened from the Journal): worker results
carrying the journal's own dataclasses back to the event loop."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # the journal loads in the workers, not at start-up
    from studylog.journal.day import DayRecord, SectionSave, Todo


@dataclass
class DayLoaded(Message):
    """A day's record was read."""

    record: DayRecord


@dataclass
class TodosChanged(Message):
    """A day's to-do list after an add, check, move or delete (``focus_id``: the one to
    highlight)."""

    todos: list[Todo]
    focus_id: int | None = None


@dataclass
class SectionWritten(Message):
    """A save reached the database: what the section holds now."""

    result: SectionSave
