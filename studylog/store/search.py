"""Search over entries and to-dos: a space-free trigram index and the ranked, spacing-proof query.

Hangul has no spaces inside compounds and particles stick to words (회고를, 단지번호붙이기), so a
word index misses most searches. Every text is indexed with its spaces and punctuation removed
and lower-cased (:func:`compact`: ``단지 번호 붙이기`` → ``단지번호붙이기``) in an FTS5 trigram
table (``entries_compact``/``todos_compact``, one ``text`` column, ``detail='none'``), so a
query squeezed the same way finds the text whatever its spacing.

A search asks that each space-separated part of the query, squeezed the same way, occur: a part
of three characters or more through the trigram index (``LIKE``), a 1–2 character part by
``instr`` over the rows (see :func:`part_conditions`). The most recently written matches are
then checked against the text itself and ranked: the query exactly as typed first, then the
whole query with other spacing, then texts holding every part; within each, by how often the
words occur, then by date. English is lower-cased the same way, so search is case-insensitive
and finds parts of words too. (The earlier indexes, a per-word and then a space-free bigram
index, are replaced by the migrations ``journal_drop_word_index`` and ``journal_search_trigram``:
the trigram index is a quarter of the size and half the cost to build.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlite_utils

from studylog.words import compose_hangul

NOT_ALNUM = re.compile(r"[\W_]+")
CANDIDATES_MIN = 100  # candidates read from each index: max(this, 4 × limit)


def compact(text: str) -> str:
    """``text`` with decomposed Hangul composed, lower-cased, with every space, underscore and
    punctuation mark removed."""
    return NOT_ALNUM.sub("", compose_hangul(text).lower())


def indexed(title: str, body: str) -> str:
    """The indexed form of an entry: its title and body, each :func:`compact` (one space
    between them, so no part of a query matches across the two)."""
    return f"{compact(title)} {compact(body)}" if title else compact(body)


def query_parts(query: str) -> list[str]:
    """The space-separated parts of ``query``, each :func:`compact`; empty ones dropped."""
    return [c for w in query.split() if (c := compact(w))]


def part_conditions(column: str, parts: list[str]) -> tuple[str, list[str]]:
    """SQL conditions (AND) that ``column`` holds every part, and their parameters.

    A part of three characters or more is a ``LIKE`` the trigram index answers; a shorter one
    has no trigram and is an ``instr`` over the candidate rows (SQLite's trigram ``LIKE`` with
    fewer than three characters is wrong for non-ASCII text before 3.42). Parts are letters and
    digits only (:func:`compact`), so none holds a ``LIKE`` wildcard.
    """
    conds, params = [], []
    for part in parts:
        if len(part) >= 3:
            conds.append(f"{column} LIKE ?")
            params.append(f"%{part}%")
        else:
            conds.append(f"instr({column}, ?) > 0")
            params.append(part)
    return " AND ".join(conds), params


def index_entry(db: sqlite_utils.Database, entry_id: int, title: str, body: str) -> None:
    """Insert or replace one entry in the index (call inside the writing transaction)."""
    unindex_entry(db, entry_id)
    db.execute("INSERT INTO entries_compact (rowid, text) VALUES (?, ?)",
               [entry_id, indexed(title, body)])


def index_todo(db: sqlite_utils.Database, todo_id: int, text: str) -> None:
    """Insert or replace one to-do in the index."""
    unindex_todo(db, todo_id)
    db.execute("INSERT INTO todos_compact (rowid, text) VALUES (?, ?)", [todo_id, compact(text)])


def unindex_entry(db: sqlite_utils.Database, entry_id: int) -> None:
    """Remove one entry from the index."""
    db.execute("DELETE FROM entries_compact WHERE rowid = ?", [entry_id])


def unindex_todo(db: sqlite_utils.Database, todo_id: int) -> None:
    """Remove one to-do from the index."""
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


def _candidates(db: sqlite_utils.Database, kind: str, parts: list[str], section: str | None,
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
    match, words = part_conditions(f"{index}.text", parts)
    cond, params = _filters(alias, section, since, until)
    if cond:
        sql = (f"SELECT {cols} FROM {index} JOIN {table} {alias} ON {alias}.id = {index}.rowid "
               f"WHERE {match}{cond} ORDER BY {index}.rowid DESC LIMIT ?")
        args = [*words, *params, cap]
    else:
        sql = (f"SELECT {cols} FROM (SELECT rowid FROM {index} WHERE {match} "
               f"ORDER BY rowid DESC LIMIT ?) f JOIN {table} {alias} ON {alias}.id = f.rowid")
        args = [*words, cap]
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
    words = query_parts(query)
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
    words = query_parts(query)
    if not words:
        return []
    cap = max(CANDIDATES_MIN, 4 * limit)
    kinds = ["todo"] if section == "todo" else ["entry"] if section else ["entry", "todo"]
    found: list[Hit] = []
    for kind in kinds:
        for hit in _candidates(db, kind, words, section, since, until, cap):
            head, body = compact(hit.title), compact(hit.body)
            level = tier(query, f"{hit.title}\n{hit.body}", head + body)
            if level is not None:
                found.append(Hit(hit.entry_id, hit.date, hit.section, hit.title, hit.body,
                                 score(words, head, body), level))
    found.sort(key=lambda h: (h.tier, h.score, _neg_date(h.date)))
    return found[:limit]


def _neg_date(date: str) -> tuple[int, ...]:
    return tuple(-int(p) for p in date.split("-"))
