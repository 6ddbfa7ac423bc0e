"""Journal commands: today, show, note, label, history, restore, prune-history, search, export,
import, backup, stats, config (the `todo` group is in :mod:`studylog.cli.todo`).

Output is built by :mod:`studylog.cli.render.journal` from ``studylog.journal.words``.
"""


import dataclasses
import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from studylog.cli.context import db_path, get_db, print_json
from studylog.cli.text_args import DefaultCommandGroup, TextCommand
from studylog.config import SETTINGS, SETTINGS_KO, Settings
from studylog.errors import UserError
from studylog.journal import words as present
from studylog.journal.dates import parse_date, parse_range, today
from studylog.journal.sections import check_section
from studylog.words import current_lang, say

DateOpt = Annotated[str, typer.Option("--date", "-d", help="YYYY-MM-DD, today or yesterday.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]
MAX_LIMIT = 10_000


def _print_day(date: str, as_json: bool) -> None:
    """One view of a day: its record with the to-dos it gets from elsewhere (carried retro
    items, due reviews) and its peer session, as ``todo list`` and ``export`` show them."""
    from studylog.journal import day as journal_day
    from studylog.journal.publish.post import render_markdown
    from studylog.peer.day import with_peer_lines
    from studylog.study import words as study_words
    from studylog.study.study_todos import export_lines, extra_todos

    settings = Settings.load()
    db = get_db()
    day = journal_day.load_day(db, date, settings)
    lang = current_lang()
    if as_json:
        data = dataclasses.asdict(day)
        data["extra_todos"] = [  # carried items and due reviews, as `todo list` shows them
            {"kind": e.kind, "text": study_words.extra_text(e, lang, origin=False),
             "done": e.done, "origin": e.origin}
            for e in extra_todos(db, date, int(settings.get("review.per_day")))]
        print_json(data)
        return
    typer.echo(present.date_label(date, lang))
    text = render_markdown(day, lang, front_matter=False,
                           extra_todos=export_lines(db, date, settings, "markdown", lang))
    typer.echo(with_peer_lines(db, date, "markdown", text, lang), nl=False)


def today_cmd(as_json: JsonOpt = False) -> None:
    """Print today's record as markdown."""
    _print_day(today(), as_json)


def show_cmd(
    date: Annotated[str, typer.Argument(help="YYYY-MM-DD, today or yesterday.")],
    as_json: JsonOpt = False,
) -> None:
    """Print a day's record as markdown."""
    _print_day(parse_date(date), as_json)


note_app = typer.Typer(
    cls=DefaultCommandGroup, no_args_is_help=True,
    help="Notes of a day's sections: `note SECTION TEXT` adds one (short for `note add`); "
    "list, edit and rm work on one note by its id.",
    short_help="Add, list, edit or remove a note.",
)
SECTION_HELP = ("lecture/강의, assignment/과제, algorithm/알고리즘, review/코드 리뷰, peer/피어세션, "
                "retro/회고 or note/메모.")
TEXT_HELP = "The note (markdown; may start with '-'); '-' alone reads stdin (≤ 10 MB, UTF-8)."


def _text_arg(text: str) -> str:
    from studylog.journal.textin import text_argument

    return text_argument(text)


@note_app.command("add", cls=TextCommand, short_help="Add a note to a section of a day.")
def note_cmd(
    section: Annotated[str, typer.Argument(metavar="SECTION", help=SECTION_HELP)],
    text: Annotated[str, typer.Argument(metavar="TEXT", help=TEXT_HELP)],
    date: DateOpt = "today",
    title: Annotated[str, typer.Option("--title", "-t", help="A title line for the note.")] = "",
) -> None:
    """Add a note to a section of a day (`note SECTION TEXT` for short)."""
    from studylog.journal import day as journal_day

    key = check_section(section)
    day = parse_date(date)
    entry_id = journal_day.add_note(get_db(), day, key, _text_arg(text).rstrip("\n"), title=title)
    typer.echo(present.note_added(entry_id, key, day, current_lang()))


@note_app.command("list", short_help="A day's notes with their ids.")
def note_list_cmd(date: DateOpt = "today", as_json: JsonOpt = False) -> None:
    """A day's notes with their ids (for `note edit` and `note rm`)."""
    from studylog.journal import day as journal_day

    day = parse_date(date)
    entries = journal_day.load_day(get_db(), day, Settings.load()).entries
    if as_json:
        print_json([dataclasses.asdict(e) for e in entries])
        return
    lang = current_lang()
    if not entries:
        typer.echo(present.no_notes(day, lang))
    for e in entries:
        typer.echo(present.note_row(e.id, e.section, e.text, lang))


NoteId = Annotated[int, typer.Argument(metavar="ID", min=1, help="The note's id (`note list`).")]


@note_app.command("edit", cls=TextCommand, short_help="Replace one note's text.")
def note_edit_cmd(
    entry_id: NoteId,
    text: Annotated[str, typer.Argument(metavar="TEXT", help=TEXT_HELP)],
    title: Annotated[str | None, typer.Option("--title", "-t", help="A new title line.")] = None,
) -> None:
    """Replace one note's text (the old text stays in `studylog history`)."""
    from studylog.journal import day as journal_day

    entry = journal_day.edit_note(get_db(), entry_id, _text_arg(text).rstrip("\n"), title)
    typer.echo(present.note_edited(entry.id, entry.section, entry.date, current_lang()))


@note_app.command("rm", short_help="Remove one note.")
def note_rm_cmd(entry_id: NoteId) -> None:
    """Remove one note (its text stays in `studylog history`; `restore` brings it back)."""
    from studylog.journal import day as journal_day

    entry = journal_day.remove_note(get_db(), entry_id)
    typer.echo(present.note_removed(entry.id, entry.section, entry.date, current_lang()))


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
    typer.echo(present.label_line(when, labels.title, labels, current_lang()))


def history_cmd(
    date: Annotated[str, typer.Argument(help="YYYY-MM-DD, today or yesterday.")] = "today",
    section: Annotated[str | None, typer.Argument(help="Only this section.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Every saved state (revision) of a day's sections, newest first."""
    from studylog.cli.render.journal import history_rows
    from studylog.journal.day import history

    when = parse_date(date)
    key = check_section(section) if section else None
    revs = history(get_db(), when, key)
    if as_json:
        print_json([dataclasses.asdict(r) for r in revs])
        return
    lang = current_lang()
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
        raise UserError(say(f"리비전 id가 아닙니다: {rev!r} (보기: studylog history DATE)",
                            f"not a revision id: {rev!r} (see: studylog history DATE)"))
    restored, result = journal_day.restore_revision(get_db(), int(value))
    typer.echo(present.restored_line(restored, result.version, current_lang()))


def prune_history_cmd(
    before: Annotated[str, typer.Argument(help="Delete revisions saved before this date.")],
) -> None:
    """Delete old revisions (each section's latest one always stays). Nothing else deletes them."""
    from studylog.journal.day import prune_revisions

    when = parse_date(before)
    typer.echo(present.pruned_line(prune_revisions(get_db(), when), when, current_lang()))


def search_cmd(
    query: Annotated[str, typer.Argument(help="Words to find (Hangul of any length; spacing does not matter).")],
    section: Annotated[str | None, typer.Option("--section", "-s", help="Only this section (or todo).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this date.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this date.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=MAX_LIMIT, help="At most this many hits.")] = 20,
    as_json: JsonOpt = False,
) -> None:
    """Search every note, ranked, with the matching snippet."""
    from studylog.cli.render.journal import search_hits
    from studylog.journal.search import search
    from studylog.journal.textin import check_text

    check_text(query, say("검색어", "the query"))
    key = "todo" if section == "todo" else check_section(section) if section else None
    start, end = parse_range(since, until)
    hits = search(get_db(), query, section=key, since=start, until=end, limit=limit)
    if as_json:
        print_json([h.as_dict() for h in hits])
        return
    lang = current_lang()
    if not hits:
        typer.echo(present.no_hits(query, lang))
        return
    search_hits(hits, lang)


def export_cmd(
    dates: Annotated[list[str] | None, typer.Argument(help="Days to export (default: today).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this date.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this date.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="blog, markdown or json.")] = "blog",
    output_name: Annotated[str | None, typer.Option(
        "--output", "-o", help="File, or folder for one file per day (a name ending in / is a folder)."
    )] = None,
    detail: Annotated[bool, typer.Option(
        "--all", help="Every training run (default: one line per experiment, its best run).")
    ] = False,
) -> None:
    """Export days as the blog post (학습기록), markdown or JSON (never the revisions)."""
    from studylog.journal.publish.exchange import FORMATS, export_json, export_text, recorded_dates
    from studylog.journal.publish.output import (
        check_target,
        make_folder,
        output_path,
        write_output,
    )
    from studylog.peer.day import with_peer_lines
    from studylog.study.study_todos import export_lines

    output = output_path(output_name)

    if fmt not in FORMATS:
        raise UserError(say(f"모르는 형식입니다: {fmt!r} (다음 중 하나를 쓰세요: {', '.join(FORMATS)})",
                            f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}"))
    start, end = parse_range(since, until)
    chosen = [parse_date(d) for d in dates or []]
    db = get_db()
    settings = Settings.load()
    if since or until:
        chosen += recorded_dates(db, start, end)
        if not chosen and fmt != "json":  # JSON says so with an empty list of days
            raise UserError(say(f"{start or '처음'}부터 {end or '끝'}까지 기록된 날이 없습니다",
                                f"no recorded days between {start or 'the start'} and "
                                f"{end or 'the end'}"))
    elif not chosen:
        chosen = [today()]
    chosen = sorted(set(chosen))
    # a name ending in "/" is a folder, one file per day, even for one day (JSON is one file)
    if output is not None and fmt == "json" and str(output_name).endswith(os.sep):
        raise UserError(say(f"{output_name}: JSON은 파일 하나로 씁니다; 파일 이름을 주세요",
                            f"{output_name}: JSON is written as one file; name a file"))
    into_folder = output is not None and fmt != "json" and (
        output.is_dir() or len(chosen) > 1 or str(output_name).endswith(os.sep))
    if output is not None:  # before any work: a path that cannot be written is refused first
        check_target(output, folder=into_folder or output.is_dir())
    if fmt == "json":
        text = json.dumps(export_json(db, chosen, settings), ensure_ascii=False, indent=2) + "\n"
        _write(output, text)
        return
    ext = ".txt" if fmt == "blog" else ".md"
    lang = current_lang()

    def export_day(d: str) -> str:  # the day's study lines (carried items, due reviews) from study
        text = export_text(db, d, fmt, settings, lang, export_lines(db, d, settings, fmt, lang),
                           detail=detail)
        return with_peer_lines(db, d, fmt, text, lang)  # and the day's peer session

    if output is not None and into_folder:
        make_folder(output)
        for d in chosen:
            write_output(output / f"{d}{ext}", export_day(d))
        typer.echo(say(f"{output}에 파일 {len(chosen)}개를 썼습니다",
                       f"wrote {len(chosen)} file{'s' if len(chosen) != 1 else ''} to {output}"), err=True)
        return
    _write(output, "\n".join(export_day(d) for d in chosen))


def _write(output: Path | None, text: str) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from studylog.journal.publish.output import write_output

    write_output(output, text)
    typer.echo(say(f"{output}에 썼습니다", f"wrote {output}"), err=True)


def import_cmd(
    paths: Annotated[list[Path], typer.Argument(
        help="Blog posts, markdown or JSON exports (≤ 10 MB each), or folders of them.")],
    date: Annotated[str | None, typer.Option("--date", "-d", help="The day of a post (one file).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be imported.")] = False,
) -> None:
    """Import blog posts (pasted text or markdown), our markdown or our JSON. Nothing is dropped."""
    from studylog.journal.publish.exchange import import_paths

    when = parse_date(date) if date else None
    reports = import_paths(get_db(), paths, Settings.load(), current_lang(), date=when, dry_run=dry_run)
    lang = current_lang()
    for r in reports:
        typer.echo(r.summary(lang, dry_run))


def backup_cmd(
    name: Annotated[str | None, typer.Argument(help="Target file or folder (it must exist).")] = None,
) -> None:
    """Make a consistent copy of the database (safe while other commands write)."""
    from studylog.journal.publish.backup import backup, default_backup_path
    from studylog.journal.publish.output import output_path

    path = output_path(name, say("백업 경로", "the backup's path"))
    target = backup(get_db(), path or default_backup_path(db_path()), make_folders=path is None)
    typer.echo(present.backed_up(str(db_path()), str(target), current_lang()))


def stats_cmd(
    as_json: JsonOpt = False,
    weeks: Annotated[int, typer.Option("--weeks", min=1, max=104, help="Weeks in the heatmap.")] = 26,
) -> None:
    """Streaks, entries per section per week, and a calendar heatmap."""
    from studylog.cli.render.journal import stats_text
    from studylog.journal.stats import compute_stats

    stats = compute_stats(get_db(), today())
    if as_json:
        print_json(dataclasses.asdict(stats))
        return
    stats_text(stats, weeks, current_lang())


def config_cmd(
    key: Annotated[str | None, typer.Argument(help="Setting name, e.g. course.start")] = None,
    value: Annotated[str | None, typer.Argument(help="New value (omit to print)")] = None,
) -> None:
    """Show or change a setting: `studylog config course.start 2026-10-26`."""
    settings = Settings.load()
    if key is None:
        korean = current_lang() == "ko"
        for name, (_default, help_text) in SETTINGS.items():
            shown = SETTINGS_KO.get(name, help_text) if korean else help_text
            typer.echo(f"{name} = {settings.get(name)!r}    # {shown}")
        return
    if value is None:
        typer.echo(settings.get(key))
        return
    settings.set(key, value)
    typer.echo(f"{key} = {value!r}")
