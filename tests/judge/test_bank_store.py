"""The problem bank's contents and the attempts store."""

import random

import pytest

from studylog.errors import UserError
from studylog.judge.problems.bank import get_problem, list_problems
from studylog.judge.problems.cases import build_tests
from studylog.judge.stress import case_input
from studylog.store import attempts, day_summary, open_db

BANK = ["2667", "1012", "2178", "4963", "7576", "1260"]


def test_bank_has_the_six_problems_with_metadata():
    problems = {p.id: p for p in list_problems()}
    assert set(BANK) <= set(problems)
    for pid in BANK:
        p = problems[pid]
        assert p.title and p.title_en and p.source.startswith("https://www.acmicpc.net/")
        assert p.samples() and p.statement().startswith(f"# {pid}")
        assert p.module("gen") and p.module("ref") and p.tags


@pytest.mark.parametrize("pid", BANK)
def test_reference_matches_samples_and_brute(pid):
    p = get_problem(pid)
    ref, brute = p.module("ref"), p.module("brute")
    for _name, inp, out in p.samples():
        assert ref.solve(inp) == out
    if brute is not None:
        for i in range(40):
            text = case_input(p, 3, i)
            if len(text) < 5000:
                assert brute.solve(text) == ref.solve(text), text


def test_2667_tests_include_the_edge_cases():
    names = [t.name for t in build_tests(get_problem("2667"))]
    for edge in ("all zeros", "all ones", "checkerboard", "largest N", "border ring",
                 "long snake"):
        assert edge in names
    again = [t.input for t in build_tests(get_problem("2667"), use_cache=False)]
    assert again == [t.input for t in build_tests(get_problem("2667"))]  # seeded


def test_unknown_id_suggests_close_ones():
    with pytest.raises(UserError, match="혹시 2667"):
        get_problem("2666")


def test_summary_for_date_and_status(tmp_path):
    db = open_db(tmp_path / "s.db")
    day = "2026-11-20"
    common = dict(language="python", filename="a.py", code="x", passed=1, total=2,
                  time_ms=3, memory_kb=4, tests=[])
    attempts.add_attempt(db, problem_id="1012", title="유기농 배추", title_en="",
                         date=day, verdict="WA", **common)
    attempts.add_attempt(db, problem_id="2667", title="단지번호붙이기", title_en="",
                         date=day, verdict="TLE", **common)
    attempts.add_attempt(db, problem_id="1012", title="유기농 배추", title_en="",
                         date=day, verdict="AC", **common)
    attempts.add_attempt(db, problem_id="2178", title="미로 탐색", title_en="",
                         date="2026-11-21", verdict="AC", **common)
    assert day_summary.attempts_on_day(db, day) == [
        day_summary.DayAttempt("1012", "유기농 배추", "AC", 2, "AC"),
        day_summary.DayAttempt("2667", "단지번호붙이기", "TLE", 1, "TLE"),
    ]
    st = attempts.status_by_problem(db)
    assert st["1012"].solved and not st["2667"].solved and st["2667"].attempts == 1
    assert day_summary.attempts_on_day(db, "2026-01-01") == []
    assert random  # keep import used
