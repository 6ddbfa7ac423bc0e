"""Terminal rendering for `studylog train` and `studylog runs`: tables, a progress bar and plotext
charts. Only renders what the training service yields; rich and plotext are imported lazily."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from typing import Any

EPOCH_HEADER = (
    f"{'epoch':>5}  {'train loss':>10}  {'val loss':>9}  {'val acc':>7}  {'macro-F1':>8}  "
    f"{'lr':>9}  {'time':>6}  {'samples/s':>9}"
)


def console(stderr: bool = False):
    """A rich Console on stdout (or stderr); a pipe or file gets 150 columns, not rich's 80."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else max(150, shutil.get_terminal_size((150, 40)).columns)
    return Console(stderr=stderr, highlight=False, width=width)


def fmt_params(n: int | None) -> str:
    """12,345 style."""
    return "-" if n is None else f"{n:,}"


def epoch_row(e: Any) -> str:
    """One line of the per-epoch table (an EpochEvent or a stored epoch dict)."""
    get = e.get if isinstance(e, dict) else (lambda k: getattr(e, k, None))
    sps = get("samples_per_s")
    return (
        f"{get('epoch'):>5}  {get('train_loss'):>10.4f}  {get('val_loss'):>9.4f}  "
        f"{get('val_acc'):>7.2%}  {get('val_f1'):>8.4f}  {get('lr'):>9.3g}  "
        f"{get('seconds'):>5.1f}s  {(sps or 0):>9.0f}"
    )


def start_panel(out, started: Any) -> None:
    """The run's header line, data notes and the per-block trainable/total parameter table."""

    c = started.config
    out.print(
        f"[bold]run #{started.run_id}[/]  {c['model']} on {c['dataset']} "
        f"({started.n_train:,} train / {started.n_val:,} val)  loss {c['loss']}  "
        f"{c['optimizer']} lr {c['lr']:g}  scheduler {c['scheduler']}  freeze {c['freeze']}  "
        f"batch {c['batch_size']}  seed {c['seed']}  device {started.device}"
    )
    for note in started.notes:
        out.print(f"[yellow]{note}[/]")
    block_table(out, started.blocks)


def block_table(out, blocks: Sequence[Any]) -> None:
    """The per-block trainable/total parameter table (and the model's total)."""
    from rich.table import Table

    table = Table(title="parameters per block", title_justify="left")
    table.add_column("block")
    table.add_column("trainable", justify="right")
    table.add_column("total", justify="right")
    table.add_column("state")
    for b in blocks:
        state = ("trainable" if b.trainable == b.total
                 else "frozen" if b.trainable == 0 else "partly")
        style = "dim" if state == "frozen" else ""
        table.add_row(b.name, fmt_params(b.trainable), fmt_params(b.total), state, style=style)
    trainable = sum(b.trainable for b in blocks)
    total = sum(b.total for b in blocks)
    table.add_row("all", fmt_params(trainable), fmt_params(total),
                  f"{trainable / max(total, 1):.1%} trainable", style="bold")
    out.print(table)


def progress_bar(out):
    """A rich Progress: description, bar, samples done, samples/s, elapsed and ETA."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[sps]:>6.0f} samples/s"), TimeElapsedColumn(),
        TextColumn("ETA"), TimeRemainingColumn(), console=out, transient=True,
    )


def confusion_table(out, confusion: list[list[int]], classes: list[str], f1: list[float]) -> None:
    """The confusion matrix (rows: true class, columns: predicted) with per-class F1."""
    from rich.table import Table

    table = Table(title="confusion (rows: true, cols: predicted)",
                  title_justify="left", pad_edge=False)
    table.add_column("true", justify="right")
    for name in classes:
        table.add_column(name[:5], justify="right")
    table.add_column("F1", justify="right")
    for i, row in enumerate(confusion):
        cells = [f"[bold green]{v}[/]" if j == i else (str(v) if v else "[dim]·[/]")
                 for j, v in enumerate(row)]
        table.add_row(classes[i][:8], *cells, f"{f1[i]:.3f}")
    out.print(table)


def _figure():
    import plotext as plt

    plt.clf()
    plt.theme("pro" if sys.stdout.isatty() else "clear")
    return plt


def chart_size(n_charts: int = 1) -> tuple[int, int]:
    """(width, height) for one chart: the terminal width, a share of its height (10..22 rows)."""
    size = shutil.get_terminal_size((100, 40))
    return max(40, size.columns - 1), max(10, min(22, (size.lines - 4) // max(n_charts, 1)))


def show(draw, *args: Any, n_charts: int = 1, **kwargs: Any) -> None:
    """Clear the plotext figure, call ``draw(plt, *args)``, size it to the terminal and print it."""
    plt = _figure()
    draw(plt, *args, **kwargs)
    plt.plotsize(*chart_size(n_charts))
    text = plt.build()
    if not sys.stdout.isatty():  # a file or a pipe gets plain text
        text = plt.uncolorize(text)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def run_charts(epochs: Sequence[Any]) -> None:
    """Loss, accuracy/F1 and LR charts of a run (nothing for fewer than one epoch)."""
    from studylog import plots

    if not epochs:
        return
    show(plots.plot_losses, epochs, n_charts=2)
    show(plots.plot_metrics, epochs, n_charts=2)
    lrs = [e["lr"] if isinstance(e, dict) else e.lr for e in epochs]
    show(plots.plot_lr, lrs, n_charts=3)


def runs_table(out, rows: list[dict]) -> None:
    """`studylog runs`: one line per stored run."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for col, just in (("id", "right"), ("date", "left"), ("status", "left"), ("model", "left"),
                      ("data", "left"), ("loss", "left"), ("optim", "left"), ("sched", "left"),
                      ("freeze", "left"), ("epochs", "right"), ("best acc", "right"),
                      ("best F1", "right")):
        table.add_column(col, justify=just)
    colors = {"completed": "green", "interrupted": "yellow", "diverged": "red", "failed": "red"}
    for r in rows:
        acc, f1 = r["best_val_acc"], r["best_val_f1"]
        table.add_row(
            str(r["id"]), r["date"], f"[{colors.get(r['status'], 'cyan')}]{r['status']}[/]",
            r["model"], r["dataset"], r["loss"], f"{r['optimizer']} {r['lr']:g}", r["scheduler"],
            r["freeze"], f"{r['epochs_done']}/{r['epochs']}",
            "-" if acc is None else f"{acc:.2%}", "-" if f1 is None else f"{f1:.4f}",
        )
    out.print(table)


def diff_table(out, runs: list[dict], diff: list[tuple[str, list]]) -> None:
    """`runs compare`: the config keys that differ, one column per run."""
    from rich.table import Table

    table = Table(title="config differences", title_justify="left")
    table.add_column("option")
    for run in runs:
        table.add_column(f"#{run['id']}")
    for key, values in diff:
        table.add_row(key, *("-" if v is None else str(v) for v in values))
    if not diff:
        table.add_row("(same config)", *("" for _ in runs))
    for label, key, fmt in (("best val acc", "best_val_acc", "{:.2%}"),
                            ("best macro-F1", "best_val_f1", "{:.4f}"),
                            ("status", "status", "{}"), ("epochs done", "epochs_done", "{}"),
                            ("samples/s", "samples_per_s", "{:.0f}")):
        table.add_row(f"[bold]{label}[/]",
                      *("-" if r.get(key) is None else fmt.format(r[key]) for r in runs))
    out.print(table)
