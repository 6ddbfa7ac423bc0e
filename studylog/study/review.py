"""The review queue: every problem attempted and every note tagged ``#복습``/``#review`` is an FSRS
card (the ``fsrs`` package, the scheduler Anki moved to).

Cards are a pure function of the history, so they are rebuilt rather than updated:

* a problem gets one review per study day it was attempted, rated from that day's attempts
  (:func:`rate_day`): no AC -> Again; AC after failed tries, or a slow AC -> Hard; AC at the first
  try -> Good, or Easy when the problem had been solved on an earlier day (a re-solve);
* a note's first review is the day it was written (Good), then each ``studylog review --done``.

Reviews happen at noon UTC of their study day and the scheduler has no minute-long learning
steps and no fuzz, so a card's due day depends on dates only (the ``day.starts`` setting has
already put a 1 a.m. attempt on the evening before) and rebuilding is idempotent. :func:`sync`
keeps ``review_cards`` up to date; :func:`due_on` answers "what is due on this day", as it was
before that day's own reviews, so a past day's blog post still lists what was due then.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils
from fsrs import Card, Rating, Scheduler

from studylog.errors import UserError
from studylog.store import peer as peer_store
from studylog.store import reviews as store
from studylog.store.peer import PeerWin

SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
SLOW_FRACTION = 0.5  # an AC using more than half the time limit is "slow"


@dataclass(frozen=True)
class ProblemMeta:
    """What the problem bank knows about a problem that the queue uses."""

    tags: tuple[str, ...] = ()
    time_limit_ms: int | None = None
    title: str = ""


@dataclass(frozen=True)
class Review:
    """One review of a card: its study day, the rating, and (for problems) the day's verdict."""

    date: str
    rating: Rating
    verdict: str = ""
    peers: tuple[str, ...] = ()  # peers whose solution was accepted in that day's peer session


@dataclass(frozen=True)
class CardHistory:
    """A card's identity and every review it had."""

    kind: str  # "problem" | "note"
    key: str  # problem id | entry id
    title: str
    tags: tuple[str, ...]
    reviews: tuple[Review, ...]
    note_date: str | None = None
    body: str = ""

    @functools.cached_property
    def sig(self) -> str:
        """A short hash of the reviews (a stored card with another one is stale)."""
        text = ";".join(f"{r.date},{int(r.rating)},{r.verdict}" + (f",{'+'.join(r.peers)}"
                                                                     if r.peers else "")
                        for r in self.reviews)
        return hashlib.sha1(text.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class DueItem:
    """A card due on a day, as the queue, the to-do lists and the blog show it."""

    kind: str
    key: str
    problem: str | None
    title: str
    due: str
    last_review: str
    last_verdict: str | None
    tags: tuple[str, ...]
    reviewed: bool  # reviewed on the day asked about (re-solved, or marked done)
    note_id: int | None = None
    note_date: str | None = None
    body: str = ""
    reviews: int = 0
    peers: tuple[str, ...] = ()  # the peers whose approach worked where the user's did not

    @property
    def topic(self) -> str:
        """The tag used to rotate topics ("" when it has none)."""
        return self.tags[0] if self.tags else ""

    def as_json(self) -> dict[str, object]:
        """The ``studylog review --json`` object (stable keys; add, never rename)."""
        return {"kind": self.kind, "problem": self.problem, "title": self.title, "due": self.due,
                "last_verdict": self.last_verdict, "last_review": self.last_review,
                "tags": list(self.tags), "reviewed": self.reviewed, "reviews": self.reviews,
                "note_id": self.note_id, "note_date": self.note_date, "peers": list(self.peers)}


@dataclass
class _Day:
    verdicts: list[tuple[str, int | None]] = field(default_factory=list)


def rate_day(attempts: list[tuple[str, int | None]], *, solved_before: bool,
             time_limit_ms: int | None = None) -> Rating:
    """The rating of one study day's attempts at a problem, in order: (verdict, time_ms) pairs."""
    first_ac = next((i for i, (v, _t) in enumerate(attempts) if v == "AC"), None)
    if first_ac is None:
        return Rating.Again
    if first_ac > 0:
        return Rating.Hard
    time_ms = attempts[first_ac][1]
    if time_limit_ms and time_ms is not None and time_ms > time_limit_ms * SLOW_FRACTION:
        return Rating.Hard
    return Rating.Easy if solved_before else Rating.Good


def problem_histories(rows: list[store.AttemptRow], meta: Mapping[str, ProblemMeta],
                      wins: Sequence[PeerWin] = ()) -> list[CardHistory]:
    """One card history per problem from its attempts (oldest first).

    A peer session where a peer's solution was accepted (``wins``) while the user had not solved
    the problem yet is a review of its own (*again*, naming the peers): the problem comes back
    the next day, the peer's approach to try.
    """
    by_problem: dict[str, dict[str, _Day]] = {}
    titles: dict[str, str] = {}
    for r in rows:
        by_problem.setdefault(r.problem_id, {}).setdefault(r.date, _Day()).verdicts.append(
            (r.verdict, r.time_ms))
        titles[r.problem_id] = r.title
    peer_days: dict[str, dict[str, tuple[str, ...]]] = {}
    for w in wins:
        peer_days.setdefault(w.problem_id, {})[w.date] = w.members
        by_problem.setdefault(w.problem_id, {})
    out = []
    for pid, days in by_problem.items():
        info = meta.get(pid, ProblemMeta())
        peers_on = peer_days.get(pid, {})
        solved = False
        reviews = []
        for date in sorted({*days, *peers_on}):
            verdicts = days[date].verdicts if date in days else []
            peers = () if solved or any(v == "AC" for v, _t in verdicts) else peers_on.get(date, ())
            if not verdicts:  # only the peer session that day
                if peers:
                    reviews.append(Review(date, Rating.Again, "", peers))
                continue
            rating = rate_day(verdicts, solved_before=solved, time_limit_ms=info.time_limit_ms)
            reviews.append(Review(date, rating, verdicts[-1][0], peers))
            solved = solved or any(v == "AC" for v, _t in verdicts)
        if reviews:
            out.append(CardHistory("problem", pid, titles.get(pid) or info.title or pid,
                                   info.tags, tuple(reviews)))
    return out


def note_histories(db: sqlite_utils.Database) -> list[CardHistory]:
    """One card history per note tagged for review: written (Good), then each review."""
    logs: dict[int, list[Review]] = {}
    for log in store.note_reviews(db):
        logs.setdefault(log.entry_id, []).append(Review(log.date, Rating(log.rating)))
    out = []
    for n in store.review_notes(db):
        text = f"{n.title}\n{n.body}".strip() if n.title else n.body.strip()
        title = next((ln.strip("# ").strip() for ln in text.splitlines() if ln.strip()), "")
        topics = tuple(t for t in n.tags if t not in store.REVIEW_TAGS) or (n.section,)
        reviews = (Review(n.date, Rating.Good), *[r for r in logs.get(n.entry_id, [])
                                                   if r.date >= n.date])
        out.append(CardHistory("note", str(n.entry_id), title, topics, reviews, n.date, text))
    return out


def _at(date: str) -> dt.datetime:
    return dt.datetime.fromisoformat(date).replace(hour=12, tzinfo=dt.UTC)


def replay(history: CardHistory, before: str | None = None) -> Card | None:
    """The card after its reviews (only those before ``before``); None when it has none yet."""
    reviews = [r for r in history.reviews if before is None or r.date < before]
    if not reviews:
        return None
    seed = int(hashlib.sha1(f"{history.kind}:{history.key}".encode()).hexdigest()[:12], 16)
    card = Card(card_id=seed, due=_at(reviews[0].date))
    for r in reviews:
        card, _log = SCHEDULER.review_card(card, r.rating, _at(r.date))
    return card


def load_problem_meta(db: sqlite_utils.Database) -> dict[str, ProblemMeta]:
    """Tags and time limits from the problem bank (empty when the bank cannot be read)."""
    from studylog.judge.problems.bank import list_problems

    row = db.execute("PRAGMA database_list").fetchone()
    db_path = Path(row[2]) if row and row[2] else None
    try:
        problems = list_problems(db_path)
    except (UserError, OSError):
        return {}
    return {p.id: ProblemMeta(tuple(p.tags), p.time_limit_ms, p.title) for p in problems}


_CACHE: dict[tuple[object, ...], list[CardHistory]] = {}


def histories(db: sqlite_utils.Database,
              meta: Mapping[str, ProblemMeta] | None = None) -> list[CardHistory]:
    """Every card's history: problems, then notes.

    Remembered until what they are built from changes (exporting a year of days reads them once).
    """
    key = (*store.change_key(db), None if meta is None else id(meta))
    if key not in _CACHE:
        _CACHE.clear()
        if meta is None:
            meta = load_problem_meta(db)
        _CACHE[key] = (problem_histories(store.attempt_rows(db), meta, peer_store.peer_wins(db))
                       + note_histories(db))
    return list(_CACHE[key])


def signature(history: CardHistory) -> str:
    """What a card was built from, as a short hash (a stored card with another one is stale)."""
    return history.sig


_TIMELINES: dict[tuple[str, str, str], tuple[list[str], Card]] = {}


def _replayed(history: CardHistory) -> tuple[list[str], Card]:
    key = (history.kind, history.key, signature(history))
    if key not in _TIMELINES:
        if len(_TIMELINES) > 100_000:
            _TIMELINES.clear()
        seed = int(hashlib.sha1(f"{history.kind}:{history.key}".encode()).hexdigest()[:12], 16)
        card = Card(card_id=seed, due=_at(history.reviews[0].date))
        dues = []
        for r in history.reviews:
            card, _log = SCHEDULER.review_card(card, r.rating, _at(r.date))
            dues.append(card.due.date().isoformat())
        _TIMELINES[key] = (dues, card)
    return _TIMELINES[key]


def timeline(history: CardHistory) -> list[str]:
    """The due date set by each review of a card, in order (computed once per history)."""
    return _replayed(history)[0]


def current_card(history: CardHistory) -> Card:
    """The card after all its reviews (computed once per history)."""
    return _replayed(history)[1]


def rotate(items: list[DueItem]) -> list[DueItem]:
    """Oldest due first, but taking turns across topics so one tag does not crowd the day."""
    groups: dict[str, list[DueItem]] = {}
    for item in sorted(items, key=lambda i: (i.due, i.kind, i.key)):
        groups.setdefault(item.topic, []).append(item)
    out: list[DueItem] = []
    queues = list(groups.values())
    while queues:
        out.extend(q.pop(0) for q in queues)
        queues = [q for q in queues if q]
    return out


def due_on(db: sqlite_utils.Database, date: str,
           meta: Mapping[str, ProblemMeta] | None = None) -> list[DueItem]:
    """What was due on ``date`` (as scheduled by the reviews before it), rotated across topics.

    An item reviewed on ``date`` itself stays in the list with ``reviewed`` set. A card stored by
    :func:`studylog.study.review_cards.sync` that is still current is not replayed.
    """
    stored = store.stored_cards(db)
    items = []
    for h in histories(db, meta):
        dates = [r.date for r in h.reviews]
        n_before = bisect.bisect_left(dates, date)
        if n_before == 0:
            continue
        card = stored.get((h.kind, h.key))
        if n_before == len(dates) and card is not None and card.sig == signature(h):
            due = card.due
        else:
            due = timeline(h)[n_before - 1]
        if due > date:
            continue
        last = h.reviews[n_before - 1]
        items.append(DueItem(
            kind=h.kind, key=h.key, problem=h.key if h.kind == "problem" else None,
            title=h.title, due=due, last_review=last.date, last_verdict=last.verdict or None,
            tags=h.tags, reviewed=n_before < len(dates) and dates[n_before] == date,
            note_id=int(h.key) if h.kind == "note" else None, note_date=h.note_date,
            body=h.body, reviews=n_before, peers=last.peers))
    return rotate(items)
