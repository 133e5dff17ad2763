"""Deep links to items (also by an old id), Copy link and Copy as Markdown."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest

from tests.browser.helpers import (
    CATALOGUE,
    CHECKLIST,
    FIRST,
    FRAMEWORK,
    SECOND,
    TOPIC,
    box,
    live_text,
    open_page,
)

pytestmark = pytest.mark.browser

# An id FIRST had before a (simulated) rename: one no item of the guide has.
OLD_ID = f"{FIRST}-before-rename"
# Where the home page's Continue link leads a reader with no ticks: the first phase's first task.
FIRST_TASK = CATALOGUE.phases[0].tasks[0].id
# A phase card with a task whose text has `code`, and that task: copying it keeps the code.
CODE_TASK = next(
    task for phase in CATALOGUE.phases for task in phase.tasks if re.search("`[^`]+`", task.text)
)
CODE_PHASE = next(phase for phase in CATALOGUE.phases if CODE_TASK in phase.tasks)


def plain(text: str) -> str:
    """Data text as the page's label reads it: `code` marks dropped."""
    return text.replace("`", "")


def rename_first_item(context) -> None:
    """Make the checklist's first item renamed from OLD_ID, as the build renders `renamed_from` (an
    alias list and an alias anchor), after parsing and before the script mounts."""
    context.add_init_script(
        f"""document.addEventListener("readystatechange", () => {{
            const item = document.getElementById("{FIRST}")?.closest(".mdx-item");
            if (document.readyState !== "interactive" || !item) return;
            item.dataset.mdxAliases = "{OLD_ID}";
            const anchor = document.createElement("span");
            anchor.className = "mdx-item__alias";
            anchor.id = "{OLD_ID}";
            item.prepend(anchor);
        }});"""
    )


def in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """selector => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return box.top >= 0 && box.top < innerHeight;
        }""",
        selector,
    )


def test_deep_link_highlights_the_item(built_site, page):
    open_page(page, f"{built_site.base_url}{TOPIC}#{SECOND}")
    item = page.locator(f".mdx-item:has(#{SECOND})")  # the id is on the item's heading
    assert "mdx-is-target" in item.get_attribute("class")
    assert item.evaluate("li => getComputedStyle(li).outlineStyle") == "solid"
    assert in_viewport(page, f"#{SECOND}")
    assert page.locator(".mdx-is-target").count() == 1


def test_hashchange_moves_the_highlight(built_site, page):
    open_page(page, f"{built_site.base_url}{TOPIC}#{SECOND}")
    page.locator(f"#{FIRST} .mdx-item__link").click()
    page.wait_for_function(
        f"() => document.getElementById('{FIRST}').closest('.mdx-item').matches('.mdx-is-target')"
    )
    assert page.locator(".mdx-is-target").count() == 1


def test_following_the_continue_link_highlights_the_item(built_site, page):
    open_page(page, built_site.base_url)
    page.locator("[data-mdx-continue-text] a").click()
    page.wait_for_url(f"**/{FRAMEWORK}#{FIRST_TASK}")
    page.wait_for_function(
        f"() => document.getElementById('{FIRST_TASK}')?.closest('.mdx-is-target') !== null"
    )
    assert in_viewport(page, f"#{FIRST_TASK}")


def test_highlight_respects_reduced_motion(built_site, browser):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    open_page(page, f"{built_site.base_url}{TOPIC}#{SECOND}")
    item = page.locator(f".mdx-item:has(#{SECOND})")
    assert item.evaluate("li => getComputedStyle(li).animationName") == "none"
    context.close()


def test_old_id_lands_on_the_renamed_item(built_site, context):
    rename_first_item(context)
    page = context.new_page()
    open_page(page, f"{built_site.base_url}{TOPIC}#{OLD_ID}")
    assert page.locator(".mdx-is-target").get_attribute("data-mdx-item") == FIRST
    assert in_viewport(page, f"#{FIRST}")


def test_copy_link_copies_the_absolute_url(built_site, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    open_page(page, built_site.base_url + TOPIC)
    button = page.locator(f"[data-mdx-item={SECOND}] .mdx-item__head").get_by_role(
        "button", name="Copy link to"
    )
    assert button.get_attribute("type") == "button"
    assert button.get_attribute("aria-label").startswith(
        f"Copy link to “{plain(CHECKLIST.items[1].text).split()[0]}"
    )
    button.click()
    expected = f"{built_site.base_url}{TOPIC}#{SECOND}"
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert button.get_attribute("data-mdx-copied") == expected
    assert button.inner_text() == "Copied"
    assert live_text(page) == "Copied"
    # The checklist and each card copy their own anchor.
    page.get_by_role("button", name=f"Copy link to {CHECKLIST.title} checklist").click()
    assert page.evaluate("navigator.clipboard.readText()") == (
        f"{built_site.base_url}{TOPIC}#{CHECKLIST.id}-checklist"
    )


def markdown_line(item, done: bool) -> str:
    """The expected task-list line, built from the item's DOM: code as `code`, [ ] escaped."""
    text = item.locator(".mdx-item__text").evaluate(
        """label => [...label.childNodes].map(node => node.nodeName === "CODE"
            ? "`" + node.textContent + "`" : node.textContent).join("")"""
    )
    text = re.sub(r"\s+", " ", text).strip().replace("[", "\\[").replace("]", "\\]")
    # data-mdx-url is relative to the page: the copied link is the page the reader is on.
    relative = item.locator("xpath=ancestor::*[@data-mdx-url][1]").get_attribute("data-mdx-url")
    url = urljoin(item.page.url, relative)
    return f"- [{'x' if done else ' '}] [{text}]({url}#{item.get_attribute('data-mdx-item')})"


def test_copy_as_markdown_is_a_task_list_linking_to_the_published_items(built_site, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    open_page(page, built_site.base_url + TOPIC)
    box(page, FIRST).check()
    checklist = page.locator("[data-mdx-component=checklist]")
    checklist.get_by_role("button", name="Copy as Markdown").click()
    items = checklist.locator(".mdx-item").all()
    lines = [markdown_line(item, item.get_attribute("data-mdx-item") == FIRST) for item in items]
    expected = f"### {checklist.get_attribute('data-mdx-title')}\n\n" + "\n".join(lines)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == expected
    button = checklist.get_by_role("button", name="Copy as Markdown")
    assert copied == button.get_attribute("data-mdx-copied")
    # The data's items in the data's order, the ticked one first.
    ids = [item.get_attribute("data-mdx-item") for item in items]
    assert ids == [item.id for item in CHECKLIST.items]
    first_words = plain(CHECKLIST.items[0].text).split()[0]
    assert copied.startswith(f"### {CHECKLIST.title} checklist\n\n- [x] [{first_words}")
    assert f"]({built_site.base_url}{TOPIC}#{SECOND})" in copied


def test_copy_as_markdown_of_a_card_without_clipboard_access(built_site, page):
    open_page(page, built_site.base_url + FRAMEWORK)
    card = page.locator(f"#{CODE_PHASE.id}")
    card.locator(f"#{CODE_TASK.id}--box").check()
    button = card.get_by_role("button", name="Copy as Markdown")
    button.click()
    copied = button.get_attribute("data-mdx-copied")
    lines = [
        markdown_line(item, item.get_attribute("data-mdx-item") == CODE_TASK.id)
        for item in card.locator(".mdx-item").all()
    ]
    assert copied == f"### {CODE_PHASE.label}: {CODE_PHASE.title}\n\n" + "\n".join(lines)
    assert re.search("`[^`]+`", CODE_TASK.text).group() in copied
    assert json.dumps(copied).count("\\n") == len(lines) + 1
