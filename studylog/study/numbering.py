"""The numbers of a day's to-dos: its own to-dos first (1..n), then the to-dos it gets from study
(carried retrospective items, then the reviews due), in the order :func:`day_extras` gives.

``todo list``, ``todo done N`` and the app's Today screen (its own list, then the study to-dos
widget under it) all number and order them this way.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from studylog.config import Settings
from studylog.errors import UserError
from studylog.store import days as store
from studylog.study.carryover import ExtraTodo
from studylog.study.study_todos import extra_todos
from studylog.words import say


@dataclass(frozen=True)
class NumberedExtra:
    """A carried item or due review with the number it has in the day's to-do list."""

    number: int
    extra: ExtraTodo


def day_extras(db: sqlite_utils.Database, date: str, settings: Settings) -> list[ExtraTodo]:
    """The day's carried items and due reviews, in list order (``review.per_day`` reviews at most)."""
    return extra_todos(db, date, int(settings.get("review.per_day")))


def numbered_extras(db: sqlite_utils.Database, date: str, settings: Settings,
                    first_number: int | None = None) -> list[NumberedExtra]:
    """The day's study to-dos numbered after its own to-dos (``first_number``: one past the
    count of its own to-dos, when the caller has them at hand)."""
    first = len(store.todos(db, date)) + 1 if first_number is None else first_number
    return [NumberedExtra(n, e) for n, e in enumerate(day_extras(db, date, settings), first)]


def extra_by_number(db: sqlite_utils.Database, date: str, settings: Settings,
                    number: int) -> NumberedExtra | None:
    """The study to-do shown as ``number``; None when ``number`` is one of the day's own to-dos.

    Raises :class:`UserError` for a number past the end of the list.
    """
    own = len(store.todos(db, date))
    if number <= own:
        return None
    extras = day_extras(db, date, settings)
    if number > own + len(extras):
        count = own + len(extras)
        raise UserError(say(f"{date}에 {number}번 할 일이 없습니다 (할 일 {count}개)",
                            f"no to-do number {number} on {date} (it has {count})"))
    return NumberedExtra(number, extras[number - own - 1])
