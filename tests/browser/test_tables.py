"""Tables wider than a phone's screen scroll sideways in Material's wrapper, and a keyboard
reaches and scrolls every one, links in it or not (WCAG 2.1.1; axe's scrollable-region-focusable
rule): the page loader makes each wrapper a region in the tab order, named after the heading
above it (overrides/main.html)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.helpers import open_page, reader_context

pytestmark = pytest.mark.browser

WRAPPERS = """() => [...document.querySelectorAll(".md-typeset__scrollwrap")].map(el => ({
    wide: el.scrollWidth > el.clientWidth, tabindex: el.getAttribute("tabindex"),
    role: el.getAttribute("role"), label: el.getAttribute("aria-label")}))"""


def pages_with_tables(built_site) -> list[str]:
    """Site-relative URLs of the built pages (print page aside) with a table in the article."""
    found = []
    for html_file in sorted(built_site.site_dir.rglob("index.html")):
        url = html_file.parent.relative_to(built_site.site_dir).as_posix()
        text = html_file.read_text(encoding="utf-8")
        if url != "print_page" and "<table>" in text.partition("<article")[2]:
            found.append("" if url == "." else f"{url}/")
    return found


def test_wide_tables_are_reached_and_scrolled_by_keyboard(built_site, browser):
    urls = pages_with_tables(built_site)
    assert urls, "no page has a table to test"
    context = reader_context(browser, 390, "light")
    page = context.new_page()
    for url in urls:
        open_page(page, built_site.base_url + url)
        wrappers = page.evaluate(WRAPPERS)
        assert wrappers, f"{url}: Material did not wrap the tables"
        for wrapper in wrappers:
            assert wrapper["tabindex"] == "0" and wrapper["role"] == "region", (url, wrapper)
            assert wrapper["label"].startswith("Table: "), (url, wrapper)
        page.evaluate(Axe().axe_script)
        violations = page.evaluate("() => axe.run({runOnly: ['scrollable-region-focusable']})")[
            "violations"
        ]
        assert violations == [], (url, violations)
    # Arrow keys scroll a focused wrapper (the first table made wider than any screen).
    page.add_style_tag(content=".md-typeset__scrollwrap table { min-width: 3000px }")
    page.locator(".md-typeset__scrollwrap").first.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.md-typeset__scrollwrap').scrollLeft > 0")
    context.close()
