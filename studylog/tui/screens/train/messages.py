"""Messages of the Train screen: each carries the training domain's own dataclasses (events from
the child process, run records from the store), dispatched by the handlers' types."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

from studylog.train.events import (
    ChildError,
    EpochEvent,
    FinishEvent,
    LrFound,
    ParamsTable,
    RunStarted,
    StepEvent,
)
from studylog.train.lr_preview import Preview
from studylog.train.runs import RunRecord


@dataclass
class TrainEvent(Message):
    """One event of the live run (from the child process), or why the run failed."""

    event: RunStarted | StepEvent | EpochEvent | FinishEvent | ChildError


@dataclass
class ParamsLoaded(Message):
    """The parameter table, or why it could not be had."""

    result: ParamsTable | ChildError


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
    """The LR range test's result, or its error."""

    result: LrFound | ChildError
