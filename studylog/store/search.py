"""Search over entries: the bigram index and the ranked query.

Hangul has no spaces inside compounds and particles stick to words (회고를, 단지번호붙이기), so a
word index misses most searches and a trigram index misses 1–2 syllable terms. Here every word is
indexed as its overlapping character bigrams plus its last character: ``단지번호`` becomes
``단지 지번 번호 호``. A query word of two characters is then one token, a longer one a phrase of
consecutive bigrams, and a single character a prefix query. English is lower-cased the same way,
so search is case-insensitive and finds parts of words too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlite_utils

WORD = re.compile(r"\w+")


def _word_grams(word: str) -> list[str]:
    if len(word) == 1:
        return [word]
    return [word[i : i + 2] for i in range(len(word) - 1)] + [word[-1]]


def grams(text: str) -> str:
    """The indexed form of ``text``: bigrams of every word (lower-cased), space separated."""
    out: list[str] = []
    for word in WORD.findall(text.lower()):
        out.extend(_word_grams(word))
    return " ".join(out)


def query_words(query: str) -> list[str]:
    """The words of a user's query (lower-cased, punctuation dropped)."""
    return WORD.findall(query.lower())


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for a user's query: all words must occur (AND).

    Returns None when the query has no word characters.
    """
    parts: list[str] = []
    for word in query_words(query):
        if len(word) == 1:
            parts.append(f'"{word}"*')
        else:
            phrase = " ".join(word[i : i + 2] for i in range(len(word) - 1))
            parts.append(f'"{phrase}"')
    return " AND ".join(parts) if parts else None


def index_entry(db: sqlite_utils.Database, entry_id: int, title: str, body: str) -> None:
    """Insert or replace one entry in the index (call inside the writing transaction)."""
    db.execute("DELETE FROM entries_fts WHERE rowid = ?", [entry_id])
    db.execute(
        "INSERT INTO entries_fts (rowid, title, body) VALUES (?, ?, ?)",
        [entry_id, grams(title), grams(body)],
    )


def index_todo(db: sqlite_utils.Database, todo_id: int, text: str) -> None:
    """Insert or replace one to-do in the index."""
    db.execute("DELETE FROM todos_fts WHERE rowid = ?", [todo_id])
    db.execute("INSERT INTO todos_fts (rowid, text) VALUES (?, ?)", [todo_id, grams(text)])


def unindex_entry(db: sqlite_utils.Database, entry_id: int) -> None:
    """Remove one entry from the index."""
    db.execute("DELETE FROM entries_fts WHERE rowid = ?", [entry_id])


@dataclass
class Hit:
    """One search result: an entry (or a to-do, section ``todo``) and where it matched."""

    entry_id: int
    date: str
    section: str
    title: str
    body: str
    score: float


def search_entries(
    db: sqlite_utils.Database,
    query: str,
    *,
    section: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
) -> list[Hit]:
    """Entries matching every word of ``query``, best first (bm25), filtered as asked."""
    expr = match_expression(query)
    if expr is None:
        return []

    def date_filter(alias: str) -> tuple[str, list[object]]:
        sql, params = "", []
        for op, value in ((">=", since), ("<=", until)):
            if value:
                sql += f" AND {alias}.date {op} ?"
                params.append(value)
        return sql, params

    parts: list[str] = []
    params: list[object] = []
    if section in (None, "todo"):  # to-dos: ranked inside their index, then joined and filtered
        cond, cond_params = date_filter("t")
        cap = "" if cond else " LIMIT ?"
        parts.append(
            "SELECT t.id, t.date, 'todo', '', t.text, f.score FROM ("
            "  SELECT rowid, bm25(todos_fts) AS score FROM todos_fts"
            f"  WHERE todos_fts MATCH ? ORDER BY score{cap}"
            f") f JOIN todos t ON t.id = f.rowid WHERE 1{cond}"
        )
        params += [expr, *([] if cond else [limit]), *cond_params]
    if section != "todo":
        cond, cond_params = date_filter("e")
        if section:
            cond += " AND e.section = ?"
            cond_params.append(section)
        if cond:  # rank only the entries that pass the filters
            parts.append(
                "SELECT e.id, e.date, e.section, e.title, e.body, "
                "bm25(entries_fts, 5.0, 1.0) AS score "
                "FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid "
                f"WHERE entries_fts MATCH ?{cond} ORDER BY score, e.date DESC LIMIT ?"
            )
            params += [expr, *cond_params, limit]
        else:  # rank inside the index alone, then fetch just the top rows
            parts.append(
                "SELECT e.id, e.date, e.section, e.title, e.body, f.score FROM ("
                "  SELECT rowid, bm25(entries_fts, 5.0, 1.0) AS score FROM entries_fts"
                "  WHERE entries_fts MATCH ? ORDER BY score LIMIT ?"
                ") f JOIN entries e ON e.id = f.rowid"
            )
            params += [expr, limit]
    sql = " UNION ALL ".join(f"SELECT * FROM ({p})" for p in parts) + " ORDER BY 6, 2 DESC LIMIT ?"
    return [Hit(*row) for row in db.execute(sql, [*params, limit]).fetchall()]
