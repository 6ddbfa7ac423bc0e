"""Problem-archive benchmarks: importing a plain folder of tests, and what each checker costs.

Run from the repository root:  python bench/bench_archive.py
Prints: (1) `problems add` of a plain folder of 200 test pairs (scan, read, stage, validate,
move), (2) the time per check of each built-in checker on a 2252-sized output and of 2252's
special judge (a Python subprocess per test), (3) 2252 judged with a Python solution on its
19 tests, special judge vs the same tests compared token by token.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from studylog.judge.checkers.compare import judge_output  # noqa: E402
from studylog.judge.problems import add as archive_write  # noqa: E402
from studylog.judge.problems.bank import get_problem, load_problem  # noqa: E402
from studylog.judge.problems.cases import build_tests  # noqa: E402
from studylog.judge.runner import judge  # noqa: E402

ROUNDS = 5
SOLUTION = Path(__file__).resolve().parents[1] / "data/problems/2252/ref.py"


def median_ms(fn, rounds: int = ROUNDS) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-archive-"))
    os.environ["STUDYLOG_CACHE"] = str(tmp / "cache")
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, load average "
          f"{load:.2f}; {ROUNDS} rounds, median (best)")
    src = tmp / "plain"
    src.mkdir()
    for i in range(1, 201):
        (src / f"{i}.in").write_text(f"{i} {i + 1}\n" * 50)
        (src / f"{i}.out").write_text(f"{2 * i + 1}\n")
    n = [0]

    def add() -> None:
        n[0] += 1
        os.environ["STUDYLOG_PROBLEMS"] = str(tmp / f"bank{n[0]}")
        archive_write.add(archive_write.plan(src, archive_write.AddOptions(id="plain")))

    med, best = median_ms(add)
    print(f"problems add, plain folder of 200 pairs   {med:7.1f} ms ({best:.1f})")
    p = get_problem("2252")
    tests = build_tests(p)
    case = max(tests, key=lambda t: len(t.input))
    for kind in ("exact", "boj", "tokens", "unordered", "float"):
        med, best = median_ms(lambda k=kind: [judge_output(k, p.path, case.input, case.expected,
                                                           case.expected) for _ in range(20)])
        print(f"checker {kind:<9} per check ({len(case.expected)} chars) {med / 20:7.2f} ms "
              f"({best / 20:.2f})")
    med, best = median_ms(lambda: [judge_output("special", p.path, case.input, case.expected,
                                                case.expected) for _ in range(5)])
    print(f"checker special   per check (checker.py)     {med / 5:7.2f} ms ({best / 5:.2f})")
    tokens = tmp / "2252-tokens"
    tokens.mkdir()
    for f in p.path.iterdir():
        if f.is_file():
            (tokens / f.name).write_bytes(f.read_bytes())
    (tokens / "samples").mkdir()
    toml = (tokens / "problem.toml").read_text().replace('checker = "special"', 'checker = "tokens"')
    (tokens / "problem.toml").write_text(toml)
    q = load_problem(tokens)
    for label, prob in (("special judge", p), ("tokens", q)):
        med, best = median_ms(lambda pr=prob: judge(pr, SOLUTION, tests=tests))
        print(f"judge 2252, {len(tests)} tests, {label:<13}    {med:7.1f} ms ({best:.1f})")


if __name__ == "__main__":
    main()
