"""Special judges: the testlib protocol (argv order, exit codes), failures reported honestly,
a C++ checker, and 2252 judged through the runner with a different valid order."""

import json
import shutil
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studylog.cli.main import app
from studylog.judge.checkers.compare import judge_output
from studylog.judge.checkers.special import CheckerFailed, find_checker, run_checker
from studylog.judge.problems.bank import get_problem, load_problem
from studylog.judge.runner import judge
from studylog.judge.verdicts import Verdict

from .conftest import samples

# Echoes its arguments' roles: input first, then the solution's output, then the answer.
ROLES = """
import sys
inp, out, ans = (open(p).read() for p in sys.argv[1:4])
print(f"in={inp.strip()} out={out.strip()} ans={ans.strip()}")
sys.exit({"ok": 0, "wa": 1, "pe": 2, "dirt": 4, "eof": 8, "fail": 3, "boom": 42}[out.strip()])
"""


def _folder(tmp_path: Path, name: str, code: str) -> Path:
    folder = tmp_path / "prob"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(textwrap.dedent(code), encoding="utf-8")
    return folder


@pytest.mark.parametrize(("out", "verdict"), [("ok", "AC"), ("wa", "WA"), ("pe", "PE"),
                                              ("dirt", "PE"), ("eof", "PE")])
def test_exit_code_is_the_verdict_and_argv_is_input_output_answer(tmp_path, out, verdict):
    folder = _folder(tmp_path, "checker.py", ROLES)
    got = judge_output("special", folder, "5\n", "ANS\n", out + "\n")
    assert got.verdict.value == verdict
    assert got.message == f"in=5 out={out} ans=ANS"


@pytest.mark.parametrize(("out", "said"), [("fail", "종료 코드 3;"),
                                           ("boom", "종료 코드 42;")])
def test_checker_failure_is_reported_not_a_verdict(tmp_path, out, said):
    folder = _folder(tmp_path, "checker.py", ROLES)
    with pytest.raises(CheckerFailed, match=said) as err:
        judge_output("special", folder, "5\n", "ANS\n", out + "\n")
    assert "checker.py" in str(err.value) and "\n" not in str(err.value)


def test_a_crashing_or_hanging_checker_fails_with_one_line(tmp_path):
    folder = _folder(tmp_path, "crash.py", "raise SystemExit(__import__('os').kill("
                                           "__import__('os').getpid(), 9))\n")
    with pytest.raises(CheckerFailed, match="시그널 9로 죽었습니다"):
        judge_output("special:crash.py", folder, "", "", "")
    folder = _folder(tmp_path, "spin.py", "while True:\n    pass\n")
    with pytest.raises(CheckerFailed, match="스페셜 저지 spin.py가 시간을 넘겼습니다"):
        run_checker(find_checker(folder, "spin.py"), "", "", "", time_limit_ms=1000)


def test_missing_checker_is_a_user_error(tmp_path):
    from studylog.errors import UserError

    with pytest.raises(UserError, match="스페셜 저지가 없습니다"):
        judge_output("special", tmp_path, "", "", "")


@pytest.mark.skipif(shutil.which("g++") is None, reason="needs g++")
def test_cpp_checker_is_compiled_once_and_run(tmp_path):
    folder = _folder(tmp_path, "checker.cpp", r"""
        #include <fstream>
        #include <cstdio>
        int main(int argc, char** argv) {
            std::ifstream out(argv[2]), ans(argv[3]);
            long long a, b; out >> a; ans >> b;
            if (a % 2 != b % 2) { std::puts("wrong parity"); return 1; }
            return 0;
        }
    """)
    assert judge_output("special", folder, "", "4\n", "10\n").verdict is Verdict.AC
    got = judge_output("special", folder, "", "4\n", "7\n")
    assert got.verdict is Verdict.WA and got.message == "wrong parity"
    assert find_checker(folder) is find_checker(folder)  # compiled once


def test_2252_any_valid_order_is_accepted(write):
    p = get_problem("2252")
    assert p.checker == "special"
    # Kahn's algorithm taking the largest free student: valid, not the reference's order
    good = write("topo.py", """
        import heapq, sys
        t = list(map(int, sys.stdin.read().split())); n, m = t[0], t[1]
        out, indeg = [[] for _ in range(n + 1)], [0] * (n + 1)
        for j in range(m):
            out[t[2 + 2*j]].append(t[3 + 2*j]); indeg[t[3 + 2*j]] += 1
        heap = [-v for v in range(1, n + 1) if indeg[v] == 0]; heapq.heapify(heap); order = []
        while heap:
            v = -heapq.heappop(heap); order.append(v)
            for w in out[v]:
                indeg[w] -= 1
                if indeg[w] == 0: heapq.heappush(heap, -w)
        print(*order)
    """)
    result = judge(p, good, tests=samples(p))
    assert result.verdict is Verdict.AC and result.checker == "special"
    assert [t.expected for t in result.tests] != [t.received for t in result.tests]


def test_2252_wrong_order_shows_the_checkers_comment(write):
    p = get_problem("2252")
    bad = write("sorted.py", "n = int(input().split()[0])\nprint(*range(1, n + 1))\n")
    r = CliRunner().invoke(app, ["solve", "2252", str(bad), "--json"])
    assert r.exit_code == 1, r.output
    data = json.loads(r.stdout)
    assert data["verdict"] == "WA" and data["checker"] == "special"
    assert "must stand before" in data["first_failure"]["checker_message"]
    r = CliRunner().invoke(app, ["solve", "2252", str(bad)])
    assert "must stand before" in r.output and "스페셜 저지" in r.output
    assert "diff (- expected" not in r.output  # another valid order differs too: no diff
    assert load_problem(p.path).checker == "special"
