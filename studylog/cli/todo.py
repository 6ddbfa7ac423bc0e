"""The `todo` group: add, done, edit, rm, list (a day's own to-dos, then its carried items and due reviews
from :mod:`studylog.cli.study`)."""


import dataclasses
from typing import Annotated

import typer

from studylog.cli.context import get_db, print_json
from studylog.cli.text_args import TextCommand
from studylog.config import Settings
from studylog.journal import words as present
from studylog.journal.dates import parse_date
from studylog.words import current_lang

DateOpt = Annotated[str, typer.Option("--date", "-d", help="YYYY-MM-DD, today or yesterday.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]

todo_app = typer.Typer(help="Today's to-dos (오늘 한 일).", no_args_is_help=True)


TodoText = Annotated[str, typer.Argument(
    metavar="TEXT", help="What to do (one line; may start with '-'): a leading '- [ ]' or "
    "'- [x]' (or '[ ]', '[x]') is its state; '-' alone reads stdin.")]
TodoNumber = Annotated[int, typer.Argument(metavar="N", help="The to-do's number in `todo list`.")]


def _text_arg(text: str) -> str:
    from studylog.journal.textin import text_argument

    return text_argument(text)


@todo_app.command("add", cls=TextCommand, short_help="Add a to-do ('- [x] …' adds it done).")
def todo_add(text: TodoText, date: DateOpt = "today") -> None:
    """Add a to-do; '- [ ] TEXT' adds it open, '- [x] TEXT' done."""
    from studylog.journal import day as journal_day

    day = parse_date(date)
    db = get_db()
    journal_day.add_todo(db, day, _text_arg(text))
    todos = journal_day.load_day(db, day, Settings.load()).todos
    typer.echo(present.todo_line(len(todos), todos[-1].text, todos[-1].done))


@todo_app.command("edit", cls=TextCommand, short_help="Replace a to-do's text.")
def todo_edit(number: TodoNumber, text: TodoText, date: DateOpt = "today") -> None:
    """Replace a to-do's text (a leading '[ ]' / '[x]' sets its state too)."""
    from studylog.journal import day as journal_day

    todo = journal_day.edit_todo(get_db(), parse_date(date), number, _text_arg(text))
    typer.echo(present.todo_line(number, todo.text, todo.done))


@todo_app.command("rm", short_help="Remove a to-do.")
def todo_rm(number: TodoNumber, date: DateOpt = "today") -> None:
    """Remove a to-do (its text is printed, to add it back if need be)."""
    from studylog.journal import day as journal_day

    day = parse_date(date)
    todo = journal_day.remove_todo(get_db(), day, number)
    typer.echo(present.todo_removed(number, todo.text, day, current_lang()))


@todo_app.command("done", short_help="Check off a to-do (--undo: uncheck).")
def todo_done(
    number: TodoNumber,
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


@todo_app.command("list", short_help="List a day's to-dos.")
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
