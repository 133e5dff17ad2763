"""Deep links to items (also by an old id), Copy link and Copy as Markdown."""

from __future__ import annotations

import json
import re

import pytest

from tests.browser.helpers import FIRST, FRAMEWORK, SECOND, TOPIC, box, live_text, open_page

pytestmark = pytest.mark.browser

OLD_ID = "webhook-sign-the-payload"


def rename_first_item(context) -> None:
    """Make the first webhook item renamed from OLD_ID, as the build renders `renamed_from` (an
    alias list and an alias anchor), after parsing and before the script mounts."""
    context.add_init_script(
        f"""document.addEventListener("readystatechange", () => {{
            const item = document.getElementById("{FIRST}");
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
    item = page.locator(f"#{SECOND}")
    assert "mdx-is-target" in item.get_attribute("class")
    assert item.evaluate("li => getComputedStyle(li).outlineStyle") == "solid"
    assert in_viewport(page, f"#{SECOND}")
    assert page.locator(".mdx-is-target").count() == 1


def test_hashchange_moves_the_highlight(built_site, page):
    open_page(page, f"{built_site.base_url}{TOPIC}#{SECOND}")
    page.locator(f"#{FIRST} .mdx-item__link").click()
    page.wait_for_function(f"() => document.getElementById('{FIRST}').matches('.mdx-is-target')")
    assert page.locator(".mdx-is-target").count() == 1


def test_following_the_continue_link_highlights_the_item(built_site, page):
    open_page(page, built_site.base_url)
    page.locator("[data-mdx-continue-text] a").click()
    page.wait_for_url(f"**/{FRAMEWORK}#fw-read-the-guide")
    page.wait_for_function(
        "() => document.getElementById('fw-read-the-guide')?.matches('.mdx-is-target')"
    )
    assert in_viewport(page, "#fw-read-the-guide")


def test_highlight_respects_reduced_motion(built_site, browser):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    open_page(page, f"{built_site.base_url}{TOPIC}#{SECOND}")
    assert page.locator(f"#{SECOND}").evaluate("li => getComputedStyle(li).animationName") == "none"
    context.close()


def test_old_id_lands_on_the_renamed_item(built_site, context):
    rename_first_item(context)
    page = context.new_page()
    open_page(page, f"{built_site.base_url}{TOPIC}#{OLD_ID}")
    assert page.locator(".mdx-is-target").get_attribute("id") == FIRST
    assert in_viewport(page, f"#{FIRST}")


def test_copy_link_copies_the_absolute_url(built_site, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    open_page(page, built_site.base_url + TOPIC)
    button = page.locator(f"#{SECOND} .mdx-btn")
    assert button.get_attribute("type") == "button"
    assert button.get_attribute("aria-label").startswith("Copy link to “Verify")
    button.click()
    expected = f"{built_site.base_url}{TOPIC}#{SECOND}"
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert button.get_attribute("data-mdx-copied") == expected
    assert button.inner_text() == "Copied"
    assert live_text(page) == "Copied"
    # The checklist and each card copy their own anchor.
    page.get_by_role("button", name="Copy link to Webhook design checklist").click()
    assert page.evaluate("navigator.clipboard.readText()") == (
        f"{built_site.base_url}{TOPIC}#webhook-design-checklist"
    )


def markdown_line(item, done: bool) -> str:
    """The expected task-list line, built from the item's DOM: code as `code`, [ ] escaped."""
    text = item.locator(".mdx-item__text").evaluate(
        """label => [...label.childNodes].map(node => node.nodeName === "CODE"
            ? "`" + node.textContent + "`" : node.textContent).join("")"""
    )
    text = re.sub(r"\s+", " ", text).strip().replace("[", "\\[").replace("]", "\\]")
    url = item.locator("xpath=ancestor::*[@data-mdx-url][1]").get_attribute("data-mdx-url")
    return f"- [{'x' if done else ' '}] [{text}]({url}#{item.get_attribute('id')})"


def test_copy_as_markdown_is_a_task_list_linking_to_the_published_items(built_site, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    open_page(page, built_site.base_url + TOPIC)
    box(page, FIRST).check()
    checklist = page.locator("[data-mdx-component=checklist]")
    checklist.get_by_role("button", name="Copy as Markdown").click()
    items = checklist.locator(".mdx-item").all()
    lines = [markdown_line(item, item.get_attribute("id") == FIRST) for item in items]
    expected = f"### {checklist.get_attribute('data-mdx-title')}\n\n" + "\n".join(lines)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == expected
    button = checklist.get_by_role("button", name="Copy as Markdown")
    assert copied == button.get_attribute("data-mdx-copied")
    assert copied.startswith("### Webhook design checklist\n\n- [x] [Sign the event id")
    assert f"]({built_site.base_url}{TOPIC}#{SECOND})" in copied


def test_copy_as_markdown_of_a_card_without_clipboard_access(built_site, page):
    open_page(page, built_site.base_url + FRAMEWORK)
    card = page.locator("#phase-month-2-3")
    card.locator("#fw-stream-a-page--box").check()
    button = card.get_by_role("button", name="Copy as Markdown")
    button.click()
    copied = button.get_attribute("data-mdx-copied")
    lines = [
        markdown_line(item, item.get_attribute("id") == "fw-stream-a-page")
        for item in card.locator(".mdx-item").all()
    ]
    assert copied == "### Month 2-3: Push your boundaries\n\n" + "\n".join(lines)
    assert "`Deprecation`" in copied
    assert json.dumps(copied).count("\\n") == len(lines) + 1
