"""Train: the run form, the parameter table of the chosen freeze, a live run with curves, the
runs table with an overlay of selected runs, and the LR preview of a scheduler.

torch never enters the app: training and the parameter table run in a child process
(``studylog.tui.train_process``) whose events a worker turns into messages.
"""

from __future__ import annotations

import threading
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

from studylog.errors import UserError
from studylog.tui.messages import (
    LrPreview,
    ParamsLoaded,
    RunsLoaded,
    TrainEpoch,
    TrainFinished,
    TrainStarted,
    TrainStep,
)
from studylog.tui.screens.base import StudyScreen, error_text
from studylog.tui.widgets.curves import ChartPlot
from studylog.tui.widgets.train_form import TrainForm


class TrainScreen(StudyScreen):
    """The training lab."""

    MAIN_INPUT = "#f-model"
    BINDINGS = [
        Binding("ctrl+r", "start_run", "Start run"),
        Binding("ctrl+x", "cancel_run", "Cancel run", priority=True),  # over Input's cut
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
        """Count parameters per block of the chosen model and freeze (torch runs in a child)."""
        from studylog.tui.train_process import stream

        form = self.query_one(TrainForm).values()
        for message in stream({"params": True, "model": form["model"], "freeze": form["freeze"]}):
            if message["kind"] == "error":
                raise UserError(message["message"])
            if message["kind"] == "params":
                rows = [tuple(r) for r in message["rows"]]
                self.post_message(ParamsLoaded(
                    f"{form['model']} freeze={form['freeze']}", rows,
                    sum(r[1] for r in rows), sum(r[2] for r in rows)))

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
        """Train in a child process (torch never enters the app); its events come back here
        and go on to the screen as messages."""
        from studylog.tui.train_process import stream

        status, text, run_id = "failed", "", None
        spec = {"db": str(self.studylog.gate.path), "options": options,
                "date": self.studylog.today}
        try:
            for message in stream(spec, cancel):
                kind = message["kind"]
                if kind == "started":
                    run_id = message["run_id"]
                    self.post_message(TrainStarted(run_id, message["epochs"]))
                elif kind == "step":
                    self.post_message(TrainStep(message["epoch"], message["step"],
                                                message["steps"]))
                elif kind == "epoch":
                    self.post_message(TrainEpoch(run_id, message["epoch"]))
                elif kind == "finish":
                    status, text = message["status"], message["message"]
                elif kind == "error":
                    status, text = "failed", message["message"]
        except Exception as exc:
            status, text = "failed", error_text(exc)
        finally:
            self.post_message(TrainFinished(run_id, status, text))

    def on_train_started(self, message: TrainStarted) -> None:
        self._run_id = message.run_id
        self.query_one("#train-status", Label).update(f"run #{self._run_id}: training…")
        self.query_one("#train-progress", ProgressBar).update(total=message.epochs, progress=0)

    def on_train_step(self, message: TrainStep) -> None:
        done = len(self._epochs)
        what = "cancelling…" if self._cancel is not None and self._cancel.is_set() else (
            "(ctrl+x cancels)")
        self.query_one("#train-status", Label).update(
            f"run #{self._run_id}: epoch {message.epoch}, step {message.step}/{message.steps}"
            f"  {what}")
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
