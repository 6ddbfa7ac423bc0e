"""Train: the run form (``form``) beside four tabs, each its own module: Live (``live``), Params
(``params``), Runs (``runs``) and LR (``lr``); their workers' messages are in ``messages``.

torch never enters the app: training, the parameter table and the LR range test run in a child
process (``studylog.train.child``) whose events come back as dataclasses.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Select, TabbedContent, TabPane

from studylog.faults import error_line
from studylog.tui.screens.base import StudyScreen
from studylog.tui.screens.train.form import TrainForm
from studylog.tui.screens.train.live import LiveTab
from studylog.tui.screens.train.lr import LrTab
from studylog.tui.screens.train.params import ParamsTab
from studylog.tui.screens.train.runs import RunsTab
from studylog.tui.widgets.footer import StudyFooter
from studylog.tui.words import ui
from studylog.words import current_lang


class TrainScreen(StudyScreen):
    """The training lab."""

    MAIN_INPUT = "#f-model"
    BINDINGS = [
        Binding("ctrl+r", "start_run", "Run"),
        Binding("ctrl+x", "cancel_run", "Cancel", priority=True),  # over Input's cut
        Binding("ctrl+l", "lr_preview", "LR preview"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.lang = current_lang()

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield TrainForm(id="train-form")
            with Vertical(id="train-main"):
                with TabbedContent(id="train-tabs"):
                    with TabPane(ui("tab live", self.lang), id="tab-live"):
                        yield LiveTab(id="live")
                    with TabPane(ui("tab params", self.lang), id="tab-params"):
                        yield ParamsTab(id="params-tab")
                    with TabPane(ui("tab runs", self.lang), id="tab-runs"):
                        yield RunsTab(id="runs-tab")
                    with TabPane(ui("tab lr", self.lang), id="tab-lr"):
                        yield LrTab(id="lr-tab")
        yield StudyFooter()

    def on_mount(self) -> None:
        self.query_one(ParamsTab).lang = self.query_one(RunsTab).lang = self.lang
        self.query_one(RunsTab).load()

    @property
    def live(self) -> LiveTab:
        """The Live tab."""
        return self.query_one(LiveTab)

    def _show(self, tab: str) -> None:
        self.query_one("#train-tabs", TabbedContent).active = tab

    # --- form -------------------------------------------------------------------------------

    @on(Select.Changed)
    def _choice(self, event: Select.Changed) -> None:
        if event.select.id == "f-model":
            self.query_one(TrainForm).set_model(str(event.value))
        if event.select.id in ("f-model", "f-freeze") and self._active() == "tab-params":
            self._load_params()

    def _active(self) -> str:
        return self.query_one("#train-tabs", TabbedContent).active

    @on(TabbedContent.TabActivated, "#train-tabs")
    def _tab(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "tab-params":
            self._load_params()
        elif event.pane.id == "tab-runs":
            self.query_one(RunsTab).load()

    def _load_params(self) -> None:
        form = self.query_one(TrainForm).values()
        self.query_one(ParamsTab).load(form["model"], form["freeze"])

    # --- actions ----------------------------------------------------------------------------

    def action_start_run(self) -> None:
        if self.live.running:
            self.notify(ui("train going", self.lang), severity="warning")
            return
        try:
            options = self.query_one(TrainForm).checked().to_dict()
        except Exception as exc:  # UserError from a bad option
            self.notify(error_line(exc), severity="error")
            return
        self._show("tab-live")
        spec = {"db": str(self.studylog.gate.path), "options": options,
                "date": self.studylog.today}
        self.live.start(spec, self.lang)

    def action_cancel_run(self) -> None:
        if not self.live.cancel():
            self.notify(ui("no run", self.lang))

    def action_lr_preview(self) -> None:
        try:
            options = self.query_one(TrainForm).values()
        except Exception as exc:
            self.notify(error_line(exc), severity="error")
            return
        self._show("tab-lr")
        self.query_one(LrTab).preview(options)

    @on(Button.Pressed, "#lr-button")
    def _lr_button(self) -> None:
        self.action_lr_preview()

    @on(Button.Pressed, "#lr-find")
    def _lr_find(self) -> None:
        try:
            options = self.query_one(TrainForm).checked().to_dict()
        except Exception as exc:
            self.notify(error_line(exc), severity="error")
            return
        self.query_one(LrTab).find(options)

    def on_train_event(self) -> None:
        """A run ended or progressed: the Runs tab shows the stored state."""
        if not self.live.running:
            self.query_one(RunsTab).load()
