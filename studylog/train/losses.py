"""Loss functions, each an ``nn.Module`` whose ``forward(logits, target)`` returns a scalar.

``backward()`` on that scalar fills the gradients of every parameter that requires grad; that is
all the engine relies on, so a user's own module works the same way (``--loss pkg.mod:MyLoss``).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

from studylog.errors import UserError
from studylog.words import say


class CrossEntropy(nn.Module):
    """Softmax cross-entropy: mean of -log p(target)."""

    def forward(self, logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        """Mean loss over the batch."""
        return F.cross_entropy(logits, target)


class LabelSmoothingCE(nn.Module):
    """Cross-entropy against (1 - s)·one-hot + s/K: discourages over-confident logits."""

    def __init__(self, smoothing: float = 0.1) -> None:
        super().__init__()
        self.smoothing = smoothing

    def forward(self, logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        """Mean loss over the batch (equals torch's ``label_smoothing=s``)."""
        logp = F.log_softmax(logits, dim=1)
        nll = -logp.gather(1, target.unsqueeze(1)).squeeze(1)
        uniform = -logp.mean(dim=1)
        return ((1 - self.smoothing) * nll + self.smoothing * uniform).mean()


class FocalLoss(nn.Module):
    """Focal loss -(1 - p_t)^γ · log p_t (Lin et al. 2017): easy examples weigh less.

    ``1 - p_t`` is computed as ``-expm1(log p_t)`` and kept at least ``eps`` before the power:
    for γ < 1 the derivative γ(1 - p_t)^(γ-1) is infinite at p_t = 1, which turned a confident
    correct prediction into NaN gradients.
    """

    eps = 1e-6

    def __init__(self, gamma: float = 2.0) -> None:
        super().__init__()
        self.gamma = gamma

    def forward(self, logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        """Mean loss over the batch (γ = 0 is cross-entropy)."""
        logp_t = F.log_softmax(logits, dim=1).gather(1, target.unsqueeze(1)).squeeze(1)
        if self.gamma == 0:
            return (-logp_t).mean()
        weight = (-torch.expm1(logp_t)).clamp(min=self.eps) ** self.gamma
        return (-weight * logp_t).mean()


class SoftF1Loss(nn.Module):
    """1 − macro soft-F1: F1 computed from softmax probabilities instead of hard predictions.

    tp, fp and fn per class are sums of probabilities, so the score is differentiable.
    """

    def __init__(self, eps: float = 1e-7) -> None:
        super().__init__()
        self.eps = eps

    def forward(self, logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        """1 − mean over classes of 2tp / (2tp + fp + fn)."""
        probs = F.softmax(logits, dim=1)
        onehot = F.one_hot(target, logits.shape[1]).to(probs.dtype)
        tp = (probs * onehot).sum(0)
        fp = (probs * (1 - onehot)).sum(0)
        fn = ((1 - probs) * onehot).sum(0)
        f1 = 2 * tp / (2 * tp + fp + fn + self.eps)
        return 1 - f1.mean()


def load_user_loss(path: str) -> nn.Module:
    """Import ``pkg.module:Class`` (or ``pkg.module.Class``); instantiate it with no arguments."""
    if ":" in path:
        mod_name, _, attr = path.partition(":")
    else:
        mod_name, _, attr = path.rpartition(".")
    cwd = str(Path.cwd())
    if cwd not in sys.path:
        sys.path.insert(0, cwd)
    try:
        module = importlib.import_module(mod_name)
    except Exception as exc:
        raise UserError(say(f"--loss {path}에 쓸 {mod_name!r}을(를) import할 수 없습니다: {exc}",
                            f"cannot import {mod_name!r} for --loss {path}: {exc}")) from None
    cls = getattr(module, attr, None)
    if cls is None:
        raise UserError(say(f"--loss {path}: 모듈 {mod_name!r}에 {attr!r}이(가) 없습니다",
                            f"--loss {path}: module {mod_name!r} has no {attr!r}"))
    try:
        loss = cls()
    except Exception as exc:
        raise UserError(say(f"--loss {path}: {attr}()가 실패했습니다: {exc}",
                            f"--loss {path}: {attr}() failed: {exc}")) from None
    if not isinstance(loss, nn.Module):
        raise UserError(say(f"--loss {path}: {attr}()는 nn.Module이 아니라 {type(loss).__name__}입니다",
                            f"--loss {path}: {attr}() is a {type(loss).__name__}, not an nn.Module"))
    return loss


def build(name: str, *, smoothing: float = 0.1, focal_gamma: float = 2.0) -> nn.Module:
    """A loss module by name, or a user's own by dotted path."""
    if name == "ce":
        return CrossEntropy()
    if name == "label-smoothing":
        return LabelSmoothingCE(smoothing)
    if name == "focal":
        return FocalLoss(focal_gamma)
    if name == "f1":
        return SoftF1Loss()
    if "." in name or ":" in name:
        return load_user_loss(name)
    raise UserError(say(f"모르는 loss입니다: {name!r} (ce, label-smoothing, focal, f1 중 하나를 고르세요)",
                        f"unknown loss {name!r}; choose one of: ce, label-smoothing, focal, f1"))
