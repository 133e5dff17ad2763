"""Export all progress to a JSON file and import it again: merged, validated, never wiped."""

from __future__ import annotations

import json
import re

import pytest

from tests.browser.helpers import (
    CHECKLIST,
    FIRST,
    SECOND,
    STAMP,
    TOPIC,
    box,
    open_page,
    seed,
    stored,
    ticks,
    value,
)

pytestmark = pytest.mark.browser

THIRD = CHECKLIST.items[2].id


def export(page) -> tuple[str, bytes]:
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export progress").click()
    download = download_info.value
    return download.suggested_filename, download.path().read_bytes()


def import_file(page, content: bytes, name: str = "progress.json") -> str:
    message = page.locator(".mdx-panel__message")
    before = message.text_content()
    page.locator(".mdx-panel input[type=file]").set_input_files(
        files=[{"name": name, "mimeType": "application/json", "buffer": content}]
    )
    page.wait_for_function(
        "before => document.querySelector('.mdx-panel__message').textContent !== before",
        arg=before,
    )
    return message.text_content()


def test_export_then_import_round_trips(built_site, context):
    seed(context, json.dumps(value({FIRST: True, SECOND: True, "kept-elsewhere": True})))
    page = context.new_page()
    open_page(page, built_site.base_url + "topics/")
    name, content = export(page)
    assert re.fullmatch(r"backend-optimization-guide-progress-\d{4}-\d\d-\d\d\.json", name)
    exported = json.loads(content)
    assert exported["version"] == 2
    assert {item for item, entry in exported["items"].items() if entry["done"]} == {
        FIRST,
        SECOND,
        "kept-elsewhere",
    }

    page.evaluate("localStorage.clear()")
    page.reload()
    assert "0 ticks saved" in page.locator(".mdx-panel__summary").text_content()
    assert import_file(page, content) == "Imported 3 ticks."
    assert ticks(page) == {FIRST, SECOND, "kept-elsewhere"}
    assert "3 ticks saved" in page.locator(".mdx-panel__summary").text_content()
    open_page(page, built_site.base_url + TOPIC)
    assert box(page, FIRST).is_checked() and box(page, SECOND).is_checked()


def test_second_import_merges_and_keeps_newer_changes(built_site, context):
    seed(context, json.dumps(value({FIRST: True, SECOND: True})))
    page = context.new_page()
    open_page(page, built_site.base_url + TOPIC)
    page.evaluate("localStorage.setItem('unrelated', 'stays')")
    open_page(page, built_site.base_url)  # the home page has the panel too
    _, content = export(page)

    open_page(page, built_site.base_url + TOPIC)
    box(page, THIRD).check()  # a tick made after the export
    box(page, SECOND).uncheck()  # an untick newer than the exported tick
    open_page(page, built_site.base_url)
    assert import_file(page, content) == "Imported 1 tick."
    # Nothing made in between is lost; for the conflicting item the newer state wins.
    assert ticks(page) == {FIRST, THIRD}
    assert page.evaluate("localStorage.getItem('unrelated')") == "stays"


INVALID = "Not a progress export of this guide (format 1 to 2), so nothing was imported."


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"null",
        json.dumps({"version": 7, "items": {}}).encode(),
        json.dumps({"version": 1, "items": [FIRST]}).encode(),
        json.dumps({"version": 1, "items": {FIRST: True}}).encode(),
        b"[]",
        json.dumps(
            {"version": 2, "items": {FIRST: {"done": True, "at": STAMP, "link": "javascript:x"}}}
        ).encode(),
        json.dumps(
            {"version": 2, "items": {FIRST: {"done": True, "at": STAMP, "na": "yes"}}}
        ).encode(),
    ],
    ids=[
        "not-json",
        "null",
        "wrong-version",
        "items-not-a-map",
        "entry-not-an-object",
        "array",
        "link-not-web",
        "na-not-boolean",
    ],
)
def test_invalid_import_changes_nothing_and_says_why(built_site, context, content):
    seed(context, json.dumps(value({FIRST: True})))
    page = context.new_page()
    open_page(page, built_site.base_url + "topics/")
    before = stored(page)
    assert import_file(page, content, "bad.json") == INVALID
    assert stored(page) == before
