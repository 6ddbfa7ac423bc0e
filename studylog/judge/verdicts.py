"""Verdicts, with BOJ's Korean names, and how a run's verdict is chosen."""

from __future__ import annotations

from enum import StrEnum


class Verdict(StrEnum):
    """The outcome of one test or of a whole submission (value = the short code)."""

    AC = "AC"
    WA = "WA"
    PE = "PE"
    TLE = "TLE"
    MLE = "MLE"
    OLE = "OLE"
    RE = "RE"
    CE = "CE"
    SKIP = "SKIP"  # not run: the submission had already timed out or was cancelled

    @property
    def korean(self) -> str:
        """BOJ's Korean name of the verdict (맞았습니다!!, 틀렸습니다, ...)."""
        return KOREAN[self]

    @property
    def english(self) -> str:
        """The English name (Accepted, Wrong Answer, ...)."""
        return ENGLISH[self]

    @property
    def ok(self) -> bool:
        """True only for AC."""
        return self is Verdict.AC


KOREAN: dict[Verdict, str] = {
    Verdict.AC: "맞았습니다!!",
    Verdict.WA: "틀렸습니다",
    Verdict.PE: "출력 형식이 잘못되었습니다",
    Verdict.TLE: "시간 초과",
    Verdict.MLE: "메모리 초과",
    Verdict.OLE: "출력 초과",
    Verdict.RE: "런타임 에러",
    Verdict.CE: "컴파일 에러",
    Verdict.SKIP: "채점하지 않음",
}

ENGLISH: dict[Verdict, str] = {
    Verdict.AC: "Accepted",
    Verdict.WA: "Wrong Answer",
    Verdict.PE: "Presentation Error",
    Verdict.TLE: "Time Limit Exceeded",
    Verdict.MLE: "Memory Limit Exceeded",
    Verdict.OLE: "Output Limit Exceeded",
    Verdict.RE: "Runtime Error",
    Verdict.CE: "Compilation Error",
    Verdict.SKIP: "Skipped",
}


def overall(verdicts: list[Verdict]) -> Verdict:
    """The submission's verdict: like BOJ, the first failing test's verdict in test order.

    Skipped tests are ignored; a run with no failure is AC.
    """
    for v in verdicts:
        if v is not Verdict.AC and v is not Verdict.SKIP:
            return v
    return Verdict.AC
