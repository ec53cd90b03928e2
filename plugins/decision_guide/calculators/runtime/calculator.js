// Live calculators: pure functions from spec and state to what is shown, then `mount`.

import { renderChart, replaceChart } from "./chart.js";
import { formatValue } from "./format.js";
import { evaluate, FormulaError, toText } from "./formula.js";
import { say } from "./words.js";

const DASH = "—";
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
// What a number box keeps (HTML's "valid floating-point number"); "+5" or "5." it would empty.
const BOX_NUMBER = /^-?(?:\d+|\d*\.\d+)(?:e[-+]?\d+)?$/i;
const YES = ["1", "true", "yes", "on"];
const NO = ["0", "false", "no", "off"];
// The words entry for each rule a formula can break with numbers the reader typed.
const FAILURES = { "division-by-zero": "calculator.division_by_zero", "not-finite": "calculator.not_finite" };
// Entered units per model unit: a percent is entered as 40 and formulas see 0.4 (twin: units.py).
const PER_MODEL_UNIT = { percent: 100 };

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

/**
 * What a number box is given for `text`: the text itself where the box keeps it,
 * the same number in a form it keeps ("+5" → "5", "5." → "5"), or "" for no number.
 */
export function boxText(text) {
  const trimmed = String(text ?? "").trim();
  if (BOX_NUMBER.test(trimmed)) return trimmed;
  return NUMBER.test(trimmed) && Number.isFinite(Number(trimmed)) ? String(Number(trimmed)) : "";
}

/** What formulas see for `number` as entered into `input` (a percent's 40 is 0.4). */
export function modelValue(input, number) {
  const factor = PER_MODEL_UNIT[input.format];
  return factor ? number / factor : number;
}

const short = (text) => (text.length > 24 ? `${text.slice(0, 24)}…` : text);

/**
 * One input's text checked (twin: `read_input` in calculate.py): {value} as
 * formulas see it, or {error} for the reader.
 */
export function validateInput(input, text, style, words) {
  let trimmed = String(text ?? "").trim();
  const error = (key, values) => ({ error: say(words, `calculator.${key}`, values) });
  if (input.type === "boolean") {
    const word = trimmed.toLowerCase();
    if (YES.includes(word) || NO.includes(word)) return { value: YES.includes(word) ? 1 : 0 };
    return trimmed ? error("not_yes_or_no", { text: short(trimmed) }) : error("choose_yes_or_no");
  }
  const { min, max, format = "number", unit } = input;
  if (format === "percent" && trimmed.endsWith("%")) trimmed = trimmed.slice(0, -1).trimEnd();
  if (!trimmed) return error("enter_number");
  if (!NUMBER.test(trimmed)) return error("not_a_number", { text: short(trimmed) });
  const value = Number(trimmed);
  const show = (limit) => formatValue(modelValue(input, limit), format, style, input.decimals) + (format === "number" && unit ? ` ${unit}` : "");
  if (!Number.isFinite(value)) return error("too_large");
  if (value < 0 && isNumber(min) && min >= 0) return error("not_negative");
  if (isNumber(min) && value < min) return error("at_least", { limit: show(min) });
  if (isNumber(max) && value > max) return error("at_most", { limit: show(max) });
  return { value: modelValue(input, value) };
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
      errors[item.id] = failure(error, spec.words);
    }
  }
  return { env, errors };
}

// Why a value is missing. Names are checked at build: an unknown one is a failed value.
// (twin: `shown` in calculate.py).
function failure(error, words) {
  if (!(error instanceof FormulaError)) throw error;
  if (error.code === "unknown-name") return say(words, "calculator.needs_missing");
  if (error.formula !== null && hasOwn(FAILURES, error.code)) return say(words, FAILURES[error.code], { formula: error.formula });
  return say(words, "calculator.cannot_compute", { reason: error.message });
}

// Values whose formula reaches `input`, directly or through other values.
function dependents(spec, input) {
  const changed = new Set([input]);
  const reaches = (node) => changed.has(node.name) || (node.args ?? []).some(reaches);
  for (const item of spec.values) if (reaches(item.tree)) changed.add(item.id);
  return changed;
}

/**
 * computeAll(spec, {...inputs, [input]: x}, only) for each x of `xs` (null for all when
 * `inputs` is null), evaluating once what does not depend on `input`: a chart or table
 * recomputes only what changes along it, which keeps a keystroke under 2 ms.
 */
export function sweep(spec, inputs, input, xs, only) {
  if (!inputs) return xs.map(() => null);
  const base = computeAll(spec, inputs, only);
  const changed = dependents(spec, input);
  const redo = spec.values.filter((item) => changed.has(item.id) && (!only || only.has(item.id)));
  return xs.map((x) => {
    const env = new Map(base.env).set(input, x);
    const errors = { ...base.errors };
    for (const item of redo) {
      delete errors[item.id];
      env.delete(item.id);
      try {
        env.set(item.id, evaluate(item.tree, env));
      } catch (error) {
        errors[item.id] = failure(error, spec.words);
      }
    }
    return { env, errors };
  });
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

/** renderChart's data for `chart`: all null when `inputs` is null (an input is invalid). */
export function chartData(spec, chart, inputs) {
  const x = chartPoints(chart.x);
  const only = needs(spec, chart.series.map((series) => series.value));
  const results = sweep(spec, inputs, chart.x.input, x, only);
  const marker = chart.marker?.value;
  return {
    x,
    series: chart.series.map((series) => results.map((result) => valueIn(result, series.value))),
    marker: marker && inputs ? valueIn(computeAll(spec, inputs, needs(spec, [marker])), marker) : null,
  };
}

/**
 * Value `value` (a spec value) as the reader sees it in `result` (of computeAll,
 * null when an input is invalid): {value, text, reason}; "Never" and the
 * value's own reason where it declares why it may not exist.
 */
export function shown(result, value, style, words) {
  if (result && !hasOwn(result.errors, value.id)) {
    const number = result.env.get(value.id);
    return { value: number, text: formatValue(number, value.format ?? "number", style, value.decimals), reason: "" };
  }
  if (!result) return { value: null, text: DASH, reason: say(words, "calculator.fix_inputs_above") };
  if (value.never) return { value: null, text: say(words, "calculator.never"), reason: value.never };
  return { value: null, text: DASH, reason: result.errors[value.id] };
}

function check(spec, state) {
  const checks = spec.inputs.map((input) => [input.id, validateInput(input, state[input.id], spec.style, spec.words)]);
  const known = Object.fromEntries(checks.filter(([, c]) => !c.error).map(([id, c]) => [id, c.value]));
  const errors = Object.fromEntries(checks.filter(([, c]) => c.error).map(([id, c]) => [id, c.error]));
  return { known, errors, inputs: Object.keys(errors).length ? null : known };
}

/**
 * Every output for `texts` (typed text by input id; others at their defaults),
 * as `decision-guide calc --json` gives it: {outputs: {id: {value, text,
 * reason?}}, errors: {input id: message}}. Throws RangeError for an unknown input.
 */
export function calculate(spec, texts) {
  const ids = spec.inputs.map((input) => input.id);
  for (const name of Object.keys(texts)) {
    if (!ids.includes(name)) throw new RangeError(`calculator ${spec.id} has no input ${name}`);
  }
  const { errors, inputs } = check(spec, { ...readState(spec, ""), ...texts });
  const base = inputs && computeAll(spec, inputs);
  const outputs = {};
  for (const value of spec.values.filter((item) => item.output)) {
    const { reason, ...rest } = shown(base, value, spec.style, spec.words);
    outputs[value.id] = reason ? { ...rest, reason } : rest;
  }
  return { outputs, errors };
}

/**
 * All that is shown for `state` (text by input id): fieldErrors, {value, text,
 * reason} per output and table cell, filled-in formulas, chart data and the status.
 */
export function present(spec, state) {
  const { known, errors, inputs } = check(spec, state);
  const invalid = Object.keys(errors).length;
  const base = inputs && computeAll(spec, inputs);
  const outputs = spec.values.filter((value) => value.output);
  const perId = (list, make) => Object.fromEntries((list ?? []).map((item) => [item.id, make(item)]));
  return {
    fieldErrors: Object.fromEntries(spec.inputs.map(({ id }) => [id, errors[id] ?? null])),
    status: invalid ? say(spec.words, "calculator.fix_inputs", { count: invalid }) : "",
    outputs: perId(outputs, (value) => shown(base, value, spec.style, spec.words)),
    formulas: perId(outputs, (value) => toText(value.tree, base ? base.env : known)),
    tables: perId(spec.tables, ({ over, columns }) => {
      const only = needs(spec, columns.map((column) => column.value));
      return sweep(spec, inputs, over.input, over.values, only).map((result) => {
        return Object.fromEntries(columns.map(({ value }) =>
          [value, shown(result, byId(spec.values, value), spec.style, spec.words)]));
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
  if (result.reason) element.title = result.reason;
  else element.removeAttribute("title");
}

/** One row per input (as entered) and per output (as shown), for the CSV and Markdown exports. */
export function exportRows(spec, state) {
  const view = present(spec, state);
  const entered = (input) => {
    const { value } = validateInput(input, state[input.id], spec.style, spec.words);
    if (input.type === "boolean") return value === undefined ? String(state[input.id] ?? "") : say(spec.words, value ? "export.yes" : "export.no");
    return String(state[input.id] ?? "").trim();
  };
  return [
    ...spec.inputs.map((input) => ({ kind: "input", id: input.id, label: input.label, value: entered(input),
      unit: input.unit ?? "", note: view.fieldErrors[input.id] ?? "" })),
    ...spec.values.filter((value) => value.output).map((value) => ({ kind: "output", id: value.id,
      label: value.label, value: view.outputs[value.id].text, unit: "", note: view.outputs[value.id].reason })),
  ];
}

// A spreadsheet runs a cell starting with one of these as a formula: keep text as text.
const csvCell = (text) => {
  const safe = /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
};

/** `rows` (of exportRows) as CSV in `words`: one header line, every cell quoted, CRLF line ends (RFC 4180). */
export function toCsv(rows, words) {
  const columns = ["kind", "id", "label", "value", "unit", "note"];
  const header = columns.map((column) => say(words, `export.column_${column}`));
  const cell = (row, column) => (column === "kind" ? say(words, `export.kind_${row.kind}`) : row[column]);
  return [header, ...rows.map((row) => columns.map((column) => cell(row, column)))]
    .map((cells) => cells.map((text) => csvCell(String(text))).join(",")).join("\r\n") + "\r\n";
}

// A cell stays on one line; no-break spaces (between a figure and its currency) stay unbroken, as on the page.
const mdCell = (text) => String(text).replace(/[\\|*_`[\]<>]/g, "\\$&").replace(/[^\S\u00a0\u202f]+/g, " ");

/** `rows` (of exportRows) as a Markdown document: title, inputs, results, assumptions, link. */
export function toMarkdown(spec, rows, link) {
  const word = (key, values) => say(spec.words, `export.${key}`, values);
  const table = (kind, heading) => [`| ${heading} | ${word("value")} |`, "| --- | --- |",
    ...rows.filter((row) => row.kind === kind).map((row) =>
      `| ${mdCell(row.label)} | ${mdCell([row.value, row.unit].filter(Boolean).join(" "))}` +
      `${row.note ? ` (${mdCell(row.note)})` : ""} |`)];
  return [`# ${mdCell(spec.title)}`, "", ...table("output", word("result")), "", ...table("input", word("input")),
    ...(spec.assumptions?.length ? ["", word("assumptions"), "", ...spec.assumptions.map((a) => `- ${mdCell(a)}`)] : []),
    "", word("link", { link: `<${link}>` }), ""].join("\n");
}

/** The address of `root`'s calculator with its inputs: the page, its query and the calculator's anchor. */
export function linkTo(root, where = location) {
  return `${where.origin === "null" ? "file://" : where.origin}${where.pathname}${where.search}#${root.id}`;
}

function download(name, type, text) {
  const link = Object.assign(document.createElement("a"), {
    href: URL.createObjectURL(new Blob([text], { type })), download: name, hidden: true,
  });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
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
  for (const reason of root.querySelectorAll("[data-reason]")) {
    const text = view.outputs[reason.dataset.reason]?.reason ?? "";
    setText(reason, text);
    reason.hidden = !text;
  }
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
  // Drawn at the figure's width, so text stays legible on a phone. The width comes from a
  // ResizeObserver, after the browser's own layout: reading it here would force a layout of the
  // whole page while it loads (and on every keystroke, if read there).
  const charts = new Map([...root.querySelectorAll("figure[data-chart]")].map((figure) =>
    [figure, { spec: { ...byId(spec.charts, figure.dataset.chart), style: spec.style, words: spec.words }, width: undefined }]));
  let state = readState(spec, location.search);
  const url = urlWriter(root, () => writeState(spec, state, location.search));
  // A number field cannot hold "abc": it stays empty and the message says why. It empties
  // "+5" and "5." too, so those are given to it as the number they are.
  const fill = (same) => {
    for (const [id, control] of controls) {
      const text = String(state[id] ?? "").trim();
      if (control.type === "checkbox") control.checked = validateInput(byId(spec.inputs, id), text, spec.style, spec.words).value === 1;
      else if (!same(control, text)) control.value = boxText(text);
    }
  };
  const word = (key, values) => say(spec.words, `calculator.${key}`, values);
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
    const link = linkTo(root);
    try {
      await navigator.clipboard.writeText(link);
      render(word("link_copied"));
    } catch {
      // No clipboard API or permission: select the link in a field.
      const actions = root.querySelector(".dg-calc__actions");
      const field = actions.querySelector(".dg-calc__link") ?? actions.appendChild(document.createElement("input"));
      Object.assign(field, { className: "dg-calc__link", readOnly: true, value: link });
      field.setAttribute("aria-label", word("link_label"));
      field.focus();
      field.select();
      render(word("copy_selected"));
    }
  };

  form.addEventListener("submit", (event) => event.preventDefault());
  const exported = (kind) => {
    const rows = exportRows(spec, state);
    if (kind === "csv") download(`${spec.id}.csv`, "text/csv", toCsv(rows, spec.words));
    else download(`${spec.id}.md`, "text/markdown", toMarkdown(spec, rows, linkTo(root)));
    render(word(kind === "csv" ? "downloaded_csv" : "downloaded_markdown"));
  };

  form.addEventListener("input", ({ target }) => {
    if (!controls.has(target.name)) return;
    state = { ...state, [target.name]: target.type === "checkbox" ? (target.checked ? "1" : "0") : target.value };
    render();
    url.later();
  });
  form.addEventListener("click", ({ target }) => {
    const button = target.closest("button");
    const preset = button?.dataset.preset;
    if (preset) load(presetState(spec, preset), word("preset_applied", { preset: button.textContent.trim() }));
    else if (button?.hasAttribute("data-reset")) load(readState(spec, ""), word("defaults_restored"));
    else if (button?.hasAttribute("data-share")) copyLink();
    else if (button?.dataset.export) exported(button.dataset.export);
  });
  // Keep the build's text where it is the same number ("1.95e-05", "0.0000195").
  fill((control, text) => NUMBER.test(text) && Number(control.value || NaN) === Number(text));
  root.querySelector(".dg-calc__actions").hidden = false;
  // The build wrote every result for the defaults (its twin computes what this one would), so
  // a page opened without values of its own is left as it is, and its load stays short.
  if (writeState(spec, state, "")) render();
  followWidths(charts, render);
}

/** Redraw (`render`) when a chart's figure is first laid out or changes width. */
function followWidths(charts, render) {
  if (!charts.size || typeof ResizeObserver !== "function") return;
  const observer = new ResizeObserver((entries) => {
    let changed = false;
    for (const { target, contentRect } of entries) {
      const chart = charts.get(target);
      const width = Math.round(contentRect.width) || undefined;
      changed ||= chart.width !== width;
      chart.width = width;
    }
    if (changed) render();
  });
  for (const figure of charts.keys()) observer.observe(figure);
}
