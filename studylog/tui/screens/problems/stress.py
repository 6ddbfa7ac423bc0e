"""The stress half of the Solve tab: random cases against the reference, progress, and the
minimal failing case with the program's own output (mixed into :class:`.solve.SolvePane`)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.containers import Vertical
from textual.widgets import Input, ProgressBar

from studylog.faults import error_line
from studylog.judge import JudgeResult, Problem, StressResult, stress_report
from studylog.judge import words as present
from studylog.tui.screens.problems.messages import StressFinished, StressProgress
from studylog.tui.widgets.plain import Label, Static
from studylog.tui.words import ui
from studylog.words import current_lang

if TYPE_CHECKING:
    from studylog.tui.app import StudylogApp


MAX_CASES = 100_000  # random cases in one stress run, as `solve --stress N` allows

class StressRuns(Vertical):
    """Stress runs of the target problem (the Solve tab provides the widgets and the helpers)."""

    target: Problem | None
    cancel: threading.Event | None
    finished: JudgeResult | StressResult | None

    if TYPE_CHECKING:
        @property
        def studylog(self) -> StudylogApp: ...

        def ready(self) -> Path | None: ...

        def busy(self) -> bool: ...

        def _start(self, text: str, total: int | None = None) -> threading.Event: ...

    # --- stress ---------------------------------------------------------------------------

    def start_stress(self) -> None:
        """Stress the chosen file against the target's reference."""
        src = self.ready()
        if src is None or self.busy() or self.target is None:
            return
        n = int(self.query_one("#stress-n", Input).value or "100")
        if not 1 <= n <= MAX_CASES:  # the CLI's --stress bounds
            self.notify(ui("stress count range", current_lang()), severity="error")
            return
        p = self.target
        cancel = self._start(present.stress_start_line(f"{p.id} {p.title} ← {src.name}", n,
                                                       current_lang()), n)
        self.run_stress(p, src, n, cancel)

    @work(thread=True, exclusive=True, group="judge", exit_on_error=False, description="stress")
    def run_stress(self, problem: Problem, source: Path, n: int, cancel: threading.Event) -> None:
        """Random cases against the reference; a failure is shrunk and saved."""
        from studylog.judge import ShrinkStep, StressFound, stress_and_save
        from studylog.judge import StressFinished as Done
        from studylog.judge import StressProgress as Progress

        result: StressResult | None = None
        error = ""
        lang = current_lang()
        db = self.studylog.gate.open_private()
        try:
            for ev in stress_and_save(db, problem, source, n, cancel=cancel):
                if isinstance(ev, Progress):
                    self.post_message(StressProgress(ev.done, ev.total))
                elif isinstance(ev, StressFound):
                    self.post_message(StressProgress(
                        -1, n, present.stress_found_line(ev.index, ev.verdict.value, lang)))
                elif isinstance(ev, ShrinkStep):
                    self.post_message(StressProgress(
                        -1, n, present.shrink_line(ev.steps, ev.evaluations, ev.size, lang)))
                elif isinstance(ev, Done):
                    result = ev.result
        except Exception as exc:
            error = error_line(exc)
        finally:
            db.conn.close()
            self.post_message(StressFinished(problem.id, 1, result, error))

    def on_stress_progress(self, message: StressProgress) -> None:
        if message.done >= 0:
            self.query_one("#judge-progress", ProgressBar).update(progress=message.done)
            self.query_one("#judge-summary", Label).update(
                present.stress_progress_line(message.done, message.total, current_lang()))
        if message.note:
            self.query_one("#judge-summary", Label).update(message.note)

    def on_stress_finished(self, message: StressFinished) -> None:
        self.cancel = None
        words = current_lang()
        r = message.result
        detail = ""
        if r is None:
            text = f"{present.word('stress failed', words)}: {message.error}"
            self.notify(text, severity="error", timeout=8)
        else:
            self.finished = r
            self.query_one("#judge-progress", ProgressBar).update(total=max(1, r.cases),
                                                                  progress=r.cases)
            text = present.stress_line(r, message.seed, words)
            report = stress_report(r)
            if r.compile_message:
                detail = r.compile_message
            elif report is not None:
                detail = report.text(words) + "\n\n" + present.saved_line(message.problem_id,
                                                                            words)
            self.notify(text, severity="warning" if r.failed else "information")
        self.query_one("#judge-summary", Label).update(text)
        self.query_one("#judge-detail", Static).update(detail)
