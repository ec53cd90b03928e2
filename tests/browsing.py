"""Shared by the browser tests: a served site in Chromium that records every console error,
the sitemap rewrite instant navigation needs, and a WCAG contrast probe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

# Everything here takes well under a second on a quiet machine; the margin is for shared,
# loaded machines (a timeout is a failure to load, never a measurement).
TIMEOUT_MS = 30_000

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}

# The WCAG contrast of each visible element's text (an SVG text's fill) matching a selector in
# `scope` against what is painted behind it: each ancestor's background composited over the one
# below, from an opaque white canvas. Returns [selector, text, ratio] below `minimum`, and
# [selector, "", 0] for a selector matching nothing visible.
POOR_CONTRAST = """([scope, selectors, minimum]) => {
  const rgba = (text) => {  // "rgb(r g b)", "rgba(r, g, b, a)" or "color(srgb r g b / a)" (0..1)
    const parts = text.match(/[\\d.]+/g).map(Number);
    const scale = text.startsWith("color(srgb") ? 255 : 1;
    return [parts[0] * scale, parts[1] * scale, parts[2] * scale, parts.length > 3 ? parts[3] : 1];
  };
  const over = ([r, g, b, a], [R, G, B]) =>
    [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
  const lum = (rgb) => {
    const [r, g, b] = rgb.map((v) => v / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (el) => {
    const chain = [];
    for (let node = el; node; node = node.parentElement) chain.unshift(node);
    let behind = [255, 255, 255];
    for (const node of chain) behind = over(rgba(getComputedStyle(node).backgroundColor), behind);
    const style = getComputedStyle(el);
    const text = over(rgba(el instanceof SVGElement ? style.fill : style.color), behind);
    const [hi, lo] = [lum(text), lum(behind)].sort((a, b) => b - a);
    return (hi + 0.05) / (lo + 0.05);
  };
  const poor = [];
  for (const selector of selectors) {
    const found = [...document.querySelectorAll(`${scope} ${selector}`)]
      .filter((el) => el.checkVisibility());
    if (!found.length) poor.push([selector, "", 0]);
    for (const el of found) {
      const ratio = contrast(el);
      const text = el.textContent.trim().slice(0, 30);
      if (ratio < minimum) poor.push([selector, text, Math.round(ratio * 100) / 100]);
    }
  }
  return poor;
}"""


def publish_at(site: Path, url: str) -> None:
    """Make the sitemap list pages at `url`, as building with `site_url: <url>` would: Material's
    instant navigation only intercepts links to the pages its sitemap lists."""
    sitemap = site / "sitemap.xml"
    sitemap.write_text(sitemap.read_text(encoding="utf-8").replace(
        "https://decision-guide.example/", url), encoding="utf-8")


class Browsing:
    """The served site in the browser, recording every console error and uncaught exception.

    Pages opened with `at_defaults` stay open for the module and are put back to their defaults
    (each calculator's Reset button) for the next test, because the costs page takes a second to
    load on a busy machine. Pages and contexts made with `new_page` and `new_context` are closed
    after the test."""

    RESET = """() => {
      const buttons = document.querySelectorAll('[data-calculator-mounted] [data-reset]');
      for (const button of buttons) button.click();
      document.activeElement?.blur();
    }"""

    def __init__(self, context, base: str) -> None:  # type: ignore[no-untyped-def]
        context.set_default_timeout(TIMEOUT_MS)
        self.context, self.base = context, base
        self.errors: list[str] = []
        self.kept: dict[str, object] = {}
        self.made: list[object] = []

    def watch(self, page):  # type: ignore[no-untyped-def]
        page.on("console", lambda m: self.errors.append(f"{page.url}: {m.text}")
                if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"{page.url}: {e}"))
        return page

    def new_context(self, **options):  # type: ignore[no-untyped-def]
        """A context of its own: dark, a phone, or without JavaScript."""
        context = self.context.browser.new_context(**{"viewport": DESKTOP, **options})
        context.set_default_timeout(TIMEOUT_MS)
        self.made.append(context)
        return context

    def new_page(self, path: str | None = None, context=None):  # type: ignore[no-untyped-def]
        page = self.watch((context or self.context).new_page())
        self.made.append(page)
        if path is not None:
            page.goto(self.base + path)
        return page

    def close_made(self) -> None:
        while self.made:
            self.made.pop().close()  # type: ignore[attr-defined]

    def at_defaults(self, path: str):  # type: ignore[no-untyped-def]
        page = self.kept.get(path)
        if page is None or page.is_closed() or not page.url.startswith(self.base + path):
            page = self.kept[path] = self.new_page(path)
        else:
            page.evaluate(self.RESET)
        page.wait_for_function("() => !location.search")
        return page

    def checked(self) -> Iterator[Browsing]:
        """Yield this for one test, then close what it made and fail on any logged error."""
        self.errors.clear()
        yield self
        self.close_made()
        errors, self.errors[:] = list(self.errors), []
        assert errors == [], "the site logged errors"


def root_of(page, calc_id: str):  # type: ignore[no-untyped-def]
    root = page.locator(f'[data-calculator="{calc_id}"]')
    root.and_(page.locator("[data-calculator-mounted]")).wait_for()
    return root
