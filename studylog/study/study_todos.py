"""The to-dos a day gets from elsewhere: retrospective items carried over and reviews due.

The CLI's ``todo list``, the app's Today screen and the day's blog post and markdown all list
them after the day's own to-dos.
"""

from __future__ import annotations

import sqlite_utils

from studylog.config import Settings
from studylog.errors import UserError
from studylog.study import carryover, review, review_cards
from studylog.study.carryover import ExtraTodo
from studylog.study.words import blog_extra_lines, markdown_extra_lines
from studylog.words import Lang, say


def extra_todos(db: sqlite_utils.Database, date: str, per_day: int = 5) -> list[ExtraTodo]:
    """A day's carried items, then (at most ``per_day``) reviews due, rotated across topics."""
    extras = [ExtraTodo("carry", c.text, c.done, c.origin, carry=c) for c in carryover.carried(db, date)]
    due = review.due_on(db, date)
    review_cards.sync(db)  # lazily, as reviews are read: the judge and trainer write no cards
    for item in due[:per_day]:
        extras.append(ExtraTodo("review", "", item.reviewed, due=item))
    return extras


def set_extra_done(db: sqlite_utils.Database, date: str, extra: ExtraTodo, done: bool) -> None:
    """Check off (or uncheck) an extra to-do on ``date``.

    A carried item closes everywhere; a note to review is marked reviewed that day; a problem
    is checked off only by solving it again (raises :class:`UserError`).
    """
    if extra.carry is not None:
        carryover.set_carry_done(db, extra.carry, date, done)
        return
    item = extra.due
    assert item is not None
    if item.note_id is None:
        raise UserError(say(f"다시 풀어야 체크됩니다: studylog solve {item.problem}",
                            f"solve it again to check it off: studylog solve {item.problem}"))
    if done:
        review_cards.review_note(db, item.note_id, date)
    else:
        review_cards.unreview_note(db, item.note_id, date)


def export_lines(db: sqlite_utils.Database, date: str, settings: Settings, fmt: str,
                 lang: Lang) -> list[str]:
    """The lines a day's blog post (``fmt`` "blog") or markdown gets under its to-dos: what the
    caller passes to :mod:`studylog.journal.publish` as the day's study lines."""
    extras = extra_todos(db, date, int(settings.get("review.per_day")))
    return blog_extra_lines(extras, lang) if fmt == "blog" else markdown_extra_lines(extras, lang)
