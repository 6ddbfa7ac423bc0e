"""Journal: a month calendar heatmap, the month's days, and search as you type.

Enter opens the highlighted day read-only, ``e`` opens it for editing (both in a DayScreen on top
of this one; esc comes back).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input

from studylog.tui.dbgate import DatabaseChanged
from studylog.tui.screens.base import StudyScreen
from studylog.tui.widgets.calendar import MonthCalendar
from studylog.tui.widgets.footer import StudyFooter
from studylog.tui.widgets.plain import DataTable, Label
from studylog.words import Lang, current_lang

if TYPE_CHECKING:  # the journal loads in the workers, not at start-up
    from studylog.journal.day import DayRecord
    from studylog.journal.search import SearchHit

SEARCH_DELAY_S = 0.15

#: a day of the month list: (key, date, first line, entries, to-dos)
MonthRow = tuple[str, str, str, str, str]


@dataclass
class ActivityLoaded(Message):
    """Entries written per date, for the calendar heatmap."""

    activity: dict[str, int]


@dataclass
class MonthLoaded(Message):
    """The days of a month that have a record, one row each."""

    rows: list[MonthRow]


@dataclass
class SearchDone(Message):
    """The hits of a search-as-you-type query."""

    query: str
    hits: list[SearchHit]


def one_line(text: str, width: int) -> str:
    """First non-empty line of ``text``, cut to ``width`` characters."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= width else line[: width - 1] + "…"


class JournalScreen(StudyScreen):
    """Every day of the record, by month or by search."""

    MAIN_INPUT = "#journal-search"
    BINDINGS = [
        Binding("ctrl+f", "focus_search", "Search"),
        Binding("e", "open_selected(True)", "Edit day"),  # typed into the search box there
        Binding("ctrl+e", "open_selected(True)", "Edit day", show=False),
        Binding("ctrl+y", "open_week", "Week", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._search_timer: Timer | None = None
        self._mode = "month"
        self._return_focus: Widget | None = None
        self.lang: Lang = "ko"

    def compose(self) -> ComposeResult:
        from studylog.journal import words as present

        self.lang = current_lang()
        with Horizontal():
            with Vertical(id="journal-side"):
                yield Label(present.calendar_title(self.lang), classes="panel-title")
                yield MonthCalendar(self.studylog.today, id="calendar")
                yield Label("", id="journal-info", classes="muted")
            with Vertical(id="journal-main"):
                yield Input(placeholder=present.search_placeholder(self.lang),
                            id="journal-search")
                yield Label("", id="journal-caption", classes="panel-title")
                yield DataTable(id="journal-list", cursor_type="row", zebra_stripes=True)
        yield StudyFooter()

    def on_mount(self) -> None:
        self.load_activity()
        self.load_month(self.studylog.today)

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.refresh_all()
        if self._return_focus is not None:  # back from a day: focus where it was
            widget, self._return_focus = self._return_focus, None
            self.call_after_refresh(widget.focus)

    def on_database_changed(self, _message: DatabaseChanged) -> None:
        """Another process wrote: refresh the counts, the calendar shading and the list."""
        self.refresh_all()

    def refresh_all(self) -> None:
        """Reload the heatmap and the list (the month, or the current search)."""
        self.load_activity()
        self._search_now()

    # --- month --------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="activity", exit_on_error=False,
          description="calendar")
    def load_activity(self) -> None:
        """Entries per day for the heatmap."""
        from studylog.journal.stats import compute_stats

        with self.studylog.gate.use() as db:
            stats = compute_stats(db, self.studylog.today)
        self.post_message(ActivityLoaded(dict(stats.activity)))

    def on_activity_loaded(self, message: ActivityLoaded) -> None:
        calendar = self.query_one(MonthCalendar)
        calendar.activity = message.activity
        from studylog.journal import words as present

        self.query_one("#journal-info", Label).update(
            present.journal_info(len(message.activity), self.lang))

    @work(thread=True, exclusive=True, group="month", exit_on_error=False, description="days")
    def load_month(self, day: str) -> None:
        """The days of ``day``'s month that have a record, with a line about each."""
        from studylog.config import Settings
        from studylog.journal.day import load_day
        from studylog.journal.publish.exchange import recorded_dates as dates

        month = day[:7]
        settings = Settings.load()
        rows: list[MonthRow] = []
        with self.studylog.gate.use() as db:
            for date in dates(db, since=f"{month}-01", until=f"{month}-31"):
                rec = load_day(db, date, settings)
                rows.append(_day_row(rec))
        self.post_message(MonthLoaded(rows))

    @on(MonthCalendar.Moved)
    def _moved(self, event: MonthCalendar.Moved) -> None:
        if event.month_changed and self._mode == "month":
            self.load_month(event.date)
        elif self._mode == "month":
            self._highlight(event.date)

    @on(MonthCalendar.Open)
    def _open_from_calendar(self, event: MonthCalendar.Open) -> None:
        self.open_day(event.date, edit=event.edit)

    # --- search -------------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.query_one("#journal-search", Input).focus()

    @on(Input.Changed, "#journal-search")
    def _typed(self, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY_S, self._search_now)

    def _search_now(self) -> None:
        query = self.query_one("#journal-search", Input).value.strip()
        if query:
            self.run_search(query)
        else:
            self.load_month(self.query_one(MonthCalendar).cursor.isoformat())

    @work(thread=True, exclusive=True, group="search", exit_on_error=False, description="search")
    def run_search(self, query: str) -> None:
        """The same search as ``studylog search``."""
        from studylog.journal.search import search

        with self.studylog.gate.use() as db:
            hits = search(db, query, limit=100)
        self.post_message(SearchDone(query, hits))

    @on(Input.Submitted, "#journal-search")
    def _to_list(self) -> None:
        self.query_one("#journal-list", DataTable).focus()

    def on_search_done(self, message: SearchDone) -> None:
        if message.query != self.query_one("#journal-search", Input).value.strip():
            return  # an older query's answer
        from studylog.journal import words as present

        self._mode = "search"
        table = self._cleared_list(present.journal_columns(True, self.lang))
        for i, hit in enumerate(message.hits):
            table.add_row(hit.date, present.section_name(hit.section, self.lang),
                          one_line(hit.snippet, 70), key=f"{hit.date}#{i}")
        self.query_one("#journal-caption", Label).update(
            present.hits_caption(message.query, len(message.hits), self.lang))

    def on_month_loaded(self, message: MonthLoaded) -> None:
        if self.query_one("#journal-search", Input).value.strip():
            return  # a search is shown now
        from studylog.journal import words as present

        self._mode = "month"
        table = self._cleared_list(present.journal_columns(False, self.lang))
        for row in message.rows:
            table.add_row(*row[1:], key=row[0])
        month = self.query_one(MonthCalendar).cursor
        self.query_one("#journal-caption", Label).update(present.month_caption(
            f"{month.year}-{month.month:02d}", len(message.rows), self.lang))
        self._highlight(month.isoformat())

    def _cleared_list(self, columns: list[str]) -> DataTable:
        table = self.query_one("#journal-list", DataTable)
        table.clear(columns=True)
        table.add_columns(*columns)
        return table

    def _highlight(self, date: str) -> None:
        table = self.query_one("#journal-list", DataTable)
        for index, row_key in enumerate(table.rows):
            if row_key.value == date:
                table.move_cursor(row=index)
                return

    # --- opening ------------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#journal-list")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.open_day(str(event.row_key.value).split("#")[0], edit=False)

    def action_open_selected(self, edit: bool) -> None:
        table = self.query_one("#journal-list", DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self.open_day(str(key.value).split("#")[0], edit=edit)

    def action_open_week(self) -> None:
        """Show the week of the calendar's day (studylog.tui.screens.week)."""
        from studylog.tui.screens.week import WeekScreen

        self.app.push_screen(WeekScreen(self.query_one(MonthCalendar).cursor.isoformat()))

    def open_day(self, date: str, edit: bool) -> None:
        """Show ``date`` in a DayScreen (read-only unless ``edit``)."""
        from studylog.tui.screens.today import DayScreen

        self._return_focus = self.focused
        self.app.push_screen(DayScreen(date, readonly=not edit))


def _day_row(record: DayRecord) -> MonthRow:
    """(key, date, first line, entries, to-dos) for the month list."""
    texts = [t for t in record.sections.values() if t.strip()]
    first = one_line(texts[0], 50) if texts else (record.title or "")
    done = sum(1 for t in record.todos if t.done)
    todos = f"{done}/{len(record.todos)}" if record.todos else ""
    return (record.date, record.date, one_line(first, 50), str(len(texts)), todos)
