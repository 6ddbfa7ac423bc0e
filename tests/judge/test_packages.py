"""Problem packages of the world: ICPC/Kattis packages (tests/judge/packages/) added as they
are and checked against their own labelled submissions, test groups, the default validator's
flags, custom output validators in the box, Polygon packages with testlib checkers, the standard
testlib checkers giving the same verdicts inside studylog as by hand, Kattis export round trips,
and bad packages refused with one line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studylog.cli.main import app
from studylog.judge.checkers.compare import judge_output
from studylog.judge.checkers.kattis import default_validate
from studylog.judge.problems import miniyaml
from studylog.judge.problems.bank import get_problem
from studylog.judge.problems.cases import build_tests
from studylog.judge.verdicts import Verdict

PACKAGES = Path(__file__).parent / "packages"
KATTIS = ("hello", "sum", "divisor", "groups")
needs_cc = pytest.mark.skipif(shutil.which("g++") is None or shutil.which("gcc") is None,
                              reason="needs gcc and g++")


def cli(*args: str):
    return CliRunner().invoke(app, list(args))


def find_testlib() -> Path | None:
    """The shared conformance copy of testlib (shared/conformance/testlib beside the repo)."""
    here = Path(__file__).resolve()
    candidates = [Path(os.environ["STUDYLOG_TESTLIB"])] if os.environ.get("STUDYLOG_TESTLIB") else []
    candidates += [p / "shared" / "conformance" / "testlib" for p in here.parents]
    return next((c for c in candidates if (c / "testlib.h").is_file()), None)


TESTLIB = find_testlib()
needs_testlib = pytest.mark.skipif(TESTLIB is None, reason="needs shared/conformance/testlib")


def one_line_error(r) -> str:
    assert r.exit_code == 2, r.output
    text = r.output.strip()
    assert "Traceback" not in text and len(text.splitlines()) == 1, text
    return text


@needs_cc
@pytest.mark.parametrize("name", KATTIS)
def test_corpus_package_adds_as_is_and_its_submissions_agree(name):
    r = cli("problems", "add", str(PACKAGES / name))
    assert r.exit_code == 0, r.output
    r = cli("problems", "check", name, "--json")
    assert r.exit_code == 0, r.output
    report = json.loads(r.output)
    files = [p for p in (PACKAGES / name / "submissions").rglob("*") if p.is_file()]
    assert report["judged"] == len(files) and report["disagree"] == 0
    got = {(s["label"], s["verdict"]) for s in report["submissions"]}
    assert {("accepted", "AC"), ("wrong_answer", "WA"), ("time_limit_exceeded", "TLE"),
            ("run_time_error", "RE")} <= got
    assert {s["language"] for s in report["submissions"]} == {"python", "c", "cpp"}


@needs_cc
def test_a_wrong_label_is_reported_and_exits_1(tmp_path):
    pkg = tmp_path / "hello2"
    shutil.copytree(PACKAGES / "hello", pkg, symlinks=True)
    shutil.rmtree(pkg / "submissions" / "time_limit_exceeded")
    shutil.move(pkg / "submissions" / "wrong_answer" / "comma.py", pkg / "submissions" /
                "accepted" / "comma.py")
    assert cli("problems", "add", str(pkg)).exit_code == 0
    r = cli("problems", "check", "hello2")
    assert r.exit_code == 1
    rows = [line for line in r.output.splitlines() if "comma.py" in line]
    assert rows and ("DISAGREES" in rows[0] or "불일치" in rows[0]) and " WA " in rows[0]


def test_hello_world_has_no_input_and_a_tex_statement_read_as_text():
    assert cli("problems", "add", str(PACKAGES / "hello")).exit_code == 0
    p = get_problem("hello")
    assert p.title == "Hello World!" and p.time_limit_ms == 200 and p.memory_mb == 256
    assert [t.input for t in build_tests(p)] == ["", ""]
    text = p.statement()
    assert "\\section" not in text and "## Input" in text and "Hello World!" in text
    assert (p.path / "problem_statement" / "problem.en.tex").is_file()  # the original kept


@needs_cc
def test_groups_show_per_group_results_and_symlinked_cases(tmp_path):
    assert cli("problems", "add", str(PACKAGES / "groups")).exit_code == 0
    tests = build_tests(get_problem("groups"))
    assert [t.group for t in tests] == ["", "group1", "group1", "group2", "group2"]
    assert tests[4].input == tests[2].input  # group2/2 is a link to group1/2
    src = PACKAGES / "groups" / "submissions" / "wrong_answer" / "overflow.cpp"
    r = cli("solve", "groups", str(src), "--json")
    data = json.loads(r.output)
    assert r.exit_code == 1 and data["verdict"] == "WA"
    assert data["groups"] == [
        {"group": "group1", "verdict": "AC", "passed": 2, "total": 2,
         "time_ms": data["groups"][0]["time_ms"]},
        {"group": "group2", "verdict": "WA", "passed": 1, "total": 2,
         "time_ms": data["groups"][1]["time_ms"]}]
    r = cli("solve", "groups", str(src))
    assert "group2" in r.output and "1/2" in r.output


@pytest.mark.parametrize(("flags", "answer", "output", "verdict"), [
    ("", "Hello World!\n", "hello   WORLD!", "AC"),
    ("case_sensitive", "Hello World!\n", "hello World!", "WA"),
    ("", "1 2\n", "1\n\n2\n", "AC"),
    ("space_change_sensitive", "1 2\n", "1  2\n", "WA"),
    ("float_tolerance 1e-6", "0.3\n", "0.30000000000000004", "AC"),
    ("float_tolerance 1e-6", "0.3\n", "0.3001", "WA"),
    ("float_absolute_tolerance 0.01", "1000\n", "1000.005", "AC"),
    ("float_absolute_tolerance 0.01", "1000\n", "1000.5", "WA"),
    ("float_relative_tolerance 0.001", "1000\n", "1000.5", "AC"),
    ("float_tolerance 1e-6", "3\n", "nan", "WA"),
    ("", "1 2\n", "1 2 3", "WA"),
    ("", "1 2\n", "1", "WA"),
])
def test_default_validator_flags(flags, answer, output, verdict):
    assert default_validate(flags, answer, output).verdict.value == verdict


@needs_cc
def test_custom_validator_runs_in_the_box_and_its_judgemessage_is_the_message():
    assert cli("problems", "add", str(PACKAGES / "divisor")).exit_code == 0
    p = get_problem("divisor")
    assert p.checker == "kattis"
    got = judge_output(p.checker_spec, p.path, "91\n", "7\n", "13\n")
    assert got.verdict is Verdict.AC and got.message == "ok"
    got = judge_output(p.checker_spec, p.path, "91\n", "7\n", "5\n")
    assert got.verdict is Verdict.WA and got.message == "5 does not divide 91"


def _broken(tmp_path: Path, name: str = "bad") -> Path:
    pkg = tmp_path / name
    shutil.copytree(PACKAGES / "sum", pkg, symlinks=True)
    return pkg


@needs_cc
def test_bad_packages_are_one_line_and_exit_2(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "테스트를 찾지 못했습니다" in one_line_error(cli("problems", "add", str(empty)))
    pkg = _broken(tmp_path, "b1")
    (pkg / "problem.yaml").write_text("name: x\nlimits:\n  time_limit: [1\n   bad\n",
                                      encoding="utf-8")
    assert "problem.yaml" in one_line_error(cli("problems", "add", str(pkg)))
    pkg = _broken(tmp_path, "b2")
    (pkg / "data" / "secret" / "02.ans").unlink()
    assert "답이 없습니다: data/secret/02.in" in one_line_error(cli("problems", "add", str(pkg)))
    pkg = _broken(tmp_path, "b3")
    (pkg / "problem.yaml").write_text("name: I\nvalidation: custom interactive\n",
                                      encoding="utf-8")
    assert "대화형(interactive) 문제입니다: b3" in one_line_error(cli("problems", "add", str(pkg)))
    pkg = _broken(tmp_path, "b4")
    (pkg / "problem.yaml").write_text("name: V\nvalidation: custom\n", encoding="utf-8")
    (pkg / "output_validators" / "v").mkdir(parents=True)
    (pkg / "output_validators" / "v" / "validate.cpp").write_text("int main( {", encoding="utf-8")
    assert "컴파일되지 않습니다" in one_line_error(cli("problems", "add", str(pkg)))
    pkg = _broken(tmp_path, "b5")
    (pkg / "problem.yaml").write_text("name: F\nvalidator_flags: float_tolerance x\n",
                                      encoding="utf-8")
    error = one_line_error(cli("problems", "add", str(pkg)))
    assert "validator_flags가 잘못되었습니다" in error and "float_tolerance" in error
    assert "submissions/ 폴더가 없습니다" in one_line_error(cli("problems", "check", "2667"))


@needs_cc
@needs_testlib
def test_polygon_package_imports_with_its_testlib_checker(tmp_path):
    pkg = tmp_path / "pairsum"
    shutil.copytree(PACKAGES / "polygon-sum", pkg)
    assert "testlib.h" in one_line_error(cli("problems", "add", str(pkg)))
    assert TESTLIB is not None
    shutil.copy(TESTLIB / "testlib.h", pkg / "files" / "testlib.h")
    r = cli("problems", "add", str(pkg))
    assert r.exit_code == 0, r.output
    p = get_problem("pairsum")
    assert (p.title, p.time_limit_ms, p.memory_mb, p.checker) == ("Pair Sum", 200, 256,
                                                                  "special:check.cpp")
    assert "\\begin" not in p.statement() and "## Input" in p.statement()
    r = cli("problems", "check", "pairsum", "--json")
    report = json.loads(r.output)
    assert r.exit_code == 0 and report["judged"] == 4 and report["disagree"] == 0
    got = judge_output(p.checker_spec, p.path, "1 2\n", "3\n", "4\n")
    assert got.verdict is Verdict.WA and "expected 3, found 4" in got.message


# (input, output, answer) triples for the standard checkers; each is run by hand and inside
TRIPLES = {
    "wcmp": [("", "a b\n", "a b\n"), ("", "a  b\n\n", "a b\n"), ("", "a c\n", "a b\n"),
             ("", "a\n", "a b\n"), ("", "a b c\n", "a b\n")],
    "lcmp": [("", "1 2\n3\n", "1 2\n3\n"), ("", "1 2 3\n", "1 2\n3\n"), ("", "1  2\n3", "1 2\n3\n")],
    "ncmp": [("", "1 2 3\n", "1 2 3\n"), ("", "1 2 4\n", "1 2 3\n"), ("", "1 2\n", "1 2 3\n"),
             ("", "x\n", "1\n")],
    "rcmp6": [("", "0.1234564\n", "0.123456\n"), ("", "0.12346\n", "0.123456\n"),
              ("", "abc\n", "1.0\n")],
    "yesno": [("", "YES\n", "yes\n"), ("", "no\n", "yes\n"), ("", "maybe\n", "yes\n")],
}
TESTLIB_VERDICTS = {0: "AC", 1: "WA", 2: "PE"}


@needs_cc
@needs_testlib
@pytest.mark.parametrize("name", sorted(TRIPLES))
def test_standard_testlib_checkers_agree_with_running_them_by_hand(tmp_path, name):
    assert TESTLIB is not None
    folder = tmp_path / "checker"
    folder.mkdir()
    shutil.copy(TESTLIB / "checkers" / f"{name}.cpp", folder / f"{name}.cpp")
    shutil.copy(TESTLIB / "testlib.h", folder / "testlib.h")
    exe = tmp_path / name
    subprocess.run(["g++", "-O2", "-I", str(TESTLIB), "-o", str(exe),
                    str(TESTLIB / "checkers" / f"{name}.cpp")], check=True, timeout=300)
    for i, (inp, out, ans) in enumerate(TRIPLES[name]):
        files = []
        for part, text in (("in", inp), ("out", out), ("ans", ans)):
            path = tmp_path / f"{i}.{part}"
            path.write_text(text, encoding="utf-8")
            files.append(str(path))
        by_hand = subprocess.run([str(exe), *files], capture_output=True, timeout=30).returncode
        got = judge_output(f"special:{name}.cpp", folder, inp, ans, out)
        assert got.verdict.value == TESTLIB_VERDICTS[by_hand], (name, i, got)


@needs_cc
def test_kattis_export_round_trips_every_test_and_verdict(tmp_path):
    assert cli("problems", "add", str(PACKAGES / "groups")).exit_code == 0
    r = cli("problems", "export", "groups", str(tmp_path / "out"))
    assert r.exit_code == 0, r.output
    out = tmp_path / "out"
    assert (out / "problem.yaml").is_file() and (out / "data" / "sample" / "1.ans").is_file()
    assert (out / "data" / "secret" / "group2" / "002-2.in").is_file()
    r = cli("problems", "add", str(out), "--id", "groups2")
    assert r.exit_code == 0, r.output
    a, b = get_problem("groups"), get_problem("groups2")
    assert [(t.input, t.expected, t.group) for t in build_tests(a)] == [
        (t.input, t.expected, t.group) for t in build_tests(b)]
    assert (a.title, a.checker, a.time_limit_ms, a.memory_mb) == (
        b.title, b.checker, b.time_limit_ms, b.memory_mb)
    ra = json.loads(cli("problems", "check", "groups", "--json").output)
    rb = json.loads(cli("problems", "check", "groups2", "--json").output)
    assert [(s["file"], s["verdict"]) for s in ra["submissions"]] == [
        (s["file"], s["verdict"]) for s in rb["submissions"]]


def test_builtin_problem_exports_all_its_tests_as_a_kattis_package(tmp_path):
    src = get_problem("1546")
    r = cli("problems", "export", "1546", str(tmp_path / "k"))
    assert r.exit_code == 0, r.output
    secret = list((tmp_path / "k" / "data" / "secret").rglob("*.in"))
    tests = build_tests(src)
    assert len(secret) == len([t for t in tests if t.kind != "sample"]) > 5
    assert cli("problems", "add", str(tmp_path / "k"), "--id", "k1546").exit_code == 0
    copy = get_problem("k1546")
    assert copy.checker == src.checker == "float:1e-2"
    assert "float_tolerance 0.01" in (tmp_path / "k" / "problem.yaml").read_text("utf-8")
    assert [(t.input, t.expected) for t in build_tests(copy)] == [
        (t.input, t.expected) for t in tests]


@needs_cc
def test_time_limit_from_the_accepted_submissions_times_the_multiplier(tmp_path):
    pkg = tmp_path / "hello3"
    shutil.copytree(PACKAGES / "hello", pkg)
    shutil.rmtree(pkg / "submissions" / "time_limit_exceeded")
    (pkg / "problem.yaml").write_text("name: Hello\nlimits:\n  time_multiplier: 2\n",
                                      encoding="utf-8")
    r = cli("problems", "add", str(pkg), "--dry-run")
    assert "time_multiplier (2)" in r.output
    assert cli("problems", "add", str(pkg)).exit_code == 0, r.output
    ms = get_problem("hello3").time_limit_ms
    assert 100 <= ms <= 3000 and ms % 100 == 0
    assert cli("problems", "add", str(pkg), "--id", "hello4", "--time-limit", "1.5s").exit_code == 0
    assert get_problem("hello4").time_limit_ms == 1500


def test_problem_yaml_errors_follow_the_language_setting():
    """miniyaml names the file and line in Korean by default, in English after `language = "en"`."""
    with pytest.raises(miniyaml.YamlError) as got:
        miniyaml.loads("name: x\n\tlimits: 1\n")
    assert str(got.value) == "problem.yaml 2번째 줄: 들여쓰기에 탭이 있습니다"
    with pytest.raises(miniyaml.YamlError) as got:
        miniyaml.loads("name x\n", "data/testdata.yaml")
    assert str(got.value) == "data/testdata.yaml 1번째 줄: 'key: value' 형식이어야 하는데 'name x'입니다"
    Path(os.environ["STUDYLOG_CONFIG"]).write_text('language = "en"\n', encoding="utf-8")
    with pytest.raises(miniyaml.YamlError) as got:
        miniyaml.loads("name: x\n\tlimits: 1\n")
    assert str(got.value) == "problem.yaml line 2: a tab in the indentation"
    with pytest.raises(miniyaml.YamlError) as got:
        miniyaml.loads("name x\n", "data/testdata.yaml")
    assert str(got.value) == "data/testdata.yaml line 1: expected 'key: value', got 'name x'"


@pytest.mark.parametrize(("limits", "words"), [
    ("  memory: 21e99956\n", "숫자여야 합니다"),  # inf: int() overflowed into a traceback
    ("  time_limit: 1e999\n", "숫자여야 합니다"),
    ("  time_limit: .nan\n", "숫자여야 합니다"),
    ("  time_multiplier: 1e999\n", "time_multiplier는 1..100이어야 합니다"),
    ("  time_multiplier: 0\n", "time_multiplier는 1..100이어야 합니다"),
])
def test_huge_or_odd_limits_are_one_line(tmp_path, limits, words):
    pkg = tmp_path / "hello"
    shutil.copytree(PACKAGES / "hello", pkg)
    (pkg / "problem.yaml").write_text(f"name: Hello\nlimits:\n{limits}", encoding="utf-8")
    assert words in one_line_error(cli("problems", "add", str(pkg), "--dry-run"))


@pytest.mark.parametrize(("old", "new", "words"), [
    ("tests/%02d</input", "tests/%>tests/%02d</input", "하나만 있어야 합니다"),  # was a traceback
    ("tests/%02d</input", "tests/in</input", "하나만 있어야 합니다"),
    ("tests/%02d.a</answer", "tests/%02d-%02d.a</answer", "하나만 있어야 합니다"),
    ("<time-limit>200<", "<time-limit>0<", "time-limit은 1..600000 ms"),
    ("<memory-limit>268435456<", "<memory-limit>99999999999999999999999<", "16..65536 MiB"),
])
def test_odd_polygon_fields_are_one_line(tmp_path, old, new, words):
    pkg = tmp_path / "poly"
    shutil.copytree(PACKAGES / "polygon-sum", pkg)
    xml = (pkg / "problem.xml").read_text(encoding="utf-8")
    assert old in xml
    (pkg / "problem.xml").write_text(xml.replace(old, new), encoding="utf-8")
    assert words in one_line_error(cli("problems", "add", str(pkg), "--dry-run"))
