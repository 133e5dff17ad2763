"""The built site: every manuscript sentence, titles, descriptions, nav in reading order."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from hooks.content.catalogue import load_catalogue
from tests.conftest import PROJECT_DIR

MANUSCRIPT = PROJECT_DIR / "manuscript" / "backend-optimization-guide.txt"

# Manuscript section headings in order and the page each became (title case fixed).
CHAPTER_PAGES = [
    "guide/measuring-progress-and-adjusting.md",
    "guide/making-it-sustainable.md",
    "guide/how-to-stay-motivated-long-term.md",
    "guide/why-build-optimization-changes-everything.md",
    "guide/the-practical-framework.md",
    "guide/putting-it-all-into-practice.md",
    "guide/understanding-the-fundamentals.md",
    "guide/final-thoughts.md",
]


def normalise(text: str) -> str:
    """Whitespace and quotes only: the manuscript must appear word for word."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split())


def manuscript_lines() -> list[str]:
    return [
        line.strip() for line in MANUSCRIPT.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def is_heading(line: str) -> bool:
    return not re.search(r"[.!?:]$", line) and len(line.split()) <= 8


def sentences(line: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?])\s+(?=[A-Z'\"])", line) if part]


def article_text(html_file: Path) -> str:
    article = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").select_one(
        "article"
    )
    assert article is not None, html_file
    for hidden in article.select(".headerlink, .md-visually-hidden, .mdx-item__link"):
        hidden.decompose()
    return normalise(article.get_text(" "))


def page_html(built_site, src: str) -> Path:
    if src == "index.md" or src.endswith("/index.md"):
        return built_site.site_dir / src.removesuffix(".md").removesuffix("index") / "index.html"
    return built_site.site_dir / src.removesuffix(".md") / "index.html"


def test_manuscript_copy_matches_its_headings_to_chapters():
    headings = [line for line in manuscript_lines() if is_heading(line)]
    titles = [
        re.search(
            r"^# (.+)$", (PROJECT_DIR / "docs" / page).read_text(encoding="utf-8"), re.M
        ).group(1)
        for page in CHAPTER_PAGES
    ]
    assert [h.lower() for h in headings] == [t.lower() for t in titles]


def test_every_manuscript_sentence_is_on_the_site(built_site):
    site_text = " ".join(
        article_text(page_html(built_site, page)) for page in ["index.md", *CHAPTER_PAGES]
    )
    missing = [
        sentence
        for line in manuscript_lines()
        if not is_heading(line)
        for sentence in sentences(normalise(line))
        if sentence not in site_text
    ]
    assert missing == []


def test_manuscript_sections_land_on_their_own_pages(built_site):
    lines = manuscript_lines()
    section_starts = [index for index, line in enumerate(lines) if is_heading(line)]
    bounds = [*section_starts, len(lines)]
    for page, start, end in zip(CHAPTER_PAGES, bounds, bounds[1:], strict=False):
        text = article_text(page_html(built_site, page))
        for line in lines[start + 1 : end]:
            for sentence in sentences(normalise(line)):
                assert sentence in text, f"{page}: {sentence}"
    intro = article_text(page_html(built_site, "index.md"))
    for line in lines[: section_starts[0]]:
        assert normalise(line) in intro


def nav_pages() -> list[str]:
    config = yaml.load((PROJECT_DIR / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    pages: list[str] = []

    def walk(entry: object) -> None:
        if isinstance(entry, str):
            pages.append(entry)
        elif isinstance(entry, list):
            for child in entry:
                walk(child)
        elif isinstance(entry, dict):
            for child in entry.values():
                walk(child)

    walk(config["nav"])
    return pages


def test_nav_follows_the_manuscript_order():
    chapters = [page for page in nav_pages() if page.startswith("guide/")]
    assert chapters == CHAPTER_PAGES
    assert nav_pages()[0] == "index.md"


def test_every_page_has_a_title_and_a_one_sentence_description(built_site):
    for page in nav_pages():
        soup = BeautifulSoup(page_html(built_site, page).read_text(encoding="utf-8"), "html.parser")
        title = soup.select_one("title").get_text(strip=True)
        assert title and "Backend Optimization Guide" in title, page
        description = soup.select_one('meta[name="description"]')["content"]
        assert description.endswith(".") and description.count(". ") == 0, page
        assert soup.select_one("article h1"), page


def test_headings_have_permalinks(built_site):
    soup = BeautifulSoup(
        page_html(built_site, "index.md").read_text(encoding="utf-8"), "html.parser"
    )
    h2 = soup.select("article h2")
    assert h2
    for heading in h2:
        target = heading.select_one("a.headerlink")["href"].removeprefix("#")
        assert heading.get("id") == target or heading.find_parent(id=target), heading


def test_pages_have_edit_link_and_footer_navigation(built_site):
    html = page_html(built_site, "guide/making-it-sustainable.md").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    edit = soup.select_one(
        "a.md-content__button[href*='/edit/main/docs/guide/making-it-sustainable.md']"
    )
    assert edit is not None
    footer = soup.select("nav.md-footer__inner a")
    assert [a["href"] for a in footer] == [
        "../measuring-progress-and-adjusting/",
        "../how-to-stay-motivated-long-term/",
    ]


def test_no_page_requests_another_host(built_site):
    for html_file in built_site.site_dir.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("link[href], script[src], img[src]"):
            url = tag.get("href") or tag.get("src")
            if tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not re.match(r"^(https?:)?//", url) or url.startswith(built_site.base_url), (
                f"{html_file}: {url}"
            )


def catalogue():
    return load_catalogue(PROJECT_DIR, PROJECT_DIR / "docs", tuple(nav_pages()))


def test_topic_pages_show_their_checklists(built_site):
    for topic in catalogue().topics.values():
        soup = BeautifulSoup(
            page_html(built_site, f"topics/{topic.id}.md").read_text(encoding="utf-8"),
            "html.parser",
        )
        section = soup.select_one(f"section#{topic.id}-checklist")
        assert section is not None, topic.id
        items = section.select("li.mdx-item")
        assert [li["id"] for li in items] == [item.id for item in topic.items]
        for li, item in zip(items, topic.items, strict=True):
            titles = [a.get("title") for a in li.select(".mdx-item__sources li > a")]
            assert titles == [source.note for source in item.sources], item.id


def test_framework_and_timeline_render_as_cards(built_site):
    data = catalogue()
    framework = BeautifulSoup(
        page_html(built_site, "guide/the-practical-framework.md").read_text(encoding="utf-8"),
        "html.parser",
    )
    cards = framework.select("li.mdx-card")
    assert [card["id"] for card in cards] == [phase.id for phase in data.phases]
    fundamentals = BeautifulSoup(
        page_html(built_site, "guide/understanding-the-fundamentals.md").read_text(
            encoding="utf-8"
        ),
        "html.parser",
    )
    milestones = fundamentals.select("li.mdx-milestone")
    assert [m["id"] for m in milestones] == [m.id for m in data.milestones]
    signals = [
        " ".join(m.select_one(".mdx-milestone__signal").get_text().split()) for m in milestones
    ]
    assert all(shown.endswith(m.signal) for shown, m in zip(signals, data.milestones, strict=True))


def test_no_template_syntax_leaks_into_pages(built_site):
    for html_file in built_site.site_dir.rglob("*.html"):
        text = re.sub(
            r"<(pre|code)\b.*?</\1>", "", html_file.read_text(encoding="utf-8"), flags=re.S
        )
        assert "{{" not in text and "{%" not in text, html_file
