// Specification of the browser formula runtime. Trees are written by hand with
// tiny builders because parsing only ever happens in Python.
import { test } from "node:test";
import assert from "node:assert/strict";
import { evaluate, FormulaError, roundHalfAway, toText } from "../../plugins/decision_guide/calculators/runtime/formula.js";

const n = (num) => ({ num });
const v = (name) => ({ name });
const neg = (arg) => ({ op: "neg", args: [arg] });
const op = (symbol, left, right) => ({ op: symbol, args: [left, right] });
const fn = (name, ...args) => ({ call: name, args });

const throwsCode = (code, run) =>
  assert.throws(run, (error) => error instanceof FormulaError && error.code === code);

test("rejects invalid input", () => {
  const tree = op("+", v("x"), n(1));
  for (const bad of ["3", null, true, undefined, NaN, Infinity, -Infinity, [1], {}]) {
    throwsCode("invalid-input", () => evaluate(tree, { x: bad }));
  }
  throwsCode("invalid-input", () => evaluate(tree, null));
  throwsCode("unknown-name", () => evaluate(tree, {}));
  // Names are own properties only: nothing leaks in from Object.prototype.
  throwsCode("unknown-name", () => evaluate(v("constructor"), {}));
  throwsCode("unknown-name", () => evaluate(v("toString"), {}));
  for (const badTree of [
    null, 3, [], {}, { num: "1" }, { num: Infinity }, { name: 3 }, { op: "%", args: [n(1), n(2)] },
    { op: "+", args: [n(1)] }, { op: "neg", args: [] }, { call: "sqrt", args: [n(4)] },
    { call: "round", args: [n(1), n(2), n(3)] }, { call: "min", args: [] }, { call: "abs" },
  ]) {
    throwsCode("invalid-tree", () => evaluate(badTree, {}));
  }
});

test("every operator computes the expected value", () => {
  const table = [
    [op("+", n(2), n(3)), 5],
    [op("-", n(2), n(3)), -1],
    [op("*", n(2), n(3)), 6],
    [op("/", n(3), n(2)), 1.5],
    [op("^", n(2), n(10)), 1024],
    [op("^", n(2), neg(n(1))), 0.5],
    [op("^", n(2), op("^", n(3), n(2))), 512],
    [neg(op("^", n(2), n(2))), -4],
    [neg(n(0.5)), -0.5],
    [op("<", n(1), n(2)), 1], [op("<", n(2), n(2)), 0],
    [op("<=", n(2), n(2)), 1], [op("<=", n(3), n(2)), 0],
    [op(">", n(3), n(2)), 1], [op(">", n(2), n(2)), 0],
    [op(">=", n(2), n(2)), 1], [op(">=", n(1), n(2)), 0],
    [op("==", n(2), n(2)), 1], [op("==", n(2), n(3)), 0],
    [op("!=", n(2), n(3)), 1], [op("!=", n(2), n(2)), 0],
  ];
  for (const [tree, expected] of table) assert.equal(evaluate(tree, {}), expected, toText(tree));
});

test("every function computes the expected value", () => {
  const table = [
    [fn("min", n(3)), 3], [fn("min", n(3), n(1), n(2)), 1],
    [fn("max", n(3)), 3], [fn("max", n(3), n(1), n(2)), 3],
    [fn("round", n(2.5)), 3], [fn("round", neg(n(2.5))), -3], [fn("round", n(2.4)), 2],
    [fn("round", n(1.005), n(2)), 1], [fn("round", n(1.2345), n(2)), 1.23],
    [fn("round", n(1234.5), neg(n(2))), 1200], [fn("round", n(1250), neg(n(2))), 1300],
    [fn("round", n(1.5), n(400)), 1.5],
    [fn("floor", n(2.7)), 2], [fn("floor", neg(n(2.2))), -3],
    [fn("ceil", n(2.2)), 3], [fn("ceil", neg(n(2.7))), -2],
    [fn("abs", neg(n(4))), 4], [fn("abs", n(4)), 4],
    [fn("clamp", n(5), n(0), n(10)), 5], [fn("clamp", neg(n(5)), n(0), n(10)), 0],
    [fn("clamp", n(50), n(0), n(10)), 10], [fn("clamp", n(5), n(10), n(0)), 0],
    [fn("if", n(1), n(2), n(3)), 2], [fn("if", n(0), n(2), n(3)), 3],
    [fn("if", neg(n(0.1)), n(2), n(3)), 2],
  ];
  for (const [tree, expected] of table) assert.equal(evaluate(tree, {}), expected, toText(tree));
});

test("names come from a plain object or a Map", () => {
  const tree = op("*", v("tokens"), v("price"));
  assert.equal(evaluate(tree, { tokens: 1000, price: 0.002 }), 2);
  assert.equal(evaluate(tree, new Map([["tokens", 1000], ["price", 0.002]])), 2);
});

test("if only evaluates the branch it takes", () => {
  const risky = op("/", n(1), v("zero"));
  assert.equal(evaluate(fn("if", n(1), n(7), risky), { zero: 0 }), 7);
  assert.equal(evaluate(fn("if", n(0), v("missing"), n(8)), {}), 8);
  throwsCode("division-by-zero", () => evaluate(fn("if", n(0), n(7), risky), { zero: 0 }));
});

test("evaluation errors carry the same codes as Python", () => {
  const table = [
    ["division-by-zero", op("/", n(1), n(0))],
    ["division-by-zero", op("/", n(0), op("-", n(2), n(2)))],
    ["not-finite", op("^", n(10), n(400))],
    ["not-finite", op("^", n(0), neg(n(1)))],
    ["not-finite", op("^", neg(n(8)), n(1 / 3))],
    ["not-finite", op("*", n(1e300), n(1e300))],
    ["not-finite", op("-", neg(n(1e308)), n(1e308))],
    ["unknown-name", op("+", v("nope"), n(1))],
    // Arguments are evaluated left to right and the first error wins.
    ["division-by-zero", op("+", op("/", n(1), n(0)), v("nope"))],
    ["unknown-name", fn("max", v("nope"), op("/", n(1), n(0)))],
  ];
  for (const [code, tree] of table) throwsCode(code, () => evaluate(tree, {}));
});

test("roundHalfAway follows sign(x) * floor(|x| * 10^d + 0.5) / 10^d", () => {
  const table = [
    [0.5, 0, 1], [-0.5, 0, -1], [2.675, 2, 2.68], [1.005, 2, 1], [15, -1, 20], [-15, -1, -20],
    [1.25, 1.4, 1.3], [1e300, 20, 1e300], [123.456, 1, 123.5],
  ];
  for (const [x, digits, expected] of table) {
    assert.equal(roundHalfAway(x, digits), expected, `${x}, ${digits}`);
  }
});

test("toText uses as few parentheses as the precedence rules allow", () => {
  const [a, b, c] = [v("a"), v("b"), v("c")];
  const table = [
    [op("+", op("*", a, b), c), "a * b + c"],
    [op("*", op("+", a, b), c), "(a + b) * c"],
    [op("-", a, op("-", b, c)), "a - (b - c)"],
    [op("-", op("-", a, b), c), "a - b - c"],
    [op("/", a, op("*", b, c)), "a / (b * c)"],
    [op("^", a, op("^", b, c)), "a^b^c"],
    [op("^", op("^", a, b), c), "(a^b)^c"],
    [neg(op("^", a, n(2))), "-a^2"],
    [op("^", neg(a), n(2)), "(-a)^2"],
    [op("^", n(2), neg(n(1))), "2^(-1)"],
    [op("*", neg(a), b), "-a * b"],
    [neg(op("*", a, b)), "-(a * b)"],
    [neg(neg(a)), "-(-a)"],
    [op("-", a, neg(b)), "a - (-b)"],
    [op("<", op("+", a, n(1)), b), "a + 1 < b"],
    [op("<", op("<", a, b), c), "(a < b) < c"],
    [op("+", op("<", a, b), c), "(a < b) + c"],
    [fn("if", op(">=", a, n(1e6)), fn("round", op("/", b, n(1000)), n(2)), n(0)),
      "if(a >= 1000000, round(b / 1000, 2), 0)"],
  ];
  for (const [tree, expected] of table) assert.equal(toText(tree), expected);
});

test("toText with an env fills in the reader's numbers", () => {
  const tree = op("+", op("/", op("*", v("tokens"), v("price")), n(1e6)), op("^", v("x"), n(2)));
  assert.equal(
    toText(tree, { tokens: 1500000, price: 0.00013, x: -3 }),
    "1500000 * 0.00013 / 1000000 + (-3)^2",
  );
  assert.equal(toText(op("-", v("a"), v("b")), new Map([["b", -2]])), "a - (-2)");
  // Names without a usable number stay as names.
  assert.equal(toText(op("-", v("a"), v("b")), { a: "7", b: true }), "a - b");
});
