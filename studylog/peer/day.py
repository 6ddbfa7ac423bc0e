"""The day's peer session, for the 코드 리뷰 and 피어세션 sections: the problems judged side by
side with each member's verdict, and the comments I wrote and received that day."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from studylog.errors import UserError
from studylog.peer import words
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
    from studylog.peer import judging  # the judge only on a day with a peer session

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
        review += [f"- {c.author}" + (f" ({words.role(lang, c.role)})" if c.role == "mentor" else "")
                   + f" → {c.member} `{c.path}` L{c.line_start}: {c.body}" for c in written + received]
    return DayPeer(review, peer)


def add_to_post(text: str, summary: DayPeer, lang: Lang, *, markdown: bool = False) -> str:
    """The day's post ``text`` (blog or markdown) with the peer lines written at the end of its
    코드 리뷰 and 피어세션 sections (the 코드 리뷰 heading is added before 피어세션 when the day
    had no review notes). The journal renders the post; this runs in its caller."""
    if summary.empty:
        return text
    from studylog.journal.sections import BY_KEY, SECTIONS

    prefix = "## " if markdown else ""
    heads = {prefix + s.heading(lang) for s in SECTIONS}
    lines = text.rstrip("\n").split("\n")
    for key, extra in (("review", summary.review), ("peer", summary.peer)):
        if not extra:
            continue
        head = prefix + BY_KEY[key].heading(lang)
        if head not in lines:
            peer_head = prefix + BY_KEY["peer"].heading(lang)
            at = lines.index(peer_head) if peer_head in lines else len(lines)
            lines[at:at] = [head, *extra] + ([""] if markdown else [])
            continue
        end = lines.index(head) + 1
        while end < len(lines) and lines[end] not in heads:
            end += 1
        while markdown and end > 0 and lines[end - 1] == "":
            end -= 1
        lines[end:end] = extra
    return "\n".join(lines) + "\n"


def with_peer_lines(db: sqlite_utils.Database, date: str, fmt: str, text: str,
                    lang: Lang) -> str:
    """The post of ``date`` in ``fmt`` with the day's peer session lines (blog and markdown;
    JSON is left as it is): what ``studylog export`` and the app's export both print."""
    if fmt not in ("blog", "markdown"):
        return text
    return add_to_post(text, day_summary(db, date, lang), lang, markdown=fmt == "markdown")
