"""Open retrospective items carry over to the following days until checked off.

A line of a day's retrospective written as an open to-do (``- [ ] …``), or a line under a heading
such as ``내일 할 일``, ``Try`` or ``다음에 할 것``, is an item from that day. It shows among the
to-dos of every later day until it is checked off on one of them; then it is closed everywhere:
the days between show it done, the days after no longer show it. An item is known by its day
and its text (the same text carried from several retrospectives closes at once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlite_utils

from studylog.store import carry as store
from studylog.store import transaction
from studylog.store.reviews import change_key
from studylog.study import review

#: headings whose lines are things to do next (compared lower-case, without marks or colon)
NEXT_HEADINGS = frozenset({
    "내일 할 일", "내일 할일", "내일 할 것", "내일은", "다음에 할 것", "다음에 할 일", "다음 할 일",
    "다음에는", "할 일", "앞으로 할 일", "try", "tomorrow", "next", "next steps", "to do", "todo",
})
#: other retrospective headings (they end a block of next things)
OTHER_HEADINGS = frozenset({
    "keep", "problem", "좋았던 점", "아쉬운 점", "배운 점", "느낀 점", "오늘의 회고", "회고",
    "잘한 점", "개선할 점", "what went well", "what to improve",
})
_TASK = re.compile(r"^\s*(?:(?:[-*+]|\d+[.)])\s+)?\[(?P<mark>[ xX])\](?:\s+(?P<text>\S.*))?\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?P<text>\S.*)$")


@dataclass(frozen=True)
class CarryItem:
    """An open item of a retrospective, as seen from a later day."""

    origin: str  # the date of the retrospective
    text: str
    closed_on: str | None = None

    @property
    def done(self) -> bool:
        """Checked off (on ``closed_on``)."""
        return self.closed_on is not None


@dataclass(frozen=True)
class ExtraTodo:
    """A to-do a day gets from elsewhere: a carried retro item or a review that is due."""

    kind: str  # "carry" | "review"
    text: str  # the carried item's text ("" for a review: its words come from study.words)
    done: bool
    origin: str | None = None  # carry: the retrospective's date
    carry: CarryItem | None = None
    due: review.DueItem | None = None


_NUMBERED = re.compile(r"^\d+[.)]\s*")
_LONGEST = max(len(h) for h in NEXT_HEADINGS | OTHER_HEADINGS) + 6  # room for marks: **, [], :


def heading_name(line: str) -> str | None:
    """The heading a line is (normalised), or None when it is content."""
    bare = line.strip()
    if not bare:
        return None
    is_md = bare.startswith("#")
    if not is_md and not bare.endswith(":") and len(bare) > _LONGEST:
        return None  # a long line is a heading only when it says so
    if _TASK.match(bare):
        return None
    name = bare.lstrip("#").strip().strip("*[]").strip().rstrip(":").strip().lower()
    name = _NUMBERED.sub("", name)
    if is_md or name in NEXT_HEADINGS or name in OTHER_HEADINGS:
        return name
    if bare.endswith(":") and not _BULLET.match(bare):
        return name
    return None


def open_items(text: str) -> list[str]:
    """The open items of one retrospective text, in order, without duplicates."""
    found: list[str] = []
    in_next = False
    for line in text.splitlines():
        heading = heading_name(line)
        if heading is not None:
            in_next = heading in NEXT_HEADINGS
            continue
        task = _TASK.match(line)
        if task:
            if task.group("mark") == " " and task.group("text"):
                found.append(task.group("text").strip())
            continue
        if in_next and line.strip(" \t-*+"):
            bullet = _BULLET.match(line)
            found.append((bullet.group("text") if bullet else line).strip())
    return list(dict.fromkeys(found))


#: a retrospective without any of these cannot hold an item (checked in SQL before parsing)
KEYWORDS = ("[ ]", "내일", "다음", "할 일", "할일", "앞으로", "try", "tomorrow", "next", "to do",
            "todo")
_PARSED: dict[tuple[object, ...], list[tuple[str, list[str]]]] = {}


def _all_items(db: sqlite_utils.Database) -> list[tuple[str, list[str]]]:
    """(origin, open items) of every retrospective, parsed once until one changes."""
    key = change_key(db)
    if key not in _PARSED:
        _PARSED.clear()
        _PARSED[key] = [(origin, items) for origin, text in store.retro_texts(db, KEYWORDS)
                        if (items := open_items(text))]
    return _PARSED[key]


def carried(db: sqlite_utils.Database, date: str) -> list[CarryItem]:
    """The items carried onto ``date``: from earlier retrospectives, not closed before ``date``.

    A text carried from several days shows once, with its oldest origin.
    """
    closed = store.closed(db)
    out: dict[str, CarryItem] = {}
    for origin, items in _all_items(db):
        if origin >= date:
            break
        for item in items:
            closed_on = closed.get((origin, item))
            if closed_on is not None and closed_on < date:
                continue
            if item not in out:
                out[item] = CarryItem(origin, item, closed_on)
    return list(out.values())


def set_carry_done(db: sqlite_utils.Database, item: CarryItem, date: str, done: bool = True) -> None:
    """Check an item off on ``date`` (or open it again): every origin with the same text too."""
    with transaction(db):
        for origin, items in _all_items(db):
            if origin < date and item.text in items:
                store.set_closed(db, origin, item.text, date if done else None)
