"""The commands, through CliRunner and as real `python -m studylog` processes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from studylog.cli.main import app
from studylog.judge import words as present
from studylog.judge.problems.bank import get_problem
from studylog.judge.sandbox import sandbox_name
from studylog.judge.verdicts import Verdict

from .conftest import DOWN_RIGHT_PY, GOOD_PY

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str):
    return CliRunner().invoke(app, list(args))


def test_solve_good_and_bad_exit_codes_and_json(write):
    good = write("sol.py", GOOD_PY)
    r = cli("solve", "2667", str(good))
    assert r.exit_code == 0, r.output
    assert "AC 맞았습니다!!" in r.output and "checkerboard" in r.output
    header = next(line for line in r.output.splitlines() if line.lstrip().startswith("#"))
    assert header.split() == ["#", "테스트", "결과", "시간", "메모리"]  # Korean, like the rest
    r = cli("solve", "2667", str(write("wa.py", DOWN_RIGHT_PY)), "--json")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert data["verdict"] == "WA" and data["verdict_ko"] == "틀렸습니다"
    assert {"passed", "total", "time_ms", "memory_kb", "tests"} <= set(data)
    assert data["first_failure"]["diff"] and data["attempt_id"] == 2
    r = cli("solve", "2667", "--history", "--json")
    assert [a["verdict"] for a in json.loads(r.stdout)] == ["WA", "AC"]
    r = cli("solve", "2667", "--history")  # Korean by default: headers and title too
    assert "제출 2회" in r.output and "언어" in r.output and "attempts" not in r.output
    assert "when" not in r.output and "verdict" not in r.output
    r = cli("problems", "--json")
    rows = {row["id"]: row for row in json.loads(r.stdout)}
    assert rows["2667"]["status"] == "solved" and rows["1012"]["status"] == "new"


def test_first_failure_shows_input_and_diff(write, monkeypatch, tmp_path):
    r = cli("solve", "2667", str(write("wa.py", DOWN_RIGHT_PY)))
    assert r.exit_code == 1
    assert present.word("first failure", "ko") in r.output
    assert present.word("diff", "ko") in r.output and "sandbox" not in r.output
    assert f"{present.word('sandbox', 'ko')}: {sandbox_name()}" in r.output
    (tmp_path / "config.toml").write_text('language = "en"\n', encoding="utf-8")
    r = cli("solve", "2667", str(write("wa.py", DOWN_RIGHT_PY)))
    assert "first failing test: #" in r.output and "diff (- expected, + received)" in r.output
    assert f"sandbox: {sandbox_name()}" in r.output and "WA 틀렸습니다 (Wrong Answer)" in r.output
    header = next(line for line in r.output.splitlines() if line.lstrip().startswith("#"))
    assert header.split() == ["#", "test", "verdict", "time", "memory"]


def test_json_names_the_sandbox(write):
    data = json.loads(cli("solve", "2667", str(write("sol.py", GOOD_PY)), "--json").stdout)
    assert data["sandbox"] == sandbox_name() and data["cancelled"] is False


def test_bad_input_is_one_line_and_exit_2(write, tmp_path):
    cases = [
        (("solve", "2666", str(write("a.py", "print(1)\n"))), "혹시 2667"),
        (("solve", "2667", str(tmp_path / "missing.py")), "그런 파일이 없습니다"),
        (("solve", "2667", str(write("a.rb", "puts 1\n"))), "a.rb의 언어를 알 수 없습니다"),
        (("solve", "2667", str(write("b.py", "print(1)\n")), "--lang", "cobol"),
         "모르는 언어입니다: 'cobol'"),
        (("solve", "2667", "/dev/zero"), "일반 파일이 아닙니다"),
        (("solve", "2667", str(write("big.py", "#" * (5 << 20)))), "4 MB보다 큽니다"),
        (("solve", "2667", str(write("c.py", "print(1)\n")), "--stress", "10" * 10),
         "1에서 100000 사이여야 합니다"),
    ]
    for args, msg in cases:
        r = cli(*args)
        assert r.exit_code == 2, (args, r.output)
        assert msg in r.stderr and "Traceback" not in r.output
        assert len(r.stderr.strip().splitlines()) == 1


def test_judge_errors_follow_the_language_setting(write, tmp_path):
    """The same error in Korean (the default) and in English once the setting says so."""
    missing = tmp_path / "missing.py"
    r = cli("solve", "2666", str(write("a.py", "print(1)\n")))
    assert r.exit_code == 2 and r.stderr.startswith("studylog: 모르는 문제입니다: '2666'; 혹시 ")
    r = cli("solve", "2667", str(missing))
    assert r.exit_code == 2 and r.stderr.strip() == f"studylog: 그런 파일이 없습니다: {missing}"
    Path(os.environ["STUDYLOG_CONFIG"]).write_text('language = "en"\n', encoding="utf-8")
    r = cli("solve", "2666", str(write("a.py", "print(1)\n")))
    assert r.exit_code == 2 and r.stderr.startswith("studylog: unknown problem '2666'; did you "
                                                    "mean 2667")
    r = cli("solve", "2667", str(missing))
    assert r.exit_code == 2 and r.stderr.strip() == f"studylog: no such file: {missing}"


def test_missing_compiler_and_missing_file_argument(write, monkeypatch):
    src = write("a.cpp", "int main(){}\n")
    monkeypatch.setenv("PATH", "/nonexistent")
    r = cli("solve", "2667", str(src))
    assert r.exit_code == 2 and "'g++'가 필요한데 설치되어 있지 않습니다" in r.stderr
    r = cli("solve", "2667")
    assert r.exit_code == 2 and "풀이 파일을 주세요: studylog solve 2667 FILE" in r.stderr


def test_statement_new_and_problems_list(tmp_path):
    r = cli("solve", "7576", "--statement")
    assert r.exit_code == 0 and "토마토" in r.output
    target = tmp_path / "s.cpp"
    r = cli("solve", "1012", str(target), "--new")
    assert r.exit_code == 0 and r.stdout.strip() == f"{target} 작성; 채점: studylog solve 1012 {target}"
    assert "int main" in target.read_text() and "1012" in target.read_text()
    assert cli("solve", "1012", str(target), "--new").exit_code == 2  # never overwrites
    r = cli("problems")
    assert r.exit_code == 0 and "단지번호붙이기" in r.output and "7576" in r.output


def test_problems_add_validates_the_reference(tmp_path):
    src = get_problem("2178").path
    good = tmp_path / "mine"
    shutil.copytree(src, good, ignore=shutil.ignore_patterns("__pycache__"))
    toml = (good / "problem.toml").read_text(encoding="utf-8").replace('"2178"', '"90001"')
    (good / "problem.toml").write_text(toml, encoding="utf-8")
    bad = tmp_path / "broken"
    shutil.copytree(good, bad)
    (bad / "problem.toml").write_text(toml.replace('"90001"', '"90002"'), encoding="utf-8")
    (bad / "ref.py").write_text("print(42)\n", encoding="utf-8")
    r = cli("problems", "add", str(bad))
    assert r.exit_code == 2 and "ref.py가 예제를 통과하지 못합니다" in r.stderr
    r = cli("problems", "add", str(good))
    assert r.exit_code == 0, r.output
    ids = [row["id"] for row in json.loads(cli("problems", "--json").stdout)]
    assert "90001" in ids and "90002" not in ids


def test_stress_shrinks_saves_and_later_runs_regression_first(write):
    sol = write("wa.py", DOWN_RIGHT_PY)
    r = cli("solve", "2667", str(sol), "--stress", "60", "--seed", "3", "--json")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert data["failed"] and data["verdict"] == "WA"
    n = int(data["minimal_input"].split()[0])
    assert n == 5 and data["minimal_input"].count("1") <= 5  # shrunk to a tiny case
    assert len(data["minimal_input"]) < len(data["original_input"]) or n == 5
    r = cli("solve", "2667", str(sol), "--json")
    first = json.loads(r.stdout)["tests"][0]
    assert first["kind"] == "regression" and first["verdict"] == "WA"
    r = cli("solve", "2667", str(write("ok.py", GOOD_PY)), "--stress", "20")
    assert r.exit_code == 0 and present.word("no failure", "ko") in r.output


def test_real_process(write, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    db = tmp_path / "p" / "s.db"
    run = [sys.executable, "-m", "studylog", "--db", str(db), "solve", "2667"]
    ok = subprocess.run(run + [str(write("sol.py", GOOD_PY))], capture_output=True,
                        text=True, cwd=ROOT, env=env, timeout=120)
    assert ok.returncode == 0 and "AC 맞았습니다!!" in ok.stdout, ok.stderr
    bad = subprocess.run(run + ["nope.py"], capture_output=True, text=True, cwd=ROOT, env=env)
    assert bad.returncode == 2 and bad.stderr.startswith("studylog: 그런 파일이 없습니다")


def test_the_stress_line_speaks_one_language():
    import re

    from studylog.judge.stress import StressResult

    found = StressResult("2667", "python", 7, 4, 100, 1.0, True, Verdict.WA,
                         original_input="x" * 40, shrink_steps=3, shrink_evaluations=9)
    ko = present.stress_line(found, 7, "ko")
    assert ko.startswith("WA 틀렸습니다: 무작위 입력 4개 중 실패 (seed 7)")
    assert set(re.findall(r"[A-Za-z]+", ko)) <= {"WA", "seed"}, ko
    assert "on a random case after 4 cases" in present.stress_line(found, 7, "en")


def test_a_file_name_that_looks_like_markup_is_printed_as_it_is(write):
    """`solve --history` printed `[red]w.py` as a red `w.py` (Rich read the name as markup)."""
    sol = write("[red]w.py", "print(1)\n")
    assert cli("solve", "1000", str(sol)).exit_code == 1
    r = cli("solve", "1000", "--history")
    assert r.exit_code == 0 and "[red]w.py" in r.output, r.output
