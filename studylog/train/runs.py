"""The run service: prepare a TrainConfig, store the run with the day, record every epoch and the
final status while passing the engine's events through to whoever renders them.

    from studylog.train import runs
    for event in runs.train(db, cfg, cancel=flag):   # UserError before anything is stored
        ...  # RunStarted, then StepEvent/EpochEvent..., then FinishEvent

Bad input raises UserError from the first ``next()`` and leaves no row behind. Once the run row
exists, it always ends with a status: ``completed``, ``interrupted``, ``diverged`` or ``failed``;
if the caller stops iterating early the run is stored as ``interrupted`` with its finished epochs.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlite_utils

from studylog.config import study_today
from studylog.store import runs as store
from studylog.train.config import TrainConfig

if TYPE_CHECKING:  # this module stays torch-free until a run actually starts
    from studylog.train import engine
    from studylog.train.freeze import BlockCount


@dataclass
class RunStarted:
    """The run is stored (status ``running``) and about to train."""

    run_id: int
    config: dict
    device: str
    blocks: list[BlockCount]
    trainable_params: int
    total_params: int
    n_train: int
    n_val: int
    classes: list[str]
    notes: list[str]
    started_at: float  # time.time() when the row was written


def record(
    db: sqlite_utils.Database, prep: engine.Prepared, *, cancel: threading.Event | None = None,
    date: str | None = None,
) -> Iterator[RunStarted | engine.Event]:
    """Store ``prep``'s run under ``date`` (default today); yield its events, recording them."""
    from studylog.train import engine

    cfg = prep.cfg
    date = date or study_today()
    run_id = store.insert_run(
        db, date=date, config=cfg.to_dict(), model=cfg.model, dataset=cfg.dataset,
        device=str(prep.device), trainable_params=prep.trainable_params,
        total_params=prep.total_params,
    )
    finished = False
    first_batch_at: float | None = None
    try:
        yield RunStarted(
            run_id, cfg.to_dict(), str(prep.device), prep.blocks, prep.trainable_params,
            prep.total_params, len(prep.data.train), len(prep.data.val), prep.data.classes,
            prep.data.notes, time.time(),
        )
        for event in engine.train(prep, cancel):
            if isinstance(event, engine.StepEvent) and first_batch_at is None:
                first_batch_at = time.time()
            elif isinstance(event, engine.EpochEvent):
                store.add_epoch(db, run_id, {
                    "epoch": event.epoch, "train_loss": event.train_loss,
                    "val_loss": event.val_loss, "val_acc": event.val_acc, "val_f1": event.val_f1,
                    "lr": event.lr, "seconds": event.seconds, "samples_per_s": event.samples_per_s,
                    "per_class_f1": event.per_class_f1,
                })
            elif isinstance(event, engine.FinishEvent):
                store.finish_run(
                    db, run_id, status=event.status, message=event.message,
                    samples_per_s=event.samples_per_s, first_batch_s=event.first_batch_s,
                    duration_s=event.duration_s,
                    summary={"confusion": event.confusion, "per_class_f1": event.per_class_f1,
                             "classes": prep.data.classes, "notes": prep.data.notes,
                             "blocks": [b.__dict__ for b in prep.blocks],
                             "n_train": len(prep.data.train), "n_val": len(prep.data.val),
                             "first_batch_at": first_batch_at},
                )
                finished = True
            yield event
    finally:
        if not finished:
            store.finish_run(db, run_id, status="interrupted",
                             message="stopped before the end; finished epochs kept")


def train(
    db: sqlite_utils.Database, cfg: TrainConfig, *, cancel: threading.Event | None = None,
    date: str | None = None,
) -> Iterator[RunStarted | engine.Event]:
    """:func:`engine.prepare` then :func:`record`: the whole run as one stream of events."""
    from studylog.train import engine

    prep = engine.prepare(cfg)
    yield from record(db, prep, cancel=cancel, date=date)


def list_runs(db: sqlite_utils.Database, date: str | None = None) -> list[dict]:
    """Stored runs, newest first (see :func:`studylog.store.runs.list_runs`)."""
    return store.list_runs(db, date=date)


def get_run(db: sqlite_utils.Database, run_id: int) -> dict | None:
    """One stored run with config, summary and epochs."""
    return store.get_run(db, run_id)


def config_diff(runs: list[dict]) -> list[tuple[str, list]]:
    """The config keys whose values differ between ``runs`` (each from :func:`get_run`)."""
    keys: list[str] = []
    for run in runs:
        keys += [k for k in run["config"] if k not in keys]
    out = []
    for key in keys:
        values = [run["config"].get(key) for run in runs]
        if any(v != values[0] for v in values[1:]):
            out.append((key, values))
    return out
