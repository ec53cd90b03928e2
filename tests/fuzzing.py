"""Mutations for the fuzz tests: byte-level (noise, cuts, bad UTF-8) and structure-aware (a
value replaced by something hostile, a line duplicated or dropped, a marker's argument changed).

Everything is in memory and seeded, so a failure names the seed and example that reproduce it.
"""

from __future__ import annotations

import random
import re

HOSTILE_VALUES = [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "[x](javascript:alert(1))",
    "[x](&#106;avascript:alert(1))", "[x](java\tscript:alert(1))", "<script>alert(1)</script>",
    '" onmouseover="alert(1)', "' onfocus='alert(1)", "`code` *em* {: onclick=alert(1)}",
    "<img src=x onerror=alert(1)>", "</template><script>alert(1)</script>", "<!--", "]]>",
    "a\u2028b\u2029c", "\u202e", "yes", "no", "on", "off", "0x1F", "010", "1_000", ".inf",
    "-.inf", ".nan", "1:30", "1e400", "9" * 60, "~", "null", "''", '""', "[]", "{}",
    "&a [*a]", "*a", "!!python/object:os.system", "!!binary aGk=", "<<: {x: 1}",
    "2026-02-30", "undated", "9999", "-1", "0", "1e-320", "\x00", "\ufeff", "é" * 3,
    "[" * 60 + "]" * 60, "{a: {b: {c: {d: 1}}}}", "gpu-hour", "survey", "money", "api",
]
YAML_NOISE = list(":-[]{}&*!|>'\"#%@`,?\t\n ") + ["---", "...", "\x00", "\ufeff", "\u2028"]
_SCALAR = re.compile(r"(?m)(:[ ]+)([^\n{}\[\],#]+?)([ ]*(?:[,}\]]|$))")


def mutate_yaml(text: str, rng: random.Random) -> bytes:
    """One to four mutations of a YAML file, byte-level or structure-aware."""
    for _ in range(rng.randint(1, 4)):
        text = rng.choice(_TEXT_MUTATIONS)(text, rng)
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.1:  # bytes no editor meant: invalid UTF-8, a BOM, a NUL
        position = rng.randint(0, len(data))
        data = data[:position] + rng.choice([b"\xff", b"\xc3", b"\xef\xbb\xbf", b"\x00"]) + data[position:]
    return data


def mutate_page(text: str, rng: random.Random) -> str:
    """A page with markers broken or pointed at hostile arguments, or with noise."""
    for _ in range(rng.randint(1, 3)):
        choice = rng.random()
        if choice < 0.4:
            text = re.sub(r"id=[\w-]+", lambda _m: f"id={_argument(rng)}", text, count=1)
        elif choice < 0.6:
            position = rng.randint(0, len(text))
            marker = rng.choice(["<!-- guide:", "-->", "<!-- guide:cost id=gpu-hour -->",
                                 "<!-- guide:comparison -->", "```\n", "<!-- guide:facts topic=\"x -->"])
            text = text[:position] + marker + text[position:]
        else:
            text = _noise(text, rng)
    return text


def _argument(rng: random.Random) -> str:
    value = rng.choice(HOSTILE_VALUES)
    return value if rng.random() < 0.5 else f'"{value}"'


def _noise(text: str, rng: random.Random) -> str:
    position = rng.randint(0, len(text))
    return text[:position] + rng.choice(YAML_NOISE) + text[position:]


def _delete(text: str, rng: random.Random) -> str:
    position = rng.randint(0, len(text))
    return text[:position] + text[position + rng.randint(1, 40):]


def _truncate(text: str, rng: random.Random) -> str:
    return text[: rng.randint(0, len(text))]


def _duplicate_line(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    if not lines:
        return text
    index = rng.randrange(len(lines))
    return "".join(lines[: index + 1] + [lines[index]] + lines[index + 1:])


def _drop_line(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    if not lines:
        return text
    del lines[rng.randrange(len(lines))]
    return "".join(lines)


def _replace_value(text: str, rng: random.Random) -> str:
    """A scalar value replaced by a hostile one, quoted or plain."""
    matches = list(_SCALAR.finditer(text))
    if not matches:
        return text
    match = rng.choice(matches)
    value = rng.choice(HOSTILE_VALUES)
    if rng.random() < 0.6:
        value = "'" + value.replace("'", "''") + "'"
    return text[: match.start(2)] + value + text[match.end(2):]


_TEXT_MUTATIONS = [_noise, _delete, _truncate, _duplicate_line, _drop_line,
                   _replace_value, _replace_value, _replace_value]
