"""The site works under a sub-path, as GitHub Pages serves a project site."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.browser.helpers import goto_settled, wait_settled
from tests.conftest import nav_pages, project_catalogue

pytestmark = pytest.mark.browser

TOPIC_INDEX_LINK = "../../topics/"  # from a chapter (guide/<id>/) to the topic index


def page_url(base_url: str, src: str) -> str:
    path = src.removesuffix(".md")
    path = "" if path == "index" else path.removesuffix("index")
    return base_url + (path + "/" if path and not path.endswith("/") else path)


def record_problems(page) -> list[str]:
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on(
        "response",
        lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
    )
    return problems


def test_missing_page_shows_the_styled_404_under_the_sub_path(built_site, page):
    problems = record_problems(page)
    response = goto_settled(page, built_site.base_url + "no/such/page/")
    assert response is not None and response.status == 404
    assert page.locator("article h1").inner_text() == "Page not found"
    # The 404 page's assets come from the sub-path: the header is styled, nothing failed.
    assert page.locator(".md-header").is_visible()
    # The only failure is the missing page itself (Chromium logs its 404 status to the console).
    expected = {
        f"HTTP 404: {built_site.base_url}no/such/page/",
        "console error: Failed to load resource: the server responded with a status of 404 "
        "(Not Found)",
    }
    assert set(problems) <= expected and len(problems) == 2


def test_search_finds_a_chapter_under_the_sub_path(built_site, page):
    chapter = next(iter(project_catalogue().chapters.values()))
    goto_settled(page, built_site.base_url)
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially(chapter.title, delay=30)
    result = page.locator(".md-search-result__item a").first
    result.wait_for()
    # Material appends the highlight query (?h=...) to the result's address.
    assert result.get_attribute("href").split("?")[0] == built_site.base_url + chapter.url


def test_the_footer_links_keep_the_sub_path(built_site, page):
    before, chapter, after = list(project_catalogue().chapters.values())[:3]
    goto_settled(page, built_site.base_url + chapter.url)
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(f"**/some-prefix/{after.url}")
    page.locator("a.md-footer__link--prev").click()
    page.wait_for_url(f"**/some-prefix/{chapter.url}")
    assert page.locator("article h1").inner_text().startswith(chapter.title)
    page.locator("a.md-footer__link--prev").click()
    page.wait_for_url(f"**/some-prefix/{before.url}")


# Kept in sessionStorage, so a violation on a page that redirects at once is still counted.
COLLECT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  const found = JSON.parse(sessionStorage.getItem("csp-violations") || "[]");
  const { violatedDirective, blockedURI, sample } = event;
  found.push(`${location.pathname}: ${violatedDirective} ${blockedURI} ${sample}`);
  sessionStorage.setItem("csp-violations", JSON.stringify(found));
});
"""


def test_every_page_loads_under_a_sub_path_with_no_policy_violation(built_site, context):
    """Every page of the nav answers 200, styled, with one heading, and nothing it loads fails;
    then the other built pages (redirect pages, the 404 page) load too. No page, in the nav or
    not, violates the Content Security Policy. One walk loads each page once for both."""
    context.add_init_script(COLLECT_CSP_VIOLATIONS)
    page = context.new_page()
    problems = record_problems(page)
    in_nav = [page_url(built_site.base_url, src) for src in nav_pages()]
    for url in in_nav:
        response = goto_settled(page, url)
        assert response is not None and response.status == 200, url
        assert page.locator("article h1").count() == 1, url
        assert page.evaluate("getComputedStyle(document.body).fontFamily"), url
    assert problems == [], "pages of the nav"
    redirects = []
    for html_file in sorted(built_site.site_dir.rglob("*.html")):
        relative = html_file.relative_to(built_site.site_dir).as_posix()
        url = built_site.base_url + relative.removesuffix("index.html")
        if url in in_nav:
            continue  # loaded above, its violations counted
        if 'http-equiv="refresh"' in html_file.read_text(encoding="utf-8"):
            # A redirect page leaves at once; its own request ends as an aborted navigation.
            redirects.append(f"failed: {url}")
            page.goto(url, wait_until="commit")
            page.wait_for_url(lambda address, left=url: address != left)
            wait_settled(page)
        else:
            goto_settled(page, url)
    assert redirects, "the site has a redirect page to check"
    assert page.evaluate("JSON.parse(sessionStorage.getItem('csp-violations') || '[]')") == []
    # The 404 page itself answers 404 when fetched by name; nothing else may fail.
    assert [p for p in problems if "404" not in p and p not in redirects] == []


def test_the_progress_script_loads_only_where_components_are(built_site, page):
    # A chapter that does not load the script and whose text links the topic index.
    def soup(chapter):
        html = (built_site.site_dir / chapter.url / "index.html").read_text(encoding="utf-8")
        return BeautifulSoup(html, "html.parser")

    chapter = next(
        chapter
        for chapter in project_catalogue().chapters.values()
        if not soup(chapter).select('script[src$="mdx.js"]')
        and soup(chapter).select(f'article a[href="{TOPIC_INDEX_LINK}"]')
    )
    topic = next(iter(project_catalogue().topics.values()))
    total = len(topic.items)
    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url) if r.url.endswith("/mdx.js") else None)
    goto_settled(page, built_site.base_url + chapter.url)
    assert scripts == []
    page.locator(f'article a[href="{TOPIC_INDEX_LINK}"]').first.click()
    page.wait_for_url("**/some-prefix/topics/")
    page.locator(".md-nav__link", has_text=topic.title).first.click()
    page.wait_for_url(f"**/some-prefix/{topic.url}")
    page.locator(".mdx-toolbar__status", has_text=f"0 of {total} done").wait_for()
    # Loaded by the topic index (its progress counts) and the checklist, nowhere else.
    assert set(scripts) == {built_site.base_url + "assets/mdx.js"}
    page.locator(".mdx-item__box").first.check()
    page.locator(".mdx-toolbar__status", has_text=f"1 of {total} done").wait_for()
