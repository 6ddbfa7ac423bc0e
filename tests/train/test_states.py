"""Honest run states in real processes: crashed (SIGKILL), interrupted (SIGTERM, SIGHUP), resumed,
diverged (an exploding loss), and refused options (exit 2, nothing stored)."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT

LONG = ("train", "--model", "mlp", "--limit", "1000", "--epochs", "40", "--seed", "3",
        "--device", "cpu", "--scheduler", "cosine", "--no-plot")


def _epochs_stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=10) as conn:
            return conn.execute("SELECT count(*) FROM run_epochs").fetchone()[0]
    except sqlite3.OperationalError:  # still migrating
        return 0


def _start_and_wait(run_cli, args, epochs: int = 2) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "studylog", "--db", str(run_cli.db_path), *args],
        cwd=ROOT, env=run_cli.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and _epochs_stored(run_cli.db_path) < epochs:
        if proc.poll() is not None:
            raise AssertionError(proc.communicate()[1])
        time.sleep(0.1)
    return proc


def test_sigkill_leaves_a_crashed_run_that_resumes_to_its_planned_epochs(run_cli):
    proc = _start_and_wait(run_cli, LONG)
    proc.kill()
    proc.communicate(timeout=30)
    with sqlite3.connect(run_cli.db_path) as conn:
        assert conn.execute("SELECT status FROM runs").fetchone()[0] == "running"  # as left
    listed = json.loads(run_cli("runs", "--json").stdout)
    assert listed[0]["status"] == "crashed" and listed[0]["epochs_done"] >= 2
    assert "crashed" in run_cli("runs").stdout
    shown = json.loads(run_cli("runs", "show", "1", "--json").stdout)
    assert shown["status"] == "crashed" and Path(shown["weights"], "last.pt").is_file()
    done = shown["epochs_done"]
    r = run_cli("runs", "resume", "1", "--json", timeout=300)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["status"] == "completed" and out["first_epoch"] in (done, done + 1)
    assert out["epochs"][0]["epoch"] == out["first_epoch"]  # numbering continues
    final = json.loads(run_cli("runs", "show", "1", "--json").stdout)
    assert [e["epoch"] for e in final["epochs_list"]] == list(range(1, 41))
    from studylog.train.lr_preview import lr_schedule

    want = lr_schedule("cosine", 0.01, 40).lr  # the schedule carried on, not restarted
    assert [e["lr"] for e in final["epochs_list"]] == pytest.approx(want)
    assert run_cli("runs", "resume", "1").returncode == 2  # completed: nothing to resume


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_sighup_keep_an_interrupted_run(run_cli, sig):
    proc = _start_and_wait(run_cli, LONG, epochs=1)
    proc.send_signal(sig)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1 and "interrupted" in err and "Traceback" not in err
    run = json.loads(run_cli("runs", "--json").stdout)[0]
    assert run["status"] == "interrupted" and 1 <= run["epochs_done"] < 40


def test_a_huge_lr_on_cnn_is_diverged_not_completed(run_cli):
    r = run_cli("train", "--model", "cnn", "--lr", "20", "--limit", "300", "--epochs", "2",
                "--seed", "1", "--device", "cpu", "--json")
    assert r.returncode == 1
    assert json.loads(r.stdout)["status"] == "diverged" and "exploded" in r.stderr


@pytest.mark.parametrize("option", [
    ("--lr", "inf"), ("--lr", "nan"), ("--lr", "1e300"), ("--weight-decay", "nan"),
    ("--focal-gamma", "nan"), ("--momentum", "inf"), ("--epochs", "-3"),
    ("--epochs", "100000000000000000000"), ("--batch-size", "0"), ("--imbalance", "inf"),
    ("--limit", "99999999999999"), ("--classes", "0"), ("--classes", "12"), ("--t-max", "0"),
])
def test_non_finite_or_out_of_range_options_are_refused(run_cli, option):
    r = run_cli("train", "--model", "mlp", "--limit", "100", "--epochs", "1", *option)
    assert r.returncode == 2, r.stderr
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert not run_cli.db_path.exists() or _count(run_cli.db_path) == 0


def _count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM runs").fetchone()[0]


@pytest.mark.parametrize("date", ["2026-02-30", "2026-13-01", "yesterday"])
def test_runs_with_an_impossible_date_exits_2(run_cli, date):
    r = run_cli("runs", "--date", date)
    assert r.returncode == 2 and "not a real date" in r.stderr


def test_device_cuda_without_a_gpu_is_one_clear_line(run_cli):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    r = run_cli("train", "--model", "mlp", "--limit", "100", "--epochs", "1", "--device", "cuda")
    assert r.returncode == 2 and "no CUDA" in r.stderr and r.stderr.count("\n") == 1


@pytest.mark.parametrize("args", [("runs", "show", "99999999999999999999"),
                                  ("runs", "resume", "99999999999999999999"),
                                  ("runs", "rm", "0"), ("runs", "export", "7", "--csv"),
                                  ("train", "--from", "3", "--model", "mlp")])
def test_missing_or_impossible_run_ids_are_one_line(run_cli, args):
    r = run_cli(*args)
    assert r.returncode == 2 and "no run #" in r.stderr and "Traceback" not in r.stderr
