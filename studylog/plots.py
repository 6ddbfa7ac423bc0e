"""Training charts drawn on a plotext figure, so they look the same in the CLI and the TUI.

Pass the ``plotext`` module itself (CLI) or textual-plotext's ``PlotextPlot.plt`` (TUI): both
have the same API. These functions only draw series, title and labels; the caller clears the
figure first and sizes/shows it (``plt.plotsize(w, h); plt.show()`` in the CLI, ``refresh()`` in
the TUI). ``epochs`` are ``EpochRecord``s (``studylog.store.runs``), ``EpochEvent``s or dicts with
the same names: epoch, train_loss, val_loss, val_acc, val_f1, lr. No torch, no textual.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

#: Series styles: a distinct marker as well as a colour, so charts read without colours too.
MARKERS = ("hd", "dot", "x", "+", "o", "*", "#", "@")
COLORS = ("blue+", "orange", "green", "red", "magenta", "cyan", "yellow", "gray")
METRIC_LABELS = {
    "val_acc": "validation accuracy", "val_f1": "validation macro-F1",
    "val_loss": "validation loss", "train_loss": "training loss", "lr": "learning rate",
    "val_ce": "validation cross-entropy", "train_acc": "training accuracy",
}


def _get(item: Any, key: str) -> Any:
    return item.get(key) if isinstance(item, Mapping) else getattr(item, key, None)


def _series(plt: Any, xs: Sequence[float], ys: Sequence[float | None], i: int, label: str) -> None:
    pts = [(x, y) for x, y in zip(xs, ys, strict=True) if y is not None]
    if not pts:
        return
    plt.plot([p[0] for p in pts], [p[1] for p in pts], label=label,
             marker=MARKERS[i % len(MARKERS)], color=COLORS[i % len(COLORS)])


def _epoch_axis(plt: Any, n: int) -> None:
    plt.xlabel("epoch")
    if n:
        step = max(1, n // 10)
        plt.xticks(list(range(1, n + 1, step)))


def plot_losses(plt: Any, epochs: Sequence[Any], title: str = "loss") -> None:
    """Training and validation loss per epoch."""
    xs = [_get(e, "epoch") for e in epochs]
    _series(plt, xs, [_get(e, "train_loss") for e in epochs], 0, "train loss")
    _series(plt, xs, [_get(e, "val_loss") for e in epochs], 1, "val loss")
    plt.title(title)
    _epoch_axis(plt, len(xs))


def plot_metrics(plt: Any, epochs: Sequence[Any],
                 title: str = "validation accuracy / macro-F1") -> None:
    """Validation accuracy and macro-F1 per epoch (0..1)."""
    xs = [_get(e, "epoch") for e in epochs]
    _series(plt, xs, [_get(e, "val_acc") for e in epochs], 0, "accuracy")
    _series(plt, xs, [_get(e, "val_f1") for e in epochs], 1, "macro-F1")
    plt.title(title)
    _epoch_axis(plt, len(xs))


def plot_lr(plt: Any, lrs: Sequence[float], title: str = "learning rate",
            reductions: Sequence[int] | None = None) -> None:
    """The LR used in each epoch (``lrs[0]`` is epoch 1) as a staircase: each epoch's LR is held
    from epoch - 0.5 to epoch + 0.5. ``reductions`` (epochs after which plateau cut the LR) are
    named in the title."""
    xs: list[float] = []
    ys: list[float] = []
    for epoch, lr in enumerate(lrs, 1):
        xs += [epoch - 0.5, epoch + 0.5]
        ys += [lr, lr]
    _series(plt, xs, ys, 0, "lr")
    if reductions:
        title += f" (LR cut after epoch {', '.join(str(e) for e in reductions)})"
    plt.title(title)
    _epoch_axis(plt, len(lrs))


def plot_compare(plt: Any, runs: Sequence[Any], metric: str = "val_acc",
                 labels: Sequence[str] | None = None) -> None:
    """One line per run for ``metric`` (val_acc, val_f1, val_loss, val_ce, train_loss, train_acc,
    lr). Each run has ``id`` and ``epochs_list`` (a ``studylog.store.runs.RunRecord``);
    ``labels`` (one per run, e.g. from ``train.words.legend``) name the lines."""
    longest = 0
    for i, run in enumerate(runs):
        epochs = _get(run, "epochs_list") or []
        longest = max(longest, len(epochs))
        label = labels[i] if labels else f"#{_get(run, 'id')}"
        xs = [_get(e, "epoch") for e in epochs]
        _series(plt, xs, [_get(e, metric) for e in epochs], i, label)
    plt.title(METRIC_LABELS.get(metric, metric))
    _epoch_axis(plt, longest)


def plot_lr_find(plt: Any, lrs: Sequence[float], losses: Sequence[float],
                 suggested: float | None = None, title: str = "LR range test") -> None:
    """Smoothed training loss against the learning rate on a log axis, the suggestion marked.

    The x values are log10(lr) on a linear axis with ticks labelled as learning rates (plotext's
    own log scale transforms the data again each time a Textual widget redraws it)."""
    xs = [math.log10(lr) for lr in lrs]
    _series(plt, xs, list(losses), 0, "smoothed loss")
    if xs:
        ticks = list(range(math.floor(min(xs)), math.ceil(max(xs)) + 1))
        plt.xticks(ticks, [f"1e{t}" if t else "1" for t in ticks])
    plt.xlabel("learning rate (log scale)")
    if suggested is not None:
        plt.vline(math.log10(suggested), "red")
        title += f" (suggested lr {suggested:.2g})"
    plt.title(title)
