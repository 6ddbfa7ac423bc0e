"""Messages that carry worker results back to the event loop (plain dataclasses).

Workers run in threads and call ``post_message`` with one of these; the screen's ``on_<name>``
handler updates the widgets. None of them hold a database connection.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual.message import Message


@dataclass
class DayLoaded(Message):
    """A day's record (``studylog.journal.day.DayRecord``) was read."""

    record: Any


@dataclass
class TodosChanged(Message):
    """A day's to-do list after an add, check, move or delete."""

    date: str
    todos: list[Any]
    focus_id: int | None = None


@dataclass
class SectionSaved(Message):
    """A section's text reached the database."""

    date: str
    section: str
    text: str


@dataclass
class SearchDone(Message):
    """Results of a search-as-you-type query (``SearchHit`` list)."""

    query: str
    hits: list[Any]


@dataclass
class ActivityLoaded(Message):
    """Activity per date (entries written), for the calendar heatmap and the day list."""

    activity: dict[str, int]
    titles: dict[str, str] = field(default_factory=dict)


@dataclass
class StatsLoaded(Message):
    """The journal statistics and the rendered heatmap."""

    stats: Any
    heatmap: str


@dataclass
class BlogExported(Message):
    """A day exported as a blog post, written to ``path``."""

    date: str
    path: str
