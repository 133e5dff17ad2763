"""Updated since you ticked it: an item whose advice changed after the reader ticked it is
marked, with the change's summary, until the reader confirms it; counts, Markdown copy, the
plan page and export carry the mark. The site is a copy of the project with revisions added to
its data, so the tests hold whatever today's items say."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from hooks.content.catalogue import FRAMEWORK_FILE
from tests.browser.helpers import (
    CATALOGUE,
    CHECKLIST,
    FRAMEWORK,
    STAMP,
    TOPIC,
    axe_in_both_schemes,
    box,
    live_text,
    open_page,
    record_errors,
    seed,
    stored,
    wait_mounted,
)
from tests.conftest import BuiltSite, add_revisions, copy_project, served_build

# Every test here uses revised_site: the group keeps them on one worker, which builds it once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("revised-site")]

# Items of the first checklist without revisions of their own: one revised after the reader's
# tick, one revised only by a typo fix, one ticked after its revision, one revised but unticked.
REVISED, MINOR, LATE, UNTICKED = [item.id for item in CHECKLIST.items if not item.revisions][:4]
TASK = next(t.id for phase in CATALOGUE.phases for t in phase.tasks if not t.revisions)
REVISED_ON = "2024-02-01"  # after STAMP, the day the seeded ticks were made
SUMMARY = "Now says to measure before you change anything"
NOTE = f"Updated {REVISED_ON}: {SUMMARY}"
PLAN = next(url for source, url in CATALOGUE.pages.items() if source.startswith("onboarding/plan"))


@pytest.fixture(scope="module")
def revised_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    project = copy_project(tmp_path_factory.mktemp("revised") / "project")
    data = project / CHECKLIST.source_path
    for item in (REVISED, LATE, UNTICKED):
        add_revisions(data, item, {"date": REVISED_ON, "summary": SUMMARY})
    add_revisions(data, MINOR, {"date": REVISED_ON, "summary": "Fixed a typo", "minor": True})
    add_revisions(project / FRAMEWORK_FILE, TASK, {"date": REVISED_ON, "summary": SUMMARY})
    with served_build(project, tmp_path_factory.mktemp("site")) as site:
        yield site


def progress(**entries: dict[str, object]) -> str:
    return json.dumps({"version": 1, "items": entries, "startDate": None})


TICKED = {"done": True, "at": STAMP}
SEEDED = progress(
    **{
        REVISED: TICKED,
        MINOR: TICKED,
        LATE: {"done": True, "at": "2024-03-01T00:00:00.000Z"},
        UNTICKED: {"done": False, "at": STAMP},
        TASK: TICKED,
    }
)


def note(page, item_id: str):
    return page.locator(f"[data-mdx-item={item_id}] .mdx-item__updated")


def status(page) -> str:
    return page.locator(f"#{CHECKLIST.id}-checklist .mdx-toolbar__status").inner_text()


def test_an_item_revised_after_its_tick_is_marked_until_the_reader_confirms_it(
    revised_site, context
):
    seed(context, SEEDED)
    page = context.new_page()
    errors = record_errors(page)
    open_page(page, revised_site.base_url + TOPIC)
    assert note(page, REVISED).is_visible()
    assert note(page, REVISED).inner_text().startswith(NOTE)
    for item in (LATE, UNTICKED):  # ticked after the change, or not ticked: nothing to say
        assert note(page, item).is_hidden()
    assert note(page, MINOR).count() == 0  # a typo fix is no news
    assert "1 updated since you ticked it" in status(page)
    # The box is described by what shows under the item: the update (no note is saved).
    described = box(page, REVISED).get_attribute("aria-describedby").split()
    assert described == [f"{REVISED}--updated"]
    # By keyboard: from the item's checkbox to its "Got it".
    box(page, REVISED).focus()
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Got it":
            break
    assert page.evaluate("document.activeElement.closest('li').dataset.mdxItem") == REVISED
    page.keyboard.press("Enter")
    assert note(page, REVISED).is_hidden()
    assert page.evaluate("document.activeElement.id") == f"{REVISED}--box"
    assert "Marked as read" in live_text(page)
    assert "updated since" not in status(page)
    assert box(page, REVISED).get_attribute("aria-describedby") is None
    entry = stored(page)["items"][REVISED]
    assert entry == {**TICKED, "seen": REVISED_ON}  # the tick itself is unchanged
    page.reload()
    wait_mounted(page)
    assert note(page, REVISED).is_hidden() and box(page, REVISED).is_checked()
    assert errors == []


def test_two_updated_items_are_counted_and_a_new_tick_is_no_news(revised_site, context):
    seed(context, progress(**{REVISED: TICKED, LATE: TICKED}))
    page = context.new_page()
    open_page(page, revised_site.base_url + TOPIC)
    assert "2 updated since you ticked them" in status(page)
    box(page, LATE).uncheck()
    box(page, LATE).check()  # ticked again today, after the change
    assert note(page, LATE).is_hidden()
    assert "1 updated since you ticked it" in status(page)


def test_copy_as_markdown_carries_the_mark(revised_site, context):
    seed(context, SEEDED)
    page = context.new_page()
    open_page(page, revised_site.base_url + TOPIC)
    button = page.locator(f"#{CHECKLIST.id}-checklist").get_by_role(
        "button", name="Copy as Markdown"
    )
    button.click()
    page.wait_for_function("b => b.dataset.mdxCopied !== undefined", arg=button.element_handle())
    lines = button.get_attribute("data-mdx-copied").splitlines()
    url = f"{revised_site.base_url}{TOPIC}"
    marked = [line for line in lines if "(updated " in line]
    assert len(marked) == 1
    assert marked[0].startswith("- [x] [")
    assert marked[0].endswith(f"]({url}#{REVISED}) (updated {REVISED_ON}: {SUMMARY})")


def test_the_plan_page_and_the_framework_cards_carry_the_mark(revised_site, context):
    seed(context, SEEDED)
    page = context.new_page()
    open_page(page, f"{revised_site.base_url}{PLAN}?t={CHECKLIST.id}")
    assert note(page, REVISED).is_visible()
    assert "1 updated since you ticked it" in status(page)
    open_page(page, revised_site.base_url + FRAMEWORK)
    assert note(page, TASK).inner_text().startswith(NOTE)
    card = page.locator(f"#{TASK}").locator("xpath=ancestor::li[contains(@class,'mdx-card')]")
    assert "1 updated since you ticked it" in card.locator(".mdx-toolbar__status").inner_text()


def export(page) -> dict[str, object]:
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export progress").click()
    return json.loads(download_info.value.path().read_bytes())


def test_export_carries_the_confirmation_and_import_keeps_it(revised_site, browser):
    first = browser.new_context()
    seed(first, SEEDED)
    page = first.new_page()
    open_page(page, revised_site.base_url + TOPIC)
    note(page, REVISED).get_by_role("button", name="Got it").click()
    open_page(page, revised_site.base_url + "topics/")
    exported = export(page)
    first.close()
    assert exported["items"][REVISED]["seen"] == REVISED_ON
    # Another browser, where the item is ticked and the change not yet confirmed.
    second = browser.new_context()
    seed(second, progress(**{REVISED: TICKED}))
    page = second.new_page()
    open_page(page, revised_site.base_url + "topics/")
    page.locator(".mdx-panel input[type=file]").set_input_files(
        files=[
            {
                "name": "p.json",
                "mimeType": "application/json",
                "buffer": json.dumps(exported).encode(),
            }
        ]
    )
    page.wait_for_function("() => document.querySelector('.mdx-panel__message').textContent")
    assert stored(page)["items"][REVISED]["seen"] == REVISED_ON
    open_page(page, revised_site.base_url + TOPIC)
    assert note(page, REVISED).is_hidden()
    second.close()


@pytest.mark.parametrize("path", [TOPIC, FRAMEWORK], ids=["topic", "framework"])
def test_axe_finds_no_violations_with_items_marked_in_either_scheme(revised_site, browser, path):
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    seed(context, SEEDED)
    page = context.new_page()
    open_page(page, revised_site.base_url + path)
    assert page.locator(".mdx-item__updated:visible").count() >= 1
    found = axe_in_both_schemes(page)
    context.close()
    assert found == {}


def test_a_note_saved_after_the_tick_keeps_the_mark_and_the_copy_reads_back_unchanged(
    revised_site, context
):
    seed(context, SEEDED)
    page = context.new_page()
    open_page(page, revised_site.base_url + TOPIC)
    item = page.locator(f"[data-mdx-item={REVISED}]")
    item.locator(".mdx-btn--note").click()
    page.locator(f"#{REVISED}--note").fill("Done in the payments service")
    page.locator(f"#{REVISED}--note").press("Enter")
    assert item.locator(".mdx-item__status").inner_text().startswith("Note:")
    assert note(page, REVISED).is_visible()  # the note is not a new tick
    # Both now show under the item and describe its box, the update first.
    described = box(page, REVISED).get_attribute("aria-describedby").split()
    assert described == [f"{REVISED}--updated", f"{REVISED}--status"]
    button = page.locator(f"#{CHECKLIST.id}-checklist").get_by_role(
        "button", name="Copy as Markdown"
    )
    button.click()
    page.wait_for_function("b => b.dataset.mdxCopied !== undefined", arg=button.element_handle())
    copied = button.get_attribute("data-mdx-copied")
    line = next(line for line in copied.splitlines() if f"#{REVISED})" in line)
    assert line.endswith(f"(updated {REVISED_ON}: {SUMMARY}) — Done in the payments service")
    opener = page.locator(f"#{CHECKLIST.id}-checklist").get_by_role(
        "button", name="Paste from an issue"
    )
    opener.click()
    page.locator(".mdx-paste textarea").fill(copied)
    page.get_by_role("button", name="Preview changes").click()
    summary = page.locator(".mdx-paste__summary")
    summary.wait_for()
    assert summary.inner_text().startswith("0 changes")
