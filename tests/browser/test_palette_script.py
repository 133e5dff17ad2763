"""The palette component (overrides/partials/javascripts/palette.html, in place of Material's): the
scheme a reader sees is right from the first paint, a saved choice wins, switching schemes starts
no transition while the page's start-up never sets the attribute that stops them, and the page
starts without restyling itself for its colour scheme."""

from __future__ import annotations

import json

import pytest

from tests.browser.helpers import TOPIC, record_errors
from tests.conftest import SUB_PATH

pytestmark = pytest.mark.browser

SAVED = f"{SUB_PATH}.__palette"
BACKGROUND = {"default": "rgb(255, 255, 255)", "slate": "rgb(30, 33, 41)"}
# The CSS transitions running on the page, as "property element" lines.
# Material's tooltips (content.tooltips) fade in when the pointer rests on the toggle: that is the
# tooltip answering the pointer, not the scheme switching, so it is left out.
TRANSITIONS = """() => document.getAnimations()
    .filter((animation) => animation instanceof CSSTransition)
    .filter((animation) => !animation.effect.target.closest("[class*=md-tooltip]"))
    .map((animation) => `${animation.transitionProperty} ${animation.effect.target.tagName}`)"""
# The toggle of the current palette entry, shown by the palette script.
VISIBLE_TOGGLE = "() => document.querySelector('[data-mdx-palette] label:not([hidden])')"
SHOWN = "[document.body.dataset.mdColorScheme, getComputedStyle(document.body).backgroundColor]"


def without_bundle(browser, scheme: str, saved: dict | None = None):
    """A page in a fresh context whose Material bundle never loads: what the reader sees
    before it runs (and what a slow phone shows for a while)."""
    context = browser.new_context(color_scheme=scheme)
    if saved is not None:
        context.add_init_script(f"localStorage.setItem({SAVED!r}, {json.dumps(json.dumps(saved))})")
    page = context.new_page()
    page.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
    return context, page


@pytest.mark.parametrize(("system", "scheme"), [("light", "default"), ("dark", "slate")])
def test_a_first_visit_is_painted_in_the_system_scheme_before_the_bundle_runs(
    built_site, browser, system, scheme
):
    context, page = without_bundle(browser, system)
    page.goto(built_site.base_url + TOPIC)
    assert page.evaluate(SHOWN) == [scheme, BACKGROUND[scheme]]
    # Nothing is saved on the reader's behalf: a palette is saved when the reader picks one.
    assert page.evaluate("key => localStorage.getItem(key)", SAVED) is None
    context.close()


def test_a_saved_choice_wins_over_the_system_setting(built_site, browser):
    light = {"media": "(prefers-color-scheme: light)", "scheme": "default"}
    context, page = without_bundle(
        browser, "dark", {"index": 1, "color": {**light, "primary": "indigo", "accent": "indigo"}}
    )
    page.goto(built_site.base_url + TOPIC)
    assert page.evaluate(SHOWN) == ["default", BACKGROUND["default"]]
    context.close()


def test_a_saved_system_choice_follows_the_system(built_site, browser):
    system = {"media": "(prefers-color-scheme)", "scheme": "default"}
    context, page = without_bundle(browser, "dark", {"index": 0, "color": system})
    page.goto(built_site.base_url + TOPIC)
    assert page.evaluate(SHOWN) == ["slate", BACKGROUND["slate"]]
    context.close()


def test_page_start_up_never_sets_the_switching_attribute(built_site, browser):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    errors = record_errors(page)
    page.add_init_script(
        """window.mdxSwitching = [];
        new MutationObserver((records) => records.forEach((record) =>
            window.mdxSwitching.push(record.attributeName))).observe(document, {
            attributes: true, subtree: true, attributeFilter: ["data-md-color-switching"]})"""
    )
    page.goto(built_site.base_url + TOPIC)
    page.wait_for_function(VISIBLE_TOGGLE)
    assert page.evaluate("window.mdxSwitching") == []
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    context.close()
    assert errors == []


def test_switching_with_the_toggle_starts_no_transition(built_site, browser):
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(built_site.base_url + TOPIC)
    toggle = page.locator("[data-mdx-palette] label:not([hidden])")
    # On a light system: from "follow the system" to dark, then to light.
    for scheme in ("slate", "default"):
        toggle.click()
        assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
        assert page.evaluate(TRANSITIONS) == []
    page.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")
    # Once the switch is over, the page's own transitions work again.
    page.locator(".md-nav__link").first.hover()
    assert page.evaluate(TRANSITIONS) != []
    context.close()


def test_a_change_of_the_system_setting_starts_no_transition(built_site, browser):
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(built_site.base_url + TOPIC)
    page.wait_for_function(VISIBLE_TOGGLE)
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    assert page.evaluate(TRANSITIONS) == []
    context.close()


SAVED_MEDIA = "key => JSON.parse(localStorage.getItem(key) || 'null')?.color?.media"


@pytest.mark.parametrize("system", ["light", "dark"])
@pytest.mark.parametrize("how", ["click", "Enter"])
def test_the_first_switch_always_changes_what_the_reader_sees(built_site, browser, system, how):
    context = browser.new_context(color_scheme=system, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(built_site.base_url + TOPIC)
    page.wait_for_function(VISIBLE_TOGGLE)
    toggle = page.locator("[data-mdx-palette] label:not([hidden])")
    seen = [page.evaluate(SHOWN)]
    media = [page.evaluate(SAVED_MEDIA, SAVED)]
    for _ in range(3):
        name = toggle.get_attribute("title")
        if how == "click":
            toggle.click()
        else:
            toggle.evaluate("label => label.previousElementSibling.focus()")
            page.keyboard.press("Enter")
        page.wait_for_function(
            f"() => __md_get('__palette')?.color?.media !== {json.dumps(media[-1])}"
        )
        seen.append(page.evaluate(SHOWN))
        media.append(page.evaluate(SAVED_MEDIA, SAVED))
        # The label said where it would go.
        expected = "system preference" if media[-1] == "(prefers-color-scheme)" else None
        expected = expected or ("dark mode" if seen[-1][0] == "slate" else "light mode")
        assert name == f"Switch to {expected}", (name, media)
    assert seen[1] != seen[0], f"the first {how} on a {system} system changed nothing: {seen}"
    assert len(set(media[1:])) == 3 and media[-1] == "(prefers-color-scheme)", media
    context.close()


# Records, from before the page is parsed, each change to the page's colour-scheme meta tag and
# to <html>'s classes, with whether the page's <main> existed yet.
# Inserting or changing a colour-scheme meta tag, or a class on <html>, makes the browser restyle
# the whole page; before the body is parsed that costs nothing.
START_UP_RECORDER = """window.mdxRecords = [];
new MutationObserver((records) => records.forEach((record) => {
    const late = !!document.querySelector("main");
    if (record.type === "attributes" && (record.target.tagName === "HTML"
            || record.target.name === "color-scheme")) {
        const now = record.target.getAttribute(record.attributeName);
        if (now !== record.oldValue)
            mdxRecords.push({what: `${record.target.tagName} ${record.attributeName}=${now}`,
                late});
    }
    for (const node of record.addedNodes)
        if (node.tagName === "META" && node.name === "color-scheme")
            mdxRecords.push({what: `added meta ${node.name}`, late});
})).observe(document, {subtree: true, childList: true, attributes: true, attributeOldValue: true,
    attributeFilter: ["content", "class"]})"""
# Material's colour-scheme for each of its schemes, and the header's colour as #rrggbb.
COLOR_SCHEME = {"default": "light", "slate": "dark"}
META = """() => [...document.querySelectorAll("meta[name=color-scheme], meta[name=theme-color]")]
    .map((meta) => `${meta.name} ${meta.content}`)"""
HEADER_HEX = """() => "#" + getComputedStyle(document.querySelector("header")).backgroundColor
    .match(/\\d+/g).map((c) => (+c).toString(16).padStart(2, "0")).join("")"""


@pytest.mark.parametrize(("system", "scheme"), [("light", "default"), ("dark", "slate")])
def test_the_page_starts_without_restyling_itself_for_its_scheme(
    built_site, browser, system, scheme
):
    context = browser.new_context(color_scheme=system)
    page = context.new_page()
    errors = record_errors(page)
    page.add_init_script(START_UP_RECORDER)
    page.goto(built_site.base_url + TOPIC)
    page.wait_for_function("() => window.document$ !== undefined")
    page.evaluate("() => new Promise((done) => document$.subscribe(() => setTimeout(done, 300)))")
    late = [record["what"] for record in page.evaluate("mdxRecords") if record["late"]]
    # Once the page's content exists, neither its colour-scheme tag nor <html>'s classes change:
    # not when Material's bundle starts, not when the guide's scripts mount.
    assert late == [], late
    # Each tag once, saying what the page shows.
    assert sorted(page.evaluate(META)) == [
        f"color-scheme {COLOR_SCHEME[scheme]}",
        f"theme-color {page.evaluate(HEADER_HEX)}",
    ]
    context.close()
    assert errors == []


def test_switching_updates_the_meta_tags_and_saves_materials_format(built_site, browser):
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(built_site.base_url + TOPIC)
    page.locator("[data-mdx-palette] label:not([hidden])").click()  # light system: to dark
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert sorted(page.evaluate(META)) == [
        "color-scheme dark",
        f"theme-color {page.evaluate(HEADER_HEX)}",
    ]
    saved = page.evaluate("key => JSON.parse(localStorage.getItem(key))", SAVED)
    inputs = page.locator("[data-mdx-palette] input")
    chosen = inputs.nth(saved["index"])
    assert saved["color"] == {
        key: chosen.get_attribute(f"data-md-color-{key}")
        for key in ("media", "scheme", "primary", "accent")
    }
    # Material's own inline script (a page cached from before) reads the same value.
    assert saved["color"]["scheme"] == "slate"
    context.close()
