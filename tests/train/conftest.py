"""Fixtures for the training tests: a temp database and settings file, a tiny config, a CLI runner
in a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from studylog.store import open_db
from studylog.train.config import TrainConfig

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tdb(tmp_path: Path):
    """A fresh migrated database in tmp_path."""
    db = open_db(tmp_path / "train.db")
    yield db
    db.conn.close()


def tiny(**kw) -> TrainConfig:
    """A config that trains in well under a second: mlp on 200 digits, 2 epochs, seeded, CPU."""
    base = dict(model="mlp", limit=200, epochs=2, batch_size=32, seed=7, device="cpu")
    base.update(kw)
    return TrainConfig(**base)


@pytest.fixture
def run_cli(tmp_path: Path):
    """Run ``python -m studylog --db <tmp>/cli.db ARGS`` from the repo root."""
    (tmp_path / "config.toml").write_text('language = "en"\n', encoding="utf-8")
    env = dict(os.environ, STUDYLOG_CONFIG=str(tmp_path / "config.toml"), COLUMNS="100",
               LINES="40", PYTHONIOENCODING="utf-8")
    env.pop("STUDYLOG_DB", None)
    db = tmp_path / "cli.db"

    def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "studylog", "--db", str(db), *args], cwd=ROOT, env=env,
            capture_output=True, text=True, encoding="utf-8", timeout=timeout,
        )

    run.db_path = db  # type: ignore[attr-defined]
    run.env = env  # type: ignore[attr-defined]
    return run
