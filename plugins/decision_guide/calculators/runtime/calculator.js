// Live calculators: pure functions from spec and state to what is shown, then `mount`.

import { renderChart, replaceChart } from "./chart.js";
import { formatValue } from "./format.js";
import { evaluate, FormulaError, toText } from "./formula.js";

const DASH = "—";
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

/** Whether `key` is `object`'s own property. */
export const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
/** The item of `list` (if any) with id `id`. */
export const byId = (list, id) => (list ?? []).find((item) => item.id === id);
const isNumber = (value) => typeof value === "number" && Number.isFinite(value);

/** The query parameter holding `key` of calculator (or wizard) `specId`. */
export const paramName = (specId, key) => `${specId}.${key}`;

/** Text per input id: the URL's (`search`) where it has one, else the default. */
export function readState(spec, search) {
  const params = new URLSearchParams(search);
  return Object.fromEntries(spec.inputs.map((input) =>
    [input.id, params.get(paramName(spec.id, input.id))?.trim() ?? String(input.default)]));
}

/** `search` with a parameter per input not at its default; others kept. */
export function writeState(spec, state, search) {
  return setParams(search, spec.id, spec.inputs.map(({ id, default: initial }) => {
    const text = String(state[id] ?? "").trim();
    return [id, NUMBER.test(text) && Number(text) === initial ? null : text];
  }));
}

/** `search` with `<prefix>.<key>` set per [key, value], removed where value is null. */
export function setParams(search, prefix, entries) {
  const params = new URLSearchParams(search);
  for (const [key, value] of entries) {
    if (value === null) params.delete(paramName(prefix, key));
    else params.set(paramName(prefix, key), value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The defaults with a preset's values on top. Throws RangeError for an unknown preset. */
export function presetState(spec, presetId) {
  const preset = byId(spec.presets, presetId);
  if (!preset) throw new RangeError(`calculator ${spec.id} has no preset ${presetId}`);
  const state = readState(spec, "");
  for (const [id, value] of Object.entries(preset.values)) if (hasOwn(state, id)) state[id] = String(value);
  return state;
}

/** One input's text checked: {value}, or {error} for the reader. */
export function validateInput(input, text) {
  const trimmed = String(text ?? "").trim();
  if (!trimmed) return { error: "Enter a number." };
  if (!NUMBER.test(trimmed)) {
    return { error: `“${trimmed.length > 24 ? `${trimmed.slice(0, 24)}…` : trimmed}” is not a number.` };
  }
  const value = Number(trimmed);
  const { min, max, format = "number", unit } = input;
  const show = (limit) => formatValue(limit, format) + (format === "number" && unit ? ` ${unit}` : "");
  if (!Number.isFinite(value)) return { error: "This number is too large." };
  if (value < 0 && isNumber(min) && min >= 0) return { error: "Must not be negative." };
  if (isNumber(min) && value < min) return { error: `Must be at least ${show(min)}.` };
  if (isNumber(max) && value > max) return { error: `Must be at most ${show(max)}.` };
  return { value };
}

/**
 * Evaluate the values in order from `inputs` (numbers by id, overrides too),
 * only those in the Set `only` if given: {env: a Map of inputs and values,
 * errors: why each other value is missing}. Throws TypeError for a bad input.
 */
export function computeAll(spec, inputs, only) {
  if (!Array.isArray(spec?.inputs) || !Array.isArray(spec.values)) {
    throw new TypeError("a calculator spec needs inputs and values arrays");
  }
  for (const { id } of spec.inputs) {
    if (!isNumber(inputs?.[id])) throw new TypeError(`input ${id} must be a finite number`);
  }
  const env = new Map(Object.entries(inputs));
  const errors = {};
  for (const item of spec.values) {
    if (only && !only.has(item.id)) continue;
    try {
      env.set(item.id, evaluate(item.tree, env));
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      // Names are checked at build: an unknown one is a failed value.
      errors[item.id] = error.code === "unknown-name"
        ? "Cannot be computed: it needs a result that cannot be."
        : `Cannot be computed: ${error.message}.`;
    }
  }
  return { env, errors };
}

// Values `ids` and all they depend on, so a table or chart computes no more.
function needs(spec, ids) {
  const needed = new Set(ids);
  const walk = (node) => {
    if (typeof node.name === "string") needed.add(node.name);
    node.args?.forEach(walk);
  };
  for (const item of [...spec.values].reverse()) if (needed.has(item.id)) walk(item.tree);
  return needed;
}

/** A chart's x values: from, from + step, … up to `to`, at most 1000. */
export function chartPoints({ from, to, step }) {
  if (!(step > 0 && to >= from)) throw new RangeError("a chart's x needs step > 0 and to >= from");
  const count = Math.min(Math.floor((to - from) / step + 1e-9) + 1, 1000);
  return Array.from({ length: count }, (_, i) => from + i * step);
}

const valueIn = (result, id) => result?.env.get(id) ?? null;
const withInput = (spec, inputs, name, point, only) => inputs && computeAll(spec, { ...inputs, [name]: point }, only);

/** renderChart's data for `chart`: all null when `inputs` is null (an input is invalid). */
export function chartData(spec, chart, inputs) {
  const x = chartPoints(chart.x);
  const only = needs(spec, chart.series.map((series) => series.value));
  const results = x.map((point) => withInput(spec, inputs, chart.x.input, point, only));
  const marker = chart.marker?.value;
  return {
    x,
    series: chart.series.map((series) => results.map((result) => valueIn(result, series.value))),
    marker: marker && inputs ? valueIn(computeAll(spec, inputs, needs(spec, [marker])), marker) : null,
  };
}

function shown(result, id, format = "number") {
  if (!result) return { text: DASH, title: "Fix the inputs above to see this result." };
  if (hasOwn(result.errors, id)) return { text: DASH, title: result.errors[id] };
  return { text: formatValue(result.env.get(id), format), title: "" };
}

/**
 * All that is shown for `state` (text by input id): fieldErrors, {text, title}
 * per output and table cell, filled-in formulas, chart data and the status.
 */
export function present(spec, state) {
  const checks = spec.inputs.map((input) => [input.id, validateInput(input, state[input.id])]);
  const known = Object.fromEntries(checks.filter(([, c]) => !c.error).map(([id, c]) => [id, c.value]));
  const invalid = checks.length - Object.keys(known).length;
  const inputs = invalid ? null : known;
  const base = inputs && computeAll(spec, inputs);
  const outputs = spec.values.filter((value) => value.output);
  const perId = (list, make) => Object.fromEntries((list ?? []).map((item) => [item.id, make(item)]));
  return {
    fieldErrors: Object.fromEntries(checks.map(([id, check]) => [id, check.error ?? null])),
    status: invalid ? `Fix ${invalid} input${invalid === 1 ? "" : "s"} to see results.` : "",
    outputs: perId(outputs, (value) => shown(base, value.id, value.format)),
    formulas: perId(outputs, (value) => toText(value.tree, base ? base.env : known)),
    tables: perId(spec.tables, ({ over, columns }) => {
      const only = needs(spec, columns.map((column) => column.value));
      return over.values.map((point) => {
        const result = withInput(spec, inputs, over.input, point, only);
        return Object.fromEntries(columns.map(({ value, format }) =>
          [value, shown(result, value, format ?? byId(spec.values, value)?.format)]));
      });
    }),
    charts: perId(spec.charts, (chart) => chartData(spec, chart, inputs)),
  };
}

/**
 * The JSON in `root`'s `<template attribute>` (not a script: Material's instant
 * navigation re-creates scripts without their attributes, and so would run it).
 */
export function readSpec(root, attribute) {
  const holder = root.querySelector(`[${attribute}]`);
  if (!holder) throw new Error(`#${root.id}: no <template ${attribute}>`);
  return JSON.parse((holder.content ?? holder).textContent);
}

/** Puts `search()` in the URL: `save()` now, `later()` when typing pauses (browsers cap replaceState). */
export function urlWriter(root, search) {
  let timer;
  const save = () => {
    clearTimeout(timer);
    // Gone after instant navigation: the URL is another page's now.
    const next = root.isConnected && search();
    if (next !== false && next !== location.search) {
      history.replaceState(history.state, "", location.pathname + next + location.hash);
    }
  };
  return { save, later: () => { clearTimeout(timer); timer = setTimeout(save, 250); } };
}

/** Set `element`'s text unless it already has it. */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

function showResult(element, result) {
  if (!result) return;
  setText(element, result.text);
  if (result.title) element.title = result.title;
  else element.removeAttribute("title");
}

function draw(root, spec, view, charts) {
  for (const field of root.querySelectorAll("[data-field]")) {
    const message = view.fieldErrors[field.dataset.field];
    const [control, error] = [field.querySelector("input"), field.querySelector(".dg-field__error")];
    if (message) control.setAttribute("aria-invalid", "true");
    else control.removeAttribute("aria-invalid");
    setText(error, message ?? "");
    error.hidden = !message;
  }
  for (const output of root.querySelectorAll("[data-output]")) showResult(output, view.outputs[output.dataset.output]);
  for (const code of root.querySelectorAll("[data-formula-filled]")) {
    const text = view.formulas[code.dataset.formulaFilled];
    if (text !== undefined) setText(code, text);
  }
  for (const table of root.querySelectorAll("table[data-table]")) {
    const rows = view.tables[table.dataset.table] ?? [];
    [...table.tBodies[0].rows].forEach((row, i) => {
      for (const cell of row.querySelectorAll("[data-cell]")) showResult(cell, rows[i]?.[cell.dataset.cell]);
    });
  }
  for (const [figure, chart] of charts) {
    const data = view.charts[figure.dataset.chart];
    const markup = data && renderChart(chart.spec, data, { width: chart.width });
    if (markup && chart.markup !== markup) replaceChart(figure, markup);
    chart.markup = markup;
  }
}

/** Make one calculator root live. Call once per root. */
export function mount(root) {
  const spec = readSpec(root, "data-calculator-spec");
  const form = root.querySelector("form");
  const status = root.querySelector(".dg-calc__status");
  const controls = new Map(spec.inputs.map(({ id }) => [id, form.elements.namedItem(id)]));
  // Drawn at the width the figure had at first, so text stays legible on a phone
  // (measured once: reading layout on every keystroke would force extra layouts).
  const charts = new Map([...root.querySelectorAll("figure[data-chart]")].map((figure) =>
    [figure, { spec: byId(spec.charts, figure.dataset.chart), width: figure.clientWidth || undefined }]));
  let state = readState(spec, location.search);
  const url = urlWriter(root, () => writeState(spec, state, location.search));
  // A number field cannot hold "abc": it stays empty and the message says why.
  const fill = (same) => {
    for (const [id, control] of controls) {
      if (!same(control, state[id])) control.value = NUMBER.test(state[id]) ? state[id] : "";
    }
  };
  const render = (message = "") => {
    const view = present(spec, state);
    draw(root, spec, view, charts);
    setText(status, [message, view.status].filter(Boolean).join(" "));
  };
  const load = (next, message) => {
    state = next;
    fill(() => false);
    render(message);
    url.save();
  };
  const copyLink = async () => {
    url.save();
    try {
      await navigator.clipboard.writeText(location.href);
      render("Link copied.");
    } catch {
      // No clipboard API or permission: select the link in a field.
      const actions = root.querySelector(".dg-calc__actions");
      const field = actions.querySelector(".dg-calc__link") ?? actions.appendChild(document.createElement("input"));
      Object.assign(field, { className: "dg-calc__link", readOnly: true, value: location.href });
      field.setAttribute("aria-label", "Link to these results");
      field.focus();
      field.select();
      render("Copy the selected link.");
    }
  };

  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", ({ target }) => {
    if (!controls.has(target.name)) return;
    state = { ...state, [target.name]: target.value };
    render();
    url.later();
  });
  form.addEventListener("click", ({ target }) => {
    const button = target.closest("button");
    const preset = button?.dataset.preset;
    if (preset) load(presetState(spec, preset), `Preset applied: ${button.textContent.trim()}.`);
    else if (button?.hasAttribute("data-reset")) load(readState(spec, ""), "Defaults restored.");
    else if (button?.hasAttribute("data-share")) copyLink();
  });
  // Keep the build's text where it is the same number ("1.95e-05", "0.0000195").
  fill((control, text) => NUMBER.test(text) && Number(control.value || NaN) === Number(text));
  root.querySelector(".dg-calc__actions").hidden = false;
  render();
}
