"""The transfer lesson, small: a backbone pretrained on digits 0-4 beats a random one when only
the classifier is trained on 5-9 (the README shows the resnet18 numbers)."""

from __future__ import annotations

import pytest

from studylog.train import runs
from studylog.train.events import EpochEvent, RunStarted

from .conftest import tiny


def _best(db, cfg) -> tuple[int, float]:
    events = list(runs.train(db, cfg))
    assert events[-1].status == "completed", events[-1].message
    started = events[0]
    assert isinstance(started, RunStarted)
    return started.run_id, max(e.val_acc for e in events if isinstance(e, EpochEvent))


@pytest.mark.slow
def test_a_pretrained_backbone_beats_a_random_one(tdb):
    common = dict(model="cnn", limit=1500, batch_size=64, optimizer="adam", device="cpu")
    source, pre_acc = _best(tdb, tiny(classes="0-4", epochs=3, seed=1, **common))
    assert pre_acc > 0.9
    fine = dict(classes="5-9", freeze="backbone", epochs=2, seed=2, lr=0.003, **common)
    _id, transferred = _best(tdb, tiny(from_run=source, **fine))
    _id, random = _best(tdb, tiny(**fine))
    assert transferred > random + 0.02, (transferred, random)  # cnn: 0.944 vs 0.912 here
