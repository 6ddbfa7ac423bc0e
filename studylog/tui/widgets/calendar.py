"""A month calendar whose days are shaded by how much was written (a heatmap)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

#: background per activity level (0 = nothing written); readable in dark and light themes
LEVELS = ["", "#0e4429", "#006d32", "#26a641", "#39d353"]


def level(count: int) -> int:
    """Heat level 0..4 of a day with ``count`` entries."""
    if count <= 0:
        return 0
    if count == 1:
        return 1
    if count <= 3:
        return 2
    if count <= 5:
        return 3
    return 4


def shift_month(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months later (clamped to the month's length)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


class MonthCalendar(Widget, can_focus=True):
    """Keys move a cursor day; enter opens it, e opens it for editing."""

    BINDINGS = [
        Binding("left", "move(-1)", "Prev day", show=False),
        Binding("right", "move(1)", "Next day", show=False),
        Binding("up", "move(-7)", "Prev week", show=False),
        Binding("down", "move(7)", "Next week", show=False),
        Binding("pageup", "month(-1)", "Prev month"),
        Binding("pagedown", "month(1)", "Next month"),
        Binding("enter", "open(False)", "Open"),
        Binding("e", "open(True)", "Edit"),
    ]

    DEFAULT_CSS = """
    MonthCalendar { width: 30; height: 9; }
    MonthCalendar:focus { background: $boost; }
    """

    cursor: reactive[dt.date] = reactive(dt.date(2000, 1, 1))
    activity: reactive[dict[str, int]] = reactive(dict, always_update=True)

    @dataclass
    class Moved(Message):
        """The cursor moved to ``date`` (YYYY-MM-DD); ``month_changed`` when it left the month."""

        date: str
        month_changed: bool

    @dataclass
    class Open(Message):
        """Open ``date`` (read-only unless ``edit``)."""

        date: str
        edit: bool

    def __init__(self, day: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.set_reactive(MonthCalendar.cursor, dt.date.fromisoformat(day))

    def render(self) -> Text:
        cur = self.cursor
        text = Text()
        text.append(f"{cur.year}년 {cur.month}월".center(28) + "\n", style="bold")
        text.append(" 월  화  수  목  금  토  일\n", style="dim")
        for week in calendar.Calendar().monthdatescalendar(cur.year, cur.month):
            for day in week:
                if day.month != cur.month:
                    text.append("    ")
                    continue
                lvl = level(self.activity.get(day.isoformat(), 0))
                style = Style(bgcolor=LEVELS[lvl] or None, color="white" if lvl else None)
                if day == cur:
                    style += Style(reverse=True, bold=True)
                text.append(f"{day.day:>3}", style=style)
                text.append(" ")
            text.append("\n")
        return text

    def watch_cursor(self, old: dt.date, new: dt.date) -> None:
        changed = (old.year, old.month) != (new.year, new.month)
        self.post_message(self.Moved(new.isoformat(), changed))

    def action_move(self, days: int) -> None:
        self.cursor = self.cursor + dt.timedelta(days=days)

    def action_month(self, months: int) -> None:
        self.cursor = shift_month(self.cursor, months)

    def action_open(self, edit: bool) -> None:
        self.post_message(self.Open(self.cursor.isoformat(), edit))
