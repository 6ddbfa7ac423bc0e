"""A run's weights on disk: ``best.pt`` (the model of the best validation accuracy) and
``last.pt`` (model, optimizer, scheduler and shuffle-generator state after the last finished
epoch, what ``runs resume`` needs). Both are plain ``torch.save`` dicts, written atomically."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import torch

from studylog.errors import UserError
from studylog.faults import disk_full
from studylog.train.engine import Prepared
from studylog.words import say

BEST, LAST = "best.pt", "last.pt"


def _write(obj: dict[str, Any], path: Path) -> None:
    """Save ``obj`` to ``path`` through a temporary file; on failure (a full disk) the partial
    temporary file is removed and an OSError goes up (torch's writer raises RuntimeError: it
    becomes one, ENOSPC when the disk is full)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    full = False
    try:
        # Our own file object, closed by ``with`` whatever torch's writer does: a writer given
        # a path keeps its file open while the exception (and its traceback) lives, and on a
        # full disk the unlinked file's space would not come back for the run's last words.
        with tmp.open("wb") as out:
            try:
                torch.save(obj, out)
            except RuntimeError:  # torch's writer: "iostream error", "unexpected pos"
                full = disk_full(path.parent)  # before the partial file goes and frees its space
                raise
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, RuntimeError):
            code = errno.ENOSPC if full else errno.EIO
            raise OSError(code, os.strerror(code), str(path)) from None
        raise


def remove_partial(folder: Path) -> None:
    """Remove the temporary files a failed save may have left in ``folder``."""
    for tmp in folder.glob("*.tmp"):
        tmp.unlink(missing_ok=True)


def save_last(folder: Path, prep: Prepared, epoch: int, best_acc: float) -> None:
    """Everything to continue after ``epoch``."""
    sched = prep.scheduler
    _write({
        "epoch": epoch, "best_acc": best_acc, "loss_ref": prep.loss_ref,
        "model": prep.model.state_dict(), "optimizer": prep.optimizer.state_dict(),
        "scheduler": None if sched is None else sched.state_dict(),
        "gen": prep.gen.get_state(), "classes": prep.data.classes, "model_name": prep.cfg.model,
    }, folder / LAST)


def save_best(folder: Path, prep: Prepared, epoch: int, val_acc: float) -> None:
    """The model of the best epoch so far."""
    _write({"epoch": epoch, "val_acc": val_acc, "model": prep.model.state_dict(),
            "classes": prep.data.classes, "model_name": prep.cfg.model}, folder / BEST)


def read(path: Path) -> dict[str, Any]:
    """A checkpoint dict (UserError when missing or unreadable)."""
    if not path.is_file():
        raise UserError(say(f"저장된 가중치가 없습니다: {path}", f"no saved weights at {path}"))
    try:
        data = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # a truncated or foreign file
        raise UserError(say(f"읽을 수 없습니다: {path}: {type(exc).__name__}",
                            f"cannot read {path}: {type(exc).__name__}")) from None
    if not isinstance(data, dict) or "model" not in data:
        raise UserError(say(f"{path}는 studylog 체크포인트가 아닙니다",
                            f"{path} is not a studylog checkpoint"))
    return data


#: what ``last.pt`` holds besides the model (``best.pt`` lacks them)
_RESUME_KEYS = ("epoch", "optimizer", "gen")


def check_resumable(prep: Prepared, state: dict[str, Any], path: Path) -> None:
    """UserError unless ``state`` (read from ``path``) is a ``last.pt`` of ``prep``'s model:
    the resume keys present, the model name (when stored) the same, every tensor's name and shape
    those of ``prep.model``."""
    missing = [k for k in _RESUME_KEYS if k not in state]
    if missing:
        best = "val_acc" in state
        kind = "a best.pt (weights only)" if best else "not a last.pt"
        kind_ko = "best.pt(가중치만 있음)입니다" if best else "last.pt가 아닙니다"
        raise UserError(say(f"{path}는 {kind_ko}: {', '.join(missing)}이(가) 없어 이어서 학습할 수 "
                            "없습니다; `studylog train`으로 다시 시작하세요",
                            f"{path} is {kind}: it lacks {', '.join(missing)}, so the run cannot be "
                            "continued from it; start it again with `studylog train`"))
    name = state.get("model_name")
    if name is not None and name != prep.cfg.model:
        raise UserError(say(f"{path}는 {name}의 체크포인트인데, 이 실험은 {prep.cfg.model}을(를) 학습합니다",
                            f"{path} is a checkpoint of a {name}, this run trains a {prep.cfg.model}"))
    theirs = state["model"]
    ours = prep.model.state_dict()
    if not isinstance(theirs, dict):
        raise UserError(say(f"{path}는 studylog 체크포인트가 아닙니다 (모델 가중치 없음)",
                            f"{path} is not a studylog checkpoint (no model weights)"))
    extra = sorted(set(theirs) - set(ours))
    lacking = sorted(set(ours) - set(theirs))
    if extra or lacking:
        raise UserError(say(f"{path}에는 다른 모델의 가중치가 있습니다 ("
                            f"{'모르는 키 ' + extra[0] if extra else lacking[0] + ' 없음'}); "
                            f"이 {prep.cfg.model}의 체크포인트가 아닙니다",
                            f"{path} holds another model's weights ("
                            f"{'unknown ' + extra[0] if extra else 'no ' + lacking[0]}); "
                            f"it is not this {prep.cfg.model}'s checkpoint"))
    for key, tensor in ours.items():
        other = theirs[key]
        if not isinstance(other, torch.Tensor) or tuple(other.shape) != tuple(tensor.shape):
            shape = tuple(other.shape) if isinstance(other, torch.Tensor) else type(other).__name__
            raise UserError(say(f"{path}에는 다른 모델의 가중치가 있습니다 ({key}: {shape}, 이 "
                                f"{prep.cfg.model}은(는) {tuple(tensor.shape)})",
                                f"{path} holds another model's weights ({key}: {shape}, this "
                                f"{prep.cfg.model} has {tuple(tensor.shape)})"))
    try:
        epoch = int(state["epoch"])
    except (TypeError, ValueError):
        raise UserError(say(f"{path}: 에폭이 숫자가 아닙니다",
                            f"{path}: its epoch is not a number")) from None
    if epoch < 0:
        raise UserError(say(f"{path}: 에폭이 음수입니다 ({epoch})",
                            f"{path}: its epoch is negative ({epoch})"))


def restore(prep: Prepared, state: dict[str, Any], path: Path | None = None) -> None:
    """Put ``last.pt``'s model, optimizer, scheduler and generator back into ``prep``, after
    :func:`check_resumable`; a state that still does not fit is one UserError."""
    where = path or Path(LAST)
    check_resumable(prep, state, where)
    try:
        prep.model.load_state_dict(state["model"])
        prep.optimizer.load_state_dict(state["optimizer"])
        if prep.scheduler is not None and state.get("scheduler") is not None:
            prep.scheduler.load_state_dict(state["scheduler"])
        prep.gen.set_state(state["gen"])
    except (RuntimeError, KeyError, ValueError, TypeError, IndexError) as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise UserError(say(f"{where}는 이 실험에 맞지 않습니다: {first}",
                            f"{where} does not fit this run: {first}")) from None
    prep.start_epoch = int(state["epoch"])
    prep.loss_ref = state.get("loss_ref")


def transfer(state: dict[str, Any], classes: list[str]) -> tuple[dict[str, Any], bool]:
    """``best.pt``'s weights for a run on ``classes``: the classifier ``fc`` is dropped (left
    freshly initialised) when the class set differs. Returns (state_dict, classifier kept)."""
    weights = dict(state["model"])
    if list(state.get("classes") or []) == list(classes):
        return weights, True
    return {k: v for k, v in weights.items() if not k.startswith("fc.")}, False
