"""The plan page and its kin as a reader sees them, on a phone and a desktop: each checklist's
heading comes before its summary, no card shows a blank band, a phase card says its label once,
Reset is offered only when something is ticked, and axe finds nothing in either scheme."""

from __future__ import annotations

import json

import pytest

from tests.browser.helpers import (
    CATALOGUE,
    FRAMEWORK,
    LAYOUTS,
    TIMELINE,
    WIDTHS,
    axe_in_both_schemes,
    open_page,
    reader_context,
    seed,
    value,
    visible_empty_blocks,
)

pytestmark = pytest.mark.browser

PLAN = "onboarding/plan/"
# Every page that shows a topic's checklist: the plan page and each topic's own page.
CHECKLIST_PAGES = [PLAN, *(topic.url for topic in CATALOGUE.topics.values())]


# Each width once, each scheme once (LAYOUTS says why); the axe test takes both schemes.
@pytest.fixture(params=LAYOUTS, ids=[f"{w}px-{s}" for w, s in LAYOUTS])
def reader(request, browser):
    context = reader_context(browser, *request.param)
    yield context
    context.close()


def test_each_checklist_heading_comes_before_its_summary_and_reading(built_site, reader):
    page = reader.new_page()
    for url in CHECKLIST_PAGES:
        open_page(page, built_site.base_url + url)
        order = page.eval_on_selector_all(
            "section.mdx-checklist[data-mdx-part]",
            """lists => lists.map(list => {
                const top = (sel) => list.querySelector(sel).getBoundingClientRect().top;
                return [list.id, top(".mdx-checklist__title"), top(".mdx-checklist__summary"),
                        top(".mdx-checklist__related")];
            })""",
        )
        assert order, f"{url}: no checklist"
        for list_id, heading, summary, related in order:
            assert heading < summary < related, (url, list_id, heading, summary, related)


def test_no_card_shows_a_blank_band(built_site, reader):
    page = reader.new_page()
    # A start date in the middle of the second milestone: one timeline card is current.
    milestone = CATALOGUE.milestones[1]
    open_page(page, built_site.base_url + FRAMEWORK)
    day = milestone.starts_on_day + 1
    page.get_by_label("The day you started").fill(
        page.evaluate(f"new Date(Date.now() - {day} * 864e5).toLocaleDateString('sv')")
    )
    # The timeline last: the checks below read it as it is then.
    for url in (FRAMEWORK, PLAN, "", TIMELINE):
        open_page(page, built_site.base_url + url)
        assert visible_empty_blocks(page, ".mdx-milestone, .mdx-card, .mdx-topic") == [], url
    here = page.locator(f"#{milestone.id} [data-mdx-status]")
    assert here.inner_text() == "You are here"
    # The status sits clear of the milestone's words.
    overlap = here.evaluate(
        """status => [...status.parentNode.querySelectorAll(":scope > :not([data-mdx-status])")]
            .some(el => {
                const a = el.getBoundingClientRect(), b = status.getBoundingClientRect();
                return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
            })"""
    )
    assert not overlap


def test_a_phase_card_shows_its_label_once(built_site, reader):
    page = reader.new_page()
    for url in (FRAMEWORK, PLAN):
        open_page(page, built_site.base_url + url)
        for phase in CATALOGUE.phases:
            shown = page.locator(f"#{phase.id}").evaluate(
                """(card, label) => {
                    const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
                    let n = 0;
                    for (let node; (node = walker.nextNode()); ) {
                        const box = node.parentElement.getBoundingClientRect();
                        const seen = box.width > 1 && box.height > 1;
                        if (seen && node.textContent.toLowerCase().includes(label)) n++;
                    }
                    return n;
                }""",
                phase.label.lower(),
            )
            assert shown == 1, (url, phase.id, shown)


def test_reset_is_offered_only_when_something_is_ticked(built_site, reader):
    topic = next(iter(CATALOGUE.topics.values()))
    first = topic.items[0].id
    seed(reader, json.dumps(value({first: True})))
    page = reader.new_page()
    # The topic's page last: the reader resets its checklist there next.
    for url in (PLAN, FRAMEWORK, topic.url):
        open_page(page, built_site.base_url + url)
        resets = page.eval_on_selector_all(
            "[data-mdx-title]",
            """lists => lists.map(list => [list.dataset.mdxList,
                list.querySelectorAll(".mdx-item__box:checked").length,
                [...list.querySelectorAll(".mdx-toolbar button")]
                    .find(b => b.textContent === "Reset").disabled])""",
        )
        assert resets, url
        for list_id, checked, disabled in resets:
            assert disabled == (checked == 0), (url, list_id)
    toolbar = page.locator(f"#{topic.id}-checklist .mdx-toolbar")
    reset = toolbar.get_by_role("button", name=f"Reset {topic.title} checklist")
    reset.click()
    assert reset.is_disabled()
    assert "Progress reset." in toolbar.inner_text()
    # Focus moves to Undo, not to the page's start.
    assert page.evaluate("document.activeElement.textContent") == "Undo"
    page.locator(f"#{first}--box").check()
    assert reset.is_enabled()


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def test_plan_page_has_no_axe_violations_in_either_scheme(built_site, browser, width):
    context = reader_context(browser, width, "light")
    page = context.new_page()
    try:
        open_page(page, built_site.base_url + PLAN)
        assert axe_in_both_schemes(page) == {}
    finally:
        context.close()
