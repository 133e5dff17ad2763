"""The reader's start date: current phase on the framework, "You are here" on the timeline, and
the home page's continue panel with the next unticked task."""

from __future__ import annotations

import json

import pytest

from tests.browser.helpers import FRAMEWORK, TIMELINE, open_page, seed, stored, value, wait_mounted
from tests.conftest import project_catalogue

pytestmark = pytest.mark.browser

CATALOGUE = project_catalogue()


def middle_day(entry) -> int:
    """A day inside a phase or milestone; days run from starts_on_day up to, not including,
    ends_on_day (open-ended when None), counted from the start date (day 0)."""
    end = entry.ends_on_day if entry.ends_on_day is not None else entry.starts_on_day + 365
    return (entry.starts_on_day + end) // 2


def current(entries, day: int) -> list[str]:
    return [
        entry.id
        for entry in entries
        if entry.starts_on_day <= day and (entry.ends_on_day is None or day < entry.ends_on_day)
    ]


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
    phase = CATALOGUE.phases[1]
    day = middle_day(phase)
    start.fill(days_ago(page, day))
    assert current_cards(page) == [phase.id] == current(CATALOGUE.phases, day)
    card = page.locator(f"#{phase.id}")
    assert "Current phase" in card.locator(".mdx-toolbar__status").text_content()
    assert page.locator(".mdx-badge").count() == 1
    assert stored(page)["startDate"] == days_ago(page, day)
    page.reload()
    wait_mounted(page)
    assert start.input_value() == days_ago(page, day)
    assert current_cards(page) == [phase.id]
    # The last phase is open-ended; a future date marks no phase.
    last = CATALOGUE.phases[-1]
    start.fill(days_ago(page, last.starts_on_day + 400))
    assert current_cards(page) == current(CATALOGUE.phases, last.starts_on_day + 400)
    start.fill(days_ago(page, -3))
    assert current_cards(page) == []


def test_timeline_says_you_are_here(built_site, context):
    page = context.new_page()
    open_page(page, built_site.base_url + FRAMEWORK)
    day = middle_day(CATALOGUE.milestones[1])
    page.get_by_label("The day you started").fill(days_ago(page, day))
    open_page(page, built_site.base_url + TIMELINE)
    statuses = page.eval_on_selector_all(
        ".mdx-milestone",
        "items => items.map(li => [li.id, li.querySelector('[data-mdx-status]').textContent,"
        " li.getAttribute('aria-current')])",
    )
    here = current(CATALOGUE.milestones, day)
    assert here == [CATALOGUE.milestones[1].id]
    assert statuses == [
        [m.id, "You are here", "step"] if m.id in here else [m.id, "", None]
        for m in CATALOGUE.milestones
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
    day = middle_day(CATALOGUE.phases[1])
    assert second["id"] == CATALOGUE.phases[1].id
    seed(
        context,
        json.dumps(value({second["tasks"][0]["id"]: True}, start_date=days_ago(page, day))),
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
