"""A run's first-failure report: the first failing test of a judge run (or the minimal case of
a stress run) cut to a readable size, built once and rendered by the CLI, the app's failure
panel and the stored attempt (:class:`FailureReport` is language-neutral data; its headings come
from :mod:`studylog.judge.words`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

from studylog.judge.checkers import compare as checker
from studylog.judge.runner import JudgeResult, TestResult
from studylog.judge.stress import StressResult
from studylog.judge.verdicts import Verdict
from studylog.judge.words import word

INPUT_LINES = 20
INPUT_CHARS = 1500
TEXT_CHARS = 4000


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

    def _labelled_diff(self, lang: str) -> list[str]:
        """The stored diff with its two file lines (``--- expected``, ``+++ received``) in
        ``lang``."""
        if self.diff[:2] != ["--- expected", "+++ received"]:
            return self.diff
        return [f"--- {word('expected', lang)}", f"+++ {word('received', lang)}", *self.diff[2:]]

    def sections(self, lang: str = "en") -> list[tuple[str, list[str]]]:
        """(heading, lines) in the order shown: input, diff, the program's output, stderr."""
        out = [(word("input", lang), self.input.split("\n"))]
        if self.checker_message:
            out.append((word("checker says", lang), self.checker_message.split("\n")))
        if self.diff:
            out.append((word("diff", lang), self._labelled_diff(lang)))
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


def stress_report(result: StressResult) -> FailureReport | None:
    """The minimal failing case of a stress run, with the program's own output."""
    m = result.minimal
    # only a special judge leaves a comment: then its words, not a diff against the reference
    return None if m is None else _report(m, minimal=True, special=bool(m.checker_message))
