"""A section's revisions on a day screen: list them in a modal (:mod:`.history`) and restore
one as a new revision. :class:`SectionRevisions` is the base of
:class:`~studylog.tui.screens.today.screen.TodayScreen`: it declares the four attributes of the
day it reads and asks nothing else of the screen (ctrl+l there saves what is typed, then calls
:meth:`SectionRevisions.load_history`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from studylog.tui.autosave import Autosaver
from studylog.tui.screens.base import StudyScreen

if TYPE_CHECKING:
    from studylog.journal.day import Revision, SectionSave
    from studylog.words import Lang


class SectionRevisions(StudyScreen):
    """A day screen's section revisions: list, show, restore."""

    date: str  # the day shown
    lang: Lang
    readonly: bool  # a read-only day lists revisions but restores none
    saver: Autosaver  # its lock keeps a restore apart from the autosaves

    @work(thread=True, group="history", exit_on_error=False, description="history")
    def load_history(self, section: str) -> None:
        """Read a section's revisions and show them in a modal."""
        from studylog.journal.day import history

        with self.studylog.gate.use() as db:
            revs = history(db, self.date, section)
        self.app.call_from_thread(self._show_history, section, revs)

    def _show_history(self, section: str, revs: list[Revision]) -> None:
        from studylog.journal import words as present
        from studylog.tui.screens.today.history import HistoryScreen

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
