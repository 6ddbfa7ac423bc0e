"""The Train screen's Live tab: starts a run in a child process (torch never enters the app),
shows its progress, status and curves as the events arrive."""

from __future__ import annotations

import threading
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import ProgressBar

from studylog.faults import error_line
from studylog.train import words as present
from studylog.train.events import ChildError, EpochEvent, FinishEvent, RunStarted, StepEvent
from studylog.tui.screens.train.messages import TrainEvent
from studylog.tui.widgets.curves import ChartPlot
from studylog.tui.widgets.plain import Label
from studylog.tui.words import ui
from studylog.words import current_lang


class LiveTab(Vertical):
    """Status line, progress bar, loss/metric/LR curves of the run going on."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.cancel_flag: threading.Event | None = None
        self.epochs: list[EpochEvent] = []
        self.run_id: int | None = None
        self.lang: str = current_lang()

    def compose(self) -> ComposeResult:
        yield Label(ui("train idle", self.lang), id="train-status")
        yield ProgressBar(total=1, id="train-progress", show_eta=False)
        with Horizontal(id="curves"):
            yield ChartPlot("loss", id="plot-loss")
            yield ChartPlot("val acc / macro-F1", id="plot-metrics")
        yield ChartPlot("learning rate", id="plot-lr", classes="lr-plot")

    @property
    def running(self) -> bool:
        """Whether a run is going on."""
        return self.cancel_flag is not None

    def status(self, text: str) -> None:
        """Show ``text`` on the status line (it wraps, never cut)."""
        self.query_one("#train-status", Label).update(text)

    def start(self, spec: dict[str, Any], lang: str) -> None:
        """Run ``spec`` (see ``studylog.train.child``) and follow it."""
        self.cancel_flag = threading.Event()
        self.epochs, self.run_id, self.lang = [], None, lang
        self.status(ui("train preparing", self.lang))
        self.query_one("#train-progress", ProgressBar).update(total=None, progress=0)
        self.draw()
        self.run_training(spec, self.cancel_flag)

    def cancel(self) -> bool:
        """Ask the run to stop after the current batch; False when nothing runs."""
        if self.cancel_flag is None:
            return False
        self.cancel_flag.set()
        self.status(ui("train cancelling", self.lang))
        return True

    @work(thread=True, exclusive=True, group="train", exit_on_error=False, description="training")
    def run_training(self, spec: dict[str, Any], cancel: threading.Event) -> None:
        """Stream the child's events to the event loop; always end with a Finish or an error."""
        from studylog.train.child import stream

        ended = False
        try:
            for event in stream(spec, cancel):
                ended = ended or isinstance(event, FinishEvent | ChildError)
                self.post_message(TrainEvent(event))
        except Exception as exc:
            self.post_message(TrainEvent(ChildError(error_line(exc))))
            ended = True
        if not ended:
            self.post_message(TrainEvent(ChildError(ui("train ended early", self.lang))))

    def on_train_event(self, message: TrainEvent) -> None:
        """Dispatch by the event's type."""
        event = message.event
        bar = self.query_one("#train-progress", ProgressBar)
        if isinstance(event, RunStarted):
            self.run_id = event.run_id
            schedule = present.schedule_line(event.config, self.lang)
            self.status(present.start_line(event, self.lang) + (f"\n{schedule}" if schedule else ""))
            bar.update(total=event.config["epochs"], progress=event.first_epoch - 1)
        elif isinstance(event, StepEvent):
            stopping = self.cancel_flag is not None and self.cancel_flag.is_set()
            self.status(ui("step line", self.lang, run=present.run_name(self.run_id, self.lang),
                           epoch=event.epoch, epochs=event.epochs, step=event.step,
                           steps=event.steps, loss=f"{event.loss:.4f}",
                           what=ui("cancelling" if stopping else "ctrl+x cancels", self.lang)))
            if bar.total:
                bar.update(progress=event.epoch - 1 + event.step / max(1, event.steps))
        elif isinstance(event, EpochEvent):
            self.epochs.append(event)
            bar.update(progress=event.epoch)
            self.status(f"{present.run_name(self.run_id, self.lang)}: "
                        + present.epoch_line(event).strip())
            self.draw()
        elif isinstance(event, FinishEvent | ChildError):
            self.finish(event)

    def finish(self, event: FinishEvent | ChildError) -> None:
        """The run ended: stop the bar where it was, say how, notify."""
        self.cancel_flag = None
        bar = self.query_one("#train-progress", ProgressBar)
        if bar.total is None:  # failed before it started: stop the pulsing bar
            bar.update(total=1, progress=0)
        run = present.run_name(self.run_id, self.lang)
        if isinstance(event, FinishEvent):
            status = event.status
            text = f"{run} " + present.finish_line(event, self.lang)
        else:
            status, text = "failed", f"{run} {present.status_word('failed', self.lang)}: " \
                                     f"{event.message}"
        self.status(text)
        severity = {"completed": "information", "failed": "error"}.get(status, "warning")
        self.notify(text, severity=severity, timeout=6)  # type: ignore[arg-type]  # literal

    def draw(self) -> None:
        """Redraw the three charts from the epochs so far."""
        from studylog import plots

        epochs = list(self.epochs)
        self.query_one("#plot-loss", ChartPlot).draw(lambda plt: plots.plot_losses(plt, epochs))
        self.query_one("#plot-metrics", ChartPlot).draw(
            lambda plt: plots.plot_metrics(plt, epochs, title="val acc / macro-F1"))
        self.query_one("#plot-lr", ChartPlot).draw(
            lambda plt: plots.plot_lr(plt, [e.lr for e in epochs]))
