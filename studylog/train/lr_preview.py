"""The learning rate of each epoch for a scheduler configuration, without training (torch-free).

These are the update rules of torch's StepLR, CosineAnnealingLR and ReduceLROnPlateau (mode
``min``, relative threshold 1e-4, no cooldown), written out step by step exactly as torch applies
them, so `studylog train lr` answers instantly without importing torch. The tests check that the
sequences equal the ones torch's schedulers produce.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from studylog.errors import UserError
from studylog.train.config import MAX_EPOCHS, SCHEDULERS
from studylog.words import say

PLATEAU_THRESHOLD = 1e-4

PLATEAU_EPS = 1e-8


def example_losses(epochs: int) -> list[float]:
    """A built-in validation-loss curve: falls fast for five epochs, then stalls around 0.6."""
    out = []
    for e in range(epochs):
        if e < 5:
            out.append(round(0.55 + 1.5 * 0.55**e, 4))
        else:
            out.append(round(0.60 + 0.01 * ((e * 7) % 3), 4))
    return out


@dataclass
class Preview:
    """The LR used in each epoch (``lr[0]`` is epoch 1) and, for plateau, the losses it watched."""

    scheduler: str
    lr: list[float]
    losses: list[float] | None = None
    reductions: list[int] | None = None  # epochs after which plateau cut the LR

    def to_dict(self) -> dict:
        """JSON-ready form (``lr``: one value per epoch)."""
        data: dict = {"scheduler": self.scheduler, "lr": self.lr}
        if self.losses is not None:
            data["losses"] = self.losses
            data["reductions_after_epoch"] = self.reductions
        return data


def parse_losses(text: str) -> list[float]:
    """Parse ``"1.2,0.9,0.8"`` (commas or spaces) into floats, with a UserError on junk."""
    parts = [p for p in text.replace(",", " ").split() if p]
    try:
        values = [float(p) for p in parts]
    except ValueError:
        raise UserError(say(f"--losses는 쉼표로 나눈 숫자여야 합니다: {text!r}",
                            f"--losses must be numbers separated by commas, not {text!r}")) from None
    if not values:
        raise UserError(say("--losses가 비어 있습니다", "--losses is empty"))
    if any(not math.isfinite(v) for v in values):
        raise UserError(say("--losses는 유한한 숫자여야 합니다", "--losses must be finite numbers"))
    return values


def lr_schedule(
    scheduler: str,
    lr: float,
    epochs: int,
    *,
    step_size: int = 2,
    gamma: float = 0.1,
    t_max: int | None = None,
    patience: int = 1,
    losses: list[float] | None = None,
) -> Preview:
    """The LR of each of ``epochs`` epochs (the scheduler steps once after every epoch).

    For ``plateau`` the scheduler watches ``losses`` (one validation loss per epoch; the built-in
    :func:`example_losses` when None) and multiplies the LR by ``gamma`` after more than
    ``patience`` epochs without a relative improvement of 1e-4.
    """
    if scheduler not in SCHEDULERS:
        raise UserError(say(f"모르는 scheduler입니다: {scheduler!r} (다음 중 하나를 고르세요: "
                            f"{', '.join(SCHEDULERS)})",
                            f"unknown scheduler {scheduler!r}; choose one of: {', '.join(SCHEDULERS)}"))
    if not lr > 0:
        raise UserError(say(f"--lr는 양수여야 합니다: {lr}", f"--lr must be a positive number, not {lr}"))
    if not 1 <= epochs <= MAX_EPOCHS:  # the same cap as training: a preview is no bigger
        raise UserError(say(f"--epochs는 1에서 {MAX_EPOCHS:,} 사이의 정수여야 합니다: {epochs}",
                            f"--epochs must be an integer from 1 to {MAX_EPOCHS:,}, not {epochs}"))
    if step_size < 1 or not 0 < gamma <= 1 or patience < 0 or (t_max is not None and t_max < 1):
        raise UserError(say("--step-size >= 1, 0 < --gamma <= 1, --patience >= 0, --t-max >= 1이어야 "
                            "합니다",
                            "--step-size >= 1, 0 < --gamma <= 1, --patience >= 0 and --t-max >= 1"))
    lrs = [lr]
    current = lr
    if scheduler == "plateau":
        if losses is None:
            losses = example_losses(epochs)
        if len(losses) < epochs - 1:
            raise UserError(say(
                f"--losses에 값이 {len(losses)}개입니다; 에폭 {epochs}개에는 {epochs - 1}개가 "
                "필요합니다",
                f"--losses gives {len(losses)} values; {epochs} epochs need {epochs - 1}"
            ))
        best, bad, cuts = math.inf, 0, []
        for e in range(1, epochs):
            value = losses[e - 1]
            if value < best * (1 - PLATEAU_THRESHOLD):
                best, bad = value, 0
            else:
                bad += 1
            if bad > patience:
                new = current * gamma
                if current - new > PLATEAU_EPS:
                    current = new
                    cuts.append(e)
                bad = 0
            lrs.append(current)
        return Preview(scheduler, lrs, losses[:epochs], cuts)
    t = t_max or epochs
    for e in range(1, epochs):
        if scheduler == "step":
            if e % step_size == 0:
                current = current * gamma
        elif scheduler == "cosine":
            if (e - 1 - t) % (2 * t) == 0:
                current = current + lr * (1 - math.cos(math.pi / t)) / 2
            else:
                ratio = (1 + math.cos(math.pi * e / t)) / (1 + math.cos(math.pi * (e - 1) / t))
                current = ratio * current
        lrs.append(current)
    return Preview(scheduler, lrs)
