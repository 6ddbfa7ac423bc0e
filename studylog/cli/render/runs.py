"""Terminal rendering for `studylog runs`: the fitted runs table, one run in full, and the
config-difference table of `runs compare`, from :mod:`studylog.train.words`' rows."""

from __future__ import annotations

import shutil
import sys
from typing import TYPE_CHECKING, Any

from studylog.cli.render import train as render
from studylog.train import words as present

if TYPE_CHECKING:
    from studylog.train.runs import RunRecord


def width() -> int:
    """Columns available: the terminal's, or 100 when piped."""
    return shutil.get_terminal_size((100, 40)).columns if sys.stdout.isatty() else 100


def runs_table(runs: list[RunRecord], lang: str) -> None:
    """`studylog runs`: one line per run, fitted to the terminal, status coloured."""
    from rich.text import Text

    out = render.console()
    headers, rows, right, keys = present.runs_table(runs, width(), lang)
    lines = present.fit_table(headers, rows, right)
    out.print(Text(lines[0], style="bold"), no_wrap=True, overflow="ignore", crop=False)
    out.print(lines[1], no_wrap=True, overflow="ignore", crop=False)
    for run, line in zip(runs, lines[2:], strict=True):
        text = Text(line)
        word = present.status_word(run.status, lang)
        at = line.find(word) if "status" in keys else -1
        if at >= 0:
            text.stylize(present.STATUS_COLOR.get(run.status, ""), at, at + len(word))
        out.print(text, no_wrap=True, overflow="ignore", crop=False)


def show_run(run: RunRecord, lang: str) -> None:
    """`runs show N`: header, config, notes, epochs, confusion with per-class scores, charts."""
    out = render.console()
    color = present.STATUS_COLOR.get(run.status, "")
    out.print(f"[bold {color}]{present.run_title(run, lang)}[/]")
    out.print(present.config_line(run.config, run.device), markup=False)  # the user's values
    out.print(present.params_line(run.trainable_params or 0, run.total_params or 0,
                                  run.samples_per_s, lang))
    if run.weights:
        out.print(present.weights_line(str(run.weights), lang), markup=False)  # a path
    for note in run.summary.get("notes") or []:
        out.print(note, style="yellow", markup=False)
    if run.epochs_list:
        out.print(present.epoch_header(), style="bold")
        for e in run.epochs_list:
            out.print(present.epoch_line(e))
    s = run.summary
    if s.get("confusion"):
        classes = s.get("classes") or [str(i) for i in range(len(s["confusion"]))]
        rows = present.per_class_rows(classes, s.get("precision") or [], s.get("recall") or [],
                                      s.get("per_class_f1") or [])
        render.confusion_table(out, s["confusion"], classes, rows, lang)
    render.run_charts(run.epochs_list)


def diff_table(runs: list[RunRecord], diff: list[tuple[str, list[Any]]], lang: str) -> None:
    """`runs compare`: the config keys that differ, one column per run, then the results."""
    from rich.table import Table
    from rich.text import Text

    word = present.word
    table = Table(title=word("config_diff", lang), title_justify="left")
    table.add_column(word("option", lang))
    for run in runs:
        table.add_column(f"#{run.id}")
    for key, values in diff:
        table.add_row(key, *(Text("-" if v is None else str(v)) for v in values))  # as given
    if not diff:
        table.add_row(word("same_config", lang), *("" for _ in runs))
    table.add_row(f"[bold]{word('best_acc', lang)}[/]",
                  *(present._fmt(r.best_val_acc, ".2%") for r in runs))
    table.add_row(f"[bold]{word('best_f1', lang)}[/]",
                  *(present._fmt(r.best_val_f1, ".4f") for r in runs))
    table.add_row(f"[bold]{word('status', lang)}[/]",
                  *(present.status_word(r.status, lang) for r in runs))
    table.add_row(f"[bold]{word('epochs_done', lang)}[/]", *(str(r.epochs_done) for r in runs))
    table.add_row("[bold]samples/s[/]", *(present._fmt(r.samples_per_s, ".0f") for r in runs))
    render.console().print(table)
