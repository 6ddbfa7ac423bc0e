"""The studylog Textual app: five screens (modes), the palette, themes; see :func:`create_app`.

The app itself only wires things together: screens live in ``screens/``, palette commands in
``commands.py``, styles in ``styles/*.tcss`` and database access in ``dbgate.py``.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual.app import App, ScreenStackError, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from studylog.config import study_today
from studylog.tui.dbgate import DatabaseChanged, DbGate
from studylog.tui.screens import SCREENS_BY_MODE, make_screen

STYLES = Path(__file__).parent / "styles"
POLL_S = 0.5  # how often the app looks for other processes' writes (PRAGMA data_version)
WARM_AFTER_S = 3.0  # then a spare training child starts (torch imported ahead for the Train screen)


class StudylogApp(App):
    """The app a student keeps open all day; opens on Today."""

    TITLE = "studylog"
    CSS_PATH = [STYLES / "app.tcss", STYLES / "screens.tcss"]
    MODES = {mode: functools.partial(make_screen, mode) for mode in SCREENS_BY_MODE}
    DEFAULT_MODE = "today"
    BINDINGS = [
        Binding("f1", "help", "Help", priority=True),
        Binding("f2", "switch_mode('today')", "Today", priority=True),
        Binding("f3", "switch_mode('journal')", "Journal", priority=True),
        Binding("f4", "switch_mode('problems')", "Problems", priority=True),
        Binding("f5", "switch_mode('train')", "Train", priority=True),
        Binding("f6", "switch_mode('stats')", "Stats", priority=True),
        Binding("ctrl+t", "toggle_theme", "Theme", priority=True, show=False),
    ]

    def __init__(self, db_path: Path, today: str | None = None) -> None:
        super().__init__()
        self.gate = DbGate(db_path)
        self.today = today or study_today()
        self.theme = "textual-dark"

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """A notification, its text never read as markup (it often holds a path or the
        user's own words; see :mod:`studylog.tui.widgets.plain`)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def on_mount(self) -> None:
        self.set_interval(POLL_S, self._poll_database, name="poll-db")
        if not self.is_headless and threading.current_thread() is threading.main_thread():
            # The terminal closed: save what was typed, then go (never through Textual).
            from studylog.tui.hangup import Hangup

            Hangup(self, asyncio.get_running_loop()).install()
        if not self.is_headless:
            self.set_timer(WARM_AFTER_S, self._warm_training, name="warm-training")

    def _warm_training(self) -> None:
        """Start the spare training child (see ``studylog.train.child.prewarm``) off the loop,
        once the first screen is up: a run from the Train screen then starts without torch's
        import."""
        from studylog.train.child import prewarm

        self.run_worker(prewarm, thread=True, exit_on_error=False, group="warm-training",
                        description="spare training process")

    def _poll_database(self) -> None:
        """Tell the current screen when another process changed the database."""
        try:
            screen = self.screen
        except ScreenStackError:  # between two screens (a mode switch) or quitting: next poll
            return
        if self.gate.changed_elsewhere():
            screen.post_message(DatabaseChanged())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The screens by name and the common actions, then Textual's own commands."""
        from studylog.tui.commands import system_commands

        yield from system_commands(self, screen, self.show_help, self.action_toggle_theme)
        yield from super().get_system_commands(screen)

    def settle_heap(self) -> None:
        """Move everything alive now out of the garbage collector's sight (``gc.freeze``).

        Called once the first screen is up: full collections then only scan objects made since,
        which keeps the pauses they cause in the event loop short (they stalled typing for
        ~150-250 ms on the ten-year database).
        """
        gc.collect()
        gc.freeze()

    async def _close_palette(self) -> None:
        """Close the command palette if it is on top: F1-F6 are priority keys and act while it
        is open; a palette left under another screen, or in another mode's stack, made the
        next ctrl+p push a second one with the same id (DuplicateIds: the app crashed)."""
        from textual.command import CommandPalette

        if isinstance(self.screen, CommandPalette):  # its own escape: it stops gathering first
            await self.screen.run_action("escape")

    def action_command_palette(self) -> None:
        """Show the command palette, unless one is already open anywhere."""
        from textual.command import CommandPalette

        if any(isinstance(s, CommandPalette) for stack in self._screen_stacks.values()
               for s in stack):
            return
        super().action_command_palette()

    async def action_switch_mode(self, mode: str) -> None:
        """Show the screen of ``mode`` (F2-F6), closing the command palette first."""
        await self._close_palette()
        await super().action_switch_mode(mode)

    async def action_help(self) -> None:
        """Show the keys of the app and of the current screen (F1: over an open palette too)."""
        await self._close_palette()
        self.show_help()

    def show_help(self) -> None:
        """Push the help screen unless it is on top (the palette's Help command: the palette
        has closed itself by then)."""
        from studylog.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        """Switch between the dark and the light theme."""
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    async def action_quit(self) -> None:
        """Save every editor that has unsaved text, then leave."""
        await self.flush_all()
        self.exit()

    def pending_saves(self, show: bool = True) -> list[tuple[Any, list[Any]]]:
        """(screen, its unsaved text as pending saves) for every screen with an editor; the
        saves are taken out of the screens' autosavers (the caller writes them)."""
        found: list[tuple[Any, list[Any]]] = []
        for stack in list(self._screen_stacks.values()):
            for screen in list(stack):
                take = getattr(screen, "pending_saves", None)
                if take is not None:
                    found.append((screen, take(show)))
        return found

    async def flush_all(self) -> None:
        """Write pending editor text on every screen (awaits the save workers)."""
        for stack in self._screen_stacks.values():
            for screen in stack:
                flush = getattr(screen, "flush_pending", None)
                if flush is not None:
                    await flush()

    def on_unmount(self) -> None:
        from studylog.train.child import drop_spare

        drop_spare()
        self.gate.close()


def create_app(db_path: Path, today: str | None = None) -> App:
    """The app on the database at ``db_path``; ``today`` (YYYY-MM-DD) fixes the date for tests."""
    from studylog.tui.safe_output import install

    install()  # no escape sequence from the user's text reaches the terminal
    return StudylogApp(Path(db_path), today)
