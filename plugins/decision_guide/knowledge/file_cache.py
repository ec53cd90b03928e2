"""What one YAML file turns into (its nodes, schema check and records), kept by content.

Reading a file is pure: the same bytes under the same name and limit give the same document,
problems and records. ``mkdocs serve`` rebuilds after every save, and a save changes one file;
keeping each file's result under the digest of its bytes means a rebuild parses and validates
only the file that changed (the cross-file checks still run over the whole knowledge base).
Results are shared, never changed (frozen models, problems and positions).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

MAX_ENTRIES = 4096
"""Enough for a knowledge base of thousands of files; the oldest entries go first."""

_entries: OrderedDict[tuple[Any, ...], Any] = OrderedDict()


def by_content(read: Callable[[str, bytes, int], T], path: str, raw: bytes, limit: int) -> T:
    """``read(path, raw, limit)``, or what it gave before for the same reader, name, bytes and
    size limit."""
    key = (read.__module__, read.__qualname__, path, hashlib.blake2b(raw, digest_size=20).digest(),
           limit)
    if key in _entries:
        _entries.move_to_end(key)
        return _entries[key]  # type: ignore[no-any-return]
    value = read(path, raw, limit)
    _entries[key] = value
    if len(_entries) > MAX_ENTRIES:
        _entries.popitem(last=False)
    return value


def clear() -> None:
    _entries.clear()
