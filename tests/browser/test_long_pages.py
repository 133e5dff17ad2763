"""Long pages leave their long parts unlaid-out while Material's bundle starts up and lay them
out one per frame afterwards (`content-visibility: auto` in assets/mdx.css and the inline script
in overrides/main.html: the print page's chapters and sections, and tables such as the reviews
page's), and a reader still reaches every part: a link to a chapter or heading lands on it,
whether it opens the page, is followed on it (a click, as the table of contents does) or changes
the address some other way (a script, history), even before the parts are laid out; a reload
keeps the reader's place; without JavaScript the page is laid out whole. Paper prints it all
(tests/browser/test_print_page.py). Find in page and assistive technology reach unlaid-out text
by the property's definition (CSS Containment Level 2)."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.browser.helpers import LAYOUTS, open_page, reader_context, wait_mounted

pytestmark = pytest.mark.browser

# The class the inline script puts on <html> while a page opened at its top lays out its parts.
LAZY = "mdx-lazy-layout"
# Each long page and the parts it lays out late: the print page's chapters and sections;
# Material's wrapper around each table (its bundle adds it).
PAGES = {
    "print_page/": "section.print-page[id]",
    "about/reviews/": ".md-typeset__scrollwrap",
}
# Keeps the page in its first state (parts unlaid-out): the page's own listener for the event
# the page loader sends once the page's scripts have started never hears it; the test hears it,
# so it knows the loader is done.
HOLD = """addEventListener("mdx-started", (event) => {
    event.stopImmediatePropagation();
    window.mdxHeld = true;
}, {capture: true});"""
# Where the element a link leads to lands: its scroll margin below the top of the screen (Material
# gives headings one that clears its header), as on a page laid out whole; the last parts of the
# page stop short of it, as far as the page can scroll.
LANDS = """id => {
    const element = document.getElementById(id);
    const target = element.getBoundingClientRect().top;
    const margin = parseFloat(getComputedStyle(element).scrollMarginTop) || 0;
    const atEnd = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
    return {target, margin, atEnd, visible: target >= 0 && target < innerHeight};
}"""
# Whether each part's contents are laid out (an element with content-visibility: auto is itself
# laid out; its contents are skipped until it nears the screen).
LAID_OUT = """selector => [...document.querySelectorAll(selector)].map(
    el => el.firstElementChild.checkVisibility({contentVisibilityAuto: true}))"""
# A same-page link followed as a reader follows one: a click on an <a href="#id">.
CLICK = """id => {
    const link = Object.assign(document.createElement("a"), {href: "#" + id, textContent: id});
    document.querySelector("article").prepend(link);
    link.click();
    link.remove();
}"""
# What is on screen a third of the way down: the element there, its first words and its top.
TEXT = "tr, p, li, h1, h2, h3, h4, pre"
TEXT_AT_POINT = f"""() => {{
    const point = document.elementFromPoint(innerWidth / 2, innerHeight / 3);
    if (point.closest("{TEXT}")) return true;
    scrollBy(0, -8);
    return false;
}}"""
PLACE = f"""() => {{
    const point = document.elementFromPoint(innerWidth / 2, innerHeight / 3);
    const element = point.closest("{TEXT}") ?? point;
    return [element.tagName, element.textContent.trim().replace(/\\s+/g, " ").slice(0, 120),
            element.getBoundingClientRect().top];
}}"""


def targets(built_site, page_url: str) -> list[str]:
    """Far places on the built page a link can lead to, top to bottom: ids of chapters and
    headings (h2 to h4) about a third and two thirds down the page, and the last one."""
    html = (built_site.site_dir / page_url / "index.html").read_text(encoding="utf-8")
    article = LexborHTMLParser(html).css_first("article")
    ids = [
        node.attributes["id"]
        for node in article.css("section.print-page[id], h2[id], h3[id], h4[id]")
    ]
    assert len(ids) >= 3, f"{page_url}: too few headings to test"
    return list(dict.fromkeys([ids[len(ids) // 3], ids[2 * len(ids) // 3], ids[-1]]))


def after_two_frames(page) -> None:
    page.evaluate(
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )


def astray(page, anchor: str, how: str) -> str | None:
    where = page.evaluate(LANDS, anchor)
    if abs(where["target"] - where["margin"]) <= 2 or (where["atEnd"] and where["visible"]):
        return None
    return f"#{anchor} ({how}): {where}"


def lazy(page) -> bool:
    return page.evaluate("name => document.documentElement.classList.contains(name)", LAZY)


def held_page(context, url: str):
    """``url`` opened at its top in a new tab of ``context`` and kept in its first state."""
    page = context.new_page()
    page.add_init_script(HOLD)
    page.goto(url)
    page.wait_for_function("() => window.mdxHeld === true")
    after_two_frames(page)
    return page


@pytest.mark.parametrize("page_url", PAGES)
@pytest.mark.parametrize(("width", "scheme"), LAYOUTS, ids=[f"{w}px-{s}" for w, s in LAYOUTS])
def test_long_parts_are_laid_out_later_and_every_link_lands_on_its_target(
    built_site, browser, page_url, width, scheme
):
    url = built_site.base_url + page_url
    context = reader_context(browser, width, scheme)
    # At first, after Material's bundle has started, the last part is not laid out.
    page = held_page(context, url)
    assert lazy(page)
    first = page.evaluate(LAID_OUT, PAGES[page_url])
    assert len(first) > 1 and not first[-1], f"{page_url}: the last part is laid out: {first}"
    page.close()
    # Then every part is laid out, one per frame.
    page = context.new_page()
    open_page(page, url)
    assert lazy(page) and all(page.evaluate(LAID_OUT, PAGES[page_url]))
    wrong = []
    for anchor in targets(built_site, page_url):
        # A jump before the parts are laid out, a click or a script setting the address.
        for how, jump in (("click", CLICK), ("script", "id => { location.hash = id; }")):
            held = held_page(context, url)
            held.evaluate(jump, anchor)
            after_two_frames(held)
            wrong.append(astray(held, anchor, how))
            held.close()
        # Opening the page at the link, as from chat: laid out whole from the start.
        open_page(page, f"{url}?from-chat#{anchor}")
        after_two_frames(page)
        assert not lazy(page)
        wrong.append(astray(page, anchor, "opened"))
    context.close()
    assert [problem for problem in wrong if problem] == []


@pytest.mark.parametrize("down", [0.3, 0.7, 1.0])
@pytest.mark.parametrize("page_url", PAGES)
@pytest.mark.parametrize(("width", "scheme"), LAYOUTS, ids=[f"{w}px-{s}" for w, s in LAYOUTS])
def test_a_reload_keeps_the_readers_place_before_the_page_is_laid_out(
    built_site, browser, page_url, down, width, scheme
):
    """A reader who dragged the scroll bar down (to the end, too), past parts not laid out yet,
    and reloads is brought back to the same text at the same place: the page is laid out whole
    before it is left, keeping that text on screen, so the position the browser keeps holds for
    the page laid out whole (and, on the reviews page, once Material's bundle has wrapped the
    tables again; near the end, the position the page saved as it was left)."""
    context = reader_context(browser, width, scheme)
    page = held_page(context, built_site.base_url + page_url)
    page.evaluate("down => scrollTo(0, document.documentElement.scrollHeight * down)", down)
    # The reader sees text there once the part around it is laid out (a frame or two later);
    # a point between two blocks is moved up to the line of text above.
    page.wait_for_function(TEXT_AT_POINT)
    before = page.evaluate(PLACE)
    page.reload()
    wait_mounted(page)
    after_two_frames(page)
    after = page.evaluate(PLACE)
    context.close()
    assert after[:2] == before[:2] and abs(after[2] - before[2]) <= 2, (before, after)


@pytest.mark.parametrize("page_url", PAGES)
def test_without_javascript_long_pages_are_laid_out_whole(built_site, browser, page_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(built_site.base_url + page_url)
    styles = page.eval_on_selector_all(
        "section.print-page[id], article table",
        "els => els.map(el => getComputedStyle(el).contentVisibility)",
    )
    context.close()
    assert styles and set(styles) == {"visible"}
