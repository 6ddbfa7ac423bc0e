"""The training loop, UI-free: :func:`prepare` builds everything from a TrainConfig, :func:`train`
runs it and *yields* events; whoever iterates (the CLI, a TUI worker, a test) only renders them.

Events, in order: many :class:`StepEvent` (one per batch) and one :class:`EpochEvent` per epoch,
then exactly one :class:`FinishEvent` whose ``status`` is ``completed``, ``interrupted`` (the
cancel flag was set, or KeyboardInterrupt), ``diverged`` (a loss became NaN/inf) or ``failed``
(any other error, message kept). Epochs finished before a stop are kept; a partial epoch is not.
The cancel flag (a ``threading.Event``) is checked before every batch.
"""

from __future__ import annotations

import math
import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import torch
from torch import nn

from studylog.errors import UserError
from studylog.train import datasets, freeze, losses, metrics, models, optim
from studylog.train.config import TrainConfig


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
    """One epoch finished and validated."""

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


Event = StepEvent | EpochEvent | FinishEvent


class _Diverged(Exception):
    """A loss became NaN or infinite."""


@dataclass
class Prepared:
    """Everything a run needs, built and checked; nothing is stored yet."""

    cfg: TrainConfig
    data: datasets.Data
    model: nn.Module
    loss_fn: nn.Module
    optimizer: torch.optim.Optimizer
    scheduler: object
    device: torch.device
    blocks: list[freeze.BlockCount]
    started: float = field(default_factory=time.perf_counter)

    @property
    def trainable_params(self) -> int:
        """Parameters that will learn."""
        return sum(b.trainable for b in self.blocks)

    @property
    def total_params(self) -> int:
        """All parameters of the model."""
        return sum(b.total for b in self.blocks)


def pick_device(name: str) -> torch.device:
    """``auto`` is CUDA when available, else the CPU; ``cuda`` without a GPU is a UserError."""
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name == "cuda" and not torch.cuda.is_available():
        raise UserError("--device cuda: no CUDA GPU is available here; use --device cpu or auto")
    return torch.device(name)


def prepare(cfg: TrainConfig) -> Prepared:
    """Validate ``cfg``, seed, load data, build model/loss/optimizer/scheduler and apply freezing.

    Raises UserError for any bad input, including ``--freeze all``
    (see :func:`freeze.check_trainable`).
    A missing seed is drawn at random and written into ``cfg.seed`` so the run can be repeated.
    """
    started = time.perf_counter()
    cfg.validate()
    if cfg.seed is None:
        cfg.seed = secrets.randbits(31)
    device = pick_device(cfg.device)
    data = datasets.load(cfg.dataset, imbalance=cfg.imbalance, limit=cfg.limit)
    torch.manual_seed(cfg.seed)
    model = models.build(cfg.model, len(data.classes))
    loss_fn = losses.build(cfg.loss, smoothing=cfg.smoothing, focal_gamma=cfg.focal_gamma)
    freeze.apply(model, cfg.freeze)
    blocks = freeze.table(model)
    freeze.check_trainable(model, loss_fn, data.train.x, data.train.y)
    model.to(device)
    loss_fn.to(device)
    optimizer = optim.build_optimizer(cfg, model)
    scheduler = optim.build_scheduler(cfg, optimizer)
    data.train, data.val = data.train.to(device), data.val.to(device)
    return Prepared(cfg, data, model, loss_fn, optimizer, scheduler, device, blocks, started)


def evaluate(prep: Prepared, batch_size: int = 256) -> tuple[float, metrics.Scores]:
    """Validation loss (mean over samples) and scores, in eval mode without gradients."""
    model, val = prep.model, prep.data.val
    model.eval()
    total, preds = 0.0, []
    with torch.no_grad():
        for i in range(0, len(val), batch_size):
            x, y = val.x[i:i + batch_size], val.y[i:i + batch_size]
            out = model(x)
            total += float(prep.loss_fn(out, y)) * len(y)
            preds.append(out.argmax(1))
    pred = torch.cat(preds)
    return total / max(len(val), 1), metrics.scores(pred, val.y, len(prep.data.classes))


def train(prep: Prepared, cancel: threading.Event | None = None) -> Iterator[Event]:
    """Run the epochs, yielding events; the last one is always a FinishEvent."""
    cfg, model, opt = prep.cfg, prep.model, prep.optimizer
    cancel = cancel or threading.Event()
    train_x, train_y = prep.data.train.x, prep.data.train.y
    n, bs = len(train_y), cfg.batch_size
    steps = math.ceil(n / bs)
    gen = torch.Generator().manual_seed(cfg.seed)
    done, first_batch, last_scores = 0, None, None
    samples_seen, train_time = 0, 0.0
    status, message = "completed", f"{cfg.epochs} epoch{'s' if cfg.epochs > 1 else ''}"
    try:
        for epoch in range(1, cfg.epochs + 1):
            freeze.set_train_mode(model)
            lr = optim.current_lr(opt)
            perm = torch.randperm(n, generator=gen).to(prep.device)
            t0 = time.perf_counter()
            loss_sum, seen = 0.0, 0
            for step in range(1, steps + 1):
                if cancel.is_set():
                    raise KeyboardInterrupt
                idx = perm[(step - 1) * bs: step * bs]
                x, y = train_x[idx], train_y[idx]
                opt.zero_grad(set_to_none=True)
                loss = prep.loss_fn(model(x), y)
                loss.backward()
                opt.step()
                value = loss.item()
                if not math.isfinite(value):
                    raise _Diverged(
                        f"the loss became {value} at epoch {epoch}, step {step} "
                        f"(lr {lr:g}); try a smaller --lr"
                    )
                loss_sum += value * len(y)
                seen += len(y)
                if first_batch is None:
                    first_batch = time.perf_counter() - prep.started
                elapsed = time.perf_counter() - t0
                yield StepEvent(epoch, cfg.epochs, step, steps, seen, n, value, lr, elapsed,
                                seen / elapsed if elapsed > 0 else 0.0)
            t_train = time.perf_counter() - t0
            val_loss, sc = evaluate(prep)
            if not math.isfinite(val_loss):
                raise _Diverged(f"the validation loss became {val_loss} at epoch {epoch}")
            next_lr = optim.step_scheduler(prep.scheduler, opt, val_loss)
            done, last_scores = epoch, sc
            samples_seen, train_time = samples_seen + n, train_time + t_train
            yield EpochEvent(
                epoch, cfg.epochs, loss_sum / max(seen, 1), val_loss, sc.accuracy, sc.macro_f1,
                sc.per_class_f1, lr, next_lr, next_lr < lr, time.perf_counter() - t0, t_train,
                n / t_train if t_train > 0 else 0.0,
            )
    except _Diverged as exc:
        status, message = "diverged", str(exc)
    except KeyboardInterrupt:
        status, message = "interrupted", f"stopped during epoch {done + 1}; {done} epoch(s) kept"
    except UserError:
        raise
    except Exception as exc:  # a user's loss raising, CUDA out of memory, ...
        first = str(exc).splitlines()[0] if str(exc) else ""
        status, message = "failed", f"{type(exc).__name__}: {first}"
    yield FinishEvent(
        status, message, done, time.perf_counter() - prep.started,
        samples_seen / train_time if train_time > 0 else None, first_batch,
        last_scores.confusion if last_scores else None,
        last_scores.per_class_f1 if last_scores else None,
    )
