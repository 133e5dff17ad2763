"""Readers' storage never takes a feature down. Each state a browser's storage can be in (site
data blocked, storage full, values that are not JSON or not the shape the code expects under
the site's keys) is crossed with each feature (search, the scheme toggle, checklists, plans,
export): the feature works, no script fails, and every value the reader had is still stored,
under its key or a backup key."""

from __future__ import annotations

import json

import pytest

from tests.browser.helpers import (
    FIRST,
    KEY,
    SECOND,
    TOPIC,
    box,
    open_page,
    record_errors,
    value,
    wait_mounted,
)
from tests.conftest import SUB_PATH

pytestmark = pytest.mark.browser

# Material scopes its keys to the site's path, as the progress script does (KEY).
SCOPE = SUB_PATH
# Material shows the toggle for the current palette entry once its bundle has mounted.
VISIBLE_TOGGLE = "[data-mdx-palette] label:not([hidden])"

BLOCK = """for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, {
    get() { throw new DOMException("The site's data is blocked", "SecurityError"); },
  });
}"""
FILL = """Storage.prototype.setItem = () => {
  throw new DOMException("The quota has been exceeded", "QuotaExceededError");
};"""

# Values under the site's keys: Material's (palette, content tabs, announcement), one no code
# reads, and the progress script's.
NOT_JSON = {
    f"{SCOPE}.__palette": "{",
    f"{SCOPE}.__tabs": "[not, json",
    f"{SCOPE}.__announce": "undefined",
    f"{SCOPE}.__search": "\u0000garbage",
    KEY: "{not json",
}
WRONG_SHAPE = {
    f"{SCOPE}.__palette": json.dumps({"index": "dark", "color": "slate"}),
    f"{SCOPE}.__tabs": json.dumps({"tab": 1}),
    f"{SCOPE}.__announce": json.dumps("hash"),
    f"{SCOPE}.__search": json.dumps([None]),
    KEY: json.dumps({"version": 1, "items": [FIRST]}),
}
# A reader's saved tick and scheme, which a full storage must keep showing.
SAVED = {
    KEY: json.dumps(value({FIRST: True})),
    f"{SCOPE}.__palette": json.dumps(
        {
            "index": 2,
            "color": {
                "media": "(prefers-color-scheme: dark)",
                "scheme": "slate",
                "primary": "indigo",
                "accent": "indigo",
            },
        }
    ),
}


def seed(values: dict[str, str]) -> str:
    """Store ``values`` once, before the first page of the context runs a script."""
    return f"""if (localStorage.length === 0) {{
  for (const [key, raw] of Object.entries({json.dumps(values)})) localStorage.setItem(key, raw);
}}"""


# State -> (init script, values stored before the first page).
STATES = {
    "blocked": (BLOCK, {}),
    "full": (seed(SAVED) + FILL, SAVED),
    "not-json": (seed(NOT_JSON), NOT_JSON),
    "wrong-shape": (seed(WRONG_SHAPE), WRONG_SHAPE),
    "full-and-not-json": (seed(NOT_JSON) + FILL, NOT_JSON),
}


def can_save(state: str) -> bool:
    return state in ("not-json", "wrong-shape")


def search(page, base_url: str, state: str) -> None:
    open_page(page, base_url + TOPIC)  # "/" opens search once Material's bundle has started
    title = page.locator("article h1").inner_text().rstrip("¶").strip()
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially(title, delay=20)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for()
    hrefs = results.evaluate_all("links => links.map((link) => link.href)")
    assert any(href.startswith(base_url + TOPIC) for href in hrefs), hrefs


def scheme_toggle(page, base_url: str, state: str) -> None:
    page.goto(base_url + TOPIC)
    before = page.evaluate("document.body.dataset.mdColorScheme")
    entries = page.locator("[data-mdx-palette] input").count()
    for _ in range(entries):
        page.locator(VISIBLE_TOGGLE).click()
        if page.evaluate("document.body.dataset.mdColorScheme") != before:
            break
    chosen = page.evaluate("document.body.dataset.mdColorScheme")
    assert chosen != before
    if can_save(state):
        page.reload()
        page.locator(VISIBLE_TOGGLE).wait_for()
        assert page.evaluate("document.body.dataset.mdColorScheme") == chosen


def checklist(page, base_url: str, state: str) -> None:
    open_page(page, base_url + TOPIC)
    assert box(page, FIRST).is_checked() == (state == "full")  # a full storage still reads
    box(page, SECOND).check()
    assert box(page, SECOND).is_checked()
    done = 2 if state == "full" else 1
    status = page.locator("[data-mdx-component=checklist] .mdx-toolbar__status")
    assert f" {done} of " in status.text_content()
    if can_save(state):
        page.reload()
        wait_mounted(page)
        assert box(page, SECOND).is_checked()


def plan(page, base_url: str, state: str) -> None:
    open_page(page, base_url + "onboarding/")
    page.locator(".mdx-directory__box").first.check()
    page.locator(".mdx-plan-builder__link").click()
    page.wait_for_url("**/onboarding/plan/?*")
    page.wait_for_function("() => document.querySelector('main > [aria-live]') !== null")
    assert page.locator("[data-mdx-part]").count() == 1
    first = page.locator(".mdx-item__box").first
    first.check()
    assert first.is_checked()


def export(page, base_url: str, state: str) -> None:
    open_page(page, base_url + "topics/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    exported = json.loads(download.value.path().read_bytes())
    assert exported["version"] == 2 and isinstance(exported["items"], dict)
    expected = {FIRST} if state == "full" else set()
    assert {item for item, entry in exported["items"].items() if entry["done"]} == expected


FEATURES = {f.__name__: f for f in (search, scheme_toggle, checklist, plan, export)}


def stored_values(page) -> list[str]:
    return page.evaluate("() => Object.keys(localStorage).map((key) => localStorage.getItem(key))")


@pytest.mark.parametrize("feature", FEATURES)
@pytest.mark.parametrize("state", STATES)
def test_every_feature_works_in_every_storage_state(built_site, browser, state, feature):
    script, stored_before = STATES[state]
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    context.add_init_script(script)
    page = context.new_page()
    errors = record_errors(page)
    FEATURES[feature](page, built_site.base_url, state)
    assert errors == []
    if stored_before:
        # Nothing the reader had is lost: unusable values were moved to backup keys.
        kept = stored_values(page)
        assert [raw for raw in stored_before.values() if raw not in kept] == []
    context.close()


@pytest.mark.parametrize("values", [NOT_JSON, WRONG_SHAPE], ids=["not-json", "wrong-shape"])
def test_an_unusable_palette_value_is_backed_up_before_a_scheme_is_saved(
    built_site, browser, values
):
    context = browser.new_context(color_scheme="dark")
    context.add_init_script(seed(values))
    page = context.new_page()
    page.goto(built_site.base_url + TOPIC)
    page.locator(VISIBLE_TOGGLE).wait_for()
    # The system's scheme is shown, as on a first visit.
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    key = f"{SCOPE}.__palette"
    backups = page.evaluate(
        "key => Object.keys(localStorage).filter((k) => k.startsWith(key + '.backup-'))", key
    )
    assert [page.evaluate("k => localStorage.getItem(k)", k) for k in backups] == [values[key]]
    # Nothing is saved until the reader picks a scheme; then the pick is saved in its place.
    assert page.evaluate("k => localStorage.getItem(k)", key) is None
    page.locator(VISIBLE_TOGGLE).click()
    saved = json.loads(page.evaluate("k => localStorage.getItem(k)", key))
    assert saved["color"]["scheme"] == page.evaluate("document.body.dataset.mdColorScheme")
    # Keys no code reads stay as they are.
    search_key = f"{SCOPE}.__search"
    assert page.evaluate("k => localStorage.getItem(k)", search_key) == values[search_key]
    context.close()
