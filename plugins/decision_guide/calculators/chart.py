"""The static twin of ``calculators/runtime/chart.js``: the same SVG line chart, drawn at build
time so a chart reads with JavaScript off. The runtime redraws it live at the figure's width.

Keep the two in step: same layout constants, ticks, legend, marker and wording.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypeGuard

from markupsafe import Markup

from decision_guide.calculators.formats import NumberStyle, format_value, style_of
from decision_guide.knowledge.words import Words, default_words

RIGHT, BOTTOM, ROW = 16, 44, 20
CHAR = 7.5  # average glyph width at 14px


@dataclass(frozen=True)
class ChartData:
    """x values, one y list per series (None where a value cannot be computed), the marker."""

    x: Sequence[float]
    series: Sequence[Sequence[float | None]]
    marker: float | None


def chart_xs(start: float, to: float, step: float) -> list[float]:
    """The x values the runtime uses: ``from + i*step`` for as many steps as fit, at most 1000."""
    count = min(math.floor((to - start) / step + 1e-9), 999)
    return [start + i * step for i in range(count + 1)]


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round ticks covering low..high, 1, 2 or 5 × 10^n apart."""
    if not high > low:
        high = low + 1
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks: list[float] = []
    i = 0
    while not ticks or ticks[-1] < high - step * 1e-9:
        ticks.append(float(to_fixed(start + i * step, 10)))
        i += 1
    return ticks


def render_chart(spec: dict[str, Any], data: ChartData, width: int = 640) -> Markup:
    """SVG markup of a chart spec (as in the calculator's JSON spec) and its data."""
    x_axis, y_axis = spec["x"], spec["y"]
    w = _js_round(max(width, 280))
    h = _js_round(max(w / 2, 240))
    key_markup, key_rows = _legend(spec["series"], w)
    ys: list[float] = [y for s in data.series for y in s if _is_number(y)]
    y_ticks = nice_ticks(min([0.0, *ys]), max(ys) if ys else 1, 6)
    style = style_of(spec)
    y_labels = [_axis_text(t, y_axis, style) for t in y_ticks]
    left, top, right, bottom = math.ceil(_widest(y_labels) + 14), key_rows * ROW + 36, w - RIGHT, h - BOTTOM
    y_low, y_high = y_ticks[0], y_ticks[-1]

    def sx(x: float) -> float:
        return float(left + (x - x_axis["from"]) / ((x_axis["to"] - x_axis["from"]) or 1) * (right - left))

    def sy(y: float) -> float:
        return bottom - (y - y_low) / (y_high - y_low) * (bottom - top)

    grid = "".join(f"M{left} {_at(sy(t))}H{right}" for t in y_ticks)
    parts = [f'<path class="dg-chart__grid" d="{grid}"/>']
    parts += [_text(left - 6, sy(t) + 4, label, ' text-anchor="end"')
              for t, label in zip(y_ticks, y_labels, strict=True)]
    parts += [_text(sx(t), bottom + 18, _axis_text(t, x_axis, style, tick=True), ' text-anchor="middle"')
              for t in _x_ticks(x_axis, right - left, style)]
    parts.append(f'<path class="dg-chart__axis" d="M{left} {top}V{bottom}H{right}"/>')
    parts.append(_text((left + right) / 2, h - 6, x_axis["label"],
                       ' class="dg-chart__label" text-anchor="middle"'))
    parts.append(_text(8, top - 16, y_axis["label"], ' class="dg-chart__label"'))
    for index, values in enumerate(data.series):
        d = ""
        for i, y in enumerate(values):
            if not _is_number(y):
                continue
            point = f"{_at(sx(data.x[i]))} {_at(sy(y))}"
            if i > 0 and _is_number(values[i - 1]):
                d += f"L{point}"
            else:
                d += f"M{point}" if i + 1 < len(values) and _is_number(values[i + 1]) else f"M{point}h0"
        if d:
            parts.append(f'<path class="dg-chart__line dg-chart__line--{index}" d="{d}"/>')
    if not ys:
        parts.append(_text((left + right) / 2, (top + bottom) / 2, words_of(spec).say("chart.no_results"),
                           ' class="dg-chart__label" text-anchor="middle"'))
    marker = _shown_marker(spec, data)
    if marker is not None:
        mx = sx(marker)
        end = mx > w * 0.6
        parts.append(f'<g class="dg-chart__marker"><line x1="{_at(mx)}" x2="{_at(mx)}" y1="{top}" '
                     f'y2="{bottom}"/>' + _text(mx - 4 if end else mx + 4, top + 14,
                                              _marker_text(spec, marker),
                                              ' text-anchor="end"' if end else "") + "</g>")
    parts.append(key_markup)
    label = _escape(describe_chart(spec, data))
    return Markup(f'<svg class="dg-chart__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '  # noqa: S704
                  f'role="img" aria-label="{label}">{"".join(parts)}</svg>')


def describe_chart(spec: dict[str, Any], data: ChartData) -> str:
    """The chart in words: each series' first and last value, and the marker."""
    x, y = spec["x"], spec["y"]
    style = style_of(spec)
    words = words_of(spec)
    ends: dict[str, Any] = {"from": _axis_text(x["from"], x, style), "to": _axis_text(x["to"], x, style)}
    sentences = [words.say("chart.summary", y=y["label"], x=x["label"], **ends)]
    for series, values in zip(spec["series"], data.series, strict=True):
        numbers = [v for v in values if _is_number(v)]
        sentences.append(words.say("chart.series", series=series["label"],
                                   first=_axis_text(numbers[0], y, style),
                                   last=_axis_text(numbers[-1], y, style)) if numbers
                         else words.say("chart.series_empty", series=series["label"]))
    marker = _shown_marker(spec, data)
    if marker is not None:
        sentences.append(f"{_marker_text(spec, marker)}.")
    return " ".join(sentences)


def _is_number(value: object) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and math.isfinite(value)


def to_fixed(n: float, places: int) -> str:
    """``Number.prototype.toFixed(places)``, digit for digit, for ``abs(n) < 1e21``.

    JS rounds the double's exact decimal value (0.35 is 0.34999…, so "0.3"), ties away from zero
    (1/2048 to ten places ends in 3, where Python's format rounds to even), and keeps the sign of
    a negative number that rounds to zero ("-0.0") but not of -0 itself. Multiplying by ten in
    floating point first, as ``_at`` once did, rounds 0.35 up and drew different paths from the
    browser's in about one chart in eight."""
    if n == 0:
        return f"{0:.{places}f}"
    return format(Decimal(n).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")


def _js_round(n: float) -> int:
    """``Math.round``: halves go up (Python's ``round`` goes to even, so a 793 px chart was 396
    high here and 397 in the browser)."""
    whole = math.floor(n)
    return whole + 1 if n - whole >= 0.5 else whole


def _at(n: float) -> str:
    return to_fixed(n, 1)


def _text(x: float, y: float, content: str, extra: str = "") -> str:
    return f'<text x="{_at(x)}" y="{_at(y)}"{extra}>{_escape(content)}</text>'


def _escape(text: str) -> str:
    return "".join(f"&#{ord(c)};" if c in "&<>\"'" else c for c in str(text))


def _widest(labels: Sequence[str]) -> float:
    return CHAR * max([0, *(len(label) for label in labels)])


def _axis_text(value: float, axis: dict[str, Any], style: NumberStyle, *, tick: bool = False) -> str:
    """``value`` as ``axis`` shows it: in its format and decimals (a months tick is a number)."""
    fmt = "number" if tick and axis["format"] == "months" else axis["format"]
    return format_value(value, fmt, style, axis.get("decimals"))


def _x_ticks(axis: dict[str, Any], plot_width: float, style: NumberStyle) -> list[float]:
    span = axis["to"] - axis["from"] or 1
    ticks: list[float] = []
    count = max(2, math.floor(plot_width / 30))
    while count >= 2:
        ticks = [t for t in nice_ticks(axis["from"], axis["to"], count) if axis["from"] <= t <= axis["to"]]
        gap = (ticks[1] - ticks[0]) / span * plot_width if len(ticks) > 1 else math.inf
        if gap >= _widest([_axis_text(t, axis, style, tick=True) for t in ticks]) + 12:
            break
        count -= 1
    return ticks


def _legend(series: Sequence[dict[str, Any]], width: float) -> tuple[str, int]:
    x, row = 8.0, 0
    items = []
    for index, s in enumerate(series):
        item_width = 30 + CHAR * len(str(s["label"]))
        if x > 8 and x + item_width > width - RIGHT:
            x, row = 8.0, row + 1
        y = 16 + row * ROW
        items.append(f'<line class="dg-chart__line dg-chart__line--{index}" x1="{_at(x)}" '
                     f'x2="{_at(x + 24)}" y1="{y}" y2="{y}"/>{_text(x + 30, y + 5, s["label"])}')
        x += item_width + 14
    return f'<g class="dg-chart__legend">{"".join(items)}</g>', max(row + 1, 1)


def _shown_marker(spec: dict[str, Any], data: ChartData) -> float | None:
    value = data.marker
    if not _is_number(value) or not spec.get("marker"):
        return None
    return value if spec["x"]["from"] <= value <= spec["x"]["to"] else None


def _marker_text(spec: dict[str, Any], value: float) -> str:
    return words_of(spec).say("chart.marker", label=spec["marker"]["label"],
                              value=_axis_text(value, spec["x"], style_of(spec)))


def words_of(spec: dict[str, Any]) -> Words:
    """The words a chart spec carries (``Words.for_runtime``), else English."""
    data = spec.get("words")
    if not data:
        return default_words(style_of(spec).locale)
    return Words(data["table"], data["locale"])
