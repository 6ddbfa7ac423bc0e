"""Freezing parameters: none, all, backbone (everything but ``fc``), or until:layerN (the stem and
layer1..layerN). A frozen parameter has ``requires_grad=False``: backward() gives it no gradient
and the optimizer never sees it.

Frozen BatchNorm layers are also kept in eval mode during training (:func:`set_train_mode`):
otherwise their running mean/variance would still drift with every batch even though their
weights are frozen, so the "frozen" block would change what it computes.
"""

from __future__ import annotations

import torch
from torch import nn

from studylog.errors import UserError
from studylog.train.events import BlockRow
from studylog.words import say

GRAD_ERROR = "element 0 of tensors does not require grad and does not have a grad_fn"


BlockCount = BlockRow  # trainable and total parameters of one top-level block


class NothingTrainable(UserError):
    """No parameter requires grad (``--freeze all``); carries the per-block table to show."""

    def __init__(self, message: str, blocks: list[BlockCount]) -> None:
        super().__init__(message)
        self.blocks = blocks


def _blocks(model: nn.Module) -> list[tuple[str, nn.Module]]:
    return [(n, m) for n, m in model.named_children() if any(True for _ in m.parameters())]


def apply(model: nn.Module, spec: str) -> None:
    """Set ``requires_grad`` for ``spec`` (``none``, ``all``, ``backbone``, ``until:layerN``)."""
    names = [n for n, _ in _blocks(model)]
    if spec == "none":
        frozen: set[str] = set()
    elif spec == "all":
        frozen = set(names)
    elif spec == "backbone":
        frozen = {n for n in names if n != "fc"}
    elif spec.startswith("until:layer"):
        n = int(spec.removeprefix("until:layer"))
        if f"layer{n}" not in names:
            raise UserError(say(f"--freeze {spec}: 이 모델에는 layer{n} 블록이 없습니다",
                                f"--freeze {spec}: the model has no block layer{n}"))
        upto = names.index(f"layer{n}")
        frozen = set(names[: upto + 1])
    else:
        raise UserError(say(f"모르는 --freeze입니다: {spec!r} (none, all, backbone, until:layerN 중 하나를 "
                            "고르세요)",
                            f"unknown --freeze {spec!r}; choose none, all, backbone or until:layerN"))
    for name, block in _blocks(model):
        for p in block.parameters():
            p.requires_grad_(name not in frozen)


def table(model: nn.Module) -> list[BlockCount]:
    """Trainable/total parameter counts per top-level block, in model order."""
    rows = []
    for name, block in _blocks(model):
        params = list(block.parameters())
        rows.append(BlockCount(name, sum(p.numel() for p in params if p.requires_grad),
                               sum(p.numel() for p in params)))
    return rows


def set_train_mode(model: nn.Module) -> None:
    """``model.train()``, then put every BatchNorm whose parameters are all frozen back in eval."""
    model.train()
    for module in model.modules():
        if isinstance(module, nn.modules.batchnorm._BatchNorm):
            params = list(module.parameters())
            if params and not any(p.requires_grad for p in params):
                module.eval()


def check_trainable(model: nn.Module, loss_fn: nn.Module, x: torch.Tensor, y: torch.Tensor) -> None:
    """Raise a UserError explaining why training cannot start when no parameter requires grad.

    It really runs one forward and ``loss.backward()`` on a couple of samples and quotes the
    RuntimeError torch raises.
    """
    total = sum(p.numel() for p in model.parameters())
    if any(p.requires_grad for p in model.parameters()):
        return
    quoted = GRAD_ERROR
    try:
        loss_fn(model(x[:2]), y[:2]).backward()
    except RuntimeError as exc:
        quoted = str(exc).splitlines()[0]
    raise NothingTrainable(say(
        f"--freeze all은 requires grad인 파라미터를 하나도 남기지 않습니다 (학습 가능 0 / {total:,}); "
        f'그래서 loss에 grad_fn이 없고 loss.backward()가 RuntimeError를 냅니다: "{quoted}"; '
        "아무것도 배울 수 없습니다: 적어도 분류기(--freeze backbone)나 몇 블록(until:layerN)은 "
        "풀어 두세요",
        f"--freeze all leaves no parameter that requires grad (0 of {total:,} trainable), so the "
        f'loss has no grad_fn and loss.backward() raises RuntimeError: "{quoted}"; nothing could '
        "learn: unfreeze at least the classifier (--freeze backbone) or some blocks (until:layerN)",
    ), table(model))
