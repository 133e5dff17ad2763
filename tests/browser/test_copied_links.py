"""Links a reader copies point at the site the reader is on. The built site, served on another
port under another sub-path than the address it was built for (as a copy on another server or a
downloaded artifact is), hands out addresses that lead to the page and the item copied: "Copy
link" and "Copy as Markdown" of checklists, items and phase cards, and the team leads' plan."""

from __future__ import annotations

import re
import urllib.request
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit

import pytest

from tests.browser.helpers import (
    CATALOGUE,
    CHECKLIST,
    FIRST,
    FRAMEWORK,
    LAYOUTS,
    open_page,
    reader_context,
)
from tests.conftest import served_elsewhere

pytestmark = pytest.mark.browser

ELSEWHERE = "/a/copy/of-the-site/"
MARKDOWN_LINK = re.compile(r"\]\((http[^)\s]+)\)")


@pytest.fixture(scope="module")
def elsewhere(built_site):
    """The base URL of the same build, served on another port under ELSEWHERE."""
    with served_elsewhere(built_site.site_dir, ELSEWHERE) as base_url:
        yield base_url


# Each width once, each scheme once (LAYOUTS says why).
@pytest.fixture(params=LAYOUTS, ids=[f"{w}px-{s}" for w, s in LAYOUTS])
def reader(request, browser):
    context = reader_context(browser, *request.param)
    yield context.new_page()
    context.close()


def copied(button) -> str:
    """Click a copy button and return what it copied (the page records it on the button)."""
    button.scroll_into_view_if_needed()
    button.click()
    button.page.wait_for_function(
        "b => b.dataset.mdxCopied !== undefined", arg=button.element_handle()
    )
    return button.get_attribute("data-mdx-copied")


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except HTTPError as error:
        return error.code, ""


def assert_leads_to(url: str, base_url: str, page_url: str, anchor: str = "") -> None:
    """``url`` is on the site at ``base_url``, is the page ``page_url`` (site-relative, any
    query kept) and that page, fetched, answers 200 and has the element ``anchor``."""
    assert url.startswith(base_url), f"{url} is not on the site the reader is on ({base_url})"
    parts = urlsplit(url)
    assert urljoin(base_url, page_url) == url.split("#")[0].split("?")[0], url
    assert parts.fragment == anchor, url
    status, html = fetch(url.split("#")[0])
    assert status == 200, url
    if anchor:
        assert f'id="{anchor}"' in html, url


def test_checklist_item_and_card_links_lead_to_the_copy_the_reader_is_on(elsewhere, reader):
    page = reader
    open_page(page, elsewhere + CHECKLIST.url)
    item_link = page.locator(f"[data-mdx-item={FIRST}]").get_by_role("button", name="Copy link to")
    assert_leads_to(copied(item_link), elsewhere, CHECKLIST.url, FIRST)
    checklist = page.locator("[data-mdx-component=checklist]")
    list_link = checklist.get_by_role("button", name=f"Copy link to {CHECKLIST.title} checklist")
    assert_leads_to(copied(list_link), elsewhere, CHECKLIST.url, f"{CHECKLIST.id}-checklist")
    markdown = copied(checklist.get_by_role("button", name="Copy as Markdown"))
    links = MARKDOWN_LINK.findall(markdown)
    assert len(links) == len(CHECKLIST.items)
    for link, item in zip(links, CHECKLIST.items, strict=True):
        assert_leads_to(link, elsewhere, CHECKLIST.url, item.id)

    phase = CATALOGUE.phases[0]
    open_page(page, elsewhere + FRAMEWORK)
    card = page.locator(f"#{phase.id}")
    card_link = card.get_by_role("button", name=f"Copy link to {phase.label}: {phase.title}")
    assert_leads_to(copied(card_link), elsewhere, FRAMEWORK, phase.id)
    links = MARKDOWN_LINK.findall(copied(card.get_by_role("button", name="Copy as Markdown")))
    assert len(links) == len(phase.tasks)
    for link, task in zip(links, phase.tasks, strict=True):
        assert_leads_to(link, elsewhere, FRAMEWORK, task.id)


def test_the_plan_and_its_links_lead_to_the_copy_the_reader_is_on(elsewhere, reader):
    page = reader
    chapter = list(CATALOGUE.chapters.values())[-1]
    phase = CATALOGUE.phases[-1]
    open_page(page, elsewhere + "onboarding/")
    # The addresses listed to paste elsewhere are those of this copy too.
    for address in page.locator("[data-mdx-copy-url]").all_inner_texts():
        assert address.startswith(elsewhere), address
        assert fetch(address)[0] == 200, address
    for part in (f"c-{chapter.id}", f"t-{CHECKLIST.id}", f"p-{phase.id}"):
        page.locator(f"#plan-{part}").check()
    plan = copied(page.get_by_role("button", name="Copy link to the plan"))
    query = f"?c={chapter.id}&t={CHECKLIST.id}&p={phase.id}"
    assert plan == f"{elsewhere}onboarding/plan/{query}"
    assert_leads_to(plan, elsewhere, "onboarding/plan/")
    markdown = copied(page.get_by_role("button", name="Copy as Markdown task list of the plan"))
    assert markdown.endswith(f"Plan page: {plan}")
    links = MARKDOWN_LINK.findall(markdown)
    expected = [(chapter.url, ""), (CHECKLIST.url, ""), (FRAMEWORK, phase.id)]
    assert len(links) == len(expected)
    for link, (page_url, anchor) in zip(links, expected, strict=True):
        assert_leads_to(link, elsewhere, page_url, anchor)
    # The new hire who opens the link gets that plan, from this copy.
    open_page(page, plan)
    assert page.locator(f"[data-mdx-part='t:{CHECKLIST.id}']").count() == 1
    assert page.locator("[data-mdx-part^='t:']").count() == 1
