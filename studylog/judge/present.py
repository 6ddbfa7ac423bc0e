"""Every word the judge shows a user, for the CLI and the app alike.

Plain functions that return strings and rows (lists of str), in Korean or English (``lang``: "ko"
or "en", from ``Settings.load().get("language")``). BOJ's Korean verdict names stay in
:mod:`studylog.judge.verdicts` (``KOREAN``), where the journal's blog post reads them too; the
verdict itself is always shown with both names, as BOJ users know them.

The first-failure report of a run (:func:`failure_report`) is built here once and rendered by the
CLI (with colours) and by the app's failure panel.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

from studylog.judge import checker
from studylog.judge.runner import JudgeResult, TestResult
from studylog.judge.stress import StressResult
from studylog.judge.verdicts import ENGLISH, KOREAN, Verdict

INPUT_LINES = 20
INPUT_CHARS = 1500
TEXT_CHARS = 4000

__all__ = ["ENGLISH", "KOREAN"]  # re-exported: the verdict names are part of the vocabulary

_WORDS = {
    "ko": {"solved": "해결", "tried": "시도", "new": "새 문제", "passed": "통과",
           "cancelled": "취소됨", "not recorded": "기록하지 않음", "tests ran": "개 테스트 실행",
           "skipped": "건너뜀", "attempt": "제출", "input": "입력", "expected": "정답",
           "received": "출력", "diff": "차이 (- 정답, + 출력)", "stderr": "stderr (마지막 줄)",
           "first failure": "처음 틀린 테스트", "compile error": "컴파일 에러",
           "limit": "제한", "tests": "개 테스트", "no failure": "실패 없음",
           "random cases": "개 무작위 입력", "minimal": "가장 작은 실패 입력",
           "saved": "회귀 테스트로 저장됨: `studylog solve {id} FILE` 이 먼저 실행합니다",
           "sandbox": "샌드박스", "checker says": "채점기 메시지"},
    "en": {"solved": "solved", "tried": "tried", "new": "new", "passed": "passed",
           "cancelled": "cancelled", "not recorded": "not recorded", "tests ran": " tests ran",
           "skipped": "skipped", "attempt": "attempt", "input": "input",
           "expected": "expected", "received": "received",
           "diff": "diff (- expected, + received)", "stderr": "stderr (last lines)",
           "first failure": "first failing test", "compile error": "compile error",
           "limit": "limit", "tests": " tests", "no failure": "no failure",
           "random cases": " random cases", "minimal": "minimal failing input",
           "saved": "saved as a regression case: `studylog solve {id} FILE` runs it first",
           "sandbox": "sandbox", "checker says": "the checker says"},
}

TEST_COLUMNS = ("#", "test", "kind", "verdict", "time", "memory")
HISTORY_COLUMNS = ("#", "when", "lang", "file", "verdict", "passed", "time", "memory")


def word(key: str, lang: str = "en") -> str:
    """One word of the judge's vocabulary in ``lang``."""
    return _WORDS.get(lang, _WORDS["en"])[key]


def status_mark(status: str, lang: str = "en") -> str:
    """A problem's status for lists: ``✔ solved``, ``✘ tried`` or ``· new`` (one copy of the
    marks, in :mod:`studylog.judge.problem_present`)."""
    from studylog.judge.problem_present import status_mark as mark

    return mark(status, lang)


def verdict_name(v: Verdict | str) -> str:
    """``AC 맞았습니다!!`` — the code with BOJ's Korean name."""
    v = Verdict(v)
    return f"{v.value} {KOREAN[v]}"


def verdict_full(v: Verdict | str) -> str:
    """``AC 맞았습니다!! (Accepted)``."""
    v = Verdict(v)
    return f"{verdict_name(v)} ({ENGLISH[v]})"


def compile_error_heading(lang: str = "en") -> str:
    """The heading above the compiler's message."""
    return "컴파일 에러 (CE):" if lang == "ko" else "compile error (CE 컴파일 에러):"


def memory(kb: int | None) -> str:
    """Memory as a user reads it: ``9.5 MB`` (``-`` when unknown)."""
    return f"{kb / 1024:.1f} MB" if kb else "-"


def sandbox_line(name: str, why: str = "", lang: str = "en") -> str:
    """``sandbox: bwrap``, or the fallback with the reason the box could not start."""
    text = f"{word('sandbox', lang)}: {name}"
    return text + (f" ({why})" if name != "bwrap" and why else "")


def heading(problem_id: str, title: str, title_en: str, language_name: str, filename: str,
            total: int, lang: str = "en") -> str:
    """The first line of a run: problem, language, file and number of tests."""
    name = f"{title} ({title_en})" if title_en else title
    return f"{problem_id} {name} · {language_name} · {filename} · {total}{word('tests', lang)}"


def solve_target(problem_id: str, title: str, filename: str, time_limit_ms: int,
                 memory_mb: int) -> str:
    """What the app's Solve tab will judge: ``2667 단지번호붙이기 ← sol.py · 1 s, 128 MB``."""
    return (f"{problem_id} {title} ← {filename or '(no file)'} · {time_limit_ms / 1000:g} s, "
            f"{memory_mb} MB")


def summary_line(result: JudgeResult, lang: str = "en") -> str:
    """The verdict line of a run; a cancelled run says cancelled, never a verdict."""
    ran = sum(t.verdict is not Verdict.SKIP for t in result.tests)
    if result.cancelled:
        return (f"{word('cancelled', lang)} · {ran}/{result.total}{word('tests ran', lang)} · "
                f"{word('not recorded', lang)}")
    v = result.verdict
    extra = ""
    skipped = result.total - ran
    if skipped and v is not Verdict.CE:
        extra += f" · {skipped} {word('skipped', lang)}"
    if v is Verdict.TLE:
        extra += f" · {word('limit', lang)} {result.time_limit_ms} ms CPU ({result.language_name})"
    if result.attempt_id:
        extra += f" · {word('attempt', lang)} #{result.attempt_id}"
    from studylog.judge.problem_present import checker_line

    return (f"{verdict_full(v)} · {result.passed}/{result.total} {word('passed', lang)} · "
            f"max {result.time_ms} ms · {memory(result.memory_kb)}{extra} · "
            f"{checker_line(result.checker, lang)}")


def test_row(t: TestResult) -> list[str]:
    """One row of the per-test table (see ``TEST_COLUMNS``)."""
    if t.verdict is Verdict.SKIP:
        return [str(t.index), t.name, t.kind, "SKIP", "-", "-"]
    return [str(t.index), t.name, t.kind, t.verdict.value, f"{t.time_ms} ms", memory(t.memory_kb)]


def test_row_json(t: dict) -> list[str]:
    """A row of the per-test table from a stored attempt's test summary."""
    v = t.get("verdict", "")
    if v == "SKIP":
        return [str(t.get("index", "")), t.get("name", ""), t.get("kind", ""), "SKIP", "-", "-"]
    return [str(t.get("index", "")), t.get("name", ""), t.get("kind", ""), v,
            f"{t.get('time_ms', 0)} ms", memory(t.get("memory_kb"))]


def cut_input(text: str) -> str:
    """The start of a (maybe large) input: at most INPUT_LINES lines and INPUT_CHARS chars."""
    lines = text.rstrip("\n").split("\n")
    shown = [ln if len(ln) <= 120 else ln[:120] + " …" for ln in lines[:INPUT_LINES]]
    out = "\n".join(shown)[:INPUT_CHARS]
    if len(lines) > INPUT_LINES or len(text) > INPUT_CHARS:
        out += f"\n… ({len(lines)} lines, {len(text)} characters in all)"
    return out


def _cut(text: str, limit: int = TEXT_CHARS) -> str:
    return text if len(text) <= limit else text[:limit] + f"\n… ({len(text) - limit} more)"


@dataclass(frozen=True)
class FailureReport:
    """The first failing test of a run (or the minimal case of a stress run), ready to show.

    Language-neutral data (it is also stored with the attempt); :meth:`title` and
    :meth:`sections` put it in words."""

    index: int
    name: str
    verdict: str
    input: str  # cut when large
    expected: str
    received: str
    diff: list[str] = field(default_factory=list)
    stderr: str = ""
    checker_message: str = ""  # a special judge's comment
    minimal: bool = False  # a stress run's minimal case: the program's output is always shown

    def title(self, lang: str = "en") -> str:
        """``first failing test: #6 smallest N (WA)``."""
        if self.minimal:
            return f"{word('minimal', lang)} ({self.verdict})"
        return f"{word('first failure', lang)}: #{self.index} {self.name} ({self.verdict})"

    def sections(self, lang: str = "en") -> list[tuple[str, list[str]]]:
        """(heading, lines) in the order shown: input, diff, the program's output, stderr."""
        out = [(word("input", lang), self.input.split("\n"))]
        if self.checker_message:
            out.append((word("checker says", lang), self.checker_message.split("\n")))
        if self.diff:
            out.append((word("diff", lang), self.diff))
        if self.minimal or (not self.diff and self.received.strip()):
            out.append((word("received", lang), self.received.rstrip("\n").split("\n")))
        if self.stderr:
            out.append((word("stderr", lang), self.stderr.split("\n")))
        return out

    def text(self, lang: str = "en") -> str:
        """The whole report as plain text (the app's failure panel)."""
        lines = [self.title(lang)]
        for head, body in self.sections(lang):
            lines += ["", f"{head}:", *body]
        return "\n".join(lines)

    def to_json(self) -> dict:
        """For storing with the attempt."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> FailureReport:
        """Back from :meth:`to_json`."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def _report(t: TestResult, minimal: bool = False, special: bool = False) -> FailureReport:
    # a special judge's verdict has no single right answer to diff against: its comment instead
    wrong = t.verdict in (Verdict.WA, Verdict.PE) and not special
    stderr = "\n".join(t.stderr.rstrip().split("\n")[-8:]) if t.stderr.strip() else ""
    return FailureReport(
        index=t.index, name=t.name, verdict=t.verdict.value, input=cut_input(t.input),
        expected=_cut(t.expected), received=_cut(t.received),
        diff=checker.diff(t.expected, t.received) if wrong else [], stderr=stderr,
        checker_message=t.checker_message, minimal=minimal,
    )


def failure_report(result: JudgeResult) -> FailureReport | None:
    """The first failing test's report (None for AC, CE and a cancelled run)."""
    fail = result.first_failure
    if fail is None or result.verdict is Verdict.CE or result.cancelled:
        return None
    return _report(fail, special=result.checker.startswith("special"))


def stress_line(result: StressResult, seed: int, lang: str = "en") -> str:
    """The outcome line of a stress run."""
    if result.compile_message:
        return f"{word('compile error', lang)} (CE {KOREAN[Verdict.CE]})"
    if not result.failed:
        note = f" · {word('cancelled', lang)}" if result.cancelled else ""
        return (f"{word('no failure', lang)}: {result.cases}{word('random cases', lang)} "
                f"(seed {seed}) · {result.cases_per_s:.1f} cases/s{note}")
    m = result.minimal
    size = len(m.input) if m is not None else 0
    return (f"{verdict_name(result.verdict)} on a random case after {result.cases} cases "
            f"(seed {seed}) · shrunk in {result.shrink_steps} steps "
            f"({result.shrink_evaluations} runs) from {len(result.original_input)} to {size} "
            f"characters")


def stress_report(result: StressResult) -> FailureReport | None:
    """The minimal failing case of a stress run, with the program's own output."""
    m = result.minimal
    # only a special judge leaves a comment: then its words, not a diff against the reference
    return None if m is None else _report(m, minimal=True, special=bool(m.checker_message))


def saved_line(problem_id: str, lang: str = "en") -> str:
    """Where a stress run's minimal case went."""
    return word("saved", lang).format(id=problem_id)


def history_row(a) -> list[str]:
    """One row of a problem's attempts (``store.attempts.AttemptRow``)."""
    return [str(a.id), a.created.replace("T", " ")[:19], a.language, a.filename, a.verdict,
            f"{a.passed}/{a.total}", f"{a.time_ms or 0} ms", memory(a.memory_kb)]
