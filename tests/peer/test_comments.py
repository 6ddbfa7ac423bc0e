"""Line comments: anchored to content, surviving a rename, going stale on an edit; bad targets
are one line and exit 2."""

from __future__ import annotations

from tests.peer.conftest import TeamRepos, git


def _line(show: str, member: str, number: int) -> str:
    """Line ``number`` of ``member``'s solution in ``peer show``'s output."""
    lines = show.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith(f"== {member} "))
    return next(ln for ln in lines[start:] if ln.startswith(f"{number:4} │"))


def test_comment_survives_a_rename_and_goes_stale_on_an_edit(cli, team: TeamRepos) -> None:
    root = team.clones["alice"]
    r = cli("peer", "comment", f"{root}/bob/2667.py:18-19", "대각선까지 이웃으로 셉니다")
    assert r.exit_code == 0 and "bob/2667.py:18-19" in r.stdout
    r = cli("peer", "comment", f"{root}/carol/2667.cpp:10-11", "n이 크면 이 루프가 시간 초과",
            "--role", "mentor")
    assert r.exit_code == 0
    show = cli("peer", "show", "2667", str(root))
    assert show.exit_code == 0
    line = _line(show.stdout, "bob", 18)
    assert "◀ L18-19 alice (팀원): 대각선까지 이웃으로 셉니다" in line
    assert "alice (멘토): n이 크면" in show.stdout

    git(root, "mv", "bob/2667.py", "bob/boj_2667.py")  # renamed: the same content, still fresh
    show = cli("peer", "show", "2667", str(root)).stdout
    assert "== bob · bob/boj_2667.py ==" in show
    line = _line(show, "bob", 18)
    assert "◀ L18-19 alice" in line and "[" not in line

    path = root / "bob/boj_2667.py"
    path.write_text("# BFS\n" + path.read_text())  # lines moved down: found again, marked moved
    show = cli("peer", "show", "2667", str(root))
    line = _line(show.stdout, "bob", 19)
    assert "◀ L19-20 alice (팀원): 대각선까지 이웃으로 셉니다 [위치 이동]" in line

    path.write_text(path.read_text().replace("for dr in (-1, 0, 1):", "for dr, dc in DIRS:"))
    show = cli("peer", "show", "2667", str(root)).stdout
    assert "  ✗ L18-19 alice (팀원): 대각선까지 이웃으로 셉니다 [코드 바뀜]" in show
    assert "      > " + "            for dr in (-1, 0, 1):" in show


def test_bad_targets_are_one_line_exit_2(cli, team: TeamRepos, tmp_path) -> None:
    root = team.clones["alice"]
    cases = [
        ((f"{root}/bob/2667.py:99", "x"), "2667.py는 27줄입니다; 99번째 줄은 끝을 넘습니다"),
        ((f"{root}/bob/2667.py:5-3", "x"), "줄 범위가 잘못되었습니다: 5-3"),
        ((f"{root}/bob/2667.py", "x"), "FILE:LINE 이나 FILE:START-END 로 쓰세요"),
        ((f"{root}/bob/nope.py:1", "x"), "그런 파일이 없습니다"),
        ((f"{root}/bob/2667.py:1", "x", "--role", "boss"), "role은 member나 mentor여야 합니다 ('boss'가 아닙니다)"),
    ]
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain/a.py").write_text("print(1)\n")
    cases.append(((f"{tmp_path}/plain/a.py:1", "x"), "는 팀 폴더가 아닙니다"))
    for args, message in cases:
        r = cli("peer", "comment", *args)
        assert r.exit_code == 2, (args, r.output)
        assert message in r.stderr and len(r.stderr.strip().splitlines()) == 1, (args, r.stderr)
    r = cli("peer", "show", "2667", str(tmp_path / "plain"))
    assert r.exit_code == 2 and "는 팀 폴더가 아닙니다" in r.stderr
    r = cli("peer", "judge", "2667", str(tmp_path / "plain"))
    assert r.exit_code == 2 and len(r.stderr.strip().splitlines()) == 1
    r = cli("peer", "judge", "9999999", str(root))
    assert r.exit_code == 2 and "모르는 문제입니다: '9999999'" in r.stderr
    r = cli("peer", "judge", "1260", str(root))
    assert r.exit_code == 2 and "문제 1260의 풀이가 없습니다" in r.stderr
