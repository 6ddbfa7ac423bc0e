"""Judge benchmarks: the sandbox's cost per test, `studylog solve` vs `oj t`, the test phase vs
running the tests by hand, stress throughput.

Run from the repository root:  python bench/bench_judge.py [--rounds N] [--oj PATH]
All measurements are interleaved round by round (so background load hits each alike) and
reported as median [min–max]. Prints:
(1) the bubblewrap box's overhead per test: the 27 tests of 2667 judged on one worker in the box
    minus the same in the rlimit fallback, divided by 27 (budget <= 10 ms);
(2) the whole `python -m studylog solve 2667 sol.py` process vs `oj t` (online-judge-tools, in its
    own venv: `--oj /tmp/ojvenv/bin/oj`) on the same 27 tests with the same interpreter
    (budget <= 0.45x);
(3) the test phase of a judge run on all cores vs the 27 runs by hand one after another
    (subprocess.run, input piped in; must be faster);
(4) stress throughput in cases/s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from studylog.judge.problems.bank import get_problem  # noqa: E402
from studylog.judge.problems.cases import build_tests  # noqa: E402
from studylog.judge.runner import Compiled, Finished, judge_events  # noqa: E402
from studylog.judge.sandbox import box  # noqa: E402
from studylog.judge.stress import StressFinished, stress_events  # noqa: E402


def spread(xs: list[float], scale: float = 1000.0, unit: str = "ms") -> str:
    return (f"{statistics.median(xs) * scale:7.1f} {unit} "
            f"[{min(xs) * scale:.1f}–{max(xs) * scale:.1f}]")


def set_sandbox(name: str) -> None:
    if name == "rlimit":
        os.environ["STUDYLOG_SANDBOX"] = "rlimit"
    else:
        os.environ.pop("STUDYLOG_SANDBOX", None)
    box.probe.cache_clear()


def test_phase(problem, sol: Path, tests, workers: int | None) -> float:
    """Seconds from the compile step's end to the last test's result."""
    start = 0.0
    for ev in judge_events(problem, sol, tests=tests, workers=workers):
        if isinstance(ev, Compiled):
            start = time.perf_counter()
        elif isinstance(ev, Finished):
            assert ev.result.verdict.value == "AC", ev.result.verdict
    return time.perf_counter() - start


def by_hand(python: str, sol: Path, tests) -> float:
    start = time.perf_counter()
    for t in tests:
        out = subprocess.run([python, str(sol)], input=t.input.encode(), capture_output=True,
                             check=True)
        assert out.stdout
    return time.perf_counter() - start


def spawn_wait(argv: list[str]) -> float:
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, {})
    os.waitpid(pid, 0)
    return time.perf_counter() - start


def whole(argv: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, env=env, capture_output=True)
    took = time.perf_counter() - start
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return took


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--oj", default=shutil.which("oj") or "/tmp/judge-ojvenv/bin/oj")
    args = ap.parse_args()
    problem = get_problem("2667")
    tests = build_tests(problem)
    python = box.python_binary()  # what the box runs solutions with; oj and "by hand" too
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        sol = tmp / "sol.py"  # the problem's own reference, run as a user's solution
        sol.write_text((problem.path / "ref.py").read_text(encoding="utf-8"), encoding="utf-8")
        ojdir = tmp / "test"
        ojdir.mkdir()
        for i, t in enumerate(tests, 1):
            (ojdir / f"t{i}.in").write_text(t.input, encoding="utf-8")
            (ojdir / f"t{i}.out").write_text(t.expected, encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(ROOT), "STUDYLOG_CONFIG": str(tmp / "c.toml")}
        env.pop("STUDYLOG_SANDBOX", None)
        solve = [sys.executable, "-m", "studylog", "--db", str(tmp / "s.db"), "solve", "2667",
                 str(sol)]
        oj = [args.oj, "t", "-c", f"{python} {sol}", "-d", str(ojdir)]
        have_oj = os.access(args.oj, os.X_OK)
        for name in ("bwrap", "rlimit"):  # warm up: spawners, caches
            set_sandbox(name)
            test_phase(problem, sol, tests[:4], 1)
        rows: dict[str, list[float]] = {k: [] for k in (
            "box1", "rlimit1", "box_all", "hand", "solve", "oj", "true", "true_box")}
        lim = box.HardLimits(cpu_s=5, address_bytes=256 << 20, file_bytes=1 << 20)
        true_box = box.wrap(["/bin/true"], lim, ro=[], rw=[], cwd=box.BOX, env={"PATH": box.PATH})
        for _ in range(args.rounds):
            for _ in range(5):
                rows["true"].append(spawn_wait(["/bin/true"]))
                rows["true_box"].append(spawn_wait(true_box))
            set_sandbox("bwrap")
            rows["box1"].append(test_phase(problem, sol, tests, 1))
            rows["box_all"].append(test_phase(problem, sol, tests, None))
            set_sandbox("rlimit")
            rows["rlimit1"].append(test_phase(problem, sol, tests, 1))
            set_sandbox("bwrap")
            rows["hand"].append(by_hand(python, sol, tests))
            rows["solve"].append(whole(solve, tmp, env))
            if have_oj:
                rows["oj"].append(whole(oj, tmp, env))
        n = len(tests)
        print(f"machine: {os.cpu_count()} cores, shared with other work while measured "
              f"(load average {os.getloadavg()[0]:.2f}); Python {sys.version.split()[0]}; "
              f"{args.rounds} rounds, interleaved; median [min–max]; {n} tests of 2667; "
              f"sandbox here: {'bwrap' if box.available() else 'rlimit (' + box.probe() + ')'}")
        print(f"(1) test phase, 1 worker, bwrap box     {spread(rows['box1'])}")
        print(f"    test phase, 1 worker, rlimit        {spread(rows['rlimit1'])}")
        over = [(b - r) / n for b, r in zip(rows["box1"], rows["rlimit1"], strict=True)]
        print(f"    box overhead per test               {spread(over)}  (budget <= 10 ms)")
        print(f"    /bin/true, posix_spawn + wait       {spread(rows['true'])}")
        print(f"    /bin/true in a box (bwrap, limits)  {spread(rows['true_box'])}")
        print(f"(2) studylog solve 2667, whole process  {spread(rows['solve'])}")
        if have_oj:
            print(f"    oj t (online-judge-tools)           {spread(rows['oj'])}")
            ratio = [s / o for s, o in zip(rows["solve"], rows["oj"], strict=True)]
            print(f"    solve / oj t                        {spread(ratio, 1, 'x')}  "
                  f"(budget <= 0.45x)")
        else:
            print(f"    oj t: not found at {args.oj} (pip install online-judge-tools)")
        print(f"(3) test phase, {os.cpu_count()} workers, bwrap box    {spread(rows['box_all'])}")
        print(f"    the {n} tests by hand, one by one    {spread(rows['hand'])}")
        ratio = [h / b for h, b in zip(rows["hand"], rows["box_all"], strict=True)]
        print(f"    by hand / test phase                {spread(ratio, 1, 'x')}  (> 1: faster)")
        cases = 200
        start = time.perf_counter()
        res = None
        for ev in stress_events(problem, sol, cases, seed=1):
            if isinstance(ev, StressFinished):
                res = ev.result
        wall = time.perf_counter() - start
        assert res is not None and not res.failed
        print(f"(4) stress: {res.cases} cases in {wall:.2f} s = {res.cases / wall:.0f} cases/s "
              f"(Python solution in the box + in-process reference, {os.cpu_count()} workers)")


if __name__ == "__main__":
    main()
