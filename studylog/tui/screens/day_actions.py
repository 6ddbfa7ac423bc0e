"""What the day screens do besides editing: fill the attempts/runs panels, mark the section
tabs, export the blog post, show a section's revisions and restore one (the base class of
:class:`~studylog.tui.screens.today.TodayScreen`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work
from textual.widgets import DataTable, TabbedContent

from studylog.tui.autosave import Autosaver
from studylog.tui.screens.base import StudyScreen
from studylog.words import Lang

if TYPE_CHECKING:
    from studylog.journal.day import SectionSave
    from studylog.store.day_summary import DayAttempt, DayRun
    from studylog.store.revisions import Revision


class DayActions(StudyScreen):
    """Panels, export and history of a day screen (the base of ``TodayScreen``)."""

    date: str
    lang: Lang
    readonly: bool
    saver: Autosaver
    _sections: list[Any]

    def flush(self) -> None:
        """Start saving every section with unsaved text (``TodayScreen`` defines it)."""
        raise NotImplementedError

    async def flush_pending(self) -> None:
        """Save what is unsaved and wait for it (``TodayScreen`` defines it)."""
        raise NotImplementedError

    # --- panels ----------------------------------------------------------------------------

    def _fill_attempts(self, attempts: list[DayAttempt]) -> None:
        table = self.query_one("#day-attempts", DataTable)
        table.clear()
        for a in attempts:
            table.add_row(a.problem_id, a.title, a.verdict, str(a.attempts))

    def _fill_runs(self, runs: list[DayRun]) -> None:
        table = self.query_one("#day-runs", DataTable)
        table.clear()
        from studylog.train.present import status_word  # words only: no torch

        for r in runs:
            acc = r.best_val_acc
            table.add_row(f"#{r.id}", r.model, str(r.epochs_done), status_word(r.status, self.lang),
                          f"{acc:.3f}" if acc is not None else "")

    def mark_tab(self, section: str, state: str) -> None:
        """Show a section's save state on its tab: • unsaved typing, ✓ saved."""
        from studylog.journal import words as present

        tab = self.query_one(TabbedContent).get_tab(f"tab-{section}")
        mark = present.saved_mark(state)
        tab.label = present.section_name(section, self.lang) + (f" {mark}" if mark else "")

    def _unmark(self, section: str) -> None:
        if not self.saver.is_dirty(section):
            self.mark_tab(section, "")

    # --- export ----------------------------------------------------------------------------

    def action_export_blog(self) -> None:
        self.flush()
        self.export_blog()

    @work(thread=True, group="export", exit_on_error=False, description="export")
    def export_blog(self) -> None:
        """Render the day as a blog post and show it."""
        from studylog.config import Settings
        from studylog.journal.publish.post import export_blog
        from studylog.study.study_todos import export_lines
        from studylog.words import current_lang

        settings, lang = Settings.load(), current_lang()
        with self.saver.lock, self.studylog.gate.use() as db:
            study_lines = export_lines(db, self.date, settings, "blog", lang)
            text = export_blog(db, self.date, settings, lang, study_lines)
        self.app.call_from_thread(self._show_export, text)

    def _show_export(self, text: str) -> None:
        from studylog.tui.screens.export import ExportScreen

        self.app.push_screen(ExportScreen(self.date, text))

    # --- history -----------------------------------------------------------------------------

    def current_section(self) -> str:
        """The key of the section whose tab is shown."""
        active = self.query_one(TabbedContent).active or f"tab-{self._sections[0].key}"
        return active.removeprefix("tab-")

    def focus_main(self) -> None:
        """Put the cursor in the shown section's editor."""
        self.query_one(f"#ed-{self.current_section()}").focus()

    async def action_history(self) -> None:
        """Save what is typed, then list the shown section's revisions."""
        await self.flush_pending()
        self.load_history(self.current_section())

    @work(thread=True, group="history", exit_on_error=False, description="history")
    def load_history(self, section: str) -> None:
        """Read a section's revisions and show them in a modal."""
        from studylog.store.revisions import history

        with self.studylog.gate.use() as db:
            revs = history(db, self.date, section)
        self.app.call_from_thread(self._show_history, section, revs)

    def _show_history(self, section: str, revs: list[Revision]) -> None:
        from studylog.journal import words as present
        from studylog.tui.screens.history import HistoryScreen

        if not revs:
            self.notify(present.no_history(self.date, self.lang))
            return
        title = present.history_title(self.date, section, len(revs), self.lang)

        def chosen(rev_id: int | None) -> None:
            if rev_id is not None and not self.readonly:
                self.restore(rev_id)

        self.app.push_screen(HistoryScreen(title, revs, self.lang), chosen)

    @work(thread=True, group="save", exit_on_error=False, description="restore")
    def restore(self, rev_id: int) -> None:
        """Bring a revision back (a new revision) and show it in its editor."""
        from studylog.journal.day import restore_revision

        with self.saver.lock:
            with self.studylog.gate.use() as db:
                rev, result = restore_revision(db, rev_id)
            self.saver.reset_base(rev.section, result.version, result.text)
        self.app.call_from_thread(self._show_restored, rev, result)

    def _show_restored(self, rev: Revision, result: SectionSave) -> None:
        from studylog.journal import words as present
        from studylog.tui.widgets.section_editor import SectionEditor

        self.query_one(f"#sec-{rev.section}", SectionEditor).set_text(result.text)
        self.notify(present.restored_line(rev, result.version, self.lang))
