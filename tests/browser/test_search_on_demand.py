"""The search index is fetched when a reader reaches for the search, not on every page load."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

INDEX = "search/search_index.json"
PAGE = "guide/final-thoughts/"


def index_requests(page) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if r.url.endswith(INDEX) else None)
    return requests


def results(page):
    first = page.locator(".md-search-result__item a").first
    first.wait_for()
    return page.locator(".md-search-result__item a")


def test_a_page_load_does_not_fetch_the_search_index(built_site, page):
    requests = index_requests(page)
    page.goto(built_site.base_url + PAGE, wait_until="networkidle")
    # Material would have sent it while starting; give a late request time to show up.
    page.wait_for_timeout(500)
    assert requests == []
    # Other requests of the page still go out: the held request is only the index.
    assert page.evaluate("document.querySelector('.md-search__input') !== null")


def test_the_keyboard_shortcut_fetches_the_index_and_finds_a_checklist_item(built_site, page):
    requests = index_requests(page)
    page.goto(built_site.base_url + PAGE, wait_until="networkidle")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("idempotent", delay=30)
    hrefs = [link.get_attribute("href") for link in results(page).all()]
    assert requests == [built_site.base_url + INDEX]
    assert any("topics/webhook-design/" in href for href in hrefs), hrefs


def test_tapping_the_search_button_on_a_phone_fetches_the_index(built_site, browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    try:
        page = context.new_page()
        requests = index_requests(page)
        page.goto(built_site.base_url, wait_until="networkidle")
        page.locator("label.md-header__button[for=__search]").tap()
        page.locator("input.md-search__input").press_sequentially("lazy", delay=30)
        assert results(page).count() > 0
        assert requests == [built_site.base_url + INDEX]
    finally:
        context.close()


def test_a_search_result_link_highlights_its_terms_without_a_click(built_site, page):
    requests = index_requests(page)
    page.goto(built_site.base_url + "topics/lazy-loading/?h=deferring", wait_until="networkidle")
    page.locator("article mark", has_text="deferring").first.wait_for()
    assert requests == [built_site.base_url + INDEX]
