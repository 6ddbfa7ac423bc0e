"""The day's peer session, for the 코드 리뷰 and 피어세션 sections: the problems judged side by
side with each member's verdict, and the comments I wrote and received that day."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from studylog.errors import UserError
from studylog.peer import judging, words
from studylog.store import peer as store
from studylog.words import Lang


@dataclass(frozen=True)
class DayPeer:
    """The summary lines of a day: ``review`` for 코드 리뷰, ``peer`` for 피어세션."""

    review: list[str] = field(default_factory=list)
    peer: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Whether the day had no peer session at all."""
        return not self.review and not self.peer


def _title(problem_id: str, lang: Lang) -> str:
    try:
        info = judging.problem_info(problem_id)
    except UserError:
        return ""
    return info.title if lang == "ko" else (info.title_en or info.title)


def day_summary(db: sqlite_utils.Database, date: str, lang: Lang) -> DayPeer:
    """The peer session lines of ``date`` (empty lists on a day without one)."""
    peer: list[str] = []
    results = store.results_on_day(db, date)
    for problem in sorted({r.problem_id for r in results}):
        verdicts = ", ".join(f"{r.member} {r.verdict}" for r in results
                             if r.problem_id == problem)
        peer.append(words.day_peer_line(lang, problem, _title(problem, lang), verdicts))
    day = store.comments(db, date=date)
    written = [c for c in day if c.origin == "mine"]
    received = [c for c in day if c.origin == "received"]
    review: list[str] = []
    if written or received:
        mentor = sum(c.role == "mentor" for c in received)
        review.append(words.day_review_line(lang, len(written), len(received), mentor))
        review += [f"- {c.author} → {c.member} `{c.path}` L{c.line_start}: {c.body}"
                   for c in written + received]
    return DayPeer(review, peer)
