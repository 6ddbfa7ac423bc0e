"""The Peer pane in a small app: the team folder's members show, the cursor shows a member's
file with its comments, and ``c`` comments on the selected lines."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Input, Static, TextArea

from studylog.peer import judging
from studylog.tui.dbgate import DbGate
from studylog.tui.screens.problems.peer import PeerPane
from tests.peer.conftest import TeamRepos


class PaneApp(App):
    """Just the pane."""

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.gate = DbGate(db_path)

    def compose(self) -> ComposeResult:
        yield PeerPane(self.gate, id="peer-pane")


async def _until(pilot, condition, timeout: float = 20.0) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not condition():
        assert loop.time() < end, "timed out"
        await pilot.pause(0.05)


def test_the_pane_shows_members_and_comments_on_selected_lines(team: TeamRepos, home: Path,
                                                               monkeypatch) -> None:
    monkeypatch.setattr(judging, "judge_team", lambda *a, **k: judging.TeamJudgement(
        judging.ProblemInfo("2667", "단지번호붙이기", ""), 0, 0.0))  # the table is tested elsewhere
    root = team.clones["alice"]

    async def drive() -> None:
        app = PaneApp(home / "studylog.db")
        async with app.run_test(size=(120, 50)) as pilot:
            pane = app.query_one(PeerPane)
            pane.set_problem("2667")
            app.query_one("#peer-dir", Input).value = str(root)
            app.query_one("#peer-dir", Input).focus()
            await pilot.press("enter")
            await _until(pilot, lambda: pane.solutions != [])
            assert [s.member for s in pane.solutions] == ["alice", "alice", "bob", "carol"]
            pane.show_solution(pane.solutions[2])
            code = app.query_one("#peer-code", TextArea)
            assert code.text.startswith("import sys")
            code.select_line(17)
            code.focus()
            await _until(pilot, lambda: app.focused is code)  # focus moves on the next tick
            await pilot.press("c")
            box = app.query_one("#peer-comment", Input)
            assert box.display and box.has_focus
            box.value = "대각선은 이웃이 아닙니다"
            await pilot.press("enter")
            await pilot.pause(0.1)
            notes = str(app.query_one("#peer-notes", Static).content)
            assert notes == "L18-18 alice (팀원): 대각선은 이웃이 아닙니다"
        app.gate.close()

    asyncio.run(drive())
