"""The print page: the print plugin's script builds the page's table of contents and hides the
site navigation before the reader prints (nothing of ours gets in its way)."""

from __future__ import annotations

import pytest

from tests.browser.helpers import CATALOGUE, record_errors

pytestmark = pytest.mark.browser


def test_the_print_page_gets_its_contents_and_loses_the_site_navigation(built_site, page):
    errors = record_errors(page)
    page.goto(built_site.base_url + "print_page/")
    # The script copies the page's navigation lists into the contents (none are there before).
    chapter_links = page.locator("#print-page-toc nav > ul a").all_inner_texts()
    for chapter in CATALOGUE.chapters.values():
        assert any(chapter.title in text for text in chapter_links), (chapter.title, chapter_links)
    assert page.locator(".md-sidebar--primary").evaluate("el => el.style.display") == "none"
    assert errors == []
