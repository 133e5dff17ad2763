"""What the progress script makes when a page opens, and how: only what the reader sees (each
item's two buttons, each list's toolbar); the note form, the paste panel and the update note on
first use; the lists' buttons one list per task, the lists in view first, with or without
`scheduler.yield`."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.browser.helpers import (
    CATALOGUE,
    FIRST,
    FRAMEWORK,
    TOPIC,
    box,
    layout_shift_after_mount,
    open_page,
    ticks,
)

pytestmark = pytest.mark.browser

PLAN = "onboarding/plan/"
PAGES = [TOPIC, FRAMEWORK, PLAN]

# Per list (data-mdx-list), the lists whose items got buttons in each task: a MutationObserver's
# callback runs once after each task that changed the page, with that task's changes.
RECORD_BATCHES = """
window.mdxBatches = [];
new MutationObserver((records) => {
    const lists = new Set();
    for (const record of records) {
        for (const node of record.addedNodes) {
            if (!node.matches?.("[data-mdx-do]")) continue;
            lists.add(node.closest("[data-mdx-list]").dataset.mdxList);
        }
    }
    if (lists.size) window.mdxBatches.push([...lists]);
}).observe(document, {subtree: true, childList: true});
"""


def elements_under_items(html: str) -> dict[str, int]:
    """The number of elements under each item (by id) in a page's HTML as built."""
    tree = LexborHTMLParser(html)
    # A node's css() matches the node itself too.
    return {
        li.attributes["data-mdx-item"]: len(li.css("*")) - 1 for li in tree.css("li[data-mdx-item]")
    }


@pytest.mark.parametrize("path", PAGES, ids=["topic", "framework", "plan"])
def test_mount_makes_only_what_the_reader_sees(built_site, page, path):
    open_page(page, built_site.base_url + path)
    # Nothing in a component waits hidden for a reader who may never open it.
    hidden = page.eval_on_selector_all(
        "[data-mdx-component] [hidden]", "els => els.map(el => el.id || el.className)"
    )
    assert hidden == []
    # Under each item, the only elements the script added are its buttons, all in view.
    built = elements_under_items((built_site.site_dir / path / "index.html").read_text("utf-8"))
    now = page.eval_on_selector_all(
        "li[data-mdx-item]",
        """items => items.map(li => [li.dataset.mdxItem, li.querySelectorAll("*").length,
            [...li.querySelectorAll("[data-mdx-do]")].map(b => b.checkVisibility())])""",
    )
    assert {item for item, _, _ in now} == set(built)
    for item, count, buttons in now:
        assert count - built[item] == len(buttons) > 0, item
        assert all(buttons), item


def test_the_note_form_is_made_when_the_reader_first_opens_it(built_site, page):
    open_page(page, built_site.base_url + TOPIC)
    item = page.locator(f"[data-mdx-item={FIRST}]")
    count = "li => li.querySelectorAll('*').length"
    before = item.evaluate(count)
    toggle = item.locator(".mdx-btn--note")
    assert toggle.get_attribute("aria-controls") is None  # it controls nothing yet
    toggle.click()
    form = page.locator(f"#{FIRST}--note-form")
    assert form.is_visible()
    assert toggle.get_attribute("aria-controls") == f"{FIRST}--note-form"
    assert page.evaluate("document.activeElement.id") == f"{FIRST}--na"
    # Every element of the form was made now, and nothing else.
    made = form.evaluate("f => f.querySelectorAll('*').length + 1")
    assert item.evaluate(count) - before == made
    # Closing and opening again reuses it.
    page.keyboard.press("Escape")
    assert form.is_hidden()
    toggle.click()
    assert item.evaluate(count) - before == made


def test_the_paste_panel_is_made_when_the_reader_first_opens_it(built_site, page):
    open_page(page, built_site.base_url + TOPIC)
    toolbar = page.locator("[data-mdx-toolbar]").first
    count = "el => el.querySelectorAll('*').length"
    before = toolbar.evaluate(count)
    opener = toolbar.get_by_role("button", name="Paste from an issue")
    assert opener.get_attribute("aria-controls") is None
    opener.click()
    panel = page.locator(f"#{opener.get_attribute('aria-controls')}")
    assert panel.is_visible() and toolbar.locator(".mdx-paste").count() == 1
    assert toolbar.evaluate(count) - before == panel.evaluate(count) + 1
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"


@pytest.mark.parametrize("with_yield", [True, False], ids=["scheduler.yield", "no scheduler.yield"])
def test_lists_get_their_buttons_one_list_per_task(built_site, context, with_yield):
    if not with_yield:
        context.add_init_script("if (self.Scheduler) delete Scheduler.prototype.yield;")
    context.add_init_script(RECORD_BATCHES)
    page = context.new_page()
    open_page(page, built_site.base_url + PLAN)
    has_yield = page.evaluate("typeof globalThis.scheduler?.yield === 'function'")
    if with_yield and not has_yield:
        pytest.skip("this Chromium has no scheduler.yield")
    assert has_yield is with_yield
    lists = page.eval_on_selector_all(
        "[data-mdx-component=checklist], [data-mdx-component=card]",
        "els => els.map(el => el.dataset.mdxList)",
    )
    assert len(lists) > 1
    batches = page.evaluate("window.mdxBatches")
    assert [len(batch) for batch in batches] == [1] * len(lists)
    assert sorted(batch[0] for batch in batches) == sorted(lists)
    # Every item has its buttons, and they work.
    items = page.locator("li[data-mdx-item]").count()
    assert page.locator("li[data-mdx-item] .mdx-item__head [data-mdx-do]").count() == 2 * items
    item = CATALOGUE.phases[-1].tasks[0].id
    box(page, item).check()
    assert ticks(page) == {item}
    page.locator(f"[data-mdx-item={item}] .mdx-btn--note").click()
    assert page.locator(f"#{item}--note-form").is_visible()


def test_the_lists_in_view_get_their_buttons_first(built_site, context):
    context.add_init_script(RECORD_BATCHES)
    page = context.new_page()
    first, last = CATALOGUE.phases[0], CATALOGUE.phases[-1]
    open_page(page, f"{built_site.base_url}{FRAMEWORK}#{last.id}")
    in_view = page.eval_on_selector_all(
        "[data-mdx-component=card]",
        """cards => cards.filter(card => { const r = card.getBoundingClientRect();
            return r.bottom > 0 && r.top < innerHeight; }).map(card => card.dataset.mdxList)""",
    )
    assert last.id in in_view and first.id not in in_view  # the page opened at the last phase
    batches = page.evaluate("window.mdxBatches")
    assert sorted(name for batch in batches[: len(in_view)] for name in batch) == sorted(in_view)


@pytest.mark.parametrize("width", [390, 1280])
def test_mounting_list_by_list_shifts_nothing(built_site, browser, width):
    # The plan page mounts the most lists, over the most frames; the space each list's toolbar
    # and each item's buttons take is kept from the first paint.
    context = browser.new_context(viewport={"width": width, "height": 900})
    shift = layout_shift_after_mount(context, built_site.base_url + PLAN)
    assert shift < 0.001
