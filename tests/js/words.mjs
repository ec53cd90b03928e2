// The plugin's English words (knowledge/words.yml, as tests/contracts/words/en.json holds them;
// tests/test_words.py keeps the two equal), for specs written by hand in these tests: the build
// puts the words into every spec it embeds, so the runtime itself holds none.
import { readFileSync } from "node:fs";

const TABLE = JSON.parse(readFileSync(new URL("../contracts/words/en.json", import.meta.url), "utf8"));

/** The words a spec carries, as `Words.for_runtime` writes them. */
export const ENGLISH = { locale: "en-US", table: TABLE };

/** `spec` with the English words, unless it has its own. */
export const withWords = (spec) => ({ words: ENGLISH, ...spec });
