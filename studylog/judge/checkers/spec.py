"""The checker kinds a problem can name (``boj``, ``float:1e-4``, ``special:checker.py``,
``icpc:float_tolerance 1e-6`` (the ICPC default validator and its flags), ``kattis[:FLAGS]`` (the
problem's own output validator)...),
parsed once into a :class:`CheckerSpec` when the problem loads, and what a checker returns; the
checkers themselves are in :mod:`studylog.judge.checkers.compare`."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from studylog.errors import UserError
from studylog.judge.verdicts import Verdict
from studylog.words import say

CHECKERS = ("exact", "boj", "tokens", "float", "unordered", "special", "icpc", "kattis")
DEFAULT = "boj"
FLOAT_EPS = 1e-6
_FLAGS_WITH_VALUE = ("float_tolerance", "float_absolute_tolerance", "float_relative_tolerance")
_FLAGS_PLAIN = ("case_sensitive", "space_change_sensitive")


@dataclass(frozen=True)
class Checked:
    """A checker's verdict on one output, and the checker's comment (special judges' stderr)."""

    verdict: Verdict
    message: str = ""


@dataclass(frozen=True)
class CheckerSpec:
    """A problem's checker, parsed: ``name`` (one of :data:`CHECKERS`) and its argument (the
    tolerance of ``float:EPS``, the file of ``special:FILE``; ``""`` when none)."""

    name: str = DEFAULT
    arg: str = ""

    @classmethod
    def parse(cls, kind: str) -> CheckerSpec:
        """The spec of ``kind`` (``float:1e-4``...); UserError when it is unknown or bad."""
        name, arg = parse_kind(kind)
        return cls(name, arg)

    @property
    def eps(self) -> float:
        """The tolerance of a ``float`` checker (the default when none is given)."""
        return float(self.arg) if self.name == "float" and self.arg else FLOAT_EPS

    @property
    def kind(self) -> str:
        """The spec written back as a kind (``float:1e-4``)."""
        return f"{self.name}:{self.arg}" if self.arg else self.name


def parse_kind(kind: str) -> tuple[str, str]:
    """Split ``float:1e-4`` into ``("float", "1e-4")``; UserError when the kind is unknown or its
    argument is bad."""
    name, _, arg = kind.strip().partition(":")
    if name not in CHECKERS:
        raise UserError(say(f"모르는 채점기입니다: {kind!r} ({', '.join(CHECKERS)}, float:EPS, "
                            f"special:FILE, icpc:FLAGS 중 하나를 쓰세요)",
                            f"unknown checker {kind!r} (use {', '.join(CHECKERS)}, float:EPS, "
                            f"special:FILE or icpc:FLAGS)"))
    if name == "float" and arg:
        try:
            eps = float(arg)
        except ValueError:
            raise UserError(say(f"채점기 {kind!r}의 허용 오차가 잘못되었습니다: {arg!r}는 숫자가 "
                                f"아닙니다",
                                f"bad tolerance in checker {kind!r}: {arg!r} is not a number")
                            ) from None
        if not (math.isfinite(eps) and 0 <= eps < 1):
            raise UserError(say(f"채점기 {kind!r}의 허용 오차가 잘못되었습니다: 0 <= EPS < 1 로 "
                                f"쓰세요 (예: 1e-4)",
                                f"bad tolerance in checker {kind!r}: use 0 <= EPS < 1 (e.g. 1e-4)"))
    elif name == "special" and arg and (Path(arg).name != arg or arg.startswith(".")):
        raise UserError(say(f"채점기 {kind!r}: 스페셜 저지는 문제 폴더 안의 파일 이름이어야 "
                            f"합니다 (예: special:checker.py)",
                            f"checker {kind!r}: the special judge must be a file name in the "
                            f"problem's folder (e.g. special:checker.py)"))
    elif name == "icpc":
        DefaultFlags.parse(arg)
    elif arg and name not in ("float", "special", "kattis"):
        raise UserError(say(f"채점기 {name!r}는 인자를 받지 않습니다 (받은 값: {kind!r})",
                            f"checker {name!r} takes no argument (got {kind!r})"))
    return name, arg


@dataclass(frozen=True)
class DefaultFlags:
    """The default validator's flags, parsed."""

    case_sensitive: bool = False
    space_change_sensitive: bool = False
    abs_tol: float | None = None
    rel_tol: float | None = None

    @classmethod
    def parse(cls, flags: str) -> DefaultFlags:
        """``flags`` (``float_tolerance 1e-6 case_sensitive``...); UserError on a bad one."""
        words = flags.split()
        case = space = False
        abs_tol = rel_tol = None
        i = 0
        while i < len(words):
            w = words[i]
            if w in _FLAGS_PLAIN:
                case, space = (True, space) if w == "case_sensitive" else (case, True)
                i += 1
                continue
            if w not in _FLAGS_WITH_VALUE:
                known = ", ".join(_FLAGS_PLAIN + _FLAGS_WITH_VALUE)
                raise UserError(say(f"모르는 validator 플래그입니다: {w!r} (쓸 수 있는 것: {known})",
                                    f"unknown validator flag {w!r} (known: {known})"))
            try:
                value = float(words[i + 1])
            except (IndexError, ValueError):
                raise UserError(say(f"validator 플래그 {w} 뒤에 숫자가 필요합니다",
                                    f"validator flag {w} needs a number")) from None
            if not (math.isfinite(value) and value >= 0):
                raise UserError(say(f"validator 플래그 {w} 뒤에 0 이상의 숫자가 필요합니다",
                                    f"validator flag {w} needs a number >= 0"))
            if w != "float_relative_tolerance":
                abs_tol = value
            if w != "float_absolute_tolerance":
                rel_tol = value
            i += 2
        return cls(case, space, abs_tol, rel_tol)
