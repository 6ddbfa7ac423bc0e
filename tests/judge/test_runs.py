"""Real solutions in real subprocesses: every verdict, isolation, nothing left behind."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pytest

from studylog.judge.problems.bank import load_problem
from studylog.judge.runner import Compiled, Finished, TestDone, judge, judge_events
from studylog.judge.verdicts import Verdict

from .conftest import DOWN_RIGHT_PY, GOOD_CPP, GOOD_PY, samples

needs_gpp = pytest.mark.skipif(shutil.which("g++") is None, reason="g++ not installed")


@pytest.fixture(autouse=True)
def private_tmp(tmp_path, monkeypatch):
    """Run dirs go to a private temp root so we can check they are all removed."""
    root = tmp_path / "tmproot"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    yield root
    assert list(root.iterdir()) == [], "a run or build directory was left behind"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_correct_python_is_accepted_on_all_tests(p2667, write):
    res = judge(p2667, write("sol.py", GOOD_PY))
    assert res.verdict is Verdict.AC and res.passed == res.total >= 20
    names = [t.name for t in res.tests]
    assert names[:2] == ["sample 1", "sample 2"] and "checkerboard" in names
    assert all(0 < t.memory_kb < 128 * 1024 for t in res.tests)


@needs_gpp
def test_correct_cpp_is_accepted(p2667, write):
    res = judge(p2667, write("sol.cpp", GOOD_CPP))
    assert res.verdict is Verdict.AC and res.language == "cpp"


@pytest.mark.skipif(shutil.which("javac") is None, reason="no JDK")
def test_correct_java_is_accepted(p2667, tmp_path):
    src = tmp_path / "Main.java"
    src.write_text((Path(__file__).parent / "Main.java.txt").read_text(encoding="utf-8"))
    res = judge(p2667, src, tests=samples(p2667))
    assert res.verdict is Verdict.AC and res.language == "java"


def test_direct_fork_fallback_gives_the_same_verdicts(p2667, write, monkeypatch, tmp_path):
    # A forked child's peak memory includes this (pytest) process's before exec, which can pass
    # 128 MB late in a full run: give the copy of 2667 room so only the verdict logic is tested.
    dst = tmp_path / "roomy"
    shutil.copytree(p2667.path, dst, ignore=shutil.ignore_patterns("__pycache__"))
    toml = (dst / "problem.toml").read_text(encoding="utf-8")
    (dst / "problem.toml").write_text(toml.replace("memory_mb = 128", "memory_mb = 4096"),
                                      encoding="utf-8")
    roomy = load_problem(dst)
    monkeypatch.setenv("STUDYLOG_JUDGE_DIRECT", "1")
    ok = judge(roomy, write("ok.py", GOOD_PY), tests=samples(roomy))
    assert ok.verdict is Verdict.AC and ok.sandbox == "rlimit"  # no spawner: no box, said so
    res = judge(roomy, write("crash.py", "raise SystemExit(3)\n"), tests=samples(roomy)[:1])
    assert res.verdict is Verdict.RE and res.tests[0].exit_code == 3


def test_wrong_answer_that_passes_the_samples(p2667, write):
    sol = write("wa.py", DOWN_RIGHT_PY)
    assert judge(p2667, sol, tests=samples(p2667)).verdict is Verdict.AC
    res = judge(p2667, sol)
    assert res.verdict is Verdict.WA
    fail = res.first_failure
    assert fail is not None and fail.kind in ("edge", "random") and fail.received != fail.expected


def test_presentation_error(p2667, write):
    code = GOOD_PY.replace("for s in sorted(sizes):\n    print(s)", "print(*sorted(sizes))")
    assert judge(p2667, write("pe.py", code), tests=samples(p2667)).verdict is Verdict.PE


def test_infinite_loop_is_time_limit(tight, write):
    res = judge(tight, write("loop.py", "while True:\n    pass\n"))
    assert res.verdict is Verdict.TLE
    assert any(t.verdict is Verdict.SKIP for t in res.tests)  # the rest is skipped


@needs_gpp
def test_cpp_infinite_loop_is_time_limit(tight, write):
    code = "int main(){ volatile unsigned long x = 0; for(;;) x++; }\n"
    assert judge(tight, write("loop.cpp", code), tests=samples(tight)).verdict is Verdict.TLE


def test_memory_hog_is_memory_limit_not_runtime_error(tight, write):
    res = judge(tight, write("hog.py", "a = []\nwhile True:\n    a.append(' ' * 10**6)\n"),
                tests=samples(tight)[:1])
    assert res.verdict is Verdict.MLE


def test_output_flood_is_output_limit(p2667, write):
    res = judge(p2667, write("flood.py", "while True:\n    print('1' * 1000)\n"),
                tests=samples(p2667)[:1])
    assert res.verdict is Verdict.OLE


def test_crash_is_runtime_error(p2667, write):
    res = judge(p2667, write("crash.py", "print(1 // 0)\n"), tests=samples(p2667))
    assert res.verdict is Verdict.RE and "ZeroDivisionError" in res.tests[0].stderr


@needs_gpp
def test_cpp_segfault_is_runtime_error(p2667, write):
    code = "int main(){ int *p = 0; *p = 1; return 0; }\n"
    assert judge(p2667, write("seg.cpp", code), tests=samples(p2667)).verdict is Verdict.RE


def test_python_syntax_error_is_compile_error(p2667, write):
    res = judge(p2667, write("ce.py", "print('x'\n"), tests=samples(p2667))
    assert res.verdict is Verdict.CE and "SyntaxError" in res.compile_message


@needs_gpp
def test_cpp_compile_error_shows_the_compiler_message(p2667, write):
    res = judge(p2667, write("ce.cpp", "int main() { return undefined_name; }\n"))
    assert res.verdict is Verdict.CE and "undefined_name" in res.compile_message


def test_writes_into_home_and_cwd_leave_nothing(p2667, write, tmp_path):
    code = """
    import os
    home = os.path.expanduser("~")
    open(os.path.join(home, "notes.txt"), "w").write("x")
    os.makedirs("sub/deeper", exist_ok=True)
    open("sub/deeper/f.bin", "wb").write(b"y" * 1000)
    os.chmod("sub", 0o500)
    print(home == os.getcwd())
    """
    real_home = os.path.expanduser("~")
    res = judge(p2667, write("home.py", code), tests=samples(p2667)[:1])
    assert res.tests[0].received.strip() == "True"
    assert not os.path.exists(os.path.join(real_home, "notes.txt"))
    # private_tmp's teardown asserts the run directory is gone


def test_non_utf8_output_is_shown_not_crashed(p2667, write):
    code = "import sys\nsys.stdout.buffer.write(b'\\xff\\xfe 3\\n')\n"
    res = judge(p2667, write("bytes.py", code), tests=samples(p2667)[:1])
    assert res.verdict is Verdict.WA and "\ufffd" in res.tests[0].received


def test_hangul_output_round_trips(p2667, write):
    res = judge(p2667, write("ko.py", "print('단지 없음')\n"), tests=samples(p2667)[:1])
    assert res.tests[0].received == "단지 없음\n"


def test_events_stream_and_cancel(tight, write):
    cancel = threading.Event()
    events = []
    start = time.monotonic()
    for ev in judge_events(tight, write("slow.py", "import time\ntime.sleep(30)\n"),
                           cancel=cancel):
        events.append(ev)
        if isinstance(ev, Compiled):
            threading.Timer(0.3, cancel.set).start()
    assert time.monotonic() - start < 10
    assert isinstance(events[0], Compiled) and isinstance(events[-1], Finished)
    assert sum(isinstance(e, TestDone) for e in events) == events[0].total
    assert events[-1].result.cancelled


def test_stress_honours_cancel(p2667, write):
    from studylog.judge.stress import StressFinished, stress_events

    cancel = threading.Event()
    cancel.set()
    events = list(stress_events(p2667, write("ok.py", GOOD_PY), 1000, cancel=cancel))
    res = events[-1].result
    assert isinstance(events[-1], StressFinished) and res.cancelled and res.cases < 1000
