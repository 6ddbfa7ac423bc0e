"""The first screen starts without torch; a database that cannot be read stops before the app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.tui.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]

FIRST_SCREEN = """
import asyncio, sys
from pathlib import Path
from studylog.tui.app import create_app

async def main():
    app = create_app(Path(sys.argv[1]), today=sys.argv[2])
    async with app.run_test(size=(120, 40)) as pilot:
        while not getattr(app.screen, "_loaded", False):
            await pilot.pause(0.05)
        await pilot.press(*"abc")
        await pilot.pause(0.8)
        while any(w.is_running and not w.group.startswith("_") for w in app.workers):
            await pilot.pause(0.05)
        print("focused", app.focused.id)
    print("torch" if "torch" in sys.modules else "no torch")

asyncio.run(main())
"""


def test_first_screen_does_not_import_torch(db_path: Path):
    out = subprocess.run([sys.executable, "-c", FIRST_SCREEN, str(db_path), TODAY],
                         capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[-2:] == ["no torch", ""]
    assert "focused ed-lecture" in out.stdout


def test_unreadable_database_gives_one_line_before_the_app(tmp_path: Path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a sqlite database, just some text" * 100)
    env = dict(os.environ, STUDYLOG_CONFIG=str(tmp_path / "config.toml"))
    out = subprocess.run([sys.executable, "-m", "studylog", "--db", str(bad)],
                         capture_output=True, text=True, timeout=60, env=env, cwd=ROOT,
                         stdin=subprocess.DEVNULL)
    assert out.returncode == 2
    assert out.stderr.startswith(f"studylog: 데이터베이스 {bad}을(를) 열 수 없습니다")
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert out.stdout == ""
