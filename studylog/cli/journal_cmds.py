"""Journal commands across days: search, stats, config; registers the other journal groups.

The day commands (today, show, note, todo, label, history, restore) are in
``journal_day_cmds``, export/import/backup in ``journal_io_cmds``; output is built by
``journal_render`` from ``studylog.journal.words``.
"""


import dataclasses
from typing import Annotated

import typer

from studylog.cli import journal_day_cmds, journal_io_cmds
from studylog.cli.context import get_db, print_json
from studylog.config import SETTINGS, Settings
from studylog.journal import words as present
from studylog.journal.dates import parse_range, today
from studylog.journal.sections import check_section
from studylog.words import current_lang

JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]
MAX_LIMIT = 10_000


def search_cmd(
    query: Annotated[str, typer.Argument(help="Words to find (Hangul of any length; spacing does not matter).")],
    section: Annotated[str | None, typer.Option("--section", "-s", help="Only this section (or todo).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this date.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this date.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=MAX_LIMIT, help="At most this many hits.")] = 20,
    as_json: JsonOpt = False,
) -> None:
    """Search every note, ranked, with the matching snippet."""
    from studylog.cli.journal_render import search_hits
    from studylog.journal.search import search
    from studylog.journal.textin import check_text

    check_text(query, "the query")
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


def stats_cmd(
    as_json: JsonOpt = False,
    weeks: Annotated[int, typer.Option("--weeks", min=1, max=104, help="Weeks in the heatmap.")] = 26,
) -> None:
    """Streaks, entries per section per week, and a calendar heatmap."""
    from studylog.cli.journal_render import stats_text
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
    journal_day_cmds.register(app)
    app.command("search")(search_cmd)
    journal_io_cmds.register(app)
    app.command("stats")(stats_cmd)
    app.command("config")(config_cmd)
