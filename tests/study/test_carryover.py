"""Open retro items carry over until checked off; due reviews join the day's to-dos and blog."""

from __future__ import annotations

import json

from studylog.journal.words import no_todos
from studylog.study.carryover import carried, open_items
from tests.study.conftest import attempt

RETRO = """오늘은 BFS 를 확실히 익혔다.
- [ ] 논문 읽기
- [x] 과제 제출

## 내일 할 일
- 2667 다시 풀기
- 강의 5강 듣기

## Keep
- 아침 알고리즘
"""


def test_open_items_of_a_retrospective() -> None:
    assert open_items(RETRO) == ["논문 읽기", "2667 다시 풀기", "강의 5강 듣기"]
    assert open_items("Try:\n* write tests\n\nProblem:\n* slept late") == ["write tests"]
    assert open_items("**다음에 할 것**\n1. 복습\n- [x] 이미 함") == ["복습"]
    assert open_items("그냥 회고\n- 좋았다") == []
    assert open_items("내일 할 일:\n- [ ]\n[ ] bare\n* [X] done\n- [ ]  \n-") == ["bare"]


def retro(cli, date: str, text: str) -> None:
    """Write a retrospective note (through stdin, as a text may start with '-')."""
    r = cli("note", "retro", "-", "--date", date, input=text)
    assert r.exit_code == 0, r.output


def lines(cli, date: str) -> list[str]:
    r = cli("todo", "list", "--date", date)
    assert r.exit_code == 0, r.output
    return r.output.splitlines()


def test_carry_over_across_days_and_closing_everywhere(cli) -> None:
    retro(cli, "2026-11-20", RETRO)
    assert cli("todo", "add", "강의 듣기", "--date", "2026-11-21").exit_code == 0
    assert lines(cli, "2026-11-20") == [no_todos("2026-11-20", "ko")]  # the default language
    assert lines(cli, "2026-11-21") == [
        "1. [ ] 강의 듣기",
        "2. [ ] 논문 읽기  ← 11-20 회고",
        "3. [ ] 2667 다시 풀기  ← 11-20 회고",
        "4. [ ] 강의 5강 듣기  ← 11-20 회고",
    ]
    # still there three days later
    assert lines(cli, "2026-11-23")[0] == "1. [ ] 논문 읽기  ← 11-20 회고"
    r = cli("todo", "done", "2", "--date", "2026-11-22")
    assert r.exit_code == 0 and r.output.strip() == "2. [x] 2667 다시 풀기  ← 11-20 회고"
    # closed everywhere: done on the days it was carried onto, gone after
    assert "3. [x] 2667 다시 풀기  ← 11-20 회고" in lines(cli, "2026-11-21")
    assert "2. [x] 2667 다시 풀기  ← 11-20 회고" in lines(cli, "2026-11-22")
    assert lines(cli, "2026-11-23") == ["1. [ ] 논문 읽기  ← 11-20 회고",
                                        "2. [ ] 강의 5강 듣기  ← 11-20 회고"]
    # the day's own to-dos are unaffected, and --undo opens it again
    assert cli("todo", "done", "2", "--date", "2026-11-22", "--undo").exit_code == 0
    assert len(lines(cli, "2026-11-23")) == 3


def test_same_item_from_two_retros_shows_once_and_closes_once(cli) -> None:
    retro(cli, "2026-11-20", "- [ ] 논문 읽기")
    retro(cli, "2026-11-21", "- [ ] 논문 읽기\n- [ ] 정리")
    assert lines(cli, "2026-11-22") == ["1. [ ] 논문 읽기  ← 11-20 회고",
                                        "2. [ ] 정리  ← 11-21 회고"]
    cli("todo", "done", "1", "--date", "2026-11-22")
    assert lines(cli, "2026-11-23") == ["1. [ ] 정리  ← 11-21 회고"]


def test_checking_it_in_the_retro_closes_it(cli, db) -> None:
    retro(cli, "2026-11-20", "- [ ] 논문 읽기")
    assert [c.text for c in carried(db, "2026-11-21")] == ["논문 읽기"]
    from studylog.journal.day import set_section_text

    set_section_text(db, "2026-11-20", "retro", "- [x] 논문 읽기")
    assert carried(db, "2026-11-21") == []


def test_todo_list_json_and_due_review(cli, db) -> None:
    retro(cli, "2026-11-20", "- [ ] 논문 읽기")
    attempt(db, "2667", "2026-11-20", "WA")
    r = cli("todo", "list", "--date", "2026-11-21", "--json")
    items = json.loads(r.output)
    assert [(i["number"], i["kind"], i["text"], i["origin"]) for i in items] == [
        (1, "carry", "논문 읽기", "2026-11-20"),
        (2, "review", "다시 풀기: 2667 단지번호붙이기", None)]
    # a problem is checked off by solving it, not by `todo done`
    r = cli("todo", "done", "2", "--date", "2026-11-21")
    assert r.exit_code == 2 and "studylog solve 2667" in r.output
    r = cli("todo", "done", "3", "--date", "2026-11-21")
    assert r.exit_code == 2 and "3번 할 일이 없습니다" in r.output


def test_blog_export_lists_the_days_due_reviews(cli, db) -> None:
    attempt(db, "2667", "2026-11-20", "WA")
    retro(cli, "2026-11-20", "내일 할 일:\n- 강의 5강")
    cli("todo", "add", "과제 제출", "--date", "2026-11-21")
    r = cli("export", "2026-11-21", "--format", "blog")
    assert r.exit_code == 0, r.output
    out = r.output.splitlines()
    start = out.index("오늘 한 일")
    # open to-dos start with [ ] (a done one is a plain line, as in the bootcamp's posts)
    assert out[start + 1:start + 4] == ["[ ] 과제 제출", "[ ] 강의 5강", "[ ] 다시 풀기: 2667 단지번호붙이기"]
    # a past day's post keeps what was due then, even after it was solved again
    attempt(db, "2667", "2026-11-21", "AC")
    again = cli("export", "2026-11-21", "--format", "blog").output
    assert "다시 풀기: 2667 단지번호붙이기" in again
    md = cli("export", "2026-11-21", "--format", "markdown").output
    assert "- [x] 다시 풀기: 2667 단지번호붙이기" in md
    assert "- [ ] 강의 5강  ← 11-20 회고" in md


def test_english_words(cli, db) -> None:
    assert cli("config", "language", "en").exit_code == 0
    attempt(db, "2667", "2026-11-20", "WA")
    retro(cli, "2026-11-20", "Try:\n- write tests")
    assert lines(cli, "2026-11-21") == ["1. [ ] write tests  ← 11-20 retro",
                                        "2. [ ] Solve again: 2667 단지번호붙이기"]


def test_every_next_heading_passes_the_sql_prefilter() -> None:
    from studylog.study.carryover import KEYWORDS, NEXT_HEADINGS

    for heading in NEXT_HEADINGS:
        assert any(k in heading for k in KEYWORDS), heading


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

ITEM = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1,
               max_size=30).map(str.strip).filter(bool)


@given(st.lists(ITEM, max_size=8, unique=True), st.text(max_size=200))
def test_open_task_lines_are_found_whatever_surrounds_them(items, noise) -> None:
    noise_lines = [ln for ln in noise.splitlines() if "[" not in ln]
    text = "\n".join([*noise_lines[:3], *(f"- [ ] {i}" for i in items)])
    found = open_items(text)
    assert [i for i in found if i in items] == items
