"""The checker kinds a problem can name (``boj``, ``float:1e-4``, ``special:checker.py``...) and
what a checker returns; the checkers themselves are in :mod:`studylog.judge.checkers.compare`."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from studylog.errors import UserError
from studylog.judge.verdicts import Verdict

CHECKERS = ("exact", "boj", "tokens", "float", "unordered", "special")
DEFAULT = "boj"
FLOAT_EPS = 1e-6


@dataclass(frozen=True)
class Checked:
    """A checker's verdict on one output, and the checker's comment (special judges' stderr)."""

    verdict: Verdict
    message: str = ""


def parse_kind(kind: str) -> tuple[str, str]:
    """Split ``float:1e-4`` into ``("float", "1e-4")``; UserError when the kind is unknown or its
    argument is bad."""
    name, _, arg = kind.strip().partition(":")
    if name not in CHECKERS:
        raise UserError(f"unknown checker {kind!r} (use {', '.join(CHECKERS)}, float:EPS or "
                        f"special:FILE)")
    if name == "float" and arg:
        try:
            eps = float(arg)
        except ValueError:
            raise UserError(f"bad tolerance in checker {kind!r}: {arg!r} is not a number") from None
        if not (math.isfinite(eps) and 0 <= eps < 1):
            raise UserError(f"bad tolerance in checker {kind!r}: use 0 <= EPS < 1 (e.g. 1e-4)")
    elif name == "special" and arg and (Path(arg).name != arg or arg.startswith(".")):
        raise UserError(f"checker {kind!r}: the special judge must be a file name in the "
                        f"problem's folder (e.g. special:checker.py)")
    elif arg and name not in ("float", "special"):
        raise UserError(f"checker {name!r} takes no argument (got {kind!r})")
    return name, arg
