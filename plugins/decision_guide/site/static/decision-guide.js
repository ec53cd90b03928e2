// Decision Guide client: progressive enhancement for generated tables (sorting), and the
// loader of the calculators' runtime. Shipped as a classic script (see site/bundle.py).
// Re-runs on every page Material's instant navigation shows, without leaking listeners.

/** Compare two cell sort keys: numbers numerically, anything else as text. */
export function compareKeys(a, b) {
  const x = Number(a);
  const y = Number(b);
  if (a !== "" && b !== "" && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return String(a).localeCompare(String(b));
}

function sortKey(row, column) {
  const cell = row.children[column];
  if (!cell) return "";
  return cell.dataset.sort ?? cell.textContent.trim();
}

function sortBy(table, column, header) {
  const body = table.tBodies[0];
  const ascending = header.getAttribute("aria-sort") !== "ascending";
  for (const th of table.tHead.rows[0].cells) th.removeAttribute("aria-sort");
  header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  const rows = [...body.rows];
  rows.sort((r1, r2) => compareKeys(sortKey(r1, column), sortKey(r2, column)) * (ascending ? 1 : -1));
  body.append(...rows);
}

/**
 * Turn the headers of every sortable table under `root` into sort buttons, each named by the
 * table's `data-dg-sortable` (the guide's words for "Sort by {column}").
 */
export function enhanceTables(root) {
  for (const table of root.querySelectorAll("table[data-dg-sortable]:not([data-dg-ready])")) {
    table.dataset.dgReady = "";
    const name = table.dataset.dgSortable;
    [...table.tHead.rows[0].cells].forEach((header, column) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "dg-sort";
      button.textContent = header.textContent;
      if (name) button.setAttribute("aria-label", name.replaceAll("{column}", header.textContent));
      button.addEventListener("click", () => sortBy(table, column, header));
      header.replaceChildren(button);
    });
  }
}

// The calculators' runtime sits beside this script; only a page with a calculator loads it.
const scriptUrl = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : "";
let runtimeRequested = false;

/** The runtime's address, beside this script's own (works from a sub-path and from file://). */
export function runtimeUrl(ownUrl) {
  return new URL("calculators.js", ownUrl).href;
}

/** Load the runtime once, as soon as a page holding a calculator is shown. */
function loadRuntimeIfNeeded(root) {
  if (runtimeRequested || !scriptUrl || !root.querySelector("[data-calculator]")) return;
  runtimeRequested = true;
  const script = document.createElement("script");
  script.src = runtimeUrl(scriptUrl);
  document.head.append(script);
}

function start() {
  enhanceTables(document);
  loadRuntimeIfNeeded(document);
}

// Material's document$ emits each page its instant navigation shows, but never emits from
// file:// (instant navigation is off there), so the page in hand is handled on its own too;
// running twice on a page changes nothing.
if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
  if (typeof window.document$?.subscribe === "function") window.document$.subscribe(start);
}
