"""The run service: prepare a TrainConfig, store the run with the day, record every epoch, its
weights and the final status while passing the engine's events through to whoever renders them.

    from studylog.train import runs
    for event in runs.train(db, cfg, cancel=flag):   # UserError before anything is stored
        ...  # RunStarted, then StepEvent/EpochEvent..., then FinishEvent

Bad input raises UserError from the first ``next()`` and leaves no row behind. Once the run row
exists, it always ends with a status: ``completed``, ``interrupted``, ``diverged`` or ``failed``;
if the caller stops iterating early the run is stored as ``interrupted`` with its finished epochs.
A run whose process died without saying so (kill -9, power cut) is found by :func:`reconcile`
(called by every read here) and becomes ``crashed``. ``runs resume`` continues an interrupted or
crashed run from its ``last.pt``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from collections.abc import Generator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from studylog.config import study_today
from studylog.errors import UserError
from studylog.store import runs as store
from studylog.store.runs import EpochRecord, RunRecord
from studylog.train import process
from studylog.train.config import TrainConfig
from studylog.train.events import BlockRow, EpochEvent, FinishEvent, RunStarted, StepEvent
from studylog.words import say

if TYPE_CHECKING:  # this module stays torch-free until a run actually starts
    from studylog.train import engine

RESUMABLE = ("interrupted", "crashed")
__all__ = ["RunStarted", "train", "resume", "record", "list_runs", "get_run", "delete"]


def reconcile(db: sqlite_utils.Database) -> None:
    """Mark every ``running`` run whose process is gone as ``crashed``."""
    for run_id, pid, started in store.running(db):
        if not process.alive(pid, started):
            store.mark_crashed(db, run_id, "its process ended without a word (killed or "
                                           "crashed); finished epochs kept, see `runs resume`")


def list_runs(db: sqlite_utils.Database, date: str | None = None) -> list[RunRecord]:
    """Stored runs, newest first, with dead ``running`` ones shown as ``crashed``."""
    if date is not None:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            raise UserError(say(f"--date {date!r}는 실제 날짜가 아닙니다 (YYYY-MM-DD)",
                                f"--date {date!r} is not a real date (YYYY-MM-DD)")) from None
    reconcile(db)
    return store.list_runs(db, date=date)


def get_run(db: sqlite_utils.Database, run_id: int) -> RunRecord | None:
    """One stored run with config, summary and epochs (None when there is no such run)."""
    if not 0 < run_id < 2**63:
        return None  # SQLite could not even hold such an id
    reconcile(db)
    return store.get_run(db, run_id)


def need_run(db: sqlite_utils.Database, run_id: int) -> RunRecord:
    """:func:`get_run`, or a UserError naming the missing id."""
    run = get_run(db, run_id)
    if run is None:
        raise UserError(say(f"실험 #{run_id}이(가) 없습니다 (`studylog runs`로 확인하세요)",
                            f"no run #{run_id} (see `studylog runs`)"))
    return run


def weights_dir(db: sqlite_utils.Database, run_id: int) -> Path | None:
    """The folder of a run's saved weights (None when it has none)."""
    return store.weights_dir(db, run_id)


def delete(db: sqlite_utils.Database, run_id: int) -> None:
    """Delete a run, its epochs and its weights (UserError while it is still running)."""
    run = need_run(db, run_id)
    if run.status == "running":
        raise UserError(say(f"실험 #{run_id}은(는) 아직 돌고 있습니다 (pid {run.pid}); 먼저 멈추세요",
                            f"run #{run_id} is still running (pid {run.pid}); stop it first"))
    store.delete_run(db, run_id)


def _summary(prep: engine.Prepared, finish: FinishEvent, first_batch_at: float | None
             ) -> dict[str, Any]:
    return {"confusion": finish.confusion, "per_class_f1": finish.per_class_f1,
            "precision": finish.precision, "recall": finish.recall,
            "classes": prep.data.classes, "notes": prep.data.notes,
            "blocks": [b.__dict__ for b in prep.blocks],
            "n_train": len(prep.data.train), "n_val": len(prep.data.val),
            "first_batch_at": first_batch_at}


def _epoch_record(e: EpochEvent) -> EpochRecord:
    return EpochRecord(e.epoch, e.train_loss, e.val_loss, e.val_acc, e.val_f1, e.lr, e.seconds,
                       e.samples_per_s, e.per_class_f1, e.val_ce, e.train_acc, e.precision,
                       e.recall)


def record(
    db: sqlite_utils.Database, prep: engine.Prepared, *, cancel: threading.Event | None = None,
    date: str | None = None, run_id: int | None = None, best_acc: float = -1.0,
) -> Generator[RunStarted | engine.Event, None, None]:
    """Store ``prep``'s run under ``date`` (default today), or continue run ``run_id``; yield its
    events, recording epochs and weights (``last.pt`` every epoch, ``best.pt`` when the
    validation accuracy improves)."""
    from studylog.train import checkpoint, engine

    cfg = prep.cfg
    pid, started = process.me()
    if run_id is None:
        run_id = store.insert_run(
            db, date=date or study_today(), config=cfg.to_dict(), model=cfg.model,
            dataset=cfg.dataset, device=str(prep.device), trainable_params=prep.trainable_params,
            total_params=prep.total_params, pid=pid, proc_start=started,
        )
    else:
        store.restart_run(db, run_id, pid=pid, proc_start=started, keep_epochs=prep.start_epoch)
    folder = store.weights_dir(db, run_id)
    finished = False
    first_batch_at: float | None = None
    fault: OSError | sqlite3.Error | None = None
    try:
        yield RunStarted(
            run_id, cfg.to_dict(), str(prep.device),
            [BlockRow(b.name, b.trainable, b.total) for b in prep.blocks],
            prep.trainable_params, prep.total_params, len(prep.data.train), len(prep.data.val),
            prep.data.classes, prep.data.notes, time.time(), prep.start_epoch + 1,
        )
        for event in engine.train(prep, cancel):
            if isinstance(event, StepEvent) and first_batch_at is None:
                first_batch_at = time.time()
            elif isinstance(event, EpochEvent):
                # the epoch's row first, then its weights: a kill between the two leaves the
                # row one epoch ahead of last.pt, and a resume (restart_run keeps the epochs up
                # to last.pt's) redoes that epoch; the other order lost the epoch's row
                store.add_epoch(db, run_id, _epoch_record(event))
                if folder is not None:
                    if event.val_acc > best_acc:
                        checkpoint.save_best(folder, prep, event.epoch, event.val_acc)
                    best_acc = max(best_acc, event.val_acc)
                    checkpoint.save_last(folder, prep, event.epoch, best_acc)
            elif isinstance(event, FinishEvent):
                store.finish_run(
                    db, run_id, status=event.status, message=event.message,
                    samples_per_s=event.samples_per_s, first_batch_s=event.first_batch_s,
                    duration_s=event.duration_s, summary=_summary(prep, event, first_batch_at),
                )
                finished = True
            yield event
    except (OSError, sqlite3.Error) as exc:  # a full disk while saving the weights or an epoch
        fault = exc
    finally:
        if not finished:
            _end_unfinished(db, run_id, folder, fault)
    if fault is not None:
        words = _fault_words(fault)
        raise UserError(say(f"실험 #{run_id} 실패: {words}; 끝난 에폭은 남겨 두었습니다",
                            f"run #{run_id} failed: {words}; finished epochs kept")) from None


def _fault_words(exc: OSError | sqlite3.Error) -> str:
    from studylog.faults import error_line, os_error_line

    if isinstance(exc, OSError):
        return os_error_line(exc, say("가중치를 저장할 수 없습니다:", "cannot save the weights to"))
    return error_line(exc)


def _end_unfinished(db: sqlite_utils.Database, run_id: int, folder: Path | None,
                    fault: OSError | sqlite3.Error | None) -> None:
    """Give a run that did not finish its status: ``failed`` with the reason after a fault
    (partial weight files removed), else ``interrupted``. When even that cannot be written (the
    database's disk is full too) the row stays ``running`` and is reconciled as ``crashed``."""
    from studylog.train import checkpoint

    if folder is not None:
        try:
            checkpoint.remove_partial(folder)
        except OSError:
            pass
    try:
        if fault is not None:
            store.finish_run(db, run_id, status="failed", message=_fault_words(fault))
        else:
            store.finish_run(db, run_id, status="interrupted",
                             message="stopped before the end; finished epochs kept")
    except sqlite3.Error:
        if fault is None:
            raise


def _from_weights(db: sqlite_utils.Database, cfg: TrainConfig) -> tuple[dict[str, Any], str]:
    """``--from RUN``: that run's best weights for ``cfg`` and the line that tells the user."""
    from studylog.train import checkpoint, datasets

    source = need_run(db, int(cfg.from_run or 0))
    if source.model != cfg.model:
        raise UserError(say(f"--from {source.id}: 실험 #{source.id}은(는) {source.model}을(를) "
                            f"학습했고, 이 실험은 {cfg.model}입니다; 같은 모델의 실험을 고르세요",
                            f"--from {source.id}: run #{source.id} trained a {source.model}, "
                            f"this run a {cfg.model}; pick a run of the same model"))
    if not source.weights:
        raise UserError(say(f"--from {source.id}: 실험 #{source.id}에는 저장된 가중치가 없습니다",
                            f"--from {source.id}: run #{source.id} kept no weights"))
    state = checkpoint.read(Path(source.weights) / checkpoint.BEST)
    digits = cfg.class_list()
    names = datasets.CLASSES[cfg.dataset]
    classes = names if digits is None else [names[d] for d in digits]
    weights, kept = checkpoint.transfer(state, classes)
    theirs = source.option("classes") or "0-9"
    ours = cfg.classes or "0-9"
    if kept:
        note = (f"--from {source.id}: started from run #{source.id}'s best weights "
                f"(epoch {state.get('epoch')}, val acc {float(state.get('val_acc', 0)):.2%})")
    else:
        note = (f"--from {source.id}: started from run #{source.id}'s best weights; it learned "
                f"classes {theirs}, this run has {ours}, so the classifier (fc) starts afresh")
    return weights, note


def train(
    db: sqlite_utils.Database, cfg: TrainConfig, *, cancel: threading.Event | None = None,
    date: str | None = None,
) -> Generator[RunStarted | engine.Event, None, None]:
    """:func:`engine.prepare` then :func:`record`: the whole run as one stream of events."""
    from studylog.train import engine

    init, note = _from_weights(db, cfg) if cfg.from_run is not None else (None, "")
    prep = engine.prepare(cfg, init=init, init_note=note)
    yield from record(db, prep, cancel=cancel, date=date)


def resume(
    db: sqlite_utils.Database, run_id: int, *, cancel: threading.Event | None = None,
) -> Generator[RunStarted | engine.Event, None, None]:
    """Continue an interrupted or crashed run to its planned epochs from its ``last.pt``: the
    same config, schedule state, shuffle generator and epoch numbering."""
    from studylog.train import checkpoint, engine

    run = need_run(db, run_id)
    if run.status not in RESUMABLE:
        raise UserError(say(f"실험 #{run_id}은(는) {run.status} 상태입니다; interrupted나 crashed인 "
                            "실험만 이어서 할 수 있습니다",
                            f"run #{run_id} is {run.status}; only an interrupted or crashed run "
                            "can be resumed"))
    last = Path(run.weights) / checkpoint.LAST if run.weights else None
    if last is None or not last.is_file():
        if not run.epochs_done:
            raise UserError(say(f"실험 #{run_id}은(는) 끝낸 에폭이 없어 이어서 할 것이 없습니다; "
                                "`studylog train`으로 다시 시작하세요",
                                f"run #{run_id} finished no epoch, so there is nothing to resume; "
                                "start it again with `studylog train`"))
        where = f" ({last})" if last is not None else ""
        raise UserError(say(f"실험 #{run_id}에는 에폭 {run.epochs_done}개가 저장되어 있지만 "
                            f"last.pt{where}가 없어 이어서 할 가중치가 없습니다; "
                            "`studylog train`으로 다시 시작하세요",
                            f"run #{run_id} has {run.epochs_done} epoch"
                            f"{'s' if run.epochs_done != 1 else ''} stored but its last.pt{where} "
                            "is missing, so there are no weights to continue from; start it again "
                            "with `studylog train`"))
    state = checkpoint.read(last)
    cfg = TrainConfig.from_dict(run.config | {"from_run": None})  # the weights come from last.pt
    prep = engine.prepare(cfg)
    checkpoint.restore(prep, state, last)
    if prep.start_epoch >= cfg.epochs:
        raise UserError(say(f"실험 #{run_id}은(는) 이미 에폭 {cfg.epochs}개를 모두 마쳤습니다",
                            f"run #{run_id} already has all {cfg.epochs} epochs"))
    yield from record(db, prep, cancel=cancel, run_id=run_id,
                      best_acc=float(state.get("best_acc", -1.0)))


def config_diff(runs: list[RunRecord]) -> list[tuple[str, list[Any]]]:
    """The config keys whose values differ between ``runs``."""
    keys: list[str] = []
    for run in runs:
        keys += [k for k in run.config if k not in keys]
    out = []
    for key in keys:
        values = [run.config.get(key) for run in runs]
        if any(v != values[0] for v in values[1:]):
            out.append((key, values))
    return out



CSV_FIELDS = ("epoch", "train_loss", "train_acc", "val_loss", "val_ce", "val_acc", "val_f1", "lr",
              "seconds", "samples_per_s")


def epochs_csv(run: RunRecord) -> str:
    """The run's epochs as CSV text (a header line, one row per epoch)."""
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    classes = run.summary.get("classes") or []
    writer.writerow([*CSV_FIELDS, *(f"f1_{c}" for c in classes)])
    for e in run.epochs_list:
        row = e.to_dict()
        writer.writerow([*("" if row[k] is None else row[k] for k in CSV_FIELDS),
                         *e.per_class_f1[:len(classes)]])
    return buf.getvalue()
