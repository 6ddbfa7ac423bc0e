"""Peer session commands: `studylog peer judge PROBLEM [TEAM_DIR] [--stress N] [--json]`,
`peer comment FILE:LINE[-LINE] TEXT [--role member|mentor]`, `peer show PROBLEM [TEAM_DIR]`,
`peer publish [TEAM_DIR]`, `peer pull [TEAM_DIR]`.

Exit codes: 0 done; 1 a member's verdict is not AC, ``--stress`` found a disagreeing input, or a
push/pull failed (one line on stderr, nothing lost); 2 bad input (one line on stderr).
"""


import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from studylog.cli.context import db_path, get_db, print_json
from studylog.cli.text_args import TextCommand
from studylog.errors import CheckFailed, UserError
from studylog.words import say

peer_app = typer.Typer(
    name="peer", help="The peer session: the team's solutions judged side by side, reviewed "
    "line by line, shared through the team's git repository.",
    no_args_is_help=True, add_completion=False, rich_markup_mode=None,
)

TeamDir = Annotated[Path | None, typer.Argument(
    help="The team folder (a git repository; default: the peer.team setting, else here).")]
AsName = Annotated[str | None, typer.Option("--as", help="Your member name (default: git config "
                                                        "studylog.member, else user.name).")]


def _team(team_dir: Path | None):
    """The team folder given, else the ``peer.team`` setting, else the current folder."""
    from studylog.config import Settings
    from studylog.peer import team

    return team.find_team(team_dir or Path(Settings.load().get("peer.team") or "."))


def _lang():
    from studylog.words import current_lang

    return current_lang()


def _echo(lines: list[str]) -> None:
    typer.echo("\n".join(lines))


@peer_app.command("judge")
def judge_cmd(
    problem: Annotated[str, typer.Argument(help="Problem id, e.g. 2667.")],
    team_dir: TeamDir = None,
    stress: Annotated[int, typer.Option("--stress", min=0, help="Also look for an input the "
                                        "members disagree on in N random cases.")] = 0,
    seed: Annotated[int, typer.Option("--seed", help="Stress seed.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Judge every member's solution on the same tests, in one table."""
    from studylog.peer import judging, present
    from studylog.peer.sharing import record_results

    t = _team(team_dir)
    sols = t.solutions(problem)
    judging.problem_info(problem, db_path())  # an unknown problem is bad input before the search
    if stress:
        judging.check_stress(problem, db_path())
    if not sols:
        raise UserError(say(f"팀 폴더 {t.root}에 문제 {problem}의 풀이가 없습니다 "
                            f"(layout: {t.layout})",
                            f"no solution to {problem} in the team folder {t.root} "
                            f"({t.layout} layout)"))
    j = judging.judge_team(problem, sols, db_path=db_path())
    record_results(get_db(), t, j, dt.date.today().isoformat())
    s = judging.stress_team(problem, sols, stress, seed=seed, db_path=db_path()) if stress else None
    if as_json:
        print_json(present.judgement_json(j, s))
    else:
        lang = _lang()
        _echo(present.table(lang, j) + (["", *present.stress_lines(lang, s)] if s else []))
    if any(row.best.verdict != "AC" for row in j.rows) or (s is not None and s.found):
        raise CheckFailed("")


@peer_app.command("comment", cls=TextCommand)
def comment_cmd(
    target: Annotated[str, typer.Argument(help="FILE:LINE or FILE:START-END.")],
    text: Annotated[str, typer.Argument(help="The comment.")],
    role: Annotated[str, typer.Option("--role", help="member or mentor.")] = "member",
    name: AsName = None,
) -> None:
    """Comment on lines of a member's solution (anchored to the file's content)."""
    from studylog.peer import comments, sharing, team, words

    where = comments.parse_target(target)
    t = team.find_team(where.path)
    row = comments.add(get_db(), t, where, text, author=sharing.whoami(t, name), role=role)
    span = f"{row.line_start}" + (f"-{row.line_end}" if row.line_end != row.line_start else "")
    typer.echo(words.comment_added(_lang(), f"{row.path}:{span}", "fresh"))


@peer_app.command("show")
def show_cmd(
    problem: Annotated[str, typer.Argument(help="Problem id.")],
    team_dir: TeamDir = None,
) -> None:
    """Print each member's solution with its comments in the margin."""
    from studylog.peer import comments, present

    t = _team(team_dir)
    sols = t.solutions(problem)
    if not sols:
        raise UserError(say(f"팀 폴더 {t.root}에 문제 {problem}의 풀이가 없습니다",
                            f"no solution to {problem} in the team folder {t.root}"))
    _echo(present.show(_lang(), sols, comments.placed(get_db(), t, problem)))


@peer_app.command("publish")
def publish_cmd(team_dir: TeamDir = None, name: AsName = None) -> None:
    """Write your solutions and comments into the team folder, commit and push."""
    from studylog.peer import sharing, words

    t = _team(team_dir)
    out = sharing.publish(get_db(), t, sharing.whoami(t, name), _lang())
    if not out.ok:
        raise CheckFailed(out.line)
    typer.echo(words.published(_lang(), out.files, out.line))


@peer_app.command("pull")
def pull_cmd(team_dir: TeamDir = None, name: AsName = None) -> None:
    """Pull the team folder and import the others' comments."""
    from studylog.peer import sharing, words

    t = _team(team_dir)
    out = sharing.pull(get_db(), t, sharing.whoami(t, name), _lang())
    if not out.ok:
        raise CheckFailed(words.pulled(_lang(), out.imported, out.line))
    typer.echo(words.pulled(_lang(), out.imported, out.line))
