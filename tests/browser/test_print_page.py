"""The print page: the print plugin's script builds the page's table of contents and hides the
site navigation before the reader prints (nothing of ours gets in its way). Printed to A4, the
guide has no page for a section it prints nothing of, keeps cards whole, prints no words meant
for the screen, and shows none of the reader's own state (no ticks, phase or counts)."""

from __future__ import annotations

import io
import json
import re
from fnmatch import fnmatch

import pytest
from pypdf import PdfReader

from hooks.content.nav import nav_sections
from tests.browser.helpers import (
    CATALOGUE,
    FRAMEWORK,
    TIMELINE,
    open_page,
    record_errors,
    seed,
    value,
)
from tests.conftest import site_config

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


# Words that only make sense on a screen: keys to press, things to click or hover, icons and
# buttons, progress kept "in this browser". The print stylesheet hides what is marked
# .mdx-screen-only; these catch screen instructions written anywhere without the mark.
SCREEN_ONLY = re.compile(
    r"\bpress \S{1,2}\s|\b(?:click|tap|hover)(?: on)? (?:the|a|an|its|any)\b"
    r"|\buse the \S+ (?:icon|button|mark)\b|this browser|\bcopy link\b|¶|\bnext\W+link\b",
    re.IGNORECASE,
)


def pdf_pages(page) -> list[str]:
    """The text of each A4 page of ``page`` printed to PDF, in order."""
    return [sheet.extract_text() for sheet in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]


def without_footer(text: str) -> str:
    """A printed page's text without the plugin's "Page N" footer."""
    return re.sub(r"^Page \d+$", "", text, flags=re.MULTILINE).strip()


def unprinted_sections() -> list[str]:
    """Titles of the nav sections whose pages the print plugin's ``exclude`` all leaves out."""
    config = site_config()
    plugin = next(p["print-site"] for p in config["plugins"] if "print-site" in p)
    excluded = plugin.get("exclude", [])
    return [
        title
        for title, sources in nav_sections(config["nav"]).items()
        if sources
        and all(any(fnmatch(source, pattern) for pattern in excluded) for source in sources)
    ]


# The tests that read printed_guide share a group: one worker prints the guide once (a
# whole-guide PDF takes seconds) instead of each worker printing it again.
PRINTED = pytest.mark.xdist_group("printed-guide")


@pytest.fixture(scope="module")
def printed_guide(built_site, browser) -> list[str]:
    """The print page as a reader prints it to A4: each sheet's text. In one scheme: the tests
    read the text, and a scheme changes colours only (tests/browser/helpers.py LAYOUTS)."""
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(built_site.base_url + "print_page/")
    page.wait_for_function("() => document.querySelector('#print-page-toc nav > ul a')")
    sheets = pdf_pages(page)
    context.close()
    return sheets


@PRINTED
def test_the_printed_guide_leaves_out_sections_it_prints_no_page_of(built_site, printed_guide):
    hidden = unprinted_sections()
    assert hidden, "every nav section has a printed page: nothing to check"
    for title in hidden:
        for number, text in enumerate(printed_guide, 1):
            assert title not in without_footer(text).splitlines(), (number, title)
    assert without_footer(printed_guide[-1]) not in hidden


@PRINTED
def test_nothing_for_the_screen_only_prints(built_site, printed_guide):
    for number, text in enumerate(printed_guide, 1):
        found = SCREEN_ONLY.search(" ".join(text.split()))
        assert found is None, f"page {number} prints {found and found.group()!r}"


def test_cards_and_screen_only_text_in_print_media(built_site, page):
    page.goto(built_site.base_url + "print_page/")
    marked = page.locator(".mdx-screen-only")
    assert marked.count() > 0
    assert all(marked.nth(i).is_visible() for i in range(marked.count()))
    page.emulate_media(media="print")
    assert not any(marked.nth(i).is_visible() for i in range(marked.count()))
    kinds = ".mdx-topic, .mdx-card, .mdx-milestone, .mdx-item, .mdx-continue, .grid.cards > ul > li"
    breaks = page.eval_on_selector_all(
        kinds, "cards => cards.map(c => [c.className, getComputedStyle(c).breakInside])"
    )
    assert {"mdx-topic", "mdx-card", "mdx-milestone", "mdx-item"} <= {
        name.split()[0] for name, _ in breaks
    }
    assert [name for name, value in breaks if value != "avoid"] == []


def test_printing_a_page_shows_none_of_the_readers_state(built_site, browser):
    # A reader with ticks in one topic and a start date in the second phase prints the home page,
    # the framework and the timeline: paper shows what the print page shows, no ticks, no phase.
    topic = next(iter(CATALOGUE.topics.values()))
    phase = CATALOGUE.phases[1]
    milestone = CATALOGUE.milestones[1]
    context = browser.new_context()
    seed(context, json.dumps(value({item.id: True for item in topic.items[:2]})))
    page = context.new_page()
    open_page(page, built_site.base_url + FRAMEWORK)
    day = max(phase.starts_on_day, milestone.starts_on_day) + 1
    page.get_by_label("The day you started").fill(
        page.evaluate(f"new Date(Date.now() - {day} * 864e5).toLocaleDateString('sv')")
    )
    open_page(page, built_site.base_url)
    assert "You are in" in page.locator("[data-mdx-component=continue]").inner_text()
    assert "2 of" in page.locator(".mdx-topics").inner_text()
    printed = " ".join(" ".join(pdf_pages(page)).split())
    assert "You are in" not in printed and "Next:" not in printed
    assert f"{len(CATALOGUE.phases)} phases, each with tasks you can tick off" in printed
    for each in CATALOGUE.topics.values():
        assert f"{len(each.items)} items" in printed
    assert " done" not in printed
    for url in (FRAMEWORK, TIMELINE):
        open_page(page, built_site.base_url + url)
        printed = " ".join(" ".join(pdf_pages(page)).split())
        assert "Current phase" not in printed and "You are here" not in printed, url
    context.close()
