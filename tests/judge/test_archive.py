"""`problems add FOLDER` on every plain layout (and the bad ones), options, dry run; judged."""

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studylog.cli.main import app
from studylog.judge.problems.bank import get_problem, list_problems, user_dir

SUM_PY = "a, b = map(int, input().split())\nprint(a + b)\n"


def cli(*args: str):
    return CliRunner().invoke(app, list(args))


def put(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


LAYOUTS = {
    "in-out": {"1.in": "1 2\n", "1.out": "3\n", "2.in": "5 5\n", "2.out": "10\n",
               "10.in": "0 0\n", "10.out": "0\n"},
    "in-ans": {"1.in": "1 2\n", "1.ans": "3\n", "2.in": "5 5\n", "2.ans": "10\n"},
    "input-output": {"input/input00.txt": "1 2\n", "output/output00.txt": "3\n",
                     "input/input01.txt": "5 5\n", "output/output01.txt": "10\n"},
    "input-output-plain": {"input/1.txt": "1 2\n", "output/1.txt": "3\n",
                           "input/2.txt": "5 5\n", "output/2.txt": "10\n"},
    "polygon": {"tests/01": "1 2\n", "tests/01.a": "3\n", "tests/02": "5 5\n",
                "tests/02.a": "10\n"},
    "tests-in-out": {"tests/1.in": "1 2\n", "tests/1.out": "3\n", "tests/2.in": "5 5\n",
                     "tests/2.out": "10\n"},
    "crlf-bom": {"1.in": "\ufeff1 2\r\n", "1.out": "3\r\n", "2.in": "5 5\r\n", "2.out": "10\r\n"},
}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_each_layout_is_added_and_judged(tmp_path, write, layout):
    folder = put(tmp_path / layout, LAYOUTS[layout])
    r = cli("problems", "add", str(folder), "--id", "sum", "--title", "두 수의 합")
    assert r.exit_code == 0, r.output
    p = get_problem("sum")
    assert p.title == "두 수의 합" and not p.builtin and not p.has_reference
    assert p.path == user_dir() / "sum"
    n = len(LAYOUTS[layout]) // 2
    assert len(p.samples()) == 1 and len(p.samples()) + len(p.fixed_tests()) == n
    assert p.samples()[0][1] == "1 2\n"  # the first test in numeric order is the sample
    r = cli("solve", "sum", str(write("s.py", SUM_PY)), "--json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["verdict"] == "AC" and data["total"] == n and data["checker"] == "boj"
    r = cli("solve", "sum", str(write("w.py", "print(3)\n")), "--json")
    assert r.exit_code == 1 and json.loads(r.stdout)["verdict"] == "WA"


def test_dry_run_shows_what_was_found_and_adds_nothing(tmp_path):
    folder = put(tmp_path / "avg", {"1.in": "2\n1 2\n", "1.ans": "1.5\n", "2.in": "1\n4\n",
                                    "2.ans": "4\n", "statement.md": "# 평균 구하기\n\n평균.\n",
                                    "notes.txt": "ignored\n"})
    args = ("problems", "add", str(folder), "--dry-run", "--checker", "float:1e-4",
            "--time-limit", "500ms", "--memory", "1GB")
    r = cli(*args)
    assert r.exit_code == 0, r.output
    assert "번호:" in r.output and "채점:" in r.output  # Korean labels by default
    cli("config", "language", "en")
    r = cli(*args)
    for line in ("layout:    N.in/N.ans", "samples:   1", "tests:     2", "id:        avg",
                 "title:     평균 구하기", "limits:    0.5s 1024MB", "checker:   float:1e-4",
                 "statement: statement.md", "reference: -", "stored in: "):
        assert line in r.output
    assert "avg" not in {p.id for p in list_problems()} and not user_dir().exists()


def test_options_and_statement_are_stored(tmp_path, write):
    folder = put(tmp_path / "x", {"1.in": "2\n1 2\n", "1.out": "1.5\n",
                                  "statement.txt": "N개의 수의 평균을 구하세요.\n"})
    r = cli("problems", "add", str(folder), "--id", "avg", "--title", "Average",
            "--checker", "float:1e-4", "--time-limit", "2.5s", "--memory", "64MB")
    assert r.exit_code == 0, r.output
    p = get_problem("avg")
    assert (p.checker, p.time_limit_ms, p.memory_mb) == ("float:1e-4", 2500, 64)
    assert p.statement().startswith("# avg Average\n") and "평균" in p.statement()
    sol = write("a.py", "n = int(input()); a = list(map(int, input().split()))\n"
                        "print(sum(a) / n + 0.00005)\n")
    assert cli("solve", "avg", str(sol)).exit_code == 0
    r = cli("solve", "avg", str(sol), "--stress", "3")
    assert r.exit_code == 2 and "정답 코드(ref.py)와 생성기(gen.py)가 필요합니다" in r.stderr


def test_a_checker_file_makes_a_special_judge(tmp_path, write):
    folder = put(tmp_path / "anysum", {
        "1.in": "4\n", "1.out": "1 3\n",
        "checker.py": "import sys\nn = int(open(sys.argv[1]).read())\n"
                      "a, b = map(int, open(sys.argv[2]).read().split())\n"
                      "sys.exit(0 if a + b == n and a > 0 and b > 0 else 1)\n"})
    cli("config", "language", "en")
    r = cli("problems", "add", str(folder), "--dry-run")
    assert "checker:   special" in r.output and "checker.py found" in r.output
    assert cli("problems", "add", str(folder)).exit_code == 0
    assert get_problem("anysum").checker == "special"
    assert cli("solve", "anysum", str(write("s.py", "print(2, 2)\n"))).exit_code == 0
    assert cli("solve", "anysum", str(write("w.py", "print(0, 4)\n"))).exit_code == 1


def test_a_named_special_judge_is_copied_along(tmp_path, write):
    folder = put(tmp_path / "named", {
        "1.in": "4\n", "1.out": "1 3\n",
        "judge.py": "import sys\nn = int(open(sys.argv[1]).read())\n"
                    "a, b = map(int, open(sys.argv[2]).read().split())\n"
                    "sys.exit(0 if a + b == n else 1)\n"})
    r = cli("problems", "add", str(folder), "--checker", "special:judge.py")
    assert r.exit_code == 0, r.output
    p = get_problem("named")
    assert p.checker == "special:judge.py" and (p.path / "judge.py").is_file()
    assert cli("solve", "named", str(write("s.py", "print(0, 4)\n"))).exit_code == 0


BAD = {
    "no pairs": ({"readme.txt": "hi\n"}, "테스트를 찾지 못했습니다"),
    "answer without input": ({"1.in": "1\n", "1.out": "1\n", "2.out": "2\n"},
                             "입력 없는 답 파일입니다: 2.out (2.in 이 없습니다)"),
    "input without answer": ({"1.in": "1\n", "1.out": "1\n", "3.in": "2\n"},
                             "답이 없습니다: 3.in (3.out 또는 3.ans)"),
    "two answers": ({"1.in": "1\n", "1.out": "1\n", "1.ans": "1\n"}, "1의 답이 두 개입니다"),
    "polygon orphan answer": ({"tests/01": "1\n", "tests/01.a": "1\n", "tests/02.a": "2\n"},
                              "입력 없는 답 파일입니다: tests/02.a"),
    "output without input dir": ({"output/1.txt": "1\n"}, "output/ 폴더는 있지만 input/ 폴더가 없습니다"),
    "orphan output file": ({"input/1.txt": "1\n", "output/1.txt": "1\n", "output/2.txt": "2\n"},
                           "입력 없는 답 파일입니다: output/2.txt"),
    "invalid utf-8 content": ({"1.in": b"\xff\xfe1\n", "1.out": "1\n"},
                              "올바른 UTF-8이 아닙니다: 1.in (바이트 0)"),
    "invalid utf-8 statement": ({"1.in": "1\n", "1.out": "1\n", "statement.md": b"\xc3("},
                                "올바른 UTF-8이 아닙니다: statement.md"),
    "same name twice": ({"1.in": "1\n", "1.out": "1\n", "tests/1.in": "1\n",
                         "tests/1.out": "1\n"}, "같은 이름의 테스트가 두 번 있습니다: '1'"),
    "unknown checker": ({"1.in": "1\n", "1.out": "1\n", "problem.toml":
                         'title = "t"\ntime_limit_ms = 1000\nmemory_mb = 64\nchecker = "fuzzy"\n'},
                        "모르는 채점기입니다: 'fuzzy'"),
    "special without checker": ({"1.in": "1\n", "1.out": "1\n"}, "스페셜 저지가 없습니다"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_folders_are_refused_with_one_line(tmp_path, case):
    files, message = BAD[case]
    folder = put(tmp_path / "bad", files)
    extra = ["--checker", "special"] if case == "special without checker" else []
    r = cli("problems", "add", str(folder), "--id", "bad", *extra)
    assert r.exit_code == 2, r.output
    assert message in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.output
    assert not (user_dir() / "bad").exists()
    assert not user_dir().exists() or not [p for p in user_dir().iterdir()
                                           if not p.name.startswith(".add-")]


def test_odd_paths_and_values_are_refused(tmp_path):
    folder = put(tmp_path / "ok", {"1.in": "1\n", "1.out": "1\n"})
    bad_name = tmp_path / "badname"
    bad_name.mkdir()
    (bad_name / os.fsdecode(b"a\xff.in")).write_text("1\n")
    (bad_name / os.fsdecode(b"a\xff.out")).write_text("1\n")
    link = put(tmp_path / "link", {"1.out": "1\n"})
    (link / "1.in").symlink_to("/dev/zero")
    full = put(tmp_path / "full", {"problem.toml": 'title = "t"\ntime_limit_ms = 1000\n'
                                                   'memory_mb = 64\n',
                                   "samples/1.in": "1\n", "samples/1.out": "1\n"})
    (full / "gen.py").symlink_to("/dev/zero")
    cases = [
        (("problems", "add", "/dev/zero"), "폴더가 아닙니다: /dev/zero"),
        (("problems", "add", str(tmp_path / "missing")), "그런 폴더가 없습니다"),
        (("problems", "add", str(bad_name), "--id", "b"), "파일 이름이 올바른 UTF-8이 아닙니다"),
        (("problems", "add", str(link), "--id", "l"), "일반 파일이 아닙니다: 1.in"),
        (("problems", "add", str(full), "--id", "f"), "링크입니다: gen.py"),
        (("problems", "add", str(folder), "--id", "a b"), "문제 id가 잘못되었습니다"),
        (("problems", "add", str(folder), "--id", "2667"), "내장 문제입니다"),
        (("problems", "add", str(folder), "--time-limit", "1e400"), "시간 제한이 잘못되었습니다: '1e400'"),
        (("problems", "add", str(folder), "--time-limit", "fast"), "시간 제한이 잘못되었습니다: 'fast'"),
        (("problems", "add", str(folder), "--memory", "99999999"), "메모리 제한이 잘못되었습니다: '99999999'"),
        (("problems", "add", str(folder), "--checker", "float:x"), "허용 오차가 잘못되었습니다"),
        (("problems", "export", "nosuch", str(tmp_path / "e")), "모르는 문제입니다"),
        (("problems", "export", "2667", str(folder)), "이미 있고 빈 폴더가 아닙니다"),
        (("problems", "--status", "done"), "알 수 없는 상태입니다: 'done'"),
        (("problems", "--tag", "nosuchtag"), "'nosuchtag' 태그가 붙은 문제가 없습니다"),
    ]
    for args, message in cases:
        r = cli(*args)
        assert r.exit_code == 2, (args, r.output)
        assert message in r.stderr and len(r.stderr.strip().splitlines()) == 1, (args, r.stderr)


def test_same_id_needs_replace(tmp_path):
    folder = put(tmp_path / "ok", {"1.in": "1\n", "1.out": "1\n"})
    assert cli("problems", "add", str(folder)).exit_code == 0
    put(folder, {"2.in": "2\n", "2.out": "2\n"})
    r = cli("problems", "add", str(folder))
    assert r.exit_code == 2 and "이미 있습니다" in r.stderr and "--replace" in r.stderr
    assert cli("problems", "add", str(folder), "--replace").exit_code == 0
    assert len(get_problem("ok").fixed_tests()) == 1


def test_folder_errors_follow_the_language_setting(tmp_path):
    """A refused folder is worded in Korean by default and in English after `language = "en"`."""
    missing = tmp_path / "missing"
    r = cli("problems", "add", str(missing))
    assert r.exit_code == 2 and r.stderr.strip() == f"studylog: 그런 폴더가 없습니다: {missing}"
    folder = put(tmp_path / "half", {"1.in": "1\n", "1.out": "1\n", "2.in": "2\n"})
    r = cli("problems", "add", str(folder))
    assert r.exit_code == 2 and r.stderr.strip() == ("studylog: 답이 없습니다: 2.in "
                                                     "(2.out 또는 2.ans)")
    Path(os.environ["STUDYLOG_CONFIG"]).write_text('language = "en"\n', encoding="utf-8")
    r = cli("problems", "add", str(missing))
    assert r.exit_code == 2 and r.stderr.strip() == f"studylog: no such folder: {missing}"
    r = cli("problems", "add", str(folder))
    assert r.exit_code == 2 and r.stderr.strip() == "studylog: 2.in has no answer (2.out or 2.ans)"


@pytest.mark.parametrize(("meta", "words"), [
    ("time_limit_ms = 1e999\nmemory_mb = 64\n", "값이 잘못되었습니다"),  # was an OverflowError
    ("time_limit_ms = 99999999999999999999999\nmemory_mb = 64\n", "1..600000 사이여야"),  # taken
    ("time_limit_ms = 1000\nmemory_mb = -1\n", "16..65536 사이여야"),
    ("time_limit_ms = true\nmemory_mb = 64\n", "숫자가 아닙니다"),
    ('time_limit_ms = 1000\nmemory_mb = 64\ntags = "dp"\n', "tags는 단어의 목록"),  # was d, p
])
def test_a_problem_tomls_numbers_are_checked(tmp_path, meta, words):
    folder = put(tmp_path / "p", {"tests/1.in": "1\n", "tests/1.out": "1\n",
                                  "problem.toml": 'title = "t"\n' + meta})
    r = cli("problems", "add", str(folder), "--id", "p1")
    assert r.exit_code == 2 and words in r.stderr and "Traceback" not in r.output, r.output
