"""Indicator charts: reported values against the required trajectory, as inline SVG.

matplotlib (imported here only) draws them with its SVG backend and `svg.fonttype: none`, so
the labels stay text, drawn by the reader's fonts. The charts hold only numbers and dates
(ticks): names, legends and captions are HTML around them, where they are escaped and
translated; so no plan or report text ever reaches the SVG. Every id matplotlib writes (and
every reference to one) is prefixed with the chart's number, so ids are unique in the page.
"""

from __future__ import annotations

import datetime as dt
import io
import re

from markupsafe import Markup

from zzip.bulletin.model import IndicatorRow

COLOURS = {"reported": "#1f4e9c", "required": "#9a9a9a", "target": "#c0392b", "as_of": "#555555"}
_PROLOGUE = re.compile(r"^.*?(?=<svg[\s>])", re.S)

class Charts:
    """Draws the charts one after another on one figure whose lines are given new data each
    time: making a figure, axes and ticks per chart costs more than drawing them."""

    def __init__(self) -> None:
        import matplotlib

        matplotlib.rcParams.update({
            "svg.fonttype": "none", "font.family": "sans-serif", "font.size": 8, "svg.hashsalt": "zzip",
            "axes.spines.top": False, "axes.spines.right": False, "axes.linewidth": 0.6,
            "xtick.major.width": 0.6, "ytick.major.width": 0.6, "xtick.labelsize": 7, "ytick.labelsize": 7,
            "xtick.major.size": 2, "ytick.major.size": 2,
        })
        import matplotlib.dates as mdates
        from matplotlib.backends.backend_svg import FigureCanvasSVG
        from matplotlib.figure import Figure
        from matplotlib.ticker import FuncFormatter, MaxNLocator

        self._fig = Figure(figsize=(3.6, 1.9), dpi=72)
        FigureCanvasSVG(self._fig)
        self._fig.subplots_adjust(left=0.16, right=0.97, top=0.95, bottom=0.14)
        ax = self._ax = self._fig.add_subplot()
        self._required, = ax.plot([], [], color=COLOURS["required"], linestyle="--", linewidth=1.2)
        self._reported, = ax.plot([], [], color=COLOURS["reported"], marker="o", markersize=2.8, linewidth=1.4)
        self._target, = ax.plot([], [], marker="D", markersize=5, color=COLOURS["target"], linestyle="none")
        self._as_of, = ax.plot([], [], color=COLOURS["as_of"], linewidth=0.7, linestyle=":")
        ax.xaxis.set_major_locator(mdates.YearLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.yaxis.set_major_locator(MaxNLocator(4))
        ax.yaxis.set_major_formatter(FuncFormatter(_tick))
        ax.grid(axis="y", linewidth=0.4, color="#dddddd")
        self._dates = mdates.date2num
        self._count = 0

    def close(self) -> None:
        self._fig.clear()

    def svg(self, row: IndicatorRow, as_of: dt.date) -> Markup:
        """The chart of one indicator, as an <svg> element (no XML prologue) to put in HTML."""
        self._count += 1
        ax, num = self._ax, self._dates
        xs: list[float] = []
        ys: list[float] = []
        for line, pairs in ((self._required, row.trajectory), (self._reported, row.points),
                            (self._target, [(row.deadline, row.goal)] if row.goal is not None else [])):
            days = [num(d) for d, _v in pairs]
            values = [v for _d, v in pairs]
            line.set_data(days, values)
            xs += days
            ys += values
        when = num(as_of)
        xs.append(when)
        low, high = (min(ys), max(ys)) if ys else (0.0, 1.0)
        pad = (high - low) * 0.08 or abs(high) * 0.08 or 1.0
        self._as_of.set_data([when, when], [low - pad, high + pad])
        ax.set_xlim(min(xs) - 45, max(xs) + 45)
        ax.set_ylim(low - pad, high + pad)
        buffer = io.StringIO()
        self._fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        return Markup(_inline(buffer.getvalue(), f"c{self._count}"))


def _inline(svg: str, prefix: str) -> str:
    """matplotlib's SVG document as an element of a page: no prologue or metadata, sized by its
    box, and every id (and reference to one) prefixed, so that ids are unique in the page."""
    svg = _PROLOGUE.sub("", svg, count=1)
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, count=1, flags=re.S)
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1 class="chart" aria-hidden="true"', svg, count=1)
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = svg.replace('xlink:href="#', f'xlink:href="#{prefix}-').replace("url(#", f"url(#{prefix}-")
    return svg


def _tick(value: float, _position) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 or float(value).is_integer() else f"{value:g}"
