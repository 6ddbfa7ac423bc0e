"""Fixtures for the TUI tests: a seeded database on a fixed date, a wait helper."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from pathlib import Path

import pytest

from studylog.config import Settings
from studylog.journal import day as journal_day
from studylog.store import open_db

TODAY = "2026-11-26"
SIZE = (120, 40)


def seed(db_path: Path) -> None:
    """A few days of Korean and English notes and to-dos before and on TODAY."""
    settings_path = db_path.parent / "config.toml"
    Settings(values={"course.start": "2026-10-26"}, path=settings_path).save()
    db = open_db(db_path)
    notes = {
        "2026-11-23": {"lecture": "# Dataset\n__getitem__ 과 __len__ 을 구현한다.",
                       "retro": "오늘 회고: DataLoader 의 num_workers 를 배웠다."},
        "2026-11-24": {"algorithm": "BFS 로 단지번호붙이기를 풀었다.",
                       "peer": "피어세션: 데이터 증강 아이디어 공유"},
        "2026-11-25": {"assignment": "라벨 파싱이 필요했다.", "review": "코드 리뷰 받음"},
        TODAY: {"lecture": "# 강의 복습\n- Augmentation: RandomCrop"},
    }
    for date, sections in notes.items():
        for section, text in sections.items():
            journal_day.set_section_text(db, date, section, text)
    journal_day.add_todo(db, TODAY, "강의 듣기")
    journal_day.add_todo(db, TODAY, "과제 제출")
    journal_day.add_todo(db, TODAY, "BOJ 2667")
    db.conn.close()


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A seeded database; settings and cwd point into the temp folder."""
    monkeypatch.setenv("STUDYLOG_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.delenv("STUDYLOG_DB", raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    path = tmp_path / "studylog.db"
    seed(path)
    return path


async def until(pilot, condition: Callable[[], bool], timeout: float = 30.0) -> None:
    """Let the app run until ``condition()`` holds (fails the test after ``timeout`` seconds)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not condition():
        if loop.time() > end:
            raise AssertionError("condition not reached in time")
        await pilot.pause(0.05)


async def press_quit(app, timeout: float = 30.0) -> None:
    """Press ctrl+q as the user does and wait until the app has stopped (fails after
    ``timeout`` seconds).

    Not ``pilot.press``: after a key it waits for the app's animations to end, and an animation
    that starts while the app shuts down (a tab's underline moving as its label changes) never
    ends, so on a loaded machine that wait can last forever.
    """
    from textual import events

    key = events.Key("ctrl+q", None)
    key.set_sender(app)
    app._driver.send_message(key)
    task = app._task
    assert task is not None
    done, _ = await asyncio.wait([task], timeout=timeout)
    if not done:
        raise AssertionError("the app did not quit in time")


def sync(test):
    """Run an async test with asyncio.run (no async pytest plugin needed)."""

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper
