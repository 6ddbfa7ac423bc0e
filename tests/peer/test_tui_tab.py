"""The Peer tab of the app's Problems screen: the team folder from the ``peer.team`` setting,
the members judged for the problem under the list's cursor, a comment written with ``c``."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import DataTable, Input, Static, TabbedContent, TextArea

from studylog.config import Settings
from studylog.tui.app import create_app
from studylog.tui.screens.problems.peer import PeerPane
from tests.peer.conftest import TeamRepos
from tests.tui.conftest import press_quit


async def _until(pilot, condition, timeout: float = 60.0) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not condition():
        assert loop.time() < end, "timed out"
        await pilot.pause(0.05)


def test_the_peer_tab_judges_the_team_from_the_setting(team: TeamRepos, home: Path) -> None:
    root = team.clones["alice"]
    Settings.load().set("peer.team", str(root))

    async def drive() -> None:
        app = create_app(home / "studylog.db")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("f4")
            bank = app.screen.query_one("#bank", DataTable)
            await _until(pilot, lambda: bank.row_count > 0)
            keys = [r.value for r in bank.rows]
            bank.move_cursor(row=keys.index("2667"))
            await pilot.pause(0.1)
            pane = app.screen.query_one(PeerPane)
            assert pane.team is None  # nothing is read before the tab is shown
            app.screen.query_one("#problem-main", TabbedContent).active = "tab-peer"
            assert app.screen.query_one("#peer-dir", Input).value == str(root)
            members = app.screen.query_one("#peer-members", DataTable)
            await _until(pilot, lambda: members.row_count == 4 and not any(
                "…" in str(members.get_row_at(i)) for i in range(4)))  # every row judged
            cells = [[str(c) for c in members.get_row_at(i)] for i in range(members.row_count)]
            by_file = {row[-1]: row for row in cells}
            assert by_file["alice/2667.c"][2] == "AC"
            assert by_file["bob/2667.py"][2] == "WA"  # diagonal neighbours
            assert by_file["alice/2667_first_try.py"][2] == "CE"
            pane.show_solution(next(s for s in pane.solutions if s.rel == "bob/2667.py"))
            code = app.screen.query_one("#peer-code", TextArea)
            code.select_line(2)
            code.focus()
            await _until(pilot, lambda: app.focused is code)  # focus moves on the next tick
            await pilot.press("c")
            await pilot.press(*"- queue")  # a comment may start with a dash
            await pilot.press("enter")
            await _until(pilot, lambda: "queue" in str(
                app.screen.query_one("#peer-notes", Static).content))
            assert str(app.screen.query_one("#peer-notes", Static).content).startswith("L3-3 ")
            await press_quit(app)

    asyncio.run(drive())
