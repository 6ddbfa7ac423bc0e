"""The result model of a judge run, apart from the judge loop: one test's outcome and the run's.

Both are plain dataclasses that cross into the CLI and the app as they are; :meth:`JudgeResult.to_json`
is DESIGN.md's judge JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from studylog.judge import checker
from studylog.judge.verdicts import Verdict


@dataclass
class TestResult:
    """The outcome of one test."""

    index: int  # 1-based position in the run
    name: str
    kind: str
    verdict: Verdict
    time_ms: int = 0
    memory_kb: int = 0
    exit_code: int | None = 0
    signal: int | None = None
    input: str = ""
    expected: str = ""
    received: str = ""
    stderr: str = ""
    checker_message: str = ""  # a special judge's comment

    __test__ = False  # not a pytest class

    def to_json(self) -> dict[str, Any]:
        """The per-test summary (no input/output texts)."""
        return {
            "index": self.index, "name": self.name, "kind": self.kind,
            "verdict": self.verdict.value, "time_ms": self.time_ms, "memory_kb": self.memory_kb,
            "exit_code": self.exit_code, "signal": self.signal,
        }


@dataclass
class JudgeResult:
    """The whole run: verdict, counts, maxima and every test's result (in test order)."""

    problem_id: str
    language: str
    language_name: str
    verdict: Verdict
    passed: int
    total: int
    time_ms: int
    memory_kb: int
    tests: list[TestResult] = field(default_factory=list)
    compile_message: str = ""
    cancelled: bool = False
    attempt_id: int | None = None
    time_limit_ms: int = 0  # the CPU limit with the language's allowance
    sandbox: str = ""  # "bwrap" or "rlimit": what the tests ran in
    checker: str = "boj"  # the problem's checker kind (see checker.py)

    @property
    def first_failure(self) -> TestResult | None:
        """The first test (in order) that did not pass, or None."""
        for t in self.tests:
            if t.verdict not in (Verdict.AC, Verdict.SKIP):
                return t
        return None

    def to_json(self) -> dict[str, Any]:
        """The result as DESIGN.md's judge JSON."""
        data: dict[str, Any] = {
            "problem": self.problem_id, "language": self.language,
            "verdict": self.verdict.value, "verdict_ko": self.verdict.korean,
            "passed": self.passed, "total": self.total,
            "time_ms": self.time_ms, "memory_kb": self.memory_kb,
            "tests": [t.to_json() for t in self.tests],
            "time_limit_ms": self.time_limit_ms,
            "cancelled": self.cancelled, "attempt_id": self.attempt_id,
            "sandbox": self.sandbox,
            "checker": self.checker,
        }
        if self.compile_message:
            data["compile_message"] = self.compile_message
        fail = self.first_failure
        if fail is not None and fail.verdict is not Verdict.CE:
            data["first_failure"] = {
                "index": fail.index, "name": fail.name, "input": cut(fail.input, 2000),
                "expected": cut(fail.expected, 2000), "received": cut(fail.received, 2000),
                "diff": checker.diff(fail.expected, fail.received),
                "stderr": cut(fail.stderr, 2000), "checker_message": fail.checker_message,
            }
        return data


def cut(text: str, limit: int) -> str:
    """``text`` cut to about ``limit`` characters, saying how much was left out."""
    if len(text) <= limit:
        return text
    return text[:limit] + f"\n... ({len(text) - limit} more characters)\n"
