"""What the training engine reports, as dataclasses (torch-free: the app and the CLI import them
without torch; the app's child process sends them as JSON and :func:`from_json` rebuilds them)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class StepEvent:
    """One optimisation step (batch) finished."""

    epoch: int          # 1-based
    epochs: int
    step: int           # 1-based within the epoch
    steps: int
    samples: int        # samples seen so far in this epoch
    samples_total: int  # samples in one epoch
    loss: float
    lr: float
    seconds: float      # since the epoch started
    samples_per_s: float


@dataclass
class EpochEvent:
    """One epoch finished and validated. ``val_loss`` is the run's own loss; ``val_ce`` plain
    cross-entropy (comparable across losses); per-class lists follow the run's classes."""

    epoch: int
    epochs: int
    train_loss: float
    val_loss: float
    val_acc: float
    val_f1: float
    per_class_f1: list[float]
    lr: float            # the LR used during this epoch
    next_lr: float       # the LR the scheduler set for the next epoch
    lr_reduced: bool     # plateau (or step) lowered the LR after this epoch
    seconds: float       # training + validation time of the epoch
    train_seconds: float
    samples_per_s: float  # training samples per second (training time only)
    val_ce: float | None = None
    train_acc: float | None = None
    precision: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)


@dataclass
class FinishEvent:
    """The run ended; always the last event."""

    status: str          # completed | interrupted | diverged | failed
    message: str
    epochs_done: int
    duration_s: float
    samples_per_s: float | None
    first_batch_s: float | None   # from prepare() to the end of the first batch
    confusion: list[list[int]] | None = None   # of the last finished epoch's validation
    per_class_f1: list[float] | None = None
    precision: list[float] | None = None
    recall: list[float] | None = None


@dataclass
class BlockRow:
    """Trainable and total parameters of one top-level block (torch-free twin of BlockCount)."""

    name: str
    trainable: int
    total: int


@dataclass
class RunStarted:
    """The run is stored (status ``running``) and about to train."""

    run_id: int
    config: dict[str, Any]
    device: str
    blocks: list[BlockRow]
    trainable_params: int
    total_params: int
    n_train: int
    n_val: int
    classes: list[str]
    notes: list[str]
    started_at: float  # time.time() when the row was written
    first_epoch: int = 1  # > 1 when a run is resumed


@dataclass
class ParamsTable:
    """Trainable/total parameters per block of a model with a freeze applied (the app's table)."""

    model: str
    freeze: str
    blocks: list[BlockRow]


@dataclass
class LrFound:
    """The LR range test's curve and its suggestion."""

    lrs: list[float]
    losses: list[float]
    suggested_lr: float | None
    message: str


@dataclass
class ChildError:
    """The child process could not do what it was asked (one line for the user)."""

    message: str


Event = StepEvent | EpochEvent | FinishEvent
ANY_EVENT = (StepEvent, EpochEvent, FinishEvent, RunStarted, ParamsTable, LrFound, ChildError)
_BY_NAME = {cls.__name__: cls for cls in ANY_EVENT}


def to_json(event: Any) -> dict[str, Any]:
    """``{"kind": ClassName, **fields}`` for the child process's stdout."""
    return {"kind": type(event).__name__, **asdict(event)}


def from_json(data: dict[str, Any]) -> Any:
    """Rebuild an event from :func:`to_json` output (None for an unknown kind)."""
    cls = _BY_NAME.get(str(data.get("kind")))
    if cls is None:
        return None
    names = {f.name for f in fields(cls)}
    values = {k: v for k, v in data.items() if k in names}
    if "blocks" in values:
        values["blocks"] = [BlockRow(**b) for b in values["blocks"]]
    return cls(**values)
