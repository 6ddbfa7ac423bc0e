"""Problems: the bank with the user's status, a problem's statement, the Solve tab (file picker,
judge and stress runs), the History tab and the Peer tab (the team's solutions, see
:mod:`.peer`). ctrl+r judges, ctrl+s stresses, ctrl+x cancels.

The list's cursor shows a problem's statement and history (typing a number or part of a title
moves it there); enter makes it the Solve tab's target.
Judge and stress runs go through ``studylog.judge`` in workers with a connection of their
own (see :mod:`.solve`).
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Markdown, TabbedContent, TabPane

from studylog.judge import Problem
from studylog.judge import words as present
from studylog.peer import words as peer_words
from studylog.tui.screens.base import StudyScreen
from studylog.tui.screens.problems.history import HistoryPane
from studylog.tui.screens.problems.messages import BankLoaded, ProblemLoaded
from studylog.tui.screens.problems.peer import PeerPane
from studylog.tui.screens.problems.solve import SolvePane
from studylog.tui.widgets.footer import StudyFooter
from studylog.tui.widgets.jump_table import JumpTable
from studylog.tui.widgets.plain import DataTable, Label
from studylog.tui.words import ui
from studylog.words import current_lang


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
        self.problem_id: str | None = None  # under the list's cursor
        self.problems: dict[str, Problem] = {}

    def compose(self) -> ComposeResult:
        with Horizontal():
            with Vertical(id="bank-side"):
                yield Label(ui("problems title", current_lang()), classes="panel-title")
                yield JumpTable(id="bank", cursor_type="row", zebra_stripes=True)
            with TabbedContent(id="problem-main"):
                with TabPane(ui("tab statement", current_lang()), id="tab-statement"), VerticalScroll():
                    yield Markdown("", id="statement")
                with TabPane(ui("tab solve", current_lang()), id="tab-solve"):
                    yield SolvePane(id="solve-pane")
                with TabPane(ui("tab history", current_lang()), id="tab-history"):
                    yield HistoryPane(id="history-pane")
                with TabPane(peer_words.tab_title(current_lang()), id="tab-peer"):
                    yield PeerPane(self.studylog.gate, id="peer-pane")
        yield StudyFooter()

    def on_mount(self) -> None:
        from studylog.judge import words as judge_words

        # `studylog problems`' first four columns, the title last so that the status and the
        # tries stay in view in the narrow side panel (a long title is cut, not the status)
        id_h, title_h, status_h, tries_h = judge_words.list_headers(current_lang())[:4]
        self.query_one("#bank", DataTable).add_columns(id_h, status_h, tries_h, title_h)
        self.load_bank()

    @property
    def solve(self) -> SolvePane:
        """The Solve tab."""
        return self.query_one("#solve-pane", SolvePane)

    # --- bank and statement -----------------------------------------------------------------

    @work(thread=True, exclusive=True, group="bank", exit_on_error=False, description="bank")
    def load_bank(self) -> None:
        """The bank with the user's status per problem."""
        from studylog.judge import list_problems, problem_statuses

        problems = list_problems(self.studylog.gate.path)
        self.problems = {p.id: p for p in problems}
        with self.studylog.gate.use() as db:
            rows = problem_statuses(db, problems)
        self.post_message(BankLoaded(rows))

    def on_bank_loaded(self, message: BankLoaded) -> None:
        table = self.query_one("#bank", DataTable)
        keep = self.problem_id
        table.clear()
        for p in message.rows:
            table.add_row(p.id, present.status_symbol(p.status),
                          str(p.attempts or ""), p.title, key=p.id)
        if keep is not None and keep in self.problems:
            table.move_cursor(row=[r.value for r in table.rows].index(keep))

    @on(DataTable.RowHighlighted, "#bank")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        problem_id = str(event.row_key.value)
        if problem_id != self.problem_id:
            self.problem_id = problem_id
            self.load_problem(problem_id)
            if self.query_one("#problem-main", TabbedContent).active == "tab-peer":
                self.query_one(PeerPane).set_problem(problem_id)

    @on(TabbedContent.TabActivated, "#problem-main")
    def _tab(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "tab-peer":  # the team is read (and judged) only when asked to
            self.query_one(PeerPane).set_problem(self.problem_id)

    @on(DataTable.RowSelected, "#bank")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        problem = self.problems.get(str(event.row_key.value))
        if problem is not None:
            self.solve.set_target(problem)
        self.query_one("#problem-main", TabbedContent).active = "tab-solve"
        self.query_one("#solution-path").focus()

    @work(thread=True, exclusive=True, group="problem", exit_on_error=False,
          description="problem")
    def load_problem(self, problem_id: str) -> None:
        """A problem's statement and the user's attempts at it."""
        from studylog.judge import get_problem, history

        problem = get_problem(problem_id, self.studylog.gate.path)
        from studylog.judge import statement_markdown

        statement = statement_markdown(problem, current_lang())
        with self.studylog.gate.use() as db:
            rows = history(db, problem_id)
        self.post_message(ProblemLoaded(problem, statement, rows))

    def on_problem_loaded(self, message: ProblemLoaded) -> None:
        if message.problem.id != self.problem_id:
            return
        self.query_one("#statement", Markdown).update(message.statement)
        self.query_one("#history-pane", HistoryPane).show(message.history)

    # --- runs -----------------------------------------------------------------------------

    def _to_solve(self) -> SolvePane:
        self.query_one("#problem-main", TabbedContent).active = "tab-solve"
        if self.solve.target is None and self.problem_id in self.problems:
            self.solve.set_target(self.problems[self.problem_id])  # the first run: say which
        return self.solve

    def action_run_judge(self) -> None:
        self._to_solve().start_judge()

    def action_run_stress(self) -> None:
        self._to_solve().start_stress()

    def action_cancel(self) -> None:
        self.solve.cancel_run()

    def on_judge_finished(self) -> None:
        self._refresh()

    def on_stress_finished(self) -> None:
        self._refresh()

    def _refresh(self) -> None:
        self.load_bank()
        if self.problem_id:
            self.load_problem(self.problem_id)
