"""Journal commands: today, show, note, todo, search, export, import, stats, backup, config."""


import dataclasses
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from studylog.cli.context import db_path, get_db, print_json
from studylog.config import SETTINGS, Settings
from studylog.errors import UserError
from studylog.journal import day as journal_day
from studylog.journal.dates import parse_date, today, weekday_name
from studylog.journal.sections import BY_KEY, check_section

DateOpt = Annotated[str, typer.Option("--date", "-d", help="YYYY-MM-DD, today or yesterday.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]

todo_app = typer.Typer(help="Today's to-dos (오늘 한 일).", no_args_is_help=True)


def _print_day(date: str, as_json: bool) -> None:
    from studylog.journal.post import render_markdown

    settings = Settings.load()
    day = journal_day.load_day(get_db(), date, settings)
    if as_json:
        print_json(dataclasses.asdict(day))
    else:
        lang = settings.get("language")
        typer.echo(f"{date} ({weekday_name(date, lang)})")
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
    text: Annotated[str, typer.Argument(help="The note (markdown). '-' reads standard input.")],
    date: DateOpt = "today",
    title: Annotated[str, typer.Option("--title", "-t", help="A title line for the note.")] = "",
) -> None:
    """Add a note to a section of a day."""
    key = check_section(section)
    day = parse_date(date)
    if text == "-":
        text = sys.stdin.read()
    entry_id = journal_day.add_note(get_db(), day, key, text.rstrip("\n"), title=title)
    typer.echo(f"added note #{entry_id} to {key} ({BY_KEY[key].ko}) on {day}")


@todo_app.command("add")
def todo_add(
    text: Annotated[str, typer.Argument(help="What to do.")],
    date: DateOpt = "today",
) -> None:
    """Add a to-do."""
    day = parse_date(date)
    db = get_db()
    journal_day.add_todo(db, day, text)
    count = len(journal_day.load_day(db, day, Settings.load()).todos)
    typer.echo(f"{count}. [ ] {text.strip()}")


@todo_app.command("done")
def todo_done(
    number: Annotated[int, typer.Argument(help="The to-do's number in `todo list`.")],
    date: DateOpt = "today",
    undo: Annotated[bool, typer.Option("--undo", help="Uncheck it instead.")] = False,
) -> None:
    """Check off a to-do (or uncheck it with --undo)."""
    day = parse_date(date)
    db = get_db()
    todo = journal_day.todo_by_number(db, day, number)
    journal_day.set_todo_done(db, todo.id, not undo)
    typer.echo(f"{number}. [{' ' if undo else 'x'}] {todo.text}")


@todo_app.command("list")
def todo_list(date: DateOpt = "today", as_json: JsonOpt = False) -> None:
    """List a day's to-dos."""
    day = parse_date(date)
    todos = journal_day.load_day(get_db(), day, Settings.load()).todos
    if as_json:
        print_json([dataclasses.asdict(t) | {"number": i} for i, t in enumerate(todos, 1)])
        return
    if not todos:
        typer.echo(f"no to-dos on {day} (add one: studylog todo add TEXT)")
    for i, t in enumerate(todos, 1):
        typer.echo(f"{i}. [{'x' if t.done else ' '}] {t.text}")


def search_cmd(
    query: Annotated[str, typer.Argument(help="Words to find (Hangul of any length works).")],
    section: Annotated[str | None, typer.Option("--section", "-s", help="Only this section (or todo).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this date.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this date.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many hits.")] = 20,
    as_json: JsonOpt = False,
) -> None:
    """Search every note, ranked, with the matching snippet."""
    from studylog.journal.search import search

    key = "todo" if section == "todo" else check_section(section) if section else None
    hits = search(get_db(), query, section=key, since=parse_date(since) if since else None,
                  until=parse_date(until) if until else None, limit=limit)
    if as_json:
        print_json([h.as_dict() for h in hits])
        return
    if not hits:
        typer.echo(f"no notes match {query!r}")
        return
    color = sys.stdout.isatty()
    for h in hits:
        snippet = h.snippet
        if color:
            for start, end in reversed(h.spans):
                snippet = snippet[:start] + typer.style(snippet[start:end], bold=True,
                                                        fg="yellow") + snippet[end:]
        typer.echo(f"{h.date}  {h.section:<10} {snippet}")


def export_cmd(
    dates: Annotated[list[str] | None, typer.Argument(help="Days to export (default: today).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this date.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this date.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="blog, markdown or json.")] = "blog",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File, or folder for one file per day.")] = None,
) -> None:
    """Export days as the blog post (학습기록), markdown or JSON."""
    from studylog.journal.exchange import FORMATS, export_json, export_text
    from studylog.store.days import dates as recorded_dates

    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    db = get_db()
    settings = Settings.load()
    chosen = [parse_date(d) for d in dates or []]
    if since or until:
        chosen += recorded_dates(db, parse_date(since) if since else None,
                                 parse_date(until) if until else None)
    chosen = sorted(set(chosen)) or [today()]
    if fmt == "json":
        text = json.dumps(export_json(db, chosen, settings), ensure_ascii=False, indent=2) + "\n"
        _write(output, text)
        return
    ext = ".txt" if fmt == "blog" else ".md"
    if output is not None and (output.is_dir() or len(chosen) > 1):
        output.mkdir(parents=True, exist_ok=True)
        for d in chosen:
            (output / f"{d}{ext}").write_text(export_text(db, d, fmt, settings), encoding="utf-8")
        typer.echo(f"wrote {len(chosen)} file{'s' if len(chosen) != 1 else ''} to {output}", err=True)
        return
    _write(output, "\n".join(export_text(db, d, fmt, settings) for d in chosen))


def _write(output: Path | None, text: str) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {output}", err=True)


def import_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Blog posts, markdown files or JSON exports.")],
    date: Annotated[str | None, typer.Option("--date", "-d", help="The day of a post (one file).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be imported.")] = False,
) -> None:
    """Import blog posts (pasted text or markdown), our markdown or our JSON. Nothing is dropped."""
    from studylog.journal.exchange import import_paths

    reports = import_paths(get_db(), paths, Settings.load(),
                           date=parse_date(date) if date else None, dry_run=dry_run)
    for r in reports:
        typer.echo(("would import " if dry_run else "imported ") + r.summary())


def stats_cmd(
    as_json: JsonOpt = False,
    weeks: Annotated[int, typer.Option("--weeks", min=1, max=104, help="Weeks in the heatmap.")] = 26,
) -> None:
    """Streaks, entries per section per week, and a calendar heatmap."""
    from studylog.journal.stats import compute_stats, render_heatmap

    stats = compute_stats(get_db(), today())
    if as_json:
        print_json(dataclasses.asdict(stats))
        return
    typer.echo(f"streak: {stats.current_streak} day(s) now, longest {stats.longest_streak}")
    typer.echo(f"{stats.days} days written, {stats.entries} notes")
    typer.echo("")
    keys = list(stats.per_section)
    typer.echo("notes per section, last 8 weeks:")
    typer.echo(f"{'week':<9} " + " ".join(f"{k:>10}" for k in keys))
    for week in sorted(stats.per_section_week)[-8:]:
        row = stats.per_section_week[week]
        typer.echo(f"{week:<9} " + " ".join(f"{row.get(k, 0):>10}" for k in keys))
    typer.echo(f"{'all time':<9} " + " ".join(f"{stats.per_section[k]:>10}" for k in keys))
    typer.echo("")
    typer.echo(render_heatmap(stats.activity, stats.today, weeks))


def backup_cmd(
    path: Annotated[Path | None, typer.Argument(help="Target file or folder.")] = None,
) -> None:
    """Make a consistent copy of the database (safe while other commands write)."""
    from studylog.journal.backup import backup, default_backup_path

    target = backup(get_db(), path or default_backup_path(db_path()))
    typer.echo(f"backed up {db_path()} to {target}")


def label_cmd(
    date: Annotated[str, typer.Argument(help="YYYY-MM-DD, today or yesterday.")] = "today",
    title: Annotated[str | None, typer.Option("--title", help="The post's title line.")] = None,
    week: Annotated[int | None, typer.Option("--week", help="Course week W.")] = None,
    day: Annotated[int | None, typer.Option("--day", help="Day D of the course week.")] = None,
    record: Annotated[int | None, typer.Option("--record", help="Record number N (학습기록 - N).")] = None,
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
    where = f"week{labels.week}({labels.day})" if labels.week else "no course week (set course.start)"
    typer.echo(f"{when}  {labels.title}  ·  {where}  ·  학습기록 - {labels.record_no}")


def config_cmd(
    key: Annotated[str | None, typer.Argument(help="Setting name, e.g. course.start")] = None,
    value: Annotated[str | None, typer.Argument(help="New value (omit to print)")] = None,
) -> None:
    """Show or change a setting: `studylog config course.start 2026-10-26`."""
    settings = Settings.load()
    if key is None:
        for name, (_default, help_text) in SETTINGS.items():
            typer.echo(f"{name} = {settings.get(name)!r}    # {help_text}")
        return
    if value is None:
        typer.echo(settings.get(key))
        return
    settings.set(key, value)
    typer.echo(f"{key} = {value!r}")


def register(app: typer.Typer) -> None:
    """Add the journal commands to the top-level app."""
    app.command("today")(today_cmd)
    app.command("show")(show_cmd)
    app.command("note")(note_cmd)
    app.add_typer(todo_app, name="todo")
    app.command("search")(search_cmd)
    app.command("export")(export_cmd)
    app.command("import")(import_cmd)
    app.command("stats")(stats_cmd)
    app.command("backup")(backup_cmd)
    app.command("label")(label_cmd)
    app.command("config")(config_cmd)
