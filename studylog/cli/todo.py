"""The `todo` group: add, done, list (a day's own to-dos, then its carried items and due reviews
from :mod:`studylog.cli.study`)."""


import dataclasses
from typing import Annotated

import typer

from studylog.cli.context import get_db, print_json
from studylog.config import Settings
from studylog.journal import words as present
from studylog.journal.dates import parse_date
from studylog.words import current_lang

DateOpt = Annotated[str, typer.Option("--date", "-d", help="YYYY-MM-DD, today or yesterday.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]

todo_app = typer.Typer(help="Today's to-dos (오늘 한 일).", no_args_is_help=True)


@todo_app.command("add")
def todo_add(
    text: Annotated[str, typer.Argument(help="What to do (one line; line breaks become spaces).")],
    date: DateOpt = "today",
) -> None:
    """Add a to-do."""
    from studylog.journal import day as journal_day

    day = parse_date(date)
    db = get_db()
    journal_day.add_todo(db, day, text)
    todos = journal_day.load_day(db, day, Settings.load()).todos
    typer.echo(present.todo_line(len(todos), todos[-1].text, todos[-1].done))


@todo_app.command("done")
def todo_done(
    number: Annotated[int, typer.Argument(help="The to-do's number in `todo list`.")],
    date: DateOpt = "today",
    undo: Annotated[bool, typer.Option("--undo", help="Uncheck it instead.")] = False,
) -> None:
    """Check off a to-do (or uncheck it with --undo)."""
    from studylog.journal import day as journal_day

    day = parse_date(date)
    db = get_db()
    from studylog.cli.study import todo_extra_done  # carried items and reviews (study)

    if todo_extra_done(day, number, undo):
        return
    todo = journal_day.todo_by_number(db, day, number)
    journal_day.set_todo_done(db, todo.id, not undo)
    typer.echo(present.todo_line(number, todo.text, not undo))


@todo_app.command("list")
def todo_list(date: DateOpt = "today", as_json: JsonOpt = False) -> None:
    """List a day's to-dos."""
    from studylog.journal import day as journal_day

    day = parse_date(date)
    todos = journal_day.load_day(get_db(), day, Settings.load()).todos
    from studylog.cli.study import todo_extra_lines  # carried items and reviews (study)

    extras = todo_extra_lines(day, len(todos) + 1, as_json)
    if as_json:
        print_json([dataclasses.asdict(t) | {"number": i} for i, t in enumerate(todos, 1)] + extras)
        return
    if not todos and not extras:
        typer.echo(present.no_todos(day, current_lang()))
    for i, t in enumerate(todos, 1):
        typer.echo(present.todo_line(i, t.text, t.done))
    for line in extras:
        typer.echo(line)
