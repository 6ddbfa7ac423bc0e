"""Stress testing: random cases against the reference until one fails, then shrink it.

:func:`stress_events` yields :class:`StressProgress` per case, :class:`StressFound` on the first
failure, :class:`ShrinkStep` per accepted reduction and a final :class:`StressFinished`. Cases run
in parallel (one per core); the failure reported is the lowest-numbered one. Case ``i`` of seed
``S`` is always the same input, so ``--seed`` reproduces a run. Cases are biased towards small
sizes, which find bugs with inputs a person can read.
"""

from __future__ import annotations

import random
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studylog.judge import languages
from studylog.judge.problems.bank import Problem
from studylog.judge.problems.cases import TestCase, reference_output
from studylog.judge.runner import TestResult, limits_for, run_test, workers_default
from studylog.judge.shrink import shrink
from studylog.judge.verdicts import Verdict

SHRINK_EVALUATIONS = 400
SHRINK_SECONDS = 30.0


@dataclass
class StressProgress:
    """Event: ``done`` of ``total`` cases checked."""

    done: int
    total: int


@dataclass
class StressFound:
    """Event: case ``index`` failed with ``verdict``; shrinking starts."""

    index: int
    verdict: Verdict
    input: str


@dataclass
class ShrinkStep:
    """Event: a smaller failing input was found (``size`` characters)."""

    steps: int
    evaluations: int
    size: int


@dataclass
class StressResult:
    """The outcome: no failure in ``cases`` cases, or the failing and the minimal input."""

    problem_id: str
    language: str
    seed: int
    cases: int
    total: int
    seconds: float
    failed: bool
    verdict: Verdict = Verdict.AC
    compile_message: str = ""
    original_input: str = ""
    minimal: TestResult | None = None
    shrink_steps: int = 0
    shrink_evaluations: int = 0
    cancelled: bool = False

    @property
    def cases_per_s(self) -> float:
        """Throughput of the random phase."""
        return self.cases / self.seconds if self.seconds > 0 else 0.0

    def to_json(self) -> dict[str, Any]:
        """The result as JSON."""
        data: dict[str, Any] = {
            "problem": self.problem_id, "language": self.language, "seed": self.seed,
            "cases": self.cases, "total": self.total, "failed": self.failed,
            "verdict": self.verdict.value, "verdict_ko": self.verdict.korean,
            "cases_per_s": round(self.cases_per_s, 1), "cancelled": self.cancelled,
        }
        if self.compile_message:
            data["compile_message"] = self.compile_message
        if self.minimal is not None:
            data.update(
                original_input=self.original_input, minimal_input=self.minimal.input,
                expected=self.minimal.expected, received=self.minimal.received,
                shrink_steps=self.shrink_steps, shrink_evaluations=self.shrink_evaluations,
            )
        return data


@dataclass
class StressFinished:
    """Event: the final result."""

    result: StressResult


def case_input(problem: Problem, seed: int, index: int) -> str:
    """Stress case ``index`` of ``seed``: a small-biased size, then the problem's generator."""
    rng = random.Random(f"{problem.id}:{seed}:{index}")
    size = max(0.01, rng.random() ** 2)
    gen = problem.module("gen")
    assert gen is not None
    text = gen.generate(rng, size)
    return text if text.endswith("\n") else text + "\n"


def stress_events(
    problem: Problem, source: Path, n: int, *, seed: int = 1, lang: str | None = None,
    cancel: threading.Event | None = None, workers: int | None = None,
) -> Iterator[StressProgress | StressFound | ShrinkStep | StressFinished]:
    """Run up to ``n`` random cases of ``source`` against the reference; shrink the first
    failure. Honours ``cancel`` between cases and shrink steps."""
    language = languages.detect(source, lang)
    limits = limits_for(problem, language)
    workers = workers or workers_default()
    build_dir = Path(tempfile.mkdtemp(prefix="studylog-build-"))
    result = StressResult(problem.id, language.key, seed, 0, n, 0.0, False)
    kill = threading.Event()
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="studylog-stress")
    try:
        b = languages.build(source, language, build_dir, problem.memory_mb, cancel=cancel)
        if not b.ok:
            result.failed, result.verdict, result.compile_message = True, Verdict.CE, b.message
            yield StressFinished(result)
            return

        def check(text: str, index: int, name: str) -> TestResult:
            case = TestCase(name, "stress", text, reference_output(problem, text))
            return run_test(b.argv, problem, limits, case, index, kill, b.static_kb)

        start = time.monotonic()
        failures: list[TestResult] = []
        pending: set[Future[TestResult]] = set()
        next_index = 0
        while next_index < n or pending:
            while next_index < n and len(pending) < workers * 2 and not failures:
                if cancel is not None and cancel.is_set():
                    break
                text = case_input(problem, seed, next_index)
                next_index += 1
                pending.add(pool.submit(check, text, next_index, f"stress {next_index}"))
            if not pending:
                break
            done, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            if cancel is not None and cancel.is_set():
                kill.set()
            for fut in done:
                r = fut.result()
                result.cases += 1
                if r.verdict not in (Verdict.AC, Verdict.SKIP):
                    failures.append(r)
                yield StressProgress(result.cases, n)
        result.seconds = time.monotonic() - start
        result.cancelled = cancel is not None and cancel.is_set()
        if not failures:
            yield StressFinished(result)
            return
        first = min(failures, key=lambda r: r.index)
        result.failed, result.verdict, result.original_input = True, first.verdict, first.input
        result.minimal = first
        yield StressFound(first.index, first.verdict, first.input)
        yield from _shrink(problem, first, check, pool, workers, result, cancel)
        yield StressFinished(result)
    finally:
        kill.set()
        pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(build_dir, ignore_errors=True)


def _shrink(problem, first, check, pool, workers, result, cancel) -> Iterator[ShrinkStep]:
    gen = problem.module("gen")
    if gen is None or not all(hasattr(gen, f) for f in ("parse", "render", "shrink")):
        return  # the problem gives no way to shrink: the failing case is shown as found
    deadline = time.monotonic() + SHRINK_SECONDS
    stop = threading.Event()
    results: dict[str, TestResult] = {first.input: first}
    steps: list[ShrinkStep] = []  # appended by the shrinking thread, yielded here

    def fails(obj: Any) -> bool:
        if stop.is_set() or (cancel is not None and cancel.is_set()):
            return False
        if time.monotonic() > deadline:
            stop.set()
            return False
        text = gen.render(obj)
        r = check(text, 0, "shrunk")
        if r.verdict not in (Verdict.AC, Verdict.SKIP):
            results[text] = r
            return True
        return False

    def on_step(obj: Any, evaluations: int) -> None:
        steps.append(ShrinkStep(len(steps) + 1, evaluations, len(gen.render(obj))))

    box: list[Any] = []
    worker = threading.Thread(target=lambda: box.append(shrink(
        gen.parse(first.input), fails, gen.shrink, batch=workers,
        max_evaluations=SHRINK_EVALUATIONS, map_fn=pool.map, cancel=stop, on_step=on_step)))
    worker.start()
    shown = 0
    while worker.is_alive() or shown < len(steps):
        worker.join(0.1)
        if cancel is not None and cancel.is_set():
            stop.set()
        while shown < len(steps):  # live progress for the caller
            yield steps[shown]
            shown += 1
    shrunk = box[0]
    final = results.get(gen.render(shrunk.value), first)
    result.minimal = final
    result.verdict = final.verdict
    result.shrink_steps, result.shrink_evaluations = shrunk.steps, shrunk.evaluations
