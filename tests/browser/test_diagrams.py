"""Mermaid diagrams as CONTRIBUTING.md's "Add a diagram" recipe writes them: rendered from the
site's own copy of Mermaid under the Content Security Policy, in both colour schemes and on the
print page, and Mermaid loaded only where a page has a diagram."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from hooks.guards.built_pages import read_page
from tests.browser.helpers import wait_mounted
from tests.conftest import (
    PROJECT_DIR,
    BuiltSite,
    copy_project,
    project_catalogue,
    served_build,
)

# Every test here uses diagram_site: the group keeps them on one worker, which builds it once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("diagram-site")]

# The page the recipe's diagram goes into: any will do, so the first topic page.
_TOPIC = next(iter(project_catalogue().topics.values()))
PAGE = f"docs/{_TOPIC.page_source}"
PAGE_URL = _TOPIC.url
MERMAID = "assets/mermaid/mermaid.min.js"
# Material renders each diagram into a closed shadow root; tests open it to look inside.
OPEN_SHADOW_ROOTS = """{
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, { ...init, mode: "open" });
  };
}"""
COLLECT_VIOLATIONS = """window.violations = [];
document.addEventListener("securitypolicyviolation", (event) =>
  window.violations.push(`${event.violatedDirective} ${event.blockedURI}`));"""
DIAGRAM_SVG = "() => document.querySelector('div.mermaid')?.shadowRoot?.querySelector('svg')"


def recipe_diagram() -> str:
    """The fenced diagram of CONTRIBUTING.md's "Add a diagram" recipe, as written there."""
    text = (PROJECT_DIR / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("\n## Add a diagram\n", 1)[1].split("\n## ", 1)[0]
    return re.search(r"````markdown\n(.*?)\n````", section, re.S).group(1)


def node_labels(diagram: str) -> list[str]:
    """The texts of a flowchart's nodes (``id[text]`` and ``id{text}``)."""
    return re.findall(r"\w[\[{]([^\]}]+)[\]}]", diagram)


@pytest.fixture(scope="module")
def diagram_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """The project with the recipe's diagram added to a page, built and served under SUB_PATH."""
    project = copy_project(tmp_path_factory.mktemp("diagram") / "project")
    page = project / PAGE
    page.write_text(page.read_text(encoding="utf-8") + "\n" + recipe_diagram() + "\n")
    with served_build(project, project / "site") as site:
        yield site


def open_diagram(browser, site: BuiltSite, path: str, scheme: str, drawn: bool = True):
    """A page in a fresh context, once its diagram is drawn (unless ``drawn`` is False); with
    the requests it made to other hosts, its policy violations and script errors."""
    context = browser.new_context(color_scheme=scheme)
    context.add_init_script(OPEN_SHADOW_ROOTS)
    context.add_init_script(COLLECT_VIOLATIONS)
    page = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    host = urlsplit(site.base_url).netloc
    page.on("request", lambda r: outside.append(r.url) if urlsplit(r.url).netloc != host else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(site.base_url + path)
    if drawn:
        page.wait_for_function(DIAGRAM_SVG, timeout=15_000)
    return context, page, outside, errors


@pytest.mark.parametrize(("scheme", "material_scheme"), [("light", "default"), ("dark", "slate")])
def test_the_recipes_diagram_renders_from_the_site_under_the_policy(
    diagram_site, browser, scheme, material_scheme
):
    context, page, outside, errors = open_diagram(browser, diagram_site, PAGE_URL, scheme)
    assert page.evaluate("document.body.dataset.mdColorScheme") == material_scheme
    drawn = page.evaluate(f"({DIAGRAM_SVG})().textContent")
    for label in node_labels(recipe_diagram()):
        assert label in drawn
    # The code block is gone: no raw Mermaid source is shown.
    assert page.locator("pre.mermaid, pre code.language-mermaid").count() == 0
    assert "flowchart" not in page.locator("article").inner_text()
    box = page.locator("div.mermaid").bounding_box()
    assert box is not None and box["height"] > 50
    assert page.evaluate("window.violations") == []
    assert outside == [] and errors == []
    context.close()


def test_the_diagram_follows_the_colour_scheme(diagram_site, browser):
    label_colour = f"getComputedStyle(({DIAGRAM_SVG})().querySelector('.nodeLabel')).color"
    background = "getComputedStyle(document.body).backgroundColor"
    colours = {}
    for scheme in ("light", "dark"):
        context, page, _, _ = open_diagram(browser, diagram_site, PAGE_URL, scheme)
        colours[scheme] = (page.evaluate(label_colour), page.evaluate(background))
        context.close()
    assert colours["light"][0] != colours["dark"][0]
    # Each scheme's labels are in that scheme's text colour, not the other's.
    assert colours["light"][0] != colours["light"][1] and colours["dark"][0] != colours["dark"][1]


def test_the_print_page_shows_the_diagram(diagram_site, browser):
    context, page, outside, errors = open_diagram(browser, diagram_site, "print_page/", "light")
    drawn = page.evaluate(f"({DIAGRAM_SVG})().textContent")
    assert all(label in drawn for label in node_labels(recipe_diagram()))
    assert page.evaluate("window.violations") == [] and outside == [] and errors == []
    context.close()


# When the page requested Mermaid and Material's bundle, and when it finished each (resource
# timing, ms), with its first contentful paint.
SCRIPT_TIMES = """() => ({
    paint: performance.getEntriesByName("first-contentful-paint")[0].startTime,
    ...Object.fromEntries(performance.getEntriesByType("resource")
        .filter((entry) => /mermaid\\.min\\.js$|javascripts\\/bundle\\./.test(entry.name))
        .map((entry) => [entry.name.includes("mermaid") ? "mermaid" : "bundle",
                         [entry.startTime, entry.responseEnd]])),
})"""


def test_mermaid_loads_only_on_pages_with_a_diagram_and_before_materials_bundle(
    diagram_site, browser
):
    """No page names Mermaid in its markup; the page loader requests it after the first paint
    where the page has a diagram, and has it before it requests Material's bundle."""
    site_dir: Path = diagram_site.site_dir
    with_diagram = []
    for html_file in sorted(site_dir.rglob("*.html")):
        html = html_file.read_text(encoding="utf-8")
        reading = read_page(html)
        assert [src for src, _ in reading.scripts if src.endswith(MERMAID)] == [], html_file
        assert [src for src, _ in reading.later_scripts if src.endswith(MERMAID)] == []
        if '<pre class="mermaid">' in html:
            with_diagram.append(html_file.relative_to(site_dir).as_posix())
    assert sorted(with_diagram) == sorted(["print_page/index.html", PAGE_URL + "index.html"])
    without_diagram = next(iter(project_catalogue().chapters.values())).url
    for path in (PAGE_URL, "print_page/", without_diagram):
        context, page, _, errors = open_diagram(browser, diagram_site, path, "light", drawn=False)
        wait_mounted(page)
        times = page.evaluate(SCRIPT_TIMES)
        context.close()
        assert errors == [], path
        assert times["bundle"][0] > times["paint"], path
        if path == without_diagram:
            assert "mermaid" not in times, path
            continue
        assert times["paint"] < times["mermaid"][0], path
        assert times["mermaid"][1] <= times["bundle"][0], path
