"""Comment stripping for shipped JS and CSS: the sources stay documented, the site stays small.

Deliberately conservative (no tokenizer): JS loses only whole-line ``//`` comments and block
comments that open a line; CSS loses every ``/* ... */``. Blank lines go too. A test runs
``node --check`` on every stripped script.
"""

from __future__ import annotations

import re

_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_JS_BLOCK_COMMENT = re.compile(r"^[ \t]*/\*.*?\*/[ \t]*\n", re.DOTALL | re.MULTILINE)
_JS_LINE_COMMENT = re.compile(r"^[ \t]*//[^\n]*\n", re.MULTILINE)


def strip_comments(text: str, suffix: str) -> str:
    """``text`` of a ``.js`` or ``.css`` file without its comments and blank lines."""
    if suffix == ".css":
        text = _CSS_COMMENT.sub("", text)
    elif suffix == ".js":
        text = _JS_LINE_COMMENT.sub("", _JS_BLOCK_COMMENT.sub("", text))
    else:
        return text
    return "\n".join(line.rstrip() for line in text.splitlines() if line.strip()) + "\n"
