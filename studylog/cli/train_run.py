"""`studylog train`: iterate the training service's events and render them in the terminal
(or collect them for --json). Ctrl-C asks the engine to stop; the run is kept as interrupted."""

from __future__ import annotations

import sys
import threading
import time

import sqlite_utils

from studylog.cli import context
from studylog.cli import train_view as view
from studylog.errors import CheckFailed, UserError
from studylog.train.config import TrainConfig


def run_training(db: sqlite_utils.Database, cfg: TrainConfig, *, json_out: bool = False,
                 plot: bool = True) -> None:
    """Train ``cfg``, store the run, print it; raise CheckFailed unless it completed."""
    from studylog.cli.train_cmds import CancelOnSigint
    from studylog.train import runs

    out = view.console()
    err = view.console(stderr=True)
    cancel = threading.Event()
    started = None
    epochs: list = []
    finish = None
    progress = None
    task = None
    with CancelOnSigint(cancel):
        events = runs.train(db, cfg, cancel=cancel)
        try:
            try:
                if not json_out and sys.stderr.isatty():
                    with err.status(f"loading torch, {cfg.dataset} and {cfg.model}..."):
                        first = next(events)
                else:
                    first = next(events)
            except UserError as exc:
                if getattr(exc, "blocks", None) and not json_out:  # --freeze all: show why
                    view.block_table(out, exc.blocks)
                raise
            for event in _chain(first, events):
                kind = type(event).__name__
                if kind == "RunStarted":
                    started = event
                    if not json_out:
                        view.start_panel(out, event)
                        out.print(view.EPOCH_HEADER, style="bold")
                        progress = view.progress_bar(out)
                        progress.start()
                        task = progress.add_task("starting", total=cfg.epochs * event.n_train,
                                                 sps=0.0)
                elif kind == "StepEvent":
                    if progress is not None:
                        done = (event.epoch - 1) * event.samples_total + event.samples
                        progress.update(task, completed=done, sps=event.samples_per_s,
                                        description=f"epoch {event.epoch}/{event.epochs} "
                                                    f"loss {event.loss:.4f}")
                elif kind == "EpochEvent":
                    epochs.append(event)
                    if not json_out:
                        out.print(view.epoch_row(event))
                        if (event.lr_reduced and event.epoch < event.epochs
                                and cfg.scheduler in ("plateau", "step")):
                            why = ("plateau: val loss did not improve for more than "
                                   f"{cfg.patience} epoch(s)" if cfg.scheduler == "plateau"
                                   else f"{cfg.scheduler} schedule")
                            out.print(f"      [yellow]-> {why}; lr {event.lr:g} -> "
                                      f"{event.next_lr:g}[/]")
                elif kind == "FinishEvent":
                    finish = event
        except KeyboardInterrupt:
            events.close()  # the service stores the run as interrupted
        finally:
            if progress is not None:
                progress.stop()
    if started is None:
        raise CheckFailed("interrupted before the run started")
    if finish is None:
        from studylog.store import runs as store

        run = store.get_run(db, started.run_id)
        raise CheckFailed(f"run #{started.run_id} {run['status'] if run else 'interrupted'}: "
                          f"{len(epochs)} epoch(s) kept")
    if json_out:
        _print_json(started, epochs, finish)
    else:
        _print_end(out, started, epochs, finish, plot)
    if finish.status != "completed":
        raise CheckFailed(f"run #{started.run_id} {finish.status}: {finish.message}")


def _chain(first, rest):
    yield first
    yield from rest


def _print_end(out, started, epochs, finish, plot: bool) -> None:
    colors = {"completed": "green", "interrupted": "yellow"}
    out.print(f"[bold {colors.get(finish.status, 'red')}]{finish.status}[/] after "
              f"{finish.duration_s:.1f}s: {finish.message}"
              + (f"; {finish.samples_per_s:.0f} samples/s" if finish.samples_per_s else "")
              + (f"; first batch after {finish.first_batch_s:.2f}s"
                 if finish.first_batch_s else ""))
    if finish.confusion:
        view.confusion_table(out, finish.confusion, started.classes, finish.per_class_f1)
    if plot and epochs:
        out.file.flush()
        view.run_charts(epochs)
    if epochs:
        best = max(epochs, key=lambda e: e.val_acc)
        out.print(f"run #{started.run_id} stored: best val acc {best.val_acc:.2%} (epoch "
                  f"{best.epoch}), macro-F1 {best.val_f1:.4f}; see `studylog runs show "
                  f"{started.run_id}`")


def _print_json(started, epochs, finish) -> None:
    context.print_json({
        "run_id": started.run_id,
        "status": finish.status,
        "message": finish.message,
        "config": started.config,
        "device": started.device,
        "trainable_params": started.trainable_params,
        "total_params": started.total_params,
        "samples_per_s": finish.samples_per_s,
        "first_batch_s": finish.first_batch_s,
        "duration_s": finish.duration_s,
        "epochs": [
            {"epoch": e.epoch, "train_loss": e.train_loss, "val_loss": e.val_loss,
             "val_acc": e.val_acc, "val_f1": e.val_f1, "lr": e.lr, "seconds": e.seconds,
             "samples_per_s": e.samples_per_s, "per_class_f1": e.per_class_f1}
            for e in epochs
        ],
        "confusion": finish.confusion,
        "per_class_f1": finish.per_class_f1,
        "finished_at": time.time(),
    })
