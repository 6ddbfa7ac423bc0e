"""The Train screen's form: every option of a run, read back as ``TrainConfig`` keyword arguments.

The choices (models, datasets, losses, optimizers, schedulers, freeze modes and each model's
layer names) come from :mod:`studylog.train.config`, the same lists the CLI checks against.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select

from studylog.errors import UserError
from studylog.train import config

CHOICES: dict[str, tuple[str, ...]] = {
    "model": ("cnn", *[m for m in config.MODELS if m != "cnn"]),  # the quick one first
    "dataset": config.DATASETS,
    "loss": config.LOSSES,
    "optimizer": config.OPTIMIZERS,
    "scheduler": config.SCHEDULERS,
}
#: key -> (label, restrict regex); each field's default is the CLI's (TrainConfig's own)
NUMBER = r"[0-9.eE+-]*"
_FIELDS: dict[str, tuple[str, str]] = {
    "epochs": ("epochs", NUMBER),
    "lr": ("lr (empty: optimizer default)", NUMBER),
    "momentum": ("momentum (sgd)", NUMBER),
    "weight_decay": ("weight decay", NUMBER),
    "classes": ("classes (e.g. 0-4; empty: all)", r"[0-9,\- ]*"),
    "from_run": ("from run # (its best weights)", r"[0-9]*"),
    "imbalance": ("imbalance ratio (empty: none)", NUMBER),
    "limit": ("limit train samples (empty: all)", NUMBER),
    "batch_size": ("batch size", NUMBER),
    "step_size": ("step size (step)", NUMBER),
    "gamma": ("gamma (step, plateau)", NUMBER),
    "t_max": ("T_max (cosine; empty: epochs)", NUMBER),
    "patience": ("patience (plateau)", NUMBER),
    "seed": ("seed (empty: random)", NUMBER),
}


def _default(key: str) -> str:
    """The CLI's default for a field (``studylog train`` and the form start alike)."""
    field = config.TrainConfig.__dataclass_fields__.get(key)
    value = None if field is None else field.default
    if value is None or value is dataclasses.MISSING:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


#: key -> (label, default, restrict regex)
FIELDS: dict[str, tuple[str, str, str]] = {
    key: (label, _default(key), restrict) for key, (label, restrict) in _FIELDS.items()}
INTS = {"epochs", "limit", "batch_size", "step_size", "seed", "t_max", "patience", "from_run"}
TEXTS = {"classes"}


class TrainForm(VerticalScroll):
    """Selects for the choices and inputs for the numbers."""

    def compose(self) -> ComposeResult:
        for key, values in CHOICES.items():
            yield Label(key)
            yield Select([(v, v) for v in values], value=values[0], allow_blank=False,
                         compact=True, id=f"f-{key}")
        yield Label("freeze")
        yield Select([(v, v) for v in config.freeze_choices("cnn")], value="none",
                     allow_blank=False, compact=True, id="f-freeze")
        for key, (label, default, restrict) in FIELDS.items():
            yield Label(label)
            yield Input(default, id=f"f-{key}", restrict=restrict, compact=True)

    def set_model(self, model: str) -> None:
        """Offer the freeze choices of ``model`` (keeping the current one when it still fits)."""
        select = self.query_one("#f-freeze", Select)
        options = config.freeze_choices(model)
        current = select.value if select.value in options else "none"
        select.set_options([(v, v) for v in options])
        select.value = current

    def values(self) -> dict[str, Any]:
        """The options as TrainConfig keyword arguments (UserError for an unreadable number)."""
        out: dict[str, Any] = {}
        for key in [*CHOICES, "freeze"]:
            out[key] = str(self.query_one(f"#f-{key}", Select).value)
        for key, (label, _default, _restrict) in FIELDS.items():
            text = self.query_one(f"#f-{key}", Input).value.strip()
            if not text:
                continue
            if key in TEXTS:
                out[key] = text
                continue
            try:
                out[key] = int(text) if key in INTS else float(text)
            except ValueError:
                raise UserError(f"{label.split(' (')[0]}: {text!r} is not a number") from None
        return out

    def checked(self) -> config.TrainConfig:
        """The form as a checked TrainConfig (UserError for the first bad option)."""
        return config.TrainConfig(**self.values()).validate()
