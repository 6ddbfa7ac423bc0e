"""Bounded, validated input: huge or endless input, bad bytes, huge numbers, empty ranges."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.journal.test_cli_journal import dump

ROOT = Path(__file__).resolve().parents[2]


def run_bytes(args: list[str], stdin, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "studylog", *args], stdin=stdin,
                          capture_output=True, env=dict(os.environ), cwd=ROOT, timeout=timeout)


def assert_refused(p: subprocess.CompletedProcess, message: str) -> None:
    err = p.stderr.decode("utf-8")
    assert p.returncode == 2, err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_endless_stdin_and_file_are_refused_after_10_mb(run, home: Path) -> None:
    assert run("note", "lecture", "있던 노트").returncode == 0
    before = dump(home / "studylog.db")
    with open("/dev/zero", "rb") as zero:
        assert_refused(run_bytes(["note", "lecture", "-"], zero, timeout=30), "10 MB를 넘")
    with open("/dev/zero", "rb") as zero:
        assert_refused(run_bytes(["import", "-", "--date", "today"], zero, timeout=30),
                       "10 MB를 넘")
    # a device is not read at all (only regular files, and - for standard input)
    assert_refused(run_bytes(["import", "/dev/zero", "--date", "today"], None, timeout=30),
                   "보통 파일이 아닙니다")
    big = home / "big.txt"
    big.write_bytes(b"a" * (10 * 1024 * 1024 + 1))
    assert_refused(run_bytes(["import", str(big), "--date", "today"], None), "10 MB를 넘")
    assert dump(home / "studylog.db") == before


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["note", "lecture", "-"], b"abc\xff", "UTF-8 텍스트가 아닙니다"),
        (["note", "lecture", b"abc\xff"], b"", "올바른 UTF-8이 아닙니다"),
        (["search", "x", "--limit", "99999999999999999999"], b"", "--limit"),
        (["export", "--since", "2026-12-01", "--until", "2026-01-01"], b"", "--until 2026-01-01보다 뒤입니다"),
        (["search", "x", "--since", "2026-12-01", "--until", "2026-01-01"], b"", "보다 뒤입니다"),
        (["export", "--since", "2026-02-30"], b"", "날짜가 아닙니다"),
        (["note", "retro", "x", "--date", "2026-02-30"], b"", "날짜가 아닙니다"),
        (["import", "x.txt", "--date", "2026-13-01"], b"", "날짜가 아닙니다"),
        (["history", "2026-02-30"], b"", "날짜가 아닙니다"),
        (["restore", "99999999999999999999999"], b"", "리비전 id가 아닙니다"),
        (["restore", "77"], b"", "리비전 77이(가) 없습니다"),
    ],
)
def test_bad_input_exit_2(run, home: Path, args, stdin, message) -> None:
    assert run("note", "lecture", "있던 노트").returncode == 0
    before = dump(home / "studylog.db")
    p = subprocess.run([sys.executable, "-m", "studylog", *args], input=stdin,
                       capture_output=True, env=dict(os.environ), cwd=ROOT, timeout=60)
    assert_refused(p, message)
    assert dump(home / "studylog.db") == before


def test_a_todo_is_one_line_and_cannot_inject_a_heading(run) -> None:
    p = run("todo", "add", "회고 쓰기\n4. 학습 회고\n끝")
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "1. [ ] 회고 쓰기 4. 학습 회고 끝"
    post = run("export").stdout
    assert "\n4. 학습 회고\n" in post  # the real heading, once
    assert post.count("4. 학습 회고") == 2  # and the to-do's text, on its own line
    assert "회고 쓰기 4. 학습 회고 끝\n" in post


def test_huge_labels_in_a_post_are_text_not_a_traceback(cli, home: Path) -> None:
    """A front matter's record of 25 digits overflowed SQLite's INTEGER, and week999999(1)
    the calendar, both as tracebacks (found by fuzzing import)."""
    post = home / "q.md"
    post.write_text("---\nrecord: 1999999999999999999999997\nweek: ²\nday: 9\n---\n# T\n"
                    "학습기록 - 99999999999999999999999999\n## 1. 강의 복습 내용\ny\n",
                    encoding="utf-8")
    r = cli("import", str(post), "--date", "2026-11-20")
    assert r.exit_code == 0, r.output
    shown = cli("show", "2026-11-20").stdout
    assert "학습기록 - 1\n" in shown and "\ny\n" in shown
    assert "99999999999999999999999999" in shown  # the odd record line is kept as text
    assert cli("config", "course.start", "2026-10-26").exit_code == 0
    far = home / "far.txt"
    far.write_text("[네이버 부스트 캠프] AI-Tech - week999999(1)\n학습기록 - 3\n"
                   "## 1. 강의 복습 내용\nx\n", encoding="utf-8")
    r = cli("import", str(far))
    assert r.exit_code == 2 and "날짜를 알 수 없습니다" in r.stderr, r.output
