"""The Train screen's LR tab: a scheduler's LR per epoch (instant, torch-free) and the LR range
test on the form's model and data (in a child process) with its suggested lr."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button

from studylog.train import words as present
from studylog.train.events import ChildError, LrFound
from studylog.tui.screens.train.messages import LrFoundMessage, LrPreviewed
from studylog.tui.widgets.curves import ChartPlot
from studylog.tui.widgets.plain import Label
from studylog.tui.words import ui
from studylog.words import current_lang


class LrTab(Vertical):
    """Preview and Find buttons, a line of result and the chart."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.preview_lrs: list[float] = []  # the last LR preview shown
        self.suggested_lr: float | None = None  # the last range test's suggestion

    def compose(self) -> ComposeResult:
        with Horizontal(id="lr-buttons"):
            yield Button(ui("lr preview button", current_lang()), id="lr-button")
            yield Button(ui("lr find button", current_lang()), id="lr-find")
        yield Label("", id="lr-result")
        yield ChartPlot("LR per epoch, no training", id="plot-preview")

    @work(thread=True, exclusive=True, group="lr", exit_on_error=False, description="LR preview")
    def preview(self, options: dict[str, Any]) -> None:
        """The scheduler's LR per epoch (torch-free)."""
        from studylog.train.config import DEFAULT_LR
        from studylog.train.lr_preview import lr_schedule

        lr = options.get("lr") or DEFAULT_LR[options["optimizer"]]
        preview = lr_schedule(options["scheduler"], lr, int(options.get("epochs", 10)),
                              step_size=int(options.get("step_size", 2)),
                              gamma=float(options.get("gamma", 0.1)),
                              t_max=options.get("t_max"),
                              patience=int(options.get("patience", 1)))
        self.post_message(LrPreviewed(f"{options['scheduler']} from {lr:g}", preview))

    def on_lr_previewed(self, message: LrPreviewed) -> None:
        """Draw the staircase."""
        from studylog import plots

        p = message.preview
        self.preview_lrs = list(p.lr)
        self.query_one("#lr-result", Label).update(ui("lr per epoch", current_lang(), label=message.label))
        title = f"LR per epoch: {message.label} (no training)"
        self.query_one("#plot-preview", ChartPlot).draw(
            lambda plt: plots.plot_lr(plt, p.lr, title, p.reductions or []))

    def find(self, options: dict[str, Any]) -> None:
        """Start the range test on ``options``' model and data."""
        self.query_one("#plot-preview", ChartPlot).loading = True
        self.query_one("#lr-result", Label).update(ui("lr finding", current_lang()))
        self.run_find({"find": True, "options": options})

    @work(thread=True, exclusive=True, group="lr-find", exit_on_error=False,
          description="LR range test")
    def run_find(self, spec: dict[str, Any]) -> None:
        """The child runs the test; its result comes back as a message."""
        from studylog.train.child import stream

        result: LrFound | ChildError = ChildError(ui("lr no answer", current_lang()))
        for event in stream(spec):
            if isinstance(event, LrFound | ChildError):
                result = event
        self.post_message(LrFoundMessage(result))

    def on_lr_found_message(self, message: LrFoundMessage) -> None:
        """Draw the loss-vs-lr curve and say the suggestion."""
        from studylog import plots

        chart = self.query_one("#plot-preview", ChartPlot)
        chart.loading = False
        result, label = message.result, self.query_one("#lr-result", Label)
        if isinstance(result, ChildError):
            label.update(result.message)
            return
        self.suggested_lr = result.suggested_lr
        said = (present.suggested_lr_line(result.suggested_lr, current_lang(), why=False) + "; "
                if result.suggested_lr else "")
        label.update(said + result.message)
        chart.draw(lambda plt: plots.plot_lr_find(plt, result.lrs, result.losses,
                                                  result.suggested_lr))
