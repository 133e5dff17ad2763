"""Material's components look exactly as Material's own stylesheets draw them.

A project copy gets one page holding every component Material documents and mkdocs.yml enables
(content tabs that overflow, annotations, tooltips, abbreviations, details, grids, a data table,
footnotes, emoji and icons, math, admonitions, task lists, keys, formatting, buttons, code blocks
with line numbers and highlighted lines). Each case opens it at a phone's or a desktop's width in
the light or dark scheme, brings Material's scripts to add what they build at run time (the
content tabs' scroll controls, whose class names the bundle puts together from parts, the
annotation and tooltip boxes), records the computed style of every element of the header, the
sidebars, the article and the tooltips, with its ::before and ::after (every property either
stylesheet declares), then puts Material's own shipped stylesheets in place of the served ones
and records again. Any difference names the element and the property: a trim or rewrite of
Material's stylesheets that drops a rule a component needs fails here. Both stylesheets are
also compared with Material's files as a whole: the site serves them as Material ships them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import material
import pytest

from tests.browser.helpers import record_errors
from tests.conftest import (
    copy_project,
    replace_in,
    served_build,
)

# Every test here uses components_site: the group keeps them on one worker, which builds it once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("components-site")]

PAGE = "components.md"
PAGE_URL = "components/"
SHIPPED = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
STYLESHEETS = "assets/stylesheets"
# Material's files, served next to the site's own under these names for the swap.
ORIGINAL = {"main": "material-main.css", "palette": "material-palette.css"}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SCHEMES = {"light": "default", "dark": "slate"}
# Labels long enough to overflow the tab bar at 1280 px as well as at 390 px.
TAB_LABELS = [f"Deployment target {number}" for number in range(1, 13)]
TABS = "\n".join(
    f'=== "{label}"\n\n    Content of the {label.lower()} tab.\n' for label in TAB_LABELS
)

COMPONENTS = f"""---
description: Every component Material for MkDocs documents, as this site renders it.
---

# Components

{TABS}

## Code blocks

``` py title="bubble_sort.py" linenums="1" hl_lines="2 3"
def bubble_sort(items):
    for i in range(len(items)):  # (1)!
        for j in range(len(items) - 1 - i):
            if items[j] > items[j + 1]:
                items[j], items[j + 1] = items[j + 1], items[j]
```

1.  An annotation inside a code block, with `code` and **bold** text.

Inline highlighted code: `#!python range(10)`.

## Annotations

Text with an annotation (1) and a second one (2).
{{ .annotate }}

1.  The first annotation.
2.  The second annotation, with a nested list:
    - one
    - two

## Tooltips and abbreviations

A [link with a tooltip](#data-tables "Jump to the data table") and the HTML specification.

*[HTML]: Hyper Text Markup Language

## Admonitions

!!! note
    A note.

!!! abstract "Custom title"
    An abstract.

!!! info ""
    An info box without a title.

!!! tip
    A tip.

!!! success
    A success.

!!! question
    A question.

!!! warning
    A warning.

!!! failure
    A failure.

!!! danger
    A danger.

!!! bug
    A bug.

!!! example
    An example.

!!! quote
    A quote.

!!! note inline
    An inline note.

!!! tip inline end
    An inline note at the end.

## Details

??? question "A closed details block"
    Hidden until opened.

???+ success "An open details block"
    Shown from the start.

## Grids

<div class="grid cards" markdown>

-   :material-clock-fast:{{ .lg .middle }} __Set up in minutes__

    ---

    A card with an icon, a rule and a [button](#data-tables){{ .md-button }}.

-   :fontawesome-brands-markdown:{{ .lg .middle }} __Written in Markdown__

    ---

    A second card.

</div>

<div class="grid" markdown>

!!! tip "A generic grid"
    An admonition in a grid.

``` title="code in a grid"
grid item
```

</div>

## Data tables

| Method   | Description                          | Cost |
| :------- | :----------------------------------: | ---: |
| `GET`    | :material-check: Fetch resource      | 1    |
| `PUT`    | :material-check-all: Update resource | 2    |
| `DELETE` | :material-close: Delete resource     | 3    |

## Footnotes

A sentence with a footnote[^1] and a longer one.[^2]

[^1]: The first footnote.
[^2]:
    The second footnote, over two paragraphs.

    Its second paragraph.

## Emoji and icons

:smile: :rocket: :material-account-circle: :fontawesome-regular-face-laugh-wink:
:octicons-repo-16: :simple-python:

## Math

Inline math: $E = mc^2$ and \\(a^2 + b^2 = c^2\\).

$$
\\operatorname{{ker}} f=\\{{g\\in G:f(g)=e_{{H}}\\}}{{\\mbox{{.}}}}
$$

## Lists

- [x] A done task
- [ ] An open task
    - [x] A nested done task

1. An ordered item
2. Another

`Term`
:   A definition.

## Formatting

==Marked==, ^^inserted^^, ~~deleted~~, H~2~O, x^2^, ++ctrl+alt+del++, and a
[primary button](#data-tables){{ .md-button .md-button--primary }}.

Critic marks: {{--deleted--}}, {{++added++}}, {{~~this~>that~~}},
{{==highlighted==}}{{>>a comment<<}}.

> A block quote.

---

![A square](square.svg){{ align=left width="48" }}

Text beside an image aligned to the left.

<figure markdown="span">
  ![A lazily loaded square](square.svg){{ width="96" loading=lazy }}
  <figcaption>An image with a caption</figcaption>
</figure>
"""
SQUARE = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>'
)

# The elements compared: the page's content, the header, both sidebars (navigation and table of
# contents) and the tooltips Material adds outside them. Inside inline SVG icons, all inherits.
RECORDED = ", ".join(
    f"{root}, {root} *:not(svg *)"
    for root in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        "article",
        ".md-tooltip2",
    )
)

# A property a stylesheet declares, in a minified rule body ("{name:" or ";name:"); custom
# properties (--md-…) are left out: what they change shows in the properties that use them.
DECLARED = re.compile(r"[{;](-?[a-z][a-z-]*):")

# Every recorded property of every element and pseudo-element, before and after the swap; the page
# answers with the differences only (the full records run to megabytes).
COMPARE = """async ([RECORDED, properties, originals]) => {
  // Transitions and one-off animations run to their end; an endless one (the annotation
  // markers' pulse) is held at its start, so both records see the same frame of it.
  const settle = async () => {
    const animations = document.getAnimations();
    for (const animation of animations) {
      if (animation.effect.getComputedTiming().iterations !== Infinity) continue;
      animation.pause();
      animation.currentTime = 0;
    }
    const ended = animations.filter((animation) => animation.playState === "running");
    const timeout = new Promise((_, reject) => setTimeout(
      () => reject(new Error("animations still running after 5 s")), 5000));
    await Promise.race([Promise.all(ended.map((animation) => animation.finished)), timeout]);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  };
  // One string per element and pseudo-element; a pseudo-element without content renders
  // nothing, so its content value stands for it.
  const record = () => {
    const out = [];
    for (const element of document.querySelectorAll(RECORDED)) {
      for (const pseudo of [null, "::before", "::after"]) {
        const style = getComputedStyle(element, pseudo);
        const content = pseudo && style.getPropertyValue("content");
        if (pseudo && (content === "none" || content === "normal")) {
          out.push([element, pseudo, content, null, content]);
          continue;
        }
        const values = properties.map((property) => style.getPropertyValue(property));
        out.push([element, pseudo, values.join("\\n"), properties, content]);
      }
    }
    return out;
  };
  const name = (element) => element.tagName.toLowerCase()
    + (element.id ? "#" + element.id : "")
    + [...element.classList].map((c) => "." + c).join("");
  // The original goes in beside the served stylesheet and the served one goes once it has
  // loaded, so the page is never unstyled (Material's scripts would react to that).
  const swap = (kind, href) => new Promise((resolve, reject) => {
    const served = document.querySelector(`link[rel=stylesheet][href*="/stylesheets/${kind}."]`);
    if (!served) return reject(new Error(`no ${kind} stylesheet on the page`));
    const original = served.cloneNode();
    original.onload = () => { served.remove(); resolve(); };
    original.onerror = () => reject(new Error(`${href} did not load`));
    original.href = href;
    served.after(original);
  });
  await settle();
  const served = record();
  await Promise.all(Object.entries(originals).map(([kind, href]) => swap(kind, href)));
  await settle();
  const original = record();
  if (original.length !== served.length) {
    return {count: 1, shown: [`element count ${served.length} -> ${original.length}`]};
  }
  const differences = [];
  for (let i = 0; i < served.length; i++) {
    const [element, pseudo, before, names, content] = served[i];
    const [, , after, originalNames, originalContent] = original[i];
    if (before === after) continue;
    const [b, a] = [before.split("\\n"), after.split("\\n")];
    const label = `${name(element)}${pseudo ?? ""}`;
    if (!names || !originalNames) {  // a pseudo-element only one of them draws
      differences.push(`${label} content: served ${content} / Material's ${originalContent}`);
      continue;
    }
    b.forEach((value, k) => {
      if (value === a[k]) return;
      differences.push(`${label} ${names[k]}: served ${value} / Material's ${a[k]}`);
    });
  }
  return {count: differences.length, shown: differences.slice(0, 40)};
}"""

# What Material's bundle builds at run time is there: both scroll controls of the tab bar (shown
# once the labels are scrolled to the middle), the annotation markers and the table wrapper.
MOUNTED = """() => document.querySelectorAll(
        '.md-content__inner > .tabbed-set > .tabbed-control--prev + .tabbed-control--next').length
    && document.querySelectorAll('.md-annotation__index').length >= 3
    && document.querySelector('.md-typeset__scrollwrap') !== null"""
SCROLL_TABS = """() => {
    const labels = document.querySelector('.md-content__inner > .tabbed-set .tabbed-labels');
    labels.scrollLeft = (labels.scrollWidth - labels.clientWidth) / 2;
    return labels.scrollWidth > labels.clientWidth;
}"""
CONTROLS_SHOWN = """() => [...document.querySelectorAll(
    '.md-content__inner > .tabbed-set > .tabbed-control')].every((control) => !control.hidden)"""


@pytest.fixture(scope="module")
def components_site(tmp_path_factory: pytest.TempPathFactory):
    """A built copy of the project with the components page, served under SUB_PATH, with
    Material's shipped stylesheets beside the served ones; yields (site_dir, base_url)."""
    project = copy_project(tmp_path_factory.mktemp("components") / "project")
    (project / "docs" / PAGE).write_text(COMPONENTS, encoding="utf-8")
    (project / "docs" / "square.svg").write_text(SQUARE, encoding="utf-8")
    replace_in(project / "mkdocs.yml", "  - Home: index.md\n", f"  - Home: index.md\n  - {PAGE}\n")
    # Material's improved tooltips, which the site leaves off (see mkdocs.yml): their styles are
    # part of Material's stylesheet all the same, so the comparison covers them.
    replace_in(
        project / "mkdocs.yml",
        "    - content.footnote.tooltips\n",
        "    - content.footnote.tooltips\n    - content.tooltips\n",
    )
    # Scripts a contributor adds as Material's documentation shows (extra_javascript), one
    # classic and one module, each recording what it found when it ran.
    (project / "docs" / "javascripts").mkdir()
    for name, source in RECIPE_SCRIPTS.items():
        (project / "docs" / "javascripts" / name).write_text(source, encoding="utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(RECIPE_CONFIG)

    with served_build(project, project.parent / "site") as site:
        for kind, target in ORIGINAL.items():
            (served,) = _served(site.site_dir, kind)
            shipped = SHIPPED / served.name
            assert shipped.is_file(), f"Material {material.__version__} ships no {served.name}"
            shutil.copyfile(shipped, site.site_dir / STYLESHEETS / target)
        yield site.site_dir, site.base_url


RECIPE_SCRIPTS = {
    "recipe.js": "document$.subscribe(() => (window.recipe ??= []).push('classic'));\n",
    "recipe.mjs": "(window.recipe ??= []).push(`module: ${typeof document$.subscribe}`);\n",
}
RECIPE_CONFIG = """
extra_javascript:
  - javascripts/recipe.js
  - path: javascripts/recipe.mjs
    type: module
"""


def test_scripts_added_as_materials_documentation_shows_run_after_material_starts(
    components_site, page
):
    """The page loader starts Material's bundle after the first paint; scripts from
    extra_javascript still find ``document$`` and run in their order, a module as a module."""
    _, base_url = components_site
    errors = record_errors(page)
    page.goto(base_url + PAGE_URL)
    page.wait_for_function("() => window.recipe?.length === 2")
    assert page.evaluate("window.recipe") == ["classic", "module: function"]
    assert errors == []


def _served(site_dir: Path, kind: str) -> list[Path]:
    """The site's built stylesheet(s) of ``kind`` ("main" or "palette"), minified files only."""
    return sorted(
        path
        for path in (site_dir / STYLESHEETS).glob(f"{kind}.*.css")
        if re.fullmatch(rf"{kind}\.[0-9a-f]+\.min\.css", path.name)
    )


def _properties(site_dir: Path) -> list[str]:
    """Every property the served or Material's stylesheets declare: a rule that one of them has
    and the other lacks changes at least one of these on the elements it matches."""
    files = [STYLESHEETS + "/" + name for name in ORIGINAL.values()]
    files += [p.relative_to(site_dir).as_posix() for k in ORIGINAL for p in _served(site_dir, k)]
    css = "".join((site_dir / name).read_text(encoding="utf-8") for name in files)
    return sorted(set(DECLARED.findall(css)))


def test_materials_stylesheets_are_served_as_material_ships_them(components_site):
    """No rewrite of Material's stylesheets: each served file is byte for byte Material's."""
    site_dir, _ = components_site
    for kind in ORIGINAL:
        (served,) = _served(site_dir, kind)
        assert served.read_bytes() == (SHIPPED / served.name).read_bytes(), served.name


CASES = {
    "phone, light": (PHONE, "light"),
    "phone, dark": (PHONE, "dark"),
    "desktop, light": (DESKTOP, "light"),
    "desktop, dark": (DESKTOP, "dark"),
}


@pytest.mark.parametrize("case", CASES)
def test_every_component_is_styled_as_materials_stylesheets_style_it(
    components_site, browser, case
):
    site_dir, base_url = components_site
    viewport, scheme = CASES[case]
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    try:
        page = context.new_page()
        errors = record_errors(page)  # a Content Security Policy violation is one
        elsewhere: list[str] = []
        page.on(
            "request", lambda r: None if r.url.startswith(base_url) else elsewhere.append(r.url)
        )
        page.goto(base_url + PAGE_URL)
        page.wait_for_function(MOUNTED)
        assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
        # An annotation opened by keyboard focus, a tooltip by the pointer.
        page.locator(".annotate .md-annotation__index").first.focus()
        page.locator(".annotate .md-annotation .md-tooltip").first.wait_for()
        page.locator("abbr[title]").first.hover()
        page.locator(".md-tooltip2--active").first.wait_for()
        assert page.evaluate(SCROLL_TABS), "the tab labels do not overflow: add tabs"
        page.wait_for_function(CONTROLS_SHOWN)
        originals = {kind: base_url + f"{STYLESHEETS}/{name}" for kind, name in ORIGINAL.items()}
        found = page.evaluate(COMPARE, [RECORDED, _properties(site_dir), originals])
    finally:
        context.close()
    assert elsewhere == [], "the page loads from other hosts"
    assert errors == []
    assert found["count"] == 0, (
        f"{found['count']} computed styles differ from Material's stylesheets ({case}):\n"
        + "\n".join(found["shown"])
    )
