"""Problem bank commands: `studylog problems [--tag T] [--status S] [--json]`,
`problems add FOLDER`, `problems export ID DIR`, `problems check ID`, `problems tags`."""


from pathlib import Path
from typing import Annotated

import typer

from studylog.cli.context import db_path, get_db, print_json
from studylog.words import current_lang, say

problems_app = typer.Typer(
    name="problems", help="The problem bank with your status per problem.",
    invoke_without_command=True, add_completion=False, rich_markup_mode=None,
)


def _console():
    import sys

    from studylog.cli.render.console import console

    return console(width=None if sys.stdout.isatty() else 160)


def _table(headers: list[str] | None, rows: list[list[str]]):
    from rich.markup import escape
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold", show_header=headers is not None)
    for col in headers or ["", ""]:
        table.add_column(col)
    for row in rows:
        table.add_row(*(escape(c) for c in row))
    return table


@problems_app.callback()
def problems_cmd(
    ctx: typer.Context,
    tag: Annotated[str | None, typer.Option("--tag", help="Only problems with this tag (e.g. "
                                                          "bfs, dp, 'union-find', 그리디).")] = None,
    status: Annotated[str | None, typer.Option("--status", help="solved, tried, new or unsolved "
                                                                "(tried or new).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """List the bank (no subcommand) with your status per problem."""
    if ctx.invoked_subcommand is not None:
        return
    from studylog.judge import list_problems, statuses
    from studylog.judge import words as problem_present

    rows = statuses(get_db(), list_problems(db_path()), tag=tag, status=status)
    if as_json:
        print_json([r.to_json() for r in rows])
        return
    lang = current_lang()
    con = _console()
    if rows:
        con.print(_table(problem_present.list_headers(lang),
                         [problem_present.list_row(r, lang) for r in rows]))
    con.print(problem_present.list_summary(rows, lang))


@problems_app.command("tags")
def problems_tags() -> None:
    """The bank grouped by topic (BFS/DFS, shortest paths, union-find, DP, backtracking)."""
    from studylog.judge import list_problems
    from studylog.judge import words as problem_present

    lang = current_lang()
    rows = problem_present.by_tag_rows(list_problems(db_path()), lang)
    _console().print(_table(None, rows))


@problems_app.command("add")
def problems_add(
    folder: Annotated[Path, typer.Argument(help="A problem folder (problem.toml ...) or a plain "
                                                "folder of tests: 1.in/1.out, 1.in/1.ans, "
                                                "input/1.txt + output/1.txt, tests/01 + 01.a.")],
    problem_id: Annotated[str | None, typer.Option("--id", help="Its id: a number or a short "
                                                                "name such as avg.")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Its title.")] = None,
    time_limit: Annotated[str | None, typer.Option("--time-limit", help="e.g. 1s, 2.5s, 500ms "
                                                                        "(default 1s).")] = None,
    memory: Annotated[str | None, typer.Option("--memory", help="e.g. 256MB, 1GB "
                                                                "(default 256MB).")] = None,
    checker: Annotated[str | None, typer.Option(
        "--checker", help="exact, boj (default), tokens, float[:EPS], unordered or "
                          "special[:FILE] (a checker.py/.cpp of the folder).")] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Replace your own problem with "
                                                            "the same id.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what was found; add "
                                                            "nothing.")] = False,
) -> None:
    """Add a folder to your bank: validated (a reference must pass its samples, a special judge
    must accept the answers), then copied next to the database."""
    from studylog.judge import AddOptions, add_planned, parse_memory, parse_time_limit, plan_add
    from studylog.judge import words as problem_present

    options = AddOptions(
        id=problem_id, title=title, checker=checker, replace=replace,
        time_limit_ms=parse_time_limit(time_limit) if time_limit else None,
        memory_mb=parse_memory(memory) if memory else None,
    )
    plan = plan_add(folder, options, db_path())
    lang = current_lang()
    if dry_run:
        for line in problem_present.plan_lines(plan, lang):
            typer.echo(line)
        return
    problem = add_planned(plan)
    from studylog.judge import build_tests

    typer.echo(problem_present.added_line(problem, len(build_tests(problem)), lang))


@problems_app.command("export")
def problems_export(
    problem_id: Annotated[str, typer.Argument(metavar="ID", help="Problem id, e.g. 2252.")],
    dest: Annotated[Path, typer.Argument(metavar="DIR", help="A new (or empty) folder.")],
    fmt: Annotated[str, typer.Option("--format", help="kattis (default: an ICPC/Kattis package "
                                                      "with every test) or studylog (the "
                                                      "problem folder, with its generator and "
                                                      "reference).")] = "kattis",
) -> None:
    """Write problem ID as a folder that `problems add` (and ICPC tools) take back as is."""
    from studylog.errors import UserError
    from studylog.judge import build_tests, export_kattis, export_problem, get_problem
    from studylog.judge import words as problem_present

    if fmt not in ("kattis", "studylog"):
        raise UserError(say(f"모르는 형식입니다: {fmt!r} (kattis나 studylog를 쓰세요)",
                            f"unknown format {fmt!r} (use kattis or studylog)"))
    problem = get_problem(problem_id, db_path())
    if fmt == "studylog":
        path = export_problem(problem, dest)
        typer.echo(problem_present.exported_line(problem, path, current_lang()))
        return
    for note in export_kattis(problem, dest):
        typer.echo(note, err=True)
    typer.echo(problem_present.exported_kattis_line(problem, dest, len(build_tests(problem)),
                                                    current_lang()))


@problems_app.command("check")
def problems_check(
    problem_id: Annotated[str, typer.Argument(metavar="ID", help="A problem added from a "
                                                                 "package with submissions/.")],
    only: Annotated[str | None, typer.Option("--only", help="Only this folder (accepted, "
                                                            "wrong_answer, ...).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Judge the package's labelled submissions (submissions/accepted, wrong_answer,
    time_limit_exceeded, run_time_error); exit 1 if any verdict disagrees with its folder."""
    from studylog.judge import check_submissions, get_problem
    from studylog.judge import words as problem_present

    report = check_submissions(get_problem(problem_id, db_path()), only=only)
    if as_json:
        print_json(report.to_json())
    else:
        lang = current_lang()
        con = _console()
        con.print(_table(problem_present.check_headers(lang),
                         [problem_present.check_row(r, lang) for r in report.rows]))
        con.print(problem_present.check_summary(report, lang))
    if report.disagreements:
        raise typer.Exit(1)

