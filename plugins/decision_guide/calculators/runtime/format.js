// Numbers as text in the guide's currency and locale; twin of
// plugins/decision_guide/calculators/formats.py, which renders the static page.
// Rounding is shared and locale-free: both round the shortest round-trip decimal
// of a value (toExponential / repr) half away from zero in integers, to places
// set by the magnitude or to the `places` an author fixed (`decimals`, which wins
// over the currency's own digits: ¥1,234.56 with 2). The rounded
// decimal string then goes to Intl.NumberFormat as a string (exact, no second
// rounding), which adds the locale's separators and currency symbol. Both sides
// are held to the golden tables in tests/contracts/formats/. plainNumber writes the
// numbers inside formulas (code, the same in every locale).

const MINUS = "\u2212";

/** How numbers read when a spec carries no style (the Python side's DEFAULT_STYLE; its unit
 * words are the English ones of knowledge/words.yml, which a test keeps equal). */
export const DEFAULT_STYLE = Object.freeze({
  locale: "en-US",
  currency: "USD",
  units: Object.freeze({ ms: "ms", s: "s", min: "min", h: "h", month: "month", months: "months" }),
});

// [decimal places, fewest kept after trimming zeros] for a magnitude a > 0.
const sigThree = (a) => 2 - Number(a.toExponential().split("e")[1]);
const RULES = {
  currency: (a) => (a >= 100 ? [0, 0] : a >= 1 ? [2, 2] : [sigThree(a), 2]),
  number: (a) => (a >= 100 ? [0, 0] : a >= 1 ? [2, 0] : [sigThree(a), 0]),
  tenths: () => [1, 0],
};

// Intl.NumberFormat objects are slow to make and fast to use: one per locale and options.
const formatters = new Map();
// Intl's limit is 20 places in node 20 (100 in newer engines); tinier values (below 1e-18)
// get the rest of their digits appended to the fraction Intl shows.
const MOST_PLACES = 20;
function localised(text, style, options = {}) {
  const point = text.indexOf(".");
  const places = point < 0 ? 0 : text.length - point - 1;
  const shown = Math.min(places, MOST_PLACES);
  const key = `${style.locale}|${options.style ?? ""}|${options.currency ?? ""}|${shown}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(style.locale, {
      ...options, minimumFractionDigits: shown, maximumFractionDigits: shown,
    });
    formatters.set(key, formatter);
  }
  // A string is read as an exact decimal (Intl.NumberFormat v3), so nothing rounds twice.
  const exact = (digits) => (options.style === "percent" ? `${digits}e-2` : digits);
  if (places <= MOST_PLACES) return formatter.format(exact(text));
  const tail = text.slice(point + 1 + MOST_PLACES);
  return formatter.formatToParts(exact(text.slice(0, point + 1 + MOST_PLACES)))
    .map((part) => (part.type === "fraction" ? part.value + tail : part.value)).join("");
}

const number = (text, style) => localised(text, style);

const RENDER = {
  currency: (a, style) => localised(decimal(a, RULES.currency), style, { style: "currency", currency: style.currency }),
  number: (a, style) => number(decimal(a, RULES.number), style),
  percent: (a, style) => localised(decimal(a * 100, RULES.tenths), style, { style: "percent" }),
  duration,
  months(a, style) {
    const text = decimal(a, RULES.tenths);
    return `${number(text, style)} ${style.units[text === "1" ? "month" : "months"]}`;
  },
};

/** The formats `formatValue` knows. */
export const FORMATS = Object.freeze(Object.keys(RENDER));

// `places` fixed by the author, for the formats that take them (a percent's are of the
// percentage: 12.5 % is 1 place).
const EXACT = {
  currency: (a, places, style) => localised(fixed(a, places), style, { style: "currency", currency: style.currency }),
  number: (a, places, style) => number(fixed(a, places), style),
  percent: (a, places, style) => localised(fixed(a * 100, places), style, { style: "percent" }),
};
/** The formats that take `places`, and the most places they take. */
export const PLACES_FORMATS = Object.freeze(Object.keys(EXACT));
export const MOST_DECIMALS = 6;

/**
 * `value` as text in `format` and `style` ({locale, currency, units}):
 * "currency", "number", "percent" (of a fraction: 0.625 is "62.5%"), "duration"
 * (of milliseconds) or "months", with a real minus sign in front. Throws
 * TypeError for a value that is not a finite number, RangeError for an unknown
 * format. `places` (0-6, for currency, number and percent; null or undefined for
 * none) fixes the decimals instead of the magnitude rule: 1234.56 with 2 is
 * "1.234,56 €" in de-DE; RangeError for other places.
 */
export function formatValue(value, format, style = DEFAULT_STYLE, places = null) {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(`expected a finite number, got ${String(value)}`);
  }
  if (!FORMATS.includes(format)) {
    throw new RangeError(`unknown format ${JSON.stringify(format)}; expected one of ${FORMATS.join(", ")}`);
  }
  const fixedPlaces = places ?? null;
  if (fixedPlaces !== null && !(PLACES_FORMATS.includes(format) && Number.isInteger(fixedPlaces)
      && fixedPlaces >= 0 && fixedPlaces <= MOST_DECIMALS)) {
    throw new RangeError(`places ${String(places)} for ${JSON.stringify(format)}: expected 0 to ${MOST_DECIMALS}, for one of ${PLACES_FORMATS.join(", ")}`);
  }
  const shown = style ?? DEFAULT_STYLE;
  // A recompute formats the same axis ticks and figures again and again: the text of each
  // (value, format) is kept per style object, a few thousand at most.
  let known = remembered.get(shown);
  if (!known || known.size > 4096) remembered.set(shown, (known = new Map()));
  const key = `${format}|${fixedPlaces}|${value}`;
  let text = known.get(key);
  if (text === undefined) {
    const digits = fixedPlaces === null ? RENDER[format](Math.abs(value), shown)
      : EXACT[format](Math.abs(value), fixedPlaces, shown);
    text = value < 0 && /[1-9]/.test(digits) ? MINUS + digits : digits;
    known.set(key, text);
  }
  return text;
}

const remembered = new WeakMap();

function duration(a, style) {
  const { units } = style;
  const ms = decimal(a, RULES.number);
  if (Number(ms) < 1000) return `${number(ms, style)} ${units.ms}`;
  const seconds = decimal(a / 1000, RULES.tenths);
  if (Number(seconds) < 60) return `${number(seconds, style)} ${units.s}`;
  const wholeSeconds = BigInt(fixed(a / 1000, 0));
  if (wholeSeconds < 3600n) return clock(wholeSeconds, "min", "s", style);
  return clock(BigInt(fixed(a / 60000, 0)), "h", "min", style);
}

function clock(total, major, minor, style) {
  const rest = total % 60n;
  const { units } = style;
  return `${number(String(total / 60n), style)} ${units[major]}${rest ? ` ${number(String(rest), style)} ${units[minor]}` : ""}`;
}

// a >= 0 rounded by `rule`, again by the next band's rule if rounding carried
// it there (99.995 -> 100.00 -> 100); trailing zeros trimmed.
function decimal(a, rule) {
  if (a === 0) return "0";
  let [places, fewest] = rule(a);
  let text = fixed(a, places);
  const again = rule(Number(text));
  if (again[0] !== places) {
    [places, fewest] = again;
    text = fixed(Number(text), places);
  }
  const point = text.indexOf(".");
  let end = text.length;
  while (point > 0 && end - point - 1 > fewest && text[end - 1] === "0") end -= 1;
  return text.slice(0, end - point === 1 ? point : end);
}

// a >= 0 rounded half away from zero to `places` decimals, never in exponent form.
function fixed(a, places) {
  const [mantissa, power] = a.toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const shift = Number(power) - (digits.length - 1) + places;
  let units = BigInt(digits);
  if (shift >= 0) {
    units *= 10n ** BigInt(shift);
  } else {
    const unit = 10n ** BigInt(-shift);
    units = (units + unit / 2n) / unit;
  }
  const text = units.toString().padStart(places + 1, "0");
  return places ? `${text.slice(0, -places)}.${text.slice(-places)}` : text;
}

/**
 * A number as a formula writes it (code, the same in every locale): at most 6
 * significant digits but never dropping integer digits; scientific notation
 * below 1e-6 and from 1e15 on. Works on the shortest round-trip digits
 * (String() here, repr() in Python), rounding half up.
 */
export function plainNumber(value) {
  if (value === 0) return "0";
  const sign = value < 0 ? "-" : "";
  let [digits, point] = shortestDigits(Math.abs(value));
  if (point - 1 >= 15 || point - 1 < -6) {
    [digits, point] = roundDigits(digits, point, 6);
    const mantissa = digits[0] + (digits.length > 1 ? "." + digits.slice(1) : "");
    return `${sign}${mantissa}e${point - 1}`;
  }
  [digits, point] = roundDigits(digits, point, Math.max(6, point));
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (digits.length <= point) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function shortestDigits(value) {
  const [mantissa, exponent] = String(value).split("e");
  const [whole, fraction = ""] = mantissa.split(".");
  const digits = whole + fraction;
  const point = whole.length + (exponent === undefined ? 0 : Number(exponent));
  const stripped = digits.replace(/^0+/, "");
  return [stripped.replace(/0+$/, ""), point - (digits.length - stripped.length)];
}

function roundDigits(digits, point, keep) {
  if (digits.length <= keep) return [digits, point];
  const head = digits.slice(0, keep).split("");
  if (digits[keep] >= "5") {
    let i = keep - 1;
    while (i >= 0 && head[i] === "9") {
      head[i] = "0";
      i -= 1;
    }
    if (i < 0) {
      head.unshift("1");
      point += 1;
    } else {
      head[i] = String(Number(head[i]) + 1);
    }
  }
  return [head.join("").replace(/0+$/, ""), point];
}
