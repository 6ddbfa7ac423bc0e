"""Typed text always lands in the section whose tab is shown, under any speed of keys."""

from __future__ import annotations

import random

from textual import events
from textual.widgets import TabbedContent

from studylog.config import Settings
from studylog.journal.day import load_day
from studylog.store import open_db
from studylog.tui.app import create_app
from tests.tui.conftest import SIZE, TODAY, press_quit, sync, until

ORDER = ["lecture", "assignment", "algorithm", "review", "peer", "retro"]


def sections(db_path) -> dict[str, str]:
    db = open_db(db_path)
    try:
        return load_day(db, TODAY, Settings.load()).sections
    finally:
        db.conn.close()


def burst(app, keys: list[str]) -> None:
    """Hand every key to the driver at once, as a fast typist or a paste does (no waiting for
    the app between keys, unlike ``pilot.press``)."""
    for key in keys:
        char = key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)


def shown(app) -> str:
    return (app.screen.query_one(TabbedContent).active or "").removeprefix("tab-")


@sync
async def test_two_quick_section_switches_then_typing(db_path):
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: getattr(app.screen, "_loaded", False))
        burst(app, ["ctrl+o", "ctrl+o", *"xyz"])  # no pauses between the keys
        await pilot.pause(0.2)
        assert shown(app) == "algorithm"
        assert app.focused is not None and app.focused.id == "ed-algorithm"
        await press_quit(app)
    saved = sections(db_path)
    assert saved.get("algorithm") == "xyz"
    assert "xyz" not in saved.get("assignment", "")


@sync
async def test_random_switches_interleaved_with_typing(db_path):
    rng = random.Random(18)
    app = create_app(db_path, today=TODAY)
    expected = {key: "" for key in ORDER}
    expected["lecture"] = "# 강의 복습\n- Augmentation: RandomCrop"
    at = 0
    keys: list[str] = []
    for _ in range(120):
        roll = rng.random()
        if roll < 0.25:
            keys.append("ctrl+o")
            at = (at + 1) % len(ORDER)
        elif roll < 0.35:
            keys.append("ctrl+b")
            at = (at - 1) % len(ORDER)
        else:
            ch = rng.choice("abc가나다")
            keys.append(ch)
            expected[ORDER[at]] += ch
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: getattr(app.screen, "_loaded", False))
        await pilot.press("end")
        burst(app, keys)
        await pilot.pause(0.2)
        assert shown(app) == ORDER[at]
        assert app.focused is not None and app.focused.id == f"ed-{ORDER[at]}"
        await press_quit(app)
    saved = sections(db_path)
    assert {k: saved.get(k, "") for k in ORDER} == expected
