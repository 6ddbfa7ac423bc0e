"""The Train screen's Params tab: trainable/total parameters per block for the form's model and
freeze, computed in a child process (a busy indicator meanwhile)."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical

from studylog.train import words as present
from studylog.train.events import ChildError, ParamsTable
from studylog.tui.screens.train.messages import ParamsLoaded
from studylog.tui.widgets.plain import DataTable, Label
from studylog.tui.words import ui
from studylog.words import current_lang


class ParamsTab(Vertical):
    """Caption and the per-block table."""

    lang = "en"

    def compose(self) -> ComposeResult:
        yield Label("", id="params-caption", classes="panel-title")
        yield DataTable(id="params", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.query_one("#params", DataTable).add_columns(*present.block_headers(self.lang))

    def load(self, model: str, freeze: str) -> None:
        """Compute the table for ``model`` with ``freeze`` (torch runs in a child)."""
        self.query_one("#params", DataTable).loading = True
        self.query_one("#params-caption", Label).update(
            f"{model} freeze={freeze}: counting parameters (loading torch)…")
        self.compute({"params": True, "model": model, "freeze": freeze})

    @work(thread=True, exclusive=True, group="params", exit_on_error=False,
          description="parameter table")
    def compute(self, spec: dict[str, Any]) -> None:
        """Run the child and post its answer."""
        from studylog.train.child import stream

        result: ParamsTable | ChildError = ChildError(ui("params failed", current_lang()))
        for event in stream(spec):
            if isinstance(event, ParamsTable | ChildError):
                result = event
        self.post_message(ParamsLoaded(result))

    def on_params_loaded(self, message: ParamsLoaded) -> None:
        """Fill the table, or say why not."""
        table = self.query_one("#params", DataTable)
        table.loading = False
        caption = self.query_one("#params-caption", Label)
        result = message.result
        if isinstance(result, ChildError):
            caption.update(result.message)
            return
        table.clear()
        rows = present.block_rows(result.blocks, self.lang)
        for row in rows[:-1]:
            table.add_row(*row)
        trainable = sum(b.trainable for b in result.blocks)
        total = sum(b.total for b in result.blocks)
        note = f" — {present.nothing_trainable_note()}" if trainable == 0 else ""
        caption.update(f"{result.model} freeze={result.freeze}: {trainable:,} / {total:,} "
                       f"trainable{note}")
