"""The Solve tab: what will be judged, the file picker, a judge or stress run whose per-test
results fill a table live, and a scrolling failure panel (input, diff, the program's output).

The tab judges its *target*, the problem chosen with enter in the list, named at the top with its
file and limits; moving the list's cursor shows other statements but never changes the target.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.coordinate import Coordinate
from textual.widgets import Button, Input, ProgressBar

from studylog.faults import error_line
from studylog.judge import JudgeResult, Problem, StressResult, failure_report
from studylog.judge import words as present
from studylog.tui.screens.problems.messages import JudgeCompiled, JudgeFinished, JudgeTestDone
from studylog.tui.screens.problems.picker import SOURCE_SUFFIXES, SourceTree
from studylog.tui.screens.problems.stress import StressRuns
from studylog.tui.widgets.plain import DataTable, Label, Static
from studylog.tui.words import ui
from studylog.words import current_lang

if TYPE_CHECKING:
    from studylog.tui.app import StudylogApp


class SolvePane(StressRuns):
    """Everything of one judge or stress run of the target problem."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.target: Problem | None = None
        self.cancel: threading.Event | None = None
        self.finished: JudgeResult | StressResult | None = None

    @property
    def studylog(self) -> StudylogApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        lang = current_lang()
        yield Label("", id="solve-target")
        with Horizontal(id="solve-row"):
            yield Input(placeholder=ui("solution placeholder", lang),
                        id="solution-path")
            yield Button(ui("judge button", lang), id="judge-button", variant="primary")
            yield Input("100", id="stress-n", restrict=r"[0-9]*", max_length=6,
                        tooltip=ui("stress count tip", lang))
            yield Button(ui("stress button", lang), id="stress-button")
        with Horizontal(id="picker-row"):
            yield Button("↑", id="picker-up", tooltip=ui("up tip", lang))
            yield Button("⟳", id="picker-refresh", tooltip=ui("refresh tip", lang))
            yield Label(str(Path.cwd()), id="picker-folder")
        yield SourceTree(Path.cwd(), id="file-tree")
        yield Label("", id="judge-summary")
        yield ProgressBar(total=1, id="judge-progress", show_eta=False)
        yield DataTable(id="judge-tests", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="judge-detail-scroll"):
            yield Static("", id="judge-detail", markup=False)

    def on_mount(self) -> None:
        self.query_one("#judge-tests", DataTable).add_columns(*present.test_headers(current_lang()))
        self._show_target()

    # --- target and file ------------------------------------------------------------------

    def set_target(self, problem: Problem) -> None:
        """Judge ``problem`` from now on (the list's enter)."""
        self.target = problem
        self._show_target()

    def source(self) -> Path | None:
        """The typed or picked solution file (None: nothing given yet)."""
        text = self.query_one("#solution-path", Input).value.strip()
        return Path(text).expanduser() if text else None

    def _show_target(self) -> None:
        p = self.target
        src = self.source()
        lang = current_lang()
        text = (ui("choose problem", lang) if p is None else present.solve_target(
            p.id, p.title, src.name if src else "", p.time_limit_ms, p.memory_mb, lang))
        self.query_one("#solve-target", Label).update(text)

    @on(Input.Submitted, "#solution-path")
    @on(Button.Pressed, "#judge-button")
    def _judge_pressed(self) -> None:
        self.start_judge()

    @on(Button.Pressed, "#stress-button")
    def _stress_pressed(self) -> None:
        self.start_stress()

    @on(Input.Changed, "#solution-path")
    def _path_changed(self) -> None:
        self._show_target()

    @on(SourceTree.FileSelected, "#file-tree")
    def _file(self, event: SourceTree.FileSelected) -> None:
        self.query_one("#solution-path", Input).value = str(event.path)

    @on(SourceTree.DirectorySelected, "#file-tree")
    def _folder(self, event: SourceTree.DirectorySelected) -> None:
        self.query_one("#picker-folder", Label).update(str(event.path))

    @on(Button.Pressed, "#picker-up")
    def _up(self) -> None:
        tree = self.query_one("#file-tree", SourceTree)
        tree.action_up()
        self.query_one("#picker-folder", Label).update(str(tree.path))

    @on(Button.Pressed, "#picker-refresh")
    def _refresh(self) -> None:
        self.query_one("#file-tree", SourceTree).reload()

    def ready(self) -> Path | None:
        """The file to judge, after checking there is a target and a file (else a notice)."""
        if self.target is None:
            self.notify(ui("choose problem first", current_lang()), severity="warning")
            return None
        src = self.source()
        if src is None:
            self.notify(ui("type solution", current_lang()), severity="warning")
            self.query_one("#solution-path", Input).focus()
            return None
        if src.is_dir():
            self.query_one("#file-tree", SourceTree).show(src)
            self.query_one("#picker-folder", Label).update(str(src.resolve()))
            return None
        if src.suffix.lower() not in SOURCE_SUFFIXES and src.exists():
            self.notify(ui("not source", current_lang(), name=src.name,
                           suffixes=" ".join(SOURCE_SUFFIXES)),
                        severity="warning")
        return src

    def busy(self) -> bool:
        """Whether a run is going (and say so)."""
        if self.cancel is not None:
            self.notify(ui("run going", current_lang()), severity="warning")
            return True
        return False

    def show_picker(self, show: bool) -> None:
        """Show or fold the file picker (folded during a run: room for the results)."""
        self.query_one("#picker-row").display = show
        self.query_one("#file-tree").display = show

    @on(Input.Changed, "#solution-path")
    def _typing(self) -> None:
        if self.cancel is None:
            self.show_picker(True)

    def _start(self, text: str, total: int | None = None) -> threading.Event:
        self.show_picker(False)
        self.cancel = threading.Event()
        self.finished = None
        self.query_one("#judge-tests", DataTable).clear()
        self.query_one("#judge-detail", Static).update("")
        self.query_one("#judge-summary", Label).update(text)
        self.query_one("#judge-progress", ProgressBar).update(total=total, progress=0)
        return self.cancel

    def cancel_run(self) -> None:
        """Stop the running judge or stress run."""
        if self.cancel is not None:
            self.cancel.set()
            text = present.word("cancelled", current_lang()) + "…"
            self.query_one("#judge-summary", Label).update(text)

    # --- judge ----------------------------------------------------------------------------

    def start_judge(self) -> None:
        """Judge the target with the chosen file."""
        src = self.ready()
        if src is None or self.busy() or self.target is None:
            return
        p = self.target
        cancel = self._start(f"{p.id} {p.title} ← {src.name}: judging…")
        self.run_judge(p, src, cancel)

    @work(thread=True, exclusive=True, group="judge", exit_on_error=False, description="judge")
    def run_judge(self, problem: Problem, source: Path, cancel: threading.Event) -> None:
        """Judge and record an attempt; every test result goes back as it finishes."""
        from studylog.judge import Compiled, Finished, TestDone, solve_events

        result: JudgeResult | None = None
        error = ""
        db = self.studylog.gate.open_private()
        try:
            for ev in solve_events(db, problem, source, cancel=cancel,
                                           date=self.studylog.today):
                if isinstance(ev, Compiled):
                    self.post_message(JudgeCompiled(problem.id, ev.ok, ev.total))
                elif isinstance(ev, TestDone):
                    self.post_message(JudgeTestDone(problem.id, ev.result))
                elif isinstance(ev, Finished):
                    result = ev.result
        except Exception as exc:  # shown as one line, the app stays up
            error = error_line(exc)
        finally:
            db.conn.close()
            self.post_message(JudgeFinished(problem.id, result, error))

    def on_judge_compiled(self, message: JudgeCompiled) -> None:
        table = self.query_one("#judge-tests", DataTable)
        for i in range(1, message.total + 1):
            table.add_row(str(i), "", "", "…", "", "", key=str(i))
        self.query_one("#judge-progress", ProgressBar).update(total=message.total, progress=0)
        if not message.ok:
            text = present.word("compile error", current_lang())
            self.query_one("#judge-summary", Label).update(text)

    def on_judge_test_done(self, message: JudgeTestDone) -> None:
        table = self.query_one("#judge-tests", DataTable)
        row = present.test_row(message.test)
        if row[0] not in table.rows:
            table.add_row(*row, key=row[0])
        else:
            index = table.get_row_index(row[0])
            for column, value in enumerate(row[1:], start=1):
                table.update_cell_at(Coordinate(index, column), value, update_width=True)
        self.query_one("#judge-progress", ProgressBar).advance(1)

    def on_judge_finished(self, message: JudgeFinished) -> None:
        self.cancel = None
        words = current_lang()
        r = message.result
        if r is None:
            text = f"{present.word('judge failed', words)}: {message.error}"
            self.notify(text, severity="error", timeout=8)
            detail = ""
        else:
            self.finished = r
            text = present.summary_line(r, words)
            report = failure_report(r)
            detail = r.compile_message or (report.text(words) if report else "")
            good = r.verdict.value == "AC" and not r.cancelled
            self.notify(text, severity="information" if good else "warning")
        self.query_one("#judge-summary", Label).update(text)
        self.query_one("#judge-detail", Static).update(detail)
