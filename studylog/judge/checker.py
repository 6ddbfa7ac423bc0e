"""Output checkers: BOJ's rule (trailing spaces and a final newline ignored, same tokens in
another layout is PE), plain token comparison, and floating-point tokens with a tolerance."""

from __future__ import annotations

import difflib

from studylog.judge.verdicts import Verdict

CHECKERS = ("boj", "tokens", "float")


def normalize_lines(text: str) -> list[str]:
    """Lines with trailing whitespace (and CR) removed and trailing empty lines dropped."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def check_boj(expected: str, received: str) -> Verdict:
    """BOJ's comparison: equal up to trailing spaces/newline is AC; same tokens otherwise is PE."""
    if normalize_lines(expected) == normalize_lines(received):
        return Verdict.AC
    if expected.split() == received.split():
        return Verdict.PE
    return Verdict.WA


def check_tokens(expected: str, received: str) -> Verdict:
    """Whitespace-insensitive comparison: the same tokens in order is AC."""
    return Verdict.AC if expected.split() == received.split() else Verdict.WA


def check_float(expected: str, received: str, eps: float = 1e-6) -> Verdict:
    """Tokens compared as numbers within an absolute or relative error of ``eps``."""
    exp, got = expected.split(), received.split()
    if len(exp) != len(got):
        return Verdict.WA
    for a, b in zip(exp, got, strict=True):
        if a == b:
            continue
        try:
            x, y = float(a), float(b)
        except ValueError:
            return Verdict.WA
        if abs(x - y) > eps * max(1.0, abs(x)):
            return Verdict.WA
    return Verdict.AC


def check(kind: str, expected: str, received: str) -> Verdict:
    """Judge ``received`` against ``expected`` with the checker named ``kind``
    (``boj``, ``tokens`` or ``float`` / ``float:EPS``)."""
    if kind == "boj":
        return check_boj(expected, received)
    if kind == "tokens":
        return check_tokens(expected, received)
    if kind.startswith("float"):
        _, _, eps = kind.partition(":")
        return check_float(expected, received, float(eps) if eps else 1e-6)
    raise ValueError(f"unknown checker {kind!r}")


def diff(expected: str, received: str, *, max_lines: int = 40) -> list[str]:
    """A unified diff (expected → received) of the normalized outputs, cut to ``max_lines``.

    Lines that differ only in trailing spaces are shown with a visible ``␠`` so a PE is readable.
    """

    def show(text: str) -> list[str]:
        out = []
        for line in text.replace("\r\n", "\n").split("\n"):
            stripped = line.rstrip()
            out.append(stripped + "␠" * (len(line) - len(stripped)))
        while out and not out[-1]:
            out.pop()
        return out

    lines = list(difflib.unified_diff(show(expected), show(received), "expected", "received",
                                      lineterm="", n=2))
    if len(lines) > max_lines:
        lines = lines[:max_lines] + [f"... ({len(lines) - max_lines} more diff lines)"]
    return lines
