"""Optimizers (sgd with momentum, adam, adamw) and per-epoch LR schedulers (none, step, cosine,
plateau), built from a TrainConfig."""

from __future__ import annotations

import torch
from torch import nn
from torch.optim import lr_scheduler

from studylog.errors import UserError
from studylog.train.config import DEFAULT_LR, TrainConfig
from studylog.train.lr_preview import PLATEAU_EPS, PLATEAU_THRESHOLD
from studylog.words import say


def build_optimizer(cfg: TrainConfig, model: nn.Module) -> torch.optim.Optimizer:
    """The optimizer over the parameters that require grad."""
    params = [p for p in model.parameters() if p.requires_grad]
    lr = float(cfg.lr if cfg.lr is not None else DEFAULT_LR[cfg.optimizer])
    if cfg.optimizer == "sgd":
        return torch.optim.SGD(params, lr=lr, momentum=cfg.momentum, weight_decay=cfg.weight_decay)
    if cfg.optimizer == "adam":
        return torch.optim.Adam(params, lr=lr, weight_decay=cfg.weight_decay)
    if cfg.optimizer == "adamw":
        return torch.optim.AdamW(params, lr=lr, weight_decay=cfg.weight_decay or 0.01)
    raise UserError(say(f"모르는 optimizer입니다: {cfg.optimizer!r} (sgd, adam, adamw 중 하나를 고르세요)",
                        f"unknown optimizer {cfg.optimizer!r}; choose one of: sgd, adam, adamw"))


def build_scheduler(cfg: TrainConfig, optimizer: torch.optim.Optimizer):
    """The scheduler (stepped once after each epoch), or None for ``none``.

    ``plateau`` watches the validation loss (mode ``min``, factor ``--gamma``, ``--patience``).
    """
    if cfg.scheduler == "none":
        return None
    if cfg.scheduler == "step":
        return lr_scheduler.StepLR(optimizer, step_size=cfg.step_size, gamma=cfg.gamma)
    if cfg.scheduler == "cosine":
        return lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg.t_max_or_epochs)
    if cfg.scheduler == "plateau":
        return lr_scheduler.ReduceLROnPlateau(
            optimizer, mode="min", factor=cfg.gamma, patience=cfg.patience,
            threshold=PLATEAU_THRESHOLD, eps=PLATEAU_EPS,
        )
    raise UserError(say(f"모르는 scheduler입니다: {cfg.scheduler!r} (none, step, cosine, plateau 중 "
                        "하나를 고르세요)",
                        f"unknown scheduler {cfg.scheduler!r}; choose none, step, cosine or plateau"))


def current_lr(optimizer: torch.optim.Optimizer) -> float:
    """The LR of the first parameter group."""
    return float(optimizer.param_groups[0]["lr"])


def step_scheduler(scheduler, optimizer: torch.optim.Optimizer, val_loss: float) -> float:
    """Advance the scheduler after an epoch; return the LR for the next epoch."""
    if scheduler is None:
        return current_lr(optimizer)
    if isinstance(scheduler, lr_scheduler.ReduceLROnPlateau):
        scheduler.step(val_loss)
    else:
        scheduler.step()
    return current_lr(optimizer)
