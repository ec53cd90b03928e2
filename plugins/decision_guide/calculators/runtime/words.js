// The plugin's words in the browser: twin of knowledge/words.py. A calculator's or the wizard's
// spec carries {locale, table} (the guide's words.yml entries the runtime uses, English with
// the guide's overrides), so no word the runtime shows is written here.

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** A count as Python's twin writes it (`_count_text`): 3, 1.5. */
const countText = (count) => String(count);

/** Entry `key` unfilled: its plural form for `count` (CLDR rules of the locale) where it has forms. */
export function wordText(words, key, count) {
  const entry = words?.table?.[key];
  if (entry === undefined) throw new TypeError(`no words entry ${key}: the spec needs its words`);
  if (typeof entry === "string") return entry;
  if (typeof count !== "number") throw new TypeError(`words entry ${key} has plural forms: give a count`);
  const form = new Intl.PluralRules(words.locale).select(Math.abs(count));
  return entry[form] ?? entry.other;
}

const fill = (text, values) =>
  text.replace(PLACEHOLDER, (whole, name) => (Object.hasOwn(values, name) ? String(values[name]) : whole));

/** Entry `key` filled in with `values` (`values.count` also picks the plural form). */
export function say(words, key, values = {}) {
  const { count } = values;
  const filled = count === undefined ? values : { ...values, count: countText(count) };
  return fill(wordText(words, key, count), filled);
}

/** `say` for HTML: the entry's own text escaped by `escape`, the values inserted as given (HTML). */
export function sayHtml(words, key, escape, htmlValues = {}) {
  const { count } = htmlValues;
  const values = count === undefined ? htmlValues : { ...htmlValues, count: countText(count) };
  return wordText(words, key, count).split(PLACEHOLDER).map((part, i) =>
    (i % 2 === 0 ? escape(part) : Object.hasOwn(values, part) ? String(values[part]) : escape(`{${part}}`))).join("");
}
