"""Search the record: ranked hits with the matching snippet."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

import sqlite_utils

from studylog.errors import UserError
from studylog.store.search import compact, search_entries
from studylog.words import compose_hangul, say

SNIPPET_WIDTH = 70
MATCH_KINDS = ("exact", "spacing", "words")


@dataclass
class SearchHit:
    """One matching entry, with a snippet around the first match."""

    entry_id: int
    date: str
    section: str
    title: str
    snippet: str
    score: float
    spans: list[tuple[int, int]]  # (start, end) of each match inside ``snippet``
    match: str = "exact"  # exact: the query as typed; spacing: other spacing; words: each word

    def as_dict(self) -> dict:
        """JSON-ready form."""
        return asdict(self)


def spacing_pattern(words: list[str]) -> re.Pattern[str] | None:
    """A regex finding any of ``words`` whatever the spaces or punctuation between its letters
    (case-insensitive): ``단지번호`` finds ``단지 번호``."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        letters = compact(word)
        if letters:
            parts.append(r"[\W_]*".join(re.escape(c) for c in letters))
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def make_snippet(text: str, words: list[str], width: int = SNIPPET_WIDTH) -> tuple[str, list]:
    """A one-line excerpt of ``text`` around the first match of any word, and the match spans."""
    flat = compose_hangul(" ".join(text.split()))  # shown composed, so the match is found
    pattern = spacing_pattern(words)
    first_match = pattern.search(flat) if pattern else None
    first = first_match.start() if first_match else 0
    start = max(0, first - width // 3)
    end = min(len(flat), start + width)
    start = max(0, min(start, end - width))
    snippet = ("…" if start > 0 else "") + flat[start:end] + ("…" if end < len(flat) else "")
    spans = [(m.start(), m.end()) for m in pattern.finditer(snippet)] if pattern else []
    return snippet, spans


def search(
    db: sqlite_utils.Database,
    query: str,
    *,
    section: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
) -> list[SearchHit]:
    """Entries containing every word of ``query`` (any length, Hangul or not), best first.

    UserError for an empty query (it would match nothing, and saying so is clearer)."""
    words = query.split()
    if not words:
        raise UserError(say("검색어가 비어 있습니다: 찾을 단어를 주세요",
                            "the query is empty: give a word to search for"))
    hits = search_entries(db, query, section=section, since=since, until=until, limit=limit)
    out = []
    for h in hits:
        snippet, spans = make_snippet(f"{h.title} {h.body}".strip(), words)
        out.append(SearchHit(h.entry_id, h.date, h.section, h.title, snippet, h.score, spans,
                             MATCH_KINDS[h.tier]))
    return out
