"""The team leads' kit: a plan built on one page opens as exactly that plan for the new hire,
copies as an exact Markdown task list, and everything still lists without JavaScript."""

from __future__ import annotations

import pytest

from tests.browser.helpers import CATALOGUE, CHECKLIST, open_page

pytestmark = pytest.mark.browser

# One part of each kind, from the data: the last chapter in reading order, the checklist the
# progress tests use, the last phase.
CHAPTER = list(CATALOGUE.chapters)[-1]
TOPIC = CHECKLIST.id
PHASE = CATALOGUE.phases[-1].id


@pytest.fixture(scope="module")
def catalogue():
    return CATALOGUE


def build_plan(page, base_url: str) -> None:
    open_page(page, base_url + "onboarding/")
    for part in (f"c-{CHAPTER}", f"t-{TOPIC}", f"p-{PHASE}"):
        page.locator(f"#plan-{part}").check()


def test_plan_builder_makes_a_short_url_in_a_fixed_order(built_site, page):
    build_plan(page, built_site.base_url)
    link = page.locator(".mdx-plan-builder__link")
    expected = f"{built_site.base_url}onboarding/plan/?c={CHAPTER}&t={TOPIC}&p={PHASE}"
    assert link.get_attribute("href") == expected
    assert link.inner_text() == expected
    assert "Without JavaScript" not in page.locator("[data-mdx-plan-help]").inner_text()
    page.locator(f"#plan-t-{TOPIC}").uncheck()
    assert page.locator(".mdx-plan-builder__link").get_attribute("href") == (
        f"{built_site.base_url}onboarding/plan/?c={CHAPTER}&p={PHASE}"
    )


def test_plan_url_round_trips_into_the_same_plan(built_site, page):
    build_plan(page, built_site.base_url)
    page.locator(".mdx-plan-builder__link").click()
    page.wait_for_url("**/onboarding/plan/?*")
    page.wait_for_function("() => document.querySelector('main > [aria-live]') !== null")
    parts = page.eval_on_selector_all("[data-mdx-part]", "els => els.map(e => e.dataset.mdxPart)")
    assert parts == [f"c:{CHAPTER}", f"t:{TOPIC}", f"p:{PHASE}"]
    # Progress counts the plan, not the whole guide.
    reading = page.locator("#reading-list .mdx-toolbar")
    assert "0 of 1 done" in reading.inner_text()
    page.locator(f"#read-{CHAPTER}--box").check()
    assert "1 of 1 done" in reading.inner_text()
    page.reload()
    page.wait_for_function("() => document.querySelector('main > [aria-live]') !== null")
    assert page.locator(f"#read-{CHAPTER}--box").is_checked()


def test_the_plan_is_pruned_before_any_count_is_shown(built_site, page, catalogue):
    # Every status line any list ever shows, from the first paint on, by list.
    page.add_init_script(
        """window.shown = [];
        new MutationObserver(() => {
            for (const status of document.querySelectorAll(".mdx-toolbar__status")) {
                const list = status.closest("[data-mdx-title]").dataset.mdxList;
                if (status.textContent) window.shown.push([list, status.textContent]);
            }
        }).observe(document, {subtree: true, childList: true, characterData: true});"""
    )
    open_page(page, built_site.base_url + f"onboarding/plan/?t={TOPIC}&p={PHASE}")
    lists = page.eval_on_selector_all(
        "[data-mdx-title]",
        "els => els.map(e => [e.dataset.mdxList, e.querySelectorAll('.mdx-item').length])",
    )
    topic = catalogue.topics[TOPIC]
    phase = next(p for p in catalogue.phases if p.id == PHASE)
    assert dict(lists) == {TOPIC: len(topic.items), PHASE: len(phase.tasks)}
    shown = page.evaluate("window.shown")
    assert shown, "no status line was shown"
    # Only the lists the plan names ever showed a count, and each counted its own items.
    for list_id, text in shown:
        assert list_id in dict(lists), f"{list_id} was counted before the plan was pruned"
        assert f" of {dict(lists)[list_id]} done" in text


def test_plan_copies_as_an_exact_markdown_task_list(built_site, page, catalogue):
    build_plan(page, built_site.base_url)
    button = page.get_by_role("button", name="Copy as Markdown task list of the plan")
    button.click()
    base = built_site.base_url
    chapter = catalogue.chapters[CHAPTER]
    topic = catalogue.topics[TOPIC]
    phase = next(p for p in catalogue.phases if p.id == PHASE)
    expected = (
        "### Onboarding plan\n\n"
        f"- [ ] [Read {chapter.title}]({base}{chapter.url})\n"
        f"- [ ] [{topic.title} checklist]({base}{topic.url})\n"
        f"- [ ] [{phase.label}: {phase.title}]({base}{catalogue.framework_url}#{PHASE})\n\n"
        f"Plan page: {base}onboarding/plan/?c={CHAPTER}&t={TOPIC}&p={PHASE}"
    )
    page.wait_for_function("b => b.dataset.mdxCopied !== undefined", arg=button.element_handle())
    assert button.get_attribute("data-mdx-copied") == expected


def test_plan_without_a_query_is_the_full_onboarding(built_site, page, catalogue):
    open_page(page, built_site.base_url + "onboarding/plan/")
    assert page.locator("#reading-list li.mdx-item").count() == len(catalogue.chapters)
    assert page.locator("section.mdx-checklist[data-mdx-part^='t:']").count() == len(
        catalogue.topics
    )
    assert page.locator("li.mdx-card").count() == len(catalogue.phases)


def test_plan_naming_a_part_the_guide_lacks_says_so(built_site, page):
    open_page(page, built_site.base_url + f"onboarding/plan/?t={TOPIC},no-such-topic")
    assert (
        page.locator(".mdx-plan__missing")
        .inner_text()
        .startswith("This plan names parts the guide no longer has: t:no-such-topic.")
    )
    assert page.locator("section.mdx-checklist[data-mdx-part]").count() == 1
    assert page.locator("#reading-list").count() == 0


def test_without_javascript_the_kit_lists_every_part_with_links(built_site, browser, catalogue):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(built_site.base_url + "onboarding/")
    hrefs = page.eval_on_selector_all(".mdx-directory__link", "els => els.map(e => e.href)")
    base = built_site.base_url
    assert [h for h in hrefs if "/guide/" in h and "#" not in h] == [
        f"{base}{chapter.url}" for chapter in catalogue.chapters.values()
    ]
    assert [h for h in hrefs if "/topics/" in h] == [
        f"{base}{t.url}" for t in catalogue.topics.values()
    ]
    assert len([h for h in hrefs if "#phase-" in h]) == len(catalogue.phases)
    assert page.locator("article button").count() == 0
    assert page.locator("article input:not([disabled])").count() == 0
    page.goto(base + f"onboarding/plan/?t={TOPIC}")
    assert page.locator("section.mdx-checklist[data-mdx-part^='t:']").count() == len(
        catalogue.topics
    )
    context.close()


def test_short_redirect_lands_on_the_first_chapter_under_the_sub_path(built_site, page, catalogue):
    first = next(iter(catalogue.chapters.values()))
    page.goto(f"{built_site.base_url}start/#{first.id}")
    page.wait_for_url(f"{built_site.base_url}{first.url}#{first.id}")
    assert page.locator("article h1").inner_text().rstrip("¶") == first.title


def test_printed_checklists_show_empty_boxes_and_link_addresses(built_site, page):
    open_page(page, built_site.base_url + CHECKLIST.url)
    first = page.locator(f"#{CHECKLIST.items[0].id}--box")
    first.check()
    page.emulate_media(media="print")
    assert first.evaluate("el => getComputedStyle(el).appearance") == "none"
    assert page.locator(".mdx-toolbar").first.is_hidden()
    assert page.locator("button").evaluate_all("els => els.filter(e => e.offsetParent).length") == 0
    source = page.locator(".mdx-item__sources a").first
    after = source.evaluate("el => getComputedStyle(el, '::after').content")
    assert source.get_attribute("href") in after
