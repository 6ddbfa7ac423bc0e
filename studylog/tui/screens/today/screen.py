"""Today: the to-do list, an editor per section, today's judge attempts and training runs.

Every edit is saved by a worker after half a second without typing (and at the latest 0.8 s after
the first unsaved keystroke), when the focus leaves an editor, when the screen is left and when
the app quits. ctrl+g exports the day as a blog post (:mod:`.export`), ctrl+l lists the shown
section's revisions (:mod:`.revisions`). ``DayScreen`` (:mod:`.day`) is the same screen on another
date, read-only or for editing.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import DescendantBlur
from textual.timer import Timer
from textual.widgets import TabbedContent, TabPane, TextArea

from studylog.tui.autosave import Autosaver, PendingSave
from studylog.tui.dbgate import DatabaseChanged
from studylog.tui.screens.today.messages import DayLoaded, SectionWritten, TodosChanged
from studylog.tui.screens.today.revisions import SectionRevisions
from studylog.tui.widgets.footer import StudyFooter
from studylog.tui.widgets.plain import DataTable, Label
from studylog.tui.widgets.section_editor import SectionEditor
from studylog.tui.widgets.study_todos import StudyTodos
from studylog.tui.widgets.todo_list import TodoList
from studylog.tui.words import ui
from studylog.words import Lang, current_lang

if TYPE_CHECKING:
    from studylog.journal.day import DayAttempt, DayRecord, DayRun, SectionSave

EDITED_SECTIONS = ("lecture", "assignment", "algorithm", "review", "peer", "retro")
SAVED_MARK_S = 3.0  # how long a tab shows ✓ after its save
NARROW_BELOW = 110  # columns; below it the side bar slims down and the preview hides


class SectionTabs(TabbedContent):
    """The section tabs. Focusing an editor never switches the tab by itself (Textual's
    ``TabbedContent`` does, from a message that can arrive after a newer switch): the screen
    switches tab and focus together (:meth:`TodayScreen.show_section`)."""

    def _on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        event.stop()
        event.prevent_default()


def day_heading(record: DayRecord, lang: Lang, today: str) -> str:
    """'2026-11-28 (토) · week4(3) · 학습기록 17' from a day record (no number for an empty past
    day)."""
    from studylog.journal import words as present

    return present.day_heading(record.date, record, lang,
                               has_record=record.exists or record.date >= today)


class TodayScreen(SectionRevisions):
    """The day's record; the first screen of the app."""

    MAIN_INPUT = "TabPane.-active TextArea"
    BINDINGS = [
        # The keys that move the focus are priority bindings: the app runs them as it takes
        # the key, before it hands on the next one, so no typed key can reach the editor
        # that was focused before (a plain binding runs only after the key has passed through
        # the focused widget's queue, while the next keys are already queued there).
        Binding("ctrl+n", "new_todo", "To-do", priority=True),
        Binding("ctrl+o", "next_section(1)", "Section", priority=True),
        Binding("ctrl+b", "next_section(-1)", "Prev section", show=False, priority=True),
        Binding("ctrl+s", "save_now", "Save", show=False),
        Binding("ctrl+r", "toggle_preview", "Preview", show=False),
        Binding("ctrl+g", "export_blog", "Blog"),
        Binding("ctrl+l", "history", "History", show=False),  # the footer is full; F1 lists it
    ]

    def __init__(self, date: str | None = None, readonly: bool = False) -> None:
        super().__init__()
        self.date = date or ""  # "" until compose: the app's today
        self.readonly = readonly
        self.saver = Autosaver()
        self._timer: Timer | None = None
        self._last_edit = 0.0
        self._loaded = False
        self._sections: list[Any] = []
        self._shown = ""  # the section whose tab is shown; "" until compose
        self._marks: dict[str, str] = {}  # the save mark each tab shows now
        self.lang: Lang = "ko"

    def compose(self) -> ComposeResult:
        from studylog.journal import words as present
        from studylog.journal.sections import SECTIONS

        self.lang = current_lang()
        self.date = self.date or self.studylog.today
        is_today = self.date == self.studylog.today
        self._sections = [s for s in SECTIONS if s.key in EDITED_SECTIONS]
        self._shown = self._sections[0].key
        with Horizontal(id="day-head"):
            yield Label(self.date, id="day-date")
            yield Label("", id="day-title")
            yield Label(present.readonly_label(self.lang) if self.readonly else "", id="day-mode")
        with Horizontal(id="day-body"):
            with Vertical(id="day-side"):
                yield TodoList(readonly=self.readonly, lang=self.lang, id="todos")
                yield StudyTodos(readonly=self.readonly, id="study-todos")  # carried, reviews
                yield Label(present.attempts_title(is_today, self.lang), classes="panel-title")
                yield DataTable(id="day-attempts", cursor_type="row", zebra_stripes=True)
                yield Label(present.runs_title(is_today, self.lang), classes="panel-title")
                yield DataTable(id="day-runs", cursor_type="row", zebra_stripes=True)
            with SectionTabs(id="sections"):
                for section in self._sections:
                    with TabPane(present.section_name(section.key, self.lang),
                                 id=f"tab-{section.key}"):
                        yield SectionEditor(section.key, readonly=self.readonly,
                                            id=f"sec-{section.key}")
        yield StudyFooter()

    def on_mount(self) -> None:
        from studylog.journal import words as present

        self.query_one("#day-attempts", DataTable).add_columns(*present.attempt_columns(self.lang))
        self.query_one("#day-runs", DataTable).add_columns(*present.run_columns(self.lang))
        self.load_day()

    def on_resize(self, event: events.Resize) -> None:
        """Narrow terminals get the compact layout (see screens.tcss)."""
        self.set_class(event.size.width < NARROW_BELOW, "narrow")

    def on_database_changed(self, _message: DatabaseChanged) -> None:
        """Another process wrote: reload (editors with typing of their own are merged on save)."""
        if self._loaded:
            self.load_day()

    def on_screen_resume(self) -> None:
        if self._loaded:
            self.load_day()

    async def on_screen_suspend(self) -> None:
        self.flush()

    # --- loading ----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load", exit_on_error=False, description="loading")
    def load_day(self) -> None:
        """Read the day's record in a worker."""
        from studylog.config import Settings
        from studylog.journal.day import load_day

        settings = Settings.load()
        with self.studylog.gate.use() as db:
            record = load_day(db, self.date, settings)
        self.post_message(DayLoaded(record))

    async def on_day_loaded(self, message: DayLoaded) -> None:
        record = message.record
        self.query_one("#day-date", Label).update(
            day_heading(record, self.lang, self.studylog.today))
        self.query_one("#day-title", Label).update(record.title or "")
        for section in self._sections:
            editor = self.query_one(f"#sec-{section.key}", SectionEditor)
            text = record.sections.get(section.key, "")
            if self.saver.take_loaded(section.key, record.versions.get(section.key, 0), text,
                                      editor.editor.text):
                editor.set_text(text)
        await self.query_one(TodoList).show(record.todos)
        self.query_one(StudyTodos).load(self.date)
        self._fill_attempts(record.attempts)
        self._fill_runs(record.runs)
        if not self._loaded:
            self.call_after_refresh(self.studylog.settle_heap)
        self._loaded = True

    def _fill_attempts(self, attempts: list[DayAttempt]) -> None:
        table = self.query_one("#day-attempts", DataTable)
        table.clear()
        for a in attempts:
            table.add_row(a.problem_id, a.verdict, str(a.attempts), a.title)

    def _fill_runs(self, runs: list[DayRun]) -> None:
        table = self.query_one("#day-runs", DataTable)
        table.clear()
        from studylog.train.words import status_word  # words only: no torch

        for r in runs:
            acc = r.best_val_acc
            table.add_row(f"#{r.id}", status_word(r.status, self.lang),
                          f"{acc:.3f}" if acc is not None else "", r.model, str(r.epochs_done))

    # --- editing and autosave --------------------------------------------------------------

    @on(TextArea.Changed)
    def _edited(self, event: TextArea.Changed) -> None:
        if self.readonly or not event.text_area.id or not event.text_area.id.startswith("ed-"):
            return
        section = event.text_area.id.removeprefix("ed-")
        self._note_edit(section, event.text_area.text)

    def _note_edit(self, section: str, text: str) -> None:
        """Count ``text`` as the section's unsaved text and arm the debounce."""
        self.query_one(f"#sec-{section}", SectionEditor).handled_text = text
        overdue = self.saver.mark(section, text)
        self.mark_tab(section, "dirty")
        self._last_edit = time.monotonic()
        if overdue:
            self.flush()
        elif self._timer is None:
            self._timer = self.set_timer(self.saver.debounce_s, self._debounce_due)

    def _debounce_due(self) -> None:
        """The debounce timer fired: save, or wait again when typing went on meanwhile (one
        timer at a time, never ``reset()``, which does nothing to a timer already fired)."""
        self._timer = None
        wait = self._last_edit + self.saver.debounce_s - time.monotonic()
        if wait > 0.01 and not self.saver.overdue():
            self._timer = self.set_timer(wait, self._debounce_due)
        else:
            self.flush()

    @on(DescendantBlur)
    def _blurred(self, event: DescendantBlur) -> None:
        if isinstance(event.widget, TextArea):
            self.flush()

    def flush(self) -> None:
        """Start saving every section with unsaved text."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.collect_edits()
        for save in self.saver.take():
            self.save_section(save)

    def collect_edits(self, show: bool = True) -> None:
        """Count typing whose Changed message is still queued: quit and hang-up come as
        priority keys or signals, ahead of those messages, and must save that text too.

        ``show=False`` leaves the tabs alone (no Textual call: the hang-up may read the editors
        from another thread when the event loop is stuck)."""
        if self.readonly:
            return
        for editor in self.query(SectionEditor):
            text = editor.editor.text
            if text != editor.handled_text:
                editor.handled_text = text
                self.saver.mark(editor.section, text)
                if show:
                    self.mark_tab(editor.section, "dirty")

    async def flush_pending(self) -> None:
        """Save what is unsaved and wait until every save is written (used at exit)."""
        self.flush()
        for worker in list(self.workers):
            if worker.group == "save":
                await worker.wait()

    def pending_saves(self, show: bool = True) -> list[PendingSave]:
        """Every section's unsaved text, taken from the editors themselves, handed over for a
        save outside the event loop (the hang-up writes them with :meth:`write_save`)."""
        self.collect_edits(show)
        return self.saver.take()

    def action_save_now(self) -> None:
        self.flush()
        self.notify(ui("saved now", self.lang), timeout=1.5)

    @work(thread=True, group="save", exit_on_error=False, description="saving")
    def save_section(self, save: PendingSave) -> None:
        """Write one section's text (older text than already written is skipped).

        The save carries the version the editor started from, so a change another process
        saved meanwhile is merged, not overwritten.
        """
        with self.saver.lock, self.studylog.gate.use() as db:
            result = self.write_save(save, db)
        if result is not None:
            self.post_message(SectionWritten(result))

    def write_save(self, save: PendingSave, db: Any) -> SectionSave | None:
        """Write ``save`` on ``db`` with its base (call with ``saver.lock`` held; any thread);
        None when a newer text of the section was written already."""
        from studylog.journal import words as present
        from studylog.journal.day import set_section_text

        if not self.saver.should_write(save):
            return None
        version, base = self.saver.base(save.section)
        result = set_section_text(db, self.date, save.section, save.text,
                                  base_version=version, base_text=base,
                                  marker=present.merge_marker(self.lang))
        self.saver.written(save)
        self.saver.after_save(save.section, result.version, save.text, result.merged)
        return result

    def on_section_written(self, message: SectionWritten) -> None:
        from studylog.journal import words as present

        result = message.result
        self._settle_mark(result.section)
        if result.merged:
            editor = self.query_one(f"#sec-{result.section}", SectionEditor)
            if self.saver.take_loaded(result.section, result.version, result.text,
                                      editor.editor.text):
                editor.set_text(result.text)
            self.notify(present.merged_notice(result.section, result.conflicted, self.lang),
                        severity="warning" if result.conflicted else "information")

    def mark_tab(self, section: str, state: str) -> None:
        """Show a section's save state on its tab: • unsaved typing, ✓ saved.

        The label is set only when the mark changes: setting it relayouts the tab bar, which
        on every keystroke cost a full layout of the screen.
        """
        from studylog.journal import words as present

        if self._marks.get(section, "") == state:
            return
        self._marks[section] = state
        tab = self.query_one(TabbedContent).get_tab(f"tab-{section}")
        mark = present.saved_mark(state)
        tab.label = present.section_name(section, self.lang) + (f" {mark}" if mark else "")

    def _settle_mark(self, section: str) -> None:
        """Show ✓ on a saved section's tab once typing pauses. A save in the middle of typing
        leaves the • as it is: the next key would bring it back at once, and each change of a
        tab's label relayouts the tab bar (one keystroke in ten paid for it)."""
        if self.saver.is_dirty(section):
            return  # typed since: the next save settles it
        quiet = self._last_edit + self.saver.debounce_s - time.monotonic()
        if quiet > 0:
            self.set_timer(quiet, lambda: self._settle_mark(section))
            return
        self.mark_tab(section, "saved")
        self.set_timer(SAVED_MARK_S, lambda: self._unmark(section))

    def _unmark(self, section: str) -> None:
        if not self.saver.is_dirty(section):
            self.mark_tab(section, "")

    # --- to-dos -----------------------------------------------------------------------------

    def action_new_todo(self) -> None:
        if not self.readonly:
            self.set_focus(self.query_one("#todo-input"), scroll_visible=False)

    @on(TodoList.Request)
    def _todo_request(self, request: TodoList.Request) -> None:
        if not self.readonly:
            self.change_todos(request)

    @work(thread=True, group="todos", exit_on_error=False, description="to-do")
    def change_todos(self, request: TodoList.Request) -> None:
        """Apply one to-do change and read the list back."""
        from studylog.journal import day as journal_day

        focus = request.todo_id
        with self.studylog.gate.use() as db:
            if request.kind == "add":
                focus = journal_day.add_todo(db, self.date, request.text)
            elif request.todo_id is None:
                return
            elif request.kind == "done":
                journal_day.set_todo_done(db, request.todo_id, request.done)
            elif request.kind == "move":
                journal_day.move_todo(db, self.date, request.todo_id, request.index)
            elif request.kind == "delete":
                journal_day.delete_todo(db, request.todo_id)
                focus = None
            from studylog.config import Settings

            todos = journal_day.load_day(db, self.date, Settings.load()).todos
        self.post_message(TodosChanged(todos, focus))

    async def on_todos_changed(self, message: TodosChanged) -> None:
        await self.query_one(TodoList).show(message.todos, message.focus_id)

    # --- sections ---------------------------------------------------------------------------

    def action_next_section(self, delta: int) -> None:
        keys = [s.key for s in self._sections]
        self.show_section(keys[(keys.index(self.current_section()) + delta) % len(keys)])

    def current_section(self) -> str:
        """The key of the section whose tab is shown (the screen's own record of it, never
        behind a queued tab message)."""
        return self._shown or self._sections[0].key

    def focus_main(self) -> None:
        """Put the cursor in the shown section's editor."""
        self.show_section(self.current_section())

    def show_section(self, key: str) -> None:
        """Show a section's tab and put the cursor in its editor, both at once.

        The tab and the focus change in the same call (``set_focus``, not the deferred
        ``focus()``), and the tab change posts no message, so a key handled next (however
        fast it follows) goes to the editor on screen.
        """
        self._shown = key
        tabs = self.query_one(TabbedContent)
        with self.prevent(TabbedContent.TabActivated):
            tabs.active = f"tab-{key}"
        self.set_focus(self.query_one(f"#ed-{key}", TextArea), scroll_visible=False)

    @on(TabbedContent.TabActivated)
    def _tab(self, event: TabbedContent.TabActivated) -> None:
        """A tab clicked (or chosen on the tab bar): its editor takes the focus."""
        key = (event.pane.id or "").removeprefix("tab-")
        if key and key != self._shown:
            self.show_section(key)

    def action_toggle_preview(self) -> None:
        self.toggle_class("no-preview")

    # --- export and revisions ----------------------------------------------------------------

    def action_export_blog(self) -> None:
        self.flush()
        self.export_blog()

    @work(thread=True, group="export", exit_on_error=False, description="export")
    def export_blog(self) -> None:
        """Render the day as a blog post and show it."""
        from studylog.config import Settings
        from studylog.journal.publish.post import export_blog
        from studylog.peer.day import with_peer_lines
        from studylog.study.study_todos import export_lines
        from studylog.words import current_lang

        settings, lang = Settings.load(), current_lang()
        with self.saver.lock, self.studylog.gate.use() as db:
            study_lines = export_lines(db, self.date, settings, "blog", lang)
            text = with_peer_lines(db, self.date, "blog",
                                   export_blog(db, self.date, settings, lang, study_lines), lang)
        self.app.call_from_thread(self._show_export, text)

    def _show_export(self, text: str) -> None:
        from studylog.tui.screens.today.export import ExportScreen

        self.app.push_screen(ExportScreen(self.date, text))

    async def action_history(self) -> None:
        """Save what is typed, then list the shown section's revisions."""
        await self.flush_pending()
        self.load_history(self.current_section())
