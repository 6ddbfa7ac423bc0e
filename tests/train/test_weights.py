"""Runs keep their weights: best/last files, resume equal to an uninterrupted run, --classes,
--from (with the classifier re-initialised for another class set), rm, export, focal γ < 1."""

from __future__ import annotations

import csv
import io
import json
import threading
from pathlib import Path

import pytest
import torch

from studylog.store import runs as store
from studylog.train import checkpoint, datasets, engine, losses, runs
from studylog.train.events import EpochEvent, FinishEvent, RunStarted

from .conftest import tiny


def _run(db, cfg, cancel_after: int | None = None):
    cancel = threading.Event()
    events = []
    for event in runs.train(db, cfg, cancel=cancel):
        events.append(event)
        if isinstance(event, EpochEvent) and event.epoch == cancel_after:
            cancel.set()
    return events


def test_best_and_last_weights_are_saved_next_to_the_database(tdb, tmp_path):
    events = _run(tdb, tiny(epochs=3))
    run = runs.get_run(tdb, events[0].run_id)
    assert run is not None and run.weights == str(tmp_path / "runs" / "1")
    best = checkpoint.read(Path(run.weights) / "best.pt")
    last = checkpoint.read(Path(run.weights) / "last.pt")
    accs = [e.val_acc for e in events if isinstance(e, EpochEvent)]
    assert best["epoch"] == accs.index(max(accs)) + 1 and last["epoch"] == 3
    assert {"optimizer", "scheduler", "gen"} <= set(last)
    model = engine.prepare(tiny()).model
    model.load_state_dict(best["model"])  # a usable state_dict


def test_resume_continues_exactly_like_an_uninterrupted_run(tdb):
    whole = [e for e in _run(tdb, tiny(model="cnn", epochs=4, scheduler="step", step_size=1,
                                       gamma=0.5)) if isinstance(e, EpochEvent)]
    part = _run(tdb, tiny(model="cnn", epochs=4, scheduler="step", step_size=1, gamma=0.5),
                cancel_after=2)
    run_id = part[0].run_id
    assert part[-1].status == "interrupted"
    rest = list(runs.resume(tdb, run_id))
    assert isinstance(rest[0], RunStarted) and rest[0].first_epoch == 3
    assert isinstance(rest[-1], FinishEvent) and rest[-1].status == "completed"
    stored = runs.get_run(tdb, run_id)
    assert stored is not None and [e.epoch for e in stored.epochs_list] == [1, 2, 3, 4]
    key = [(e.train_loss, e.val_loss, e.val_acc, e.lr) for e in whole]
    assert [(e.train_loss, e.val_loss, e.val_acc, e.lr) for e in stored.epochs_list] == key


def test_classes_keep_only_those_digits():
    data = datasets.load("mnist5k", digits=[5, 6, 7, 8, 9], limit=300)
    assert data.classes == ["5", "6", "7", "8", "9"]
    assert set(data.train.y.tolist()) == {0, 1, 2, 3, 4} and len(data.train) == 300
    full = datasets.load("mnist5k")
    assert len(datasets.load("mnist5k", digits=[0, 2, 4]).val) == int(
        sum((full.val.y == d).sum() for d in (0, 2, 4)))


def test_from_another_class_set_reinitialises_the_classifier_and_says_so(tdb):
    source = _run(tdb, tiny(classes="0-4"))[0].run_id
    events = _run(tdb, tiny(classes="5-9", from_run=source, freeze="backbone"))
    started = events[0]
    assert isinstance(started, RunStarted)
    assert any("classifier (fc) starts afresh" in n for n in started.notes)
    same = _run(tdb, tiny(classes="0-4", from_run=source))[0]
    assert any("started from run #1's best weights" in n and "afresh" not in n
               for n in same.notes)
    with pytest.raises(Exception, match="mlp을"):
        _run(tdb, tiny(model="cnn", from_run=source))


def test_from_loads_the_backbone_weights(tdb):
    source = _run(tdb, tiny(classes="0-4"))[0].run_id
    best = checkpoint.read(Path(runs.get_run(tdb, source).weights) / "best.pt")["model"]
    cfg = tiny(classes="5-9", from_run=source, freeze="backbone")
    init, _note = runs._from_weights(tdb, cfg)
    prep = engine.prepare(cfg, init=init)
    got = prep.model.state_dict()
    assert torch.equal(got["layer1.1.weight"], best["layer1.1.weight"])
    assert "fc.weight" not in init


def test_rm_deletes_the_run_and_its_files(tdb):
    run_id = _run(tdb, tiny(epochs=1))[0].run_id
    folder = Path(runs.get_run(tdb, run_id).weights)
    assert folder.is_dir()
    runs.delete(tdb, run_id)
    assert runs.get_run(tdb, run_id) is None and not folder.exists()
    assert store.count(tdb) == 0


def test_export_csv_has_one_row_per_epoch(run_cli):
    assert run_cli("train", "--model", "mlp", "--limit", "100", "--epochs", "2", "--seed", "1",
                   "--device", "cpu", "--json").returncode == 0
    r = run_cli("runs", "export", "1", "--csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert r.returncode == 0 and [row["epoch"] for row in rows] == ["1", "2"]
    assert {"train_acc", "val_ce", "val_acc", "lr", "f1_9"} <= set(rows[0])
    shown = json.loads(run_cli("runs", "show", "1", "--json").stdout)
    assert shown["weights"] and {"val_ce", "train_acc", "precision", "recall"} <= set(
        shown["epochs_list"][0])
    removed = run_cli("runs", "rm", "1")
    assert removed.returncode == 0 and removed.stdout.strip() == "run #1 deleted (with its weights)"
    assert run_cli("runs", "show", "1").returncode == 2


@pytest.mark.parametrize("gamma", [0.1, 0.5, 0.9])
def test_focal_below_one_has_finite_gradients_when_p_t_is_one(gamma):
    logits = torch.tensor([[60.0, 0.0, 0.0], [0.0, 2.0, 0.0]], requires_grad=True)
    loss = losses.build("focal", focal_gamma=gamma)(logits, torch.tensor([0, 1]))
    loss.backward()
    assert torch.isfinite(loss) and torch.isfinite(logits.grad).all()


def test_focal_half_with_a_big_lr_trains(tdb):
    events = _run(tdb, tiny(loss="focal", focal_gamma=0.5, lr=0.1, epochs=3))
    assert events[-1].status == "completed", events[-1].message


def test_val_ce_is_plain_cross_entropy_whatever_the_loss(tdb):
    epochs = [e for e in _run(tdb, tiny(loss="f1", epochs=1)) if isinstance(e, EpochEvent)]
    assert epochs[0].val_ce is not None and epochs[0].val_ce > 1.0 > epochs[0].val_loss
    assert 0 <= epochs[0].train_acc <= 1 and len(epochs[0].precision) == 10


def test_idx_reader_matches_torchvision():
    from torchvision.datasets import MNIST

    ours = datasets._load_idx("mnist5k", True)
    theirs = MNIST(str(datasets._root("mnist5k")), train=True, download=False)
    assert torch.equal(ours[0], theirs.data) and torch.equal(ours[1].long(), theirs.targets)


def test_bad_idx_file_is_a_user_error(tmp_path):
    bad = tmp_path / "x-idx3-ubyte"
    bad.write_bytes(b"\0\0\x08\x03" + (5).to_bytes(4, "big") * 3 + b"\0" * 7)
    with pytest.raises(Exception, match="바이트인데 헤더는"):
        datasets.read_idx(bad)


def test_a_cnn_run_on_mnist5k_never_imports_torchvision(tmp_path):
    import subprocess
    import sys

    code = ("import sys\nfrom studylog.train import engine\nfrom studylog.train.config import "
            "TrainConfig\nengine.prepare(TrainConfig(model='cnn', limit=100, device='cpu'))\n"
            "print('torchvision' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                       cwd=Path(__file__).resolve().parents[2])
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "False"
