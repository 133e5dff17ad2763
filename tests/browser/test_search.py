"""Search finds the item: a reader types a word of a checklist item, framework task or phase card
into search, sees that item as a result of its own and, following it, lands on the item with the
word highlighted; from there they search for the next. At a phone's width in the light scheme
and a desktop's in the dark one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.browser.helpers import CATALOGUE, LAYOUTS, axe_in_both_schemes

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Entry:
    """What a reader searches for: the words of one item, and where its result must lead."""

    words: str  # the item's text (and why or guide text), as the data has it
    url: str  # site-relative page URL
    anchor: str  # the id the result links to
    item: str  # CSS selector of the item the anchor belongs to


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


# Every text a search could match, from the data: a word few of them share finds its item.
_TEXTS = [
    *(f"{item.text} {item.why}" for topic in CATALOGUE.topics.values() for item in topic.items),
    *(f"{phase.title} {phase.guide_text}" for phase in CATALOGUE.phases),
    *(task.text for phase in CATALOGUE.phases for task in phase.tasks),
    *(chapter.title for chapter in CATALOGUE.chapters.values()),
]


def rarest_word(text: str) -> str:
    """The word of ``text`` (5 letters or more) that the fewest of the catalogue's texts hold,
    the longest of equals: what a reader who remembers an item would type."""
    candidates = {word for word in _words(text) if len(word) >= 5}
    return min(
        sorted(candidates),
        key=lambda word: (sum(word in _words(other) for other in _TEXTS), -len(word)),
    )


def picked_entries() -> list[Entry]:
    """The first item of every checklist, the first task of the week-by-week plan and its first
    phase card."""
    entries = [
        Entry(item.text, topic.url, item.id, f"[data-mdx-item={item.id}]")
        for topic in CATALOGUE.topics.values()
        for item in topic.items[:1]
    ]
    phase = CATALOGUE.phases[0]
    task = phase.tasks[0]
    entries.append(Entry(task.text, CATALOGUE.framework_url, task.id, f"[data-mdx-item={task.id}]"))
    # A card's heading carries the search entry; the card itself keeps the phase's id.
    entries.append(
        Entry(
            f"{phase.title} {phase.guide_text}",
            CATALOGUE.framework_url,
            f"{phase.id}-title",
            f".mdx-card#{phase.id}",
        )
    )
    return entries


META = ".md-search-result__meta"


def wait_search_ready(page, site_dir) -> None:
    """Wait until Material's search has loaded its index: the result line no longer says what
    the page was served with ("Initializing search")."""
    served = LexborHTMLParser((site_dir / "index.html").read_text(encoding="utf-8"))
    page.wait_for_function(
        "([meta, served]) => document.querySelector(meta).textContent.trim() !== served",
        arg=[META, served.css_first(META).text(strip=True)],
    )


# True once the result list is the same two frames running: Material has drawn it.
LIST_SETTLED = """() => new Promise((resolve) => {
    const list = document.querySelector(".md-search-result__list");
    const before = list.innerHTML;
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(list.innerHTML === before)));
})"""


def open_search(page, width: int) -> None:
    """Open search as a reader does: the magnifier on a phone, the search field on a desktop."""
    if width < 960:
        page.locator("label.md-header__button[for=__search]").click()
    else:
        page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").wait_for(state="visible")


# Each width once, each scheme once: the scheme changes colours only (LAYOUTS says why; the axe
# test below checks them in both), the width changes where search opens and where the item lands.
@pytest.mark.parametrize(("width", "scheme"), LAYOUTS)
def test_a_word_of_an_item_finds_it_and_lands_on_it_highlighted(built_site, browser, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(built_site.base_url)
        for entry in picked_entries():  # each search starts on the page the last one led to
            word = rarest_word(entry.words)
            wait_search_ready(page, built_site.site_dir)
            open_search(page, width)
            page.locator("input.md-search__input").press_sequentially(word, delay=20)
            # Results update as the reader types: the item's result for the whole word carries
            # that word as its highlight (?h=), which Material sets from the terms it matched.
            result = page.locator(
                f'a.md-search-result__link[href*="{entry.url}?h={word}"][href$="#{entry.anchor}"]'
            )
            result.first.wait_for(state="attached")
            if not result.first.is_visible():  # listed under "more matches"
                page.locator(".md-search-result__item", has=result).locator("summary").click()
            title = result.first.locator("h2").inner_text()
            assert word in title.lower() or word in result.first.inner_text().lower(), (word, title)
            result.first.click()
            page.wait_for_url(f"**/{entry.url}?h=*#{entry.anchor}")
            highlight = parse_qs(urlsplit(page.url).query)["h"][0]
            assert word in highlight.lower(), (word, page.url)
            marks = page.locator(f"{entry.item} mark[data-md-highlight]")
            marks.first.wait_for()
            assert any(word in mark.lower() for mark in marks.all_inner_texts()), (word, entry)
            assert page.locator(f"#{entry.anchor}").is_visible()
            top = page.locator(f"#{entry.anchor}").evaluate("el => el.getBoundingClientRect().top")
            assert 0 <= top < page.viewport_size["height"] / 2, (entry.anchor, top)
    finally:
        context.close()


def test_search_results_for_an_item_pass_axe_in_either_scheme(built_site, browser):
    entry = picked_entries()[0]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page = context.new_page()
    try:
        page.goto(built_site.base_url + entry.url)
        wait_search_ready(page, built_site.site_dir)
        open_search(page, 1280)
        word = rarest_word(entry.words)
        page.locator("input.md-search__input").press_sequentially(word, delay=20)
        # The results for the whole word (its highlight, ?h=), drawn to the end.
        page.locator(
            f'a.md-search-result__link[href*="?h={word}"][href$="#{entry.anchor}"]'
        ).first.wait_for()
        page.wait_for_function(LIST_SETTLED)
        assert axe_in_both_schemes(page) == {}
    finally:
        context.close()
