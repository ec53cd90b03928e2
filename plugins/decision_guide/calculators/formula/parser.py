"""Turn formula text into a JSON tree, and define the language's functions.

Formulas are parsed exactly once, in Python, at build time.  The browser only
ever receives the tree, so the JavaScript runtime needs no parser and nothing
anywhere needs ``eval``.  The way back, tree -> text, is ``to_text`` in
``evaluate.py`` (the Python twin of ``formula.js``); tests hold the two to
``parse(to_text(tree)) == tree``.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass
from typing import Any, NoReturn

Tree = dict[str, Any]

#: Function name -> (fewest, most) arguments; ``None`` means "no upper limit".
FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "min": (1, None),
    "max": (1, None),
    "round": (1, 2),
    "floor": (1, 1),
    "ceil": (1, 1),
    "abs": (1, 1),
    "clamp": (3, 3),
    "if": (3, 3),
}
COMPARISONS = ("<", "<=", ">", ">=", "==", "!=")
BINARY_OPS = ("+", "-", "*", "/", "^", *COMPARISONS)

# Pratt binding powers: a higher number binds tighter.  Unary minus sits
# between '*' and '^' so that -2^2 == -(2^2) while 2^-1 still parses.
_BINDING = {**{op: 10 for op in COMPARISONS}, "+": 20, "-": 20, "*": 30, "/": 30, "^": 50}
_UNARY_BINDING = 40
# Deep nesting would overflow Python's stack in the parser or the evaluator;
# no real calculator needs anything close to these limits.
_MAX_RECURSION = 100
_MAX_TREE_DEPTH = 100

_NUMBER_LIKE = re.compile(r"(?:[0-9]|\.[0-9])(?:[0-9A-Za-z_.]|(?<=[eE])[+-])*")
_NUMBER = re.compile(r"(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_OPERATORS = ("<=", ">=", "==", "!=", "<", ">", "+", "-", "*", "/", "^", "(", ")", ",")


class FormulaSyntaxError(ValueError):
    """The formula text cannot be parsed; ``column`` (1-based) says where."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


@dataclass(frozen=True)
class _Token:
    kind: str  # "num", "name", "op" or "end"
    text: str
    column: int
    value: float = 0.0

    def label(self) -> str:
        return "end of formula" if self.kind == "end" else f"'{self.text}'"


def _tokenize(text: str) -> list[_Token]:
    """Split text into tokens, rejecting anything the language does not know."""
    tokens: list[_Token] = []
    i = 0
    while i < len(text):
        ch, column = text[i], i + 1
        if ch in " \t\r\n":
            i += 1
            continue
        number = _NUMBER_LIKE.match(text, i)
        if number:
            lexeme = number.group()
            shown = lexeme if len(lexeme) <= 24 else f"{lexeme[:20]}... ({len(lexeme)} characters)"
            if not _NUMBER.fullmatch(lexeme):
                raise FormulaSyntaxError(f"bad number '{shown}' at column {column}", column)
            value = float(lexeme)
            if not math.isfinite(value):
                raise FormulaSyntaxError(
                    f"number '{shown}' is too large at column {column}", column
                )
            tokens.append(_Token("num", lexeme, column, value))
            i = number.end()
            continue
        name = _NAME.match(text, i)
        if name:
            tokens.append(_Token("name", name.group(), column))
            i = name.end()
            continue
        if text.startswith("**", i):
            raise FormulaSyntaxError(
                f"unexpected '**' at column {column}; use '^' for powers", column
            )
        operator = next((op for op in _OPERATORS if text.startswith(op, i)), None)
        if operator is None:
            shown = f"'{ch}'" if ch.isprintable() and not ch.isspace() else f"U+{ord(ch):04X}"
            hint = "; did you mean '=='?" if ch == "=" else ""
            raise FormulaSyntaxError(f"unknown character {shown} at column {column}{hint}", column)
        tokens.append(_Token("op", operator, column))
        i += len(operator)
    tokens.append(_Token("end", "", len(text) + 1))
    return tokens


def arity_problem(name: str, count: int) -> str | None:
    """Say what is wrong with calling ``name`` with ``count`` arguments, if anything."""
    fewest, most = FUNCTIONS[name]
    if fewest <= count and (most is None or count <= most):
        return None
    if most is None:
        wanted = f"at least {fewest} argument{'s' if fewest != 1 else ''}"
    elif fewest == most:
        wanted = f"{fewest} argument{'s' if fewest != 1 else ''}"
    elif most == fewest + 1:
        wanted = f"{fewest} or {most} arguments"
    else:
        wanted = f"{fewest} to {most} arguments"
    return f"'{name}' takes {wanted}; got {count}"


def unknown_function_message(name: str) -> str:
    """Name the unknown function and suggest the closest real one."""
    close = difflib.get_close_matches(name.lower(), list(FUNCTIONS), n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown function '{name}'{hint}"


class _Parser:
    """Precedence-climbing (Pratt) parser over the token list."""

    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.pos = 0
        self.recursion = 0

    def peek(self) -> _Token:
        return self.tokens[self.pos]

    def advance(self) -> _Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def parse(self) -> Tree:
        if self.peek().kind == "end":
            raise FormulaSyntaxError("empty formula", 1)
        tree, _ = self.expression(0)
        trailing = self.peek()
        if trailing.kind != "end":
            raise FormulaSyntaxError(
                f"unexpected {trailing.label()} at column {trailing.column}", trailing.column
            )
        return tree

    def expression(self, min_binding: int) -> tuple[Tree, int]:
        """Parse operators binding at least ``min_binding``; return (tree, depth)."""
        self.recursion += 1
        if self.recursion > _MAX_RECURSION:
            self.too_deep(self.peek())
        left, depth = self.prefix()
        after_comparison = False
        while True:
            token = self.peek()
            binding = _BINDING.get(token.text) if token.kind == "op" else None
            if binding is None or binding < min_binding:
                break
            if after_comparison and token.text in COMPARISONS:
                raise FormulaSyntaxError(
                    f"unexpected '{token.text}' at column {token.column}; "
                    "comparisons cannot be chained",
                    token.column,
                )
            self.advance()
            # '^' is right-associative; everything else binds its right side tighter.
            right, right_depth = self.expression(binding if token.text == "^" else binding + 1)
            left, depth = {"op": token.text, "args": [left, right]}, 1 + max(depth, right_depth)
            if depth > _MAX_TREE_DEPTH:
                self.too_deep(token)
            after_comparison = token.text in COMPARISONS
        self.recursion -= 1
        return left, depth

    def prefix(self) -> tuple[Tree, int]:
        token = self.advance()
        if token.kind == "num":
            return {"num": token.value}, 1
        if token.kind == "name":
            if self.peek().text == "(":
                return self.call(token)
            if token.text in FUNCTIONS:
                raise FormulaSyntaxError(
                    f"'{token.text}' is a function; "
                    f"call it like {token.text}(...) at column {token.column}",
                    token.column,
                )
            return {"name": token.text}, 1
        if token.text in ("-", "+"):
            operand, depth = self.expression(_UNARY_BINDING)
            return (
                (operand, depth)
                if token.text == "+"
                else ({"op": "neg", "args": [operand]}, depth + 1)
            )
        if token.text == "(":
            inner = self.expression(0)
            self.close(token, "')'")
            return inner
        raise FormulaSyntaxError(
            f"unexpected {token.label()} at column {token.column}", token.column
        )

    def call(self, name: _Token) -> tuple[Tree, int]:
        if name.text not in FUNCTIONS:
            raise FormulaSyntaxError(unknown_function_message(name.text), name.column)
        opening = self.advance()
        args: list[Tree] = []
        depth = 0
        if self.peek().text != ")":
            while True:
                arg, arg_depth = self.expression(0)
                args.append(arg)
                depth = max(depth, arg_depth)
                if self.peek().text != ",":
                    break
                self.advance()
        self.close(opening, "',' or ')'")
        problem = arity_problem(name.text, len(args))
        if problem:
            raise FormulaSyntaxError(problem, name.column)
        if depth + 1 > _MAX_TREE_DEPTH:
            self.too_deep(name)
        return {"call": name.text, "args": args}, depth + 1

    def close(self, opening: _Token, expected: str) -> None:
        token = self.peek()
        if token.text == ")" and token.kind == "op":
            self.advance()
            return
        where = f"to close '(' at column {opening.column}"
        if token.kind == "end":
            raise FormulaSyntaxError(f"expected ')' {where}", opening.column)
        raise FormulaSyntaxError(
            f"unexpected {token.label()} at column {token.column}; expected {expected} {where}",
            token.column,
        )

    def too_deep(self, token: _Token) -> NoReturn:
        raise FormulaSyntaxError(
            f"formula is nested too deeply at column {token.column}", token.column
        )


def parse(text: str) -> Tree:
    """Parse formula text into a tree of plain dicts, lists, strings and floats."""
    if not isinstance(text, str):
        raise TypeError(f"formula must be a string, not {type(text).__name__}")
    return _Parser(text).parse()
