"""Fast rebuilds under ``mkdocs serve``: a save re-renders what it changed, not the whole site.

Two things MkDocs would otherwise redo on every save:

* **Pages** (with ``mkdocs serve --dirty``, as ``make serve`` runs it). MkDocs' dirty build skips
  a page whose source file is older than its output; it cannot know that a YAML save changed a
  generated page or the blocks of a hand-written one. So before each build the plugin compares
  every page's text (the generated page as written, the expansion of its markers) with the last
  build's: a generated page that did not change is a ``KeptFile``, which the dirty build skips
  while its output exists; a hand-written page whose expansion changed has its old output
  removed, so the dirty build writes it again. While the guide has problems (the banner is on
  every page), and right after, every page is rebuilt; so is every page after a save of
  ``mkdocs.yml`` (its nav and site name are on every page) or of a file in the theme's
  ``custom_dir`` (``site_fingerprint``), which MkDocs' dirty build would leave as they were.
  MkDocs warns on every dirty build that links may be inaccurate, which ``strict: true`` turns
  into a failed build; as the plugin keeps its pages right, ``DirtyNotice`` shows that warning
  as information under ``serve --dirty``.
* **Noticing the save.** MkDocs polls the files it watches every half second, so a save waits a
  quarter of a second on average before anything starts; the knowledge and calculator folders
  are polled every 0.1 s instead (``watch_quickly``: MkDocs' own watch, scheduled on a faster
  observer of the plugin's, stopped at shutdown).
* **Theme templates.** MkDocs makes a new Jinja environment for every build, which compiles the
  theme's templates again (about a third of a second for Material); under ``serve`` the compiled
  code is kept in memory (``MemoryBytecodeCache``; Jinja checks each template's source digest).
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.structure.files import File, Files

from decision_guide.site.page_check import ExpandedPages

if TYPE_CHECKING:
    from watchdog.observers.api import BaseObserver


class KeptFile(File):
    """A generated page whose text is what the last build wrote."""

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)


def fingerprints(expanded: ExpandedPages, contents: dict[str, str]) -> dict[str, bytes]:
    """Each page's digest: its generated text (front matter and all), if generated, its Markdown
    and its markers' expansion."""
    result = {}
    for (src_uri, markdown), text in expanded.texts.items():
        digest = hashlib.blake2b(digest_size=16)
        for part in (contents.get(src_uri, ""), markdown, text):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        result[src_uri] = digest.digest()
    return result


def site_fingerprint(config_file: str | None, custom_dir: str | None) -> bytes:
    """The digest of what every page shows besides its own text: the config file's bytes (the
    nav, the site name, the theme's options) and the name, size and time of each file in the
    theme's ``custom_dir`` (its templates and partials)."""
    digest = hashlib.blake2b(digest_size=16)
    if config_file and os.path.isfile(config_file):
        with open(config_file, "rb") as config:
            digest.update(config.read())
    for folder, subfolders, names in os.walk(custom_dir or "", followlinks=False):
        subfolders.sort()
        for name in sorted(names):
            path = os.path.join(folder, name)
            try:
                stat = os.stat(path)
            except OSError:  # removed while we looked: the next save's fingerprint tells
                continue
            digest.update(f"\0{os.path.relpath(path, custom_dir or '')}\0{stat.st_size}\0"
                          f"{stat.st_mtime_ns}".encode("utf-8", "surrogateescape"))
    return digest.digest()


class Rebuilds:
    """What changed since the last build of this ``serve`` process."""

    def __init__(self) -> None:
        self._built: dict[str, bytes] = {}
        self._site = b""
        self._changed: set[str] | None = None
        self._had_problems = True

    def note(self, current: dict[str, bytes], *, problems: bool, site: bytes = b"") -> None:
        """Before a build: compare the pages with the last build's (all changed when either
        build has problems, on the first, and when ``site``, the ``site_fingerprint``, differs
        from the last build's)."""
        whole = problems or self._had_problems or site != self._site
        self._changed = None if whole else {
            uri for uri, digest in current.items() if self._built.get(uri) != digest}
        self._built, self._had_problems, self._site = current, problems, site

    def unchanged(self, src_uri: str) -> bool:
        """Whether the last ``note`` found this page as the build before left it (never before
        a ``note``, nor when that build or this one had problems)."""
        return self._changed is not None and src_uri not in self._changed

    def drop_stale_outputs(self, files: Files) -> None:
        """Remove the output of each hand-written page that changed, so a dirty build writes it
        again (its source file did not change, so MkDocs would keep the old one)."""
        for file in files.documentation_pages():
            if file.generated_by is None and not self.unchanged(file.src_uri) \
                    and os.path.isfile(file.abs_dest_path):
                os.remove(file.abs_dest_path)


class DirtyNotice(logging.Filter):
    """MkDocs' warning that a dirty build may leave links inaccurate, logged as information."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and record.getMessage().startswith(
                "A 'dirty' build is being performed"):
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def quiet_dirty_notice() -> None:
    """Install ``DirtyNotice`` on MkDocs' build logger, once."""
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, DirtyNotice) for f in logger.filters):
        logger.addFilter(DirtyNotice())


FAST_POLL = 0.1
"""Seconds between two looks at the YAML folders under ``serve`` (MkDocs: 0.5)."""


def watch_quickly(server: Any, paths: Iterable[str]) -> BaseObserver | None:
    """Have ``server`` (MkDocs' live-reload server) rebuild on changes under ``paths``, polled
    every ``FAST_POLL`` seconds: ``server.watch`` schedules its handler on ``server.observer``,
    which is this observer while it runs. Without that attribute, the server's own watch."""
    usual = getattr(server, "observer", None)
    if usual is None:
        for path in paths:
            server.watch(path)
        return None
    from watchdog.observers.polling import PollingObserver  # only `serve` watches: not on import

    observer = PollingObserver(timeout=FAST_POLL)
    server.observer = observer
    try:
        for path in paths:
            server.watch(path)
    finally:
        server.observer = usual
    observer.start()
    return observer


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept for the life of the process, keyed by Jinja's own bucket key
    (template name and file); a template whose source changed is compiled again."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


THEME_BYTECODE = MemoryBytecodeCache()
