"""Judge benchmarks: per-test overhead, parallel speed-up, stress throughput.

Run from the repository root:  python bench/bench_judge.py
Prints: (1) the judge's per-test overhead over running the same solution by hand
(subprocess.run with the input piped in, one after another; budget ≤ 10 ms), (2) 30 tests of a
Python solution judged on all cores vs the same 30 runs by hand one after another (must be
faster), (3) stress throughput in cases/s.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from studylog.judge.bank import get_problem  # noqa: E402
from studylog.judge.runner import judge  # noqa: E402
from studylog.judge.stress import StressFinished, stress_events  # noqa: E402
from studylog.judge.tests_gen import build_tests  # noqa: E402

ROUNDS = 7



def by_hand(sol: Path, tests) -> float:
    start = time.perf_counter()
    for t in tests:
        out = subprocess.run([sys.executable, str(sol)], input=t.input.encode(),
                             capture_output=True, check=True)
        assert out.stdout
    return time.perf_counter() - start


def judged(problem, sol: Path, tests, workers: int | None) -> float:
    start = time.perf_counter()
    res = judge(problem, sol, tests=tests, workers=workers)
    assert res.verdict.value == "AC", res.verdict
    return time.perf_counter() - start


def main() -> None:
    problem = get_problem("2667")
    tests = (build_tests(problem) * 2)[:30]
    with tempfile.TemporaryDirectory() as tmp:
        sol = Path(tmp) / "sol.py"  # the problem's own reference, run as a user's solution
        sol.write_text((problem.path / "ref.py").read_text(encoding="utf-8"), encoding="utf-8")
        judged(problem, sol, tests[:4], 1)  # warm up: spawner, caches
        by_hand(sol, tests[:4])
        hand, one, par = [], [], []
        for _ in range(ROUNDS):  # interleaved, so background load hits all three alike
            hand.append(by_hand(sol, tests))
            one.append(judged(problem, sol, tests, 1))
            par.append(judged(problem, sol, tests, None))
        n = len(tests)
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
              f"load average {os.getloadavg()[0]:.2f}; {ROUNDS} rounds, median (best)")
        for label, xs in (("by hand, one after another", hand), ("judge, 1 worker", one),
                          (f"judge, {os.cpu_count()} workers", par)):
            print(f"{label:28s} {statistics.median(xs) * 1000:6.0f} ms ({min(xs) * 1000:.0f}) "
                  f"for {n} tests = {statistics.median(xs) / n * 1000:.1f} ms/test")
        over = [(o - h) / n * 1000 for o, h in zip(one, hand, strict=True)]
        print(f"per-test overhead over by hand: {statistics.median(over):+.1f} ms "
              f"(best {(min(one) - min(hand)) / n * 1000:+.1f} ms; budget <= 10 ms)")
        print(f"{os.cpu_count()} workers vs by hand: "
              f"{statistics.median(hand) / statistics.median(par):.2f}x faster "
              f"(best {min(hand) / min(par):.2f}x)")
        cases = 300
        start = time.perf_counter()
        for ev in stress_events(problem, sol, cases, seed=1):
            if isinstance(ev, StressFinished):
                res = ev.result
        wall = time.perf_counter() - start
        assert not res.failed
        print(f"stress: {res.cases} cases in {wall:.2f} s = {res.cases / wall:.0f} cases/s "
              f"(Python solution + in-process reference, {os.cpu_count()} workers)")


if __name__ == "__main__":
    main()
