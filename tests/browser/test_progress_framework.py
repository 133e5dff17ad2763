"""The reader's start date: current phase on the framework, "You are here" on the timeline, and
the home page's continue panel with the next unticked task."""

from __future__ import annotations

import json

import pytest

from tests.browser.helpers import FRAMEWORK, TIMELINE, open_page, seed, stored, value, wait_mounted

pytestmark = pytest.mark.browser


def days_ago(page, days: int) -> str:
    """The local date `days` before today, as the browser sees it."""
    return page.evaluate(
        """days => {
            const d = new Date();
            d.setDate(d.getDate() - days);
            return [d.getFullYear(), d.getMonth() + 1, d.getDate()]
                .map(n => String(n).padStart(2, "0")).join("-");
        }""",
        days,
    )


def current_cards(page) -> list[str]:
    return page.eval_on_selector_all(
        ".mdx-card[aria-current=step]", "cards => cards.map(card => card.id)"
    )


def test_start_date_marks_the_current_phase(built_site, page):
    open_page(page, built_site.base_url + FRAMEWORK)
    assert current_cards(page) == []
    start = page.get_by_label("The day you started")
    start.fill(days_ago(page, 20))
    assert current_cards(page) == ["phase-week-3-4"]
    card = page.locator("#phase-week-3-4")
    assert "Current phase" in card.locator(".mdx-toolbar__status").text_content()
    assert page.locator(".mdx-badge").count() == 1
    assert stored(page)["startDate"] == days_ago(page, 20)
    page.reload()
    wait_mounted(page)
    assert start.input_value() == days_ago(page, 20)
    assert current_cards(page) == ["phase-week-3-4"]
    # The last phase is open-ended; a future date marks no phase.
    start.fill(days_ago(page, 400))
    assert current_cards(page) == ["phase-month-3-plus"]
    start.fill(days_ago(page, -3))
    assert current_cards(page) == []


def test_timeline_says_you_are_here(built_site, context):
    page = context.new_page()
    open_page(page, built_site.base_url + FRAMEWORK)
    page.get_by_label("The day you started").fill(days_ago(page, 40))
    open_page(page, built_site.base_url + TIMELINE)
    statuses = page.eval_on_selector_all(
        ".mdx-milestone",
        "items => items.map(li => [li.id, li.querySelector('[data-mdx-status]').textContent,"
        " li.getAttribute('aria-current')])",
    )
    assert statuses == [
        ["milestone-weeks-1-4", "", None],
        ["milestone-months-2-3", "You are here", "step"],
        ["milestone-months-4-6", "", None],
        ["milestone-month-6-plus", "", None],
    ]


def plan(page) -> list[dict]:
    return json.loads(page.locator("[data-mdx-component=continue]").get_attribute("data-mdx-plan"))


def test_continue_panel_starts_with_phase_one_without_a_start_date(built_site, page):
    open_page(page, built_site.base_url)
    phases = plan(page)
    text = page.locator("[data-mdx-continue-text]")
    first = phases[0]
    assert text.text_content().startswith(f"Start with {first['label']}: {first['title']}")
    link = text.locator("a")
    assert link.text_content() == first["tasks"][0]["text"]
    assert link.get_attribute("href") == f"{FRAMEWORK}#{first['tasks'][0]['id']}"


def test_continue_panel_names_the_next_unticked_task_of_the_current_phase(built_site, context):
    page = context.new_page()
    page.goto(built_site.base_url)
    phases = plan(page)
    second = phases[1]
    seed(
        context,
        json.dumps(value({second["tasks"][0]["id"]: True}, start_date=days_ago(page, 20))),
    )
    page = context.new_page()
    open_page(page, built_site.base_url)
    text = page.locator("[data-mdx-continue-text]")
    assert text.text_content().startswith(
        f"You are in {second['label']}: {second['title']}. Next: "
    )
    link = text.locator("a")
    assert link.text_content() == second["tasks"][1]["text"]
    assert link.get_attribute("href") == f"{FRAMEWORK}#{second['tasks'][1]['id']}"


def test_continue_panel_says_when_every_task_is_done(built_site, context):
    page = context.new_page()
    page.goto(built_site.base_url)
    every = [task["id"] for phase in plan(page) for task in phase["tasks"]]
    seed(context, json.dumps(value(dict.fromkeys(every, True))))
    page = context.new_page()
    open_page(page, built_site.base_url)
    text = page.locator("[data-mdx-continue-text]").text_content()
    assert text == f"You have ticked all {len(every)} tasks of the week-by-week plan. Well done."
