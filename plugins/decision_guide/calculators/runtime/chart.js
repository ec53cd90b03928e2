// Line charts as SVG markup; colours and dashes come from calculators.css
// classes, so charts follow Material's light and dark palettes.

import { formatValue } from "./format.js";
import { say } from "./words.js";

const RIGHT = 16, BOTTOM = 44, ROW = 20;
const CHAR = 7.5; // average glyph width at 14px

/** `text` escaped for HTML or SVG, attributes included. */
export const escapeMarkup = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const at = (n) => n.toFixed(1);
const isNumber = (y) => typeof y === "number" && Number.isFinite(y);
const text = (x, y, content, extra = "") => `<text x="${at(x)}" y="${at(y)}"${extra}>${escapeMarkup(content)}</text>`;
const widest = (labels) => CHAR * Math.max(0, ...labels.map((label) => label.length));
// `value` as `axis` shows it, in its format and decimals (twin: _axis_text in chart.py);
// a months tick is a number, as the axis label names the unit.
const axisText = (value, axis, style, tick = false) =>
  formatValue(value, tick && axis.format === "months" ? "number" : axis.format, style, axis.decimals);

/** Round ticks covering low..high, 1, 2 or 5 × 10^n apart. */
export function niceTicks(low, high, count = 5) {
  if (!(high > low)) high = low + 1;
  const raw = (high - low) / Math.max(count - 1, 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw);
  const start = Math.floor(low / step) * step;
  const ticks = [];
  for (let i = 0; ticks.length === 0 || ticks[ticks.length - 1] < high - step * 1e-9; i += 1) {
    ticks.push(Number((start + i * step).toFixed(10)));
  }
  return ticks;
}

/**
 * SVG line chart of `data` ({x, series: a (number|null)[] per spec series,
 * marker}) for chart `spec`, `width` CSS pixels wide (at least 280). Null
 * points leave gaps; a marker outside x.from..x.to is left out.
 */
export function renderChart(spec, data, { width = 640 } = {}) {
  checkChart(spec, data);
  const { x: xAxis, y: yAxis } = spec;
  const w = Math.round(Math.max(width, 280));
  const h = Math.round(Math.max(w / 2, 240));
  const key = legend(spec.series, w);
  const ys = data.series.flat().filter(isNumber);
  const yTicks = niceTicks(Math.min(0, ...ys), ys.length ? Math.max(...ys) : 1, 6);
  const yLabels = yTicks.map((tick) => axisText(tick, yAxis, spec.style));
  const [left, top, right, bottom] = [Math.ceil(widest(yLabels) + 14), key.rows * ROW + 36, w - RIGHT, h - BOTTOM];
  const [yLow, yHigh] = [yTicks[0], yTicks[yTicks.length - 1]];
  const sx = (x) => left + ((x - xAxis.from) / (xAxis.to - xAxis.from || 1)) * (right - left);
  const sy = (y) => bottom - ((y - yLow) / (yHigh - yLow)) * (bottom - top);

  const parts = [
    `<path class="dg-chart__grid" d="${yTicks.map((tick) => `M${left} ${at(sy(tick))}H${right}`).join("")}"/>`,
    ...yTicks.map((tick, i) => text(left - 6, sy(tick) + 4, yLabels[i], ' text-anchor="end"')),
    ...xTicks(xAxis, right - left, spec.style).map((tick) =>
      text(sx(tick), bottom + 18, axisText(tick, xAxis, spec.style, true), ' text-anchor="middle"')),
    `<path class="dg-chart__axis" d="M${left} ${top}V${bottom}H${right}"/>`,
    text((left + right) / 2, h - 6, xAxis.label, ' class="dg-chart__label" text-anchor="middle"'),
    text(8, top - 16, yAxis.label, ' class="dg-chart__label"'),
  ];
  data.series.forEach((values, index) => {
    // A gap ends a segment; a lone point is a dot (zero length, round caps).
    const d = values.map((y, i) => {
      if (!isNumber(y)) return "";
      const point = `${at(sx(data.x[i]))} ${at(sy(y))}`;
      if (isNumber(values[i - 1])) return `L${point}`;
      return isNumber(values[i + 1]) ? `M${point}` : `M${point}h0`;
    }).join("");
    if (d) parts.push(`<path class="dg-chart__line dg-chart__line--${index}" d="${d}"/>`);
  });
  if (!ys.length) {
    parts.push(text((left + right) / 2, (top + bottom) / 2, say(spec.words, "chart.no_results"),
      ' class="dg-chart__label" text-anchor="middle"'));
  }
  const marker = shownMarker(spec, data);
  if (marker !== null) {
    const mx = sx(marker);
    const end = mx > w * 0.6;
    parts.push(`<g class="dg-chart__marker"><line x1="${at(mx)}" x2="${at(mx)}" y1="${top}" y2="${bottom}"/>` +
      text(end ? mx - 4 : mx + 4, top + 14, markerText(spec, marker), end ? ' text-anchor="end"' : "") + "</g>");
  }
  parts.push(key.markup);
  return `<svg class="dg-chart__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" ` +
    `role="img" aria-label="${escapeMarkup(describeChart(spec, data))}">${parts.join("")}</svg>`;
}

/** The chart in words: each series' first and last value, and the marker. */
export function describeChart(spec, data) {
  const { x, y } = spec;
  const show = (value, axis) => axisText(value, axis, spec.style);
  const sentences = [say(spec.words, "chart.summary",
    { y: y.label, x: x.label, from: show(x.from, x), to: show(x.to, x) })];
  spec.series.forEach((series, index) => {
    const values = data.series[index].filter(isNumber);
    sentences.push(values.length
      ? say(spec.words, "chart.series", { series: series.label, first: show(values[0], y), last: show(values[values.length - 1], y) })
      : say(spec.words, "chart.series_empty", { series: series.label }));
  });
  const marker = shownMarker(spec, data);
  if (marker !== null) sentences.push(`${markerText(spec, marker)}.`);
  return sentences.join(" ");
}

/** Replace the SVG in `figure` with `markup`. */
export function replaceChart(figure, markup) {
  const template = figure.ownerDocument.createElement("template");
  template.innerHTML = markup;
  const old = figure.querySelector("svg");
  if (old) old.replaceWith(template.content);
  else figure.prepend(template.content);
}

function shownMarker(spec, data) {
  const value = data.marker;
  const inRange = isNumber(value) && value >= spec.x.from && value <= spec.x.to;
  return spec.marker && inRange ? value : null;
}

const markerText = (spec, value) =>
  say(spec.words, "chart.marker", { label: spec.marker.label, value: axisText(value, spec.x, spec.style) });

// As many x ticks as fit side by side in `plotWidth`.
function xTicks(axis, plotWidth, style) {
  const span = axis.to - axis.from || 1;
  let ticks = [];
  for (let count = Math.max(2, Math.floor(plotWidth / 30)); count >= 2; count -= 1) {
    ticks = niceTicks(axis.from, axis.to, count).filter((tick) => tick >= axis.from && tick <= axis.to);
    const gap = ticks.length > 1 ? ((ticks[1] - ticks[0]) / span) * plotWidth : Infinity;
    if (gap >= widest(ticks.map((tick) => axisText(tick, axis, style, true))) + 12) break;
  }
  return ticks;
}

// Legend keys across the top, wrapping into rows: {markup, rows}.
function legend(series, width) {
  let [x, row] = [8, 0];
  const items = series.map((s, index) => {
    const itemWidth = 30 + CHAR * String(s.label).length;
    if (x > 8 && x + itemWidth > width - RIGHT) [x, row] = [8, row + 1];
    const y = 16 + row * ROW;
    const item = `<line class="dg-chart__line dg-chart__line--${index}" ` +
      `x1="${at(x)}" x2="${at(x + 24)}" y1="${y}" y2="${y}"/>${text(x + 30, y + 5, s.label)}`;
    x += itemWidth + 14;
    return item;
  });
  return { markup: `<g class="dg-chart__legend">${items.join("")}</g>`, rows: Math.max(row + 1, 1) };
}

function checkChart(spec, data) {
  const ok = spec?.x && spec.y && Array.isArray(spec.series) && isNumber(spec.x.from) &&
    isNumber(spec.x.to) && spec.x.to >= spec.x.from && Array.isArray(data?.x) && data.x.every(isNumber) &&
    Array.isArray(data.series) && data.series.length === spec.series.length &&
    data.series.every((s) => Array.isArray(s) && s.length === data.x.length);
  if (!ok) throw new TypeError("renderChart needs a chart spec (x.from <= x.to, y, series) and a y per x per series");
}
