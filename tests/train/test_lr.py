"""The LR preview (torch-free) equals what torch's schedulers do, and the engine uses it."""

from __future__ import annotations

import pytest
import torch
from torch.optim import lr_scheduler

from studylog.errors import UserError
from studylog.train import engine
from studylog.train.lr_preview import example_losses, lr_schedule, parse_losses

from .conftest import tiny


def _torch_lrs(make, epochs: int, losses=None, lr: float = 0.1) -> list[float]:
    opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=lr)
    sched = make(opt)
    out = []
    for e in range(epochs):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        if losses is None:
            sched.step()
        else:
            sched.step(losses[e])
    return out


@pytest.mark.parametrize("step_size, gamma, epochs", [(1, 0.5, 6), (2, 0.1, 7), (3, 0.3, 10)])
def test_step_matches_torch(step_size, gamma, epochs):
    ours = lr_schedule("step", 0.1, epochs, step_size=step_size, gamma=gamma).lr
    theirs = _torch_lrs(lambda o: lr_scheduler.StepLR(o, step_size=step_size, gamma=gamma), epochs)
    assert ours == theirs


@pytest.mark.parametrize("t_max, epochs", [(None, 8), (5, 5), (3, 12), (10, 4)])
def test_cosine_matches_torch(t_max, epochs):
    ours = lr_schedule("cosine", 0.1, epochs, t_max=t_max).lr
    theirs = _torch_lrs(lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=t_max or epochs), epochs)
    assert ours == pytest.approx(theirs, rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("losses, patience", [
    (None, 1), (None, 0), (None, 3),
    ([1.0, 0.9, 0.9, 0.9, 0.95, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8], 2),
    ([1.0, 0.99995, 0.99990, 0.99985, 0.9998, 0.9, 0.9], 1),  # below the 1e-4 relative threshold
])
def test_plateau_matches_torch(losses, patience):
    epochs = 12 if losses is None else len(losses)
    curve = losses or example_losses(epochs)
    preview = lr_schedule("plateau", 0.1, epochs, gamma=0.5, patience=patience, losses=losses)
    theirs = _torch_lrs(
        lambda o: lr_scheduler.ReduceLROnPlateau(o, factor=0.5, patience=patience), epochs, curve
    )
    assert preview.lr == theirs
    assert preview.reductions == [e for e in range(1, epochs) if theirs[e] < theirs[e - 1]]


def test_none_is_constant():
    assert lr_schedule("none", 0.03, 4).lr == [0.03] * 4


def test_engine_uses_the_previewed_schedule():
    events = list(engine.train(engine.prepare(tiny(scheduler="step", step_size=1, gamma=0.5,
                                                   epochs=3, lr=0.04))))
    epochs = [e for e in events if isinstance(e, engine.EpochEvent)]
    assert [e.lr for e in epochs] == lr_schedule("step", 0.04, 3, step_size=1, gamma=0.5).lr
    assert all(e.lr_reduced for e in epochs)


def test_bad_preview_input():
    with pytest.raises(UserError):
        lr_schedule("warmup", 0.1, 5)
    with pytest.raises(UserError):
        lr_schedule("step", -0.1, 5)
    with pytest.raises(UserError):
        parse_losses("1.0, abc")
    with pytest.raises(UserError, match="필요합니다"):
        lr_schedule("plateau", 0.1, 6, losses=[1.0, 0.9])
