"""Export -> import -> export gives the same post (blog, markdown, JSON): property tests."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studylog.config import Settings
from studylog.journal.day import add_note, add_todo
from studylog.journal.publish.exchange import export_json, export_text, import_paths
from studylog.journal.publish.parse import heading_key
from studylog.journal.sections import KEYS
from studylog.store import days as q
from studylog.store import open_db
from studylog.words import Lang

ALPHABET = st.sampled_from(list("가나다라회고단지번호피어세션강의 abcXYZ019#-_.:()[]*→ "))
LINE = st.text(ALPHABET, max_size=30).map(str.rstrip).filter(
    lambda s: heading_key(s) is None and not s.startswith(("학습기록", "Study log"))
)
TEXT = st.lists(LINE, max_size=6).map(lambda ls: "\n".join(ls).strip("\n")).filter(
    lambda t: t.strip() != ""
)
TODO = st.text(ALPHABET, min_size=1, max_size=20).map(str.strip).filter(
    lambda s: s and heading_key(s) is None and not s.startswith(("-", "*", "[ ]", "[x]"))
)
DAY = st.fixed_dictionaries(
    {
        "sections": st.dictionaries(st.sampled_from(KEYS), TEXT, max_size=4),
        "todos": st.lists(st.tuples(TODO, st.booleans()), max_size=4, unique_by=lambda t: t[0]),
    }
)


def _fill(db, date: str, day: dict) -> None:
    for key, text in day["sections"].items():
        add_note(db, date, key, text)
    for text, done in day["todos"]:
        add_todo(db, date, text, done)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=DAY, fmt=st.sampled_from(["blog", "markdown"]), lang=st.sampled_from(["ko", "en"]))
def test_text_round_trip(day: dict, fmt: str, lang: Lang) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        conf = Settings(values={"language": lang}, path=Path(tmp) / "c.toml")
        a = open_db(Path(tmp) / "a.db")
        _fill(a, "2026-11-18", day)
        first = export_text(a, "2026-11-18", fmt, conf, lang)
        post = Path(tmp) / "post.txt"
        post.write_text(first, encoding="utf-8")
        b = open_db(Path(tmp) / "b.db")
        import_paths(b, [post], conf, lang, date="2026-11-18")
        assert export_text(b, "2026-11-18", fmt, conf, lang) == first
        # the to-dos keep their state: open ones stay open, done ones done
        assert [(t.text, t.done) for t in q.todos(b, "2026-11-18")] == [
            (text, done) for text, done in day["todos"]]
        # and every line the user wrote is there
        for text in day["sections"].values():
            for line in text.splitlines():
                assert line in first


@settings(max_examples=30, deadline=None)
@given(days=st.dictionaries(st.sampled_from(["2026-11-01", "2026-11-02", "2026-11-09"]), DAY,
                            min_size=1, max_size=3))
def test_json_round_trip(days: dict) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        conf = Settings(values={}, path=Path(tmp) / "c.toml")
        a = open_db(Path(tmp) / "a.db")
        for date, day in days.items():
            _fill(a, date, day)
        dates = sorted(days)
        doc = export_json(a, dates, conf)
        path = Path(tmp) / "x.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        b = open_db(Path(tmp) / "b.db")
        import_paths(b, [path], conf, "ko")
        assert export_json(b, dates, conf) == doc
        import_paths(b, [path], conf, "ko")  # importing twice changes nothing
        assert export_json(b, dates, conf) == doc


def test_dry_run_changes_nothing(home: Path) -> None:
    conf = Settings(values={}, path=home / "c.toml")
    db = open_db(home / "d.db")
    post = home / "p.txt"
    post.write_text("제목\n학습기록 - 3\n오늘 한 일\n강의 듣기\n4. 학습 회고\n좋았다\n", encoding="utf-8")
    reports = import_paths(db, [post], conf, "ko", date="2026-11-05", dry_run=True)
    assert reports[0].todos == 1 and reports[0].entries == {"retro": 1}
    assert db.execute("SELECT count(*) FROM days").fetchone()[0] == 0


ANY_LINE = st.one_of(
    LINE,
    st.sampled_from(["1. 강의 복습 내용", "## 4) 회고", "오늘 한 일", "-", "# 주석 같은 줄", "**3. 피어세션**",
                     "학습기록 - 9", "- [x] 끝낸 일", "강의", "회고", "   들여쓴 줄", ""]),
)


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(ANY_LINE, max_size=25))
def test_import_never_drops_a_line(lines: list[str]) -> None:
    from studylog.journal.publish.parse import parse_day

    parsed = parse_day("\n".join(lines))
    kept = "\n".join(
        [parsed.title or "", f"학습기록 - {parsed.record_no}"]
        + [t for t, _ in parsed.todos]
        + list(parsed.sections.values())
    )
    for line in lines:
        if line.strip() and heading_key(line) is None:
            bare = line.strip().removeprefix("# ")
            for mark in ("- [x] ", "- [ ] ", "[x] ", "[ ] "):
                bare = bare.removeprefix(mark)
            assert bare.strip() in kept
