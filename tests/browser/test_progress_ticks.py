"""Ticking items: saved at once, kept across reloads, page swaps and tabs, reset with undo."""

from __future__ import annotations

import json

import pytest

from tests.browser.helpers import (
    FIRST,
    FRAMEWORK,
    KEY,
    SECOND,
    TOPIC,
    box,
    live_text,
    open_page,
    record_errors,
    seed,
    stored,
    ticks,
    value,
    wait_mounted,
)
from tests.conftest import project_catalogue

pytestmark = pytest.mark.browser

CATALOGUE = project_catalogue()
# The checklist these tests tick (helpers.TOPIC), another one, and the framework's first phase.
CHECKLIST = CATALOGUE.topics[TOPIC.strip("/").removeprefix("topics/")]
OTHER = next(topic for topic in CATALOGUE.topics.values() if topic is not CHECKLIST)
PHASE = CATALOGUE.phases[0]


def test_tick_by_mouse_survives_reload(built_site, page):
    problems = record_errors(page)
    open_page(page, built_site.base_url + TOPIC)
    box(page, FIRST).click()
    assert ticks(page) == {FIRST}
    page.reload()
    wait_mounted(page)
    assert box(page, FIRST).is_checked()
    assert not box(page, SECOND).is_checked()
    assert problems == []


def test_tick_by_keyboard_survives_reload(built_site, page):
    open_page(page, built_site.base_url + TOPIC)
    box(page, SECOND).focus()
    page.keyboard.press("Space")
    assert ticks(page) == {SECOND}
    page.reload()
    wait_mounted(page)
    assert box(page, SECOND).is_checked()


def test_progress_is_one_versioned_value_under_the_site_path(built_site, page):
    open_page(page, built_site.base_url + TOPIC)
    box(page, FIRST).check()
    box(page, FIRST).uncheck()
    box(page, SECOND).check()
    keys = page.evaluate("Object.keys(localStorage)")
    assert [key for key in keys if "mdx" in key] == [KEY]
    data = stored(page)
    assert data["version"] == 2 and data["startDate"] is None
    assert data["items"][FIRST]["done"] is False
    assert data["items"][SECOND]["done"] is True
    assert data["items"][SECOND]["at"].endswith("Z")


def test_progress_text_bar_and_state_follow_ticks(built_site, page):
    open_page(page, built_site.base_url + TOPIC)
    checklist = page.locator("[data-mdx-component=checklist]")
    total = checklist.locator(".mdx-item").count()
    status = checklist.locator(".mdx-toolbar__status")
    bar = checklist.locator("progress")
    assert status.text_content().startswith(f"Not started · 0 of {total} done")
    box(page, FIRST).check()
    # The text, the bar and the announcement are updated in the same task as the click.
    assert status.text_content().startswith(f"In progress · 1 of {total} done")
    assert bar.evaluate("bar => [bar.value, bar.max]") == [1, total]
    assert bar.get_attribute("aria-label") == f"Progress of {CHECKLIST.title} checklist"
    assert f"1 of {total} done" in live_text(page)
    for item in checklist.locator(".mdx-item__box").all():
        item.check()
    assert status.text_content().startswith(f"Done · {total} of {total} done")


def test_leaving_through_the_navigation_and_coming_back_still_saves(built_site, page):
    problems = record_errors(page)
    open_page(page, built_site.base_url + TOPIC)
    box(page, FIRST).check()
    framework = next(c for c in CATALOGUE.chapters.values() if c.url == CATALOGUE.framework_url)
    page.locator(".md-nav__link", has_text=framework.title).first.click()
    page.wait_for_url(f"**/{FRAMEWORK}")
    page.wait_for_selector(f"#{PHASE.tasks[0].id}--box:enabled")
    page.locator(".md-nav__link", has_text=CHECKLIST.title).first.click()
    page.wait_for_url(f"**/{TOPIC}")
    page.wait_for_selector(f"#{SECOND}--box:enabled")
    assert box(page, FIRST).is_checked()
    box(page, SECOND).check()
    assert ticks(page) == {FIRST, SECOND}
    # Mounted once per page: one toolbar; one copy button and one note control per item.
    assert page.locator(".mdx-toolbar__status").count() == 1
    head = page.locator(f"[data-mdx-item={FIRST}] .mdx-item__head")
    assert head.get_by_role("button", name="Copy link to").count() == 1
    assert head.get_by_role("button", name="Note or not applicable").count() == 1
    assert problems == []


def test_two_tabs_stay_in_sync(built_site, context):
    first, second = context.new_page(), context.new_page()
    open_page(first, built_site.base_url + TOPIC)
    open_page(second, built_site.base_url + TOPIC)
    first.bring_to_front()
    box(first, FIRST).check()
    # A background tab runs no animation frames: poll on a timer.
    second.wait_for_function(f"() => document.getElementById('{FIRST}--box').checked", polling=50)
    second.bring_to_front()
    box(second, SECOND).check()
    first.wait_for_function(f"() => document.getElementById('{SECOND}--box').checked", polling=50)
    assert box(first, FIRST).is_checked()
    assert ticks(first) == {FIRST, SECOND}


def test_stored_ids_unknown_to_the_page_are_kept(built_site, context):
    seed(context, json.dumps(value({"retired-item": True, "other-guide-item": False})))
    page = context.new_page()
    open_page(page, built_site.base_url + TOPIC)
    box(page, FIRST).check()
    data = stored(page)
    assert set(data["items"]) == {"retired-item", "other-guide-item", FIRST}
    assert data["items"]["retired-item"] == value({"retired-item": True})["items"]["retired-item"]


def test_reset_asks_nothing_but_offers_undo(built_site, context):
    seed(context, json.dumps(value({FIRST: True, SECOND: True, "elsewhere": True})))
    page = context.new_page()
    open_page(page, built_site.base_url + TOPIC)
    toolbar = page.locator("[data-mdx-component=checklist] .mdx-toolbar")
    toolbar.get_by_role("button", name=f"Reset {CHECKLIST.title} checklist").click()
    assert not box(page, FIRST).is_checked() and not box(page, SECOND).is_checked()
    assert ticks(page) == {"elsewhere"}
    assert "Progress reset." in toolbar.inner_text()
    toolbar.get_by_role("button", name="Undo").press("Enter")
    assert box(page, FIRST).is_checked() and box(page, SECOND).is_checked()
    assert ticks(page) == {FIRST, SECOND, "elsewhere"}
    assert toolbar.get_by_role("button", name="Undo").count() == 0
    # Focus returns to the Reset button, not to the page's start.
    assert page.evaluate("document.activeElement.textContent").startswith("Reset")


def test_card_reset_only_touches_its_own_tasks(built_site, context):
    own, elsewhere = PHASE.tasks[0].id, CATALOGUE.phases[1].tasks[0].id
    total = len(PHASE.tasks)
    seed(context, json.dumps(value({own: True, elsewhere: True})))
    page = context.new_page()
    open_page(page, built_site.base_url + FRAMEWORK)
    card = page.locator(f"#{PHASE.id}")
    status = card.locator(".mdx-toolbar__status")
    assert status.text_content().startswith(f"In progress · 1 of {total}")
    card.get_by_role("button", name=f"Reset {PHASE.label}").click()
    assert status.text_content().startswith(f"Not started · 0 of {total}")
    assert ticks(page) == {elsewhere}


def test_topic_index_shows_done_counts(built_site, context):
    untick = OTHER.items[0].id
    seed(context, json.dumps(value({FIRST: True, SECOND: True, untick: False})))
    page = context.new_page()
    open_page(page, built_site.base_url + "topics/")
    ticked = page.locator(f".mdx-topic[data-mdx-list={CHECKLIST.id}] [data-mdx-count]")
    assert ticked.inner_text() == f"2 of {len(CHECKLIST.items)} done"
    other = page.locator(f".mdx-topic[data-mdx-list={OTHER.id}] [data-mdx-count]")
    assert other.inner_text() == f"{len(OTHER.items)} items"
    assert "2 ticks saved" in page.locator(".mdx-panel").inner_text()


def test_a_click_updates_the_progress_before_the_next_frame(built_site, page):
    open_page(page, built_site.base_url + TOPIC)
    total = page.locator("[data-mdx-component=checklist] .mdx-item").count()
    before, after, bar = page.evaluate(
        """(item) => new Promise(done => {
            const box = document.getElementById(`${item}--box`);
            const list = box.closest("[data-mdx-title]");
            const status = () => list.querySelector(".mdx-toolbar__status").textContent;
            const before = status();
            box.click();
            // Runs before the browser paints the next frame: what the reader sees first.
            requestAnimationFrame(() =>
                done([before, status(), list.querySelector(".mdx-toolbar__bar").value]));
        })""",
        FIRST,
    )
    total = len(CHECKLIST.items)
    assert f"0 of {total} done" in before
    assert f"1 of {total} done" in after and bar == 1
