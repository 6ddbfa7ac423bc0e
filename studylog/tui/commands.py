"""Command palette entries (ctrl+p): the five screens by name and the common actions."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.app import App, SystemCommand
from textual.screen import Screen

from studylog.tui.screens import SCREENS_BY_MODE
from studylog.tui.words import action_command, screen_command
from studylog.words import current_lang


def _then(app: App, mode: str, action: str) -> Callable[[], None]:
    """Switch to ``mode`` and run the screen action ``action`` once it is shown."""

    def run() -> None:
        app.switch_mode(mode)
        app.call_later(lambda: app.run_action(action, app.screen))

    return run


def system_commands(app: App, screen: Screen, show_help: Callable[[], None],
                    toggle_theme: Callable[[], None]) -> Iterable[SystemCommand]:
    """The studylog commands shown in the palette (``show_help`` and ``toggle_theme`` are the
    app's), each titled in both languages so that a search in Korean or English finds it."""
    lang = current_lang()
    for mode, (_module, _cls, _name, key) in SCREENS_BY_MODE.items():
        yield SystemCommand(*screen_command(mode, key, lang), lambda m=mode: app.switch_mode(m))
    for action, mode in (("new_todo", "today"), ("export_blog", "today"),
                         ("run_judge", "problems"), ("run_stress", "problems"),
                         ("start_run", "train"), ("lr_preview", "train")):
        yield SystemCommand(*action_command(action, lang), _then(app, mode, action))
    yield SystemCommand(*action_command("help", lang), show_help)
    yield SystemCommand(*action_command("toggle_theme", lang), toggle_theme)
