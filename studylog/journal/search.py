"""Search the record: ranked hits with the matching snippet."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

import sqlite_utils

from studylog.store.search import query_words, search_entries

SNIPPET_WIDTH = 70


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

    def as_dict(self) -> dict:
        """JSON-ready form."""
        return asdict(self)


def make_snippet(text: str, words: list[str], width: int = SNIPPET_WIDTH) -> tuple[str, list]:
    """A one-line excerpt of ``text`` around the first match of any word, and the match spans."""
    flat = " ".join(text.split())
    low = flat.lower()
    hits = [i for w in words if (i := low.find(w)) >= 0]
    first = min(hits) if hits else 0
    start = max(0, first - width // 3)
    end = min(len(flat), start + width)
    start = max(0, min(start, end - width))
    snippet = ("…" if start > 0 else "") + flat[start:end] + ("…" if end < len(flat) else "")
    pattern = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if w)
    spans = [(m.start(), m.end()) for m in re.finditer(pattern, snippet.lower())] if pattern else []
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
    """Entries containing every word of ``query`` (any length, Hangul or not), best first."""
    words = query_words(query)
    hits = search_entries(db, query, section=section, since=since, until=until, limit=limit)
    out = []
    for h in hits:
        snippet, spans = make_snippet(f"{h.title} {h.body}".strip(), words)
        out.append(SearchHit(h.entry_id, h.date, h.section, h.title, snippet, h.score, spans))
    return out
