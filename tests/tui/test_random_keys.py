"""Random keys on every screen: the app never crashes, whatever a student (or a cat) types.

A fixed-seed run of a few hundred keys over all screens, the palette, help and the editors, at
80×24 and 120×40. It found: ctrl+p, F1, ctrl+p crashed the app (a second palette with the
first one's id). Keys that start work (ctrl+r: a judge or a training run) and quit are left out.
"""

from __future__ import annotations

import random

import pytest

from studylog.tui.app import create_app
from tests.tui.conftest import TODAY, sync

KEYS = ["f1", "f2", "f3", "f4", "f5", "f6", "tab", "shift+tab", "enter", "escape", "up", "down",
        "left", "right", "pageup", "pagedown", "home", "end", "space", "backspace", "delete",
        "ctrl+n", "ctrl+o", "ctrl+g", "ctrl+p", "ctrl+s", "ctrl+l", "ctrl+x", "ctrl+z", "ctrl+y",
        "ctrl+a", "ctrl+e", "ctrl+k", "ctrl+u", "ctrl+w", "ctrl+d", "ctrl+t", "a", "1", "0", "-",
        "가", "한", "#", "[", "]", ":", "/", "."]


@pytest.mark.parametrize(("seed", "size"), [(1, (80, 24)), (2, (120, 40))])
@sync
async def test_random_keys_never_crash_the_app(db_path, seed, size):
    # db_path also moves the working folder into the temp folder: the blog export writes there
    rng = random.Random(seed)
    app = create_app(db_path, today=TODAY)
    async with app.run_test(size=size) as pilot:
        for i in range(250):
            key = rng.choice(KEYS)
            await pilot.press(key)
            assert app.is_running, (i, key)
            if i % 25 == 0:
                await pilot.pause(0.05)
        await pilot.pause(0.3)
        assert app.is_running
