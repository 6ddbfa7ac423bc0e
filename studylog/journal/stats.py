"""Streaks, entries per section per week and a calendar heatmap of activity."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import sqlite_utils

from studylog.journal.sections import KEYS
from studylog.store import activity
from studylog.words import Lang

SHADES = " ░▒▓█"


@dataclass
class Stats:
    """The numbers `studylog stats` shows."""

    today: str
    current_streak: int
    longest_streak: int
    days: int
    entries: int
    per_section: dict[str, int] = field(default_factory=dict)
    per_section_week: dict[str, dict[str, int]] = field(default_factory=dict)  # "2026-W47" -> ...
    activity: dict[str, int] = field(default_factory=dict)


def _streaks(active: set[dt.date], today: dt.date) -> tuple[int, int]:
    longest = run = 0
    prev: dt.date | None = None
    for d in sorted(active):
        run = run + 1 if prev and (d - prev).days == 1 else 1
        longest = max(longest, run)
        prev = d
    current = 0
    cursor = today if today in active else today - dt.timedelta(days=1)
    while cursor in active:
        current += 1
        cursor -= dt.timedelta(days=1)
    return current, longest


def iso_week(date: str) -> str:
    """``YYYY-Www`` of a date."""
    y, w, _ = dt.date.fromisoformat(date).isocalendar()
    return f"{y}-W{w:02d}"


def compute_stats(db: sqlite_utils.Database, today: str) -> Stats:
    """Compute streaks (days with anything written), counts and per-day activity."""
    act = activity.active_dates(db)
    current, longest = _streaks({dt.date.fromisoformat(d) for d in act}, dt.date.fromisoformat(today))
    per_section = dict.fromkeys(KEYS, 0)
    per_week: dict[str, dict[str, int]] = {}
    for date, section, n in activity.section_counts(db):
        per_section[section] = per_section.get(section, 0) + n
        week = per_week.setdefault(iso_week(date), dict.fromkeys(KEYS, 0))
        week[section] = week.get(section, 0) + n
    return Stats(
        today=today, current_streak=current, longest_streak=longest, days=len(act),
        entries=sum(per_section.values()), per_section=per_section,
        per_section_week=per_week, activity=act,
    )


def render_heatmap(activity_by_date: dict[str, int], today: str, weeks: int = 26,
                   lang: Lang = "en") -> str:
    """A GitHub-style calendar: one column per week, rows Mon..Sun, shade by activity (the
    weekday names and the legend in ``lang``)."""
    from studylog.journal.words import heatmap_day_names, heatmap_legend

    end = dt.date.fromisoformat(today)
    start = end - dt.timedelta(days=end.weekday() + 7 * (weeks - 1))
    top = max([n for d, n in activity_by_date.items() if d >= start.isoformat()] or [1])
    header = [" "] * (2 * weeks)
    for c in range(weeks):
        first = start + dt.timedelta(days=7 * c)
        new_month = any((first + dt.timedelta(days=i)).day == 1 for i in range(7))
        if c == 0 or new_month:
            month = (first + dt.timedelta(days=6)).month if new_month else first.month
            label = str(month)
            if all(ch == " " for ch in header[2 * c : 2 * c + len(label) + 1]):
                header[2 * c : 2 * c + len(label)] = list(label)
    rows = ["    " + "".join(header).rstrip()]
    for r, name in enumerate(heatmap_day_names(lang)):
        cells = []
        for c in range(weeks):
            d = start + dt.timedelta(days=7 * c + r)
            if d > end:
                cells.append("  ")
                continue
            n = activity_by_date.get(d.isoformat(), 0)
            level = 0 if n == 0 else 1 + min(3, (n * 4 - 1) // top)
            cells.append((SHADES[level] if level else "·") * 2)
        rows.append(f"{name} " + "".join(cells).rstrip())
    less, more = heatmap_legend(lang)
    rows.append(f"     {less} " + " ".join(c * 2 for c in "·░▒▓█") + f" {more}")
    return "\n".join(rows)
