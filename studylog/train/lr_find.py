"""The LR range test (Smith 2015, as in fastai's lr_find) on the real model and data.

The learning rate grows exponentially from ``start_lr`` to ``end_lr`` over ``steps`` batches of
ordinary training; the loss is smoothed (exponential moving average, bias-corrected), the first
``skip`` steps are left out (the loss of a fresh model is noise there), and the test stops once
the smoothed loss is four times its best or not finite. The suggestion is the LR a tenth of the
way below the minimum of the smoothed loss (``min_lr / 10``): still on the steep, falling part.
Nothing is stored; the model is thrown away.
"""

from __future__ import annotations

import dataclasses
import math
import threading

import torch

from studylog.errors import UserError
from studylog.train import engine, freeze
from studylog.train.config import TrainConfig
from studylog.train.events import LrFound
from studylog.words import say

STOP_FACTOR = 4.0


def find(cfg: TrainConfig, *, start_lr: float = 1e-5, end_lr: float = 10.0, steps: int = 100,
         skip: int = 10, beta: float = 0.9, cancel: threading.Event | None = None) -> LrFound:
    """Run the range test on ``cfg``'s model, loss, optimizer and data."""
    if not (0 < start_lr < end_lr) or not math.isfinite(end_lr):
        raise UserError(say(f"--start-lr {start_lr:g}는 양수이고 --end-lr {end_lr:g}보다 작아야 합니다",
                            f"--start-lr {start_lr:g} must be positive and below --end-lr {end_lr:g}"))
    if not 20 <= steps <= 10_000:
        raise UserError(say(f"--steps는 20에서 10,000 사이여야 합니다: {steps}",
                            f"--steps must be from 20 to 10,000, not {steps}"))
    cfg = dataclasses.replace(cfg, lr=start_lr)
    prep = engine.prepare(cfg)
    model, opt, loss_fn = prep.model, prep.optimizer, prep.loss_fn
    x_all, y_all = prep.data.train.x, prep.data.train.y
    n, bs = len(y_all), cfg.batch_size
    factor = (end_lr / start_lr) ** (1 / (steps - 1))
    freeze.set_train_mode(model)
    perm = torch.randperm(n, generator=prep.gen)
    lrs: list[float] = []
    losses: list[float] = []
    avg, best = 0.0, math.inf
    message = say(f"{start_lr:g}부터 {end_lr:g}까지 훑음", f"swept {start_lr:g} to {end_lr:g}")
    for i in range(steps):
        if cancel is not None and cancel.is_set():
            message = say("일찍 멈춤", "stopped early")
            break
        lr = start_lr * factor**i
        for group in opt.param_groups:
            group["lr"] = lr
        start = (i * bs) % n
        idx = perm[start:start + bs]
        if start + bs > n:  # wrap around: a fresh shuffle
            perm = torch.randperm(n, generator=prep.gen)
        x, y = x_all[idx.to(prep.device)], y_all[idx.to(prep.device)]
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        value = loss.item()
        if not math.isfinite(value):
            message = say(f"lr {lr:.3g}에서 loss가 {value}이(가) 되어 멈춤",
                          f"the loss became {value} at lr {lr:.3g}; stopped")
            break
        avg = beta * avg + (1 - beta) * value
        smooth = avg / (1 - beta ** (i + 1))
        if i >= skip:
            lrs.append(lr)
            losses.append(smooth)
            best = min(best, smooth)
            if smooth > STOP_FACTOR * best:
                message = say(f"lr {lr:.3g}에서 loss가 폭발해 ({smooth:.3g}) 멈춤",
                              f"the loss exploded at lr {lr:.3g} ({smooth:.3g}); stopped")
                break
    suggested = None
    if len(losses) >= 3:
        at = min(range(len(losses)), key=losses.__getitem__)
        suggested = lrs[at] / 10 if at > 0 else None
        if suggested is None:
            message += say("; loss가 오르기만 했습니다: 더 낮게 시작하세요 (--start-lr)",
                           "; the loss only rose: start lower (--start-lr)")
    else:
        message += say("; 단계가 너무 적어 제안할 수 없습니다",
                       "; too few steps to suggest anything")
    return LrFound(lrs, losses, suggested, message)
