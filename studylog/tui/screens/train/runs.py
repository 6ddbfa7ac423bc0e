"""The Train screen's Runs tab: the stored runs (the same columns and words as `studylog runs`)
and an overlay of the selected runs' validation accuracy, legends from their differences."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical

from studylog.train import words as present
from studylog.tui.screens.train.messages import RunsLoaded
from studylog.tui.widgets.curves import ChartPlot
from studylog.tui.widgets.plain import DataTable
from studylog.tui.words import ui
from studylog.words import current_lang

if TYPE_CHECKING:
    from studylog.tui.app import StudylogApp

WIDE = 10_000  # the app's table scrolls sideways: keep every column


class RunsTab(Vertical):
    """Runs table (enter or space selects) and the overlay chart."""

    lang = "en"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.selected: set[int] = set()
        self.overlay_ids: list[int] = []  # the runs drawn in the overlay
        self.headers: list[str] = []

    def compose(self) -> ComposeResult:
        yield DataTable(id="runs-table", cursor_type="row", zebra_stripes=True)
        yield ChartPlot(ui("overlay title", current_lang()), id="plot-overlay")

    @work(thread=True, exclusive=True, group="runs", exit_on_error=False, description="runs")
    def load(self) -> None:
        """The stored runs and the epochs of the selected ones."""
        from studylog.train import runs

        app = cast("StudylogApp", self.app)
        with app.gate.use() as db:
            rows = runs.list_runs(db)
            chosen = [runs.get_run(db, run_id) for run_id in sorted(self.selected)]
        self.post_message(RunsLoaded(rows, [r for r in chosen if r is not None]))

    def on_runs_loaded(self, message: RunsLoaded) -> None:
        """Refill the table (keeping the cursor) and redraw the overlay."""
        from studylog import plots

        table = self.query_one("#runs-table", DataTable)
        cursor = table.cursor_row
        headers, rows, _right, _keys = present.runs_table(message.runs, WIDE, self.lang)
        if headers != self.headers:
            table.clear(columns=True)
            table.add_columns(" ", *headers)
            self.headers = headers
        else:
            table.clear()
        for run, row in zip(message.runs, rows, strict=True):
            mark = "●" if run.id in self.selected else " "
            table.add_row(mark, *row, key=str(run.id))
        if message.runs:
            table.move_cursor(row=min(cursor, len(message.runs) - 1))
        chosen = message.selected
        self.overlay_ids = [r.id for r in chosen]
        overlay = self.query_one("#plot-overlay", ChartPlot)
        if chosen:
            from studylog.train.runs import config_diff

            keys = [k for k, _ in config_diff(chosen) if k in present.LEGEND_KEYS]
            labels = [present.legend(r, keys) for r in chosen]
            overlay.draw(lambda plt: plots.plot_compare(plt, chosen, "val_acc", labels=labels))
        else:
            overlay.draw(lambda plt: plt.title(overlay.chart_title))

    def toggle(self, run_id: int) -> None:
        """Select or unselect a run for the overlay."""
        self.selected ^= {run_id}
        self.load()

    @on(DataTable.RowSelected, "#runs-table")
    def _toggle_run(self, event: DataTable.RowSelected) -> None:
        self.toggle(int(str(event.row_key.value)))

    def key_space(self) -> None:
        table = self.query_one("#runs-table", DataTable)
        if table.has_focus and table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self.toggle(int(str(key.value)))
