"""The review record (docs/about/reviews.md) has a row for everything a reader can tick."""

from __future__ import annotations

import re

import yaml

from tests.conftest import PROJECT_DIR, project_catalogue

PAGE = PROJECT_DIR / "docs/about/reviews.md"


def rows() -> dict[str, str]:
    """First-column id of each outcome table row -> the row's outcome cell."""
    found = {}
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| `([a-z0-9-]+)` \| ([^|]+) \|", line)
        if match:
            found[match.group(1)] = match.group(2).strip()
    return found


def test_every_item_task_and_milestone_has_a_review_row():
    catalogue = project_catalogue()
    # Each tickable id with the ids it had before: a renamed item keeps its row under either.
    entries = [(item.id, item.renamed_from) for t in catalogue.topics.values() for item in t.items]
    entries += [(task.id, task.renamed_from) for phase in catalogue.phases for task in phase.tasks]
    entries += [(milestone.id, ()) for milestone in catalogue.milestones]
    recorded = rows()
    found = {
        item_id: next((recorded[i] for i in (item_id, *aliases) if i in recorded), None)
        for item_id, aliases in entries
    }
    assert [item_id for item_id, outcome in found.items() if outcome is None] == []
    for item_id, outcome in found.items():
        assert re.match(r"(changed|added|kept)\b.*; second review: ", outcome), item_id


def test_the_page_says_when_the_last_review_was():
    text = PAGE.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n", 2)[1])
    assert front["description"]
    assert re.search(r"\*\*Last review: \d{1,2} [A-Z][a-z]+ \d{4}\.\*\*", text)
