"""Search finds Hangul terms of any length, parts of compounds, English in any case."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studylog.journal.search import make_snippet, search
from studylog.store import days as q
from studylog.store import open_db, transaction


@pytest.fixture
def db(home: Path):
    db = open_db(home / "s.db")
    notes = [
        ("2026-11-01", "algorithm", "BOJ 2667 단지번호붙이기 를 BFS 로 풀었다."),
        ("2026-11-02", "retro", "오늘 회고: 피어세션에서 CutMix 를 배웠다."),
        ("2026-11-03", "lecture", "CosineAnnealingLR 와 StepLR 비교, Loss 가 줄지 않음"),
        ("2026-11-04", "peer", "피어 리뷰 — 회고록 쓰는 법"),
        ("2026-11-05", "note", "점심은 김밥"),
    ]
    with transaction(db):
        for date, section, body in notes:
            q.add_entry(db, date, section, body)
    return db


@pytest.mark.parametrize(
    ("query", "dates"),
    [
        ("회고", ["2026-11-02", "2026-11-04"]),   # 2 syllables, also inside 회고록
        ("단지", ["2026-11-01"]),                 # start of a compound
        ("번호", ["2026-11-01"]),                 # middle of a compound
        ("붙이기", ["2026-11-01"]),               # end of a compound
        ("피어", ["2026-11-02", "2026-11-04"]),   # 피어세션 and 피어
        ("밥", ["2026-11-05"]),                   # one syllable at a word's end
        ("김", ["2026-11-05"]),                   # one syllable at a word's start
        ("loss", ["2026-11-03"]),                 # case-insensitive
        ("STEPLR", ["2026-11-03"]),
        ("annealing", ["2026-11-03"]),            # part of a word
        ("회고 피어", ["2026-11-02", "2026-11-04"]),  # all words must match
        ("회고 김밥", []),
        ("없는말", []),
        ("!!!", []),
    ],
)
def test_terms(db, query: str, dates: list[str]) -> None:
    assert sorted(h.date for h in search(db, query)) == dates


def test_todos_are_searched_too(db) -> None:
    with transaction(db):
        q.add_todo(db, "2026-11-06", "토마토 문제 풀기")
    hits = search(db, "토마토")
    assert [(h.date, h.section) for h in hits] == [("2026-11-06", "todo")]
    assert search(db, "토마토", section="todo")[0].snippet == "토마토 문제 풀기"
    assert search(db, "토마토", section="retro") == []
    assert search(db, "토마토", until="2026-11-05") == []


def test_filters(db) -> None:
    assert [h.date for h in search(db, "회고", section="retro")] == ["2026-11-02"]
    assert [h.date for h in search(db, "회고", since="2026-11-03")] == ["2026-11-04"]
    assert [h.date for h in search(db, "회고", until="2026-11-02")] == ["2026-11-02"]


def test_edit_and_delete_update_the_index(db) -> None:
    entry_id = search(db, "김밥")[0].entry_id
    with transaction(db):
        q.update_entry(db, entry_id, "저녁은 라면", "", [])
    assert search(db, "김밥") == []
    assert [h.entry_id for h in search(db, "라면")] == [entry_id]
    with transaction(db):
        q.delete_entry(db, entry_id)
    assert search(db, "라면") == []


def test_snippet_marks_the_match() -> None:
    text = "앞부분 " * 30 + "여기서 회고를 했다 " + "뒷부분 " * 30
    snippet, spans = make_snippet(text, ["회고"])
    assert snippet.startswith("…") and snippet.endswith("…")
    assert [snippet[a:b] for a, b in spans] == ["회고"]


@pytest.fixture
def spaced(home: Path):
    db = open_db(home / "sp.db")
    with transaction(db):
        q.add_entry(db, "2026-11-10", "algorithm", "오늘은 단지번호 붙이기 를 다시 풀었다")
        q.add_entry(db, "2026-11-11", "algorithm", "BFS: 단지 번호 붙이기 복습")
        q.add_entry(db, "2026-11-12", "algorithm", "단지번호붙이기 최종 정리")
        q.add_entry(db, "2026-11-13", "lecture", "스케줄러는 CosineAnnealing LR 을 썼다")
        q.add_entry(db, "2026-11-14", "lecture", "단지 하나, 번호 둘")  # both words, apart
        q.add_todo(db, "2026-11-15", "단지 번호붙이기 다시 풀기")
    return db


@pytest.mark.parametrize("query", ["단지번호붙이기", "단지 번호붙이기", "단지번호 붙이기",
                                   "단지 번호 붙이기"])
def test_spacing_does_not_matter(spaced, query: str) -> None:
    hits = search(spaced, query)
    assert sorted(h.date for h in hits) == ["2026-11-10", "2026-11-11", "2026-11-12",
                                            "2026-11-15"]
    exact = [h for h in hits if h.match == "exact"]
    assert hits[: len(exact)] == exact  # the query as typed comes first
    assert all(h.spans for h in hits)  # the snippet marks the differently spaced match


def test_exact_spacing_ranks_first(spaced) -> None:
    assert search(spaced, "단지번호 붙이기")[0].date == "2026-11-10"
    assert search(spaced, "단지 번호 붙이기")[0].date == "2026-11-11"
    assert search(spaced, "단지번호붙이기")[0].date == "2026-11-12"


def test_latin_names_ignore_spacing(spaced) -> None:
    assert [h.date for h in search(spaced, "CosineAnnealingLR")] == ["2026-11-13"]
    assert [h.date for h in search(spaced, "cosineannealing lr")] == ["2026-11-13"]
    hit = search(spaced, "CosineAnnealingLR")[0]
    assert [hit.snippet[a:b] for a, b in hit.spans] == ["CosineAnnealing LR"]


def test_words_apart_still_match_but_rank_last(spaced) -> None:
    hits = search(spaced, "단지 번호")
    assert hits[-1].date == "2026-11-14" and hits[-1].match == "words"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["단지", "번호", "붙이기", "Cosine", "LR", "회고", "a"]), min_size=1,
                max_size=4),
       st.lists(st.sampled_from(["", " ", "  "]), min_size=4, max_size=4),
       st.lists(st.sampled_from(["", " "]), min_size=4, max_size=4))
def test_any_spacing_of_a_phrase_finds_any_other(home: Path, words, text_gaps, query_gaps) -> None:
    text = "".join(w + g for w, g in zip(words, text_gaps, strict=False)).strip()
    query = "".join(w + g for w, g in zip(words, query_gaps, strict=False)).strip()
    db = open_db(home / "prop.db")
    with transaction(db):
        entry_id = q.add_entry(db, "2026-11-20", "note", f"앞 {text} 뒤")
    try:
        hits = search(db, query, limit=100)
        assert entry_id in [h.entry_id for h in hits]
    finally:
        with transaction(db):
            q.delete_entry(db, entry_id)
        db.conn.close()


_TEXT = st.text(alphabet="단지번호붙이기회고탐뷁abcLR019 ,.-_!", min_size=1, max_size=40)


@given(_TEXT, st.data())
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture],
          deadline=None)
def test_every_piece_of_a_note_finds_it_and_nothing_else_does(home: Path, text: str, data) -> None:
    """Any run of a note's characters (1 syllable to the whole note, spaces and punctuation
    included) finds it, through the trigram index or, for 1–2 characters, the rows; a query
    whose letters are not in the note in that order never does."""
    from studylog.store.search import compact

    start = data.draw(st.integers(0, len(text) - 1))
    piece = text[start:data.draw(st.integers(start + 1, len(text)))]
    other = data.draw(_TEXT)
    db = open_db(home / "pieces.db")
    with transaction(db):
        entry_id = q.add_entry(db, "2026-11-20", "note", text)
        todo_id = q.add_todo(db, "2026-11-20", text)
    try:
        if compact(piece):
            assert entry_id in [h.entry_id for h in search(db, piece, limit=100)
                                if h.section != "todo"]
            assert todo_id in [h.entry_id for h in search(db, piece, section="todo", limit=100)]
        found = [h.entry_id for h in search(db, other, limit=100) if h.section != "todo"]
        parts_in = all(compact(w) in compact(text) for w in other.split())
        assert (entry_id in found) == (bool(compact(other)) and parts_in)
    finally:
        with transaction(db):
            q.delete_entry(db, entry_id)
            q.delete_todo(db, todo_id)
        db.conn.close()


def _nfd(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFD", text)


def test_decomposed_hangul_is_found_by_what_a_student_types(home: Path) -> None:
    """Hangul typed or pasted on macOS can be decomposed into jamo (NFD): stored as it came (an
    app editor keeps what it holds), it is found by the composed query, the snippet marks it,
    and a decomposed query finds composed text."""
    db = open_db(home / "s.db")
    with transaction(db):
        q.add_entry(db, "2026-11-02", "retro", _nfd("오늘 회고: 단지번호붙이기 복습"))
        q.add_entry(db, "2026-11-03", "retro", "내일은 회고를 먼저")
    hits = search(db, "회고")
    assert [h.date for h in hits] == ["2026-11-03", "2026-11-02"]
    assert "회고" in hits[1].snippet and hits[1].spans
    assert [h.date for h in search(db, "단지 번호")] == ["2026-11-02"]
    assert [h.date for h in search(db, _nfd("회고를"))] == ["2026-11-03"]


def _old_day(db: sqlite_utils.Database, date: str) -> None:
    db.execute("INSERT INTO days (date, created, updated) VALUES (?, 'x', 'x')", [date])


def test_the_migrations_index_decomposed_text_stored_before(home: Path) -> None:
    from studylog.store.migrations import migrate

    db = open_db(home / "old.db", migrate=False)
    migrate(db, upto="peer_results_mine")
    with transaction(db):  # as a note was stored and indexed before search composed jamo
        _old_day(db, "2026-11-02")
        entry = 7
        db.execute("INSERT INTO entries (id, date, section, body, created, updated) "
                   "VALUES (?, '2026-11-02', 'retro', ?, 'x', 'x')", [entry, _nfd("맥에서 쓴 회고")])
        db.execute("INSERT INTO entries_compact (rowid, title, body) VALUES (?, '', ?)",
                   [entry, _nfd("맥에 에서 서쓴 쓴회 회고 고")])
    stale = db.execute("SELECT count(*) FROM entries_compact WHERE entries_compact MATCH ?",
                       ['"맥에 에서"']).fetchone()[0]
    assert stale == 0
    migrate(db)
    assert [h.date for h in search(db, "맥에서")] == ["2026-11-02"]
    assert [h.date for h in search(db, "맥에서쓴")] == ["2026-11-02"]
    assert db.execute("SELECT text FROM entries_compact WHERE rowid = ?",
                      [entry]).fetchone()[0] == "맥에서쓴회고"


def test_the_trigram_migration_rebuilds_the_bigram_index(home: Path) -> None:
    from studylog.store.migrations import migrate

    db = open_db(home / "old.db", migrate=False)
    migrate(db, upto="journal_index_composed_hangul")
    with transaction(db):  # a note and a to-do as the bigram schema stored them
        _old_day(db, "2026-11-02")
        db.execute("INSERT INTO entries (id, date, section, body, created, updated) VALUES "
                   "(1, '2026-11-02', 'lecture', 'StepLR 의 gamma 는 0.1, 단지 번호 붙이기', 'x', 'x')")
        db.execute("INSERT INTO todos (id, date, position, text, created) "
                   "VALUES (1, '2026-11-02', 0, '논문 읽기', 'x')")
    migrate(db)
    assert [h.date for h in search(db, "단지번호붙이기")] == ["2026-11-02"]
    assert [h.date for h in search(db, "steplr GAM 0.1")] == ["2026-11-02"]
    assert search(db, "steplr 감마") == []
    assert [h.section for h in search(db, "논문")] == ["todo"]
    assert search(db, "단지 없는말") == []


def test_compose_hangul_composes_only_jamo() -> None:
    from studylog.words import compose_hangul

    assert compose_hangul(_nfd("회고, 각, 뷁 — 한국어")) == "회고, 각, 뷁 — 한국어"
    kept = "\uf914 \u212b e\u0301 ᄀ alone"  # a compatibility ideograph, Å sign, e + accent, a lone jamo
    assert compose_hangul(kept) == kept
