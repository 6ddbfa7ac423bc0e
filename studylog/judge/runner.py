"""Judge a solution: compile once, run every test in parallel, yield results as they finish.

:func:`judge_events` is the UI-free API (the CLI and a TUI worker thread consume its events and
may set a ``threading.Event`` to cancel); :func:`judge` returns only the final result. Tests run
on a thread pool (one thread per core, each driving one sandboxed process). Like BOJ, the
submission's verdict is the first failing test's in test order. After a time-out, tests not yet
started are skipped (each would cost the whole limit). :class:`TestResult` and
:class:`JudgeResult` are the result model; they cross into the CLI and the app as they are.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studylog.judge import languages
from studylog.judge.checkers import compare as checker
from studylog.judge.problems.bank import Problem
from studylog.judge.problems.cases import TestCase, build_tests
from studylog.judge.sandbox import BoxPool, Limits, Outcome, run, sandbox_name
from studylog.judge.sandbox.backend import STACK_UNLIMITED
from studylog.judge.verdicts import Verdict, overall


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
    skipped_because: str = ""  # not run: "stopped" (after a TLE), "cancelled", "compile error"
    group: str = ""  # its test group ("" for none)

    __test__ = False  # not a pytest class

    @property
    def ran(self) -> bool:
        """Whether the test ran (a test not run has no verdict of its own; its ``verdict``
        field says SKIP and ``skipped_because`` says why)."""
        return self.verdict is not Verdict.SKIP

    def to_json(self) -> dict[str, Any]:
        """The per-test summary (no input/output texts; ``group`` where it has one); ``ran``
        False with ``not_run`` (why) for a test that was not run."""
        data: dict[str, Any] = {
            "index": self.index, "name": self.name, "kind": self.kind,
            "verdict": self.verdict.value, "time_ms": self.time_ms, "memory_kb": self.memory_kb,
            "exit_code": self.exit_code, "signal": self.signal,
            "ran": self.ran, "not_run": None if self.ran else (self.skipped_because or "stopped"),
        }
        if self.group:
            data["group"] = self.group
        return data


@dataclass(frozen=True)
class GroupResult:
    """One test group's result: its verdict (the first failing test's), passed of total."""

    group: str
    verdict: Verdict
    passed: int
    total: int
    time_ms: int

    def to_json(self) -> dict[str, Any]:
        """The group's row of ``--json`` ``groups``."""
        return {"group": self.group, "verdict": self.verdict.value, "passed": self.passed,
                "total": self.total, "time_ms": self.time_ms}


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
    checker: str = "boj"  # the problem's checker kind (see checkers/spec.py)

    @property
    def groups(self) -> list[GroupResult]:
        """Per test group (in test order), where the problem has groups; else empty."""
        names: list[str] = []
        for t in self.tests:
            if t.group and t.group not in names:
                names.append(t.group)
        out = []
        for g in names:
            ts = [t for t in self.tests if t.group == g]
            ran = [t.time_ms for t in ts if t.verdict is not Verdict.SKIP]
            every_skip = all(t.verdict is Verdict.SKIP for t in ts)
            out.append(GroupResult(g, Verdict.SKIP if every_skip else overall([t.verdict for t in ts]),
                                   sum(t.verdict is Verdict.AC for t in ts), len(ts),
                                   max(ran, default=0)))
        return out

    @property
    def first_failure(self) -> TestResult | None:
        """The first test (in order) that did not pass, or None."""
        for t in self.tests:
            if t.verdict not in (Verdict.AC, Verdict.SKIP):
                return t
        return None

    def to_json(self) -> dict[str, Any]:
        """The result as the judge's ``--json``."""
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
        if any(t.group for t in self.tests):
            data["groups"] = [g.to_json() for g in self.groups]
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

THREADS = 640  # RLIMIT_NPROC of a test: processes and threads (500 threads must run)
MLE_MARKERS = ("MemoryError", "std::bad_alloc", "java.lang.OutOfMemoryError")


@dataclass
class Compiled:
    """Event: the compile step finished (``ok`` False means CE, with the compiler's message)."""

    language: languages.Language
    ok: bool
    message: str
    total: int


@dataclass
class TestDone:
    """Event: one test finished (``done`` of ``total`` so far)."""

    result: TestResult
    done: int
    total: int

    __test__ = False  # not a pytest class


@dataclass
class Finished:
    """Event: the run is over; the final result."""

    result: JudgeResult


Event = Compiled | TestDone | Finished


def limits_for(problem: Problem, language: languages.Language) -> Limits:
    """The sandbox limits of ``problem`` for ``language`` (with the language's time allowance)."""
    cpu = language.time_limit_ms(problem.time_limit_ms)
    mem_kb = problem.memory_mb * 1024
    return Limits(
        cpu_ms=cpu, wall_ms=cpu * 2 + 1000,
        memory_kb=mem_kb if language.address_limit else None,
        output_bytes=problem.output_limit_kb * 1024,
        # no stack limit: the main stack is bounded by the address space, and threads get
        # glibc's default stack (with a stack limit they would each reserve that much)
        stack_kb=STACK_UNLIMITED if language.address_limit else mem_kb,
        processes=THREADS, seccomp=language.address_limit,
    )


def classify(out: Outcome, limits: Limits, problem: Problem, expected: str,
             input_text: str = "", notes: list[str] | None = None,
             static_kb: int = 0) -> Verdict:
    """Turn a run's raw outcome into a verdict (a special judge's comment goes to ``notes``);
    ``static_kb`` is the program's static memory (data + bss), MLE when over the limit."""
    if out.cancelled:
        return Verdict.SKIP
    if out.output_limited:
        return Verdict.OLE
    mem_kb = problem.memory_mb * 1024
    if out.memory_limited and limits.memory_kb is not None:
        return Verdict.MLE  # the waiter stopped it over the memory limit (resident set)
    if limits.memory_kb is not None and out.memory_kb > mem_kb:
        return Verdict.MLE  # over the limit, also when it then ran out of time
    if out.timed_out:
        return Verdict.TLE
    if limits.memory_kb is not None and static_kb > mem_kb:
        return Verdict.MLE  # a static array over the limit (it dies at load, or never used)
    failed = out.exit_code != 0
    if out.signal == signal.SIGSYS and limits.seccomp and limits.memory_kb is not None:
        return Verdict.MLE  # one mmap larger than the limit (the box's seccomp filter)
    if failed and any(m in out.stderr[-3000:] for m in MLE_MARKERS):
        return Verdict.MLE
    if failed and limits.memory_kb is not None and out.memory_kb > 0.9 * mem_kb:
        return Verdict.MLE  # e.g. a C malloc that returned NULL near the limit
    if failed:
        return Verdict.RE
    checked = checker.judge_output(problem.checker_spec, problem.path, input_text, expected, out.stdout)
    (notes if notes is not None else []).append(checked.message)
    return checked.verdict


def run_test(
    argv: list[str], problem: Problem, limits: Limits, test: TestCase, index: int,
    cancel: threading.Event | None = None, static_kb: int = 0, pool: BoxPool | None = None,
) -> TestResult:
    """Run one test in the sandbox (a box of ``pool`` where given) and judge its output."""
    out = run(argv, test.input.encode("utf-8"), limits, cancel=cancel, pool=pool)
    notes: list[str] = []
    verdict = classify(out, limits, problem, test.expected, test.input, notes, static_kb)
    # stopped on the wall clock before its CPU limit (its CPU time went with the box): wall time
    took = out.wall_ms if out.timed_out and out.cpu_ms < limits.cpu_ms else out.cpu_ms
    return TestResult(
        index=index, name=test.name, kind=test.kind, verdict=verdict, time_ms=took,
        memory_kb=out.memory_kb, exit_code=out.exit_code, signal=out.signal, input=test.input,
        expected=test.expected, received=out.stdout, stderr=out.stderr,
        checker_message="\n".join(n for n in notes if n), group=test.group,
    )


def summarize(problem: Problem, language: languages.Language, results: list[TestResult],
              *, cancelled: bool = False, compile_message: str = "") -> JudgeResult:
    """The final result from per-test results (sorted into test order)."""
    results = sorted(results, key=lambda r: r.index)
    verdict = overall([r.verdict for r in results])
    ran = [r for r in results if r.verdict is not Verdict.SKIP]
    return JudgeResult(
        problem_id=problem.id, language=language.key, language_name=language.name,
        verdict=verdict, passed=sum(r.verdict is Verdict.AC for r in results), total=len(results),
        time_ms=max((r.time_ms for r in ran), default=0),
        memory_kb=max((r.memory_kb for r in ran), default=0),
        tests=results, compile_message=compile_message, cancelled=cancelled, checker=problem.checker,
    )


def workers_default() -> int:
    """One worker per core."""
    return max(1, os.cpu_count() or 1)


def judge_events(
    problem: Problem,
    source: Path,
    *,
    lang: str | None = None,
    tests: list[TestCase] | None = None,
    extra_first: list[TestCase] | None = None,
    cancel: threading.Event | None = None,
    workers: int | None = None,
) -> Iterator[Event]:
    """Judge ``source`` on ``problem``, yielding :class:`Compiled`, one :class:`TestDone` per
    test as it finishes, and a final :class:`Finished`.

    ``tests`` defaults to the problem's tests; ``extra_first`` (the user's regression cases) run
    before them. Setting ``cancel`` kills the running processes and skips the rest.
    """
    language = languages.detect(source, lang)
    cases = list(extra_first or []) + (tests if tests is not None else build_tests(problem))
    limits = limits_for(problem, language)
    build_dir = Path(tempfile.mkdtemp(prefix="studylog-build-"))
    try:
        b = languages.build(source, language, build_dir, problem.memory_mb, cancel=cancel)
        yield Compiled(language, b.ok, b.message, len(cases))
        if not b.ok:
            ce = [TestResult(i + 1, c.name, c.kind, Verdict.CE if i == 0 else Verdict.SKIP,
                             skipped_because="" if i == 0 else "compile error",
                             group=c.group) for i, c in enumerate(cases)]
            res = summarize(problem, language, ce, compile_message=b.message)
            res.verdict = Verdict.CE
            res.time_limit_ms = limits.cpu_ms
            res.sandbox = sandbox_name()
            yield Finished(res)
            return
        yield from _run_all(problem, language, b.argv, limits, cases, cancel, workers,
                            b.static_kb)
    finally:
        shutil.rmtree(build_dir, ignore_errors=True)


def _run_all(problem: Problem, language: languages.Language, argv: list[str], limits: Limits,
             cases: list[TestCase], cancel: threading.Event | None,
             workers: int | None, static_kb: int = 0) -> Iterator[Event]:
    stop = threading.Event()  # set on a time-out: later tests are skipped
    kill = threading.Event()  # set on cancel (or an abandoned generator): running tests die

    def task(i: int, case: TestCase) -> TestResult:
        if stop.is_set() or kill.is_set() or (cancel is not None and cancel.is_set()):
            why = "stopped" if stop.is_set() else "cancelled"
            return TestResult(i + 1, case.name, case.kind, Verdict.SKIP, input=case.input,
                              expected=case.expected, skipped_because=why, group=case.group)
        r = run_test(argv, problem, limits, case, i + 1, kill, static_kb, pool)
        if not r.ran:
            r.skipped_because = "cancelled"
        if r.verdict is Verdict.TLE:
            stop.set()
        return r

    results: list[TestResult] = []
    pool = BoxPool()  # one kept box per worker for the whole run
    threads = ThreadPoolExecutor(max_workers=workers or workers_default(),
                              thread_name_prefix="studylog-judge")
    try:
        pending: set[Future[TestResult]] = {threads.submit(task, i, c)
                                            for i, c in enumerate(cases)}
        while pending:
            done, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            if cancel is not None and cancel.is_set():
                kill.set()
            for fut in done:
                results.append(fut.result())
                yield TestDone(results[-1], len(results), len(cases))
    finally:
        if len(results) < len(cases):  # the consumer stopped early: kill what still runs
            kill.set()
        threads.shutdown(wait=True, cancel_futures=True)
        pool.close()
    final = summarize(problem, language, results, cancelled=cancel is not None and cancel.is_set())
    final.time_limit_ms = limits.cpu_ms
    final.sandbox = sandbox_name()
    yield Finished(final)


def judge(problem: Problem, source: Path, **kwargs: Any) -> JudgeResult:
    """Judge ``source`` and return only the final result (see :func:`judge_events`)."""
    finals = [ev.result for ev in judge_events(problem, source, **kwargs)
              if isinstance(ev, Finished)]
    return finals[-1]
