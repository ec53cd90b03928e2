"""Serve a built site under a sub-path, with a strict Content-Security-Policy, for browser tests."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

CSP = "script-src 'self'"


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves files with the CSP header on every response and no request logging."""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib name)
        pass


@contextlib.contextmanager
def serve_site(site: Path, *, prefix: str = "guide") -> Iterator[str]:
    """Serve ``site`` at ``http://127.0.0.1:<port>/<prefix>/``; yield that base URL."""
    root = site.parent / f"{site.name}-served"
    root.mkdir(exist_ok=True)
    mount = root / prefix
    if not mount.exists():
        mount.symlink_to(site.resolve(), target_is_directory=True)
    handler = functools.partial(_Handler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{prefix}/"
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
