"""Week: the week in one page, the same text ``studylog week`` prints (markdown or the weekly
회고 blog post). ``[`` / ``]`` go a week back / forward, ``t`` to this week, ``b`` switches
between the page and the blog post. Opened from the palette ("Week") or the Journal screen
(ctrl+y, on the calendar's week).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message

from studylog.tui.screens.base import StudyScreen
from studylog.tui.widgets.footer import StudyFooter
from studylog.tui.widgets.plain import Label, Static
from studylog.words import current_lang


@dataclass
class WeekLoaded(Message):
    """A week's page was built and worded."""

    start: str
    heading: str
    text: str


class WeekScreen(StudyScreen):
    """One week: days, lectures, problems, runs, to-dos, reviews, retrospectives, streak."""

    MAIN_INPUT = "#week-scroll"
    BINDINGS = [
        Binding("left_square_bracket", "shift(-7)", "Prev"),
        Binding("right_square_bracket", "shift(7)", "Next"),
        Binding("t", "this_week", "This week"),
        Binding("b", "toggle_blog", "Post"),
        Binding("escape", "back", "Back", show=False),
    ]

    def __init__(self, date: str | None = None) -> None:
        super().__init__()
        self.date = date
        self.blog = False
        self.start = ""

    def compose(self) -> ComposeResult:
        self.date = self.date or self.studylog.today
        yield Label("", id="week-heading", classes="panel-title")
        with VerticalScroll(id="week-scroll"):
            yield Static("", id="week-text")
        yield StudyFooter()

    def on_mount(self) -> None:
        self.load_week(self.date or self.studylog.today)

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        if self.start:
            self.load_week(self.start)

    @work(thread=True, exclusive=True, group="week", exit_on_error=False, description="week")
    def load_week(self, date: str) -> None:
        """Build the week holding ``date`` and word it as the CLI does."""
        from studylog.config import Settings
        from studylog.study import week
        from studylog.study import words as week_words

        settings = Settings.load()
        lang = current_lang()
        start, end = week.week_of(date, settings)
        with self.studylog.gate.use() as db:
            page = week.build_week(db, start, end, settings, self.studylog.today)
        render = week_words.week_blog if self.blog else week_words.week_markdown
        self.post_message(WeekLoaded(start, week_words.week_heading(page, lang), render(page, lang)))

    def on_week_loaded(self, message: WeekLoaded) -> None:
        self.start = message.start
        self.query_one("#week-heading", Label).update(message.heading)
        self.query_one("#week-text", Static).update(Text(message.text))  # no markup: "[ ]"

    def action_shift(self, days: int) -> None:
        import datetime as dt

        base = dt.date.fromisoformat(self.start or self.date or self.studylog.today)
        self.load_week((base + dt.timedelta(days=days)).isoformat())

    def action_this_week(self) -> None:
        self.load_week(self.studylog.today)

    def action_toggle_blog(self) -> None:
        self.blog = not self.blog
        self.load_week(self.start or self.studylog.today)

    def action_back(self) -> None:
        """Back to the screen below (when opened from the Journal)."""
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
