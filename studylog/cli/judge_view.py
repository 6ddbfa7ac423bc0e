"""Printing judge and stress results for `studylog solve` (rich tables, a progress bar)."""

from __future__ import annotations

from pathlib import Path

from studylog.cli.context import get_db, print_json
from studylog.errors import CheckFailed

INPUT_LINES = 20
INPUT_CHARS = 1500


def _console(stderr: bool = False):
    import sys

    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    return Console(highlight=False, stderr=stderr, width=None if stream.isatty() else 160)


def _mem(kb: int) -> str:
    return f"{kb / 1024:.1f} MB" if kb else "-"


def cut_input(text: str) -> str:
    """The start of a (maybe large) input: at most INPUT_LINES lines and INPUT_CHARS chars."""
    lines = text.rstrip("\n").split("\n")
    shown = [ln if len(ln) <= 120 else ln[:120] + " …" for ln in lines[:INPUT_LINES]]
    out = "\n".join(shown)[:INPUT_CHARS]
    if len(lines) > INPUT_LINES or len(text) > INPUT_CHARS:
        out += f"\n… ({len(lines)} lines, {len(text)} characters in all)"
    return out


def _verdict_style(code: str) -> str:
    return {"AC": "green", "SKIP": "dim"}.get(code, "red")


def run_solve(problem, file: Path, lang: str | None, as_json: bool) -> None:
    """Judge, record and print; raise CheckFailed (exit 1) unless accepted."""
    from studylog.judge.runner import Compiled, Finished, TestDone
    from studylog.judge.service import solve_events

    con = _console()
    err = _console(stderr=True)
    result = None
    status = None
    for ev in solve_events(get_db(), problem, file, lang=lang):
        if isinstance(ev, Compiled) and not as_json:
            en = f" ({problem.title_en})" if problem.title_en else ""
            con.print(f"[bold]{problem.id} {problem.title}[/]{en} · "
                      f"{ev.language.name} · {file.name} · {ev.total} tests")
            if ev.ok and err.is_terminal:
                status = err.status("judging…")
                status.start()
        elif isinstance(ev, TestDone) and status is not None:
            status.update(f"judging… {ev.done}/{ev.total}")
        elif isinstance(ev, Finished):
            result = ev.result
    if status is not None:
        status.stop()
    assert result is not None
    if as_json:
        data = result.to_json()
        data["title"] = problem.title
        print_json(data)
    else:
        _print_result(con, result)
    if result.verdict.value != "AC":
        raise CheckFailed("")


def _runs_of_skips(tests):
    """The tests in order, with each run of consecutive skipped tests as one list."""
    out: list = []
    for t in tests:
        if t.verdict.value == "SKIP":
            if out and isinstance(out[-1], list):
                out[-1].append(t)
            else:
                out.append([t])
        else:
            out.append(t)
    return out


def _print_result(con, result) -> None:
    from rich.markup import escape
    from rich.table import Table

    from studylog.judge import checker

    if result.compile_message:
        con.print("[red]compile error[/] (컴파일 에러):")
        con.print(escape(result.compile_message.rstrip()))
    else:
        table = Table(box=None, pad_edge=False, header_style="bold")
        for col, just in (("#", "right"), ("test", "left"), ("verdict", "left"),
                          ("time", "right"), ("memory", "right")):
            table.add_column(col, justify=just)  # type: ignore[arg-type]
        for group in _runs_of_skips(result.tests):
            if isinstance(group, list):  # consecutive skipped tests: one row
                span = f"{group[0].index}-{group[-1].index}" if len(group) > 1 else str(
                    group[0].index)
                table.add_row(span, f"({len(group)} tests)", "[dim]SKIP[/]", "-", "-")
                continue
            v = group.verdict.value
            table.add_row(str(group.index), group.name, f"[{_verdict_style(v)}]{v}[/]",
                          f"{group.time_ms} ms", _mem(group.memory_kb))
        con.print(table)
    v = result.verdict
    skipped = sum(t.verdict.value == "SKIP" for t in result.tests)
    extra = f" · {skipped} skipped after a time-out" if skipped and v.value != "CE" else ""
    if v.value == "TLE":
        extra = f" · limit {result.time_limit_ms} ms CPU for {result.language_name}" + extra
    attempt = f" · attempt #{result.attempt_id}" if result.attempt_id else ""
    from studylog.config import Settings
    from studylog.judge.problem_present import checker_line, word

    lang = Settings.load().get("language")
    con.print(f"[bold {_verdict_style(v.value)}]{v.value} {v.korean}[/] ({v.english}) · "
              f"{result.passed}/{result.total} passed · max {result.time_ms} ms · "
              f"{_mem(result.memory_kb)}{extra}{attempt} · {checker_line(result.checker, lang)}")
    fail = result.first_failure
    if fail is None or v.value == "CE":
        return
    con.print(f"\n[bold]first failing test: #{fail.index} {escape(fail.name)}[/] "
              f"({fail.verdict.value})")
    con.print("[bold]input:[/]")
    con.print(escape(cut_input(fail.input)))
    if fail.checker_message:
        con.print(f"[bold]{word('checker_says', lang)}[/] {escape(fail.checker_message)}")
    if fail.verdict.value in ("WA", "PE") and not result.checker.startswith("special"):
        con.print("[bold]diff (- expected, + received):[/]")
        for line in checker.diff(fail.expected, fail.received):
            style = "green" if line.startswith("-") else "red" if line.startswith("+") else ""
            con.print(f"[{style}]{escape(line)}[/]" if style else escape(line))
    elif fail.stderr.strip():
        con.print("[bold]stderr (last lines):[/]")
        con.print(escape("\n".join(fail.stderr.rstrip().split("\n")[-8:])))


def run_stress(problem, file: Path, n: int, seed: int, lang: str | None, as_json: bool) -> None:
    """Stress with a progress bar, print the minimal failing case; CheckFailed if one fails."""
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from studylog.judge import checker
    from studylog.judge.service import stress_and_save
    from studylog.judge.stress import ShrinkStep, StressFinished, StressFound, StressProgress

    con = _console()
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=_console(stderr=True), transient=True,
                        disable=as_json)
    result = None
    with progress:
        task = progress.add_task(f"stress {problem.id} seed {seed}", total=n)
        for ev in stress_and_save(get_db(), problem, file, n, seed=seed, lang=lang):
            if isinstance(ev, StressProgress):
                progress.update(task, completed=ev.done)
            elif isinstance(ev, StressFound):
                progress.update(task, description=f"case {ev.index} failed ({ev.verdict.value}); "
                                                  f"shrinking")
            elif isinstance(ev, ShrinkStep):
                progress.update(task, description=f"shrinking: step {ev.steps}, "
                                                  f"{ev.evaluations} tried")
            elif isinstance(ev, StressFinished):
                result = ev.result
    assert result is not None
    if as_json:
        print_json(result.to_json())
    elif result.compile_message:
        con.print("[red]compile error[/] (컴파일 에러):")
        con.print(escape(result.compile_message.rstrip()))
    elif not result.failed:
        note = " · cancelled" if result.cancelled else ""
        con.print(f"[green]no failure[/] in {result.cases} random cases (seed {seed}) · "
                  f"{result.cases_per_s:.1f} cases/s{note}")
    else:
        m = result.minimal
        assert m is not None  # a failed stress run always has its (shrunk) failing case
        v = result.verdict
        con.print(f"[red]{v.value} {v.korean}[/] on a random case after {result.cases} cases "
                  f"(seed {seed}) · shrunk in {result.shrink_steps} steps "
                  f"({result.shrink_evaluations} runs) from {len(result.original_input)} to "
                  f"{len(m.input)} characters")
        con.print("[bold]minimal failing input:[/]")
        con.print(escape(cut_input(m.input)))
        if m.checker_message:
            con.print(escape(m.checker_message))
        if v.value in ("WA", "PE") and not problem.checker.startswith("special"):
            con.print("[bold]diff (- expected, + received):[/]")
            for line in checker.diff(m.expected, m.received):
                con.print(escape(line))
        elif m.stderr.strip():
            con.print(escape("\n".join(m.stderr.rstrip().split("\n")[-8:])))
        con.print(f"saved as a regression case: `studylog solve {problem.id} FILE` runs it first")
    if result.failed:
        raise CheckFailed("")
