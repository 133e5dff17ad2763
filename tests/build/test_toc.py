"""The table of contents lists every section heading of a page, those the macros write as raw
HTML (checklists, framework phases) included, and links each to an anchor the ledger keeps."""

from __future__ import annotations

from bs4 import BeautifulSoup

from hooks.guards import ledger
from tests.conftest import PROJECT_DIR, project_catalogue


def toc_and_headings(html_file):
    """(the TOC's hrefs, the article's h2 headings that have an id) of one built page."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    toc = soup.select_one("nav.md-nav--secondary")
    hrefs = [a["href"] for a in toc.select("a.md-nav__link")] if toc else []
    headings = soup.select("article h2[id]")
    return soup, hrefs, headings


def test_every_section_heading_is_in_the_table_of_contents(built_site):
    recorded = ledger.Ledger.read(PROJECT_DIR / ledger.LEDGER_NAME).pages
    checked = 0
    for html_file in sorted(built_site.site_dir.rglob("index.html")):
        name = html_file.relative_to(built_site.site_dir).as_posix()
        url = name.removesuffix("index.html")
        if url not in recorded or url.startswith("print_page/"):
            continue
        soup, hrefs, headings = toc_and_headings(html_file)
        if soup.select_one(".md-sidebar--secondary[hidden]") or not headings:
            continue  # a page that hides its table of contents, or has no sections
        checked += 1
        assert len(hrefs) >= len(headings), (name, hrefs, [h.get_text() for h in headings])
        for href in hrefs:
            anchor = href.removeprefix("#")
            assert soup.find(id=anchor), f"{name}: TOC links #{anchor}, which the page lacks"
            assert anchor in recorded[url], f"{name}: TOC anchor #{anchor} is not in the ledger"
    assert checked, "some page has sections"


def test_topic_pages_list_their_checklist_in_the_table_of_contents(built_site):
    for topic in project_catalogue().topics.values():
        _, hrefs, _ = toc_and_headings(built_site.site_dir / topic.url / "index.html")
        assert f"#{topic.id}-checklist" in hrefs, (topic.id, hrefs)
