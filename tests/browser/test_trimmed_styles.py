"""Trimming Material's stylesheet (hooks/unused_css.py) changes no style the reader sees.

Each case opens a built page, brings it into a state (scheme, width, open search or drawer,
print media), records the computed style of every element and its ::before and ::after, then
swaps the trimmed stylesheet for Material's original in the same page and records again. Any
difference names the element and the property.
"""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from tests.browser.helpers import open_page

pytestmark = pytest.mark.browser

ORIGINAL_URL = "assets/stylesheets/original-main.css"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# Every property of every element and pseudo-element, before and after the swap; the page
# answers with the differences only (the full records run to megabytes on large pages).
COMPARE = """async (originalUrl) => {
  const settle = async () => {
    await Promise.all(document.getAnimations().map((animation) => animation.finished));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  };
  // One string per element and pseudo-element; a pseudo-element without content renders
  // nothing, so its content value stands for it.
  const record = () => {
    const out = [];
    for (const element of document.querySelectorAll("*")) {
      for (const pseudo of [null, "::before", "::after"]) {
        const style = getComputedStyle(element, pseudo);
        const content = pseudo && style.getPropertyValue("content");
        if (pseudo && (content === "none" || content === "normal")) {
          out.push([element, pseudo, content, null]);
          continue;
        }
        const values = [];
        for (let i = 0; i < style.length; i++) values.push(style.getPropertyValue(style[i]));
        out.push([element, pseudo, values.join("\\n"), [...style]]);
      }
    }
    return out;
  };
  const name = (element) => element.tagName.toLowerCase()
    + (element.id ? "#" + element.id : "")
    + [...element.classList].map((c) => "." + c).join("");
  await settle();
  const trimmed = record();
  const link = document.querySelector('link[rel=stylesheet][href*="/stylesheets/main."]');
  await new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = () => reject(new Error("original stylesheet did not load"));
    link.href = originalUrl;
  });
  await settle();
  const original = record();
  if (original.length !== trimmed.length) {
    return [`element count ${trimmed.length} -> ${original.length}`];
  }
  const differences = [];
  for (let i = 0; i < trimmed.length && differences.length < 20; i++) {
    const [element, pseudo, before, names] = trimmed[i];
    const after = original[i][2];
    if (before === after) continue;
    const [b, a] = [before.split("\\n"), after.split("\\n")];
    const label = `${name(element)}${pseudo ?? ""}`;
    if (!names || b.length !== a.length) {
      differences.push(`${label}: trimmed ${before.slice(0, 80)} / original ${after.slice(0, 80)}`);
      continue;
    }
    b.forEach((value, k) => {
      if (value === a[k]) return;
      differences.push(`${label} ${names[k]}: trimmed ${value} / original ${a[k]}`);
    });
  }
  return differences;
}"""


def _original_stylesheet(site_dir: Path) -> tuple[str, bytes]:
    """The built stylesheet's name and Material's own file of that name."""
    (built,) = (site_dir / "assets" / "stylesheets").glob("main.*.min.css")
    shipped = Path(material.__file__).parent / "templates" / "assets" / "stylesheets" / built.name
    assert shipped.is_file(), f"Material no longer ships {built.name}"
    assert len(built.read_bytes()) < 0.8 * len(shipped.read_bytes()), "it was not trimmed"
    return built.name, shipped.read_bytes()


def _open_search(page) -> None:
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("webhook", delay=20)
    page.locator(".md-search-result__item").first.wait_for()


def _open_drawer(page) -> None:
    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_timeout(300)  # the drawer slides in


CASES = {
    "home, cards, desktop, light": ("", DESKTOP, "light", None),
    "checklist, desktop, dark": ("topics/webhook-design/", DESKTOP, "dark", None),
    "plan builder, phone, light": ("onboarding/plan/", PHONE, "light", None),
    "timeline, phone, dark": ("guide/understanding-the-fundamentals/", PHONE, "dark", None),
    "search results, desktop, light": ("guide/final-thoughts/", DESKTOP, "light", _open_search),
    "search results, phone, dark": ("guide/final-thoughts/", PHONE, "dark", _open_search),
    "navigation drawer, phone, light": ("topics/", PHONE, "light", _open_drawer),
    "print page, printed": ("print_page/", DESKTOP, "light", "print"),
    "not found page, desktop, dark": ("no-such-page/", DESKTOP, "dark", None),
}


@pytest.mark.parametrize("case", CASES)
def test_trimming_changes_no_computed_style(built_site, browser, case):
    path, viewport, scheme, state = CASES[case]
    name, original = _original_stylesheet(built_site.site_dir)
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    try:
        page = context.new_page()
        page.route(
            f"**/{ORIGINAL_URL}",
            lambda route: route.fulfill(body=original, content_type="text/css"),
        )
        if path == "no-such-page/":
            page.goto(built_site.base_url + path)
        else:
            open_page(page, built_site.base_url + path)
        page.wait_for_load_state("networkidle")
        if state == "print":
            page.emulate_media(media="print")
        elif state:
            state(page)
        differences = page.evaluate(COMPARE, built_site.base_url + ORIGINAL_URL)
    finally:
        context.close()
    assert differences == [], f"{name} trimmed changes {case}:\n" + "\n".join(differences)
