"""The spare training child: started ahead (torch imported), it runs the next spec handed to
:func:`studylog.train.child.stream`; a dead spare falls back to a fresh child; a spare nobody
takes goes without touching the database; ``STUDYLOG_WARM_TRAIN=0`` keeps none."""

from __future__ import annotations

import dataclasses
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studylog.train import child
from studylog.train.events import ChildError, FinishEvent, RunStarted, StepEvent
from tests.train.conftest import tiny

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def spares(monkeypatch: pytest.MonkeyPatch):
    """Spares switched on for this test; whatever is left is stopped after it."""
    monkeypatch.setenv(child.WARM_ENV, "1")
    yield
    child.drop_spare()


def run_spec(db: Path) -> dict:
    return {"db": str(db), "options": dataclasses.asdict(tiny(epochs=1)), "date": "2026-12-04"}


def pids_of_runs(db: Path) -> list[tuple[int, str]]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT pid, status FROM runs ORDER BY id").fetchall()
    finally:
        con.close()


def test_a_run_goes_to_the_spare_and_a_new_spare_follows(spares, tmp_path: Path, monkeypatch):
    assert child.prewarm()
    spare = child.spare_pid()
    assert spare is not None
    # from now on no child may be started by stream() itself: the run must use the spare
    started: list[bool] = []
    real_start = child.Child.start

    def counting_start(warm: bool = False):
        started.append(warm)
        return real_start(warm)

    monkeypatch.setattr(child.Child, "start", staticmethod(counting_start))
    events = list(child.stream(run_spec(tmp_path / "s.db")))
    kinds = [type(e) for e in events]
    assert RunStarted in kinds and StepEvent in kinds, events
    assert isinstance(events[-1], FinishEvent) and events[-1].status == "completed", events[-1]
    assert pids_of_runs(tmp_path / "s.db") == [(spare, "completed")]  # the spare ran it
    assert started == [True]  # and only the next spare was started, after the run
    nxt = child.spare_pid()
    assert nxt is not None and nxt != spare


def test_a_dead_spare_falls_back_to_a_fresh_child(spares, tmp_path: Path):
    assert child.prewarm()
    spare = child.spare_pid()
    assert spare is not None
    os.kill(spare, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while child.spare_pid() is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    events = list(child.stream(run_spec(tmp_path / "d.db")))
    assert not any(isinstance(e, ChildError) for e in events), events
    assert isinstance(events[-1], FinishEvent) and events[-1].status == "completed"
    ((pid, status),) = pids_of_runs(tmp_path / "d.db")
    assert status == "completed" and pid != spare


def test_spares_off_means_none_is_started(monkeypatch, tmp_path: Path):
    monkeypatch.setenv(child.WARM_ENV, "0")
    assert not child.prewarm()
    assert child.spare_pid() is None
    events = list(child.stream(run_spec(tmp_path / "o.db")))
    assert isinstance(events[-1], FinishEvent) and events[-1].status == "completed"
    assert child.spare_pid() is None  # no spare after the run either


def test_a_spare_whose_parent_leaves_exits_without_touching_the_database(tmp_path: Path):
    argv, env = child.command(warm=True)
    env["STUDYLOG_DB"] = str(tmp_path / "never.db")
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, cwd=ROOT)
    out, err = proc.communicate(b"", timeout=120)  # stdin closes at once: the parent is gone
    assert proc.returncode == 0, err.decode()
    assert out == b""
    assert not (tmp_path / "never.db").exists()


def test_a_spare_cancels_its_run_when_asked(spares, tmp_path: Path):
    import threading

    assert child.prewarm()
    cancel = threading.Event()
    spec = {"db": str(tmp_path / "c.db"), "date": "2026-12-04",
            "options": dataclasses.asdict(tiny(epochs=50, limit=2000))}
    events = []
    for event in child.stream(spec, cancel):
        events.append(event)
        if isinstance(event, StepEvent):
            cancel.set()
    assert isinstance(events[-1], FinishEvent) and events[-1].status == "interrupted", events[-1]
    ((_, status),) = pids_of_runs(tmp_path / "c.db")
    assert status == "interrupted"


def test_the_app_starts_no_spare_when_headless_and_none_is_left_after_it(tmp_path: Path):
    # the suite's apps are headless (Pilot): they must never leave a torch process behind
    code = (
        "import asyncio, sys\n"
        "from studylog.tui.app import create_app\n"
        "from studylog.train import child\n"
        "async def main():\n"
        f"    app = create_app({str(tmp_path / 'a.db')!r}, '2026-12-04')\n"
        "    async with app.run_test() as pilot:\n"
        "        await pilot.pause(0.2)\n"
        "    print(child.spare_pid())\n"
        "asyncio.run(main())\n"
    )
    env = dict(os.environ, **{child.WARM_ENV: "1"})
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "None"


def test_without_torch_no_spare_is_started(spares, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a, **k: None if name == "torch" else real(name, *a, **k))
    assert not child.prewarm()
    assert child.spare_pid() is None
