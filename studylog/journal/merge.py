"""Merge two edits of one section made from the same starting text (a line-based 3-way merge).

The app saves a section's whole text. When another process saved the section after the app read
it, the app's text is merged with the stored one instead of replacing it: changes to different
lines are both kept; where both sides changed the same lines, the other process's lines come
first, then a marker line, then ours. Both sides adding lines at the same place is no conflict:
theirs first, then ours, no marker. Nothing either side wrote is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

MARKER = "──── ↑ saved elsewhere · ↓ this window ────"


@dataclass(frozen=True)
class Hunk:
    """One side's change: base lines [start, end) become ``lines``."""

    start: int
    end: int
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Merged:
    """The merged text and whether a marker had to be put between overlapping changes."""

    text: str
    conflicted: bool


def _hunks(base: list[str], other: list[str]) -> list[Hunk]:
    ops = SequenceMatcher(None, base, other, autojunk=False).get_opcodes()
    return [Hunk(i1, i2, tuple(other[j1:j2])) for tag, i1, i2, j1, j2 in ops if tag != "equal"]


def _apply(base: list[str], hunks: list[Hunk], start: int, end: int) -> list[str]:
    """Base lines [start, end) with ``hunks`` (all inside that range) applied."""
    out: list[str] = []
    pos = start
    for h in hunks:
        out.extend(base[pos:h.start])
        out.extend(h.lines)
        pos = h.end
    out.extend(base[pos:end])
    return out


def merge3(base: str, theirs: str, ours: str, marker: str = MARKER) -> Merged:
    """Merge ``ours`` and ``theirs``, both edits of ``base`` (trailing newlines do not count)."""
    base, theirs, ours = base.rstrip("\n"), theirs.rstrip("\n"), ours.rstrip("\n")
    if theirs == base or theirs == ours:
        return Merged(ours, False)
    if ours == base:
        return Merged(theirs, False)
    b, t, o = base.split("\n"), theirs.split("\n"), ours.split("\n")
    if base == "":
        b = []
    tagged = sorted([(h, 0) for h in _hunks(b, t)] + [(h, 1) for h in _hunks(b, o)],
                    key=lambda x: (x[0].start, x[0].end, x[1]))
    out: list[str] = []
    conflicted = False
    pos = 0
    i = 0
    while i < len(tagged):
        group = [tagged[i]]
        end = tagged[i][0].end
        i += 1
        while i < len(tagged) and (tagged[i][0].start < end or (
                tagged[i][0].start == end == group[-1][0].start)):
            group.append(tagged[i])
            end = max(end, tagged[i][0].end)
            i += 1
        start = group[0][0].start
        out.extend(b[pos:start])
        sides = {who for _, who in group}
        mine = [h for h, who in group if who == 1]
        other = [h for h, who in group if who == 0]
        if sides == {0}:
            out.extend(_apply(b, other, start, end))
        elif sides == {1}:
            out.extend(_apply(b, mine, start, end))
        else:
            t_part, o_part = _apply(b, other, start, end), _apply(b, mine, start, end)
            if t_part == o_part:
                out.extend(t_part)
            elif start == end:  # both only added lines at the same place
                out.extend(t_part + o_part)
            else:
                out.extend([*t_part, marker, *o_part])
                conflicted = True
        pos = end
    out.extend(b[pos:])
    return Merged("\n".join(out), conflicted)
