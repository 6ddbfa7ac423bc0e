"""A run's weights on disk: ``best.pt`` (the model of the best validation accuracy) and
``last.pt`` (model, optimizer, scheduler and shuffle-generator state after the last finished
epoch, what ``runs resume`` needs). Both are plain ``torch.save`` dicts, written atomically."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import torch

from studylog.errors import UserError
from studylog.train.engine import Prepared

BEST, LAST = "best.pt", "last.pt"


def _write(obj: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    torch.save(obj, tmp)
    os.replace(tmp, path)


def save_last(folder: Path, prep: Prepared, epoch: int, best_acc: float) -> None:
    """Everything to continue after ``epoch``."""
    sched = prep.scheduler
    _write({
        "epoch": epoch, "best_acc": best_acc, "loss_ref": prep.loss_ref,
        "model": prep.model.state_dict(), "optimizer": prep.optimizer.state_dict(),
        "scheduler": None if sched is None else sched.state_dict(),
        "gen": prep.gen.get_state(), "classes": prep.data.classes,
    }, folder / LAST)


def save_best(folder: Path, prep: Prepared, epoch: int, val_acc: float) -> None:
    """The model of the best epoch so far."""
    _write({"epoch": epoch, "val_acc": val_acc, "model": prep.model.state_dict(),
            "classes": prep.data.classes, "model_name": prep.cfg.model}, folder / BEST)


def read(path: Path) -> dict[str, Any]:
    """A checkpoint dict (UserError when missing or unreadable)."""
    if not path.is_file():
        raise UserError(f"no saved weights at {path}")
    try:
        data = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # a truncated or foreign file
        raise UserError(f"cannot read {path}: {type(exc).__name__}") from None
    if not isinstance(data, dict) or "model" not in data:
        raise UserError(f"{path} is not a studylog checkpoint")
    return data


def restore(prep: Prepared, state: dict[str, Any]) -> None:
    """Put ``last.pt``'s model, optimizer, scheduler and generator back into ``prep``."""
    prep.model.load_state_dict(state["model"])
    prep.optimizer.load_state_dict(state["optimizer"])
    if prep.scheduler is not None and state.get("scheduler") is not None:
        prep.scheduler.load_state_dict(state["scheduler"])
    prep.gen.set_state(state["gen"])
    prep.start_epoch = int(state["epoch"])
    prep.loss_ref = state.get("loss_ref")


def transfer(state: dict[str, Any], classes: list[str]) -> tuple[dict[str, Any], bool]:
    """``best.pt``'s weights for a run on ``classes``: the classifier ``fc`` is dropped (left
    freshly initialised) when the class set differs. Returns (state_dict, classifier kept)."""
    weights = dict(state["model"])
    if list(state.get("classes") or []) == list(classes):
        return weights, True
    return {k: v for k, v in weights.items() if not k.startswith("fc.")}, False
