"""Training (and the parameter table) in a child process, so torch never enters the app.

The app runs ``python -m studylog.tui.train_process JSON`` from a worker thread and reads one
JSON object per line from its stdout:

    {"kind": "started", "run_id": 3, "epochs": 5}
    {"kind": "step", "epoch": 1, "step": 10, "steps": 63}        (at most every 0.25 s)
    {"kind": "epoch", "epoch": {...}}                              (EpochEvent's fields)
    {"kind": "finish", "status": "completed", "message": ""}
    {"kind": "error", "message": "..."}                            (bad input or a crash)
    {"kind": "params", "rows": [[name, trainable, total], ...]}    (for ``{"params": true}``)

A line ``cancel`` on its stdin (or stdin closing, e.g. the app died) sets the engine's cancel
flag, so the run is stored as ``interrupted`` with the epochs it finished. Keeping torch in its
own process means its import and the training loop never hold the app's GIL: typing stays
smooth during a run, and the app's memory stays what it was. No textual here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from studylog.errors import error_line

STEP_EVERY_S = 0.25


def command(spec: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    """The argv and environment that run ``spec`` in a child Python (this studylog first)."""
    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env["PYTHONPATH"] = os.pathsep.join([root, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return [sys.executable, "-m", "studylog.tui.train_process", json.dumps(spec)], env


def stream(spec: dict[str, Any], cancel: threading.Event | None = None) -> Iterator[dict]:
    """Run ``spec`` in a child process and yield its messages; setting ``cancel`` asks the
    child to stop (a run then ends as ``interrupted``). A child that dies without saying why
    yields an ``error`` message with the last line of its stderr."""
    argv, env = command(spec)
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err,
                                text=True, encoding="utf-8", errors="replace", env=env)
        stop = threading.Event()

        def forward_cancel() -> None:
            while not stop.wait(0.1):
                if cancel is not None and cancel.is_set():
                    try:
                        proc.stdin.write("cancel\n")
                        proc.stdin.flush()
                    except (OSError, ValueError):
                        pass
                    return

        threading.Thread(target=forward_cancel, daemon=True).start()
        said_why = False
        try:
            for line in proc.stdout:
                try:
                    message = json.loads(line)
                except json.JSONDecodeError:
                    continue
                said_why = said_why or message.get("kind") in ("finish", "error", "params")
                yield message
        finally:
            stop.set()
            try:
                proc.stdin.close()  # EOF: the child cancels if it is still running
            except OSError:
                pass
            code = proc.wait()
        if code != 0 and not said_why:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-1:]
            yield {"kind": "error",
                   "message": f"training process exited with code {code}: {' '.join(tail)}"}


def _emit(kind: str, **data: Any) -> None:
    sys.stdout.write(json.dumps({"kind": kind, **data}, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _watch_stdin(cancel: threading.Event) -> None:
    for line in sys.stdin:
        if line.strip() == "cancel":
            break
    cancel.set()


def params(model: str, freeze: str) -> list[list[Any]]:
    """Trainable/total parameters per block of ``model`` with ``freeze`` applied."""
    from studylog.train import freeze as freezing
    from studylog.train import models

    net = models.build(model)
    freezing.apply(net, freeze)
    return [[b.name, b.trainable, b.total] for b in freezing.table(net)]


def train(spec: dict[str, Any]) -> None:
    """Run one training run and report its events on stdout."""
    from studylog.store import open_db
    from studylog.train import engine, runs
    from studylog.train.config import TrainConfig

    cancel = threading.Event()
    threading.Thread(target=_watch_stdin, args=(cancel,), daemon=True).start()
    cfg = TrainConfig(**spec["options"])
    db = open_db(spec["db"])
    last_step = 0.0
    try:
        for event in runs.train(db, cfg, cancel=cancel, date=spec.get("date")):
            if isinstance(event, runs.RunStarted):
                _emit("started", run_id=event.run_id, epochs=int(cfg.epochs))
            elif isinstance(event, engine.StepEvent):
                now = time.monotonic()
                if now - last_step >= STEP_EVERY_S or event.step == event.steps:
                    last_step = now
                    _emit("step", epoch=event.epoch, step=event.step, steps=event.steps)
            elif isinstance(event, engine.EpochEvent):
                _emit("epoch", epoch=asdict(event))
            elif isinstance(event, engine.FinishEvent):
                _emit("finish", status=event.status, message=event.message)
    finally:
        db.conn.close()


def main() -> None:
    """Entry point of the child: one JSON spec in argv[1]."""
    spec = json.loads(sys.argv[1])
    try:
        if spec.get("params"):
            _emit("params", rows=params(spec["model"], spec["freeze"]))
        else:
            train(spec)
    except Exception as exc:  # reported to the app, which shows it as a notification
        _emit("error", message=error_line(exc))


if __name__ == "__main__":
    main()
