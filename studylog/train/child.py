"""Training, the parameter table and the LR range test in a child process, so torch never enters
the app (no Textual here: the app's worker thread calls :func:`stream`).

The child runs ``python -m studylog.train.child JSON`` and writes one JSON object per line on
stdout, each an event dataclass of :mod:`studylog.train.events` (``events.to_json``); the
parent rebuilds the dataclasses (``events.from_json``), so the app dispatches with
``isinstance``. Spec kinds: ``{"params": true, "model", "freeze"}``, ``{"find": true,
"options"}``, ``{"db", "options", "date"}`` (a run) and ``{"db", "resume": N}``.

A line ``cancel`` on its stdin, stdin closing (the app died), SIGTERM or SIGHUP set the engine's
cancel flag, so the run is stored as ``interrupted`` with the epochs it finished. Keeping torch
in its own process means its import and the training loop never hold the app's GIL: typing stays
smooth during a run, and the app's memory stays what it was.
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
from pathlib import Path
from typing import Any

from studylog.errors import error_line
from studylog.train import events as ev

STEP_EVERY_S = 0.25


def command(spec: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    """The argv and environment that run ``spec`` in a child Python (this studylog first)."""
    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env["PYTHONPATH"] = os.pathsep.join([root, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return [sys.executable, "-m", "studylog.train.child", json.dumps(spec)], env


def stream(spec: dict[str, Any], cancel: threading.Event | None = None) -> Iterator[Any]:
    """Run ``spec`` in a child process and yield its events (dataclasses); setting ``cancel``
    asks the child to stop (a run then ends as ``interrupted``). A child that dies without saying
    why yields a :class:`~studylog.train.events.ChildError` with the last line of its stderr."""
    argv, env = command(spec)
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err,
                                text=True, encoding="utf-8", errors="replace", env=env)
        assert proc.stdin is not None and proc.stdout is not None
        stdin = proc.stdin
        stop = threading.Event()

        def forward_cancel() -> None:
            while not stop.wait(0.1):
                if cancel is not None and cancel.is_set():
                    try:
                        stdin.write("cancel\n")
                        stdin.flush()
                    except (OSError, ValueError):
                        pass
                    return

        threading.Thread(target=forward_cancel, daemon=True).start()
        said_why = False
        try:
            for line in proc.stdout:
                try:
                    event = ev.from_json(json.loads(line))
                except (json.JSONDecodeError, TypeError, AttributeError):
                    continue
                if event is None:
                    continue
                said_why = said_why or isinstance(
                    event, ev.FinishEvent | ev.ChildError | ev.ParamsTable | ev.LrFound)
                yield event
        finally:
            stop.set()
            try:
                stdin.close()  # EOF: the child cancels if it is still running
            except OSError:
                pass
            code = proc.wait()
        if code != 0 and not said_why:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-1:]
            yield ev.ChildError(f"training process exited with code {code}: {' '.join(tail)}")


def _emit(event: Any) -> None:
    sys.stdout.write(json.dumps(ev.to_json(event), ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _watch_stdin(cancel: threading.Event) -> None:
    for line in sys.stdin:
        if line.strip() == "cancel":
            break
    cancel.set()


def params(model: str, freeze: str) -> ev.ParamsTable:
    """Trainable/total parameters per block of ``model`` with ``freeze`` applied."""
    from studylog.train import freeze as freezing
    from studylog.train import models

    net = models.build(model)
    freezing.apply(net, freeze)
    return ev.ParamsTable(model, freeze, [ev.BlockRow(b.name, b.trainable, b.total)
                                          for b in freezing.table(net)])


def train(spec: dict[str, Any], cancel: threading.Event) -> None:
    """Run (or resume) one training run and report its events on stdout."""
    from studylog.store import open_db
    from studylog.train import runs
    from studylog.train.config import TrainConfig

    db = open_db(spec["db"])
    last_step = 0.0
    try:
        if spec.get("resume"):
            stream_ = runs.resume(db, int(spec["resume"]), cancel=cancel)
        else:
            stream_ = runs.train(db, TrainConfig(**spec["options"]), cancel=cancel,
                                 date=spec.get("date"))
        for event in stream_:
            if isinstance(event, ev.StepEvent):
                now = time.monotonic()
                if now - last_step < STEP_EVERY_S and event.step != event.steps:
                    continue
                last_step = now
            _emit(event)
    finally:
        db.conn.close()


def main() -> None:
    """Entry point of the child: one JSON spec in argv[1]."""
    from studylog.train.process import CancelOnSignals

    spec = json.loads(sys.argv[1])
    cancel = threading.Event()
    threading.Thread(target=_watch_stdin, args=(cancel,), daemon=True).start()
    try:
        with CancelOnSignals(cancel):
            if spec.get("params"):
                _emit(params(spec["model"], spec["freeze"]))
            elif spec.get("find"):
                from studylog.train import lr_find
                from studylog.train.config import TrainConfig

                cfg = TrainConfig(**spec["options"])
                _emit(lr_find.find(cfg, cancel=cancel))
            else:
                train(spec, cancel)
    except Exception as exc:  # reported to the app, which shows it as a notification
        _emit(ev.ChildError(error_line(exc)))


if __name__ == "__main__":
    main()
