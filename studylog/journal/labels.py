"""Course labels of a day: week W, day D of the week, record number N and the post title.

Week and day count from the configured ``course.start``; the record number counts the days that
have a record, anchored at the latest day whose number was set by hand (an imported post, say).
Every label can be overridden per day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlite_utils

from studylog.config import Settings
from studylog.errors import UserError
from studylog.store import days as q
from studylog.words import say


@dataclass(frozen=True)
class Labels:
    """What a day is called in the course."""

    title: str
    week: int | None
    day: int | None
    record_no: int


def course_week_day(date: str, settings: Settings) -> tuple[int, int] | None:
    """(week, day-of-week) counted from course.start, or None when unset or before the start."""
    start = settings.get("course.start")
    if not start:
        return None
    delta = (dt.date.fromisoformat(date) - dt.date.fromisoformat(start)).days
    if delta < 0:
        return None
    return delta // 7 + 1, delta % 7 + 1


def date_of(week: int, day: int, settings: Settings) -> str | None:
    """The date of week W, day D of the course (None when course.start is unset, or the day
    would lie past the calendar's end, as week 999999 does)."""
    start = settings.get("course.start")
    if not start or week < 1 or day < 1:
        return None
    try:
        return (dt.date.fromisoformat(start)
                + dt.timedelta(days=(week - 1) * 7 + day - 1)).isoformat()
    except OverflowError:
        return None


def default_title(settings: Settings, week: int | None, day: int | None, date: str) -> str:
    """The title a post gets unless the day overrides it."""
    name = settings.get("course.name")
    return f"{name} - week{week}({day})" if week else f"{name} - {date}"


def labels_for(db: sqlite_utils.Database, date: str, settings: Settings) -> Labels:
    """Compute (or read the overrides of) a day's labels."""
    row = q.get_day(db, date)
    wd = course_week_day(date, settings)
    week = (row and row.week) or (wd[0] if wd else None)
    day = (row and row.day) or (wd[1] if wd else None)
    record_no = row.record_no if row else None
    if record_no is None:
        anchor = q.record_anchor(db, date)
        counted = q.count_days(db, anchor[0] if anchor else None, date)
        if not row:
            counted += 1  # the day itself, once written
        record_no = (anchor[1] if anchor else 0) + counted
    title = (row and row.title) or default_title(settings, week, day, date)
    return Labels(title=title, week=week, day=day, record_no=record_no)


def set_labels(db: sqlite_utils.Database, date: str, *, title: str | None = None,
               week: int | None = None, day: int | None = None, record_no: int | None = None,
               reset: bool = False) -> None:
    """Override a day's labels (or, with ``reset``, go back to the computed ones).

    The title is one line (line breaks become spaces) and must be valid UTF-8."""
    from studylog.journal.textin import check_text, one_line
    from studylog.store import transaction

    if title is not None:
        title = one_line(check_text(title, say("제목", "the title")))

    for name, value in (("week", week), ("day", day), ("record_no", record_no)):
        if value is not None and value < 1:
            field = name.replace('_no', '')
            raise UserError(say(f"{field}은(는) 1 이상이어야 합니다: {value}",
                                f"{field} must be 1 or more, not {value}"))
    if day is not None and day > 7:
        raise UserError(say(f"day는 1..7이어야 합니다 (과정 주의 몇째 날): {day}",
                            f"day must be 1..7 (day of the course week), not {day}"))
    fields: dict[str, object] = {}
    if reset:
        fields = dict.fromkeys(("title", "week", "day", "record_no"))
    given: tuple[tuple[str, object], ...] = (
        ("title", title), ("week", week), ("day", day), ("record_no", record_no))
    for name, given_value in given:
        if given_value is not None:
            fields[name] = given_value or None
    if fields:
        with transaction(db):
            q.set_day_fields(db, date, **fields)
