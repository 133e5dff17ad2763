"""The built site: every manuscript sentence, titles, descriptions, nav in reading order."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import yaml
from bs4 import BeautifulSoup

from tests.conftest import PROJECT_DIR, nav_pages, project_catalogue, site_config

MANUSCRIPT_NAME = "manuscript/backend-optimization-guide.txt"
MANUSCRIPT = PROJECT_DIR / MANUSCRIPT_NAME
SOURCE_OF_RECORD = (
    f"{MANUSCRIPT_NAME} is the source of record for the guide's text: change the sentence there "
    'too, in the same commit, or put it back on the page (CONTRIBUTING.md, "Edit a page")'
)


def chapter_pages() -> list[str]:
    """The chapters, in reading order: the guide/ pages of `nav` in mkdocs.yml."""
    return [page for page in nav_pages() if page.startswith("guide/")]


def normalise(text: str) -> str:
    """Whitespace and quotes only: the manuscript must appear word for word."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split())


def numbered_manuscript_lines() -> list[tuple[int, str]]:
    """The manuscript's non-empty lines with their line numbers (1-based)."""
    return [
        (number, line.strip())
        for number, line in enumerate(MANUSCRIPT.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip()
    ]


def manuscript_lines() -> list[str]:
    return [line for _, line in numbered_manuscript_lines()]


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


def chapter_title(page: str) -> str:
    match = re.search(r"^# (.+)$", (PROJECT_DIR / "docs" / page).read_text(encoding="utf-8"), re.M)
    assert match, f"docs/{page} has no '# ' title"
    return match.group(1)


def test_manuscript_headings_are_the_chapters_in_nav_order():
    headings = [line for line in manuscript_lines() if is_heading(line)]
    titles = [chapter_title(page) for page in chapter_pages()]
    assert [h.lower() for h in headings] == [t.lower() for t in titles], (
        f"the chapter titles in nav order must be the headings of {MANUSCRIPT_NAME}, in its order; "
        "a new, moved or retitled chapter changes the manuscript too"
    )
    assert nav_pages()[0] == "index.md"


def missing_sentences(site_text: str, numbered_lines: list[tuple[int, str]]) -> list[str]:
    """Manuscript sentences not in ``site_text``, each as ``manuscript/...txt:LINE: 'sentence'``."""
    return [
        f"{MANUSCRIPT_NAME}:{number}: {sentence!r}"
        for number, line in numbered_lines
        if not is_heading(line)
        for sentence in sentences(normalise(line))
        if sentence not in site_text
    ]


def source_of_record_message(missing: list[str], where: str) -> str:
    return (
        f"{len(missing)} manuscript sentence(s) are not on {where}:\n  "
        + "\n  ".join(missing)
        + f"\n{SOURCE_OF_RECORD}."
    )


def test_every_manuscript_sentence_is_on_the_site(built_site):
    site_text = " ".join(
        article_text(page_html(built_site, page)) for page in ["index.md", *chapter_pages()]
    )
    missing = missing_sentences(site_text, numbered_manuscript_lines())
    assert not missing, source_of_record_message(missing, "the site")


def test_manuscript_sections_land_on_their_own_pages(built_site):
    lines = numbered_manuscript_lines()
    section_starts = [index for index, (_, line) in enumerate(lines) if is_heading(line)]
    bounds = [*section_starts, len(lines)]
    for page, start, end in zip(chapter_pages(), bounds, bounds[1:], strict=False):
        missing = missing_sentences(
            article_text(page_html(built_site, page)), lines[start + 1 : end]
        )
        assert not missing, source_of_record_message(missing, f"docs/{page}")
    intro = article_text(page_html(built_site, "index.md"))
    missing = missing_sentences(intro, lines[: section_starts[0]])
    assert not missing, source_of_record_message(missing, "docs/index.md")


def test_every_page_has_a_title_and_a_one_sentence_description(built_site):
    for page in nav_pages():
        soup = BeautifulSoup(page_html(built_site, page).read_text(encoding="utf-8"), "html.parser")
        title = soup.select_one("title").get_text(strip=True)
        assert title and site_config()["site_name"] in title, page
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
    def url(src: str) -> str:
        directory = page_html(built_site, src).parent.relative_to(built_site.site_dir).as_posix()
        return urljoin("https://site.test/", directory + "/")

    before, page, after = nav_pages()[1:4]
    soup = soup_of(built_site, page)
    assert soup.select_one(f"a.md-content__button[href*='/edit/main/docs/{page}']") is not None
    footer = soup.select("nav.md-footer__inner a")
    assert [urljoin(url(page), a["href"]) for a in footer] == [url(before), url(after)]


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


def soup_of(built_site, src: str) -> BeautifulSoup:
    return BeautifulSoup(page_html(built_site, src).read_text(encoding="utf-8"), "html.parser")


def test_topic_pages_show_their_checklists(built_site):
    for topic in project_catalogue().topics.values():
        soup = BeautifulSoup(
            page_html(built_site, f"topics/{topic.id}.md").read_text(encoding="utf-8"),
            "html.parser",
        )
        section = soup.select_one(f"section#{topic.id}-checklist")
        assert section is not None, topic.id
        items = section.select("li.mdx-item")
        assert [li["data-mdx-item"] for li in items] == [item.id for item in topic.items]
        for li, item in zip(items, topic.items, strict=True):
            assert li.find("h3", recursive=False)["id"] == item.id  # the item's anchor
            notes = [n.get_text().removeprefix(" — ") for n in li.select(".mdx-item__note")]
            assert notes == [source.note for source in item.sources], item.id


def test_framework_and_timeline_render_as_cards(built_site):
    data = project_catalogue()
    framework = soup_of(built_site, data.framework_url + "index.md")
    cards = framework.select("li.mdx-card")
    assert [card["id"] for card in cards] == [phase.id for phase in data.phases]
    # The timeline is on whichever nav page calls the macro; exactly one page shows it.
    shown = [soup_of(built_site, page).select("li.mdx-milestone") for page in nav_pages()]
    (milestones,) = [found for found in shown if found]
    assert [m["id"] for m in milestones] == [m.id for m in data.milestones]
    signals = [
        " ".join(m.select_one(".mdx-milestone__signal").get_text().split()) for m in milestones
    ]
    assert all(shown.endswith(m.signal) for shown, m in zip(signals, data.milestones, strict=True))


def test_no_macro_tag_leaks_into_pages(built_site):
    config = yaml.load((PROJECT_DIR / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    macros = next(p["macros"] for p in config["plugins"] if isinstance(p, dict) and "macros" in p)
    openers = [value for key, value in macros.items() if key.endswith("_start_string")]
    assert openers
    for html_file in built_site.site_dir.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert not [opener for opener in openers if opener in text], html_file


def test_every_chapter_shows_the_checklists_its_data_names_without_a_macro(built_site):
    catalogue = project_catalogue()
    assert catalogue.chapters
    for chapter in catalogue.chapters.values():
        source = PROJECT_DIR / "docs" / f"{chapter.url.rstrip('/')}.md"
        assert "related_topics" not in source.read_text(encoding="utf-8"), source
        html = (built_site.site_dir / chapter.url / "index.html").read_text(encoding="utf-8")
        box = BeautifulSoup(html, "html.parser").select_one("article aside.mdx-related")
        expected = [
            f"{topic.title} checklist" for topic in catalogue.topics_for_chapter(chapter.id)
        ]
        shown = [link.get_text() for link in box.select("a")] if box else []
        assert shown == expected, chapter.id
