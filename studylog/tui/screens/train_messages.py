"""Messages of the Train screen: each carries the training domain's own dataclasses (events from
the child process, run records from the store), dispatched by the handlers' types."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual.message import Message

from studylog.train.lr_preview import Preview
from studylog.train.runs import RunRecord


@dataclass
class TrainEvent(Message):
    """One event of the live run: a ``studylog.train.events`` dataclass (RunStarted, StepEvent,
    EpochEvent, FinishEvent or ChildError)."""

    event: Any


@dataclass
class ParamsLoaded(Message):
    """The parameter table (``events.ParamsTable``) or why it could not be had (``ChildError``)."""

    result: Any


@dataclass
class RunsLoaded(Message):
    """The stored runs, and the selected ones (with their epochs) for the overlay."""

    runs: list[RunRecord]
    selected: list[RunRecord] = field(default_factory=list)


@dataclass
class LrPreviewed(Message):
    """A scheduler's LR per epoch, without training."""

    label: str
    preview: Preview


@dataclass
class LrFoundMessage(Message):
    """The LR range test's result (``events.LrFound``) or its error (``events.ChildError``)."""

    result: Any
