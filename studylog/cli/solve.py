"""`studylog solve ID [FILE]`: judge a solution, stress it, its history, its statement, a starter
(the problem bank's commands are in :mod:`studylog.cli.problems`)."""


from pathlib import Path
from typing import Annotated

import typer

from studylog.cli.context import db_path, get_db, print_json
from studylog.errors import CheckFailed, UserError
from studylog.words import current_lang, say


def solve_cmd(
    problem_id: Annotated[str, typer.Argument(metavar="ID", help="Problem id, e.g. 2667.")],
    file: Annotated[Path | None, typer.Argument(metavar="[FILE]",
                                                help="Your solution (.py .c .cpp .java).")] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", help="python, c, cpp or java (default: from the extension).")] = None,
    stress: Annotated[int | None, typer.Option("--stress", metavar="N", min=1, max=100_000,
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
    from studylog.cli.run_control import sigterm_unwinds
    from studylog.judge import get_problem

    sigterm_unwinds()  # SIGTERM unwinds like Ctrl-C: boxes and temp dirs go
    problem = get_problem(problem_id, db_path())
    if statement:
        from studylog.judge import statement_markdown

        typer.echo(statement_markdown(problem, current_lang()).rstrip())
        return
    if show_history:
        _history(problem, as_json)
        return
    if new:
        from studylog.judge import new_starter
        from studylog.judge import words as judge_words

        ext = {"python": ".py", "py": ".py", "c": ".c", "cpp": ".cpp", "c++": ".cpp",
               "java": ".java"}.get((lang or "python").lower(), ".py")
        path = new_starter(problem, file or Path(f"sol_{problem.id}{ext}"))
        typer.echo(judge_words.starter_written(str(path), problem.id, current_lang()))
        return
    if file is None:
        raise UserError(say(f"풀이 파일을 주세요: studylog solve {problem.id} FILE "
                            f"(시작 코드를 쓰려면 --new)",
                            f"give the solution file: studylog solve {problem.id} FILE "
                            f"(or --new to write a starter)"))
    if stress is not None:
        _stress(problem, file, stress, seed, lang, as_json)
        return
    _solve(problem, file, lang, as_json)


def _solve(problem, file: Path, lang: str | None, as_json: bool) -> None:
    """Judge, record and print; raise CheckFailed (exit 1) unless accepted."""
    from rich.markup import escape

    from studylog.cli.render import solve as render
    from studylog.judge import Compiled, Finished, TestDone, sandbox_name, sandbox_probe, solve_events
    from studylog.judge import words as present

    words = current_lang()
    con = render.console()
    err = render.console(stderr=True)
    result = None
    status = None
    try:
        for ev in solve_events(get_db(), problem, file, lang=lang):
            if isinstance(ev, Compiled) and not as_json:
                head = present.heading(problem.id, problem.title, problem.title_en,
                                       ev.language.name, file.name, ev.total, words)
                con.print(f"[bold]{escape(head)}[/]")
                con.print(escape(present.sandbox_line(sandbox_name(), sandbox_probe(), words)))
                if ev.ok and err.is_terminal:
                    status = err.status(say("채점 중…", "judging…"))
                    status.start()
            elif isinstance(ev, TestDone) and status is not None:
                status.update(say(f"채점 중… {ev.done}/{ev.total}",
                                  f"judging… {ev.done}/{ev.total}"))
            elif isinstance(ev, Finished):
                result = ev.result
    finally:  # Ctrl-C too: the spinner's line is cleared before "interrupted" is printed
        if status is not None:
            status.stop()
    assert result is not None
    if as_json:
        data = result.to_json()
        data["title"] = problem.title
        print_json(data)
    else:
        render.print_result(con, result, words)
    if result.verdict.value != "AC" or result.cancelled:
        raise CheckFailed("")


def _stress(problem, file: Path, n: int, seed: int, lang: str | None, as_json: bool) -> None:
    """Stress with a progress bar, print the minimal failing case; CheckFailed if one fails."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from studylog.cli.render import solve as render
    from studylog.judge import ShrinkStep, StressFinished, StressFound, StressProgress, stress_and_save
    from studylog.judge import words as judge_words

    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=render.console(stderr=True), transient=True,
                        disable=as_json)
    result = None
    with progress:
        task = progress.add_task(judge_words.stress_start_line(f"{problem.id} seed {seed}", n,
                                                               current_lang()), total=n)
        for ev in stress_and_save(get_db(), problem, file, n, seed=seed, lang=lang):
            if isinstance(ev, StressProgress):
                progress.update(task, completed=ev.done)
            elif isinstance(ev, StressFound):
                progress.update(task, description=judge_words.stress_found_line(
                    ev.index, ev.verdict.value, current_lang()))
            elif isinstance(ev, ShrinkStep):
                progress.update(task, description=judge_words.shrink_line(
                    ev.steps, ev.evaluations, ev.size, current_lang()))
            elif isinstance(ev, StressFinished):
                result = ev.result
    assert result is not None
    if as_json:
        print_json(result.to_json())
    else:
        render.print_stress(render.console(), result, seed, problem.id, current_lang())
    if result.failed:
        raise CheckFailed("")


def _history(problem, as_json: bool) -> None:
    from dataclasses import asdict

    from studylog.cli.render import solve as render
    from studylog.judge import history
    from studylog.judge import words as present

    rows = history(get_db(), problem.id)
    if as_json:
        print_json([asdict(r) for r in rows])
        return
    lang = current_lang()
    if not rows:
        typer.echo(present.history_title(problem.id, problem.title, 0, lang))
        return
    render.print_history(render.console(), present.history_title(
        problem.id, problem.title, len(rows), lang), rows, lang)

