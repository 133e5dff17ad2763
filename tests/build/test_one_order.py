"""One order everywhere: the order of the pages in `nav`. Lists of topics follow it, and so does
the Next chain, which leaves out the pages that hide their footer (the plan page)."""

from __future__ import annotations

import itertools
from urllib.parse import urljoin

import yaml
from bs4 import BeautifulSoup

from tests.conftest import PROJECT_DIR, nav_pages, project_catalogue


def topic_order() -> list[str]:
    """Topic ids in the order nav lists their pages."""
    catalogue = project_catalogue()
    by_page = {topic.page_source: topic.id for topic in catalogue.topics.values()}
    return [by_page[page] for page in nav_pages() if page in by_page]


def test_the_catalogue_lists_topics_in_nav_order():
    assert list(project_catalogue().topics) == topic_order()


def topic_lists(built_site) -> list[tuple[str, list[str]]]:
    """Every list on a built page that names two topics or more, as (page, topic ids in the
    list's order): lists whose every entry links one topic, and the plan page's checklists."""
    catalogue = project_catalogue()
    by_url = {topic.url: topic.id for topic in catalogue.topics.values()}
    found = []
    for html_file in sorted(built_site.site_dir.rglob("*.html")):
        name = html_file.relative_to(built_site.site_dir).as_posix()
        if name.startswith("print_page/"):
            continue  # the print page follows nav by construction of the print plugin
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        if article is None:
            continue
        page_url = name.removesuffix("index.html")
        for element in article.select("ul, ol"):
            # A list of topics: each entry links another topic (a task links several, the
            # items of a checklist link their own page).
            entries = [
                {
                    by_url.get(urljoin(page_url, a["href"]).split("#")[0])
                    for a in li.select("a[href]")
                }
                - {None}
                for li in element.find_all("li", recursive=False)
            ]
            if entries and all(len(topics) == 1 for topics in entries):
                ids = [next(iter(topics)) for topics in entries]
                if len(set(ids)) == len(ids) >= 2:
                    found.append((name, ids))
        for element in article.select("[data-mdx-group='t']"):
            ids = [
                part["data-mdx-part"].removeprefix("t:")
                for part in element.select("[data-mdx-part^='t:']")
            ]
            if len(ids) >= 2:
                found.append((name, ids))
    return found


def test_every_list_of_topics_follows_nav_order(built_site):
    order = topic_order()
    lists = topic_lists(built_site)
    pages = {name for name, _ in lists}
    # The home page, the topic index, the team leads' page and the plan page each list topics.
    assert {"index.html", "topics/index.html", "onboarding/index.html"} <= pages, pages
    wrong = [
        f"{name}: {ids}" for name, ids in lists if ids != [topic for topic in order if topic in ids]
    ]
    assert not wrong, f"lists of topics not in nav order {order}:\n  " + "\n  ".join(wrong)


def footer_links(built_site, source: str) -> tuple[dict[str, str], bool]:
    """The Previous/Next links of a page's footer, as {"prev"|"next": site-relative URL}, and
    whether the footer's navigation is shown."""
    url = source.removesuffix(".md").removesuffix("index").rstrip("/")
    html_file = built_site.site_dir / url / "index.html"
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    links = {}
    for kind in ("prev", "next"):
        link = soup.select_one(f"a.md-footer__link--{kind}")
        if link is not None:
            base = f"https://site.test/{url}/" if url else "https://site.test/"
            links[kind] = urljoin(base, link["href"]).removeprefix("https://site.test/")
    footer_nav = soup.select_one("nav.md-footer__inner")
    return links, footer_nav is not None and not footer_nav.has_attr("hidden")


def hides_footer(source: str) -> bool:
    text = (PROJECT_DIR / "docs" / source).read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n")) or {}
    return "footer" in (front.get("hide") or [])


def test_the_next_chain_is_nav_order_without_the_pages_that_hide_their_footer(built_site):
    pages = nav_pages()
    urls = {source: url for source, url in project_catalogue().pages.items()}
    chain = [source for source in pages if not hides_footer(source)]
    outside = [source for source in pages if hides_footer(source)]
    assert outside, "the plan page is outside the chain"
    for before, after in itertools.pairwise(chain):
        links, shown = footer_links(built_site, before)
        assert shown and links.get("next") == urls[after], (before, links)
        links, _ = footer_links(built_site, after)
        assert links.get("prev") == urls[before], (after, links)
    assert "next" not in footer_links(built_site, chain[-1])[0], chain[-1]
    for source in outside:
        assert not footer_links(built_site, source)[1], f"{source} shows Previous/Next"
