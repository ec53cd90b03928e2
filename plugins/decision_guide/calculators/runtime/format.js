// Values as text; twin of plugins/decision_guide/calculators/formats.py, which
// renders the static page. Both round the shortest round-trip decimal of a
// value (toExponential / repr) half away from zero in integers, so they agree.

const MINUS = "\u2212";
// en-US thousands separators; a regex on the digits is several times faster than Intl here.
const group = (digits) => digits.replace(/\B(?=(\d{3})+$)/g, ",");

// [decimal places, fewest kept after trimming zeros] for a magnitude a > 0.
const sigThree = (a) => 2 - Number(a.toExponential().split("e")[1]);
const RULES = {
  currency: (a) => (a >= 100 ? [0, 0] : a >= 1 ? [2, 2] : [sigThree(a), 2]),
  number: (a) => (a >= 100 ? [0, 0] : a >= 1 ? [2, 0] : [sigThree(a), 0]),
  tenths: () => [1, 0],
};

const RENDER = {
  currency: (a) => (a === 0 ? "$0" : `$${grouped(decimal(a, RULES.currency))}`),
  number: (a) => grouped(decimal(a, RULES.number)),
  percent: (a) => `${grouped(decimal(a * 100, RULES.tenths))}%`,
  duration,
  months(a) {
    const text = decimal(a, RULES.tenths);
    return `${grouped(text)} ${text === "1" ? "month" : "months"}`;
  },
};

/** The formats `formatValue` knows. */
export const FORMATS = Object.freeze(Object.keys(RENDER));

/**
 * `value` as en-US text in `format`: "currency" (USD), "number", "percent" (of
 * a fraction: 0.625 is "62.5%"), "duration" (of milliseconds) or "months", with
 * a real minus sign. Throws TypeError for a value that is not a finite number,
 * RangeError for an unknown format.
 */
export function formatValue(value, format) {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(`expected a finite number, got ${String(value)}`);
  }
  if (!FORMATS.includes(format)) {
    throw new RangeError(`unknown format ${JSON.stringify(format)}; expected one of ${FORMATS.join(", ")}`);
  }
  const text = RENDER[format](Math.abs(value));
  return value < 0 && /[1-9]/.test(text) ? MINUS + text : text;
}

function duration(a) {
  const ms = decimal(a, RULES.number);
  if (Number(ms) < 1000) return `${ms} ms`;
  const seconds = decimal(a / 1000, RULES.tenths);
  if (Number(seconds) < 60) return `${seconds} s`;
  const wholeSeconds = BigInt(fixed(a / 1000, 0));
  if (wholeSeconds < 3600n) return clock(wholeSeconds, "min", "s");
  return clock(BigInt(fixed(a / 60000, 0)), "h", "min");
}

function clock(total, major, minor) {
  const rest = total % 60n;
  return `${group(String(total / 60n))} ${major}${rest ? ` ${rest} ${minor}` : ""}`;
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

function grouped(text) {
  const [whole, fraction] = text.split(".");
  return group(whole) + (fraction === undefined ? "" : `.${fraction}`);
}
