"""The week page: a week with notes, attempts and runs, in markdown, blog and JSON."""

from __future__ import annotations

import json

import pytest

from studylog.config import Settings
from studylog.errors import UserError
from studylog.study.week import resolve_week
from tests.study.conftest import attempt, run


def fill_week(cli, db) -> None:
    assert cli("config", "course.start", "2026-10-26").exit_code == 0  # week4 = 11-16..11-22
    notes = [
        ("2026-11-16", "lecture", "## Dataset 과 DataLoader\n## Transform\n내용"),
        ("2026-11-17", "lecture", "BatchNorm 정리\n더 자세히"),
        ("2026-11-17", "retro", "BatchNorm 이 왜 되는지 이해했다\n- [ ] 논문 읽기"),
        ("2026-11-18", "retro", "## Keep\n- 아침 알고리즘\n## Try\n- 일찍 자기"),
    ]
    for date, section, text in notes:
        assert cli("note", section, "-", "--date", date, input=text).exit_code == 0
    cli("todo", "add", "과제 1", "--date", "2026-11-16")
    cli("todo", "add", "강의 3강", "--date", "2026-11-16")
    cli("todo", "done", "1", "--date", "2026-11-16")
    attempt(db, "2667", "2026-11-16", "WA")
    attempt(db, "2667", "2026-11-17", "AC")
    attempt(db, "1012", "2026-11-18", "TLE")
    run(db, "2026-11-18", [0.71, 0.93, 0.90])
    run(db, "2026-11-23", [0.5])  # next week


def test_week_page_json(cli, db) -> None:
    fill_week(cli, db)
    r = cli("week", "2026-11-19", "--format", "json")
    assert r.exit_code == 0, r.output
    page = json.loads(r.output)
    assert (page["label"], page["start"], page["end"]) == ("week4", "2026-11-16", "2026-11-22")
    days = {d["date"]: d for d in page["days"]}
    assert days["2026-11-16"]["lectures"] == ["Dataset 과 DataLoader", "Transform"]
    assert days["2026-11-17"]["lectures"] == ["BatchNorm 정리"]
    assert days["2026-11-16"]["record_no"] == 1 and days["2026-11-18"]["record_no"] == 3
    assert days["2026-11-19"]["exists"] is False
    assert days["2026-11-17"]["highlights"] == ["BatchNorm 이 왜 되는지 이해했다"]
    assert days["2026-11-18"]["highlights"] == ["아침 알고리즘"]
    probs = {p["problem"]: p for p in page["problems"]}
    assert probs["2667"]["final_verdict"] == "AC" and probs["2667"]["attempts"] == 2
    assert "bfs" in probs["2667"]["tags"]  # from the problem bank
    assert probs["1012"]["final_verdict"] == "TLE" and not probs["1012"]["solved"]
    (one_run,) = page["runs"]
    assert one_run["best_val_acc"] == pytest.approx(0.93) and one_run["epochs"] == 3
    # two own to-dos and two retro items carried onto the week's days
    assert (page["todos_done"], page["todos_total"]) == (1, 4)
    open_texts = [t["text"] for t in page["open_todos"]]
    assert open_texts == ["강의 3강", "논문 읽기", "일찍 자기"]
    cli("todo", "done", "1", "--date", "2026-11-20")  # 논문 읽기, carried from 11-17
    page = json.loads(cli("week", "2026-11-19", "--format", "json").output)
    assert (page["todos_done"], page["todos_total"]) == (2, 4)
    assert [t["text"] for t in page["open_todos"]] == ["강의 3강", "일찍 자기"]
    assert page["days_written"] == 3
    assert page["streak"] == 0  # nothing on 11-21 and 11-22
    assert page["reviews_due"] >= 1  # 2667 failed on 11-16: due on 11-17, solved then
    assert page["reviews_done"] >= 1


def test_week_page_markdown_and_blog(cli, db) -> None:
    fill_week(cli, db)
    md = cli("week", "week4").output
    assert md.startswith("# week4 · 2026-11-16 ~ 2026-11-22\n")
    assert "- 2667 단지번호붙이기: 맞았습니다!! (AC), 2회 제출 (11-16, 11-17)" in md
    assert "- 11-16 (월): Dataset 과 DataLoader; Transform" in md
    assert "에폭, 최고 val acc 0.930" in md and "(완료)" in md
    assert "- [ ] 논문 읽기 (회고에서 11-17)" in md
    blog = cli("week", "2026-W47", "--format", "blog").output.splitlines()
    assert blog[0] == "[네이버 부스트 캠프] AI-Tech - week4 회고"
    for heading in ("1. 이번 주 강의", "2. 알고리즘 문제 풀이", "3. 실험 정리", "4. 주간 회고"):
        assert heading in blog
    cli("config", "language", "en")
    en = cli("week", "week4", "--format", "blog").output.splitlines()
    assert en[0] == "[네이버 부스트 캠프] AI-Tech - week4 retrospective"
    assert "2. Algorithm problems" in en


def test_the_week_the_cli_shows_is_the_week_the_app_shows(cli, db) -> None:
    from studylog.journal.dates import today
    from studylog.study import week
    from studylog.study import words as week_words

    fill_week(cli, db)
    settings = Settings.load()
    start, end = resolve_week("2026-11-18", settings, today())
    text = week_words.week_markdown(week.build_week(db, start, end, settings, today()), "ko")
    assert cli("week", "2026-11-18").output == text


def test_resolve_week(home) -> None:
    s = Settings.load()
    assert resolve_week("2026-11-19", s, "2026-11-29") == ("2026-11-16", "2026-11-22")
    assert resolve_week("2026-W01", s, "2026-11-29") == ("2025-12-29", "2026-01-04")
    assert resolve_week("today", s, "2026-11-29") == ("2026-11-23", "2026-11-29")
    with pytest.raises(UserError):
        resolve_week("week4", s, "2026-11-29")  # no course.start
    s.set("course.start", "2026-11-04")  # a Wednesday: course weeks run Wed..Tue
    assert resolve_week("2026-11-19", s, "2026-11-29") == ("2026-11-18", "2026-11-24")
    assert resolve_week("w2", s, "2026-11-29") == ("2026-11-11", "2026-11-17")
    for bad in ("2026-W54", "2026-W00", "week0", "2026-02-30", "next", "", "9" * 40,
                "9999-12-31", "9999-W52"):
        with pytest.raises(UserError):
            resolve_week(bad, s, "2026-11-29")


@pytest.mark.parametrize("args", [
    ["2026-13-01"], ["2026-W99"], ["week4"], ["nonsense"], ["--format", "pdf"],
    ["2026-11-20", "-f", "html"], ["\udcff"],
])
def test_week_bad_input_exits_2_with_one_line(run, args) -> None:
    r = run("week", *args)
    assert r.returncode == 2, (args, r.stdout, r.stderr)
    assert r.stdout == "" and len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stderr


def test_the_week_counts_its_peer_sessions(cli, db) -> None:
    from studylog.store import peer

    fill_week(cli, db)
    peer.save_results(db, [
        peer.ResultRow("2026-11-17", "team", "2667", m, "python", v, 30, f"{m}/2667.py")
        for m, v in (("alice", "AC"), ("bob", "WA"))])
    peer.save_results(db, [peer.ResultRow("2026-11-24", "team", "1012", "alice", "python",
                                          "AC", 30, "alice/1012.py")])  # next week
    for i, (date, origin) in enumerate((("2026-11-17", "mine"), ("2026-11-18", "received"),
                                        ("2026-11-18", "received"))):
        assert peer.add_comment(db, peer.CommentRow(
            f"u{i}", "team", "2667", "bob", "bob/2667.py", 3, 3, "q", "h", "대각선", "alice",
            "member", date, "2026-11-17T10:00:00", origin))
    page = json.loads(cli("week", "2026-11-19", "--format", "json").output)
    assert page["peer"] == {"sessions": 2, "problems": ["2667"], "comments_written": 1,
                            "comments_received": 2}
    md = cli("week", "2026-11-19").output
    assert "## 피어세션\n- 피어세션 2일 · 함께 푼 문제 1개 · 코드 리뷰 코멘트 1개 작성, 2개 받음 (2667)" in md
    assert "피어세션 2일" in cli("week", "2026-11-19", "--format", "blog").output
    assert "(1012)" in cli("week", "2026-11-26").output  # the next week has its own
    assert "피어세션" not in cli("week", "2026-11-09").output  # a week without one says nothing
    cli("config", "language", "en")
    assert "2 peer-session days" in cli("week", "2026-11-19").output


def test_the_week_is_headed_by_its_days_own_labels(cli, tmp_path) -> None:
    """An imported post titled week4(4) on a day the course start counts as week5: the week
    says week4, as the student's posts do."""
    assert cli("config", "course.start", "2026-10-26").exit_code == 0
    post = tmp_path / "post.txt"
    post.write_text("[네이버 부스트 캠프] AI-Tech-re - week4(4)\n학습기록 - 18\n오늘 한 일\n"
                    "1. 강의 복습 내용\nDataLoader\n", encoding="utf-8")
    assert cli("import", str(post), "--date", "2026-11-26").exit_code == 0
    page = json.loads(cli("week", "2026-11-26", "--format", "json").output)
    assert (page["label"], page["course_week"]) == ("week4", 4)
    assert cli("week", "2026-11-26").output.startswith("# week4 · 2026-11-23 ~ 2026-11-29")
    # a week whose days carry no label of their own keeps the computed one
    assert json.loads(cli("week", "2026-12-03", "--format", "json").output)["label"] == "week6"
