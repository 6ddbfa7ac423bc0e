"""Every call of the peer session into the judge, in one module.

:func:`judge_team` judges each member's solution on ONE generated test set (built once, from
the judge's cache) and runs the members side by side, splitting the cores between them so the
team costs no more than judging them one after another: ``k`` members at a time, each with
``cores // k`` test workers (never more test processes than cores). Side by side, one member's
compile overlaps another's tests (compiling is most of a C/C++ member's time), and a member
that times out wastes only its own few workers. :func:`stress_team` runs each
random case on every member, stops at the first case on which any member disagrees with the
reference, shrinks it while that member still fails, and reruns everyone on the small input.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from studylog.errors import UserError
from studylog.judge import languages, runner, shrink, stress
from studylog.judge.problems import bank
from studylog.judge.problems import cases as tests_gen
from studylog.judge.verdicts import Verdict
from studylog.peer.team import Solution

#: Verdicts from best to worst (for the best verdict of a member with several files).
RANK = ("AC", "WA", "PE", "OLE", "TLE", "MLE", "RE", "CE", "SKIP")


@dataclass(frozen=True)
class ProblemInfo:
    """The problem's id and titles."""

    id: str
    title: str
    title_en: str


@dataclass(frozen=True)
class MemberRun:
    """One solution file's result."""

    solution: Solution
    language: str
    verdict: str
    passed: int
    total: int
    time_ms: int
    memory_kb: int
    lines: int
    first_failure: str = ""  # "#12 random 3" (empty when all passed)
    message: str = ""  # the compiler's first line (CE) or why it could not run


@dataclass(frozen=True)
class MemberRow:
    """A member's best run and every run of theirs."""

    member: str
    best: MemberRun
    runs: tuple[MemberRun, ...]


@dataclass
class TeamJudgement:
    """The members' table of one problem."""

    problem: ProblemInfo
    tests: int
    seconds: float
    rows: list[MemberRow] = field(default_factory=list)


@dataclass(frozen=True)
class MemberOutcome:
    """One member on the disagreeing input."""

    member: str
    verdict: str
    received: str


@dataclass
class TeamStress:
    """The outcome of :func:`stress_team`: no disagreement, or the shrunk input and who fails."""

    problem: ProblemInfo
    cases: int
    found: bool = False
    index: int = 0
    input: str = ""
    expected: str = ""
    outcomes: list[MemberOutcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # members whose file did not compile

    @property
    def failing(self) -> list[str]:
        """Members that fail the input."""
        return [o.member for o in self.outcomes if o.verdict != "AC"]

    @property
    def passing(self) -> list[str]:
        """Members that pass it."""
        return [o.member for o in self.outcomes if o.verdict == "AC"]


def problem_info(problem_id: str, db_path: Path | None = None) -> ProblemInfo:
    """The problem's titles (UserError for an unknown id)."""
    p = bank.get_problem(problem_id, db_path)
    return ProblemInfo(p.id, p.title, p.title_en)


def check_stress(problem_id: str, db_path: Path | None = None) -> None:
    """UserError unless the problem can be stress tested (a reference and a generator)."""
    bank.get_problem(problem_id, db_path).require_stress()


def _rank(verdict: str) -> int:
    return RANK.index(verdict) if verdict in RANK else len(RANK)


def _run_one(problem: bank.Problem, sol: Solution, tests: list[tests_gen.TestCase],
             workers: int) -> MemberRun:
    lines = len(sol.text().splitlines())
    try:
        res = runner.judge(problem, sol.path, tests=tests, workers=workers)
    except UserError as exc:  # e.g. a compiler that is not installed: said in the table
        return MemberRun(sol, sol.path.suffix.lstrip("."), "CE", 0, len(tests), 0, 0, lines,
                         message=str(exc))
    fail = res.first_failure
    first = f"#{fail.index} {fail.name}" if fail is not None and fail.verdict is not Verdict.CE \
        else ""
    message = (res.compile_message.strip().splitlines() or [""])[-1] if res.compile_message else ""
    return MemberRun(sol, res.language, res.verdict.value, res.passed, res.total, res.time_ms,
                     res.memory_kb, lines, first, message)


def judge_team(problem_id: str, solutions: list[Solution], *, db_path: Path | None = None,
               workers: int | None = None) -> TeamJudgement:
    """Judge every solution on the same tests, the members side by side on all cores."""
    problem = bank.get_problem(problem_id, db_path)
    start = time.monotonic()
    tests = tests_gen.build_tests(problem)
    cores = workers or runner.workers_default()
    at_once = max(1, min(len(solutions), cores))
    per = max(1, cores // at_once)
    with ThreadPoolExecutor(max_workers=at_once, thread_name_prefix="studylog-peer") as pool:
        runs = list(pool.map(lambda s: _run_one(problem, s, tests, per), solutions))
    out = TeamJudgement(ProblemInfo(problem.id, problem.title, problem.title_en), len(tests), 0.0)
    for member in sorted({r.solution.member for r in runs}):
        mine = tuple(r for r in runs if r.solution.member == member)
        best = min(mine, key=lambda r: (_rank(r.verdict), -r.passed, r.time_ms))
        out.rows.append(MemberRow(member, best, mine))
    out.seconds = time.monotonic() - start
    return out


def stress_team(problem_id: str, solutions: list[Solution], n: int, *, seed: int = 1,
                db_path: Path | None = None, workers: int | None = None) -> TeamStress:
    """Look for an input on which some member disagrees with the reference; shrink it."""
    problem = bank.get_problem(problem_id, db_path)
    problem.require_stress()
    info = ProblemInfo(problem.id, problem.title, problem.title_en)
    result = TeamStress(info, 0)
    cores = workers or runner.workers_default()
    build_root = Path(tempfile.mkdtemp(prefix="studylog-peer-"))
    kill = threading.Event()
    try:
        built: list[tuple[str, list[str], runner.Limits]] = []
        for i, sol in enumerate(solutions):
            try:
                lang = languages.detect(sol.path)
                b = languages.build(sol.path, lang, build_root / str(i), problem.memory_mb)
            except UserError:
                result.skipped.append(sol.member)
                continue
            if not b.ok:
                result.skipped.append(sol.member)
                continue
            built.append((sol.member, b.argv, runner.limits_for(problem, lang)))
        if not built:
            return result

        def run(k: int, text: str, expected: str) -> str:
            member, argv, limits = built[k]
            case = tests_gen.TestCase("stress", "stress", text, expected)
            r = runner.run_test(argv, problem, limits, case, 0, kill)
            return r.verdict.value + "\0" + r.received

        with ThreadPoolExecutor(max_workers=cores, thread_name_prefix="studylog-peer") as pool:
            def verdicts(text: str) -> list[str]:
                expected = tests_gen.reference_output(problem, text)
                return list(pool.map(lambda k: run(k, text, expected), range(len(built))))

            first: tuple[int, str, int] | None = None  # case, input, failing member
            batch = max(1, 2 * cores // len(built))  # cases in flight: every core busy
            for base in range(0, n, batch):
                texts = [stress.case_input(problem, seed, i)
                         for i in range(base, min(n, base + batch))]
                answers = [tests_gen.reference_output(problem, t) for t in texts]
                futures = [[pool.submit(run, k, t, a) for k in range(len(built))]
                           for t, a in zip(texts, answers, strict=True)]
                for offset, row in enumerate(futures):
                    result.cases += 1
                    bad = [k for k, f in enumerate(row) if not f.result().startswith("AC\0")]
                    if bad:
                        first = (base + offset + 1, texts[offset], bad[0])
                        break
                for row in futures:
                    for f in row:
                        f.cancel()
                if first is not None:
                    break
            if first is None:
                return result
            index, text, who = first
            text = _shrunk(problem, text, who, run, pool.map, cores)
            expected = tests_gen.reference_output(problem, text)
            got = verdicts(text)
        result.found, result.index, result.input, result.expected = True, index, text, expected
        for (member, _, _), v in zip(built, got, strict=True):
            verdict, _, received = v.partition("\0")
            result.outcomes.append(MemberOutcome(member, verdict, received))
        return result
    finally:
        kill.set()
        shutil.rmtree(build_root, ignore_errors=True)


def _shrunk(problem: bank.Problem, text: str, who: int, run, map_fn, batch: int) -> str:
    """``text`` shrunk (the problem's gen.parse/render/shrink) while member ``who`` fails."""
    gen = problem.module("gen")
    if gen is None or not all(hasattr(gen, f) for f in ("parse", "render", "shrink")):
        return text
    deadline = time.monotonic() + stress.SHRINK_SECONDS

    def fails(obj: object) -> bool:
        if time.monotonic() > deadline:
            return False
        candidate = gen.render(obj)
        expected = tests_gen.reference_output(problem, candidate)
        return not run(who, candidate, expected).startswith("AC\0")

    done = shrink.shrink(gen.parse(text), fails, gen.shrink, batch=batch,
                         max_evaluations=stress.SHRINK_EVALUATIONS, map_fn=map_fn)
    return str(gen.render(done.value))
