"""The Peer tab of the Problems screen: the team's table for a problem, one member's solution at
a time with its comments, and ``c`` to comment on the selected lines.

The team folder comes from the ``peer.team`` setting (or is typed, enter). While the tab is
shown, the problem under the list's cursor is read from the folder: the members' files show at
once, then the judge fills in their verdicts (in a worker). Moving the cursor over a member shows
their best file; select lines in it and press ``c``, type the comment, enter (esc cancels).
Everything goes through :mod:`studylog.peer`.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, TextArea

from studylog.config import Settings
from studylog.faults import error_line
from studylog.peer import words
from studylog.peer.comments import Placed
from studylog.peer.judging import TeamJudgement
from studylog.peer.team import Solution, Team
from studylog.tui.dbgate import DbGate
from studylog.tui.widgets.plain import DataTable, Label, Static
from studylog.words import current_lang


class PeerLoaded(Message):
    """The team folder was read: its members' files to the problem and their comments."""

    def __init__(self, problem_id: str, team: Team, solutions: list[Solution],
                 placed: list[Placed]) -> None:
        super().__init__()
        self.problem_id = problem_id
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

    BINDINGS = [Binding("c", "comment", "Comment"), Binding("escape", "drop_comment", show=False)]

    def __init__(self, gate: DbGate, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.gate = gate
        self.problem_id: str | None = None
        self.team: Team | None = None
        self.solutions: list[Solution] = []
        self.placed: list[Placed] = []
        self.shown: Solution | None = None

    def compose(self) -> ComposeResult:
        lang = current_lang()
        yield Input(Settings.load().get("peer.team"), placeholder=words.folder_placeholder(lang),
                    id="peer-dir")
        yield Label("", id="peer-status")
        yield DataTable(id="peer-members", cursor_type="row", zebra_stripes=True)
        yield TextArea("", id="peer-code", read_only=True, show_line_numbers=True)
        yield Static("", id="peer-notes", markup=False)
        yield Input(placeholder=words.comment_placeholder(lang), id="peer-comment")

    def on_mount(self) -> None:
        self.query_one("#peer-members", DataTable).add_columns(
            *words.table_headers(current_lang()))
        self.query_one("#peer-comment", Input).display = False

    def set_problem(self, problem_id: str | None) -> None:
        """Show ``problem_id``: read the team folder for it (and judge) when it is a new one."""
        if problem_id == self.problem_id and self.team is not None:
            return
        self.problem_id = problem_id
        self.refresh_team()

    def refresh_team(self) -> None:
        """Read the team folder in the input for the current problem, then judge the members."""
        folder = self.query_one("#peer-dir", Input).value.strip()
        if self.problem_id and folder:
            self.query_one("#peer-status", Label).update("…")
            self.load(Path(folder), self.problem_id)

    @on(Input.Submitted, "#peer-dir")
    def _open(self, event: Input.Submitted) -> None:
        self.refresh_team()

    @work(thread=True, exclusive=True, group="peer", exit_on_error=False, description="peer")
    def load(self, folder: Path, problem_id: str) -> None:
        """Read the team folder, then judge the members."""
        from studylog.peer import comments, judging, team

        try:
            t = team.find_team(folder)
            sols = t.solutions(problem_id)
            with self.gate.use() as db:
                placed = comments.placed(db, t, problem_id)
            self.post_message(PeerLoaded(problem_id, t, sols, placed))
            if sols:
                self.post_message(PeerJudged(judging.judge_team(problem_id, sols,
                                                                db_path=self.gate.path)))
        except Exception as exc:  # one line in the tab, never a crash
            self.post_message(PeerFailed(error_line(exc)))

    def on_peer_failed(self, message: PeerFailed) -> None:
        self.query_one("#peer-status", Label).update(message.line)

    def on_peer_loaded(self, message: PeerLoaded) -> None:
        if message.problem_id != self.problem_id:  # the cursor moved on meanwhile
            return
        self.team, self.solutions, self.placed = message.team, message.solutions, message.placed
        table = self.query_one("#peer-members", DataTable)
        table.clear()
        for s in self.solutions:
            table.add_row(s.member, s.path.suffix.lstrip("."), "…", "", "", "", "", s.rel,
                          key=s.rel)
        lang = current_lang()
        self.query_one("#peer-status", Label).update(
            words.reading_line(lang, message.team.name, len(self.solutions)) if self.solutions
            else words.no_solutions(lang, message.problem_id, str(message.team.root)))
        self.shown = None
        if self.solutions:
            self.show_solution(self.solutions[0])
        else:
            self.query_one("#peer-code", TextArea).load_text("")
            self.query_one("#peer-notes", Static).update("")

    def on_peer_judged(self, message: PeerJudged) -> None:
        from studylog.peer import present

        if message.judgement.problem.id != self.problem_id:
            return
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

    def action_drop_comment(self) -> None:
        """Hide the comment input without writing."""
        box = self.query_one("#peer-comment", Input)
        if box.display:
            box.display = False
            box.value = ""
            self.query_one("#peer-code", TextArea).focus()

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
