"""Terminal rendering of a training run (`studylog train`, `runs resume`, `runs show`): Rich
tables, a progress bar and plotext charts, built from :mod:`studylog.train.words`' words and rows.
Renders only (signals and exit codes are :mod:`studylog.cli.run_control`'s); rich and plotext are
imported lazily."""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from studylog.cli import context
from studylog.train import words as present
from studylog.train.events import (
    BlockRow,
    EpochEvent,
    FinishEvent,
    LrFound,
    RunStarted,
    StepEvent,
)


def console(stderr: bool = False) -> Any:
    """A rich Console on stdout (or stderr); a pipe or file gets 150 columns, not rich's 80."""
    from studylog.cli.render.console import console as clean_console

    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else max(150, shutil.get_terminal_size((150, 40)).columns)
    return clean_console(stderr=stderr, width=width)


def block_table(out: Any, blocks: Sequence[BlockRow], lang: str = "en") -> None:
    """The per-block trainable/total parameter table (and the model's total)."""
    from rich.table import Table

    table = Table(title=present.word("params_title", lang), title_justify="left")
    for i, header in enumerate(present.block_headers(lang)):
        table.add_column(header, justify="right" if i in (1, 2) else "left")
    rows = present.block_rows(blocks, lang)
    for b, row in zip(blocks, rows, strict=False):
        frozen = present.freeze_state(b.trainable, b.total) == "frozen"
        table.add_row(*row, style="dim" if frozen else "")
    table.add_row(*rows[-1], style="bold")
    out.print(table)


def confusion_table(out: Any, confusion: list[list[int]], classes: list[str],
                    per_class: list[list[str]], lang: str = "en") -> None:
    """The confusion matrix (rows: true class, columns: predicted) with per-class precision,
    recall and F1 (``per_class`` from :func:`present.per_class_rows`)."""
    from rich.table import Table

    table = Table(title=present.word("confusion_title", lang), title_justify="left",
                  pad_edge=False)
    table.add_column(present.word("true", lang), justify="right")
    for name in classes:
        table.add_column(name[:5], justify="right")
    for key in ("precision", "recall", "f1"):
        table.add_column(present.word(key, lang), justify="right")
    for i, row in enumerate(confusion):
        cells = [f"[bold green]{v}[/]" if j == i else (str(v) if v else "[dim]·[/]")
                 for j, v in enumerate(row)]
        table.add_row(classes[i][:8], *cells, *per_class[i][1:])
    out.print(table)


def progress_bar(out: Any) -> Any:
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


def chart_size(n_charts: int = 1) -> tuple[int, int]:
    """(width, height) for one chart: the terminal width, a share of its height (10..22 rows)."""
    size = shutil.get_terminal_size((100, 40))
    return max(40, size.columns - 1), max(10, min(22, (size.lines - 4) // max(n_charts, 1)))


def show(draw: Callable[..., None], *args: Any, n_charts: int = 1, **kwargs: Any) -> None:
    """Clear the plotext figure, call ``draw(plt, *args)``, size it to the terminal and print it."""
    import plotext as plt

    from studylog.terminal import raw

    plt.clf()
    plt.theme("pro" if sys.stdout.isatty() else "clear")
    draw(plt, *args, **kwargs)
    plt.plotsize(*chart_size(n_charts))
    text = plt.build()
    if not sys.stdout.isatty():  # a file or a pipe gets plain text
        text = plt.uncolorize(text)
    out = raw(sys.stdout)  # the chart's colours are ours; its words are studylog's own
    out.write(text + "\n")
    out.flush()


def run_charts(epochs: Sequence[Any]) -> None:
    """Loss, accuracy/F1 and LR charts of a run (nothing for fewer than one epoch)."""
    from studylog import plots

    if not epochs:
        return
    show(plots.plot_losses, epochs, n_charts=2)
    show(plots.plot_metrics, epochs, n_charts=2)
    show(plots.plot_lr, [e.lr for e in epochs], n_charts=3)


@dataclass
class Rendered:
    """What a rendered run stream held."""

    started: RunStarted | None = None
    epochs: list[EpochEvent] = field(default_factory=list)
    finish: FinishEvent | None = None


def render_run(events: Iterator[Any], *, scheduler: str, patience: int, json_out: bool,
               lang: str = "en") -> Rendered:
    """Print a run's events as they come (nothing with ``json_out``); return what was seen.
    Stops the progress bar whatever happens (a failure, Ctrl-C)."""
    out, err = console(), console(stderr=True)
    seen = Rendered()
    progress, task = None, None
    try:
        if not json_out and sys.stderr.isatty():
            with err.status("loading torch, the data and the model..."):
                first = next(events, None)
        else:
            first = next(events, None)
        if first is None:
            return seen
        for event in _chain(first, events):
            if isinstance(event, RunStarted):
                seen.started = event
                if not json_out:
                    out.print(f"[bold]{present.start_line(event, lang)}[/]")
                    if schedule := present.schedule_line(event.config, lang):
                        out.print(schedule, markup=False)
                    for note in event.notes:
                        out.print(f"[yellow]{note}[/]")
                    block_table(out, event.blocks, lang)
                    out.print(present.epoch_header(), style="bold")
                    epochs = event.config["epochs"]
                    progress = progress_bar(out)
                    progress.start()
                    task = progress.add_task("starting", sps=0.0, completed=(
                        event.first_epoch - 1) * event.n_train, total=epochs * event.n_train)
            elif isinstance(event, StepEvent) and progress is not None:
                done = (event.epoch - 1) * event.samples_total + event.samples
                progress.update(task, completed=done, sps=event.samples_per_s,
                                description=f"epoch {event.epoch}/{event.epochs} "
                                            f"loss {event.loss:.4f}")
            elif isinstance(event, EpochEvent):
                seen.epochs.append(event)
                if not json_out:
                    out.print(present.epoch_line(event))
                    if event.lr_reduced and event.epoch < event.epochs and scheduler in (
                            "plateau", "step"):
                        why = ("plateau: val loss did not improve for more than "
                               f"{patience} epoch(s)" if scheduler == "plateau"
                               else f"{scheduler} schedule")
                        out.print(f"      [yellow]-> {why}; lr {event.lr:g} -> "
                                  f"{event.next_lr:g}[/]")
            elif isinstance(event, FinishEvent):
                seen.finish = event
                if progress is not None:
                    progress.stop()
                    progress = None
    finally:
        if progress is not None:
            progress.stop()
    return seen


def _chain(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield first
    yield from rest


def print_end(seen: Rendered, plot: bool, lang: str = "en") -> None:
    """The finish line, the confusion matrix with per-class scores, charts, the best epoch."""
    out, finish, started = console(), seen.finish, seen.started
    if finish is None or started is None:
        return
    color = present.STATUS_COLOR.get(finish.status, "red")
    out.print(f"[bold {color}]{present.finish_line(finish, lang)}[/]")
    if finish.confusion:
        confusion_table(out, finish.confusion, started.classes, present.per_class_rows(
            started.classes, finish.precision or [], finish.recall or [],
            finish.per_class_f1 or []), lang)
    if plot and seen.epochs:
        out.file.flush()
        run_charts(seen.epochs)
    if seen.epochs:
        out.print(present.best_line(started.run_id, seen.epochs, lang))


def run_json(seen: Rendered) -> dict[str, Any]:
    """`train --json`: the run as it ended (fields are only ever added)."""
    from studylog.train.runs import weights_dir

    started, finish = seen.started, seen.finish
    assert started is not None and finish is not None
    where = weights_dir(context.get_db(), started.run_id)
    return {
        "run_id": started.run_id, "status": finish.status, "message": finish.message,
        "config": started.config, "device": started.device,
        "trainable_params": started.trainable_params, "total_params": started.total_params,
        "samples_per_s": finish.samples_per_s, "first_batch_s": finish.first_batch_s,
        "duration_s": finish.duration_s,
        "epochs": [{k: v for k, v in asdict(e).items()
                    if k not in ("epochs", "next_lr", "lr_reduced", "train_seconds")}
                   for e in seen.epochs],
        "confusion": finish.confusion, "per_class_f1": finish.per_class_f1,
        "precision": finish.precision, "recall": finish.recall,
        "classes": started.classes, "first_epoch": started.first_epoch,
        "weights": None if where is None else str(where),
        "finished_at": time.time(),
    }


def lr_find_report(found: LrFound, lang: str = "en") -> None:
    """The LR range test's curve in the terminal and its suggestion."""
    from studylog import plots

    out = console()
    if found.lrs:
        show(plots.plot_lr_find, found.lrs, found.losses, found.suggested_lr)
    out.print(found.message)
    if found.suggested_lr is not None:
        out.print(present.suggested_lr_line(found.suggested_lr, lang), style="bold")
