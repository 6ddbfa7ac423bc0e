"""Shared fixtures: every test gets its own database and settings file in a temp folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studylog.cli.main import app


@pytest.fixture(autouse=True)
def _no_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's own database, problems or settings."""
    monkeypatch.setenv("STUDYLOG_DB", str(tmp_path / "studylog.db"))
    monkeypatch.setenv("STUDYLOG_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("STUDYLOG_WARM_TRAIN", "0")  # no spare torch process behind an app under test


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A temp folder holding this test's database (STUDYLOG_DB) and settings (STUDYLOG_CONFIG),
    as set for every test by ``_no_user_data``."""
    return tmp_path


@pytest.fixture
def cli(home: Path):
    """Invoke the CLI in-process (Typer's CliRunner); returns the Result."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input)

    return invoke


@pytest.fixture
def run(home: Path):
    """Run `python -m studylog ...` as a real subprocess with this test's database."""

    def _run(*args: str, input: str | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
        env = dict(os.environ)
        return subprocess.run(
            [sys.executable, "-m", "studylog", *args], input=input, capture_output=True,
            text=True, encoding="utf-8", env=env, timeout=timeout,
            cwd=Path(__file__).resolve().parents[1],
        )

    return _run
