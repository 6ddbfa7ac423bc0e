"""The Train screen's form: every option of a run, read back as ``TrainConfig`` keyword arguments.

The choices (models, datasets, losses, optimizers, schedulers, freeze modes and each model's
layer names) come from :mod:`studylog.train.config`, the same lists the CLI checks against.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Select

from studylog.errors import UserError
from studylog.train import config
from studylog.tui.widgets.plain import Label
from studylog.tui.words import ui
from studylog.words import current_lang

CHOICES: dict[str, tuple[str, ...]] = {
    "model": ("cnn", *[m for m in config.MODELS if m != "cnn"]),  # the quick one first
    "dataset": config.DATASETS,
    "loss": config.LOSSES,
    "optimizer": config.OPTIMIZERS,
    "scheduler": config.SCHEDULERS,
}
#: key -> restrict regex; each field's default is the CLI's (TrainConfig's own), its label is
#: the app's words (``studylog.tui.words``, key ``f <field>``)
NUMBER = r"[0-9.eE+-]*"
_FIELDS: dict[str, str] = {
    "epochs": NUMBER, "lr": NUMBER, "momentum": NUMBER, "weight_decay": NUMBER,
    "classes": r"[0-9,\- ]*", "from_run": r"[0-9]*", "imbalance": NUMBER, "limit": NUMBER,
    "batch_size": NUMBER, "step_size": NUMBER, "gamma": NUMBER, "t_max": NUMBER,
    "patience": NUMBER, "seed": NUMBER,
}


def _default(key: str) -> str:
    """The CLI's default for a field (``studylog train`` and the form start alike)."""
    field = config.TrainConfig.__dataclass_fields__.get(key)
    value = None if field is None else field.default
    if value is None or value is dataclasses.MISSING:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


#: key -> (default, restrict regex)
FIELDS: dict[str, tuple[str, str]] = {
    key: (_default(key), restrict) for key, restrict in _FIELDS.items()}
INTS = {"epochs", "limit", "batch_size", "step_size", "seed", "t_max", "patience", "from_run"}
TEXTS = {"classes"}


class TrainForm(VerticalScroll):
    """Selects for the choices and inputs for the numbers."""

    def compose(self) -> ComposeResult:
        lang = current_lang()
        for key, values in CHOICES.items():
            yield Label(ui(f"f {key}", lang))
            yield Select([(v, v) for v in values], value=values[0], allow_blank=False,
                         compact=True, id=f"f-{key}")
        yield Label(ui("f freeze", lang))
        yield Select([(v, v) for v in config.freeze_choices("cnn")], value="none",
                     allow_blank=False, compact=True, id="f-freeze")
        for key, (default, restrict) in FIELDS.items():
            yield Label(ui(f"f {key}", lang))
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
        for key in FIELDS:
            text = self.query_one(f"#f-{key}", Input).value.strip()
            if not text:
                continue
            if key in TEXTS:
                out[key] = text
                continue
            try:
                out[key] = int(text) if key in INTS else float(text)
            except ValueError:
                lang = current_lang()
                field = ui(f"f {key}", lang).split(" (")[0]
                raise UserError(ui("not a number", lang, field=field, text=text)) from None
        return out

    def checked(self) -> config.TrainConfig:
        """The form as a checked TrainConfig (UserError for the first bad option)."""
        return config.TrainConfig(**self.values()).validate()
