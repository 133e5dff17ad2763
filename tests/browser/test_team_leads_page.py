"""The team leads' page as a lead uses it on a phone and a desktop: a tick shows the plan where
the tap happened, every box with its name is one target of at least 24 px, the selection
survives a reload and Back, addresses wrap only after a slash (a plan's query also after a comma
or "&"), never inside an id, and axe finds nothing in either scheme."""

from __future__ import annotations

import pytest

from tests.browser.helpers import (
    CATALOGUE,
    LAYOUTS,
    WIDTHS,
    axe_in_both_schemes,
    open_page,
    reader_context,
    wait_mounted,
)

pytestmark = pytest.mark.browser

LEADS = "onboarding/"
# WCAG 2.2, 2.5.8 Target Size (Minimum): 24 by 24 CSS pixels.
TARGET = 24
# Parts from the data, far apart on the page: the first chapter and the last phase.
FIRST_CHAPTER = next(iter(CATALOGUE.chapters))
LAST_PHASE = CATALOGUE.phases[-1].id


# Each width once, each scheme once (LAYOUTS says why); the axe test takes both schemes.
@pytest.fixture(params=LAYOUTS, ids=[f"{w}px-{s}" for w, s in LAYOUTS])
def reader(request, browser):
    context = reader_context(browser, *request.param)
    yield context
    context.close()


def in_view(locator) -> bool:
    """Whether the element lies wholly inside the window as it is scrolled now."""
    return locator.evaluate(
        """el => { const r = el.getBoundingClientRect();
            return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; }"""
    )


def test_a_tick_shows_the_plan_where_the_tap_happened(built_site, reader):
    page = reader.new_page()
    open_page(page, built_site.base_url + LEADS)
    # The reader taps the part's name, the last on the page, far below the builder.
    name = page.locator(f"label:has(#plan-p-{LAST_PHASE}) .mdx-directory__title")
    name.scroll_into_view_if_needed()
    name.click()
    assert page.locator(f"#plan-p-{LAST_PHASE}").is_checked()
    bar = page.get_by_role("region", name="Your plan")
    assert in_view(bar) and in_view(name)
    assert bar.inner_text().startswith("Plan: 1 phase")
    expected = f"{built_site.base_url}onboarding/plan/?p={LAST_PHASE}"
    assert bar.get_by_role("link", name="Open plan").get_attribute("href") == expected
    # Untick: nothing left to show.
    name.click()
    assert bar.is_hidden()
    # Next to the builder, whose own output shows the plan, the bar steps aside.
    page.locator("#build-a-plan").scroll_into_view_if_needed()
    page.locator(f"#plan-c-{FIRST_CHAPTER}").check()
    output = page.locator("[data-mdx-plan-output]")
    assert in_view(output) and "Plan with 1 chapter" in output.inner_text()
    page.wait_for_function(
        "() => !document.querySelector('.mdx-plan-bar').checkVisibility({visibilityProperty: true})"
    )


def test_each_box_with_its_name_is_one_target_of_24px(built_site, reader):
    page = reader.new_page()
    open_page(page, built_site.base_url + LEADS)
    entries = page.eval_on_selector_all(
        ".mdx-directory__entry",
        """entries => entries.map(entry => {
            const box = entry.querySelector("input[type=checkbox]");
            const target = box.closest("label") || box;
            const link = entry.querySelector("a[href]").getBoundingClientRect();
            const t = target.getBoundingClientRect();
            return {part: entry.dataset.mdxPart, width: t.width, height: t.height,
                    linkHeight: link.height, apart: link.top >= t.bottom || link.bottom <= t.top};
        })""",
    )
    parts = len(CATALOGUE.chapters) + len(CATALOGUE.topics) + len(CATALOGUE.phases)
    assert len(entries) == parts
    for entry in entries:
        assert entry["width"] >= TARGET and entry["height"] >= TARGET, entry
        # The link that leaves the page is a full-size target of its own, not beside the box.
        assert entry["linkHeight"] >= TARGET and entry["apart"], entry
    # The name toggles the box: box and name are one target.
    page.locator(f"label:has(#plan-c-{FIRST_CHAPTER}) .mdx-directory__title").click()
    assert page.locator(f"#plan-c-{FIRST_CHAPTER}").is_checked()


def test_the_selection_survives_reload_and_back(built_site, reader):
    page = reader.new_page()
    open_page(page, built_site.base_url + LEADS)
    for part in (f"c-{FIRST_CHAPTER}", f"p-{LAST_PHASE}"):
        page.locator(f"#plan-{part}").check()
    chosen = ["plan-c-" + FIRST_CHAPTER, "plan-p-" + LAST_PHASE]

    def ticked() -> list[str]:
        return page.eval_on_selector_all(
            ".mdx-directory__box:checked", "boxes => boxes.map(b => b.id)"
        )

    page.reload()
    wait_mounted(page)
    assert ticked() == chosen
    page.get_by_role("region", name="Your plan").get_by_role("link", name="Open plan").click()
    page.wait_for_url("**/onboarding/plan/?*")
    page.go_back()
    page.wait_for_url(f"**/{LEADS}?*")
    open_page(page, page.url)
    assert ticked() == chosen
    plan = f"{built_site.base_url}onboarding/plan/?c={FIRST_CHAPTER}&p={LAST_PHASE}"
    assert page.locator(".mdx-plan-builder__link").get_attribute("href") == plan


def test_addresses_wrap_only_after_a_slash(built_site, reader):
    page = reader.new_page()
    open_page(page, built_site.base_url + LEADS)
    # Every part ticked: the plan's link is as long as it gets.
    for box in page.locator(".mdx-directory__box").all():
        box.check()
    breaks = page.eval_on_selector_all(
        "[data-mdx-copy-url], .mdx-plan-builder__link",
        """codes => codes.flatMap(code => {
            // Each character's line (its top), in order; a new line after a character that is
            // not a slash is a break inside a word.
            const chars = [];
            const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
            for (let node; (node = walker.nextNode()); ) {
                for (let i = 0; i < node.length; i++) {
                    const range = document.createRange();
                    range.setStart(node, i);
                    range.setEnd(node, i + 1);
                    chars.push([node.data[i], range.getBoundingClientRect().top]);
                }
            }
            return chars.flatMap(([, top], i) => i && top > chars[i - 1][1] + 2
                && !"/,&".includes(chars[i - 1][0]) ? [`${code.textContent} at ${i}`] : []);
        })""",
    )
    assert breaks == []
    # Every address still reads, and copies, as the whole URL.
    text = page.locator("[data-mdx-copy-url]").first.text_content()
    assert text.startswith(built_site.base_url) and " " not in text
    link = page.locator(".mdx-plan-builder__link")
    assert link.text_content() == link.get_attribute("href")


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def test_the_team_leads_page_has_no_axe_violations_in_either_scheme(built_site, browser, width):
    context = reader_context(browser, width, "light")
    page = context.new_page()
    try:
        open_page(page, built_site.base_url + LEADS)
        page.locator(f"#plan-p-{LAST_PHASE}").check()
        assert axe_in_both_schemes(page) == {}
    finally:
        context.close()
