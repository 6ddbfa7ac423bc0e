"""``problems check ID``: judge a package's own labelled submissions and report those whose
verdict disagrees with their folder.

A problem added from an ICPC/Kattis package keeps its ``submissions/`` folder: each sub-folder
names what its solutions must get (:data:`EXPECTED`: ``accepted`` → AC, ``wrong_answer`` → WA
(or PE, studylog's name for a layout-only mismatch), ``time_limit_exceeded`` → TLE,
``run_time_error`` → RE (or MLE) ...; any other folder: anything but AC). Each file in a
language studylog has (py, c, cpp, java where a JDK exists) is judged on every test, one after
another; a file in another language is listed as not judged, and is no disagreement.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studylog.errors import UserError
from studylog.judge.problems.bank import Problem, natural_key
from studylog.judge.verdicts import Verdict
from studylog.words import say

EXPECTED: dict[str, tuple[Verdict, ...]] = {
    "accepted": (Verdict.AC,),
    "wrong_answer": (Verdict.WA, Verdict.PE),
    "time_limit_exceeded": (Verdict.TLE,),
    "run_time_error": (Verdict.RE, Verdict.MLE),
    "memory_limit_exceeded": (Verdict.MLE,),
    "output_limit_exceeded": (Verdict.OLE,),
    "compile_error": (Verdict.CE,),
}
REJECTED = (Verdict.WA, Verdict.PE, Verdict.TLE, Verdict.MLE, Verdict.OLE, Verdict.RE,
            Verdict.CE)


@dataclass(frozen=True)
class CheckRow:
    """One labelled submission: its folder, file, language, verdict and whether they agree."""

    label: str
    file: str
    language: str
    verdict: str  # "" when it was not judged
    expected: tuple[str, ...]
    agrees: bool
    time_ms: int = 0
    note: str = ""  # why it was not judged, or the first failing test

    def to_json(self) -> dict[str, Any]:
        """The row of ``problems check --json``."""
        return {"label": self.label, "file": self.file, "language": self.language,
                "verdict": self.verdict or None, "expected": list(self.expected),
                "agrees": self.agrees, "time_ms": self.time_ms, "note": self.note}


@dataclass
class CheckReport:
    """All the labelled submissions of one problem, judged."""

    problem_id: str
    rows: list[CheckRow] = field(default_factory=list)

    @property
    def disagreements(self) -> list[CheckRow]:
        """The judged submissions whose verdict is not what their folder says."""
        return [r for r in self.rows if r.verdict and not r.agrees]

    @property
    def judged(self) -> int:
        """How many submissions were judged."""
        return sum(1 for r in self.rows if r.verdict)

    def to_json(self) -> dict[str, Any]:
        """``problems check --json``."""
        return {"problem": self.problem_id, "judged": self.judged,
                "disagree": len(self.disagreements), "submissions": [r.to_json() for r in self.rows]}


def submissions(problem: Problem) -> list[tuple[str, Path]]:
    """The problem's labelled submissions as (label, file), in folder and name order."""
    root = problem.path / "submissions"
    if not root.is_dir():
        raise UserError(say(f"문제 {problem.id}에 submissions/ 폴더가 없습니다 (패키지를 추가할 때 "
                            f"submissions/accepted, wrong_answer, ... 가 복사됩니다)",
                            f"problem {problem.id} has no submissions/ folder (a package's "
                            f"submissions/accepted, wrong_answer, ... are copied when it is "
                            f"added)"))
    out = []
    for label in sorted((d for d in root.iterdir() if d.is_dir()), key=lambda d: d.name):
        files = sorted((f for f in label.rglob("*") if f.is_file()),
                       key=lambda f: natural_key(str(f.relative_to(label))))
        out += [(label.name, f) for f in files if not f.name.startswith(".")]
    if not out:
        raise UserError(say(f"문제 {problem.id}의 {root}에 폴더별 제출이 없습니다 "
                            f"(submissions/accepted/..., wrong_answer/, ...)",
                            f"problem {problem.id} has no labelled submissions in "
                            f"{root} (submissions/accepted/..., wrong_answer/, ...)"))
    return out


def check(problem: Problem, *, only: str | None = None) -> CheckReport:
    """Judge every labelled submission of ``problem`` (those of folder ``only`` when given)."""
    from studylog.judge import languages
    from studylog.judge.problems.cases import build_tests
    from studylog.judge.runner import judge

    tests = build_tests(problem)
    report = CheckReport(problem.id)
    for label, path in submissions(problem):
        if only is not None and label != only:
            continue
        want = EXPECTED.get(label, REJECTED)
        shown = str(path.relative_to(problem.path / "submissions" / label))
        names = tuple(v.value for v in want)
        try:
            language = languages.detect(path)
        except UserError as exc:
            report.rows.append(CheckRow(label, shown, "-", "", names, True, note=str(exc)))
            continue
        result = judge(problem, path, tests=tests)
        fail = result.first_failure
        report.rows.append(CheckRow(
            label, shown, language.key, result.verdict.value, names, result.verdict in want,
            result.time_ms, note=fail.name if fail is not None else ""))
    if only is not None and not report.rows:
        raise UserError(say(f"문제 {problem.id}의 submissions/{only}/에 제출이 없습니다",
                            f"problem {problem.id} has no submissions in submissions/{only}/"))
    return report
