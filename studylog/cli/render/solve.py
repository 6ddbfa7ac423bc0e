"""Rich output of `studylog solve`: the per-test table, the verdict line, the first failure, the
stress outcome and the history table, all built from :mod:`studylog.judge.words`."""

from __future__ import annotations

import sys
from typing import Any

from studylog.judge import FailureReport, JudgeResult, StressResult, TestResult, failure_report, stress_report
from studylog.judge import words as present


def console(stderr: bool = False) -> Any:
    """A Rich console (160 columns when not a terminal)."""
    from studylog.cli.render.console import console as clean_console

    stream = sys.stderr if stderr else sys.stdout
    return clean_console(stderr=stderr, width=None if stream.isatty() else 160)


def _style(code: str) -> str:
    return {"AC": "green", "SKIP": "dim"}.get(code, "red")


def _runs_of_skips(tests: list[TestResult]) -> list[TestResult | list[TestResult]]:
    """The tests in order, with each run of consecutive skipped tests as one list."""
    out: list[TestResult | list[TestResult]] = []
    for t in tests:
        last = out[-1] if out else None
        if t.verdict.value == "SKIP":
            if isinstance(last, list):
                last.append(t)
            else:
                out.append([t])
        else:
            out.append(t)
    return out


def print_report(con: Any, report: FailureReport | None, lang: str) -> None:
    """A failure report: title, input, diff (coloured) or the program's output, stderr."""
    from rich.markup import escape

    if report is None:
        return
    con.print(f"\n[bold]{escape(report.title(lang))}[/]")
    for head, lines in report.sections(lang):
        con.print(f"[bold]{escape(head)}:[/]")
        is_diff = head == present.word("diff", lang)
        for line in lines:
            style = ("green" if line.startswith("-") else "red" if line.startswith("+") else ""
                     ) if is_diff else ""
            con.print(f"[{style}]{escape(line)}[/]" if style else escape(line))


def print_result(con: Any, result: JudgeResult, lang: str) -> None:
    """The per-test table (skipped runs folded), the verdict line and the first failure."""
    from rich.markup import escape
    from rich.table import Table

    if result.compile_message:
        con.print(f"[red]{present.compile_error_heading(lang)}[/]")
        con.print(escape(result.compile_message.rstrip()))
    else:
        table = Table(box=None, pad_edge=False, header_style="bold")
        for i, col in enumerate(present.test_headers(lang, kind=False)):
            table.add_column(col, justify="left" if i in (1, 2) else "right")
        for group in _runs_of_skips(result.tests):
            if isinstance(group, list):  # consecutive skipped tests: one row
                first, last = group[0].index, group[-1].index
                span = f"{first}-{last}" if len(group) > 1 else str(first)
                why = escape(present.not_run(group[0], lang))
                table.add_row(span, f"({len(group)} tests)", f"[dim]{why}[/]", "-", "-")
                continue
            row = present.test_row(group)
            v = row[3]
            table.add_row(row[0], escape(row[1]), f"[{_style(v)}]{v}[/]", row[4], row[5])
        con.print(table)
        print_groups(con, result, lang)
    code = "SKIP" if result.cancelled else result.verdict.value
    con.print(f"[bold {_style(code)}]{escape(present.summary_line(result, lang))}[/]")
    print_report(con, failure_report(result), lang)


def print_groups(con: Any, result: JudgeResult, lang: str) -> None:
    """Per test group (a scoring package): verdict, passed/total, time; nothing without groups."""
    from rich.markup import escape
    from rich.table import Table

    groups = result.groups
    if not groups:
        return
    table = Table(box=None, pad_edge=False, header_style="bold")
    for col in present.group_headers(lang):
        table.add_column(col)
    for g in groups:
        row = present.group_row(g)
        table.add_row(escape(row[0]), f"[{_style(row[1])}]{row[1]}[/]", row[2], row[3])
    con.print(table)


def print_stress(con: Any, result: StressResult, seed: int, problem_id: str, lang: str) -> None:
    """The stress outcome: no failure, or the minimal failing case with the program's output."""
    from rich.markup import escape

    line = present.stress_line(result, seed, lang)
    if result.compile_message:
        con.print(f"[red]{escape(line)}[/]")
        con.print(escape(result.compile_message.rstrip()))
        return
    con.print(f"[{'red' if result.failed else 'green'}]{escape(line)}[/]")
    if result.failed:
        print_report(con, stress_report(result), lang)
        con.print(escape(present.saved_line(problem_id, lang)))


def print_history(con: Any, title: str, rows: list, lang: str = "en") -> None:
    """A problem's attempts, newest first."""
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, header_style="bold", title=Text(title),
                  title_justify="left")
    for col in present.history_headers(lang):
        table.add_column(col)
    for a in rows:
        table.add_row(*(Text(cell) for cell in present.history_row(a)))  # a file name as it is
    con.print(table)
