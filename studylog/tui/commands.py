"""Command palette entries (ctrl+p): the five screens by name and the common actions."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.app import App, SystemCommand
from textual.screen import Screen

from studylog.tui.screens import SCREENS_BY_MODE


def _then(app: App, mode: str, action: str) -> Callable[[], None]:
    """Switch to ``mode`` and run the screen action ``action`` once it is shown."""

    def run() -> None:
        app.switch_mode(mode)
        app.call_later(lambda: app.run_action(action, app.screen))

    return run


def system_commands(app: App, screen: Screen, show_help: Callable[[], None],
                    toggle_theme: Callable[[], None]) -> Iterable[SystemCommand]:
    """The studylog commands shown in the palette (``show_help`` and ``toggle_theme`` are the app's)."""
    for mode, (_module, _cls, name, key) in SCREENS_BY_MODE.items():
        yield SystemCommand(name, f"Go to the {name} screen ({key})",
                            lambda m=mode: app.switch_mode(m))
    yield SystemCommand("New to-do", "Add a to-do to today's list",
                        _then(app, "today", "new_todo"))
    yield SystemCommand("Export today as blog post",
                        "Write today's record in the daily blog format and show it",
                        _then(app, "today", "export_blog"))
    yield SystemCommand("Run the judge", "Judge the chosen solution of the selected problem",
                        _then(app, "problems", "run_judge"))
    yield SystemCommand("Stress test", "Random cases against the reference",
                        _then(app, "problems", "run_stress"))
    yield SystemCommand("Start a training run", "Train with the settings of the Train form",
                        _then(app, "train", "start_run"))
    yield SystemCommand("LR preview", "Plot the learning rate of the chosen scheduler",
                        _then(app, "train", "lr_preview"))
    yield SystemCommand("Help", "The keys of every screen", show_help)
    yield SystemCommand("Toggle light/dark", "Switch between the light and the dark theme",
                        toggle_theme)
