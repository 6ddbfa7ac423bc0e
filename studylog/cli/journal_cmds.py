"""Journal commands: today, show, note, todo, search, export, import, stats, backup, config."""

from __future__ import annotations

from typing import Annotated

import typer

from studylog.config import SETTINGS, Settings


def config_cmd(
    key: Annotated[str | None, typer.Argument(help="Setting name, e.g. course.start")] = None,
    value: Annotated[str | None, typer.Argument(help="New value (omit to print)")] = None,
) -> None:
    """Show or change a setting (e.g. `studylog config course.start 2026-10-26`)."""
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
    app.command("config")(config_cmd)
