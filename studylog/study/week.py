"""The week in one page: what each day held, problems, runs, to-dos, reviews, streak, retros.

A week is the course week (seven days from ``course.start``) when the course has started, else
the ISO week (Monday to Sunday). :func:`resolve_week` reads what a user typed; :func:`build_week`
gathers the page; :mod:`studylog.study.words` words it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

import sqlite_utils

from studylog.config import Settings
from studylog.errors import UserError
from studylog.journal.dates import parse_date
from studylog.journal.day import load_day
from studylog.journal.labels import course_week_day, date_of
from studylog.store import activity, day_summary
from studylog.store import peer as peer_store
from studylog.store import reviews as attempts_store
from studylog.store.peer import PeerWeek
from studylog.study import carryover, review
from studylog.words import say

_ISO_WEEK = re.compile(r"^(\d{4})-?w(\d{1,2})$")
_COURSE_WEEK = re.compile(r"^(?:week|w|주차)?\s*(\d{1,3})\s*(?:주차)?$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(\S.*)$")
MAX_TOPICS = 5
MAX_HIGHLIGHTS = 2


@dataclass(frozen=True)
class WeekDay:
    """One day of the week."""

    date: str
    exists: bool
    title: str
    record_no: int | None
    lectures: list[str] = field(default_factory=list)
    notes: int = 0
    todos_done: int = 0
    todos_total: int = 0
    highlights: list[str] = field(default_factory=list)
    week: int | None = None  # the day's own week label (its title's weekW(D), else its labels)


@dataclass(frozen=True)
class WeekProblem:
    """A problem tried during the week: its best verdict of the week (AC once a try was
    accepted), its last one, its tries and its tags."""

    problem: str
    title: str
    final_verdict: str
    attempts: int
    solved: bool
    tags: list[str]
    dates: list[str]
    best_verdict: str = ""


@dataclass(frozen=True)
class WeekRun:
    """A training run of the week with its best metrics."""

    id: int
    date: str
    model: str
    dataset: str
    status: str
    epochs: int
    best_val_acc: float | None
    best_val_f1: float | None


@dataclass(frozen=True)
class OpenTodo:
    """A to-do still open at the end of the week (``origin``: a carried retro item's day)."""

    date: str
    text: str
    carried: bool = False


@dataclass(frozen=True)
class WeekPage:
    """Everything the week page shows."""

    label: str  # "week4" or "2026-W47"
    course_week: int | None
    start: str
    end: str
    course: str
    days: list[WeekDay]
    problems: list[WeekProblem]
    runs: list[WeekRun]
    todos_done: int
    todos_total: int
    open_todos: list[OpenTodo]
    reviews_due: int
    reviews_done: int
    streak: int
    days_written: int
    peer: PeerWeek = PeerWeek(0, (), 0, 0)  # the week's peer sessions

    def as_json(self) -> dict[str, object]:
        """The ``studylog week --format json`` document."""
        return dataclasses.asdict(self)


def week_of(date: str, settings: Settings) -> tuple[str, str]:
    """(first, last) day of the course week holding ``date``, or of its ISO week."""
    wd = course_week_day(date, settings)
    day = dt.date.fromisoformat(date)
    start = day - dt.timedelta(days=(wd[1] - 1) if wd else day.weekday())
    return start.isoformat(), (start + dt.timedelta(days=6)).isoformat()


def resolve_week(text: str, settings: Settings, today: str) -> tuple[str, str]:
    """The week a user means: a date (or today/yesterday), ``2026-W47``, or ``week4`` / ``4``
    (a course week, counted from ``course.start``). Raises :class:`UserError` otherwise."""
    try:
        start, end = _resolve(text, settings, today)
        dt.date.fromisoformat(end) + dt.timedelta(days=1)  # the page looks one day past the end
    except OverflowError:
        raise UserError(say(f"주 {text!r}은(는) 달력의 범위를 벗어납니다",
                            f"week {text!r} is out of the calendar's range")) from None
    return start, end


def _resolve(text: str, settings: Settings, today: str) -> tuple[str, str]:
    value = text.strip().lower()
    iso = _ISO_WEEK.match(value)
    if iso:
        try:
            start = dt.date.fromisocalendar(int(iso.group(1)), int(iso.group(2)), 1)
        except ValueError:
            raise UserError(say(f"그런 주가 없습니다: {text!r} (ISO 주는 1-52 또는 53까지입니다)",
                                f"no such week: {text!r} (ISO weeks run 1-52 or 53)")) from None
        return start.isoformat(), (start + dt.timedelta(days=6)).isoformat()
    course = _COURSE_WEEK.match(value)
    if course and not re.fullmatch(r"\d{4,}", value):
        number = int(course.group(1))
        first = date_of(number, 1, settings)
        if first is None:
            raise UserError(say(f"과정 주 {text!r}에는 course.start(studylog config "
                                "course.start YYYY-MM-DD)와 1 이상의 주가 필요합니다",
                                f"course week {text!r} needs course.start (studylog config "
                                "course.start YYYY-MM-DD) and a week of 1 or more"))
        return first, (dt.date.fromisoformat(first) + dt.timedelta(days=6)).isoformat()
    try:
        date = parse_date(value, base=dt.date.fromisoformat(today))
    except UserError:
        raise UserError(say(f"날짜나 주가 아닙니다: {text!r} (YYYY-MM-DD, 2026-W47, week4 중 하나를 쓰세요)",
                            f"not a date or week: {text!r} (use YYYY-MM-DD, 2026-W47 or week4)")) from None
    return week_of(date, settings)


def _lecture_topics(text: str) -> list[str]:
    """A lecture section's headings, or the first line of each note when it has none."""
    heads = [m.group(1).strip() for line in text.splitlines() if (m := _HEADING.match(line))]
    if heads:
        return heads[:MAX_TOPICS]
    first = next((ln.strip().lstrip("-*+ ").strip() for ln in text.splitlines() if ln.strip()), "")
    return [first] if first else []


def retro_highlights(text: str) -> list[str]:
    """The first lines of a retrospective that are neither headings nor things to do next."""
    nexts = set(carryover.open_items(text))
    out = []
    for line in text.splitlines():
        bare = line.strip().lstrip("-*+ ").strip()
        if not bare or carryover.heading_name(line) is not None or bare.startswith("[") \
                or bare in nexts:
            continue
        out.append(bare)
        if len(out) == MAX_HIGHLIGHTS:
            break
    return out


def _days(db: sqlite_utils.Database, dates: list[str], settings: Settings) -> list[WeekDay]:
    out = []
    for date in dates:
        rec = load_day(db, date, settings)
        lecture = rec.sections.get("lecture", "")
        out.append(WeekDay(
            date=date, exists=rec.exists, title=rec.title,
            record_no=rec.record_no if rec.exists else None,
            lectures=_lecture_topics(lecture) if lecture.strip() else [],
            notes=sum(1 for t in rec.sections.values() if t.strip()),
            todos_done=sum(1 for t in rec.todos if t.done), todos_total=len(rec.todos),
            highlights=retro_highlights(rec.sections.get("retro", "")),
            week=_own_week(rec.title, rec.week) if rec.exists else None))
    return out


_TITLE_WEEK = re.compile(r"week(\d+)\(\d+\)")


def _own_week(title: str, week: int | None) -> int | None:
    """The week a day says it is in: its title's ``weekW(D)`` (an imported post keeps the
    bootcamp's own count), else its labels."""
    m = _TITLE_WEEK.search(title)
    return int(m.group(1)) if m else week


def _week_label(days: list[WeekDay], computed: int | None) -> int | None:
    """The week's number: what most of its written days say, else the computed one."""
    own = [d.week for d in days if d.week is not None]
    if not own:
        return computed
    return max(set(own), key=lambda w: (own.count(w), w == computed, -w))


def _problems(db: sqlite_utils.Database, start: str, end: str) -> list[WeekProblem]:
    meta = review.load_problem_meta(db)
    return [
        WeekProblem(t.problem_id, t.title, t.last_verdict, t.tries, t.solved,
                    list(meta.get(t.problem_id, review.ProblemMeta()).tags), list(t.dates),
                    best_verdict=t.best_verdict)
        for t in day_summary.tries_by_problem(attempts_store.attempts_between(db, start, end))
    ]


def _runs(db: sqlite_utils.Database, dates: list[str]) -> list[WeekRun]:
    out = []
    for date in dates:
        for r in day_summary.runs_on_day(db, date):
            out.append(WeekRun(r.id, date, r.model, r.dataset, r.status, r.epochs_done or 0,
                               r.best_val_acc, r.best_val_f1))
    return out


def streak_on(db: sqlite_utils.Database, date: str) -> int:
    """Days written in a row up to ``date`` (or up to the day before, when ``date`` is blank),
    counted as ``studylog stats`` does."""
    active = activity.active_dates(db)
    cursor = dt.date.fromisoformat(date)
    if cursor.isoformat() not in active:
        cursor -= dt.timedelta(days=1)
    streak = 0
    while cursor.isoformat() in active:
        streak += 1
        cursor -= dt.timedelta(days=1)
    return streak


def build_week(db: sqlite_utils.Database, start: str, end: str, settings: Settings,
               today: str) -> WeekPage:
    """Gather the week ``start``..``end`` (today bounds the streak and the open to-dos)."""
    first = dt.date.fromisoformat(start)
    dates = [(first + dt.timedelta(days=i)).isoformat() for i in range(7)]
    days = _days(db, dates, settings)
    wd = course_week_day(start, settings)
    week_no = _week_label(days, wd[0] if wd else None)
    label = f"week{week_no}" if week_no else "{}-W{:02d}".format(*first.isocalendar()[:2])
    open_todos: list[OpenTodo] = []
    for date in dates:
        if any(d.date == date and d.exists for d in days):
            rec = load_day(db, date, settings)
            open_todos += [OpenTodo(date, t.text) for t in rec.todos if not t.done]
    asof = min(end, today)
    # retro items carried onto the week's days (each once): done when closed within the week
    carried: dict[str, carryover.CarryItem] = {}
    for date in (d for d in dates if d <= asof):
        for c in carryover.carried(db, date):
            carried.setdefault(c.text, c)
    carried_done = sum(1 for c in carried.values() if c.closed_on and c.closed_on <= end)
    open_todos += [OpenTodo(c.origin, c.text, True)
                   for c in carryover.carried(db, (dt.date.fromisoformat(asof)
                                                   + dt.timedelta(days=1)).isoformat())
                   if not c.done]
    due: dict[tuple[str, str], bool] = {}  # each card due during the week: reviewed in it?
    for date in (d for d in dates if d <= today):
        for item in review.due_on(db, date):
            due[(item.kind, item.key)] = due.get((item.kind, item.key), False) or item.reviewed
    return WeekPage(
        label=label, course_week=week_no, start=start, end=end,
        course=settings.get("course.name"), days=days, problems=_problems(db, start, end),
        runs=_runs(db, dates), todos_done=sum(d.todos_done for d in days) + carried_done,
        todos_total=sum(d.todos_total for d in days) + len(carried), open_todos=open_todos,
        reviews_due=len(due), reviews_done=sum(due.values()),
        streak=streak_on(db, asof), days_written=sum(1 for d in days if d.exists),
        peer=peer_store.peer_between(db, start, end))
