"""Hostile and edge solutions -> the verdict BOJ would give, in Python and C, run in the box.

Each row is a solution that once got the wrong verdict (issue 17): infinite loops (TLE, not RE),
exit codes 129-192 (RE, not a signal), threads (AC, not MLE), output exactly at the limit (not
OLE), a static array over the memory limit (MLE, not RE). Runs use the ``tight`` problem (100
ms, 64 MB) and its first sample only.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from studylog.judge.runner import judge
from studylog.judge.sandbox import box
from studylog.judge.verdicts import Verdict

from .conftest import GOOD_PY, samples

ROOT = Path(__file__).resolve().parents[2]
needs_gcc = pytest.mark.skipif(shutil.which("gcc") is None, reason="gcc not installed")
pytestmark = pytest.mark.skipif(not box.available(), reason=f"no bwrap box: {box.probe()}")
# Without a C compiler the box falls back to setpriv + prlimit: exit codes 129-192 are then
# read as signals and the CPU limit is whole seconds (docs/judge.md).
NO_WAITER = (shutil.which("cc") is None and shutil.which("gcc") is None) or (
    os.environ.get("STUDYLOG_WAITER") == "0")  # not built here: that would use the real cache
needs_waiter = pytest.mark.skipif(NO_WAITER, reason="no in-box waiter (no cc)")
# rows that need the waiter: exact exit codes; many threads (the fallbacks limit the address
# space to the memory limit, having nothing that watches the resident set)
EXIT_ROWS = {"exit_152", "exit_153", "exit_159", "50_pthreads", "500_pthreads"}

THREAD_MAIN = "import threading\n" + "def main():\n" + textwrap.indent(
    textwrap.dedent(GOOD_PY), "    ") + "\n"

PY = {
    "while_true_pass": ("while True:\n    pass\n", Verdict.TLE),
    "input_then_loop": ("n = int(input())\nwhile True:\n    n += 1\n", Verdict.TLE),
    "exit_152": ("import sys\nsys.exit(152)\n", Verdict.RE),
    "exit_153": ("import sys\nsys.exit(153)\n", Verdict.RE),
    "exit_159": ("import sys\nsys.exit(159)\n", Verdict.RE),
    "one_thread": (THREAD_MAIN + "t = threading.Thread(target=main)\nt.start()\nt.join()\n",
                   Verdict.AC),
    "one_thread_big_stack": (
        "import sys\nsys.setrecursionlimit(10 ** 6)\n" + THREAD_MAIN
        + "threading.stack_size(1 << 25)\nt = threading.Thread(target=main)\nt.start()\n"
        "t.join()\n", Verdict.AC),
    "cpu_bound_thread": ("import threading\ndef spin():\n    while True:\n        pass\n"
                         "threading.Thread(target=spin).start()\n", Verdict.TLE),
    "memory_hog": ("a = []\nwhile True:\n    a.append(bytearray(1 << 20))\n", Verdict.MLE),
}

C_THREADS = r"""
#include <pthread.h>
#include <stdio.h>
static void *work(void *arg) { (void)arg; volatile int x = 0; for (int i = 0; i < 1000; i++) x++;
                               return NULL; }
int main(void) {
    pthread_t t[%d];
    for (int i = 0; i < %d; i++) if (pthread_create(&t[i], NULL, work, NULL)) return 3;
    for (int i = 0; i < %d; i++) pthread_join(t[i], NULL);
    puts("0");
}
"""

C = {
    "for_ever": ("int main(void) { volatile long x = 0; for (;;) x++; }\n", Verdict.TLE),
    "exit_152": ("#include <stdlib.h>\nint main(void) { exit(152); }\n", Verdict.RE),
    "exit_159": ("#include <stdlib.h>\nint main(void) { exit(159); }\n", Verdict.RE),
    "one_pthread": (C_THREADS % (1, 1, 1), Verdict.WA),  # runs (prints 0: a wrong answer)
    "50_pthreads": (C_THREADS % (50, 50, 50), Verdict.WA),
    "500_pthreads": (C_THREADS % (500, 500, 500), Verdict.WA),
    "cpu_bound_pthread": (
        "#include <pthread.h>\nstatic void *spin(void *a) { volatile long x = 0; (void)a;\n"
        "for (;;) x++; return 0; }\nint main(void) { pthread_t t;\n"
        "pthread_create(&t, 0, spin, 0); pthread_join(t, 0); }\n", Verdict.TLE),
    "static_array_over_limit": (
        "static char a[2u << 30];\nint main(void) { a[12345] = 1; return a[1]; }\n",
        Verdict.MLE),
    "malloc_2gb": ("#include <stdlib.h>\n#include <stdio.h>\n"
                   "int main(void) { char *p = malloc(2u << 30); if (!p) return 1;\n"
                   "p[0] = 1; printf(\"%d\\n\", p[0]); }\n", Verdict.MLE),
    "memory_hog": ("#include <stdlib.h>\n#include <string.h>\nint main(void) {\n"
                   "for (;;) { char *p = malloc(1 << 20); if (!p) return 1;\n"
                   "memset(p, 1, 1 << 20); } }\n", Verdict.MLE),
}


def _one(problem, write, name, code):
    return judge(problem, write(name, code), tests=samples(problem)[:1])


@pytest.mark.parametrize("key", sorted(PY))
def test_python_verdicts(tight, write, key):
    code, want = PY[key]
    if key in EXIT_ROWS and NO_WAITER:
        pytest.skip("no in-box waiter (no cc)")
    res = _one(tight, write, f"{key}.py", code)
    assert res.verdict is want, (res.tests[0], res.tests[0].stderr[-500:])


@needs_gcc
@pytest.mark.parametrize("key", sorted(C))
def test_c_verdicts(tight, write, key):
    code, want = C[key]
    if key in EXIT_ROWS and NO_WAITER:
        pytest.skip("no in-box waiter (no cc)")
    res = _one(tight, write, f"c_{key}.c", code)
    assert res.verdict is want, (res.tests[0], res.tests[0].stderr[-500:])


@needs_waiter
def test_exit_code_152_is_reported_as_an_exit_code(tight, write):
    res = _one(tight, write, "e.py", "import sys\nsys.exit(152)\n")
    assert (res.tests[0].exit_code, res.tests[0].signal) == (152, None)


@needs_waiter
def test_an_infinite_loop_ends_within_the_time_limit_and_half_a_second(tight, write):
    start = time.monotonic()
    res = judge(tight, write("loop.py", "while True:\n    pass\n"))
    took = time.monotonic() - start
    limit_s = res.time_limit_ms / 1000
    assert res.verdict is Verdict.TLE
    assert all(t.time_ms <= res.time_limit_ms + 500 for t in res.tests if t.ran)
    assert took < limit_s + 0.5 + 1.0, took  # + the build and the starts of the boxes
    assert any(not t.ran for t in res.tests)  # the rest was not run


def test_output_exactly_at_the_limit_is_not_output_limit(tight, write):
    limit = tight.output_limit_kb * 1024
    at = f"import sys\nsys.stdout.write('x' * {limit})\n"
    over = f"import sys\nsys.stdout.write('x' * {limit + 1})\n"
    assert _one(tight, write, "at.py", at).verdict is Verdict.WA
    assert _one(tight, write, "over.py", over).verdict is Verdict.OLE


@needs_waiter
def test_a_wall_clock_stop_reports_the_programs_memory(tight, write):
    code = "import time\nblock = bytearray(30 << 20)\ntime.sleep(60)\n"
    res = _one(tight, write, "sleep.py", code)
    assert res.verdict is Verdict.TLE
    assert res.tests[0].memory_kb > 25 * 1024, res.tests[0]


def test_tests_stopped_after_a_time_limit_say_they_were_not_run(tight, write):
    res = judge(tight, write("loop.py", "while True:\n    pass\n"), workers=1)
    first, rest = res.tests[0], res.tests[1:]
    assert first.verdict is Verdict.TLE and first.ran
    assert rest and all(not t.ran and t.skipped_because for t in rest)
    data = res.to_json()["tests"]
    assert data[0]["ran"] is True and data[1]["ran"] is False
    assert data[1]["not_run"] == "stopped"


def test_a_python_compile_bomb_does_not_grow_studylog(tmp_path):
    bomb = tmp_path / "bomb.py"
    bomb.write_text("x = " + "1+" * (1_950_000) + "1\n", encoding="utf-8")
    # VmHWM, not ru_maxrss: on Linux a child's ru_maxrss starts at its parent's peak (exec keeps
    # the old memory's high-water mark), and pytest's own process is large by the end of a run
    script = (
        "import re, sys\n"
        "from pathlib import Path\n"
        "from studylog.judge.problems.bank import get_problem\n"
        "from studylog.judge.runner import judge\n"
        f"res = judge(get_problem('2667'), Path({str(bomb)!r}))\n"
        "hwm = re.search(r'VmHWM:\\s+(\\d+)', Path('/proc/self/status').read_text()).group(1)\n"
        "print(res.verdict.value, hwm)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, env={**os.environ})
    verdict, peak_kb = out.stdout.split()
    assert verdict == "CE", out.stderr
    assert int(peak_kb) < 300 * 1024, peak_kb


def test_a_file_name_that_is_not_utf8_is_judged_and_stored(tmp_path):
    name = os.fsdecode(b"sol\xff.py")
    path = tmp_path / name
    path.write_text(textwrap.dedent(GOOD_PY).lstrip(), encoding="utf-8")
    env = {**os.environ}
    out = subprocess.run([sys.executable, "-m", "studylog", "solve", "2667", str(path), "--json"],
                         cwd=ROOT, capture_output=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr.decode(errors="replace")[-2000:]
    assert json.loads(out.stdout)["verdict"] == "AC"
    hist = subprocess.run([sys.executable, "-m", "studylog", "solve", "2667", "--history",
                           "--json"], cwd=ROOT, capture_output=True, timeout=60, env=env)
    assert [a["verdict"] for a in json.loads(hist.stdout)] == ["AC"]


@needs_waiter
@pytest.mark.parametrize("name,code", [
    ("loop.c", "int main(void) { volatile long x = 0; for (;;) x++; }\n"),
    ("loop.py", "n = int(input())\nwhile True:\n    n += 1\n"),
])
def test_an_infinite_loop_at_a_whole_second_limit_is_a_time_limit(p2667, write, name, code):
    """At a whole-second limit the kernel's hard CPU kill reported less CPU than the limit."""
    if name.endswith(".c") and shutil.which("gcc") is None:
        pytest.skip("gcc not installed")
    res = _one(p2667, write, name, code)
    assert res.verdict is Verdict.TLE, res.tests[0]
    assert res.tests[0].time_ms <= res.time_limit_ms + 500


@needs_gcc
def test_the_cli_says_which_tests_were_not_run(write):
    from typer.testing import CliRunner

    from studylog.cli.main import app

    loop = write("loop.c", "int main(void) { volatile long x = 0; for (;;) x++; }\n")
    r = CliRunner().invoke(app, ["solve", "2667", str(loop)])
    said = ("not run: stopped after a time limit", "채점 안 함: 시간 초과 뒤 멈춤")
    assert any(w in r.output for w in said), r.output
    r = CliRunner().invoke(app, ["solve", "2667", str(loop), "--json"])
    tests = json.loads(r.stdout)["tests"]
    assert any(t["ran"] is False and t["not_run"] == "stopped" for t in tests)
