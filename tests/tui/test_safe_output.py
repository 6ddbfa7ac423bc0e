"""The app never writes an escape sequence its user's text carried (the text stays stored)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from studylog.tui.safe_output import install

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x1b[31mred\x08\x08X \x1b]8;;http://evil\x1b\\link\u202e"


def test_a_strip_renders_its_styles_but_not_the_texts_controls() -> None:
    install()
    strip = Strip([Segment("a" + HOSTILE, Style(bold=True)), Segment(" 가")])
    out = strip.render(Console(color_system="truecolor", force_terminal=True))
    assert "\x1b[1m" in out  # the style's own escape
    assert "\x1b]" not in out and "\x07" not in out and "\x08" not in out and "\u202e" not in out
    assert "\x1b[2J" not in out and "\x1b[31m" not in out
    assert "a]0;pwned[2J[31mredX ]8;;http://evil\\link" in out and " 가" in out


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_the_app_in_a_terminal_keeps_its_title_and_screen(tmp_path: Path) -> None:
    env = dict(os.environ, STUDYLOG_DB=str(tmp_path / "s.db"),
               STUDYLOG_CONFIG=str(tmp_path / "c.toml"), TERM="xterm-256color")
    for size in ("COLUMNS", "LINES", "TMUX"):
        env.pop(size, None)
    for args in (["todo", "add", HOSTILE], ["note", "lecture", "\x1b[2J\x1b]0;pwned2\x07line"]):
        assert subprocess.run([sys.executable, "-m", "studylog", *args], env=env, cwd=ROOT,
                              capture_output=True).returncode == 0
    sock = f"studylog-safe-{os.getpid()}"
    tmux = ["tmux", "-L", sock]
    try:
        subprocess.run([*tmux, "new-session", "-d", "-x", "100", "-y", "30",
                        f"cd {ROOT} && exec {sys.executable} -m studylog"], env=env, check=True)
        title = subprocess.run([*tmux, "display", "-p", "#{pane_title}"], capture_output=True,
                               text=True).stdout.strip()
        screen = ""
        end = time.monotonic() + 60
        while "[2J" not in screen and time.monotonic() < end:
            time.sleep(0.2)
            screen = subprocess.run([*tmux, "capture-pane", "-p"], capture_output=True,
                                    text=True).stdout
        assert "오늘 한 일" in screen and "]0;pwned2line" in screen  # shown, harmless
        after = subprocess.run([*tmux, "display", "-p", "#{pane_title}"], capture_output=True,
                               text=True).stdout.strip()
        assert "pwned" not in after and after == title
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)
