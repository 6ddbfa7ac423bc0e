"""Training, the parameter table and the LR range test in a child process, so torch never enters
the app (no Textual here: the app's worker thread calls :func:`stream`).

The child runs ``python -m studylog.train.child``, reads one JSON spec from the first line of its
stdin and writes one JSON object per line on stdout, each an event dataclass of
:mod:`studylog.train.events` (``events.to_json``); the parent rebuilds the dataclasses
(``events.from_json``), so the app dispatches with ``isinstance``. Spec kinds: ``{"params": true,
"model", "freeze"}``, ``{"find": true, "options"}``, ``{"db", "options", "date"}`` (a run) and
``{"db", "resume": N}``.

A line ``cancel`` on its stdin, stdin closing (the app died), SIGTERM or SIGHUP set the engine's
cancel flag, so the run is stored as ``interrupted`` with the epochs it finished. Keeping torch
in its own process means its import and the training loop never hold the app's GIL: typing stays
smooth during a run, and the app's memory stays what it was.

A spare child (:func:`prewarm`, started by the app a few seconds after it opens) imports torch,
torchvision and the engine ahead and then waits for its spec, so a run started from the app
skips torch's ~2-4 s import: :func:`stream` hands its spec to the spare when one is waiting and
starts the next spare when its child ends. ``STUDYLOG_WARM_TRAIN=0`` keeps none. A spare that
died, or one its parent left (its stdin closes), goes without having touched the database.
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
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from studylog.faults import error_line
from studylog.train import events as ev
from studylog.words import say

STEP_EVERY_S = 0.25
WARM_ENV = "STUDYLOG_WARM_TRAIN"  # "0": no spare child
WARM_FLAG = "--warm"  # argv of a spare: import everything first, then read the spec


def command(warm: bool = False) -> tuple[list[str], dict[str, str]]:
    """The argv and environment of a child Python (this studylog first); ``warm`` makes it a
    spare that imports torch and the engine before it reads its spec."""
    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env["PYTHONPATH"] = os.pathsep.join([root, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return [sys.executable, "-m", "studylog.train.child", *([WARM_FLAG] if warm else [])], env


@dataclass
class Child:
    """A started child process and the file its stderr goes to."""

    proc: subprocess.Popen[str]
    err: IO[bytes]

    @classmethod
    def start(cls, warm: bool = False) -> Child:
        """Start a child (a spare when ``warm``); it waits for its spec on stdin."""
        argv, env = command(warm)
        err = tempfile.TemporaryFile()
        try:
            proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=err, text=True, encoding="utf-8", errors="replace",
                                    env=env)
        except BaseException:
            err.close()
            raise
        return cls(proc, err)

    def send(self, spec: dict[str, Any]) -> bool:
        """Give the child its spec; False when it is gone."""
        stdin = self.proc.stdin
        assert stdin is not None
        try:
            stdin.write(json.dumps(spec) + "\n")
            stdin.flush()
        except (OSError, ValueError):
            return False
        return True

    def stop(self) -> None:
        """Kill a child that was given no spec (a spare nobody took) and free its files."""
        self.proc.kill()
        self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                try:
                    pipe.close()
                except OSError:
                    pass
        self.err.close()


class _Spare:
    """The one spare child of this process, if any (shared by the app's worker threads)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.child: Child | None = None
        self.wanted = False  # prewarm() was called: keep one ready after each run

    def take(self) -> Child | None:
        with self.lock:
            child, self.child = self.child, None
        if child is not None and child.proc.poll() is not None:  # it died while it waited
            child.stop()
            return None
        return child


_spare = _Spare()


def warm_enabled() -> bool:
    """Whether spare children are allowed (``STUDYLOG_WARM_TRAIN`` is not ``0``) and useful
    (torch is installed: without it every run fails at once, and says why)."""
    import importlib.util

    return (os.environ.get(WARM_ENV, "1").strip() != "0"
            and importlib.util.find_spec("torch") is not None)


def prewarm() -> bool:
    """Make sure a spare child is starting or waiting, and keep one after every run from now on.
    False when spares are switched off."""
    if not warm_enabled():
        return False
    with _spare.lock:
        _spare.wanted = True
        if _spare.child is not None and _spare.child.proc.poll() is None:
            return True
        old, _spare.child = _spare.child, Child.start(warm=True)
    if old is not None:
        old.stop()
    return True


def drop_spare() -> None:
    """Stop the spare child (the app is closing) and start no more."""
    with _spare.lock:
        _spare.wanted = False
        child, _spare.child = _spare.child, None
    if child is not None:
        child.stop()


def spare_pid() -> int | None:
    """The pid of the waiting spare child, if there is one."""
    with _spare.lock:
        child = _spare.child
    return None if child is None or child.proc.poll() is not None else child.proc.pid


def stream(spec: dict[str, Any], cancel: threading.Event | None = None) -> Iterator[Any]:
    """Run ``spec`` in a child process (the spare when one waits) and yield its events
    (dataclasses); setting ``cancel`` asks the child to stop (a run then ends as
    ``interrupted``). A child that dies without saying why yields a
    :class:`~studylog.train.events.ChildError` with the last line of its stderr."""
    child = _spare.take()
    if child is not None and not child.send(spec):
        child.stop()
        child = None
    if child is None:
        child = Child.start()
        if not child.send(spec):
            child.stop()
            yield ev.ChildError(say("학습 프로세스가 시작되지 않았습니다",
                                    "the training process did not start"))
            return
    try:
        yield from _follow(child, cancel)
    finally:
        child.err.close()
        if _spare.wanted:
            prewarm()


def _follow(child: Child, cancel: threading.Event | None) -> Iterator[Any]:
    proc, err = child.proc, child.err
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
        proc.stdout.close()
    if code != 0 and not said_why:
        err.seek(0)
        tail = err.read().decode("utf-8", "replace").strip().splitlines()[-1:]
        yield ev.ChildError(say(f"학습 프로세스가 코드 {code}로 끝났습니다: {' '.join(tail)}",
                                f"training process exited with code {code}: {' '.join(tail)}"))


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


def _preload() -> None:
    """What a spare imports before it waits: torch, torchvision's models, the engine and the
    store (a run then starts with its data and model)."""
    import torchvision.models  # noqa: F401

    from studylog.store import open_db  # noqa: F401
    from studylog.train import engine, freeze, lr_find, models, runs  # noqa: F401


def main() -> None:
    """Entry point of the child: its spec is the first line of stdin (``--warm``: after the
    imports a run needs). A spare whose stdin closes before a spec came exits quietly."""
    from studylog.train.process import CancelOnSignals

    if WARM_FLAG in sys.argv[1:]:
        _preload()
    line = sys.stdin.readline()
    if not line.strip():
        return
    spec = json.loads(line)
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
