"""A reader who follows a dead link, at any depth of the site, gets the site's 404 page: it
answers 404, searches the guide, and leads to the home page and every chapter. At a phone's and
a desktop's width, with no axe violations in either colour scheme."""

from __future__ import annotations

import re
import urllib.request
from urllib.parse import urljoin

import pytest

from tests.browser.helpers import (
    CATALOGUE,
    LAYOUTS,
    axe_in_both_schemes,
    goto_settled,
    reader_context,
)
from tests.conftest import nav_pages

pytestmark = pytest.mark.browser

# Deeper than any page of the site: GitHub Pages serves 404.html for any missing path.
MISSING = "sub/path/deep/missing/"


# Each width once, each scheme once (LAYOUTS says why); the axe test takes both schemes.
@pytest.fixture(params=LAYOUTS, ids=[f"{w}px-{s}" for w, s in LAYOUTS])
def reader(request, browser):
    context = reader_context(browser, *request.param)
    yield context.new_page()
    context.close()


def open_missing(page, base_url: str):
    response = goto_settled(page, base_url + MISSING)
    assert response is not None and response.status == 404
    return page.locator("article")


def test_the_404_page_leads_home_and_to_every_chapter_at_any_depth(built_site, reader):
    page = reader
    article = open_missing(page, built_site.base_url)
    assert article.locator("h1").count() == 1
    links = {
        urljoin(page.url, href): text
        for href, text in article.locator("a").evaluate_all(
            "links => links.map(a => [a.getAttribute('href'), a.textContent.trim()])"
        )
    }
    assert built_site.base_url in links, links
    for chapter in CATALOGUE.chapters.values():
        url = built_site.base_url + chapter.url
        assert links.get(url) == chapter.title, (chapter.url, links)
    # Every page of nav but the home page (which has its own link) is listed, and each is there.
    pages = [src for src in nav_pages() if src != "index.md"]
    assert len(links) >= len(pages) + 1
    for url in links:
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200, url
    article.get_by_role("link", name=re.compile("home page")).click()
    page.wait_for_url(built_site.base_url)


def test_the_404_page_searches_the_guide(built_site, reader):
    page = reader
    chapter = list(CATALOGUE.chapters.values())[-1]
    article = open_missing(page, built_site.base_url)
    field = article.get_by_role("searchbox")
    field.fill(chapter.title)
    field.press("Enter")
    # Material's search opens with the words filled in and lists the chapter. (Its field shows
    # before its bundle has run, in the header at 1280 px: wait for the words, not the field.)
    query = page.locator("input.md-search__input")
    page.wait_for_function(
        "title => document.querySelector('input.md-search__input')?.value === title",
        arg=chapter.title,
    )
    assert query.is_visible()
    href = f"{built_site.base_url}{chapter.url}?"
    result = page.locator(f'.md-search-result__item a.md-search-result__link[href^="{href}"]')
    result.first.click()
    page.wait_for_url(f"{built_site.base_url}{chapter.url}*")
    assert page.locator("article h1").inner_text().removesuffix("¶") == chapter.title


def test_the_404_page_passes_axe_in_either_scheme(built_site, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page = context.new_page()
    try:
        open_missing(page, built_site.base_url)
        assert axe_in_both_schemes(page) == {}
    finally:
        context.close()
