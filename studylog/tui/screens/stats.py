"""Stats: the writing streak, entries per section per week, and the activity heatmap."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message

from studylog.tui.dbgate import DatabaseChanged
from studylog.tui.screens.base import StudyScreen
from studylog.tui.widgets.footer import StudyFooter
from studylog.tui.widgets.plain import DataTable, Label, Static
from studylog.tui.words import ui
from studylog.words import current_lang

if TYPE_CHECKING:  # the journal loads in the worker, not at start-up
    from studylog.journal.stats import Stats

WEEKS_SHOWN = 12


@dataclass
class StatsLoaded(Message):
    """The journal statistics and the rendered heatmap."""

    stats: Stats
    heatmap: str


class StatsScreen(StudyScreen):
    """Numbers about the record; r reloads."""

    MAIN_INPUT = "#week-table"
    BINDINGS = [Binding("r", "reload", "Reload")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("…", id="streaks")
            yield Label(ui("stats per week", current_lang()), classes="panel-title")
            yield DataTable(id="week-table", zebra_stripes=True, cursor_type="row")
            yield Label(ui("stats activity", current_lang()), classes="panel-title")
            yield Static("", id="heatmap", markup=False)
        yield StudyFooter()

    def on_mount(self) -> None:
        self.load_stats()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.load_stats()

    def on_database_changed(self, _message: DatabaseChanged) -> None:
        """Another process wrote: recompute."""
        self.load_stats()

    def action_reload(self) -> None:
        self.load_stats()

    @work(thread=True, exclusive=True, group="stats", exit_on_error=False, description="stats")
    def load_stats(self) -> None:
        """Compute the stats and the heatmap in a worker."""
        from studylog.journal.stats import compute_stats, render_heatmap

        with self.studylog.gate.use() as db:
            stats = compute_stats(db, self.studylog.today)
        heatmap = render_heatmap(stats.activity, self.studylog.today, lang=current_lang())
        self.post_message(StatsLoaded(stats, heatmap))

    def on_stats_loaded(self, message: StatsLoaded) -> None:
        from studylog.journal.sections import SECTIONS

        stats = message.stats
        from studylog.journal import words as present

        lang = current_lang()
        self.query_one("#streaks", Label).update(
            present.streak_line(stats.current_streak, stats.longest_streak, lang))
        table = self.query_one("#week-table", DataTable)
        table.clear(columns=True)
        table.add_column(ui("stats week", lang), key="week")
        for section in SECTIONS:
            table.add_column(section.name(lang), key=section.key)
        table.add_column(ui("stats total", lang), key="total")
        weeks = sorted(stats.per_section_week)[-WEEKS_SHOWN:]
        for week in reversed(weeks):
            counts = stats.per_section_week[week]
            table.add_row(week, *(str(counts.get(s.key, 0) or "·") for s in SECTIONS),
                          str(sum(counts.values())))
        self.query_one("#heatmap", Static).update(message.heatmap)
