"""Problems: the bank with the user's status, a problem's statement, a solution file picker, a
judge run whose per-test results fill a table live, stress runs with progress, and the history.

Judge and stress runs go through ``studylog.judge.service`` in a worker with a connection of its
own; ctrl+x cancels them.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import (
    Button,
    DataTable,
    DirectoryTree,
    Footer,
    Input,
    Label,
    Markdown,
    ProgressBar,
    Static,
    TabbedContent,
    TabPane,
)

from studylog.tui.messages import (
    BankLoaded,
    JudgeCompiled,
    JudgeFinished,
    JudgeTestDone,
    ProblemLoaded,
    StressProgress,
)
from studylog.tui.screens.base import StudyScreen, error_text

STATUS_MARK = {"solved": "✓ solved", "tried": "△ tried", "new": "· new"}


class ProblemsScreen(StudyScreen):
    """The judge in the app."""

    MAIN_INPUT = "#bank"
    BINDINGS = [
        Binding("ctrl+r", "run_judge", "Judge"),
        Binding("ctrl+s", "run_stress", "Stress"),
        Binding("ctrl+x", "cancel", "Cancel", priority=True),  # over Input's cut
    ]

    def __init__(self) -> None:
        super().__init__()
        self.problem_id: str | None = None
        self._cancel: threading.Event | None = None

    def compose(self) -> ComposeResult:
        with Horizontal():
            with Vertical(id="bank-side"):
                yield Label("문제 · Problems", classes="panel-title")
                yield DataTable(id="bank", cursor_type="row", zebra_stripes=True)
            with TabbedContent(id="problem-main"):
                with TabPane("Statement", id="tab-statement"):
                    with VerticalScroll():
                        yield Markdown("", id="statement")
                with TabPane("Solve", id="tab-solve"):
                    with Horizontal(id="solve-row"):
                        yield Input(placeholder="solution file (pick below or type a path)",
                                    id="solution-path")
                        yield Button("Judge", id="judge-button", variant="primary")
                        yield Input("100", id="stress-n", restrict=r"[0-9]*",
                                    tooltip="random cases for a stress run")
                        yield Button("Stress", id="stress-button")
                    yield DirectoryTree(Path.cwd(), id="file-tree")
                    yield Label("", id="judge-summary")
                    yield ProgressBar(total=1, id="judge-progress", show_eta=False)
                    yield DataTable(id="judge-tests", cursor_type="row", zebra_stripes=True)
                    yield Static("", id="judge-detail", markup=False)
                with TabPane("History", id="tab-history"):
                    yield DataTable(id="history", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#bank", DataTable).add_columns("id", "제목", "status", "tries")
        self.query_one("#judge-tests", DataTable).add_columns(
            "#", "test", "kind", "verdict", "time ms", "mem KB")
        self.query_one("#history", DataTable).add_columns(
            "id", "date", "time", "lang", "file", "verdict", "passed", "ms")
        self.load_bank()

    # --- bank, statement, history ------------------------------------------------------------

    @work(thread=True, exclusive=True, group="bank", exit_on_error=False, description="bank")
    def load_bank(self) -> None:
        """The bank with the user's status per problem."""
        from studylog.judge import bank, history

        problems = bank.list_problems(self.studylog.gate.path)
        with self.studylog.gate.use() as db:
            rows = history.statuses(db, problems)
        self.post_message(BankLoaded(rows))

    def on_bank_loaded(self, message: BankLoaded) -> None:
        table = self.query_one("#bank", DataTable)
        keep = self.problem_id
        table.clear()
        for p in message.problems:
            table.add_row(p["id"], p["title"], STATUS_MARK.get(p["status"], p["status"]),
                          str(p["attempts"] or ""), key=p["id"])
        if keep is not None:
            for i, row_key in enumerate(table.rows):
                if row_key.value == keep:
                    table.move_cursor(row=i)

    @on(DataTable.RowHighlighted, "#bank")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        problem_id = str(event.row_key.value)
        if problem_id != self.problem_id:
            self.problem_id = problem_id
            self.load_problem(problem_id)

    @on(DataTable.RowSelected, "#bank")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        self.query_one("#problem-main", TabbedContent).active = "tab-solve"
        self.query_one("#solution-path", Input).focus()

    @work(thread=True, exclusive=True, group="problem", exit_on_error=False,
          description="problem")
    def load_problem(self, problem_id: str) -> None:
        """A problem's statement and the user's attempts at it."""
        from studylog.judge import bank, history

        problem = bank.get_problem(problem_id, self.studylog.gate.path)
        statement = problem.statement()
        with self.studylog.gate.use() as db:
            rows = history.history(db, problem_id)
        self.post_message(ProblemLoaded(problem_id, statement, rows))

    def on_problem_loaded(self, message: ProblemLoaded) -> None:
        if message.problem_id != self.problem_id:
            return
        self.query_one("#statement", Markdown).update(message.statement)
        table = self.query_one("#history", DataTable)
        table.clear()
        for a in message.history:
            table.add_row(str(a.get("id", "")), a.get("date", ""),
                          str(a.get("created", ""))[11:19], a.get("language", ""),
                          a.get("filename", ""), a.get("verdict", ""),
                          f"{a.get('passed', '')}/{a.get('total', '')}",
                          str(a.get("time_ms", "") or ""))

    # --- solution file ------------------------------------------------------------------------

    @on(DirectoryTree.FileSelected, "#file-tree")
    def _file(self, event: DirectoryTree.FileSelected) -> None:
        self.query_one("#solution-path", Input).value = str(event.path)

    def _source(self) -> Path | None:
        text = self.query_one("#solution-path", Input).value.strip()
        if self.problem_id is None:
            self.notify("pick a problem first", severity="warning")
            return None
        if not text:
            self.notify("pick a solution file first (Solve tab)", severity="warning")
            self.query_one("#problem-main", TabbedContent).active = "tab-solve"
            return None
        return Path(text).expanduser()

    # --- judge --------------------------------------------------------------------------------

    @on(Button.Pressed, "#judge-button")
    def _judge_button(self) -> None:
        self.action_run_judge()

    @on(Input.Submitted, "#solution-path")
    def _path_entered(self) -> None:
        self.action_run_judge()

    def action_run_judge(self) -> None:
        source = self._source()
        if source is None or self._busy():
            return
        self._start("judging…")
        self.run_judge(self.problem_id, source, self._cancel)

    def _busy(self) -> bool:
        if self._cancel is not None:
            self.notify("a judge run is going (ctrl+x cancels it)", severity="warning")
            return True
        return False

    def _start(self, text: str) -> None:
        self._cancel = threading.Event()
        self.query_one("#problem-main", TabbedContent).active = "tab-solve"
        self.query_one("#judge-tests", DataTable).clear()
        self.query_one("#judge-detail", Static).update("")
        self.query_one("#judge-summary", Label).update(text)
        self.query_one("#judge-progress", ProgressBar).update(total=None, progress=0)

    def action_cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.query_one("#judge-summary", Label).update("cancelling…")

    @work(thread=True, exclusive=True, group="judge", exit_on_error=False, description="judge")
    def run_judge(self, problem_id: str, source: Path, cancel: threading.Event) -> None:
        """Judge and record an attempt; every test result goes back as it finishes."""
        from studylog.judge import bank, service
        from studylog.judge.runner import Compiled, Finished, TestDone

        result: dict[str, Any] = {"verdict": "failed"}
        db = self.studylog.gate.open_private()
        try:
            problem = bank.get_problem(problem_id, self.studylog.gate.path)
            for ev in service.solve_events(db, problem, source, cancel=cancel,
                                           date=self.studylog.today):
                if isinstance(ev, Compiled):
                    self.post_message(JudgeCompiled(problem_id, ev.ok, ev.message, ev.total))
                elif isinstance(ev, TestDone):
                    self.post_message(JudgeTestDone(problem_id, ev.result.to_json()))
                elif isinstance(ev, Finished):
                    result = ev.result.to_json()
        except Exception as exc:
            result = {"verdict": "error", "error": error_text(exc)}
        finally:
            db.conn.close()
            self.post_message(JudgeFinished(problem_id, result))

    def on_judge_compiled(self, message: JudgeCompiled) -> None:
        table = self.query_one("#judge-tests", DataTable)
        for i in range(1, message.total + 1):
            table.add_row(str(i), "", "", "…", "", "", key=str(i))
        self.query_one("#judge-progress", ProgressBar).update(total=message.total, progress=0)
        text = "compiled; running tests…" if message.ok else "compile error"
        self.query_one("#judge-summary", Label).update(text)

    def on_judge_test_done(self, message: JudgeTestDone) -> None:
        t = message.test
        table = self.query_one("#judge-tests", DataTable)
        key = str(t["index"])
        if key not in table.rows:
            table.add_row(key, "", "", "", "", "", key=key)
        for column, value in enumerate([t["name"], t["kind"], t["verdict"], str(t["time_ms"]),
                                        str(t["memory_kb"])], start=1):
            table.update_cell_at((table.get_row_index(key), column), value, update_width=True)
        self.query_one("#judge-progress", ProgressBar).advance(1)

    def on_judge_finished(self, message: JudgeFinished) -> None:
        self._cancel = None
        r = message.result
        if message.stress:
            self._stress_finished(r)
            return
        if "error" in r:
            text = f"judge failed: {r['error']}"
            self.notify(text, severity="error", timeout=8)
        else:
            text = (f"{r['verdict']} {r.get('verdict_ko', '')} — {r['passed']}/{r['total']} "
                    f"passed, {r['time_ms']} ms, {r['memory_kb']} KB")
            if r.get("cancelled"):
                text += " (cancelled, not recorded)"
            self.notify(text, severity="information" if r["verdict"] == "AC" else "warning")
        self.query_one("#judge-summary", Label).update(text)
        self.query_one("#judge-detail", Static).update(failure_text(r))
        self.load_bank()
        if self.problem_id:
            self.load_problem(self.problem_id)

    # --- stress -------------------------------------------------------------------------------

    @on(Button.Pressed, "#stress-button")
    def _stress_button(self) -> None:
        self.action_run_stress()

    def action_run_stress(self) -> None:
        source = self._source()
        if source is None or self._busy():
            return
        n = int(self.query_one("#stress-n", Input).value or "100")
        self._start(f"stress: {n} random cases against the reference…")
        self.query_one("#judge-progress", ProgressBar).update(total=n, progress=0)
        self.run_stress(self.problem_id, source, n, self._cancel)

    @work(thread=True, exclusive=True, group="judge", exit_on_error=False, description="stress")
    def run_stress(self, problem_id: str, source: Path, n: int, cancel: threading.Event) -> None:
        """Random cases against the reference; a failure is shrunk and saved."""
        from studylog.judge import bank, service
        from studylog.judge.stress import ShrinkStep, StressFinished, StressFound
        from studylog.judge.stress import StressProgress as Progress

        result: dict[str, Any] = {"verdict": "failed"}
        db = self.studylog.gate.open_private()
        try:
            problem = bank.get_problem(problem_id, self.studylog.gate.path)
            for ev in service.stress_and_save(db, problem, source, n, cancel=cancel):
                if isinstance(ev, Progress):
                    self.post_message(StressProgress(ev.done, ev.total))
                elif isinstance(ev, StressFound):
                    self.post_message(StressProgress(
                        -1, n, f"case {ev.index} failed ({ev.verdict.value}); shrinking…"))
                elif isinstance(ev, ShrinkStep):
                    self.post_message(StressProgress(
                        -1, n, f"shrinking: {ev.size} characters after {ev.steps} steps"))
                elif isinstance(ev, StressFinished):
                    result = ev.result.to_json()
        except Exception as exc:
            result = {"verdict": "error", "error": error_text(exc)}
        finally:
            db.conn.close()
            self.post_message(JudgeFinished(problem_id, result, stress=True))

    def on_stress_progress(self, message: StressProgress) -> None:
        if message.done >= 0:
            self.query_one("#judge-progress", ProgressBar).update(progress=message.done)
            self.query_one("#judge-summary", Label).update(
                f"stress: {message.done}/{message.total} cases")
        if message.note:
            self.query_one("#judge-summary", Label).update(message.note)

    def _stress_finished(self, r: dict[str, Any]) -> None:
        if "error" in r:
            text = f"stress failed: {r['error']}"
            self.notify(text, severity="error", timeout=8)
            detail = ""
        elif r.get("failed"):
            text = (f"stress: {r['verdict']} found after {r['cases']} cases; minimal input "
                    f"saved as a regression case")
            detail = (f"minimal input:\n{r.get('minimal_input', '')}\n"
                      f"expected:\n{r.get('expected', '')}\nreceived:\n{r.get('received', '')}")
            self.notify(text, severity="warning")
        else:
            text = f"stress: no difference in {r['cases']} cases ({r['cases_per_s']} cases/s)"
            if r.get("cancelled"):
                text += " (cancelled)"
            detail = ""
            self.notify(text)
        self.query_one("#judge-summary", Label).update(text)
        self.query_one("#judge-detail", Static).update(detail)


def failure_text(result: dict[str, Any]) -> str:
    """The first failing test's input and diff (or the compiler's message)."""
    if result.get("compile_message"):
        return result["compile_message"]
    fail = result.get("first_failure")
    if not fail:
        return ""
    lines = [f"first failure: test {fail['index']} ({fail['name']})", "input:", fail["input"]]
    if fail.get("diff"):
        lines += ["diff (expected / received):", *fail["diff"]]
    if fail.get("stderr"):
        lines += ["stderr:", fail["stderr"]]
    return "\n".join(lines)
