"""A problem accepted once stays solved: after AC then WA the day's table, the week page and the
blog post show 맞았습니다 with the number of tries (issue 17), from one place
(:func:`studylog.store.day_summary.tries_by_problem`)."""

from __future__ import annotations

import json

from studylog.config import Settings
from studylog.journal.day import load_day
from studylog.journal.publish.post import render_blog
from studylog.store import day_summary
from tests.study.conftest import attempt

DAY = "2026-11-17"


def _ac_then_wa(db) -> None:
    attempt(db, "2667", DAY, "AC")
    attempt(db, "2667", DAY, "WA")
    attempt(db, "1012", DAY, "WA")
    attempt(db, "1012", DAY, "TLE")


def test_the_days_table_shows_the_best_verdict_and_the_tries(cli, db) -> None:
    _ac_then_wa(db)
    rows = {a.problem_id: a for a in day_summary.attempts_on_day(db, DAY)}
    assert (rows["2667"].verdict, rows["2667"].attempts) == ("AC", 2)
    assert (rows["1012"].verdict, rows["1012"].attempts) == ("TLE", 2)  # never solved: the last


def test_the_blog_post_says_solved_with_the_tries(cli, db) -> None:
    _ac_then_wa(db)
    post = render_blog(load_day(db, DAY, Settings.load()), "ko")
    assert "BOJ 2667 단지번호붙이기: 맞았습니다!! (AC, 2회 제출)" in post
    assert "BOJ 1012 유기농 배추: 시간 초과 (TLE, 2회 제출)" in post


def test_the_week_says_solved_with_the_tries(cli, db) -> None:
    assert cli("config", "course.start", "2026-10-26").exit_code == 0
    _ac_then_wa(db)
    page = json.loads(cli("week", DAY, "--format", "json").output)
    probs = {p["problem"]: p for p in page["problems"]}
    assert probs["2667"]["solved"] and probs["2667"]["best_verdict"] == "AC"
    assert probs["2667"]["attempts"] == 2
    text = cli("week", DAY).output
    line = next(ln for ln in text.splitlines() if "2667" in ln)
    assert "맞았습니다" in line or "Accepted" in line or "AC" in line.split(":")[1], line


def test_tries_by_problem_is_best_then_last() -> None:
    assert day_summary.best_verdict(["WA", "AC", "TLE"]) == "AC"
    assert day_summary.best_verdict(["WA", "TLE"]) == "TLE"
    assert day_summary.best_verdict([]) == ""
