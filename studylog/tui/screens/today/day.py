"""A past (or future) day opened from the Journal, read-only or for editing."""

from __future__ import annotations

from textual.binding import Binding

from studylog.tui.screens.today.screen import TodayScreen


class DayScreen(TodayScreen):
    """The Today screen on another date; esc saves and goes back."""

    BINDINGS = [Binding("escape", "back", "Back", priority=True)]

    async def action_back(self) -> None:
        await self.flush_pending()
        self.dismiss()
