"""A problem's tests: samples, the fixed tests of ``tests/`` (answers given), the generator's
edge cases and seeded random cases (expected outputs from the reference; none without one).
Built tests are cached on disk (``$STUDYLOG_CACHE`` or the user cache dir), keyed by a hash of
the problem folder, so the reference runs once per problem version."""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from platformdirs import user_cache_dir

from studylog.errors import UserError
from studylog.judge.problems.bank import Problem, group_of
from studylog.words import say

CACHE_VERSION = 3
RANDOM_SEED_BASE = 20_000


@dataclass
class TestCase:
    """One test: a name shown to the user, its kind, the input and the expected output."""

    name: str
    kind: str  # sample, test, edge, random, regression, stress
    input: str
    expected: str
    group: str = ""  # its test group (an ICPC package's data/secret/GROUP), "" for none

    __test__ = False  # not a pytest class


def cache_dir() -> Path:
    """Where built tests are cached."""
    env = os.environ.get("STUDYLOG_CACHE")
    return Path(env).expanduser() if env else Path(user_cache_dir("studylog", appauthor=False))


def reference_output(problem: Problem, text: str) -> str:
    """The expected output for ``text``: the reference's ``solve`` in-process, else ref.py run
    in the sandbox as a Python program."""
    ref = problem.module("ref")
    if ref is None:
        raise UserError(say(f"문제 {problem.id}에 ref.py가 없습니다",
                            f"problem {problem.id} has no ref.py"))
    solve = getattr(ref, "solve", None)
    if callable(solve):
        out = solve(text)
        return out if out.endswith("\n") or not out else out + "\n"
    from studylog.judge.sandbox import Limits, run

    limits = Limits(cpu_ms=60_000, wall_ms=120_000, memory_kb=None, output_bytes=1 << 28)
    res = run([sys.executable, str(problem.path / "ref.py")], text.encode(), limits)
    if res.exit_code != 0:
        why = res.stderr.strip()[-300:]
        raise UserError(say(f"{problem.id}의 정답 코드(ref.py)가 실패했습니다: {why}",
                            f"the reference of {problem.id} failed: {why}"))
    return res.stdout


def random_input(problem: Problem, seed: int, size: float) -> str:
    """One generated input: ``gen.generate(random.Random(seed), size)`` (size in (0, 1])."""
    gen = problem.module("gen")
    if gen is None or not hasattr(gen, "generate"):
        raise UserError(say(f"문제 {problem.id}에 generate(rng, size)가 있는 gen.py가 없습니다",
                            f"problem {problem.id} has no gen.py with generate(rng, size)"))
    text = gen.generate(random.Random(seed), size)
    return text if text.endswith("\n") else text + "\n"


def _build(problem: Problem) -> list[TestCase]:
    tests = [TestCase(n, "sample", i, o) for n, i, o in problem.samples()]
    tests += [TestCase(n, "test", i, o, group_of(n)) for n, i, o in problem.fixed_tests()]
    gen = problem.module("gen") if problem.has_reference else None
    if gen is not None and hasattr(gen, "edge_cases"):
        for name, text in gen.edge_cases():
            text = text if text.endswith("\n") or not text else text + "\n"  # no input stays none
            tests.append(TestCase(name, "edge", text, reference_output(problem, text)))
    count = problem.random_tests if gen is not None else 0
    for i in range(count):
        size = (i + 1) / count
        text = random_input(problem, RANDOM_SEED_BASE + i, size)
        tests.append(TestCase(f"random {i + 1}", "random", text, reference_output(problem, text)))
    return tests


def build_tests(problem: Problem, *, use_cache: bool = True) -> list[TestCase]:
    """The problem's tests in order: samples, fixed tests, edge cases, random cases (cached on
    disk)."""
    path = cache_dir() / "tests" / f"{problem.id}-{problem.fingerprint()}-v{CACHE_VERSION}.json"
    if use_cache and path.is_file():
        try:
            return [TestCase(**d) for d in json.loads(path.read_text(encoding="utf-8"))]
        except (ValueError, TypeError):
            pass  # a damaged cache file is rebuilt
    tests = _build(problem)
    if use_cache:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump([asdict(t) for t in tests], fh, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only cache only costs speed
    return tests
