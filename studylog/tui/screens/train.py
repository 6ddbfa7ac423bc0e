"""Train: the run form, the parameter table of the chosen freeze, a live run with curves, the
runs table with an overlay of selected runs, and the LR preview of a scheduler.

torch is imported only inside the workers that build a model (the parameter table) or train.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    Button,
    DataTable,
    Footer,
    Label,
    ProgressBar,
    Select,
    TabbedContent,
    TabPane,
)

from studylog.tui.messages import (
    LrPreview,
    ParamsLoaded,
    RunsLoaded,
    TrainEpoch,
    TrainFinished,
    TrainStarted,
    TrainStep,
)
from studylog.tui.screens.base import StudyScreen
from studylog.tui.widgets.curves import ChartPlot
from studylog.tui.widgets.train_form import TrainForm

STEP_EVERY_S = 0.25


class TrainScreen(StudyScreen):
    """The training lab."""

    MAIN_INPUT = "#f-model"
    BINDINGS = [
        Binding("ctrl+r", "start_run", "Start run"),
        Binding("ctrl+x", "cancel_run", "Cancel run"),
        Binding("ctrl+l", "lr_preview", "LR preview"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._cancel: threading.Event | None = None
        self._epochs: list[dict[str, Any]] = []
        self._run_id: int | None = None
        self._selected: set[int] = set()
        self.preview_lrs: list[float] = []  # the last LR preview shown
        self.overlay_ids: list[int] = []  # the runs drawn in the overlay

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield TrainForm(id="train-form")
            with Vertical(id="train-main"):
                with TabbedContent(id="train-tabs"):
                    with TabPane("Live", id="tab-live"):
                        yield Label("ctrl+r starts a run with the form's settings",
                                    id="train-status")
                        yield ProgressBar(total=1, id="train-progress", show_eta=False)
                        with Horizontal(id="curves"):
                            yield ChartPlot("loss", id="plot-loss")
                            yield ChartPlot("val acc / macro-F1", id="plot-metrics")
                        yield ChartPlot("learning rate", id="plot-lr", classes="lr-plot")
                    with TabPane("Params", id="tab-params"):
                        yield Label("", id="params-caption", classes="panel-title")
                        yield DataTable(id="params", cursor_type="row", zebra_stripes=True)
                    with TabPane("Runs", id="tab-runs"):
                        yield DataTable(id="runs-table", cursor_type="row", zebra_stripes=True)
                        yield ChartPlot("val acc of the selected runs (space selects)",
                                        id="plot-overlay")
                    with TabPane("LR preview", id="tab-lr"):
                        yield Button("Preview (ctrl+l)", id="lr-button")
                        yield ChartPlot("LR per epoch, no training", id="plot-preview")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#params", DataTable).add_columns("block", "trainable", "total", "")
        self.query_one("#runs-table", DataTable).add_columns(
            " ", "run", "date", "model", "loss", "opt", "sched", "freeze", "ep", "status",
            "best acc", "best F1")
        self.load_runs()

    # --- form -------------------------------------------------------------------------------

    @on(Select.Changed)
    def _choice(self, event: Select.Changed) -> None:
        if event.select.id == "f-model":
            self.query_one(TrainForm).set_model(str(event.value))
        if event.select.id in ("f-model", "f-freeze") and self._params_visible():
            self.load_params()

    def _params_visible(self) -> bool:
        return self.query_one("#train-tabs", TabbedContent).active == "tab-params"

    @on(TabbedContent.TabActivated, "#train-tabs")
    def _tab(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "tab-params":
            self.load_params()
        elif event.pane.id == "tab-runs":
            self.load_runs()

    # --- parameter table (needs torch) ------------------------------------------------------

    @work(thread=True, exclusive=True, group="params", exit_on_error=False,
          description="parameter table")
    def load_params(self) -> None:
        """Build the model, apply the freeze and count parameters per block."""
        form = self.query_one(TrainForm).values()
        from studylog.train import freeze, models

        model = models.build(form["model"])
        freeze.apply(model, form["freeze"])
        rows = [(b.name, b.trainable, b.total) for b in freeze.table(model)]
        trainable = sum(r[1] for r in rows)
        total = sum(r[2] for r in rows)
        self.post_message(ParamsLoaded(f"{form['model']} freeze={form['freeze']}", rows,
                                       trainable, total))

    def on_params_loaded(self, message: ParamsLoaded) -> None:
        table = self.query_one("#params", DataTable)
        table.clear()
        for name, trainable, total in message.rows:
            state = "frozen" if trainable == 0 else "trainable" if trainable == total else "part"
            table.add_row(name, f"{trainable:,}", f"{total:,}", state)
        note = ""
        if message.trainable == 0:
            note = " — nothing to train: loss.backward() would fail (\"element 0 of tensors "
            note += "does not require grad\")"
        self.query_one("#params-caption", Label).update(
            f"{message.key}: {message.trainable:,} / {message.total:,} trainable{note}")

    # --- live run ---------------------------------------------------------------------------

    def action_start_run(self) -> None:
        if self._cancel is not None:
            self.notify("a run is already going (ctrl+x cancels it)", severity="warning")
            return
        try:
            options = self.query_one(TrainForm).values()
        except Exception as exc:  # UserError from a bad number
            self.notify(str(exc), severity="error")
            return
        self._cancel = threading.Event()
        self._epochs = []
        self._run_id = None
        self.query_one("#train-tabs", TabbedContent).active = "tab-live"
        self.query_one("#train-status", Label).update("preparing (loading torch and the data)…")
        self.query_one("#train-progress", ProgressBar).update(total=None, progress=0)
        self._draw_live()
        self.run_training(options, self._cancel)

    def action_cancel_run(self) -> None:
        if self._cancel is None:
            self.notify("no run is going")
            return
        self._cancel.set()
        self.query_one("#train-status", Label).update("cancelling… (finished epochs are kept)")

    @work(thread=True, exclusive=True, group="train", exit_on_error=False, description="training")
    def run_training(self, options: dict[str, Any], cancel: threading.Event) -> None:
        """Train in this thread on a connection of its own; events go back as messages."""
        from studylog.train import engine, runs
        from studylog.train.config import TrainConfig

        status, text, run_id = "failed", "", None
        db = self.studylog.gate.open_private()
        try:
            cfg = TrainConfig(**options)
            last_step = 0.0
            for event in runs.train(db, cfg, cancel=cancel, date=self.studylog.today):
                if isinstance(event, runs.RunStarted):
                    run_id = event.run_id
                    self.studylog.settle_heap()  # torch's many objects: out of the GC's scans
                    self.post_message(TrainStarted(event.run_id, int(cfg.epochs)))
                elif isinstance(event, engine.StepEvent):
                    now = time.monotonic()
                    if now - last_step >= STEP_EVERY_S or event.step == event.steps:
                        last_step = now
                        self.post_message(TrainStep(event.epoch, event.step, event.steps))
                elif isinstance(event, engine.EpochEvent):
                    self.post_message(TrainEpoch(run_id, {
                        "epoch": event.epoch, "epochs": event.epochs,
                        "train_loss": event.train_loss, "val_loss": event.val_loss,
                        "val_acc": event.val_acc, "val_f1": event.val_f1, "lr": event.lr,
                        "samples_per_s": event.samples_per_s}))
                elif isinstance(event, engine.FinishEvent):
                    status, text = event.status, event.message
        except Exception as exc:
            from studylog.tui.screens.base import error_text

            status, text = "failed", error_text(exc)
        finally:
            db.conn.close()
            self.post_message(TrainFinished(run_id, status, text))

    def on_train_started(self, message: TrainStarted) -> None:
        self._run_id = message.run_id
        self.query_one("#train-status", Label).update(f"run #{self._run_id}: training…")
        self.query_one("#train-progress", ProgressBar).update(total=message.epochs, progress=0)

    def on_train_step(self, message: TrainStep) -> None:
        done = len(self._epochs)
        self.query_one("#train-status", Label).update(
            f"run #{self._run_id}: epoch {message.epoch}, step {message.step}/{message.steps}"
            f"  (ctrl+x cancels)")
        bar = self.query_one("#train-progress", ProgressBar)
        if bar.total:
            bar.update(progress=done + message.step / max(1, message.steps))

    def on_train_epoch(self, message: TrainEpoch) -> None:
        e = message.epoch
        self._epochs.append(e)
        self.query_one("#train-progress", ProgressBar).update(progress=len(self._epochs))
        self.query_one("#train-status", Label).update(
            f"run #{self._run_id}: epoch {e['epoch']}/{e['epochs']}  loss {e['train_loss']:.4f}"
            f"  val acc {e['val_acc']:.3f}  F1 {e['val_f1']:.3f}  lr {e['lr']:.2g}"
            f"  {e['samples_per_s']:.0f} samples/s")
        self._draw_live()

    def _draw_live(self) -> None:
        from studylog import plots

        epochs = list(self._epochs)
        self.query_one("#plot-loss", ChartPlot).draw(lambda plt: plots.plot_losses(plt, epochs))
        self.query_one("#plot-metrics", ChartPlot).draw(
            lambda plt: plots.plot_metrics(plt, epochs, title="val acc / macro-F1"))
        self.query_one("#plot-lr", ChartPlot).draw(
            lambda plt: plots.plot_lr(plt, [e["lr"] for e in epochs]))

    def on_train_finished(self, message: TrainFinished) -> None:
        self._cancel = None
        run = f"run #{message.run_id}" if message.run_id else "run"
        text = f"{run} {message.status}" + (f": {message.message}" if message.message else "")
        self.query_one("#train-status", Label).update(text)
        severity = "information" if message.status == "completed" else "warning"
        if message.status == "failed":
            severity = "error"
        self.notify(text, severity=severity, timeout=6)
        self.load_runs()

    # --- runs and overlay -------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="runs", exit_on_error=False, description="runs")
    def load_runs(self) -> None:
        """The stored runs and the epochs of the selected ones."""
        from studylog.train import runs

        with self.studylog.gate.use() as db:
            rows = runs.list_runs(db)
            chosen = [runs.get_run(db, run_id) for run_id in sorted(self._selected)]
        self.post_message(RunsLoaded(rows, [r for r in chosen if r is not None]))

    def on_runs_loaded(self, message: RunsLoaded) -> None:
        table = self.query_one("#runs-table", DataTable)
        cursor = table.cursor_row
        table.clear()

        def num(v: Any) -> str:
            return f"{v:.3f}" if isinstance(v, float) else ""

        for r in message.runs:
            mark = "●" if r["id"] in self._selected else " "
            table.add_row(mark, f"#{r['id']}", r["date"], r["model"], r["loss"] or "",
                          r["optimizer"] or "", r["scheduler"] or "", r["freeze"] or "",
                          f"{r['epochs_done']}/{r['epochs']}", r["status"],
                          num(r["best_val_acc"]), num(r["best_val_f1"]), key=str(r["id"]))
        if message.runs:
            table.move_cursor(row=min(cursor, len(message.runs) - 1))
        from studylog import plots

        chosen = message.selected
        self.overlay_ids = [r["id"] for r in chosen]
        overlay = self.query_one("#plot-overlay", ChartPlot)
        if chosen:
            overlay.draw(lambda plt: plots.plot_compare(plt, chosen, "val_acc"))
        else:
            overlay.draw(lambda plt: plt.title(overlay.chart_title))

    @on(DataTable.RowSelected, "#runs-table")
    def _toggle_run(self, event: DataTable.RowSelected) -> None:
        run_id = int(str(event.row_key.value))
        self._selected ^= {run_id}
        self.load_runs()

    def key_space(self) -> None:
        table = self.query_one("#runs-table", DataTable)
        if table.has_focus and table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self._selected ^= {int(str(key.value))}
            self.load_runs()

    # --- LR preview -------------------------------------------------------------------------

    def action_lr_preview(self) -> None:
        try:
            options = self.query_one(TrainForm).values()
        except Exception as exc:
            self.notify(str(exc), severity="error")
            return
        self.query_one("#train-tabs", TabbedContent).active = "tab-lr"
        self.lr_preview(options)

    @on(Button.Pressed, "#lr-button")
    def _lr_button(self) -> None:
        self.action_lr_preview()

    @work(thread=True, exclusive=True, group="lr", exit_on_error=False, description="LR preview")
    def lr_preview(self, options: dict[str, Any]) -> None:
        """The scheduler's LR per epoch (torch-free)."""
        from studylog.train.config import DEFAULT_LR
        from studylog.train.lr_preview import lr_schedule

        lr = options.get("lr") or DEFAULT_LR[options["optimizer"]]
        preview = lr_schedule(options["scheduler"], lr, int(options.get("epochs", 10)),
                              step_size=int(options.get("step_size", 2)),
                              gamma=float(options.get("gamma", 0.1)))
        self.post_message(LrPreview(f"{options['scheduler']} from {lr:g}", preview.lr,
                                    preview.reductions or []))

    def on_lr_preview(self, message: LrPreview) -> None:
        from studylog import plots

        self.preview_lrs = list(message.lrs)
        title = f"LR per epoch: {message.label} (no training)"
        self.query_one("#plot-preview", ChartPlot).draw(
            lambda plt: plots.plot_lr(plt, message.lrs, title, message.reductions))
