"""The problem list (filters, JSON, words from judge.words) and statements with samples."""

import json

from typer.testing import CliRunner

from studylog.cli.main import app
from studylog.judge import words as problem_present
from studylog.judge.problems.bank import get_problem, list_problems
from studylog.judge.problems.status import statuses
from studylog.store import open_db

from .conftest import GOOD_PY


def cli(*args: str):
    return CliRunner().invoke(app, list(args))


def test_filters_by_tag_and_status(write):
    assert cli("solve", "2667", str(write("s.py", GOOD_PY))).exit_code == 0
    rows = json.loads(cli("problems", "--tag", "bfs", "--json").stdout)
    ids = {r["id"] for r in rows}
    assert {"2667", "1012", "7576"} <= ids and "1463" not in ids
    rows = json.loads(cli("problems", "--tag", "BFS", "--status", "unsolved", "--json").stdout)
    assert "2667" not in {r["id"] for r in rows} and "7576" in {r["id"] for r in rows}
    rows = json.loads(cli("problems", "--status", "solved", "--json").stdout)
    assert [r["id"] for r in rows] == ["2667"]
    for name in ("다이나믹 프로그래밍", "dynamic programming", "dp", "DP"):
        rows = json.loads(cli("problems", "--tag", name, "--json").stdout)
        assert {r["id"] for r in rows} == {"1463", "11053", "12865"}, name
    r = cli("problems", "--tag", "union-find", "--status", "solved")
    assert r.exit_code == 0 and problem_present.phrase("none_match", "ko") in r.output


def test_json_rows_keep_their_keys_and_add_checker():
    rows = {r["id"]: r for r in json.loads(cli("problems", "--json").stdout)}
    old = {"id", "title", "title_en", "tags", "time_limit_ms", "memory_mb", "builtin", "status",
           "attempts", "last_verdict", "last_date"}
    assert old <= set(rows["2252"])
    assert rows["2252"]["checker"] == "special" and rows["1546"]["checker"] == "float:1e-2"
    assert rows["2252"]["has_reference"] is True


def test_cli_list_uses_the_shared_words(tmp_path):
    for lang in ("ko", "en"):
        assert cli("config", "language", lang).exit_code == 0
        out = cli("problems").output
        for header in problem_present.list_headers(lang):
            assert header in out
        db = open_db(tmp_path / "db" / "s.db")
        row = next(r for r in statuses(db, list_problems()) if r.id == "1920")
        cells = problem_present.list_row(row, lang)
        assert all(cell in out for cell in cells[:4] + cells[5:7]), cells
        assert problem_present.list_summary([row], lang).split(" ")[0]


def test_statement_ends_with_its_samples_in_the_configured_language():
    r = cli("solve", "2805", "--statement")
    assert r.exit_code == 0
    p = get_problem("2805")
    (_, inp1, out1), (_, inp2, out2) = p.samples()
    assert r.output.startswith("# 2805 나무 자르기")
    tail = r.output[r.output.index("## 예제 입력 1"):]
    assert tail == (f"## 예제 입력 1\n\n```\n{inp1}```\n\n## 예제 출력 1\n\n```\n{out1}```\n\n"
                    f"## 예제 입력 2\n\n```\n{inp2}```\n\n## 예제 출력 2\n\n```\n{out2}```\n")
    cli("config", "language", "en")
    r = cli("solve", "2805", "--statement")
    assert "## Sample input 1" in r.output and "## Sample output 2" in r.output
    assert "예제 입력" not in r.output


def test_sample_fence_outgrows_backticks():
    md = problem_present.samples_markdown([("s", "a```b\n", "1\n")], "en")
    assert "````\na```b\n````" in md


def test_checker_names_in_both_languages():
    assert problem_present.checker_name("float:1e-4", "en") == "float (error 0.0001)"
    assert problem_present.checker_name("special", "ko") == "스페셜 저지"
    assert problem_present.checker_name("special:chk.cpp", "en") == "special judge (chk.cpp)"
    assert problem_present.checker_line("boj", "en").startswith("checker: boj")
    assert problem_present.tag_key("Union Find") == "union-find"
    assert problem_present.tag_key("위상 정렬") == "topological-sort"
