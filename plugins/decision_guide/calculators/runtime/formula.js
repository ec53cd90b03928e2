// Evaluate calculator formula trees in the browser.
//
// Formulas are parsed once, in Python, at build time
// (plugins/decision_guide/formula/parser.py); this module only walks the JSON
// tree, so it needs no parser and never uses eval or new Function. Every rule
// (evaluation order, error codes, rounding, number formatting) mirrors
// plugins/decision_guide/formula/evaluate.py and parser.py exactly, and
// tests/test_formula_agreement.py checks the two against each other. Numbers in a
// formula's text are written by format.js (plainNumber), the one formatter.

import { plainNumber } from "./format.js";

/** Function name -> [fewest, most] arguments; most === null means no limit. */
export const FUNCTIONS = Object.freeze({
  min: [1, null],
  max: [1, null],
  round: [1, 2],
  floor: [1, 1],
  ceil: [1, 1],
  abs: [1, 1],
  clamp: [3, 3],
  if: [3, 3],
});

const COMPARE = {
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
  "==": (a, b) => a === b,
  "!=": (a, b) => a !== b,
};

const ARITHMETIC = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
  "^": (a, b) => Math.pow(a, b),
};

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/** Evaluation failed; `code` matches the Python FormulaError code. */
export class FormulaError extends Error {
  /** `formula`: the part of the formula that failed, where the reader is told (division by zero). */
  constructor(code, message, formula = null) {
    super(message);
    this.name = "FormulaError";
    this.code = code;
    this.formula = formula;
  }
}

const invalidTree = (message) => new FormulaError("invalid-tree", message);

/**
 * Compute the value of `tree`, looking names up in `env` (a plain object or a
 * Map). Throws FormulaError with code division-by-zero, not-finite,
 * unknown-name, invalid-input or invalid-tree.
 */
export function evaluate(tree, env) {
  if (env === null || typeof env !== "object") {
    throw new FormulaError("invalid-input", "env must be an object or a Map");
  }
  try {
    return evalNode(tree, env);
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw invalidTree("formula tree is nested too deeply");
    }
    throw error;
  }
}

function evalNode(node, env) {
  if (node === null || typeof node !== "object" || Array.isArray(node)) {
    throw invalidTree(`expected a node object, got ${JSON.stringify(node)}`);
  }
  if (hasOwn(node, "num")) {
    if (typeof node.num !== "number" || !Number.isFinite(node.num)) {
      throw invalidTree(`'num' must be a finite number, got ${String(node.num)}`);
    }
    return node.num;
  }
  if (hasOwn(node, "name")) return lookup(node.name, env);
  if (hasOwn(node, "op")) return operation(node, env);
  if (hasOwn(node, "call")) return call(node, env);
  throw invalidTree(`unrecognised node with keys ${Object.keys(node).sort().join(", ")}`);
}

function lookup(name, env) {
  if (typeof name !== "string") throw invalidTree("'name' must be a string");
  const isMap = env instanceof Map;
  if (isMap ? !env.has(name) : !hasOwn(env, name)) {
    throw new FormulaError("unknown-name", `unknown name '${name}'`);
  }
  const value = isMap ? env.get(name) : env[name];
  if (typeof value !== "number" || !Number.isFinite(value)) {
    const got = String(value);
    throw new FormulaError("invalid-input", `'${name}' must be a finite number, got ${got}`);
  }
  return value;
}

function args(node, count) {
  const list = node.args;
  if (!Array.isArray(list) || (count !== undefined && list.length !== count)) {
    const wanted = count === undefined ? "a list" : `a list of ${count}`; // not for readers
    throw invalidTree(`'args' of '${node.op ?? node.call}' must be ${wanted}`);
  }
  return list;
}

function operation(node, env) {
  const op = node.op;
  if (op === "neg") return -evalNode(args(node, 1)[0], env);
  if (typeof op !== "string" || !(hasOwn(ARITHMETIC, op) || hasOwn(COMPARE, op))) {
    throw invalidTree(`unknown operator ${JSON.stringify(op)}`);
  }
  const [leftTree, rightTree] = args(node, 2);
  const left = evalNode(leftTree, env);
  const right = evalNode(rightTree, env);
  if (hasOwn(COMPARE, op)) return COMPARE[op](left, right) ? 1 : 0;
  if (op === "/" && right === 0) {
    throw new FormulaError("division-by-zero", `division by zero in ${toText(node)}`, toText(node));
  }
  return finite(ARITHMETIC[op](left, right), node);
}

/** Say what is wrong with calling `name` with `count` arguments, or null. */
export function arityProblem(name, count) {
  const [fewest, most] = FUNCTIONS[name];
  if (fewest <= count && (most === null || count <= most)) return null;
  const plural = (n) => `${n} argument${n === 1 ? "" : "s"}`;
  let wanted;
  if (most === null) wanted = `at least ${plural(fewest)}`; // not for readers
  else if (fewest === most) wanted = plural(fewest);
  else if (most === fewest + 1) wanted = `${fewest} or ${most} arguments`;
  else wanted = `${fewest} to ${most} arguments`;
  return `'${name}' takes ${wanted}; got ${count}`;
}

function call(node, env) {
  const name = node.call;
  if (typeof name !== "string" || !hasOwn(FUNCTIONS, name)) {
    throw invalidTree(`unknown function ${JSON.stringify(name)}`);
  }
  const list = args(node);
  const problem = arityProblem(name, list.length);
  if (problem) throw invalidTree(problem);
  if (name === "if") {
    // Lazy: the branch not taken may divide by zero or use a missing name.
    const condition = evalNode(list[0], env);
    return evalNode(condition !== 0 ? list[1] : list[2], env);
  }
  const values = list.map((arg) => evalNode(arg, env));
  let result;
  switch (name) {
    case "min": result = Math.min(...values); break;
    case "max": result = Math.max(...values); break;
    case "round": result = roundHalfAway(values[0], values.length > 1 ? values[1] : 0); break;
    case "floor": result = Math.floor(values[0]); break;
    case "ceil": result = Math.ceil(values[0]); break;
    case "abs": result = Math.abs(values[0]); break;
    default: result = Math.min(Math.max(values[0], values[1]), values[2]); // clamp
  }
  return finite(result, node);
}

/**
 * Round half away from zero to `digits` decimals: sign(x) * floor(|x| * 10^d
 * + 0.5) / 10^d, the same naive steps as Python so the doubles are identical.
 */
export function roundHalfAway(x, digits = 0) {
  const places = Math.min(Math.floor(Math.abs(digits) + 0.5), 308);
  const scale = Number(`1e${places}`);
  const magnitude = Math.abs(x);
  let rounded;
  if (digits < 0 && places > 0) {
    rounded = Math.floor(magnitude / scale + 0.5) * scale;
  } else {
    const scaled = magnitude * scale;
    if (!Number.isFinite(scaled)) return x; // already far more precise than asked for
    rounded = Math.floor(scaled + 0.5) / scale;
  }
  return x < 0 ? -rounded : rounded;
}

function finite(value, node) {
  if (Number.isFinite(value)) return value;
  throw new FormulaError("not-finite", `${toText(node)} is not a finite number`, toText(node));
}

// --- rendering -------------------------------------------------------------

const CMP = 1, ADD = 2, MUL = 3, NEG = 4, POW = 5, ATOM = 6;
const PRECEDENCE = {
  "<": CMP, "<=": CMP, ">": CMP, ">=": CMP, "==": CMP, "!=": CMP,
  "+": ADD, "-": ADD, "*": MUL, "/": MUL, "^": POW,
};

/**
 * Render a tree as formula text with minimal parentheses, identical to
 * Python's to_text. With `env`, names with a finite value become numbers.
 */
export function toText(tree, env) {
  return render(tree, env)[0];
}

function render(node, env) {
  if (hasOwn(node, "num")) return renderNumber(node.num);
  if (hasOwn(node, "name")) {
    const name = node.name;
    if (env !== undefined && env !== null) {
      const isMap = env instanceof Map;
      const present = isMap ? env.has(name) : hasOwn(env, name);
      const value = isMap ? env.get(name) : env[name];
      if (present && typeof value === "number" && Number.isFinite(value)) {
        return renderNumber(value);
      }
    }
    return [name, ATOM];
  }
  const parts = node.args.map((arg) => render(arg, env));
  if (hasOwn(node, "call")) {
    return [`${node.call}(${parts.map(([text]) => text).join(", ")})`, ATOM];
  }
  const op = node.op;
  if (op === "neg") {
    const [text, precedence] = parts[0];
    return ["-" + (precedence <= NEG ? `(${text})` : text), NEG];
  }
  let [[left, leftPrec], [right, rightPrec]] = parts;
  const own = PRECEDENCE[op];
  let wrapLeft, wrapRight;
  if (op === "^") [wrapLeft, wrapRight] = [leftPrec <= POW, rightPrec < POW];
  else if (own === CMP) [wrapLeft, wrapRight] = [leftPrec <= CMP, rightPrec <= CMP];
  else [wrapLeft, wrapRight] = [leftPrec < own, rightPrec <= own];
  // "a - (-3)" reads better than "a - -3", and "2^(-1)" better than "2^-1".
  wrapRight = wrapRight || rightPrec === NEG;
  if (wrapLeft) left = `(${left})`;
  if (wrapRight) right = `(${right})`;
  return [op === "^" ? `${left}^${right}` : `${left} ${op} ${right}`, own];
}

function renderNumber(value) {
  const text = plainNumber(value);
  return [text, text.startsWith("-") ? NEG : ATOM];
}
