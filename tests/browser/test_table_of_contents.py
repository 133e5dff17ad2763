"""At desktop width a topic page's table of contents shows its checklist, and following the
entry lands on the checklist."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import CATALOGUE, LAYOUTS, open_page

pytestmark = pytest.mark.browser

# Only a desktop shows the table of contents beside the page, in the scheme LAYOUTS gives that
# width: a scheme changes colours only (LAYOUTS says why).
WIDTH = 1280
SCHEME = dict(LAYOUTS)[WIDTH]


def test_a_topic_page_lists_its_checklist_in_the_table_of_contents(built_site, browser):
    context = browser.new_context(color_scheme=SCHEME, viewport={"width": WIDTH, "height": 900})
    page = context.new_page()
    for topic in CATALOGUE.topics.values():
        open_page(page, built_site.base_url + topic.url)
        toc = page.locator(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")
        entry = toc.filter(has_text=f"{topic.title} checklist")
        expect(entry).to_have_count(1)
        expect(entry).to_be_visible()
        entry.click()
        expect(page.locator(f"#{topic.id}-checklist-title")).to_be_in_viewport()
    context.close()
