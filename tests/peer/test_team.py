"""Team folder layouts, the migration, and the day's summary lines (no judging: fast)."""

from __future__ import annotations

from pathlib import Path

import pytest

from studylog.errors import UserError
from studylog.peer import day, team
from studylog.peer.team import find_team
from studylog.store import open_db
from studylog.store import peer as store
from studylog.store.migrations import MIGRATIONS
from tests.peer.conftest import git


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)


def test_member_layout_finds_each_members_files(gitenv: Path, tmp_path: Path) -> None:
    root = tmp_path / "t"
    root.mkdir()
    git(root, "init", "-q")
    _write(root, {"alice/2667.c": "", "alice/12667.py": "", "bob/boj_2667.py": "",
                  "carol/2667/dfs.cpp": "", "studylog-peer/alice/x.py": "", "README.md": ""})
    t = team.find_team(root / "alice")
    assert t.root == root.resolve() and t.layout == "member"
    assert [(s.member, s.rel) for s in t.solutions("2667")] == [
        ("alice", "alice/2667.c"), ("bob", "bob/boj_2667.py"), ("carol", "carol/2667/dfs.cpp")]
    assert t.locate(root / "carol/2667/dfs.cpp").problem_id == "2667"


def test_problem_layout_and_team_file(tmp_path: Path) -> None:
    root = tmp_path / "t"
    _write(root, {"2667/alice.py": "", "2667/bob/main.cpp": "", "1260/alice.c": ""})
    (root / team.TEAM_FILE).write_text('name = "8조"\nmembers = ["alice"]\n')
    t = team.find_team(root)
    assert (t.name, t.layout, t.is_git) == ("8조", "problem", False)
    assert [s.rel for s in t.solutions("2667")] == ["2667/alice.py"]
    (root / team.TEAM_FILE).write_text('layout = "member"\n')
    assert team.find_team(root).layout == "member"


def test_not_a_team_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="는 팀 폴더가 아닙니다"):
        team.find_team(tmp_path)


def test_peer_migrations_and_day_summary(home: Path) -> None:
    names = [name for name, _ in MIGRATIONS]
    assert names.index("peer_results_mine") == names.index("peer_tables") + 1
    db = open_db(home / "studylog.db")
    store.save_results(db, [store.ResultRow("2026-12-03", "t", "2667", m, lang, v, 10, f"{m}/x")
                            for m, lang, v in (("alice", "c", "AC"), ("bob", "python", "WA"))])
    base = dict(team="t", problem_id="2667", path="bob/2667.py", line_start=3, line_end=3,
                quote="x", file_hash="h", date="2026-12-03")
    store.add_comment(db, store.CommentRow(uid="1", member="bob", body="대각선", author="alice",
                                           role="member", **base))
    store.add_comment(db, store.CommentRow(uid="2", member="alice", body="good", author="kim",
                                           role="mentor", origin="received", **base))
    ko = day.day_summary(db, "2026-12-03", "ko")
    assert ko.peer == ["피어세션: 2667 단지번호붙이기 — alice AC, bob WA"]
    assert ko.review[0] == "코드 리뷰: 내가 남긴 코멘트 1개, 받은 코멘트 1개 (멘토 리뷰 1개)"
    en = day.day_summary(db, "2026-12-03", "en")
    assert en.peer == ["peer session: 2667 Numbering Housing Complexes — alice AC, bob WA"]
    assert day.day_summary(db, "2026-12-04", "en").empty


def test_the_post_gets_the_peer_lines_in_its_sections() -> None:
    summary = day.DayPeer(review=["코드 리뷰: 내가 남긴 코멘트 1개, 받은 코멘트 0개"],
                          peer=["피어세션: 2667 단지번호붙이기 — alice AC, bob WA"])
    blog = "제목\n학습기록 - 3\n오늘 한 일\n3. 피어세션 정리\n같이 풀었다\n4. 학습 회고\n좋았다\n"
    assert day.add_to_post(blog, summary, "ko").split("\n") == [
        "제목", "학습기록 - 3", "오늘 한 일", "코드 리뷰 정리", summary.review[0],
        "3. 피어세션 정리", "같이 풀었다", summary.peer[0], "4. 학습 회고", "좋았다", ""]
    md = "# 제목\n\n## 코드 리뷰 정리\n메모\n\n## 3. 피어세션 정리\n\n## 4. 학습 회고\n"
    out = day.add_to_post(md, summary, "ko", markdown=True)
    assert "## 코드 리뷰 정리\n메모\n코드 리뷰: 내가" in out
    assert "## 3. 피어세션 정리\n피어세션: 2667" in out
    assert day.add_to_post(blog, day.DayPeer(), "ko") == blog


def test_every_clone_names_the_team_after_its_remote(team) -> None:
    names = {find_team(path).name for path in team.clones.values()}
    assert names == {"remote"}


@pytest.mark.parametrize(("toml", "words"), [
    ("members = 5\n", "members는 이름의 목록"),  # was a TypeError traceback
    ('members = "abc"\n', "members는 이름의 목록"),  # was read as members a, b and c
    ("members = [1, {a = 1}]\n", "members는 이름의 목록"),
    ('members = [" "]\n', "members는 이름의 목록"),
    ("name = 5\n", "name은 문자열"),
])
def test_a_bad_team_file_is_one_line(tmp_path: Path, toml: str, words: str) -> None:
    (tmp_path / "alice").mkdir()
    (tmp_path / "alice" / "2667.py").write_text("print(1)\n", encoding="utf-8")
    (tmp_path / "studylog-team.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(UserError, match=words):
        find_team(tmp_path)
