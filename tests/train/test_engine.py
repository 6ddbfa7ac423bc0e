"""The engine and the run service: events, seeds, cancel, divergence, what is stored."""

from __future__ import annotations

import textwrap
import threading

import pytest

from studylog.errors import UserError
from studylog.store import day_summary
from studylog.store import runs as store
from studylog.train import datasets, engine, runs

from .conftest import tiny


def _epochs(events):
    return [e for e in events if isinstance(e, engine.EpochEvent)]


def test_events_in_order_and_one_finish():
    events = list(engine.train(engine.prepare(tiny())))
    kinds = [type(e).__name__ for e in events]
    steps = 200 // 32 + 1
    assert kinds == (["StepEvent"] * steps + ["EpochEvent"]) * 2 + ["FinishEvent"]
    finish = events[-1]
    assert finish.status == "completed" and finish.epochs_done == 2
    assert finish.first_batch_s > 0 and finish.samples_per_s > 0
    assert sum(map(sum, finish.confusion)) == 50  # --limit 200 -> 50 validation digits
    step = events[0]
    got = (step.epoch, step.step, step.steps, step.samples, step.samples_total)
    assert got == (1, 1, steps, 32, 200)


def test_same_seed_repeats_exactly_on_cpu():
    a = _epochs(engine.train(engine.prepare(tiny(model="cnn", seed=11))))
    b = _epochs(engine.train(engine.prepare(tiny(model="cnn", seed=11))))
    c = _epochs(engine.train(engine.prepare(tiny(model="cnn", seed=12))))
    key = [(e.train_loss, e.val_loss, e.val_acc, e.val_f1, e.per_class_f1) for e in a]
    assert key == [(e.train_loss, e.val_loss, e.val_acc, e.val_f1, e.per_class_f1) for e in b]
    assert key != [(e.train_loss, e.val_loss, e.val_acc, e.val_f1, e.per_class_f1) for e in c]


def test_cancel_keeps_an_interrupted_run_with_its_epochs(tdb):
    cancel = threading.Event()
    seen = []
    for event in runs.train(tdb, tiny(epochs=10), cancel=cancel, date="2026-11-02"):
        seen.append(event)
        if isinstance(event, engine.EpochEvent) and event.epoch == 2:
            cancel.set()  # like Ctrl-C or the TUI's stop button
    finish = seen[-1]
    assert isinstance(seen[0], runs.RunStarted)
    assert finish.status == "interrupted" and finish.epochs_done == 2
    run = store.get_run(tdb, seen[0].run_id)
    assert run.status == "interrupted" and run.date == "2026-11-02"
    assert [e.epoch for e in run.epochs_list] == [1, 2]
    assert run.summary["confusion"] is not None


def test_a_caller_that_stops_iterating_leaves_an_interrupted_run(tdb):
    gen = runs.train(tdb, tiny(epochs=5))
    run_id = None
    for event in gen:
        if isinstance(event, runs.RunStarted):
            run_id = event.run_id
        if isinstance(event, engine.EpochEvent):
            break
    gen.close()
    run = store.get_run(tdb, run_id)
    assert run.status == "interrupted" and run.epochs_done == 1


def test_nan_stops_the_run_as_diverged(tdb, tmp_path, monkeypatch):
    (tmp_path / "nan_loss.py").write_text(textwrap.dedent("""
        import torch.nn.functional as F
        from torch import nn

        class NanLater(nn.Module):
            calls = 0
            def forward(self, logits, target):
                NanLater.calls += 1
                loss = F.cross_entropy(logits, target)
                return loss * float("nan") if NanLater.calls > 9 else loss
    """), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    events = list(runs.train(tdb, tiny(loss="nan_loss:NanLater", epochs=4)))
    finish = events[-1]
    assert finish.status == "diverged" and "nan" in finish.message
    assert finish.epochs_done == 1  # 7 steps + validation in epoch 1, NaN in epoch 2
    run = store.list_runs(tdb)[0]
    assert run.status == "diverged" and run.epochs_done == 1


def test_a_huge_learning_rate_diverges():
    events = list(engine.train(engine.prepare(tiny(lr=20.0))))
    assert events[-1].status == "diverged"


def test_bad_input_stores_nothing(tdb):
    # a bad option fails as the config is made (it is checked once), the rest when it runs
    for kw in ({"model": "vgg"}, {"loss": "hinge"}, {"freeze": "all"}, {"lr": -1.0},
               {"scheduler": "warm"}, {"freeze": "until:layer9"}, {"device": "cuda"}):
        with pytest.raises(UserError):
            list(runs.train(tdb, tiny(**kw)))
    assert store.count(tdb) == 0


def test_imbalance_cuts_a_long_tail_and_says_so():
    data = datasets.load("mnist5k", imbalance=10)
    counts = data.class_counts("train")
    assert counts[0] == 400 and counts[9] == 40
    assert counts == sorted(counts, reverse=True)
    assert "cut" in data.notes[0] and "9 40/400" in data.notes[0]
    assert data.class_counts("val")[9] == 10


def test_summary_for_date(tdb):
    list(runs.train(tdb, tiny(), date="2026-11-03"))
    list(runs.train(tdb, tiny(lr=20.0, loss="focal"), date="2026-11-03"))
    list(runs.train(tdb, tiny(), date="2026-11-04"))
    day = day_summary.runs_on_day(tdb, "2026-11-03")
    assert [r.status for r in day] == ["completed", "diverged"]
    assert day[1].loss == "focal" and day[0].epochs_done == 2
    assert day[0].final_val_acc is not None and day[0].best_val_acc is not None
    assert 0 < day[0].final_val_acc <= day[0].best_val_acc <= 1


def test_a_config_is_checked_once_and_frozen():
    import dataclasses

    from studylog.train.config import TrainConfig

    cfg = TrainConfig(optimizer="adam", classes="4,3,2,1,0")
    assert cfg.lr == 1e-3 and cfg.classes == "0-4"  # filled and spelled when made
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.lr = 0.5  # type: ignore[misc]
    with pytest.raises(UserError):
        dataclasses.replace(cfg, epochs=0)  # a changed copy is checked like a new one
