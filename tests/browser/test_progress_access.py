"""Access: no dead controls without JavaScript, no axe violations in either colour scheme,
visible focus, large enough targets, and no layout shift when the script fills its space."""

from __future__ import annotations

import json

import pytest

from tests.browser.helpers import (
    CATALOGUE,
    FIRST,
    FRAMEWORK,
    TIMELINE,
    TOPIC,
    axe_in_both_schemes,
    box,
    layout_shift_after_mount,
    markup_kind,
    open_page,
    same_markup_as,
    seed,
    value,
)
from tests.build.test_site_content import nav_pages

pytestmark = pytest.mark.browser

# A phase task ticked next to FIRST, so axe also sees a ticked card.
TASK = CATALOGUE.phases[0].tasks[0].id
PAGES = ["", TOPIC, FRAMEWORK, TIMELINE]
# Every page in the nav, plus the print page: axe runs in both schemes on the first page of
# each markup kind (pages of one kind differ only in their words), one load for both.
EVERY_PAGE = [
    src.removesuffix(".md").removesuffix("index").removesuffix("/") for src in nav_pages()
]
EVERY_PAGE = [f"{path}/" if path else "" for path in EVERY_PAGE] + ["print_page/"]


@pytest.mark.parametrize(
    "path", [*PAGES, "topics/"], ids=["home", "topic", "framework", "timeline", "topics"]
)
def test_without_javascript_pages_read_as_lists_with_no_controls(built_site, browser, path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(built_site.base_url + path)
    article = page.locator("article")
    assert article.locator("button").count() == 0
    assert article.locator("input:not([disabled])").count() == 0
    assert article.locator("[data-mdx-toolbar]:not(:empty), .mdx-panel:not(:empty)").count() == 0
    if path in (TOPIC, FRAMEWORK):
        items = article.locator("li.mdx-item")
        assert items.count() > 0
        assert items.first.locator("label").inner_text().strip()
        # Reserved space is only held when the script runs: no gaps without it.
        toolbar = article.locator("[data-mdx-toolbar]").first
        assert toolbar.evaluate("el => el.getBoundingClientRect().height") == 0
    context.close()


def test_axe_finds_no_violations_in_either_scheme(built_site, browser):
    """axe on the first page of each markup kind, in the light and the dark scheme: the built
    pages are grouped by the tags and classes they are made of, so a page of a new kind is
    checked as it appears. Each page loads once; the system scheme switches between the runs."""
    kinds = same_markup_as(built_site.site_dir, tuple(EVERY_PAGE))
    checked = sorted(set(kinds.values()), key=EVERY_PAGE.index)
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    seed(context, json.dumps(value({FIRST: True, TASK: True}, "2024-01-01")))
    page = context.new_page()
    found = {}
    for path in checked:
        open_page(page, built_site.base_url + path)
        for scheme, described in axe_in_both_schemes(page).items():
            found[f"{path or 'home'} ({scheme})"] = described
    context.close()
    assert found == {}


def test_controls_show_a_focus_ring_and_are_large_enough(built_site, page):
    open_page(page, built_site.base_url + TOPIC)
    page.locator(f"#{FIRST} .mdx-item__link").focus()
    page.keyboard.press("Tab")  # to the item's Copy link button, by keyboard
    focused = page.evaluate(
        """() => {
            const el = document.activeElement, style = getComputedStyle(el);
            return [el.className, style.outlineStyle, parseFloat(style.outlineWidth)];
        }"""
    )
    assert focused[0].startswith("mdx-btn") and focused[1] == "solid" and focused[2] >= 2
    sizes = page.eval_on_selector_all(
        ".mdx-btn, .mdx-item__box, .mdx-item__link",
        # Controls shown now: the closed note forms and paste panels hold more.
        "els => els.filter(el => el.getClientRects().length).map(el => {"
        " const r = el.getBoundingClientRect(); return Math.min(r.width, r.height); })",
    )
    assert min(sizes) >= 24
    box(page, FIRST).focus()
    page.keyboard.press("Space")
    assert box(page, FIRST).is_checked()


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", PAGES, ids=["home", "topic", "framework", "timeline"])
def test_mounting_shifts_no_layout(built_site, browser, path, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    seed(context, json.dumps(value({FIRST: True}, "2024-01-01")))
    shift = layout_shift_after_mount(context, built_site.base_url + path)
    assert shift < 0.001


def test_pages_of_one_markup_kind_differ_only_in_words():
    page = '<body><p class="lead">{}</p><ul><li>{}</li></ul></body>'
    assert markup_kind(page.format("One", "two")) == markup_kind(page.format("Three", "four"))
    assert markup_kind(page) != markup_kind(page.replace('"lead"', '"lead note"'))
    assert markup_kind(page) != markup_kind(page.replace("</ul>", "</ul><table></table>"))
