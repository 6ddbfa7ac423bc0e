"""Journal commands that move days in and out: export, import, backup."""


import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from studylog.cli.context import db_path, get_db
from studylog.config import Settings
from studylog.errors import UserError
from studylog.journal.dates import parse_date, parse_range, today


def export_cmd(
    dates: Annotated[list[str] | None, typer.Argument(help="Days to export (default: today).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this date.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this date.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="blog, markdown or json.")] = "blog",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File, or folder for one file per day.")] = None,
) -> None:
    """Export days as the blog post (학습기록), markdown or JSON (never the revisions)."""
    from studylog.cli.peer import with_peer_lines
    from studylog.journal.exchange import FORMATS, export_json, export_text
    from studylog.store.days import dates as recorded_dates

    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    start, end = parse_range(since, until)
    chosen = [parse_date(d) for d in dates or []]
    db = get_db()
    settings = Settings.load()
    if since or until:
        chosen += recorded_dates(db, start, end)
        if not chosen and fmt != "json":  # JSON says so with an empty list of days
            raise UserError(f"no recorded days between {start or 'the start'} and "
                            f"{end or 'the end'}")
    elif not chosen:
        chosen = [today()]
    chosen = sorted(set(chosen))
    if fmt == "json":
        text = json.dumps(export_json(db, chosen, settings), ensure_ascii=False, indent=2) + "\n"
        _write(output, text)
        return
    ext = ".txt" if fmt == "blog" else ".md"
    if output is not None and (output.is_dir() or len(chosen) > 1):
        output.mkdir(parents=True, exist_ok=True)
        for d in chosen:
            (output / f"{d}{ext}").write_text(with_peer_lines(d, fmt, export_text(db, d, fmt, settings)),
                                              encoding="utf-8")
        typer.echo(f"wrote {len(chosen)} file{'s' if len(chosen) != 1 else ''} to {output}", err=True)
        return
    _write(output, "\n".join(with_peer_lines(d, fmt, export_text(db, d, fmt, settings)) for d in chosen))


def _write(output: Path | None, text: str) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    if output.is_dir():
        raise UserError(f"{output} is a directory; name a file")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {output}", err=True)


def import_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Blog posts, markdown or JSON exports (≤ 10 MB each).")],
    date: Annotated[str | None, typer.Option("--date", "-d", help="The day of a post (one file).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be imported.")] = False,
) -> None:
    """Import blog posts (pasted text or markdown), our markdown or our JSON. Nothing is dropped."""
    from studylog.journal.exchange import import_paths

    when = parse_date(date) if date else None
    reports = import_paths(get_db(), paths, Settings.load(), date=when, dry_run=dry_run)
    for r in reports:
        typer.echo(("would import " if dry_run else "imported ") + r.summary())


def backup_cmd(
    path: Annotated[Path | None, typer.Argument(help="Target file or folder.")] = None,
) -> None:
    """Make a consistent copy of the database (safe while other commands write)."""
    from studylog.journal.backup import backup, default_backup_path

    target = backup(get_db(), path or default_backup_path(db_path()))
    typer.echo(f"backed up {db_path()} to {target}")


def register(app: typer.Typer) -> None:
    """Add the import/export commands to the top-level app."""
    app.command("export")(export_cmd)
    app.command("import")(import_cmd)
    app.command("backup")(backup_cmd)
