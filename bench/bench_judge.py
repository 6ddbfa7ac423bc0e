"""Judge benchmarks (issue 17's three budgets), each measured side by side, round by round.

Run from the repository root:  python bench/bench_judge.py [--rounds N]
All measurements are interleaved round by round (so background load hits each alike) and
reported as median [min–max]. Prints:
(1) the box's overhead per test over a bare run: the 27 tests of 2667 judged on one worker in the
    box minus the same 27 runs bare (posix_spawn of the same interpreter with the same flags,
    input from a file, one after another), divided by 27 (budget <= 3 ms); and /bin/true in a
    box vs bare;
(2) the whole `python -m studylog solve 2667 sol.py` process vs the same 27 tests run by hand one
    after another with the same interpreter and flags (`python -S sol.py`, subprocess.run);
    budget: solve / by hand <= 1;
(3) an infinite loop (`while True: pass`) judged on 2667 (Python: 4 s of CPU): the whole judge
    run minus the time limit (budget <= 0.5 s, + the compile step and the boxes' starts);
(4) stress throughput in cases/s.
"""

from __future__ import annotations

import argparse
import os
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
    """The tests one after another by hand, with the flags the judge runs Python with (-S)."""
    start = time.perf_counter()
    for t in tests:
        out = subprocess.run([python, "-S", str(sol)], input=t.input.encode(),
                             capture_output=True, check=True)
        assert out.stdout
    return time.perf_counter() - start


def bare(python: str, sol: Path, inputs: list[Path], devnull: int) -> float:
    """The same runs with no box: posix_spawn, stdin from a file, wait (one after another)."""
    start = time.perf_counter()
    for path in inputs:
        fd = os.open(path, os.O_RDONLY)
        try:
            pid = os.posix_spawn(python, [python, "-S", str(sol)], {},
                                 file_actions=[(os.POSIX_SPAWN_DUP2, fd, 0),
                                               (os.POSIX_SPAWN_DUP2, devnull, 1)])
            os.waitpid(pid, 0)
        finally:
            os.close(fd)
    return time.perf_counter() - start


def loop_run(problem, loop: Path) -> tuple[float, float]:
    """(seconds of a whole judge run of an infinite loop, its time limit in seconds)."""
    from studylog.judge.runner import judge

    start = time.perf_counter()
    res = judge(problem, loop)
    took = time.perf_counter() - start
    assert res.verdict.value == "TLE", res.verdict
    return took, res.time_limit_ms / 1000


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
    args = ap.parse_args()
    problem = get_problem("2667")
    tests = build_tests(problem)
    python = box.python_binary()  # what the box runs solutions with; "by hand" and bare too
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        sol = tmp / "sol.py"  # the problem's own reference, run as a user's solution
        sol.write_text((problem.path / "ref.py").read_text(encoding="utf-8"), encoding="utf-8")
        loop = tmp / "loop.py"
        loop.write_text("while True:\n    pass\n", encoding="utf-8")
        inputs = []
        for i, t in enumerate(tests, 1):
            (tmp / f"t{i}.in").write_text(t.input, encoding="utf-8")
            inputs.append(tmp / f"t{i}.in")
        devnull = os.open(os.devnull, os.O_WRONLY)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "STUDYLOG_CONFIG": str(tmp / "c.toml")}
        env.pop("STUDYLOG_SANDBOX", None)
        solve = [sys.executable, "-m", "studylog", "--db", str(tmp / "s.db"), "solve", "2667",
                 str(sol)]
        set_sandbox("bwrap")
        test_phase(problem, sol, tests[:4], 1)  # warm up: spawners, the waiter's build, caches
        rows: dict[str, list[float]] = {k: [] for k in (
            "box1", "bare", "box_all", "hand", "solve", "loop", "true", "true_box")}
        limit_s = 0.0
        lim = box.HardLimits(cpu_s=5, address_bytes=256 << 20, file_bytes=1 << 20)
        exe = box.waiter.binary()
        true_box = box.wrap(["/bin/true"], lim, ro=[], rw=[], cwd=box.BOX, env={"PATH": box.PATH},
                            waiter_exe=exe)
        report = os.open(tmp / "report", os.O_WRONLY | os.O_CREAT)
        os.dup2(report, box.waiter.REPORT_FD)
        for r in range(args.rounds):
            for _ in range(5):
                rows["true"].append(spawn_wait(["/bin/true"]))
                rows["true_box"].append(spawn_wait(true_box))
            rows["box1"].append(test_phase(problem, sol, tests, 1))
            rows["bare"].append(bare(python, sol, inputs, devnull))
            rows["box_all"].append(test_phase(problem, sol, tests, None))
            rows["hand"].append(by_hand(python, sol, tests))
            rows["solve"].append(whole(solve, tmp, env))
            if r < 3:  # 4 s each
                took, limit_s = loop_run(problem, loop)
                rows["loop"].append(took)
        n = len(tests)
        print(f"machine: {os.cpu_count()} cores, shared with other work while measured "
              f"(load average {os.getloadavg()[0]:.2f}); Python {sys.version.split()[0]}; "
              f"{args.rounds} rounds, interleaved; median [min–max]; {n} tests of 2667; "
              f"sandbox here: {'bwrap' if box.available() else 'rlimit (' + box.probe() + ')'}; "
              f"in-box waiter: {'yes' if exe else 'no (setpriv + prlimit)'}")
        print(f"(1) test phase, 1 worker, bwrap box     {spread(rows['box1'])}")
        print(f"    the same {n} runs bare, one by one   {spread(rows['bare'])}")
        over = [(b - r) / n for b, r in zip(rows["box1"], rows["bare"], strict=True)]
        print(f"    box overhead per test               {spread(over)}  (budget <= 3 ms)")
        print(f"    /bin/true, posix_spawn + wait       {spread(rows['true'])}")
        print(f"    /bin/true in a box (bwrap, waiter)  {spread(rows['true_box'])}")
        print(f"(2) studylog solve 2667, whole process  {spread(rows['solve'])}")
        print(f"    the {n} tests by hand (python -S)    {spread(rows['hand'])}")
        ratio = [s / h for s, h in zip(rows["solve"], rows["hand"], strict=True)]
        print(f"    solve / by hand                     {spread(ratio, 1, 'x')}  (budget <= 1x)")
        print(f"    test phase, {os.cpu_count()} workers, bwrap box    {spread(rows['box_all'])}")
        print(f"(3) infinite loop, whole judge run      {spread(rows['loop'])}  "
              f"(time limit {limit_s:g} s)")
        past = [t - limit_s for t in rows["loop"]]
        print(f"    past the time limit                 {spread(past)}  (budget <= 500 ms)")
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
