"""The training loop, UI-free: :func:`prepare` builds everything from a TrainConfig, :func:`train`
runs it and *yields* events; whoever iterates (the CLI, a TUI worker, a test) only renders them.

Events, in order: many :class:`StepEvent` (one per batch) and one :class:`EpochEvent` per epoch,
then exactly one :class:`FinishEvent` whose ``status`` is ``completed``, ``interrupted`` (the
cancel flag was set, or KeyboardInterrupt), ``diverged`` (a loss or a gradient became NaN/inf,
or the loss exploded far above where it started) or ``failed`` (any other error, message kept).
Epochs finished before a stop are kept; a partial epoch is not. The cancel flag (a
``threading.Event``) is checked before every batch. The event classes live in
:mod:`studylog.train.events` (torch-free, so the app can read them too).
"""

from __future__ import annotations

import math
import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from studylog.errors import UserError
from studylog.train import datasets, freeze, losses, metrics, models, optim
from studylog.train.config import TrainConfig
from studylog.train.events import EpochEvent, Event, FinishEvent, StepEvent
from studylog.words import say

#: A step loss above max(EXPLODE × the reference loss, LOSS_FLOOR) is an explosion: the reference
#: is the first epoch's mean training loss (the first step's loss while epoch 1 runs).
EXPLODE = 10.0
LOSS_FLOOR = 10.0

__all__ = ["Event", "EpochEvent", "FinishEvent", "StepEvent", "Prepared", "prepare", "train"]


class _Diverged(Exception):
    """A loss or a gradient became NaN/inf, or the loss exploded."""


@dataclass
class Prepared:
    """Everything a run needs, built and checked; nothing is stored yet."""

    cfg: TrainConfig
    data: datasets.Data
    model: nn.Module
    loss_fn: nn.Module
    optimizer: torch.optim.Optimizer
    scheduler: Any
    device: torch.device
    blocks: list[freeze.BlockCount]
    started: float = field(default_factory=time.perf_counter)
    gen: torch.Generator = field(default_factory=torch.Generator)  # the epochs' shuffles
    start_epoch: int = 0          # epochs already done (resume)
    loss_ref: float | None = None  # the first epoch's train loss, once known (explosion check)

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
        raise UserError(say("--device cuda: 여기에는 쓸 수 있는 CUDA GPU가 없습니다; --device cpu나 auto를 "
                            "쓰세요",
                            "--device cuda: no CUDA GPU is available here; use --device cpu or auto"))
    return torch.device(name)


def prepare(cfg: TrainConfig, *, init: dict[str, torch.Tensor] | None = None,
            init_note: str = "") -> Prepared:
    """Validate ``cfg``, seed, load data, build model/loss/optimizer/scheduler and apply freezing.

    ``init`` is a state_dict to start from (``--from``; keys missing from it, such as a dropped
    classifier, keep their fresh initialisation); ``init_note`` is told to the user.
    Raises UserError for any bad input, including ``--freeze all``
    (see :func:`freeze.check_trainable`).
    A missing seed is drawn at random and kept in the prepared copy (``Prepared.cfg.seed``) so the
    run can be repeated.
    """
    started = time.perf_counter()
    seed = secrets.randbits(31) if cfg.seed is None else cfg.seed
    if cfg.seed is None:
        cfg = replace(cfg, seed=seed)
    device = pick_device(cfg.device)
    data = datasets.load(cfg.dataset, imbalance=cfg.imbalance, limit=cfg.limit,
                         digits=cfg.class_list())
    torch.manual_seed(seed)
    model = models.build(cfg.model, len(data.classes))
    if init is not None:
        model.load_state_dict(init, strict=False)
        if init_note:
            data.notes.append(init_note)
    loss_fn = losses.build(cfg.loss, smoothing=cfg.smoothing, focal_gamma=cfg.focal_gamma)
    freeze.apply(model, cfg.freeze)
    blocks = freeze.table(model)
    freeze.check_trainable(model, loss_fn, data.train.x, data.train.y)
    model.to(device)
    loss_fn.to(device)
    optimizer = optim.build_optimizer(cfg, model)
    scheduler = optim.build_scheduler(cfg, optimizer)
    data.train, data.val = data.train.to(device), data.val.to(device)
    gen = torch.Generator().manual_seed(seed)
    return Prepared(cfg, data, model, loss_fn, optimizer, scheduler, device, blocks, started, gen)


@dataclass
class Validation:
    """One pass over the validation split."""

    loss: float      # the run's own loss
    ce: float        # plain cross-entropy
    scores: metrics.Scores


def evaluate(prep: Prepared, batch_size: int = 256) -> Validation:
    """Validation loss (mean over samples, the run's loss and plain cross-entropy) and scores,
    in eval mode without gradients."""
    model, val = prep.model, prep.data.val
    model.eval()
    total, ce, preds = 0.0, 0.0, []
    with torch.no_grad():
        for i in range(0, len(val), batch_size):
            x, y = val.x[i:i + batch_size], val.y[i:i + batch_size]
            out = model(x)
            total += float(prep.loss_fn(out, y)) * len(y)
            ce += float(F.cross_entropy(out, y, reduction="sum"))
            preds.append(out.argmax(1))
    pred = torch.cat(preds)
    n = max(len(val), 1)
    return Validation(total / n, ce / n, metrics.scores(pred, val.y, len(prep.data.classes)))


def _check(prep: Prepared, value: float, grads_ok: bool, epoch: int, step: int, lr: float) -> None:
    """Raise _Diverged for a non-finite loss or gradient, or an exploding loss."""
    where = f"at epoch {epoch}, step {step} (lr {lr:g}); try a smaller --lr"
    if not math.isfinite(value):
        raise _Diverged(f"the loss became {value} {where}")
    if not grads_ok:
        raise _Diverged(f"a gradient became NaN or infinite {where}")
    if prep.loss_ref is not None and value > max(EXPLODE * prep.loss_ref, LOSS_FLOOR):
        raise _Diverged(f"the loss exploded to {value:.4g} (it started near "
                        f"{prep.loss_ref:.4g}) {where}")


def _grads_finite(params: list[nn.Parameter]) -> bool:
    """Whether every parameter's gradient is finite."""
    grads = [p.grad for p in params if p.grad is not None]
    return not grads or math.isfinite(float(torch.stack(torch._foreach_norm(grads)).sum()))


def train(prep: Prepared, cancel: threading.Event | None = None) -> Iterator[Event]:
    """Run the epochs after ``prep.start_epoch``, yielding events; the last is a FinishEvent."""
    cfg, model, opt = prep.cfg, prep.model, prep.optimizer
    cancel = cancel or threading.Event()
    params = [p for p in model.parameters() if p.requires_grad]
    tail = params[-1]  # the classifier's bias: every logit's gradient flows into it
    train_x, train_y = prep.data.train.x, prep.data.train.y
    n, bs = len(train_y), cfg.batch_size
    steps = math.ceil(n / bs)
    done, first_batch, last = prep.start_epoch, None, None
    samples_seen, train_time = 0, 0.0
    status, message = "completed", f"{cfg.epochs} epoch{'s' if cfg.epochs > 1 else ''}"
    try:
        for epoch in range(prep.start_epoch + 1, cfg.epochs + 1):
            freeze.set_train_mode(model)
            lr = optim.current_lr(opt)
            perm = torch.randperm(n, generator=prep.gen).to(prep.device)
            t0 = time.perf_counter()
            loss_sum, seen = 0.0, 0
            hits: list[torch.Tensor] = []
            for step in range(1, steps + 1):
                if cancel.is_set():
                    raise KeyboardInterrupt
                idx = perm[(step - 1) * bs: step * bs]
                x, y = train_x[idx], train_y[idx]
                opt.zero_grad(set_to_none=True)
                out = model(x)
                loss = prep.loss_fn(out, y)
                loss.backward()
                # One sync for both checks: NaN/inf in the loss or in the gradient reaching the
                # classifier (where a loss goes wrong, e.g. focal with γ < 1) makes the probe NaN.
                probe = loss.detach()
                if tail.grad is not None:
                    probe = tail.grad.sum().mul_(0.0).add_(probe)
                value = probe.item()
                if not math.isfinite(value):  # the loss, else its gradient, is not finite
                    _check(prep, loss.item(), False, epoch, step, lr)
                # every parameter's gradient too, once an epoch (a full pass costs ~10% of a
                # small model's step)
                _check(prep, value, step != steps or _grads_finite(params), epoch, step, lr)
                opt.step()
                hits.append(out.detach().argmax(1) == y)
                if prep.loss_ref is None and epoch == 1 and step == 1:
                    prep.loss_ref = value
                loss_sum += value * len(y)
                seen += len(y)
                if first_batch is None:
                    first_batch = time.perf_counter() - prep.started
                elapsed = time.perf_counter() - t0
                yield StepEvent(epoch, cfg.epochs, step, steps, seen, n, value, lr, elapsed,
                                seen / elapsed if elapsed > 0 else 0.0)
            t_train = time.perf_counter() - t0
            train_loss = loss_sum / max(seen, 1)
            if epoch == 1:
                prep.loss_ref = train_loss
            v = evaluate(prep)
            if not math.isfinite(v.loss):
                raise _Diverged(f"the validation loss became {v.loss} at epoch {epoch}")
            next_lr = optim.step_scheduler(prep.scheduler, opt, v.loss)
            done, last = epoch, v.scores
            samples_seen, train_time = samples_seen + n, train_time + t_train
            yield EpochEvent(
                epoch, cfg.epochs, train_loss, v.loss, v.scores.accuracy, v.scores.macro_f1,
                v.scores.per_class_f1, lr, next_lr, next_lr < lr, time.perf_counter() - t0,
                t_train, n / t_train if t_train > 0 else 0.0, v.ce,
                int(torch.cat(hits).sum()) / max(seen, 1),
                v.scores.precision, v.scores.recall,
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
        last.confusion if last else None, last.per_class_f1 if last else None,
        last.precision if last else None, last.recall if last else None,
    )
