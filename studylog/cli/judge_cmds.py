"""Judge commands: `studylog solve ID [FILE]` (the problem bank's commands are in problems_cmds)."""


from pathlib import Path
from typing import Annotated

import typer

from studylog.cli.context import db_path, get_db, print_json
from studylog.errors import CheckFailed, UserError


def _console():
    import sys

    from rich.console import Console

    return Console(highlight=False, width=None if sys.stdout.isatty() else 160)


def _mem(kb: int | None) -> str:
    return "-" if not kb else f"{kb / 1024:.1f} MB"


def solve_cmd(
    problem_id: Annotated[str, typer.Argument(metavar="ID", help="Problem id, e.g. 2667.")],
    file: Annotated[Path | None, typer.Argument(metavar="[FILE]",
                                                help="Your solution (.py .c .cpp .java).")] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", help="python, c, cpp or java (default: from the extension).")] = None,
    stress: Annotated[int | None, typer.Option("--stress", metavar="N", min=1,
                                               help="Run N random cases against the reference "
                                                    "and shrink the first failure.")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the stress cases.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    show_history: Annotated[bool, typer.Option("--history", help="List your attempts.")] = False,
    statement: Annotated[bool, typer.Option("--statement", help="Print the statement.")] = False,
    new: Annotated[bool, typer.Option("--new", help="Write a starter FILE "
                                                    "(default sol_ID.py).")] = False,
) -> None:
    """Judge FILE on problem ID: a verdict per test, like BOJ (exit 0 when accepted)."""
    from studylog.judge import bank

    problem = bank.get_problem(problem_id, db_path())
    if statement:
        from studylog.config import Settings
        from studylog.judge.problem_present import statement_markdown

        typer.echo(statement_markdown(problem, Settings.load().get("language")).rstrip())
        return
    if show_history:
        _history(problem, as_json)
        return
    if new:
        from studylog.judge.service import new_starter

        ext = {"python": ".py", "py": ".py", "c": ".c", "cpp": ".cpp", "c++": ".cpp",
               "java": ".java"}.get((lang or "python").lower(), ".py")
        path = new_starter(problem, file or Path(f"sol_{problem.id}{ext}"))
        typer.echo(f"wrote {path}; judge it with: studylog solve {problem.id} {path}")
        return
    if file is None:
        raise UserError(f"give the solution file: studylog solve {problem.id} FILE "
                        f"(or --new to write a starter)")
    if stress is not None:
        from studylog.cli.judge_view import run_stress

        run_stress(problem, file, stress, seed, lang, as_json)
        return
    from studylog.cli.judge_view import run_solve

    run_solve(problem, file, lang, as_json)


def _history(problem, as_json: bool) -> None:
    from studylog.judge import history

    rows = history.history(get_db(), problem.id)
    if as_json:
        print_json(rows)
        return
    if not rows:
        typer.echo(f"no attempts at {problem.id} {problem.title} yet")
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold",
                  title=f"{problem.id} {problem.title}: {len(rows)} attempts", title_justify="left")
    for col in ("#", "when", "lang", "file", "verdict", "passed", "time", "memory"):
        table.add_column(col)
    for r in rows:
        table.add_row(str(r["id"]), r["created"].replace("T", " "), r["language"], r["filename"],
                      r["verdict"], f"{r['passed']}/{r['total']}", f"{r['time_ms']} ms",
                      _mem(r["memory_kb"]))
    _console().print(table)


def register(app: typer.Typer) -> None:
    """Add `solve` to the top-level app."""
    app.command("solve")(solve_cmd)


__all__ = ["CheckFailed", "register"]
