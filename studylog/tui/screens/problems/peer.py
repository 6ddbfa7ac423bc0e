"""The Peer tab (not yet on the Problems screen; see below): the team's table for a problem, one
member's solution at a time with its comments, and ``c`` to comment on the selected lines.

Type the team folder and press enter: the members' files show at once, then the judge fills in
their verdicts (in a worker). Moving the cursor over a member shows their best file; select lines
in it and press ``c``, type the comment, enter. Everything goes through :mod:`studylog.peer`.

To put it on the Problems screen (a TUI change left to its owner, with the snapshot update)::

    with TabPane("Peer", id="tab-peer"):
        yield PeerPane(id="peer-pane")

and call ``PeerPane.set_problem(problem_id)`` when the list's cursor moves.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Input, Label, Static, TextArea

from studylog.errors import error_line
from studylog.peer import words
from studylog.peer.comments import Placed
from studylog.peer.judging import TeamJudgement
from studylog.peer.team import Solution, Team
from studylog.tui.dbgate import DbGate
from studylog.words import current_lang


class PeerLoaded(Message):
    """The team folder was read: its members' files to the problem and their comments."""

    def __init__(self, team: Team, solutions: list[Solution], placed: list[Placed]) -> None:
        super().__init__()
        self.team, self.solutions, self.placed = team, solutions, placed


class PeerJudged(Message):
    """The judge finished the members' table."""

    def __init__(self, judgement: TeamJudgement) -> None:
        super().__init__()
        self.judgement = judgement


class PeerFailed(Message):
    """Reading or judging the team folder failed (one line)."""

    def __init__(self, line: str) -> None:
        super().__init__()
        self.line = line


class PeerPane(Vertical):
    """The members' table, the selected member's code and its comments."""

    BINDINGS = [Binding("c", "comment", "Comment")]

    def __init__(self, gate: DbGate, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.gate = gate
        self.problem_id: str | None = None
        self.team: Team | None = None
        self.solutions: list[Solution] = []
        self.placed: list[Placed] = []
        self.shown: Solution | None = None

    def compose(self) -> ComposeResult:
        yield Input(placeholder="team folder (a git repository), enter", id="peer-dir")
        yield Label("", id="peer-status")
        yield DataTable(id="peer-members", cursor_type="row", zebra_stripes=True)
        yield TextArea("", id="peer-code", read_only=True, show_line_numbers=True)
        yield Static("", id="peer-notes", markup=False)
        yield Input(placeholder="comment on the selected lines, enter", id="peer-comment")

    def on_mount(self) -> None:
        self.query_one("#peer-members", DataTable).add_columns(
            *words.table_headers(current_lang()))
        self.query_one("#peer-comment", Input).display = False

    def set_problem(self, problem_id: str | None) -> None:
        """The problem the tab shows."""
        self.problem_id = problem_id

    @on(Input.Submitted, "#peer-dir")
    def _open(self, event: Input.Submitted) -> None:
        if self.problem_id and event.value.strip():
            self.query_one("#peer-status", Label).update("…")
            self.load(Path(event.value.strip()), self.problem_id)

    @work(thread=True, exclusive=True, group="peer", exit_on_error=False, description="peer")
    def load(self, folder: Path, problem_id: str) -> None:
        """Read the team folder, then judge the members."""
        from studylog.peer import comments, judging, team

        try:
            t = team.find_team(folder)
            sols = t.solutions(problem_id)
            with self.gate.use() as db:
                placed = comments.placed(db, t, problem_id)
            self.post_message(PeerLoaded(t, sols, placed))
            if sols:
                self.post_message(PeerJudged(judging.judge_team(problem_id, sols,
                                                                db_path=self.gate.path)))
        except Exception as exc:  # one line in the tab, never a crash
            self.post_message(PeerFailed(error_line(exc)))

    def on_peer_failed(self, message: PeerFailed) -> None:
        self.query_one("#peer-status", Label).update(message.line)

    def on_peer_loaded(self, message: PeerLoaded) -> None:
        self.team, self.solutions, self.placed = message.team, message.solutions, message.placed
        table = self.query_one("#peer-members", DataTable)
        table.clear()
        for s in self.solutions:
            table.add_row(s.member, s.path.suffix.lstrip("."), "…", "", "", "", "", s.rel,
                          key=s.rel)
        self.query_one("#peer-status", Label).update(
            f"{message.team.name} · {len(self.solutions)} files · judging…")
        if self.solutions:
            self.show_solution(self.solutions[0])

    def on_peer_judged(self, message: PeerJudged) -> None:
        from studylog.peer import present

        table = self.query_one("#peer-members", DataTable)
        table.clear()
        for row in message.judgement.rows:
            for r in row.runs:
                table.add_row(*present.member_cells(r, row.member if r is row.best else "  +"),
                              key=r.solution.rel)
        j = message.judgement
        self.query_one("#peer-status", Label).update(words.judged_line(
            current_lang(), j.problem.id, j.problem.title, len(j.rows), j.tests, j.seconds))

    @on(DataTable.RowHighlighted, "#peer-members")
    def _highlight(self, event: DataTable.RowHighlighted) -> None:
        sol = next((s for s in self.solutions if s.rel == event.row_key.value), None)
        if sol is not None and sol is not self.shown:
            self.show_solution(sol)

    def show_solution(self, sol: Solution) -> None:
        """Show ``sol``'s code and its comments."""
        self.shown = sol
        self.query_one("#peer-code", TextArea).load_text(sol.text())
        lang = current_lang()
        notes = [f"L{p.start}-{p.end} {p.comment.author} ({words.role(lang, p.comment.role)}): "
                 f"{p.comment.body}" + (f" [{words.status(lang, p.status)}]"
                                        if p.status != "fresh" else "")
                 for p in self.placed if p.rel == sol.rel]
        self.query_one("#peer-notes", Static).update("\n".join(notes) or words.no_comments(lang))

    def action_comment(self) -> None:
        """Ask for a comment on the selected lines of the shown file."""
        if self.shown is not None:
            box = self.query_one("#peer-comment", Input)
            box.display = True
            box.focus()

    @on(Input.Submitted, "#peer-comment")
    def _comment(self, event: Input.Submitted) -> None:
        from studylog.peer import comments, sharing

        box = self.query_one("#peer-comment", Input)
        box.display = False
        if self.shown is None or self.team is None or not event.value.strip():
            return
        sel = self.query_one("#peer-code", TextArea).selection
        first, last = sorted((sel.start[0], sel.end[0]))
        target = comments.Target(self.shown.path, first + 1, last + 1)
        try:
            with self.gate.use() as db:
                comments.add(db, self.team, target, event.value,
                             author=sharing.whoami(self.team))
                self.placed = comments.placed(db, self.team, self.shown.problem_id)
        except Exception as exc:
            self.query_one("#peer-status", Label).update(error_line(exc))
            return
        box.value = ""
        self.show_solution(self.shown)
