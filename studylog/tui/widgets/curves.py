"""Line charts of training curves on textual-plotext (``PlotextPlot.plt`` is plotext's API)."""

from __future__ import annotations

from collections.abc import Sequence

from textual_plotext import PlotextPlot


class CurvePlot(PlotextPlot):
    """A titled chart of one or more named series over epochs."""

    def __init__(self, title: str, ylabel: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.chart_title = title
        self.ylabel = ylabel
        self.series: dict[str, tuple[list[float], list[float]]] = {}
        self.log_y = False
        self.redraw()

    def set_series(self, series: dict[str, tuple[Sequence[float], Sequence[float]]],
                   *, log_y: bool = False) -> None:
        """Replace every series (name -> (x values, y values)) and draw."""
        self.series = {k: (list(x), list(y)) for k, (x, y) in series.items()}
        self.log_y = log_y
        self.redraw()

    def redraw(self) -> None:
        """Draw the current series."""
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title(self.chart_title)
        plt.xlabel("epoch")
        if self.ylabel:
            plt.ylabel(self.ylabel)
        drawn = False
        for name, (xs, ys) in self.series.items():
            pts = [(x, y) for x, y in zip(xs, ys, strict=False) if y is not None]
            if not pts:
                continue
            px, py = zip(*pts, strict=True)
            plt.plot(list(px), list(py), label=name, marker="braille")
            drawn = True
        ticks = sorted({x for xs, _ys in self.series.values() for x in xs})
        if drawn and 0 < len(ticks) <= 25 and all(float(x).is_integer() for x in ticks):
            plt.xticks(ticks)
        if drawn and self.log_y:
            plt.yscale("log")
        self.refresh()
