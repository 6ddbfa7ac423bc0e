"""Journal commands about one day: today, show, note, todo, label, history, restore."""


import dataclasses
import sys
from typing import Annotated

import typer

from studylog.cli.context import get_db, print_json
from studylog.config import Settings
from studylog.journal import words as present
from studylog.journal.dates import parse_date, today
from studylog.journal.sections import check_section
from studylog.words import Lang, current_lang

DateOpt = Annotated[str, typer.Option("--date", "-d", help="YYYY-MM-DD, today or yesterday.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]

todo_app = typer.Typer(help="Today's to-dos (오늘 한 일).", no_args_is_help=True)


def _lang() -> Lang:
    return current_lang()


def _print_day(date: str, as_json: bool) -> None:
    from studylog.journal import day as journal_day
    from studylog.journal.publish.post import render_markdown

    settings = Settings.load()
    day = journal_day.load_day(get_db(), date, settings)
    if as_json:
        print_json(dataclasses.asdict(day))
        return
    lang = current_lang()
    typer.echo(present.date_label(date, lang))
    typer.echo(render_markdown(day, lang, front_matter=False), nl=False)


def today_cmd(as_json: JsonOpt = False) -> None:
    """Print today's record as markdown."""
    _print_day(today(), as_json)


def show_cmd(
    date: Annotated[str, typer.Argument(help="YYYY-MM-DD, today or yesterday.")],
    as_json: JsonOpt = False,
) -> None:
    """Print a day's record as markdown."""
    _print_day(parse_date(date), as_json)


def note_cmd(
    section: Annotated[str, typer.Argument(help="lecture, assignment, algorithm, review, peer, retro or note.")],
    text: Annotated[str, typer.Argument(help="The note (markdown); '-' reads stdin (≤ 10 MB, UTF-8).")],
    date: DateOpt = "today",
    title: Annotated[str, typer.Option("--title", "-t", help="A title line for the note.")] = "",
) -> None:
    """Add a note to a section of a day."""
    from studylog.journal import day as journal_day
    from studylog.journal.textin import read_stdin

    key = check_section(section)
    day = parse_date(date)
    if text == "-":
        text = read_stdin(sys.stdin.buffer)
    entry_id = journal_day.add_note(get_db(), day, key, text.rstrip("\n"), title=title)
    typer.echo(present.note_added(entry_id, key, day, _lang()))


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
    from studylog.cli.study_cmds import todo_extra_done  # carried items and reviews (study)

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
    from studylog.cli.study_cmds import todo_extra_lines  # carried items and reviews (study)

    extras = todo_extra_lines(day, len(todos) + 1, as_json)
    if as_json:
        print_json([dataclasses.asdict(t) | {"number": i} for i, t in enumerate(todos, 1)] + extras)
        return
    if not todos and not extras:
        typer.echo(present.no_todos(day, _lang()))
    for i, t in enumerate(todos, 1):
        typer.echo(present.todo_line(i, t.text, t.done))
    for line in extras:
        typer.echo(line)


def label_cmd(
    date: Annotated[str, typer.Argument(help="YYYY-MM-DD, today or yesterday.")] = "today",
    title: Annotated[str | None, typer.Option("--title", help="The post's title line.")] = None,
    week: Annotated[int | None, typer.Option("--week", min=1, max=1000, help="Course week W.")] = None,
    day: Annotated[int | None, typer.Option("--day", help="Day D of the course week.")] = None,
    record: Annotated[int | None, typer.Option("--record", min=1, max=1_000_000,
                                               help="Record number N (학습기록 - N).")] = None,
    reset: Annotated[bool, typer.Option("--reset", help="Back to the computed labels.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Show a day's labels (title, week W, day D, record N) or override them for that day."""
    from studylog.journal.labels import labels_for, set_labels

    when = parse_date(date)
    db = get_db()
    set_labels(db, when, title=title, week=week, day=day, record_no=record, reset=reset)
    labels = labels_for(db, when, Settings.load())
    if as_json:
        print_json(dataclasses.asdict(labels) | {"date": when})
        return
    typer.echo(present.label_line(when, labels.title, labels, _lang()))


def history_cmd(
    date: Annotated[str, typer.Argument(help="YYYY-MM-DD, today or yesterday.")] = "today",
    section: Annotated[str | None, typer.Argument(help="Only this section.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Every saved state (revision) of a day's sections, newest first."""
    from studylog.cli.journal_render import history_rows
    from studylog.store.revisions import history

    when = parse_date(date)
    key = check_section(section) if section else None
    revs = history(get_db(), when, key)
    if as_json:
        print_json([dataclasses.asdict(r) for r in revs])
        return
    lang = _lang()
    if not revs:
        typer.echo(present.no_history(when, lang))
        return
    history_rows([present.revision_row(r, lang) for r in revs])


def restore_cmd(
    rev: Annotated[str, typer.Argument(help="A revision id from `studylog history` (#12 or 12).")],
) -> None:
    """Put a revision's text back as its section's text (kept as a new revision)."""
    from studylog.errors import UserError
    from studylog.journal import day as journal_day

    value = rev.strip().lstrip("#")
    if not value.isdigit() or len(value) > 18:
        raise UserError(f"not a revision id: {rev!r} (see: studylog history DATE)")
    restored, result = journal_day.restore_revision(get_db(), int(value))
    typer.echo(present.restored_line(restored, result.version, _lang()))


def prune_history_cmd(
    before: Annotated[str, typer.Argument(help="Delete revisions saved before this date.")],
) -> None:
    """Delete old revisions (each section's latest one always stays). Nothing else deletes them."""
    from studylog.journal.day import prune_revisions

    when = parse_date(before)
    typer.echo(present.pruned_line(prune_revisions(get_db(), when), when, _lang()))


def register(app: typer.Typer) -> None:
    """Add the day commands to the top-level app."""
    app.command("today")(today_cmd)
    app.command("show")(show_cmd)
    app.command("note")(note_cmd)
    app.add_typer(todo_app, name="todo")
    app.command("label")(label_cmd)
    app.command("history")(history_cmd)
    app.command("restore")(restore_cmd)
    app.command("prune-history")(prune_history_cmd)
