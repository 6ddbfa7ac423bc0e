"""The offline judge: problem bank, languages, sandboxed runs, checkers, verdicts, stress+shrink.

UI-free. This package is the one door for the CLI and the app: they import what they need from
here (``from studylog.judge import solve_events``), never a submodule. The names load lazily
(module ``__getattr__``), so ``studylog --help`` and ``studylog today`` do not import the judge.

The tree: ``sandbox/`` runs one process under limits (a :class:`~.sandbox.backend.Backend`: the
bubblewrap box or the rlimit fallback) and imports nothing else of the judge; ``checkers/``
compares output (a :class:`~.checkers.spec.CheckerSpec` parsed when the problem loads);
``problems/`` is the bank, the folder formats, test cases and each problem's status; beside them
``runner`` (a run and its results), ``stress`` + ``shrink``, ``records`` (attempt records and history),
``languages``, ``verdicts``, ``service`` (what the UIs call) and ``words`` (every word shown).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from studylog.judge import words
    from studylog.judge.problems.add import AddOptions
    from studylog.judge.problems.add import add as add_planned
    from studylog.judge.problems.add import export as export_problem
    from studylog.judge.problems.add import plan as plan_add
    from studylog.judge.problems.bank import Problem, ProblemStatus, get_problem, list_problems
    from studylog.judge.problems.cases import build_tests
    from studylog.judge.problems.check import CheckReport
    from studylog.judge.problems.check import check as check_submissions
    from studylog.judge.problems.folders import parse_memory, parse_time_limit
    from studylog.judge.problems.packages import export_kattis
    from studylog.judge.problems.status import problem_statuses, statuses
    from studylog.judge.records import attempt, history
    from studylog.judge.report import FailureReport, failure_report, stress_report
    from studylog.judge.runner import Compiled, Event, Finished, JudgeResult, TestDone, TestResult
    from studylog.judge.sandbox import sandbox_name
    from studylog.judge.sandbox.box import probe as sandbox_probe
    from studylog.judge.service import (
        add_problem,
        new_starter,
        solve,
        solve_events,
        stress_and_save,
    )
    from studylog.judge.stress import (
        ShrinkStep,
        StressFinished,
        StressFound,
        StressProgress,
        StressResult,
    )
    from studylog.judge.verdicts import Verdict
    from studylog.judge.words import statement_markdown
    from studylog.store.attempts import Attempt, AttemptRow

#: door name -> (module, attribute); attribute None means the module itself
_DOOR: dict[str, tuple[str, str | None]] = {
    "words": ("studylog.judge.words", None),
    "statement_markdown": ("studylog.judge.words", "statement_markdown"),
    "solve_events": ("studylog.judge.service", "solve_events"),
    "solve": ("studylog.judge.service", "solve"),
    "stress_and_save": ("studylog.judge.service", "stress_and_save"),
    "add_problem": ("studylog.judge.service", "add_problem"),
    "new_starter": ("studylog.judge.service", "new_starter"),
    "Problem": ("studylog.judge.problems.bank", "Problem"),
    "list_problems": ("studylog.judge.problems.bank", "list_problems"),
    "get_problem": ("studylog.judge.problems.bank", "get_problem"),
    "build_tests": ("studylog.judge.problems.cases", "build_tests"),
    "statuses": ("studylog.judge.problems.status", "statuses"),
    "AddOptions": ("studylog.judge.problems.add", "AddOptions"),
    "plan_add": ("studylog.judge.problems.add", "plan"),
    "add_planned": ("studylog.judge.problems.add", "add"),
    "export_problem": ("studylog.judge.problems.add", "export"),
    "export_kattis": ("studylog.judge.problems.packages", "export_kattis"),
    "check_submissions": ("studylog.judge.problems.check", "check"),
    "CheckReport": ("studylog.judge.problems.check", "CheckReport"),
    "parse_memory": ("studylog.judge.problems.folders", "parse_memory"),
    "parse_time_limit": ("studylog.judge.problems.folders", "parse_time_limit"),
    "ProblemStatus": ("studylog.judge.problems.bank", "ProblemStatus"),
    "problem_statuses": ("studylog.judge.problems.status", "problem_statuses"),
    "history": ("studylog.judge.records", "history"),
    "FailureReport": ("studylog.judge.report", "FailureReport"),
    "failure_report": ("studylog.judge.report", "failure_report"),
    "stress_report": ("studylog.judge.report", "stress_report"),
    "attempt": ("studylog.judge.records", "attempt"),
    "Compiled": ("studylog.judge.runner", "Compiled"),
    "TestDone": ("studylog.judge.runner", "TestDone"),
    "Finished": ("studylog.judge.runner", "Finished"),
    "Event": ("studylog.judge.runner", "Event"),
    "JudgeResult": ("studylog.judge.runner", "JudgeResult"),
    "TestResult": ("studylog.judge.runner", "TestResult"),
    "StressResult": ("studylog.judge.stress", "StressResult"),
    "StressFinished": ("studylog.judge.stress", "StressFinished"),
    "StressFound": ("studylog.judge.stress", "StressFound"),
    "StressProgress": ("studylog.judge.stress", "StressProgress"),
    "ShrinkStep": ("studylog.judge.stress", "ShrinkStep"),
    "sandbox_name": ("studylog.judge.sandbox", "sandbox_name"),
    "sandbox_probe": ("studylog.judge.sandbox.box", "probe"),
    "Verdict": ("studylog.judge.verdicts", "Verdict"),
    "Attempt": ("studylog.store.attempts", "Attempt"),
    "AttemptRow": ("studylog.store.attempts", "AttemptRow"),
}

__all__ = [
    "AddOptions", "Attempt", "AttemptRow", "CheckReport", "Compiled", "Event", "FailureReport",
    "Finished",
    "JudgeResult", "Problem", "ProblemStatus", "ShrinkStep", "StressFinished", "StressFound",
    "StressProgress", "StressResult", "TestDone", "TestResult", "Verdict", "add_planned",
    "add_problem", "attempt", "build_tests", "check_submissions", "export_kattis",
    "export_problem", "failure_report", "get_problem", "history", "list_problems", "new_starter", "parse_memory",
    "parse_time_limit", "plan_add", "problem_statuses", "sandbox_name", "sandbox_probe",
    "solve", "solve_events", "statement_markdown", "statuses", "stress_and_save", "stress_report",
    "words",
]


def __getattr__(name: str) -> Any:
    """Load a door name on first use (the judge's modules are imported only when needed)."""
    try:
        module, attr = _DOOR[name]
    except KeyError:
        raise AttributeError(f"module 'studylog.judge' has no attribute {name!r}") from None
    mod = importlib.import_module(module)
    value = mod if attr is None else getattr(mod, attr)
    globals()[name] = value
    return value
