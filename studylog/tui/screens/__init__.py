"""The app's screens: a module, or a package where a screen has several parts (today, problems,
train); imported lazily so the first screen starts fast."""

from __future__ import annotations

import importlib

from textual.screen import Screen

#: mode name -> (module, class, palette name, footer key)
SCREENS_BY_MODE: dict[str, tuple[str, str, str, str]] = {
    "today": ("today", "TodayScreen", "Today", "f2"),
    "journal": ("journal", "JournalScreen", "Journal", "f3"),
    "problems": ("problems", "ProblemsScreen", "Problems", "f4"),
    "train": ("train", "TrainScreen", "Train", "f5"),
    "stats": ("stats", "StatsScreen", "Stats", "f6"),
    "week": ("week", "WeekScreen", "Week", "ctrl+y in Journal"),
}


def make_screen(mode: str) -> Screen:
    """A new screen for ``mode`` (its module is imported on first use)."""
    module, cls, _name, _key = SCREENS_BY_MODE[mode]
    return getattr(importlib.import_module(f"studylog.tui.screens.{module}"), cls)()
