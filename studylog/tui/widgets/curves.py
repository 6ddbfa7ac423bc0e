"""Charts on textual-plotext, drawn by the same ``studylog.plots`` functions as the CLI's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual_plotext import PlotextPlot


class ChartPlot(PlotextPlot):
    """A chart redrawn from scratch by a painter: ``painter(plt)`` (a ``studylog.plots`` call)."""

    def __init__(self, title: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.chart_title = title
        self.painted = 0  # how many times a painter drew on it (for tests and debugging)
        self.draw(lambda plt: plt.title(title))
        self.painted = 0

    def draw(self, painter: Callable[[Any], None]) -> None:
        """Clear the figure, let ``painter`` draw on ``self.plt`` and show the result."""
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        painter(plt)
        self.painted += 1
        self.refresh()
