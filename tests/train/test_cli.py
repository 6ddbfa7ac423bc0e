"""The commands as a user runs them: real subprocesses against a temp database."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from .conftest import ROOT

TRAIN = ("train", "--model", "mlp", "--limit", "200", "--batch-size", "32", "--seed", "5",
         "--device", "cpu")


def _count(db) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM runs").fetchone()[0]


def test_train_json_then_runs_show_and_compare(run_cli):
    a = run_cli(*TRAIN, "--epochs", "2", "--scheduler", "step", "--step-size", "1", "--json")
    assert a.returncode == 0, a.stderr
    data = json.loads(a.stdout)
    assert data["status"] == "completed" and len(data["epochs"]) == 2
    assert {"train_loss", "val_loss", "val_acc", "val_f1", "lr"} <= set(data["epochs"][0])
    assert [e["lr"] for e in data["epochs"]] == pytest.approx([0.01, 0.001])
    assert data["trainable_params"] == data["total_params"] == 235146
    assert data["samples_per_s"] > 0
    b = run_cli(*TRAIN, "--epochs", "1", "--loss", "label-smoothing", "--freeze", "backbone")
    assert b.returncode == 0, b.stderr
    out = b.stdout
    assert "parameters per block" in out and "frozen" in out and "1,290" in out  # fc 128*10+10
    assert "val acc" in out and "confusion" in out and "validation accuracy / macro-F1" in out
    assert "learning rate" in out and "\x1b[" not in out  # charts, plain text when piped
    listing = run_cli("runs", "--json")
    rows = json.loads(listing.stdout)
    assert [r["id"] for r in rows] == [2, 1] and rows[0]["freeze"] == "backbone"
    show = run_cli("runs", "show", "1")
    assert show.returncode == 0 and "run #1" in show.stdout and "loss" in show.stdout
    cmp = run_cli("runs", "compare", "1", "2", "--metric", "val_f1")
    assert cmp.returncode == 0, cmp.stderr
    assert "config differences" in cmp.stdout and "label-smoothing" in cmp.stdout
    assert "validation macro-F1" in cmp.stdout
    assert run_cli("runs", "show", "9").returncode == 2


@pytest.mark.parametrize("args, message", [
    (("--model", "vgg"), "unknown model"),
    (("--loss", "hinge"), "unknown loss"),
    (("--scheduler", "warmup"), "unknown scheduler"),
    (("--freeze", "until:layer9"), "there is no layer9"),
    (("--lr", "-0.1"), "--lr must be a finite number"),
    (("--freeze", "all"), "element 0 of tensors does not require grad"),
    (("--dataset", "fashion-mnist"), "cannot download fashion-mnist"),
])
def test_bad_input_exits_2_with_one_line_and_no_run(run_cli, args, message):
    if "fashion-mnist" in args and (ROOT / "data" / "fashion-mnist" / "FashionMNIST").exists():
        pytest.skip("fashion-mnist was downloaded here")
    r = run_cli(*TRAIN, *args)
    assert r.returncode == 2
    assert message in r.stderr and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert _count(run_cli.db_path) == 0
    if args == ("--freeze", "all"):  # the parameter table shows why, before the one-line error
        assert "parameters per block" in r.stdout and "0.0% trainable" in r.stdout


def test_train_lr_json():
    r = subprocess.run([sys.executable, "-m", "studylog", "train", "lr", "--scheduler", "step",
                        "--epochs", "5", "--step-size", "2", "--gamma", "0.5", "--lr", "0.1",
                        "--json"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["lr"] == [0.1, 0.1, 0.05, 0.05, 0.025]


def test_start_paths_do_not_import_torch(tmp_path):
    code = f"""
import sys
from studylog.cli.main import app
for args in (["train", "lr", "--json"], ["runs"], ["runs", "--json"],
             ["train", "--model", "vgg"], ["train", "--freeze", "until:layer9"]):
    app(["--db", {str(tmp_path / 'x.db')!r}, *args], standalone_mode=False)
import studylog.plots, studylog.store.runs, studylog.train.runs, studylog.train.lr_preview
print("torch" in sys.modules, "textual" in sys.modules)
"""
    env = dict(os.environ, STUDYLOG_CONFIG=str(tmp_path / "c.toml"))
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                       env=env, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == "False False"


def test_ctrl_c_keeps_an_interrupted_run(run_cli):
    proc = subprocess.Popen(
        [sys.executable, "-m", "studylog", "--db", str(run_cli.db_path), "train", "--model", "cnn",
         "--limit", "1000", "--epochs", "200", "--seed", "1", "--no-plot"],
        cwd=ROOT, env=run_cli.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if run_cli.db_path.exists():
                try:
                    with sqlite3.connect(run_cli.db_path, timeout=10) as conn:
                        if conn.execute("SELECT count(*) FROM run_epochs").fetchone()[0] >= 1:
                            break
                except sqlite3.OperationalError:  # still migrating
                    pass
            time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 1, err
    assert "interrupted" in err and "Traceback" not in err
    with sqlite3.connect(run_cli.db_path) as conn:
        status, = conn.execute("SELECT status FROM runs").fetchone()
        kept = conn.execute("SELECT count(*) FROM run_epochs").fetchone()[0]
    assert status == "interrupted" and 1 <= kept < 200
