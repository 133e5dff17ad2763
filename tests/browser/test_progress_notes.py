"""Each item's status beyond a tick: "not applicable here" (the item leaves every total) and a
one-line note with an optional link, set by keyboard, kept in the same versioned value (version
1 values migrate with nothing lost), shown on the item, exported and copied as Markdown."""

from __future__ import annotations

import json

import pytest

from tests.browser.helpers import (
    CATALOGUE,
    CHECKLIST,
    FIRST,
    FRAMEWORK,
    KEY,
    SECOND,
    STAMP,
    TOPIC,
    axe_in_both_schemes,
    box,
    live_text,
    open_page,
    seed,
    stored,
    value,
    wait_mounted,
)

pytestmark = pytest.mark.browser

THIRD = CHECKLIST.items[2].id
TOTAL = len(CHECKLIST.items)
PHASE = CATALOGUE.phases[0]
LINK = "https://github.com/example/service/pull/42"


def v1_saved(items: dict[str, dict], start_date: str | None = "2024-01-01") -> str:
    """A progress value exactly as the version-1 script saved it (JSON.stringify: no spaces)."""
    data = {"version": 1, "items": items, "startDate": start_date}
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def toggle(page, item_id: str):
    return page.locator(f"[data-mdx-item={item_id}] .mdx-btn--note")


def status_text(page, item_id: str) -> str:
    """What the item says of its note under its heading ("" when it shows nothing)."""
    status = page.locator(f"[data-mdx-item={item_id}] .mdx-item__status")
    return status.inner_text() if status.count() else ""


def focused_id(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.className")


def note_by_keyboard(page, item_id: str, *, na: bool, text: str, link: str) -> None:
    """Open the item's note form from its button and fill it with the keyboard only."""
    toggle(page, item_id).focus()
    page.keyboard.press("Enter")
    assert focused_id(page) == f"{item_id}--na"
    if na != page.locator(f"#{item_id}--na").is_checked():
        page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type(link)
    page.keyboard.press("Enter")


def test_version_1_progress_migrates_with_nothing_lost(built_site, context):
    entries = {
        FIRST: {"done": True, "at": STAMP},
        SECOND: {"done": False, "at": STAMP},
        "an-item-of-another-page": {"done": True, "at": STAMP, "from": "its-old-id"},
    }
    raw = v1_saved(entries)
    seed(context, raw)
    page = context.new_page()
    open_page(page, built_site.base_url + TOPIC)
    assert box(page, FIRST).is_checked() and not box(page, SECOND).is_checked()
    data = stored(page)
    assert data == {"version": 2, "items": entries, "startDate": "2024-01-01"}
    backups = page.evaluate(
        "key => Object.keys(localStorage).filter(k => k.startsWith(key + '.backup-v1-'))", KEY
    )
    assert [page.evaluate("k => localStorage.getItem(k)", k) for k in backups] == [raw]
    page.reload()
    wait_mounted(page)
    assert page.evaluate(
        "key => Object.keys(localStorage).filter(k => k.startsWith(key + '.backup-')).length", KEY
    ) == len(backups)


def test_a_note_with_a_link_is_set_by_keyboard_shown_and_saved(built_site, context):
    seed(context, v1_saved({FIRST: {"done": True, "at": STAMP}}))
    page = context.new_page()
    open_page(page, built_site.base_url + TOPIC)
    button = toggle(page, FIRST)
    assert button.get_attribute("aria-expanded") == "false"
    assert status_text(page, FIRST) == ""
    note_by_keyboard(page, FIRST, na=False, text="Done for the orders API", link=LINK)
    # Saved: the form closes and focus is back on its button.
    assert page.locator(f"#{FIRST}--note-form").is_hidden()
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement") == button.evaluate("el => el")
    assert "Note saved" in live_text(page)
    entry = stored(page)["items"][FIRST]
    assert entry["done"] is True and entry["note"] == "Done for the orders API"
    assert entry["link"] == LINK and entry["at"] > STAMP
    shown = page.locator(f"[data-mdx-item={FIRST}] .mdx-item__status")
    assert "Note: Done for the orders API" in shown.inner_text()
    assert shown.locator("a").get_attribute("href") == LINK
    # The checkbox is described by the note, so screen readers say it with the item.
    assert box(page, FIRST).get_attribute("aria-describedby") == shown.get_attribute("id")
    page.reload()
    wait_mounted(page)
    assert "Done for the orders API" in status_text(page, FIRST)
    assert box(page, FIRST).is_checked()


def test_a_link_that_is_not_a_web_address_is_refused_and_escape_closes(built_site, page):
    open_page(page, built_site.base_url + TOPIC)
    note_by_keyboard(page, FIRST, na=False, text="See this", link="javascript:alert(1)")
    link = page.locator(f"#{FIRST}--link")
    assert link.get_attribute("aria-invalid") == "true"
    assert focused_id(page) == f"{FIRST}--link"
    error = page.locator(f"#{FIRST}--link-error")
    assert "https://" in error.inner_text()
    assert link.get_attribute("aria-describedby") == error.get_attribute("id")
    assert stored(page) is None
    page.keyboard.press("Escape")
    assert page.locator(f"#{FIRST}--note-form").is_hidden()
    assert focused_id(page).startswith("mdx-btn")
    assert stored(page) is None


def test_not_applicable_items_leave_every_total(built_site, context):
    task = PHASE.tasks[0].id
    seed(context, json.dumps(value({FIRST: True}, "2024-01-01")))
    page = context.new_page()
    open_page(page, built_site.base_url + TOPIC)
    status = page.locator(".mdx-toolbar__status")
    assert f"1 of {TOTAL} done" in status.inner_text()
    note_by_keyboard(page, SECOND, na=True, text="We have no public API", link="")
    assert f"1 of {TOTAL - 1} done" in status.inner_text()
    assert "1 not applicable" in status.inner_text()
    assert status_text(page, SECOND) == "Not applicable here: We have no public API"
    assert (
        page.locator(f"[data-mdx-item={SECOND}]").evaluate(
            "li => getComputedStyle(li.querySelector('label')).textDecorationLine"
        )
        == "line-through"
    )
    assert not box(page, SECOND).is_checked()
    entry = stored(page)["items"][SECOND]
    assert entry["na"] is True and entry["done"] is False
    assert entry["reason"] == "We have no public API"
    # Marking every other item done makes the list done: the skipped item is not counted.
    for item in CHECKLIST.items:
        if item.id != SECOND:
            box(page, item.id).check()
    assert "Done" in status.locator("b").first.inner_text()
    assert page.locator(".mdx-toolbar__bar").evaluate("bar => [bar.value, bar.max]") == [
        TOTAL - 1,
        TOTAL - 1,
    ]

    open_page(page, built_site.base_url + "topics/")
    count = page.locator(f".mdx-topic[data-mdx-list='{CHECKLIST.id}'] [data-mdx-count]")
    assert count.inner_text() == f"{TOTAL - 1} of {TOTAL - 1} done"
    summary = page.locator(".mdx-panel__summary").inner_text()
    assert f"{TOTAL - 1} ticks and 1 not applicable" in summary

    # In a phase card too, and on the plan page, which shows the same items.
    open_page(page, built_site.base_url + FRAMEWORK)
    note_by_keyboard(page, task, na=True, text="", link="")
    card = page.locator(f"#{PHASE.id} .mdx-toolbar__status")
    assert f"0 of {len(PHASE.tasks) - 1} done" in card.inner_text()
    open_page(page, built_site.base_url + f"onboarding/plan/?t={CHECKLIST.id}&p={PHASE.id}")
    assert status_text(page, SECOND) == "Not applicable here: We have no public API"
    assert (
        f"0 of {len(PHASE.tasks) - 1} done"
        in page.locator(f"#{PHASE.id} .mdx-toolbar__status").inner_text()
    )


def test_ticking_a_not_applicable_item_makes_it_apply_and_keeps_the_reason(built_site, context):
    entries = {FIRST: {"done": False, "at": STAMP, "na": True, "reason": "Not here"}}
    seed(context, json.dumps({"version": 2, "items": entries, "startDate": None}))
    page = context.new_page()
    open_page(page, built_site.base_url + TOPIC)
    assert status_text(page, FIRST) == "Not applicable here: Not here"
    box(page, FIRST).focus()
    page.keyboard.press("Space")
    entry = stored(page)["items"][FIRST]
    assert entry["done"] is True and "na" not in entry and entry["note"] == "Not here"
    assert status_text(page, FIRST) == "Note: Not here"


def test_copy_as_markdown_carries_notes_and_not_applicable(built_site, context):
    entries = {
        FIRST: {"done": True, "at": STAMP, "note": "Shipped", "link": LINK},
        SECOND: {"done": False, "at": STAMP, "na": True, "reason": "No cache here"},
        THIRD: {"done": False, "at": STAMP, "note": "Next sprint"},
    }
    seed(context, json.dumps({"version": 2, "items": entries, "startDate": None}))
    page = context.new_page()
    open_page(page, built_site.base_url + TOPIC)
    button = page.locator("[data-mdx-component=checklist]").get_by_role(
        "button", name="Copy as Markdown"
    )
    button.click()
    lines = button.get_attribute("data-mdx-copied").splitlines()
    url = f"{built_site.base_url}{TOPIC}#"
    by_id = {line.split(url, 1)[1].split(")", 1)[0]: line for line in lines if url in line}
    assert len(by_id) == TOTAL
    assert by_id[FIRST].startswith("- [x] [") and by_id[FIRST].endswith(
        f"]({url}{FIRST}) — Shipped ({LINK})"
    )
    assert by_id[SECOND].startswith("- [x] ~~[")
    assert by_id[SECOND].endswith(f"]({url}{SECOND})~~ — n/a: No cache here")
    assert by_id[THIRD].startswith("- [ ] [") and by_id[THIRD].endswith(" — Next sprint")


def test_export_and_import_carry_notes(built_site, context):
    entries = {
        FIRST: {"done": True, "at": STAMP, "note": "Shipped", "link": LINK},
        SECOND: {"done": False, "at": STAMP, "na": True, "reason": "No cache here"},
    }
    seed(context, json.dumps({"version": 2, "items": entries, "startDate": None}))
    page = context.new_page()
    open_page(page, built_site.base_url + "topics/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    exported = json.loads(download.value.path().read_bytes())
    assert exported["version"] == 2 and exported["items"] == entries

    page.evaluate("localStorage.clear()")
    page.reload()
    wait_mounted(page)
    file = page.locator(".mdx-panel input[type=file]")
    content = json.dumps(exported).encode()
    file.set_input_files(files=[{"name": "p.json", "mimeType": "text/json", "buffer": content}])
    page.wait_for_function("() => document.querySelector('.mdx-panel__message').textContent")
    assert stored(page)["items"] == entries
    # A version-1 export still imports.
    file.set_input_files(
        files=[
            {
                "name": "old.json",
                "mimeType": "application/json",
                "buffer": v1_saved({THIRD: {"done": True, "at": STAMP}}).encode(),
            }
        ]
    )
    page.wait_for_function(
        "() => document.querySelector('.mdx-panel__message').textContent === 'Imported 1 tick.'"
    )
    assert stored(page)["items"][THIRD] == {"done": True, "at": STAMP}


def test_note_controls_pass_axe_in_either_scheme_and_fit_a_phone(built_site, browser):
    context = browser.new_context(color_scheme="light", viewport={"width": 390, "height": 844})
    entries = {
        FIRST: {"done": True, "at": STAMP, "note": "Shipped", "link": LINK},
        SECOND: {"done": False, "at": STAMP, "na": True, "reason": "No cache here"},
    }
    seed(context, json.dumps({"version": 2, "items": entries, "startDate": None}))
    page = context.new_page()
    open_page(page, built_site.base_url + TOPIC)
    toggle(page, THIRD).click()
    page.locator(f"#{THIRD}--link").fill("not a link")
    page.locator(f"#{THIRD}--note-form").get_by_role("button", name="Save").click()
    found = axe_in_both_schemes(page)
    # Sizes once: a scheme changes colours only (tests/browser/helpers.py LAYOUTS).
    sizes = page.eval_on_selector_all(
        f"[data-mdx-item={THIRD}] :is(button, input),"
        f" [data-mdx-item={FIRST}] .mdx-item__head button",
        "els => els.map(el => { const r = el.getBoundingClientRect();"
        " return [el.id || el.className, r.width, r.height, r.right]; })",
    )
    overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
    context.close()
    assert found == {}
    for name, width, height, right in sizes:
        assert min(width, height) >= 24, name
        assert right <= 390, name
    assert overflow <= 0
