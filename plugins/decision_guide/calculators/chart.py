"""A static SVG line chart for calculators, so charts read with JavaScript off.

The browser runtime (``calculators/runtime/chart.js``) redraws the same kind of chart live;
this one only has to be correct and legible at the defaults.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 72, 16, 16, 44


@dataclass(frozen=True)
class Line:
    label: str
    points: Sequence[tuple[float, float]]


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering low..high (1, 2, 5 × a power of ten apart)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def line_chart(lines: Sequence[Line], *, x_label: str, y_label: str,
               format_x: Callable[[float], str], format_y: Callable[[float], str],
               marker: tuple[float, str] | None = None) -> Markup:
    """An accessible SVG: axes with ticks, one polyline per series, a legend, an optional marker."""
    xs = [x for line in lines for x, _ in line.points]
    ys = [y for line in lines for _, y in line.points if math.isfinite(y)]
    if not xs or not ys:
        return Markup("")
    x_min, x_max = min(xs), max(xs)
    y_ticks = nice_ticks(min(0.0, min(ys)), max(ys))
    y_min, y_max = y_ticks[0], y_ticks[-1]

    def sx(x: float) -> float:
        return LEFT + (x - x_min) / ((x_max - x_min) or 1) * (WIDTH - LEFT - RIGHT)

    def sy(y: float) -> float:
        return HEIGHT - BOTTOM - (y - y_min) / ((y_max - y_min) or 1) * (HEIGHT - TOP - BOTTOM)

    parts = [f'<svg class="dg-chart__svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-label="{escape(_summary(lines, y_label, format_y))}">']
    for tick in y_ticks:
        parts.append(f'<line class="dg-chart__grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" '
                     f'y1="{sy(tick):.1f}" y2="{sy(tick):.1f}"/>')
        parts.append(f'<text class="dg-chart__tick" x="{LEFT - 6}" y="{sy(tick) + 4:.1f}" '
                     f'text-anchor="end">{escape(format_y(tick))}</text>')
    for tick in nice_ticks(x_min, x_max, 7):
        if x_min <= tick <= x_max:
            parts.append(f'<text class="dg-chart__tick" x="{sx(tick):.1f}" y="{HEIGHT - BOTTOM + 16}" '
                         f'text-anchor="middle">{escape(format_x(tick))}</text>')
    parts.append(f'<text class="dg-chart__label" x="{(LEFT + WIDTH - RIGHT) / 2}" '
                 f'y="{HEIGHT - 6}" text-anchor="middle">{escape(x_label)}</text>')
    if marker and x_min <= marker[0] <= x_max:
        mx = sx(marker[0])
        parts.append(f'<line class="dg-chart__marker" x1="{mx:.1f}" x2="{mx:.1f}" y1="{TOP}" '
                     f'y2="{HEIGHT - BOTTOM}"/><text class="dg-chart__marker-label" '
                     f'x="{mx + 4:.1f}" y="{TOP + 12}">{escape(marker[1])}</text>')
    for index, line in enumerate(lines):
        points = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in line.points if math.isfinite(y))
        parts.append(f'<polyline class="dg-chart__line dg-chart__line--{index}" points="{points}"/>')
    parts.append("</svg>")
    legend = "".join(f'<li class="dg-chart__key dg-chart__key--{i}">{escape(line.label)}</li>'
                     for i, line in enumerate(lines))
    return Markup("".join(parts) + f'<ul class="dg-chart__legend">{legend}</ul>')  # noqa: S704


def _summary(lines: Sequence[Line], y_label: str, format_y: Callable[[float], str]) -> str:
    ends = "; ".join(f"{line.label} ends at {format_y(line.points[-1][1])}"
                     for line in lines if line.points)
    return f"{y_label}: {ends}"
