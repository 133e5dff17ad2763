"""Item revisions: the data's revision entries, the text hash the ledger compares, and the
marks the rendered items carry for the script."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from hooks.content import render
from hooks.content.catalogue import FRAMEWORK_FILE
from hooks.content.revisions import ReadText, read_texts, text_digest
from hooks.guards import ledger
from tests.conftest import add_revisions, project_catalogue, replace_in
from tests.unit.test_catalogue import error_for, line_of, load

CATALOGUE = project_catalogue()
# Items these tests give revisions to, from the data: the first ones that have none yet.
TOPIC = next(iter(CATALOGUE.topics.values()))
ITEM = next(item for item in TOPIC.items if not item.revisions)
TASK = next(task for phase in CATALOGUE.phases for task in phase.tasks if not task.revisions)


def item_of(catalogue, item_id: str):
    return next(
        item for topic in catalogue.topics.values() for item in topic.items if item.id == item_id
    )


def test_revisions_load_in_order_and_the_latest_one_readers_hear_of_skips_minor(project_copy):
    add_revisions(
        project_copy / TOPIC.source_path,
        ITEM.id,
        {"date": "2024-02-01", "summary": "Now says to measure `p95` first"},
        {"date": "2024-03-01", "summary": "Fixed a typo", "minor": True},
    )
    add_revisions(
        project_copy / FRAMEWORK_FILE, TASK.id, {"date": "2024-02-02", "summary": "Asks for more"}
    )
    catalogue = load(project_copy)
    item = item_of(catalogue, ITEM.id)
    assert [(r.date, r.minor) for r in item.revisions] == [
        ("2024-02-01", False),
        ("2024-03-01", True),
    ]
    assert item.latest_revision.date == "2024-02-01"
    task = next(t for phase in catalogue.phases for t in phase.tasks if t.id == TASK.id)
    assert task.latest_revision.summary == "Asks for more"
    assert task.line == line_of(project_copy / FRAMEWORK_FILE, f"- id: {TASK.id}")


def test_only_minor_revisions_tell_readers_nothing(project_copy):
    add_revisions(
        project_copy / TOPIC.source_path,
        ITEM.id,
        {"date": "2024-03-01", "summary": "Fixed a typo", "minor": True},
    )
    assert item_of(load(project_copy), ITEM.id).latest_revision is None


def test_revisions_out_of_date_order_are_refused_at_the_line(project_copy):
    path = project_copy / TOPIC.source_path
    add_revisions(
        path,
        ITEM.id,
        {"date": "2024-03-01", "summary": "The later change"},
        {"date": "2024-02-01", "summary": "The earlier change"},
    )
    message = error_for(project_copy)
    assert message.startswith(f"{TOPIC.source_path}:{line_of(path, 'date: 2024-02-01')}: ")
    assert "earlier than the revision before it (2024-03-01); list revisions oldest" in message


@pytest.mark.parametrize(
    ("date", "problem"),
    [
        ("2024-02-30", "'2024-02-30' is no day of the calendar; write the day of the change as"),
        ("'1 Feb 2024'", "'1 Feb 2024' does not have the required form: The day of the change"),
        ("2024-02-01 10:00:00", "'2024-02-01 10:00:00' does not have the required form: The"),
    ],
)
def test_a_revision_date_that_is_no_day_is_refused_at_the_line(project_copy, date, problem):
    path = project_copy / TOPIC.source_path
    add_revisions(path, ITEM.id, {"date": date, "summary": "Says something new"})
    message = error_for(project_copy)
    assert message.startswith(f"{TOPIC.source_path}:{line_of(path, f'date: {date}')}: ")
    assert problem in message


def test_a_revision_needs_a_summary(project_copy):
    path = project_copy / TOPIC.source_path
    add_revisions(path, ITEM.id, {"date": "2024-02-01"})
    message = error_for(project_copy)
    assert f"{TOPIC.source_path}:{line_of(path, 'date: 2024-02-01')}: " in message
    assert "is missing required key 'summary'; add it" in message


def test_read_texts_hash_what_readers_read_and_nothing_else(project_copy):
    before = {text.id: text for text in read_texts(load(project_copy))}
    assert before[ITEM.id].digest == text_digest(ITEM.text, ITEM.why)
    assert before[TASK.id].digest == text_digest(TASK.text)
    assert before[ITEM.id].where == f"{TOPIC.source_path}:{ITEM.line}"
    path = project_copy / TOPIC.source_path
    # A source's note is no advice, and reflowing the why changes no word.
    replace_in(path, ITEM.sources[0].note, ITEM.sources[0].note.replace(" ", "  ", 1))
    add_revisions(path, ITEM.id, {"date": "2024-02-01", "summary": "Says something new"})
    after = {text.id: text for text in read_texts(load(project_copy))}
    assert after[ITEM.id].digest == before[ITEM.id].digest
    assert after[ITEM.id].revisions == 1
    replace_in(path, ITEM.why.split()[-1], ITEM.why.split()[-1] + " Really")
    assert {t.id: t for t in read_texts(load(project_copy))}[ITEM.id].digest != before[
        ITEM.id
    ].digest


def read_text(digest: str = "new", revisions: int = 0, aliases: tuple[str, ...] = ()) -> ReadText:
    return ReadText("item-a", aliases, digest, revisions, "data/checklists/x.yml:12")


RECORDED = ledger.Ledger(pages={}, texts={"item-a": {"sha256": "old", "revisions": 1}})


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (read_text("old", 1), False),  # unchanged
        (read_text("new", 1), True),  # changed, no new revision
        (read_text("new", 0), True),  # changed, a revision removed
        (read_text("new", 2), False),  # changed with a new revision (minor or not)
        (ReadText("item-b", (), "new", 0, "x:1"), False),  # not recorded yet: a new item
        (ReadText("item-b", ("item-a",), "new", 1, "x:1"), True),  # renamed: known by its alias
    ],
)
def test_a_changed_text_needs_a_new_revision(text, flagged):
    problems = ledger.changed_text_problems(RECORDED, [text])
    assert bool(problems) == flagged
    if flagged:
        assert problems[0].startswith(f"{text.where}: the text of '{text.id}' changed since ")
        assert "add a revision under the item" in problems[0]
        assert "or mark it minor (minor: true)" in problems[0]
        assert problems[0].endswith("then run make ledger")


def test_the_ledger_records_texts_and_says_which_it_lacks(tmp_path):
    texts = [read_text("new", 2), ReadText("item-b", (), "b", 0, "x:1")]
    assert ledger.unrecorded_texts(RECORDED, texts) == ["item-a", "item-b"]
    updated = ledger.with_texts(RECORDED, texts)
    assert ledger.unrecorded_texts(updated, texts) == []
    assert updated.texts["item-a"] == {"sha256": "new", "revisions": 2}
    path = tmp_path / ledger.LEDGER_NAME
    ledger.with_texts(
        ledger.Ledger(pages={}, texts={"gone": {"sha256": "g", "revisions": 0}}), texts
    ).write(path)
    assert ledger.Ledger.read(path).texts == {
        "gone": {"sha256": "g", "revisions": 0},  # nothing is dropped
        "item-a": {"sha256": "new", "revisions": 2},
        "item-b": {"sha256": "b", "revisions": 0},
    }


def test_rendered_items_carry_their_latest_revision_for_the_script(project_copy):
    add_revisions(
        project_copy / TOPIC.source_path,
        ITEM.id,
        {"date": "2024-02-01", "summary": "Now says to measure `p95` first"},
        {"date": "2024-03-01", "summary": "Fixed a typo", "minor": True},
    )
    catalogue = load(project_copy)
    where = render.PageContext(url=TOPIC.url, site_url="https://example.org/guide/")
    soup = BeautifulSoup(
        render.render_checklist(catalogue, catalogue.topics[TOPIC.id], where), "html.parser"
    )
    item = soup.select_one(f'li[data-mdx-item="{ITEM.id}"]')
    assert item["data-mdx-revised"] == "2024-02-01"
    assert item["data-mdx-revision"] == "Now says to measure p95 first"
    others = [li for li in soup.select("li.mdx-item") if li["data-mdx-item"] != ITEM.id]
    assert others and not any(li.has_attr("data-mdx-revised") for li in others)
    # Nothing for readers without the script: the date and summary are data only.
    assert "2024-02-01" not in item.get_text()
