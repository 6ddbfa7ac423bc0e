"""The to-dos a day gets from elsewhere, under the Today screen's own list: retrospective items
carried over (with their origin, ``← 11-20 회고``) and reviews due (``다시 풀기: 2667 …``).

The widget loads and changes them itself, in workers, through the app's database gate; it is
hidden while the day has none. space or x checks an item off (a carried item closes everywhere;
a problem to solve again is checked off by solving it, which the notification says).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ListItem, ListView
from textual.worker import Worker, WorkerState

from studylog.faults import error_line
from studylog.tui.widgets.plain import Label
from studylog.words import current_lang

if TYPE_CHECKING:  # the journal modules (and fsrs) load in the worker, not at start-up
    from studylog.study.carryover import ExtraTodo


class ExtraItem(ListItem):
    """One carried item or due review."""

    def __init__(self, extra: ExtraTodo, text: str) -> None:
        self.extra = extra
        line = Text(f"{'[x]' if extra.done else '[ ]'} ")
        line.append(text, style="strike dim" if extra.done else "")
        super().__init__(Label(line))


class ExtraListView(ListView):
    """The list, with the key to check an item off."""

    BINDINGS = [Binding("space,x", "check", "Check")]

    def action_check(self) -> None:
        item = self.highlighted_child
        if isinstance(item, ExtraItem):
            self.post_message(StudyTodos.Toggle(item.extra))


class StudyTodos(Vertical):
    """Carried items and due reviews of one day."""

    DEFAULT_CSS = """
    StudyTodos { height: auto; max-height: 8; }
    StudyTodos ListView { height: auto; max-height: 7; }
    """

    @dataclass
    class Loaded(Message):
        """The day's extra to-dos were read (``texts``: how each is shown)."""

        date: str
        extras: list[ExtraTodo]
        texts: list[str]
        title: str

    @dataclass
    class Toggle(Message):
        """Check off (or uncheck) an extra to-do."""

        extra: ExtraTodo

    def __init__(self, readonly: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.readonly = readonly
        self.date = ""
        self.display = False

    def compose(self) -> ComposeResult:
        yield Label("", classes="panel-title")
        yield ExtraListView(disabled=self.readonly)

    @work(thread=True, exclusive=True, group="study-todos", exit_on_error=False,
          description="carried items and reviews")
    def load(self, date: str) -> None:
        """Read the day's carried items and due reviews."""
        from studylog.config import Settings
        from studylog.study import words as sp
        from studylog.study.numbering import day_extras

        settings = Settings.load()
        lang = current_lang()
        with self.app.gate.use() as db:  # type: ignore[attr-defined]  # StudylogApp's gate
            extras = day_extras(db, date, settings)
        texts = [sp.extra_text(e, lang) for e in extras]
        title = sp.extras_title(sum(e.done for e in extras), len(extras), lang)
        self.post_message(self.Loaded(date, extras, texts, title))

    async def on_study_todos_loaded(self, message: Loaded) -> None:
        view = self.query_one(ExtraListView)
        if not view.is_attached:  # the screen is going away (the app quits)
            return
        self.date = message.date
        old = view.index
        await view.clear()
        if not view.is_attached:
            return
        await view.extend(ExtraItem(e, t) for e, t in zip(message.extras, message.texts,
                                                          strict=True))
        self.query_one(".panel-title", Label).update(message.title)
        self.display = bool(message.extras)
        if message.extras:
            view.index = min(old or 0, len(message.extras) - 1)

    def on_study_todos_toggle(self, message: Toggle) -> None:
        if not self.readonly and self.date:
            self.toggle(message.extra)

    @work(thread=True, group="study-todos-change", exit_on_error=False, description="to-do")
    def toggle(self, extra: ExtraTodo) -> None:
        """Check the item off (or uncheck it), then read the list again."""
        from studylog.study.study_todos import set_extra_done

        with self.app.gate.use() as db:  # type: ignore[attr-defined]  # StudylogApp's gate
            set_extra_done(db, self.date, extra, not extra.done)
        self.app.call_from_thread(self.load, self.date)

    @on(Worker.StateChanged)
    def _report_error(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.notify(error_line(event.worker.error), severity="warning", timeout=6)
