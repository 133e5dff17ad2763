"""The search index holds every checklist item, framework task and phase card as an entry of its
own (title: its text; text: its why; location: its page and anchor) and leaves out what repeats
other pages or is no reader's search: the plan and print pages, the review record's tables,
sources and links."""

from __future__ import annotations

import html
import json
import re

import pytest

from hooks.content.render import plain_text
from tests.conftest import project_catalogue


def plain(markup: str) -> str:
    """Index markup as a reader reads it: no tags, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", markup)).split())


def words(text: str) -> str:
    return " ".join(plain_text(text).split())


@pytest.fixture(scope="module")
def entries(built_site) -> dict[str, dict[str, str]]:
    index = json.loads((built_site.site_dir / "search" / "search_index.json").read_text())
    assert set(index) == {"config", "docs"}, "Material's search index format changed"
    return {entry["location"]: entry for entry in index["docs"]}


def test_every_item_task_and_card_is_an_entry_of_its_own(entries):
    catalogue = project_catalogue()
    for topic in catalogue.topics.values():
        for item in topic.items:
            entry = entries[f"{topic.url}#{item.id}"]
            assert plain(entry["title"]) == words(item.text), item.id
            assert plain(entry["text"]) == words(item.why), item.id
    for phase in catalogue.phases:
        card = entries[f"{catalogue.framework_url}#{phase.id}-title"]
        assert plain(card["title"]) == f"{phase.label} {phase.title}"
        assert plain(card["text"]) == f"{phase.label}: {phase.guide_text}"
        for task in phase.tasks:
            entry = entries[f"{catalogue.framework_url}#{task.id}"]
            assert plain(entry["title"]) == words(task.text), task.id
            assert entry["text"] == "", f"{task.id}: a task's chapter links are not its text"


def test_the_index_leaves_out_repeated_pages_sources_and_links(entries):
    catalogue = project_catalogue()
    assert not [url for url in entries if url.startswith(("onboarding/plan/", "print_page/"))]
    for topic in catalogue.topics.values():
        text = " ".join(
            plain(entry["text"]) for url, entry in entries.items() if url.startswith(topic.url)
        )
        for item in topic.items:
            for source in item.sources:
                assert words(source.note) not in text, f"{item.id}: source note indexed"
            assert f"Link to “{words(item.text)}”" not in text


def test_the_review_record_is_read_on_its_page_not_searched(entries):
    """Its tables restate every item by id; its prose and headings stay searchable."""
    catalogue = project_catalogue()
    reviews = [entry for url, entry in entries.items() if url.startswith("about/reviews/")]
    assert reviews, "the review page is indexed"
    ids = [item.id for topic in catalogue.topics.values() for item in topic.items]
    ids += [task.id for phase in catalogue.phases for task in phase.tasks]
    for entry in reviews:
        assert not [item for item in ids if f"<code>{item}</code>" in entry["text"]], entry[
            "location"
        ]
