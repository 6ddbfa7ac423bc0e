"""Plain-text views of the peer session: the members' table, the disagreeing input, and each
solution with its comments in the margin (the CLI prints them; no UI imports)."""

from __future__ import annotations

from typing import Any

from studylog.peer import words
from studylog.peer.comments import Placed
from studylog.peer.judging import MemberRun, TeamJudgement, TeamStress
from studylog.peer.team import Solution
from studylog.words import Lang, display_width

CODE_WIDTH = 56


width = display_width  # display width (Hangul and other wide characters count two columns)


def pad(text: str, cols: int) -> str:
    """``text`` padded (or cut) to ``cols`` display columns."""
    out, used = "", 0
    for ch in text:
        w = width(ch)
        if used + w > cols:
            break
        out, used = out + ch, used + w
    return out + " " * (cols - used)


def grid(rows: list[list[str]]) -> list[str]:
    """Rows of cells as aligned lines."""
    cols = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(pad(c, w) for c, w in zip(r, cols, strict=True)).rstrip() for r in rows]


def member_cells(run: MemberRun, member: str) -> list[str]:
    """One row of the members' table (``member``: the name, or "  +" for another file)."""
    first = run.first_failure or (run.message if run.verdict != "AC" else "")
    return [member, run.language, run.verdict, f"{run.time_ms} ms", f"{run.memory_kb // 1024} MB",
            str(run.lines), first or "-", run.solution.rel]


def table(lang: Lang, j: TeamJudgement) -> list[str]:
    """The members' table: one row per member (their best file), extra files indented."""
    rows = [words.table_headers(lang)]
    for row in j.rows:
        rows.append(member_cells(row.best, row.member))
        rows += [member_cells(r, "  +") for r in row.runs if r is not row.best]
    title = j.problem.title if lang == "ko" else (j.problem.title_en or j.problem.title)
    return grid(rows) + ["", words.judged_line(lang, j.problem.id, title, len(j.rows), j.tests,
                                               j.seconds)]


def stress_lines(lang: Lang, s: TeamStress) -> list[str]:
    """The disagreeing input and who fails it (or that everyone agreed)."""
    if not s.found:
        return [words.stress_none(lang, s.cases)]
    out = [words.stress_found(lang, s.index, len(s.input)), *s.input.rstrip("\n").split("\n"),
           f"{words.expected(lang)}: {' '.join(s.expected.split())}"]
    for o in s.outcomes:
        got = " ".join(o.received.split())
        out.append(f"  {o.member}: {o.verdict}" + (f" ({got[:60]})" if o.verdict != "AC" else ""))
    out.append(words.stress_who(lang, s.failing, s.passing))
    return out


def judgement_json(j: TeamJudgement, s: TeamStress | None) -> dict[str, Any]:
    """``peer judge --json``."""
    def run(r: MemberRun) -> dict[str, Any]:
        return {"file": r.solution.rel, "language": r.language, "verdict": r.verdict,
                "passed": r.passed, "total": r.total, "time_ms": r.time_ms,
                "memory_kb": r.memory_kb, "lines": r.lines, "first_failure": r.first_failure,
                "message": r.message}

    data: dict[str, Any] = {
        "problem": j.problem.id, "title": j.problem.title, "tests": j.tests,
        "seconds": round(j.seconds, 2),
        "members": [{"member": row.member, **run(row.best), "files": [run(r) for r in row.runs]}
                    for row in j.rows]}
    if s is not None:
        data["stress"] = {"cases": s.cases, "found": s.found, "case": s.index, "input": s.input,
                          "expected": s.expected, "failing": s.failing, "passing": s.passing,
                          "skipped": s.skipped,
                          "outcomes": [{"member": o.member, "verdict": o.verdict,
                                        "received": o.received} for o in s.outcomes]}
    return data


def _note(lang: Lang, p: Placed) -> str:
    mark = words.status(lang, p.status)
    c = p.comment
    return (f"{c.author} ({words.role(lang, c.role)}): {c.body}" + (f" [{mark}]" if mark else ""))


def show(lang: Lang, solutions: list[Solution], placed: list[Placed]) -> list[str]:
    """Each solution with its comments in the right margin; stale ones listed under it."""
    out: list[str] = []
    for sol in solutions:
        out.append(f"== {sol.member} · {sol.rel} ==")
        here = [p for p in placed if p.rel == sol.rel]
        at: dict[int, list[str]] = {}
        stale = []
        for p in here:
            if p.status in ("stale", "missing"):
                stale.append(p)
            else:
                span = f"L{p.start}" + (f"-{p.end}" if p.end != p.start else "")
                at.setdefault(p.start, []).append(f"{span} {_note(lang, p)}")
        for n, line in enumerate(sol.text().splitlines(), start=1):
            notes = at.get(n, [])
            code = f"{n:4} │ {line.expandtabs(4)}"
            out.append((pad(code, CODE_WIDTH) + " ◀ " + notes[0]) if notes else code)
            out += [" " * CODE_WIDTH + " ◀ " + extra for extra in notes[1:]]
        for p in stale:
            out.append(f"  ✗ L{p.start}-{p.end} {_note(lang, p)}")
            out += [f"      > {q}" for q in p.comment.quote.split("\n")]
        if not here:
            out.append("     " + words.no_comments(lang))
        out.append("")
    orphans = [p for p in placed if p.status == "missing"]
    for p in orphans:
        out.append(f"  ✗ {p.rel} L{p.start}-{p.end} {_note(lang, p)}")
    return out
