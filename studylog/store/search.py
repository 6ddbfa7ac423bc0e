"""Search over entries and to-dos: two bigram indexes and the ranked, spacing-proof query.

Hangul has no spaces inside compounds and particles stick to words (회고를, 단지번호붙이기), so a
word index misses most searches and a trigram index misses 1–2 syllable terms. Every text is
indexed as character bigrams of the text with every space and punctuation mark removed
(``entries_compact``/``todos_compact``: ``단지 번호`` → ``단지번호`` → ``단지 지번 번호 호``), so
bigrams cross the removed spaces and ``단지번호붙이기`` finds ``단지 번호 붙이기``.

A search queries the space-free index: each space-separated part of the query, squeezed the same
way, must occur; two characters are one token, a longer part a phrase of consecutive bigrams, a
single character a prefix query. The most recently written matches are then checked against the
text itself and ranked: the query exactly as typed first, then the whole query with other
spacing, then texts holding every part; within each, by how often the words occur, then by date.
English is lower-cased the same way, so search is case-insensitive and finds parts of words too.
(The first schema's per-word index, ``entries_fts``/``todos_fts``, is dropped by the migration
``journal_drop_word_index``: nothing queried it once the space-free index existed.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlite_utils

from studylog.words import compose_hangul

WORD = re.compile(r"\w+")
NOT_ALNUM = re.compile(r"[\W_]+")
CANDIDATES_MIN = 100  # candidates read from each index: max(this, 4 × limit)


def _word_grams(word: str) -> list[str]:
    if len(word) == 1:
        return [word]
    return [word[i : i + 2] for i in range(len(word) - 1)] + [word[-1]]


def grams(text: str) -> str:
    """The indexed form of ``text``: bigrams of every word (lower-cased), space separated."""
    out: list[str] = []
    for word in WORD.findall(compose_hangul(text).lower()):
        out.extend(_word_grams(word))
    return " ".join(out)


def compact(text: str) -> str:
    """``text`` with decomposed Hangul composed, lower-cased, with every space, underscore and
    punctuation mark removed."""
    return NOT_ALNUM.sub("", compose_hangul(text).lower())


def compact_grams(text: str) -> str:
    """The indexed form of ``text`` without spaces: bigrams across the removed spaces."""
    squeezed = compact(text)
    return " ".join(_word_grams(squeezed)) if squeezed else ""


def query_words(query: str) -> list[str]:
    """The words of a user's query (Hangul composed, lower-cased, punctuation dropped)."""
    return WORD.findall(compose_hangul(query).lower())


def _phrase(word: str) -> str:
    if len(word) == 1:
        return f'"{word}"*'
    return '"' + " ".join(word[i : i + 2] for i in range(len(word) - 1)) + '"'


def match_expression(query: str) -> str | None:
    """The MATCH expression for the word index: every word must occur (AND); None if no word."""
    parts = [_phrase(w) for w in query_words(query)]
    return " AND ".join(parts) if parts else None


def compact_expression(query: str) -> str | None:
    """The MATCH expression for the space-free index: every space-separated part of the query,
    spaces and punctuation removed, must occur (AND); None if there is nothing to find."""
    parts = [_phrase(c) for w in query.split() if (c := compact(w))]
    return " AND ".join(parts) if parts else None


def index_entry(db: sqlite_utils.Database, entry_id: int, title: str, body: str) -> None:
    """Insert or replace one entry in the indexes (call inside the writing transaction)."""
    unindex_entry(db, entry_id)
    db.execute("INSERT INTO entries_compact (rowid, title, body) VALUES (?, ?, ?)",
               [entry_id, compact_grams(title), compact_grams(body)])


def index_todo(db: sqlite_utils.Database, todo_id: int, text: str) -> None:
    """Insert or replace one to-do in the indexes."""
    unindex_todo(db, todo_id)
    db.execute("INSERT INTO todos_compact (rowid, text) VALUES (?, ?)",
               [todo_id, compact_grams(text)])


def unindex_entry(db: sqlite_utils.Database, entry_id: int) -> None:
    """Remove one entry from the indexes."""
    db.execute("DELETE FROM entries_compact WHERE rowid = ?", [entry_id])


def unindex_todo(db: sqlite_utils.Database, todo_id: int) -> None:
    """Remove one to-do from the indexes."""
    db.execute("DELETE FROM todos_compact WHERE rowid = ?", [todo_id])


@dataclass(frozen=True)
class Hit:
    """One search result: an entry (or a to-do, section ``todo``) and where it matched."""

    entry_id: int
    date: str
    section: str
    title: str
    body: str
    score: float  # lower is better
    tier: int = 0  # 0 the query as typed, 1 the query with other spacing, 2 every word


def _filters(alias: str, section: str | None, since: str | None,
             until: str | None) -> tuple[str, list[object]]:
    sql, params = "", list[object]()
    for op, value in ((">=", since), ("<=", until)):
        if value:
            sql += f" AND {alias}.date {op} ?"
            params.append(value)
    if section and alias == "e":
        sql += " AND e.section = ?"
        params.append(section)
    return sql, params


def _candidates(db: sqlite_utils.Database, kind: str, expr: str, section: str | None,
                since: str | None, until: str | None, cap: int) -> list[Hit]:
    """The ``cap`` most recently written matches of the space-free index that pass the filters.

    Ranking inside the index (bm25) would cost 40–130 ms on ten years of notes: it scores every
    match. Walking the index newest first and ranking the candidates here costs 1–25 ms.
    """
    if kind == "todo":
        index, table, alias, cols = "todos_compact", "todos", "t", "t.id, t.date, 'todo', '', t.text"
    else:
        index, table, alias = "entries_compact", "entries", "e"
        cols = "e.id, e.date, e.section, e.title, e.body"
    cond, params = _filters(alias, section, since, until)
    if cond:
        sql = (f"SELECT {cols} FROM {index} JOIN {table} {alias} ON {alias}.id = {index}.rowid "
               f"WHERE {index} MATCH ?{cond} ORDER BY {index}.rowid DESC LIMIT ?")
        args = [expr, *params, cap]
    else:
        sql = (f"SELECT {cols} FROM (SELECT rowid FROM {index} WHERE {index} MATCH ? "
               f"ORDER BY rowid DESC LIMIT ?) f JOIN {table} {alias} ON {alias}.id = f.rowid")
        args = [expr, cap]
    return [Hit(r[0], r[1], r[2], r[3], r[4], 0.0) for r in db.execute(sql, args).fetchall()]


def score(words: list[str], title: str, body: str) -> float:
    """Lower is better: minus how often the (squeezed) query words occur in the squeezed title
    and body, a title occurrence counting five times."""
    return -float(sum(5 * title.count(w) + body.count(w) for w in words))


def tier(query: str, text: str, squeezed: str | None = None) -> int | None:
    """How well ``text`` matches ``query``: 0 as typed (case and runs of spaces aside), 1 with
    other spacing, 2 every word somewhere; None when it does not match. ``squeezed`` is
    ``compact(text)`` when the caller has it."""
    squeezed = compact(text) if squeezed is None else squeezed
    whole = compact(query)
    words = [c for w in query.split() if (c := compact(w))]
    if not words or not all(w in squeezed for w in words):
        return None
    if whole not in squeezed:
        return 2
    typed = " ".join(compose_hangul(query).lower().split())
    return 0 if typed in " ".join(compose_hangul(text).lower().split()) else 1


def search_entries(
    db: sqlite_utils.Database,
    query: str,
    *,
    section: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
) -> list[Hit]:
    """Entries (and to-dos) matching ``query`` whatever their spacing, best first.

    The candidates are the most recently written matches (at most max(200, 4 × limit) of each
    kind); they are ranked by :func:`tier`, then :func:`score`, then the newest date.
    """
    expr = compact_expression(query)
    if expr is None:
        return []
    cap = max(CANDIDATES_MIN, 4 * limit)
    words = [c for w in query.split() if (c := compact(w))]
    kinds = ["todo"] if section == "todo" else ["entry"] if section else ["entry", "todo"]
    found: list[Hit] = []
    for kind in kinds:
        for hit in _candidates(db, kind, expr, section, since, until, cap):
            head, body = compact(hit.title), compact(hit.body)
            level = tier(query, f"{hit.title}\n{hit.body}", head + body)
            if level is not None:
                found.append(Hit(hit.entry_id, hit.date, hit.section, hit.title, hit.body,
                                 score(words, head, body), level))
    found.sort(key=lambda h: (h.tier, h.score, _neg_date(h.date)))
    return found[:limit]


def _neg_date(date: str) -> tuple[int, ...]:
    return tuple(-int(p) for p in date.split("-"))
