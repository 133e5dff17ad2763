"""The round trip with an onboarding issue: "Copy as Markdown" renders on GitHub (cmark-gfm, the
tasklist extension) as one linked task per item; the issue's body, edited as a GitHub user
would, pasted back into "Paste from an issue" shows what would change, names the lines it cannot
match and, once confirmed, leaves exactly the expected progress. Matching is by link id only."""

from __future__ import annotations

import json
import re

import cmarkgfm
import pytest
from bs4 import BeautifulSoup

from tests.browser.helpers import (
    CHECKLIST,
    FIRST,
    SECOND,
    STAMP,
    TOPIC,
    axe_in_both_schemes,
    box,
    live_text,
    open_page,
    seed,
    stored,
)
from tests.browser.test_progress_links import OLD_ID, rename_first_item

pytestmark = pytest.mark.browser

assert len(CHECKLIST.items) >= 4, "the round trip needs a checklist of four items or more"
THIRD, FOURTH = CHECKLIST.items[2].id, CHECKLIST.items[3].id
LINK = "https://github.com/example/service/pull/42"
ISSUE_LINK = "https://github.com/example/service/issues/7"
SAVED = {
    FIRST: {"done": True, "at": STAMP, "note": "Shipped", "link": LINK},
    SECOND: {"done": False, "at": STAMP, "na": True, "reason": "No cache here"},
}


def seed_saved(context, items: dict = SAVED) -> None:
    seed(context, json.dumps({"version": 2, "items": items, "startDate": None}))


def copy_markdown(page) -> str:
    button = page.locator("[data-mdx-component=checklist]").get_by_role(
        "button", name="Copy as Markdown"
    )
    button.click()
    return button.get_attribute("data-mdx-copied")


def line_of(lines: list[str], url: str) -> int:
    return next(n for n, line in enumerate(lines) if f"]({url})" in line)


def paste_by_keyboard(page, text: str, opener=None) -> None:
    """Open "Paste from an issue", put `text` in and ask for the preview, by keyboard."""
    opener = opener or page.locator("[data-mdx-component=checklist]").get_by_role(
        "button", name="Paste from an issue"
    )
    opener.focus()
    page.keyboard.press("Enter")
    assert opener.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    page.keyboard.insert_text(text)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Preview changes
    page.locator(".mdx-paste__summary").wait_for()


def without_times(items: dict) -> dict:
    return {id: {k: v for k, v in entry.items() if k != "at"} for id, entry in items.items()}


def test_copied_markdown_renders_on_github_as_one_linked_task_per_item(built_site, context):
    seed_saved(context)
    page = context.new_page()
    open_page(page, built_site.base_url + TOPIC)
    html = cmarkgfm.github_flavored_markdown_to_html(copy_markdown(page))
    tasks = BeautifulSoup(html, "html.parser").select("li")
    assert len(tasks) == len(CHECKLIST.items)
    url = f"{built_site.base_url}{TOPIC}#"
    for task, item in zip(tasks, CHECKLIST.items, strict=True):
        boxes = task.select("input[type=checkbox]")
        links = [a["href"] for a in task.select("a")]
        assert len(boxes) == 1 and links[0] == url + item.id, task
        ticked = item.id in SAVED  # done, or not applicable (ticked and struck through)
        assert boxes[0].has_attr("checked") == ticked, item.id
    second = tasks[[i.id for i in CHECKLIST.items].index(SECOND)]
    assert second.select_one("del a")["href"] == url + SECOND
    assert "n/a: No cache here" in second.get_text()
    first = tasks[0]
    assert [a["href"] for a in first.select("a")] == [url + FIRST, LINK]


def test_an_issue_edited_on_github_imports_back_to_exactly_the_expected_state(built_site, context):
    seed_saved(context)
    page = context.new_page()
    open_page(page, built_site.base_url + TOPIC)
    copied = copy_markdown(page)
    url = f"{built_site.base_url}{TOPIC}#"
    lines = copied.splitlines()
    # What a GitHub user does: ticks and unticks boxes, appends a note, reorders lines and writes
    # around them; GitHub keeps the body with CRLF line ends.
    first, third, fourth = (line_of(lines, url + id) for id in (FIRST, THIRD, FOURTH))
    lines[first] = lines[first].replace("- [x]", "- [ ]", 1)
    lines[third] = lines[third].replace("- [ ]", "- [x]", 1)
    lines[fourth] += f" — Pairing with Sam ({ISSUE_LINK})"
    tasks = [line for line in lines if line.startswith("- [")]
    body = "\r\n".join(
        [
            "## Onboarding: Alex",
            "",
            "Welcome! Work through these with your buddy.",
            "",
            *reversed(tasks),
            "- [x] Meet the team",
            "- [ ] [An item of another guide](https://example.com/guide/#not-an-item-here)",
            "",
            "* a plain bullet",
            "> - [x] quoted, still a task line",
        ]
    )
    expected_unmatched = {
        n + 1 for n, line in enumerate(body.split("\r\n")) if "Meet" in line or "another" in line
    }
    expected_unmatched.add(len(body.split("\r\n")))  # the quoted line links to nothing

    paste_by_keyboard(page, body)
    preview = page.locator(".mdx-paste__preview")
    summary = preview.locator(".mdx-paste__summary").inner_text()
    assert summary.startswith("3 changes,") and "3 lines not matched" in summary
    changes = preview.locator(".mdx-paste__changes > li").all_inner_texts()
    assert len(changes) == 3
    by_id = {
        a.get_attribute("href")[1:]: text
        for a, text in zip(preview.locator(".mdx-paste__changes a").all(), changes, strict=True)
    }
    assert by_id[FIRST].startswith("Untick:") and by_id[THIRD].startswith("Tick:")
    assert by_id[FOURTH].startswith("Note:") and "Pairing with Sam" in by_id[FOURTH]
    unmatched = preview.locator(".mdx-paste__unmatched li").all_inner_texts()
    assert {int(re.match(r"Line (\d+):", text)[1]) for text in unmatched} == expected_unmatched
    assert any("Meet the team" in text for text in unmatched)
    assert stored(page)["items"] == SAVED  # nothing applied before confirmation

    for _ in range(10):  # past Cancel and the changes' links, to Apply
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Apply 3 changes":
            break
    page.keyboard.press("Enter")
    opener = page.locator("[data-mdx-component=checklist]").get_by_role(
        "button", name="Paste from an issue"
    )
    assert opener.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement") == opener.evaluate("el => el")
    assert "Applied 3 changes" in live_text(page)
    expected = without_times(SAVED)
    expected[FIRST]["done"] = False
    expected[THIRD] = {"done": True}
    expected[FOURTH] = {"done": False, "note": "Pairing with Sam", "link": ISSUE_LINK}
    assert without_times(stored(page)["items"]) == expected
    assert not box(page, FIRST).is_checked() and box(page, THIRD).is_checked()
    # Copied again, each item's line is the line the GitHub user left.
    again = copy_markdown(page).splitlines()
    assert sorted(line for line in again if line.startswith("- [")) == sorted(tasks)


def test_an_old_id_matches_and_cancel_changes_nothing(built_site, context):
    rename_first_item(context)
    page = context.new_page()
    open_page(page, built_site.base_url + TOPIC)
    body = f"- [x] [Old words, never matched by text]({built_site.base_url}{TOPIC}#{OLD_ID})"
    paste_by_keyboard(page, body)
    changes = page.locator(".mdx-paste__changes > li")
    assert changes.count() == 1
    assert changes.locator("a").get_attribute("href") == f"#{FIRST}"
    page.keyboard.press("Escape")
    assert page.locator(".mdx-paste").first.is_hidden()
    assert stored(page) is None
    paste_by_keyboard(page, "")  # the text is kept; preview again and apply
    page.locator(".mdx-paste__preview").get_by_role("button", name="Apply 1 change").click()
    assert box(page, FIRST).is_checked()


def test_text_alone_never_matches(built_site, page):
    open_page(page, built_site.base_url + TOPIC)
    label = page.locator(f"#{FIRST} .mdx-item__text").inner_text().strip()
    paste_by_keyboard(page, f"- [x] {label}\n- [x] [{label}](https://example.com/)")
    assert page.locator(".mdx-paste__changes").count() == 0
    assert page.locator(".mdx-paste__unmatched li").count() == 2
    assert page.locator(".mdx-paste__preview").get_by_role("button", name="Apply").count() == 0


def test_the_plan_page_pastes_into_the_whole_plan(built_site, page):
    open_page(page, built_site.base_url + f"onboarding/plan/?t={CHECKLIST.id}")
    opener = page.locator(".mdx-plan__tools").get_by_role("button", name="Paste from an issue")
    body = f"- [x] [x]({built_site.base_url}{TOPIC}#{SECOND}) — done with the team"
    paste_by_keyboard(page, body, opener)
    page.locator(".mdx-plan__tools").get_by_role("button", name="Apply 1 change").click()
    assert box(page, SECOND).is_checked()
    assert stored(page)["items"][SECOND]["note"] == "done with the team"


def test_task_lines_parse_as_github_writes_them(built_site, page):
    open_page(page, built_site.base_url + TOPIC)
    parsed = page.evaluate(
        """async (lines) => {
            const url = new URL("../../assets/tasklist.js", location.href).href;
            const { parseTaskList } = await import(url);
            return parseTaskList(lines.join("\\r\\n"));
        }""",
        [
            "- [X] [A \\[b\\] `c]`](https://x.test/p/#a-b) \u2013 note <https://g.test/1>",
            "  * [ ] ~[B](https://x.test/p/#b)~ — n/a because (https://g.test/2)",
            '1. [x] [C](https://x.test/p/#c "title"): see https://g.test/3',
            "- [x] [D](https://x.test/p/#d) - N/A",
            "- [ ] [No id](https://x.test/p/)",
            "- [x] [E](https://x.test/p/#e) — see https://[not-a-url",
            "not a task - [x] [E](https://x.test/p/#e)",
            "- [x] [F](https://x.test/p/#f) (updated 2026-01-02: Says (now) more) — mine (https://g.test/4)",
            "- [x] [G](https://x.test/p/#g) (updated 2026-01-02: Says more)",
        ],
    )
    rows = [(t["number"], t["checked"], t["id"], t["na"], t["text"], t["link"]) for t in parsed]
    assert rows == [
        (1, True, "a-b", False, "note", "https://g.test/1"),
        (2, False, "b", True, "because", "https://g.test/2"),
        (3, True, "c", False, "see", "https://g.test/3"),
        (4, True, "d", True, "", ""),
        (5, False, "", False, "", ""),
        (6, True, "e", False, "see https://[not-a-url", ""),
        # The guide's own "updated" mark is never read back as the reader's note.
        (8, True, "f", False, "mine", "https://g.test/4"),
        (9, True, "g", False, "", ""),
    ]


def test_the_preview_passes_axe_in_either_scheme_and_fits_a_phone(built_site, browser):
    context = browser.new_context(color_scheme="light", viewport={"width": 390, "height": 844})
    seed_saved(context)
    page = context.new_page()
    open_page(page, built_site.base_url + TOPIC)
    url = f"{built_site.base_url}{TOPIC}#"
    paste_by_keyboard(
        page,
        f"- [x] [a]({url}{THIRD}) — a long note that has to wrap on a phone screen\n"
        "- [ ] Meet the team and every other person in the building, one by one, slowly",
    )
    found = axe_in_both_schemes(page)
    # Sizes once: a scheme changes colours only (tests/browser/helpers.py LAYOUTS).
    sizes = page.eval_on_selector_all(
        ".mdx-paste button, .mdx-paste textarea, .mdx-toolbar button",
        "els => els.map(el => { const r = el.getBoundingClientRect();"
        " return [el.textContent, Math.min(r.width, r.height), r.right]; })",
    )
    overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
    context.close()
    assert found == {}
    for name, size, right in sizes:
        assert size >= 24 and right <= 390, name
    assert overflow <= 0
