"""Compiled templates kept on disk between processes, as Python keeps ``.pyc`` files.

Compiling the package's templates is a tenth of a second of every build, and they change only
when the package does. Jinja's bucket holds a checksum of each template's source, so an edited
template (the package's, or one in the site's ``templates_dir``) is compiled again; nothing
derived from the knowledge base is ever kept. Caching is best effort: a folder that cannot be
made or written only means templates are compiled, as without a cache.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import jinja2

CACHE_ENV = "DECISION_GUIDE_CACHE_DIR"
"""Where the cache lives when set (an empty value turns it off); otherwise under the user's
cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``)."""


def cache_folder() -> Path | None:
    """The folder for compiled templates, or None when caching is off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "decision-guide" / "templates"


class _BestEffortCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache, where a cache file that cannot be read or written is skipped, not an
    error (Jinja itself lets some of those through, e.g. a file where the folder was)."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def template_bytecode_cache() -> jinja2.BytecodeCache | None:
    """A bytecode cache in ``cache_folder()``, private to the user, or None."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return _BestEffortCache(str(folder), "%s.jinja")
