"""Output checkers, chosen per problem (``checker = "..."`` in problem.toml).

- ``exact``: byte for byte (CRLF is not converted, the final newline counts).
- ``boj`` (the default): BOJ's rule — trailing whitespace on each line and blank lines at the end
  are ignored; the same tokens in another line layout is PE; anything else WA.
- ``tokens``: whitespace-insensitive, the same tokens in the same order.
- ``float`` / ``float:EPS``: tokens, numbers within EPS (default 1e-6) absolute or relative.
- ``unordered``: the same lines in any order (each line compared by its tokens).
- ``special`` / ``special:FILE``: a program of the problem's folder judges (testlib-style),
  see :mod:`studylog.judge.checkers.special`.
- ``icpc`` / ``icpc:FLAGS``: the ICPC/Kattis default validator with its flags;
  ``kattis`` / ``kattis:FLAGS``: the problem's own output validator, run in the box
  (see :mod:`studylog.judge.checkers.kattis`).
"""

from __future__ import annotations

import difflib
import math
from collections import Counter
from pathlib import Path

from studylog.judge.checkers.spec import (
    CHECKERS,
    DEFAULT,
    FLOAT_EPS,
    Checked,
    CheckerSpec,
    parse_kind,
)
from studylog.judge.verdicts import Verdict

__all__ = ["CHECKERS", "DEFAULT", "FLOAT_EPS", "CheckerSpec", "Checked", "parse_kind", "judge_output",
           "diff"]

def normalize_lines(text: str) -> list[str]:
    """Lines with trailing whitespace (and CR) removed and trailing empty lines dropped."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def check_exact(expected: str, received: str) -> Verdict:
    """Byte for byte: AC only when the outputs are identical."""
    return Verdict.AC if expected == received else Verdict.WA


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


def check_float(expected: str, received: str, eps: float = FLOAT_EPS) -> Verdict:
    """Tokens compared as numbers within an absolute or relative error of ``eps``; tokens that
    are not numbers must be equal. ``nan``/``inf`` never pass as numbers."""
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
        if not (math.isfinite(x) and math.isfinite(y)):
            return Verdict.WA
        if abs(x - y) > eps * max(1.0, abs(x)) * (1 + 1e-12):
            return Verdict.WA
    return Verdict.AC


def check_unordered(expected: str, received: str) -> Verdict:
    """The same lines in any order: lines compared by their tokens (spacing inside a line and
    blank lines do not matter), as multisets."""

    def lines(text: str) -> Counter[tuple[str, ...]]:
        return Counter(tuple(line.split()) for line in text.splitlines() if line.strip())

    return Verdict.AC if lines(expected) == lines(received) else Verdict.WA


def _spec(kind: CheckerSpec | str) -> CheckerSpec:
    return kind if isinstance(kind, CheckerSpec) else CheckerSpec.parse(kind)


def check(kind: CheckerSpec | str, expected: str, received: str) -> Verdict:
    """Judge ``received`` against ``expected`` with a built-in checker (``exact``, ``boj``,
    ``tokens``, ``float``/``float:EPS``, ``unordered``). A special judge needs the input and
    the problem's folder: use :func:`judge_output`."""
    spec = _spec(kind)
    name = spec.name
    if name == "boj":
        return check_boj(expected, received)
    if name == "exact":
        return check_exact(expected, received)
    if name == "tokens":
        return check_tokens(expected, received)
    if name == "float":
        return check_float(expected, received, spec.eps)
    if name == "unordered":
        return check_unordered(expected, received)
    if name == "icpc":
        from studylog.judge.checkers.kattis import default_validate

        return default_validate(spec.arg, expected, received).verdict
    raise ValueError(f"checker {kind!r} needs the problem: use judge_output()")


def judge_output(kind: CheckerSpec | str, folder: Path, input_text: str, expected: str, received: str,
                 *, time_limit_ms: int | None = None) -> Checked:
    """Judge one output with the problem's checker ``kind``; for a special judge, runs the
    program of ``folder`` (raises :class:`studylog.judge.checkers.special.CheckerFailed` when it fails)."""
    spec = _spec(kind)
    if spec.name == "icpc":
        from studylog.judge.checkers.kattis import default_validate

        return default_validate(spec.arg, expected, received)
    if spec.name == "kattis":
        from studylog.judge.checkers import kattis

        return kattis.run_validator(kattis.find_validator(folder), spec.arg, input_text,
                                    expected, received, time_limit_ms=time_limit_ms)
    if spec.name != "special":
        return Checked(check(spec, expected, received))
    from studylog.judge.checkers import special

    return special.run_checker(special.find_checker(folder, spec.arg), input_text, expected,
                               received, time_limit_ms=time_limit_ms)


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
