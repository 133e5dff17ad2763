"""Shared steps for the progress tests: open a page once the script has mounted, read and seed
the saved progress, collect script errors and run axe."""

from __future__ import annotations

import functools
import json
import time
import weakref
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from hooks.content.catalogue import Topic
from tests.conftest import PROJECT_DIR, SUB_PATH, project_catalogue

# One versioned key per site, scoped to the site's path (GitHub Pages serves many sites per origin).
KEY = f"{SUB_PATH}.mdx-progress"
# Pages and items the tests use, taken from the data (today's ids and titles change with every
# review): the first topic's checklist and its first two items, the page with the phase cards and
# the page whose source shows the timeline.
CATALOGUE = project_catalogue()
CHECKLIST: Topic = next(iter(CATALOGUE.topics.values()))
TOPIC = CHECKLIST.url
FIRST, SECOND = (item.id for item in CHECKLIST.items[:2])
FRAMEWORK = CATALOGUE.framework_url
TIMELINE_MACRO = "[[% timeline() %]]"


def page_sources() -> dict[str, str]:
    """Every published page's Markdown source by its site-relative URL ("guide/x/"), nav order."""
    docs = PROJECT_DIR / "docs"
    return {
        url: (docs / source).read_text(encoding="utf-8") for source, url in CATALOGUE.pages.items()
    }


def page_calling(macro: str) -> str:
    """The site-relative URL ("guide/x/") of the first page, in nav order, whose source calls
    ``macro`` (e.g. "[[% timeline() %]]"); AssertionError if none does."""
    for url, text in page_sources().items():
        if macro in text:
            return url
    raise AssertionError(f"no page under docs/ calls {macro}")


TIMELINE = page_calling(TIMELINE_MACRO)
STAMP = "2024-01-02T03:04:05.000Z"


def open_page(page, url: str) -> None:
    """Go to a page and wait until the script has mounted its components."""
    page.goto(url)
    wait_mounted(page)


# Material's bundle has started (the page loader adds it after the first paint, often after the
# load event Playwright's goto waits for), the guide's scripts have mounted the page's
# components (they add the live region), where it has any, and the long parts a page opened at
# its top leaves unlaid-out at first are laid out (overrides/main.html).
MOUNTED = """() => (window.document$ !== undefined
        || !document.querySelector('script[data-mdx-bundle]'))
    && (document.querySelector('main > [aria-live]') !== null
        || !document.querySelector('script[data-mdx-loader]')?.dataset.mdxScripts)
    && (!document.documentElement.classList.contains('mdx-lazy-layout')
        || document.documentElement.hasAttribute('data-mdx-laid-out'))"""


def wait_mounted(page, polling: str | float = "raf") -> None:
    """Wait until Material's bundle has started and the page's scripts have mounted its
    components; a page that loads none of the guide's scripts waits for Material's alone.
    Playwright checks once per animation frame unless ``polling`` gives an interval in
    milliseconds: a page whose requestAnimationFrame never calls back (tests of a background
    tab) needs the interval."""
    page.wait_for_function(MOUNTED, polling=polling)


# Each page's requests still in flight, as its request events report them.
_IN_FLIGHT: weakref.WeakKeyDictionary[Any, set[Any]] = weakref.WeakKeyDictionary()


def _in_flight(page) -> set[Any]:
    if page not in _IN_FLIGHT:
        requests: set[Any] = set()
        # Playwright calls Python functions only, not builtin methods such as set.add.
        page.on("request", lambda request: requests.add(request))
        page.on("requestfinished", lambda request: requests.discard(request))
        page.on("requestfailed", lambda request: requests.discard(request))
        _IN_FLIGHT[page] = requests
    return _IN_FLIGHT[page]


def goto_settled(page, url: str, timeout_s: float = 30):
    """Open ``url`` and return goto's response once the page has settled: Material's bundle and
    the guide's scripts have started (``wait_mounted``) and no request the page made is still in
    flight (Material's search worker and index, which its bundle requests as it starts).
    Playwright's "networkidle" is not enough: the page loader starts the scripts after the first
    paint, which on a busy machine can come after half a second without requests, and a test
    that moves on then cancels them. Fails after ``timeout_s`` seconds with what is in flight."""
    _in_flight(page)
    response = page.goto(url)
    wait_settled(page, timeout_s)
    return response


def wait_settled(page, timeout_s: float = 30) -> None:
    """Wait as ``goto_settled`` does, for the page as it is now (after a redirect, say); the
    requests counted are those made since the page's first ``goto_settled``."""
    requests = _in_flight(page)
    wait_mounted(page)
    deadline = time.monotonic() + timeout_s
    while requests:
        assert time.monotonic() < deadline, f"{page.url}: in flight: {[r.url for r in requests]}"
        page.wait_for_timeout(20)  # lets Playwright deliver the request events


def box(page, item_id: str):
    return page.locator(f"#{item_id}--box")


def stored(page) -> dict[str, Any] | None:
    raw = page.evaluate("key => localStorage.getItem(key)", KEY)
    return None if raw is None else json.loads(raw)


def ticks(page) -> set[str]:
    data = stored(page) or {"items": {}}
    return {item for item, entry in data["items"].items() if entry["done"]}


def value(items: dict[str, bool], start_date: str | None = None) -> dict[str, Any]:
    """A stored progress value with the given ticks (True) and unticks (False)."""
    return {
        "version": 1,
        "items": {item: {"done": done, "at": STAMP} for item, done in items.items()},
        "startDate": start_date,
    }


def seed(context, raw: str) -> None:
    """Store a raw progress value before the first page of the context loads (only once, so a
    reload sees what the page saved)."""
    context.add_init_script(
        f"""if (!sessionStorage.getItem("seeded")) {{
            sessionStorage.setItem("seeded", "1");
            localStorage.setItem({json.dumps(KEY)}, {json.dumps(raw)});
        }}"""
    )


def record_errors(page) -> list[str]:
    """Uncaught errors, rejected promises and console errors of a page."""
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}") if message.type == "error" else None
        ),
    )
    return problems


def live_text(page) -> str:
    return page.locator("main > [aria-live]").text_content()


def axe_violations(page) -> list[dict[str, Any]]:
    """axe-core violations on the page as it is now (Material's markup included). axe is added
    to the document once: a second run on the same load (the other scheme) reuses it."""
    from axe_playwright_python.sync_playwright import DEFAULT_OPTIONS, Axe

    if not page.evaluate("() => typeof window.axe?.run === 'function'"):
        page.evaluate(Axe().axe_script)
    return page.evaluate("options => axe.run(options)", DEFAULT_OPTIONS)["violations"]


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"  {n['target']}: {n['failureSummary']}" for n in v["nodes"])
        for v in violations
    )


# Material's colour scheme (body[data-md-color-scheme]) for each system setting: Material follows
# the system until the reader picks a scheme.
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}
# The readers layout and behaviour tests walk with: a phone's width and a desktop's, each once, and
# each colour scheme once. A scheme changes colours only, never where anything is or what it does
# (tests/build/test_colour_schemes.py fails when a stylesheet's scheme rule sets anything else);
# colours are axe's to judge, and the axe tests run in both schemes at each width of WIDTHS
# (axe_in_both_schemes).
LAYOUTS = [(390, "light"), (1280, "dark")]
WIDTHS = [width for width, _ in LAYOUTS]


def follow_system_scheme(page, scheme: str) -> None:
    """Switch the system colour scheme ``page`` emulates to ``scheme`` ("light" or "dark") and
    wait until the page shows it: the palette script follows the system setting while the reader
    has saved no scheme of their own, and its switch is over two frames later (when it removes
    data-md-color-switching). The page as a fresh load in that scheme has it: the script applies
    a switch as it applies the scheme at start-up."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.emulate_media(color_scheme=scheme)
    try:
        page.wait_for_function(
            """scheme => document.body.dataset.mdColorScheme === scheme
                && !document.body.hasAttribute("data-md-color-switching")""",
            arg=MATERIAL_SCHEME[scheme],
        )
    except PlaywrightTimeout:
        shown = page.evaluate("document.body.dataset.mdColorScheme")
        raise AssertionError(
            f"{page.url}: the system scheme is {scheme}, the page shows {shown!r}"
        ) from None


def axe_in_both_schemes(page) -> dict[str, str]:
    """axe on the page as it is now, in the light scheme and then in the dark one, on the same
    load (follow_system_scheme switches between the runs): what it found, described, by scheme;
    empty when it found nothing. The page keeps the dark scheme."""
    found = {}
    for scheme in MATERIAL_SCHEME:
        follow_system_scheme(page, scheme)
        if violations := axe_violations(page):
            found[scheme] = describe(violations)
    return found


def reader_context(browser, width: int, scheme: str):
    """A browser context as a reader at ``width`` CSS px in ``scheme`` ("light" or "dark") has
    it: a phone's height at 390 px, a laptop's at 1280 px."""
    return browser.new_context(
        viewport={"width": width, "height": 844 if width < 600 else 900}, color_scheme=scheme
    )


def visible_empty_blocks(page, selector: str) -> list[str]:
    """Elements inside ``selector`` that take up height but show nothing (no text, no control,
    no image): blank bands a reader sees as a gap. Each as "card id > tag.class"."""
    return page.eval_on_selector_all(
        selector,
        """cards => cards.flatMap(card => [...card.querySelectorAll("*")]
            .filter(el => el.offsetHeight > 0 && !el.textContent.trim()
                && !el.querySelector("input, img, svg, progress, button")
                && !el.matches("input, img, svg, progress, button, br, hr, span.mdx-item__alias"))
            .map(el => `${card.id} > ${el.tagName.toLowerCase()}.${el.className}`))""",
    )


def markup_kind(html: str) -> frozenset[tuple[str, tuple[str, ...]]]:
    """What a page is built of, without its text: the set of (tag, classes) of every element in
    its body. Two pages of one kind differ only in words, which axe does not judge."""
    body = LexborHTMLParser(html).body
    return frozenset(
        (node.tag, tuple(sorted((node.attributes.get("class") or "").split())))
        for node in body.traverse()
        if node.tag not in ("-text", "-comment")
    )


@functools.cache
def same_markup_as(site_dir: Path, paths: tuple[str, ...]) -> dict[str, str]:
    """For each site-relative page path ("guide/x/", "" for home), the first of ``paths`` whose
    built page in ``site_dir`` is of the same markup_kind (itself, for the first of its kind)."""
    first: dict[frozenset[tuple[str, tuple[str, ...]]], str] = {}
    found = {}
    for path in paths:
        kind = markup_kind((site_dir / path / "index.html").read_text(encoding="utf-8"))
        found[path] = first.setdefault(kind, path)
    return found


def layout_shift_after_mount(context, url: str) -> float:
    """The page's cumulative layout shift (shifts without recent input) from before it is parsed
    until two frames after its components have mounted; closes ``context``."""
    context.add_init_script(
        """window.mdxShift = 0;
        new PerformanceObserver(list => {
            for (const entry of list.getEntries()) {
                if (!entry.hadRecentInput) window.mdxShift += entry.value;
            }
        }).observe({type: "layout-shift", buffered: true});"""
    )
    page = context.new_page()
    open_page(page, url)
    page.evaluate(
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )
    shift = page.evaluate("window.mdxShift")
    context.close()
    return shift
