"""Nothing is lost: corrupt values are backed up, renamed ids keep their ticks, and a browser
that cannot store anything still lets the reader tick for the session."""

from __future__ import annotations

import json
import re

import pytest

from tests.browser.helpers import (
    CATALOGUE,
    CHECKLIST,
    FIRST,
    KEY,
    SECOND,
    TOPIC,
    box,
    open_page,
    page_sources,
    record_errors,
    seed,
    stored,
    ticks,
    value,
    wait_mounted,
)
from tests.browser.test_progress_links import OLD_ID, rename_first_item

pytestmark = pytest.mark.browser

# Another topic than the one the tests tick, reached through the nav.
OTHER = next(topic for topic in CATALOGUE.topics.values() if topic is not CHECKLIST)
# A chapter that shows no component: its source calls no macro and no checklist lists it.
PLAIN_CHAPTER = next(
    chapter.url
    for chapter in CATALOGUE.chapters.values()
    if "[[%" not in page_sources()[chapter.url] and not CATALOGUE.topics_for_chapter(chapter.id)
)
NOTICE = "Progress can't be saved in this browser; ticks last until you leave this page."


@pytest.mark.parametrize(
    "raw",
    [
        "{not json",
        json.dumps({"version": 1, "items": [FIRST]}),
        json.dumps(["x"]),
        json.dumps({"version": 1, "items": {}, "startDate": {"day": 3}}),
    ],
    ids=["not-json", "wrong-shape", "array", "start-date-not-a-date"],
)
def test_corrupt_value_is_backed_up_and_the_page_starts_clean(built_site, context, raw):
    seed(context, raw)
    page = context.new_page()
    problems = record_errors(page)
    open_page(page, built_site.base_url + TOPIC)
    backups = page.evaluate(
        "key => Object.keys(localStorage).filter(k => k.startsWith(key + '.backup-'))", KEY
    )
    assert len(backups) == 1
    assert page.evaluate("key => localStorage.getItem(key)", backups[0]) == raw
    assert not box(page, FIRST).is_checked()
    assert page.locator("[data-mdx-component=checklist] .mdx-toolbar__status").is_visible()
    box(page, FIRST).check()
    assert stored(page) is not None and ticks(page) == {FIRST}
    page.reload()
    wait_mounted(page)
    assert box(page, FIRST).is_checked()
    assert problems == []


def break_storage(page, script: str) -> None:
    """Install a broken localStorage and record which scripts then fail, by their file."""
    page.add_init_script(
        script
        + """
        window.__errors = [];
        addEventListener("error", e => __errors.push(`${e.filename}: ${e.message}`));
        addEventListener("unhandledrejection", e => __errors.push(`rejection: ${e.reason}`));"""
    )


@pytest.mark.parametrize(
    "script",
    [
        # Full storage (quota) or Safari's old private mode: reading works, writing throws.
        "Storage.prototype.setItem = () => {"
        " throw new DOMException('full', 'QuotaExceededError') };",
        # Storage blocked by the browser's settings: every access throws.
        "Object.defineProperty(window, 'localStorage', "
        "{ get() { throw new DOMException('blocked', 'SecurityError') } });",
    ],
    ids=["setitem-throws", "access-throws"],
)
def test_unavailable_storage_keeps_the_page_usable_for_the_session(built_site, page, script):
    break_storage(page, script)
    open_page(page, built_site.base_url + TOPIC)
    box(page, FIRST).check()
    box(page, SECOND).press("Space")
    assert box(page, FIRST).is_checked() and box(page, SECOND).is_checked()
    assert page.locator(".mdx-notice").inner_text() == NOTICE
    status = page.locator("[data-mdx-component=checklist] .mdx-toolbar__status")
    assert " 2 of " in status.text_content()
    # Another page works the same and says so again (at the latest when a tick cannot be saved).
    title = re.compile(rf"^\s*{re.escape(OTHER.title)}\s*$")
    page.locator(".md-nav__link", has_text=title).first.click()
    page.wait_for_url(f"**/{OTHER.url}")
    wait_mounted(page)
    page.locator(".mdx-item__box").first.check()
    assert page.locator(".mdx-item__box").first.is_checked()
    assert page.locator(".mdx-notice").inner_text() == NOTICE
    # No script fails, Material's included (its storage helpers are ours: they never throw).
    assert page.evaluate("window.__errors") == []


def test_renamed_id_keeps_its_tick(built_site, context):
    seed(context, json.dumps(value({OLD_ID: True})))
    rename_first_item(context)
    page = context.new_page()
    open_page(page, built_site.base_url + TOPIC)
    assert box(page, FIRST).is_checked()
    data = stored(page)
    assert data["items"][FIRST]["done"] is True
    assert data["items"][FIRST]["from"] == OLD_ID
    # The old entry stays, so a rollback to the old id still finds the tick.
    assert data["items"][OLD_ID] == value({OLD_ID: True})["items"][OLD_ID]
    # The move happens once: a later untick is not undone by the old entry.
    box(page, FIRST).uncheck()
    page.reload()
    wait_mounted(page)
    assert not box(page, FIRST).is_checked()


def test_migration_helpers_are_exported_for_future_versions(built_site, page):
    open_page(page, built_site.base_url + TOPIC)
    result = page.evaluate(
        """async () => {
            const mdx = await import(new URL("../../assets/mdx.js", location.href).href);
            const items = {old: {done: true, at: "2024-01-01T00:00:00.000Z"}};
            const moved = mdx.adoptAliases(items, [["new", ["old"]]]);
            return {
                key: mdx.KEY,
                moved, items,
                current: mdx.migrate({version: 2, items: {}, startDate: null}),
                older: mdx.migrate({version: 1, items: {}, startDate: null}),
                newer: mdx.migrate({version: 3, items: {}}),
                broken: mdx.migrate({version: 1, items: {a: {done: "yes"}}}),
            };
        }"""
    )
    assert result["key"] == KEY
    assert result["moved"] is True
    assert result["items"]["new"] == {
        "done": True,
        "at": "2024-01-01T00:00:00.000Z",
        "from": "old",
    }
    assert result["current"] == {"version": 2, "items": {}, "startDate": None}
    assert result["older"] == result["current"]
    assert result["newer"] is None and result["broken"] is None


def test_the_shared_modules_run_nothing_when_imported(built_site, page):
    # A chapter without components loads none of the guide's scripts.
    page.goto(built_site.base_url + PLAIN_CHAPTER)
    assert page.locator("script[data-mdx-loader]").get_attribute("data-mdx-scripts") == ""
    mounted = page.evaluate(
        """async () => {
            const assets = new URL("../../assets/", location.href).href;
            await import(assets + "dom.js");
            await import(assets + "mdx.js");
            // Mounting is scheduled as a task; let any queued task run first.
            await new Promise((resolve) => setTimeout(resolve));
            await new Promise((resolve) => setTimeout(resolve));
            return document.querySelector("main > [aria-live]") !== null;
        }"""
    )
    assert mounted is False


# Every script the page requested, as its resource timing saw them (path within the site, start
# time), and its first contentful paint.
SCRIPT_TIMING = """() => ({
    paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
    scripts: performance.getEntriesByType("resource")
        .filter((entry) => new URL(entry.name).pathname.endsWith(".js"))
        .map((entry) => [new URL(entry.name).pathname.split("/assets/").pop(), entry.startTime]),
})"""


@pytest.mark.parametrize("where", [TOPIC, PLAIN_CHAPTER])
def test_every_script_is_requested_after_the_first_paint(built_site, page, where):
    """Material's bundle and the guide's own scripts alike: nothing but the page itself holds
    up its first paint, on a page with the guide's components and on one without."""
    errors = record_errors(page)
    open_page(page, built_site.base_url + where)
    timing = page.evaluate(SCRIPT_TIMING)
    names = {name for name, _ in timing["scripts"]}
    loader = page.locator("script[data-mdx-loader]")
    expected = {
        f"{name}.js"
        for name in (
            loader.get_attribute("data-mdx-modules").split()
            + loader.get_attribute("data-mdx-scripts").split()
        )
    }
    bundle = page.locator("script[data-mdx-bundle]").get_attribute("data-mdx-src")
    expected.add(bundle.split("/assets/").pop())
    # Besides: what Material's bundle starts itself (its search worker), in its own folder.
    assert expected <= names and all(n.startswith("javascripts/") for n in names - expected)
    assert timing["paint"] is not None
    assert [name for name, start in timing["scripts"] if start < timing["paint"]] == []
    # Mounted: each checklist box (a topic has some, the chapter none) is live.
    assert page.locator(".mdx-item__box:disabled").count() == 0
    assert errors == []


# Browsers where the loader's usual signal, the first contentful paint, never comes: a hidden
# tab paints no frame (so requestAnimationFrame never runs there), and some browsers report no
# paint timing.
WITHOUT_PAINT_SIGNAL = {
    "background-tab": """Object.defineProperty(Document.prototype, "hidden", { get: () => true });
        window.requestAnimationFrame = () => 0;""",
    "no-paint-timing": (
        'Object.defineProperty(PerformanceObserver, "supportedEntryTypes", { get: () => [] });'
    ),
}


@pytest.mark.parametrize("browser_kind", WITHOUT_PAINT_SIGNAL)
def test_the_page_still_mounts_without_a_paint_signal(built_site, context, browser_kind):
    context.add_init_script(WITHOUT_PAINT_SIGNAL[browser_kind])
    page = context.new_page()
    errors = record_errors(page)
    page.goto(built_site.base_url + TOPIC)
    # Playwright's own checks run once per animation frame by default, which the background
    # tab's stub stops too: check every 50 ms instead.
    wait_mounted(page, polling=50)
    box(page, FIRST).check()
    assert FIRST in ticks(page)
    assert errors == []
