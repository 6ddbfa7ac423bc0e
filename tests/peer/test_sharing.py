"""Publish and pull through a real bare remote: two members publishing at once never conflict,
each imports the other's comments, and a push to a remote that is gone fails in one line with
the commit kept locally."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.peer.conftest import TeamRepos, git


def test_publish_and_pull_round_trip_without_conflict(cli, team: TeamRepos, home: Path) -> None:
    alice, bob = team.clones["alice"], team.clones["bob"]
    git(bob, "pull", "-q")
    a_db, b_db = str(home / "alice.db"), str(home / "bob.db")
    r = cli("--db", a_db, "peer", "comment", f"{alice}/bob/2667.py:18-19", "대각선은 이웃이 아닙니다")
    assert r.exit_code == 0, r.output
    r = cli("--db", b_db, "peer", "comment", f"{bob}/alice/2667.c:7-11", "재귀 DFS 깔끔하네요",
            "--role", "member")
    assert r.exit_code == 0, r.output

    # both publish from clones at the same commit: bob's push needs alice's commit first
    r = cli("--db", a_db, "peer", "publish", str(alice))
    assert r.exit_code == 0, r.output
    assert "푸시함" in r.stdout
    r = cli("--db", b_db, "peer", "publish", str(bob))
    assert r.exit_code == 0, r.output

    page = (bob / "studylog-peer/bob/comments.md").read_text()
    assert "### 2667 · `alice/2667.c` L7-11" in page and "**bob** (member" in page
    assert "<!-- studylog-comment {" in page
    assert "```c\n#include <stdio.h>" in (alice / "studylog-peer/alice/2667.md").read_text()
    log = git(bob, "log", "--format=%an <%ae> %s", "origin/main")
    assert "alice <alice@team.example> studylog peer: alice's" in log
    assert "bob <bob@team.example> studylog peer: bob's" in log
    assert "CONFLICT" not in log

    r = cli("--db", a_db, "peer", "pull", str(alice))
    assert r.exit_code == 0 and "새 코멘트 1개" in r.stdout, r.output
    r = cli("--db", b_db, "peer", "pull", str(bob))
    assert r.exit_code == 0 and "새 코멘트 1개" in r.stdout, r.output
    r = cli("--db", b_db, "peer", "pull", str(bob))  # imported once
    assert "새 코멘트 0개" in r.stdout

    show = cli("--db", a_db, "peer", "show", "2667", str(alice)).stdout
    assert "bob (팀원): 재귀 DFS 깔끔하네요" in show and "alice (팀원): 대각선은" in show
    from studylog.peer import day
    from studylog.store import open_db

    summary = day.day_summary(open_db(Path(a_db)), _today(), "ko")
    assert summary.review[0] == "코드 리뷰: 내가 남긴 코멘트 1개, 받은 코멘트 1개"


def _today() -> str:
    import datetime as dt

    return dt.date.today().isoformat()


def test_a_failed_push_is_one_line_and_keeps_the_commit(cli, team: TeamRepos, home: Path) -> None:
    alice = team.clones["alice"]
    cli("peer", "comment", f"{alice}/carol/2667.cpp:10-11", "느려요")
    shutil.rmtree(team.remote)  # the remote is gone (no network, a deleted repository)
    r = cli("peer", "publish", str(alice))
    assert r.exit_code == 1
    assert len(r.stderr.strip().splitlines()) == 1 and "커밋은 로컬에 남아 있습니다" in r.stderr, r.stderr
    assert "Traceback" not in r.output
    assert "studylog peer: alice's" in git(alice, "log", "-1", "--format=%s")
    assert "느려요" in (alice / "studylog-peer/alice/comments.md").read_text()
    assert git(alice, "status", "--porcelain").strip() == ""


def test_a_rejected_push_is_one_line(cli, team: TeamRepos) -> None:
    hook = team.remote / "hooks/pre-receive"
    hook.write_text("#!/bin/sh\necho 'protected branch' >&2\nexit 1\n")
    hook.chmod(0o755)
    alice = team.clones["alice"]
    cli("peer", "comment", f"{alice}/bob/2667.py:1", "import 정리")
    r = cli("peer", "publish", str(alice), "--as", "alice")
    assert r.exit_code == 1 and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "푸시 실패" in r.stderr and "커밋은 로컬에 남아" in r.stderr
    assert git(alice, "status", "--porcelain").strip() == ""


BAD_BLOCKS = [  # hand-edited or hostile comment blocks a teammate could push
    '{"uid": "u1", "problem_id": "2667", "member": "alice", "path": "alice/2667.c", '
    '"line_start": "x", "line_end": 2, "quote": "q", "file_hash": "h", "body": "b", '
    '"author": "eve", "role": "member", "date": "2026-12-01"}',
    '{"uid": "u2", "problem_id": "2667", "member": "alice", "path": "alice/2667.c", '
    '"line_start": 1, "line_end": 99999999999999999999999, "quote": "q", "file_hash": "h", '
    '"body": null, "author": "eve", "role": "member", "date": "2026-12-01"}',
    '{"uid": ["u3"], "problem_id": 2667, "member": {}, "path": "../../etc/passwd", '
    '"line_start": 1, "line_end": 1, "quote": "q", "file_hash": "h", "body": "b", '
    '"author": "eve", "role": "root", "date": "not a date"}',
    '{"uid": "u4"}',
    '[1, 2, 3]',
]


def test_malformed_comment_blocks_from_a_teammate_are_skipped(cli, team: TeamRepos,
                                                              home: Path) -> None:
    alice, bob = team.clones["alice"], team.clones["bob"]
    git(bob, "pull", "-q")
    b_db, a_db = str(home / "bob.db"), str(home / "alice.db")
    r = cli("--db", b_db, "peer", "comment", f"{bob}/alice/2667.c:7-11", "좋은 코드", "--role",
            "member")
    assert r.exit_code == 0, r.output
    assert cli("--db", b_db, "peer", "publish", str(bob)).exit_code == 0
    page = bob / "studylog-peer/bob/comments.md"
    page.write_text(page.read_text() + "".join(f"\n<!-- studylog-comment {b} -->\n"
                                               for b in BAD_BLOCKS), encoding="utf-8")
    git(bob, "commit", "-qam", "hand edit")
    git(bob, "push", "-q")
    r = cli("--db", a_db, "peer", "pull", str(alice))
    assert r.exit_code == 0 and "새 코멘트 1개" in r.stdout, r.output  # only the good one
    show = cli("--db", a_db, "peer", "show", "2667", str(alice))
    assert show.exit_code == 0 and "좋은 코드" in show.stdout, show.output


def test_a_teammate_pushing_between_our_pull_and_push_is_pulled_again(cli, team: TeamRepos,
                                                                       home: Path) -> None:
    """Two members publishing at the same moment: bob pushes after alice's publish pulled and
    before it pushed (a pre-push hook in alice's clone does it once); her push is refused, and
    publish pulls again and pushes instead of failing."""
    alice, bob = team.clones["alice"], team.clones["bob"]
    git(bob, "pull", "-q")
    (bob / "bob" / "notes.txt").write_text("bob's push in between\n")
    git(bob, "add", "-A")
    git(bob, "commit", "-qm", "bob in between")
    hook = alice / ".git" / "hooks" / "pre-push"
    flag = home / "raced"
    hook.write_text("#!/bin/sh\n"
                    f"if [ ! -e '{flag}' ]; then touch '{flag}'; git -C '{bob}' push -q; fi\n"
                    "exit 0\n")
    hook.chmod(0o755)
    cli("--db", str(home / "alice.db"), "peer", "comment", f"{alice}/bob/2667.py:18", "이웃 확인")
    r = cli("--db", str(home / "alice.db"), "peer", "publish", str(alice))
    assert flag.exists()  # the race happened
    assert r.exit_code == 0 and "푸시함" in r.stdout, r.output
    git(bob, "fetch", "-q")
    log = git(bob, "log", "--format=%s", "origin/main")
    assert "bob in between" in log and "studylog peer: alice's" in log


def test_the_first_publish_to_a_new_empty_team_repository(cli, gitenv: Path, home: Path) -> None:
    """A team repository just made on the hosting site is empty: the clone's branch has no
    remote branch yet. The first publish has nothing to pull and creates the branch (it failed
    with git's 'no such ref was fetched'); a pull there imports nothing, without an error."""
    remote = home / "new.git"
    git(home, "init", "-q", "--bare", "-b", "main", str(remote))
    git(home, "clone", "-q", str(remote), str(home / "dana"))
    dana = home / "dana"
    git(dana, "config", "user.name", "dana")
    git(dana, "config", "user.email", "dana@team.example")
    (dana / "dana").mkdir()
    (dana / "dana" / "1000.py").write_text("a, b = map(int, input().split())\nprint(a + b)\n")
    db = ("--db", str(home / "dana.db"))
    assert cli(*db, "peer", "pull", str(dana)).exit_code == 0
    r = cli(*db, "peer", "publish", str(dana))
    assert r.exit_code == 0 and "푸시함" in r.stdout, r.output
    assert "studylog peer: dana's" in git(home, "--git-dir", str(remote), "log", "--format=%s", "main")
