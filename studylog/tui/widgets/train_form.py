"""The Train screen's form: every option of a run, read back as a ``TrainConfig`` dict."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select

from studylog.errors import UserError

CHOICES: dict[str, tuple[str, ...]] = {
    "model": ("cnn", "mlp", "resnet18"),
    "dataset": ("mnist5k", "mnist", "fashion-mnist"),
    "loss": ("ce", "label-smoothing", "focal", "f1"),
    "optimizer": ("sgd", "adam", "adamw"),
    "scheduler": ("none", "step", "cosine", "plateau"),
}
#: blocks that ``until:layerN`` can name, per model
LAYERS = {"resnet18": 4, "cnn": 2, "mlp": 2}
NUMBERS: dict[str, tuple[str, str]] = {  # key -> (label, default)
    "epochs": ("epochs", "3"),
    "lr": ("lr (empty: optimizer default)", ""),
    "imbalance": ("imbalance ratio (empty: none)", ""),
    "limit": ("limit train samples (empty: all)", "2000"),
    "batch_size": ("batch size", "64"),
    "step_size": ("step size (step)", "2"),
    "gamma": ("gamma (step, plateau)", "0.1"),
    "seed": ("seed (empty: random)", ""),
}
INTS = {"epochs", "limit", "batch_size", "step_size", "seed"}


def freeze_options(model: str) -> list[str]:
    """The freeze choices that make sense for ``model``."""
    return ["none", "backbone", "all"] + [f"until:layer{i}" for i in range(1, LAYERS[model] + 1)]


class TrainForm(VerticalScroll):
    """Selects for the choices and inputs for the numbers."""

    def compose(self) -> ComposeResult:
        for key, values in CHOICES.items():
            yield Label(key)
            yield Select([(v, v) for v in values], value=values[0], allow_blank=False,
                         compact=True, id=f"f-{key}")
        yield Label("freeze")
        yield Select([(v, v) for v in freeze_options("cnn")], value="none", allow_blank=False,
                     compact=True, id="f-freeze")
        for key, (label, default) in NUMBERS.items():
            yield Label(label)
            yield Input(default, id=f"f-{key}", restrict=r"[0-9.eE+-]*", compact=True)

    def set_model(self, model: str) -> None:
        """Offer the freeze choices of ``model`` (keeping the current one when it still fits)."""
        select = self.query_one("#f-freeze", Select)
        options = freeze_options(model)
        current = select.value if select.value in options else "none"
        select.set_options([(v, v) for v in options])
        select.value = current

    def values(self) -> dict[str, Any]:
        """The options as TrainConfig keyword arguments (UserError for an unreadable number)."""
        out: dict[str, Any] = {}
        for key in [*CHOICES, "freeze"]:
            out[key] = str(self.query_one(f"#f-{key}", Select).value)
        for key, (label, _default) in NUMBERS.items():
            text = self.query_one(f"#f-{key}", Input).value.strip()
            if not text:
                continue
            try:
                out[key] = int(text) if key in INTS else float(text)
            except ValueError:
                raise UserError(f"{label.split(' (')[0]}: {text!r} is not a number") from None
        return out
