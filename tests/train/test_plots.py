"""studylog.plots draws on a real plotext figure, from dicts or event-like objects."""

from __future__ import annotations

from types import SimpleNamespace

import plotext as plt

from studylog import plots

EPOCHS = [
    {"epoch": 1, "train_loss": 1.2, "val_loss": 0.9, "val_acc": 0.7, "val_f1": 0.6, "lr": 0.1},
    {"epoch": 2, "train_loss": 0.6, "val_loss": 0.5, "val_acc": 0.85, "val_f1": 0.8, "lr": 0.01},
]


def _draw(fn, *args, **kw) -> str:
    plt.clf()
    plt.theme("clear")
    fn(plt, *args, **kw)
    plt.plotsize(60, 15)
    return plt.uncolorize(plt.build())


def test_each_chart_has_its_title_and_legend():
    assert "train loss" in _draw(plots.plot_losses, EPOCHS)
    text = _draw(plots.plot_metrics, [SimpleNamespace(**e) for e in EPOCHS])
    assert "macro-F1" in text and "accuracy" in text
    assert "cut after epoch 1" in _draw(plots.plot_lr, [0.1, 0.01], reductions=[1])
    runs = [{"id": 3, "model": "cnn", "loss": "ce", "epochs_list": EPOCHS},
            {"id": 4, "model": "mlp", "loss": "f1", "epochs_list": EPOCHS[:1]}]
    text = _draw(plots.plot_compare, runs, "val_acc", labels=["#3 cnn ce", "#4 mlp f1"])
    assert "#3 cnn ce" in text and "#4 mlp f1" in text and "validation accuracy" in text
