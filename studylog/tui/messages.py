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


@dataclass
class ParamsLoaded(Message):
    """Trainable/total parameters per block for the chosen model and freeze."""

    key: str
    rows: list[tuple[str, int, int]]
    trainable: int
    total: int


@dataclass
class TrainEpoch(Message):
    """One epoch of the live run finished (a dict of metrics)."""

    run_id: int | None
    epoch: dict[str, Any]


@dataclass
class TrainStarted(Message):
    """The run is stored as ``run_id`` and training begins."""

    run_id: int
    epochs: int


@dataclass
class TrainStep(Message):
    """Progress inside an epoch."""

    epoch: int
    step: int
    steps: int


@dataclass
class TrainFinished(Message):
    """The live run ended (completed, interrupted, diverged or failed)."""

    run_id: int | None
    status: str
    message: str = ""


@dataclass
class RunsLoaded(Message):
    """The runs table, and the selected runs (each with ``epochs_list``) for the overlay."""

    runs: list[dict[str, Any]]
    selected: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class LrPreview(Message):
    """The learning rate per epoch of a scheduler, without training."""

    label: str
    lrs: list[float]
    reductions: list[int] = field(default_factory=list)
