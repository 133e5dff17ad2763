"""Rendering: semantic, escaped HTML with stable ids, readable without JavaScript."""

from __future__ import annotations

import dataclasses
import re

import pytest
from bs4 import BeautifulSoup

from hooks.content import render
from hooks.content.catalogue import Item, Source
from tests.conftest import project_catalogue

CATALOGUE = project_catalogue()
# The checklist these tests render (any would do: the first topic) and its page.
TOPIC = next(iter(CATALOGUE.topics.values()))
PAGE = render.PageContext(url=TOPIC.url, site_url="https://example.org/guide/")


@pytest.fixture(scope="module")
def catalogue():
    return CATALOGUE


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize(
    ("page_url", "target", "expected"),
    [
        ("topics/some-topic/", "guide/a-chapter/", "../../guide/a-chapter/"),
        ("", "topics/other-topic/", "topics/other-topic/"),
        ("guide/x/", "", "../../"),
        ("topics/", "topics/some-topic/#item-x", "some-topic/#item-x"),
        ("topics/a/", "topics/a/", "./"),
    ],
)
def test_links_are_relative_to_the_page(page_url, target, expected):
    assert render.PageContext(url=page_url, site_url="https://e.org/").link(target) == expected


def test_absolute_urls_use_site_url():
    assert PAGE.absolute() == f"https://example.org/guide/{TOPIC.url}"
    assert (
        render.PageContext(url="a/", site_url="https://e.org/r").absolute() == "https://e.org/r/a/"
    )


def test_checklist_items_have_stable_ids_checkbox_label_and_sources(catalogue):
    topic = TOPIC
    tree = soup(render.render_checklist(catalogue, topic, PAGE))
    section = tree.select_one("section.mdx-checklist")
    assert section["id"] == f"{topic.id}-checklist"
    assert section["data-mdx-list"] == topic.id
    # Relative to the page: the script resolves it against the address the reader is on.
    assert section["data-mdx-url"] == "./"
    heading = section.select_one("h2")
    assert heading.select_one("a.headerlink")["href"] == f"#{topic.id}-checklist"
    items = section.select("ul > li.mdx-item")
    # Each item's heading carries its id and is a child of the item, so Material's search
    # indexes the item as an entry of its own (title: the text; text: the why, not sources).
    heads = [li.find("h3", recursive=False) for li in items]
    assert [head["id"] for head in heads] == [item.id for item in topic.items]
    assert all(li.select_one(".mdx-item__sources").has_attr("data-search-exclude") for li in items)
    for li, item in zip(items, topic.items, strict=True):
        box = li.select_one("input[type=checkbox]")
        assert box.has_attr("disabled"), "without the script a box must not look clickable"
        label = li.select_one(f"label[for='{box['id']}']")
        assert " ".join(label.get_text().split()) == render.plain_text(item.text)
        assert li["data-mdx-item"] == item.id
        assert li.select_one(".mdx-item__link")["href"] == f"#{item.id}"
        links = li.select(".mdx-item__sources li > a")
        assert [a["href"] for a in links] == [s.url for s in item.sources]
        assert [a.get_text() for a in links] == [s.title for s in item.sources]
        assert li.select_one(".mdx-item__why").get_text(" ", strip=True)


def test_each_source_note_is_visible_text_after_its_link(catalogue):
    topic = TOPIC
    tree = soup(render.render_checklist(catalogue, topic, PAGE))
    for li, item in zip(tree.select("li.mdx-item"), topic.items, strict=True):
        entries = li.select(".mdx-item__sources li")
        assert len(entries) == len(item.sources)
        for entry, source in zip(entries, item.sources, strict=True):
            # Text outside the link, for every reader; no title repeats it as a tooltip.
            assert not entry.select_one("a").has_attr("title")
            note = entry.select_one(".mdx-item__note")
            assert note.find_parent("a") is None
            assert " ".join(note.get_text().split()).endswith(source.note)
            assert "md-visually-hidden" not in note.get("class", [])


def test_html_has_no_blank_lines_that_would_break_the_markdown_block(catalogue):
    for html in (
        *(render.render_checklist(catalogue, topic, PAGE) for topic in catalogue.topics.values()),
        render.render_framework(catalogue, PAGE),
        render.render_timeline(catalogue, PAGE),
        render.render_topic_index(catalogue, PAGE),
    ):
        assert "\n\n" not in html


def test_data_text_is_escaped_and_code_spans_become_code(catalogue):
    topic = TOPIC
    hostile = Item(
        id="hostile-item",
        text='Use `<b>` <script>alert(1)</script> & "quotes"',
        why='<img src=x onerror="alert(1)"> `Sunset`',
        sources=(
            Source(
                title="<i>t</i>",
                url='https://e.org/"onmouseover="x',
                note='Says "<script>alert(1)</script>" onmouseover="x"',
            ),
        ),
    )
    topic = dataclasses.replace(topic, items=(hostile,), summary="<svg onload=alert(1)>")
    html = render.render_checklist(catalogue, topic, PAGE)
    tree = soup(html)
    assert tree.find("script") is None
    assert tree.find("img") is None and tree.find("svg") is None and tree.find("b") is None
    assert not any(attr.startswith("on") for tag in tree.find_all(True) for attr in tag.attrs)
    assert "<code>&lt;b&gt;</code>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;" in html
    assert tree.select_one(".mdx-item__why code").get_text() == "Sunset"
    assert tree.select_one(".mdx-item__sources a")["href"] == 'https://e.org/"onmouseover="x'
    note = 'Says "<script>alert(1)</script>" onmouseover="x"'
    assert tree.select_one(".mdx-item__note").get_text().endswith(note)


def test_renamed_item_keeps_its_old_id_as_an_anchor(catalogue):
    topic = TOPIC
    renamed = dataclasses.replace(topic.items[0], renamed_from=("old-one", "older-one"))
    topic = dataclasses.replace(topic, items=(renamed, *topic.items[1:]))
    li = soup(render.render_checklist(catalogue, topic, PAGE)).select_one("li.mdx-item")
    assert li["data-mdx-aliases"] == "old-one older-one"
    assert {span["id"] for span in li.select(".mdx-item__alias")} == {"old-one", "older-one"}


def test_framework_cards_carry_the_guide_words_days_and_tasks(catalogue):
    page = render.PageContext(url=catalogue.framework_url, site_url="https://e.org/")
    tree = soup(render.render_framework(catalogue, page))
    cards = tree.select("ol.mdx-cards > li.mdx-card")
    assert [card["id"] for card in cards] == [phase.id for phase in catalogue.phases]
    for card, phase in zip(cards, catalogue.phases, strict=True):
        guide = card.select_one(".mdx-card__guide").get_text(" ", strip=True)
        assert guide == f"{phase.label}: {phase.guide_text}"
        assert int(card["data-mdx-start-day"]) == phase.starts_on_day
        assert card.get("data-mdx-end-day") == (
            None if phase.ends_on_day is None else str(phase.ends_on_day)
        )
        tasks = card.select("li.mdx-item")
        assert [li.find("h3", recursive=False)["id"] for li in tasks] == [t.id for t in phase.tasks]
        for li, task in zip(card.select("li.mdx-item"), phase.tasks, strict=True):
            hrefs = [a["href"] for a in li.select(".mdx-item__refs a")]
            expected = [f"../{c}/" for c in task.chapters] + [
                f"../../topics/{t}/" for t in task.topics
            ]
            assert hrefs == expected


def test_timeline_lists_milestones_in_order_with_guide_words(catalogue):
    tree = soup(render.render_timeline(catalogue, PAGE))
    texts = [
        p.get_text(" ", strip=True) for p in tree.select("li.mdx-milestone .mdx-milestone__text")
    ]
    assert texts == [f"{m.label}: {m.guide_text}" for m in catalogue.milestones]


def test_each_milestone_shows_its_signal_apart_from_the_guide_words(catalogue):
    tree = soup(render.render_timeline(catalogue, PAGE))
    cards = tree.select("li.mdx-milestone")
    assert [card["id"] for card in cards] == [m.id for m in catalogue.milestones]
    for card, milestone in zip(cards, catalogue.milestones, strict=True):
        signal = card.select_one(".mdx-milestone__signal")
        assert signal is not None and signal.find_parent(class_="mdx-milestone__text") is None
        assert " ".join(signal.get_text().split()).endswith(milestone.signal)
        assert milestone.signal not in card.select_one(".mdx-milestone__text").get_text()


def test_topic_index_links_each_topic_with_its_item_count(catalogue):
    page = render.PageContext(url="", site_url="https://e.org/")
    tree = soup(render.render_topic_index(catalogue, page))
    entries = tree.select("li.mdx-topic")
    assert len(entries) == len(catalogue.topics)
    for entry, topic in zip(entries, catalogue.topics.values(), strict=True):
        assert entry.select_one("a")["href"] == f"topics/{topic.id}/"
        assert entry.select_one("[data-mdx-count]").get_text() == f"{len(topic.items)} items"
        assert entry["data-mdx-items"].split() == [item.id for item in topic.items]


def test_related_topics_link_the_checklists_that_list_the_chapter(catalogue):
    for chapter in catalogue.chapters.values():
        page = render.PageContext(url=chapter.url, site_url="https://e.org/")
        listing = [t for t in catalogue.topics.values() if chapter.id in t.chapters]
        links = soup(render.render_related_topics(catalogue, page)).select("a")
        assert [a["href"] for a in links] == [f"../../{t.url}" for t in listing]
    # A page that is no chapter gets nothing.
    page = render.PageContext(url="topics/", site_url="https://e.org/")
    assert render.render_related_topics(catalogue, page) == ""


def test_continue_panel_embeds_the_plan_as_escaped_json(catalogue):
    import json

    page = render.PageContext(url="", site_url="https://e.org/")
    tree = soup(render.render_continue_panel(catalogue, page))
    panel = tree.select_one("[data-mdx-component=continue]")
    plan = json.loads(panel["data-mdx-plan"])
    assert [phase["id"] for phase in plan] == [p.id for p in catalogue.phases]
    assert plan[0]["tasks"][0]["id"] == catalogue.phases[0].tasks[0].id
    assert panel.select_one("[data-mdx-continue-text] a")["href"] == catalogue.framework_url
    assert tree.find("script") is None


def test_inline_text_only_makes_code():
    assert str(render.inline_text("a `b<c>` d")) == "a <code>b&lt;c&gt;</code> d"
    assert render.plain_text("use `Sunset` header") == "use Sunset header"
    assert not re.search(r"<(?!/?code)", str(render.inline_text("<em>x</em>")))


@pytest.mark.parametrize("from_url", ["", "topics/", "topics/x/", "guide/a.html", "a/b/c/"])
@pytest.mark.parametrize(
    "target", ["", "topics/", "topics/y/", "guide/b.html", "a/b/c/", "topics/y/#item-1"]
)
def test_page_links_match_mkdocs_relative_urls(from_url, target):
    # The content layer imports nothing from MkDocs, so it computes relative links itself; while
    # MkDocs is the engine, they must equal what MkDocs' own helper gives.
    from mkdocs.utils import get_relative_url

    page = render.PageContext(url=from_url, site_url="https://e.org/")
    path, _, fragment = target.partition("#")
    expected = get_relative_url(path or ".", from_url or ".")
    if (path.endswith("/") or not path) and not expected.endswith("/"):
        expected += "/"
    assert page.link(target) == expected + (f"#{fragment}" if fragment else "")
