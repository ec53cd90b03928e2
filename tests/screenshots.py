"""Screenshots of the built site for people to look at: `python tests/screenshots.py site out/`.

Serves ``site`` under a sub-path (as a project page would be) and photographs key pages at
desktop and phone widths in the light and dark palettes, with Debian's chromium.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {"home": "", "criterion": "criteria/latency/", "comparison": "comparison/",
         "costs": "costs/", "latency": "latency/", "framework": "decision-framework/",
         "prices": "reference/prices/", "pattern": "patterns/cascade-fallback/"}
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def serve(site: Path, prefix: str = "guide") -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``site`` at ``http://127.0.0.1:<port>/<prefix>/`` from a background thread."""
    root = Path(tempfile.mkdtemp())
    shutil.copytree(site, root / prefix)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/{prefix}/"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib name)
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    parser.add_argument("--full", action="store_true", help="whole page, not just the viewport")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    server, base = serve(args.site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for scheme in ("light", "dark"):
            for size_name, (width, height) in SIZES.items():
                page = browser.new_page(viewport={"width": width, "height": height},
                                        color_scheme=scheme)
                for name in args.pages:
                    page.goto(base + PAGES.get(name, name))
                    page.wait_for_timeout(300)
                    page.screenshot(path=str(args.out / f"{name}-{size_name}-{scheme}.png"),
                                    full_page=args.full)
                page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
