"""What the site relies on in Material's own output and templates, checked on every build.

When a Material release changes one of these, the build stops here with the file to revisit,
instead of an override or rewrite silently doing the wrong thing:

- ``overrides/main.html`` makes the tags Material's ``scripts`` block renders inert, for its page
  loader to add after the first paint, with the first one, the bundle, marked: no page may load
  the bundle while it is parsed, and every page with the inert tags must have the loader and
  its bundle marked; the loader hands the bundle the document (``window.document$``), which
  the bundle must still expose;
- the templates in ``overrides/`` that replace Material's templates of the same path were each
  written from one release's template: Material's file must still be the one recorded here;
- our palette component (``overrides/partials/javascripts/palette.html``) relies on the
  ``[data-md-color-switching]`` rule of Material's palette stylesheet to switch without
  transitions, and on the color-scheme its stylesheets give each scheme;
- ``overrides/main.html`` adds the bundle's ``js-focus-visible`` class to ``<html>`` early: the
  bundle must still add it, or the early class is only noise.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from hooks.guards.built_pages import BuiltPage

# Material's templates that overrides/ replaces, by path, with the SHA-256 of Material's file the
# override was written from (Material 9.8.2). After a Material upgrade changes one, compare the
# override with Material's new file, port what changed, then record the new hash here.
FORKED_TEMPLATES = {
    "404.html": "80c93494b5432b1bcdf292caeb67a0653c45b37372f49e08ad4a70ca695a7495",
    "main.html": "9948b55a7bc979c35825df99baba9e6971fca4eb298dea3cdde61e990a2de5e0",
    "partials/javascripts/base.html": (
        "d6113712bc4deb30b4bd810ee0dfc28b6f04d2f88cc0016c0f1766eac7b762b6"
    ),
    "partials/javascripts/palette.html": (
        "8790389765ea6036effddba548b15093bb05bdc75624eaeaf8b13f3c24be4ab5"
    ),
    "partials/palette.html": "fb935107ae7d3d7475965019eec36c1ad72bf1d154254dab2474921fcd2710e3",
    "partials/search.html": "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
    "partials/source.html": "6847616d67be4920d39c278c2799bf20222bbc02ee2a8393aca85e3eaa518752",
}
SWITCHING_RULE = "[data-md-color-switching]"
# The color-scheme Material's stylesheets give its two schemes, which the palette component writes
# into <meta name="color-scheme"> without reading it from the page (main or palette stylesheet).
SCHEME_RULES = (
    "[data-md-color-scheme=default]{color-scheme:light",
    "[data-md-color-scheme=slate]{color-scheme:dark",
)
FOCUS_VISIBLE_CLASS = "js-focus-visible"
BUNDLE = "assets/javascripts/bundle."
# What the page loader hands the document to, once the bundle has run (overrides/main.html).
DOCUMENT_SUBJECT = "window.document$="


def bundle_problems(pages: Mapping[str, BuiltPage]) -> list[str]:
    """How each page (``pages``: built file -> its reading) would start Material's bundle, where
    that is not through the page loader: loaded while the page is parsed, never started (no
    loader), or not the tag the loader takes for the bundle. One ``file: what; fix`` line each;
    pages without any of Material's scripts (redirect stubs) have nothing to check."""
    fix = (
        "overrides/main.html makes the tags Material's `scripts` block renders inert and marks "
        "the first as its bundle: update its replace() calls for this Material release"
    )
    problems = []
    for name, page in pages.items():
        marked = [src for src, bundle in page.later_scripts if bundle]
        if any(BUNDLE in src for src, _ in page.scripts):
            problems.append(f"{name}: Material's bundle loads while the page is parsed; {fix}")
        elif page.later_scripts and not page.has_loader:
            problems.append(
                f"{name}: no page loader (script[data-mdx-loader]) to start Material's scripts; "
                "the page must extend overrides/main.html and keep its container block"
            )
        elif page.later_scripts and [BUNDLE in src for src in marked] != [True]:
            problems.append(f"{name}: the tag marked as Material's bundle is {marked}; {fix}")
    return problems


def forked_template_problems(overrides_dir: Path, material_dir: Path) -> list[str]:
    """Templates in ``overrides_dir`` that replace one of ``material_dir`` (Material's
    ``templates/``) without a recorded hash in FORKED_TEMPLATES, or whose Material original no
    longer has that hash. One ``file: what is wrong; the fix`` line each."""
    problems = []
    for path in sorted(overrides_dir.rglob("*.html")):
        name = path.relative_to(overrides_dir).as_posix()
        original = material_dir / name
        if not original.is_file():
            continue  # our own template, not a replacement
        digest = hashlib.sha256(original.read_bytes()).hexdigest()
        recorded = FORKED_TEMPLATES.get(name)
        if recorded is None:
            problems.append(
                f"overrides/{name}: replaces Material's {name} but hooks/guards/material.py "
                f'FORKED_TEMPLATES has no entry for it; add "{name}": "{digest}"'
            )
        elif recorded != digest:
            problems.append(
                f"overrides/{name}: Material's {name} changed since this override was written "
                "from it; compare the two, port the change, then record its new hash "
                f"{digest} in hooks/guards/material.py FORKED_TEMPLATES"
            )
    return problems


def theme_asset_problems(site_dir: Path) -> list[str]:
    """What the palette component, the early ``js-focus-visible`` class and the page loader rely
    on in Material's built palette stylesheet and bundle (see the module docstring); nothing to
    check for a theme without them."""
    stylesheets = sorted(
        p for p in (site_dir / "assets" / "stylesheets").glob("palette.*.css") if p.suffix == ".css"
    )
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    problems = [
        f"{path.relative_to(site_dir)}: Material's palette stylesheet has no {SWITCHING_RULE} "
        "rule any more, so switching schemes would run every transition; revisit "
        "overrides/partials/javascripts/palette.html for this Material release"
        for path in stylesheets
        if SWITCHING_RULE not in path.read_text(encoding="utf-8")
    ]
    css = "".join(
        p.read_text(encoding="utf-8")
        for p in (site_dir / "assets" / "stylesheets").glob("*.min.css")
    )
    problems += [
        f"assets/stylesheets: Material's stylesheets no longer declare {rule}}}; update "
        "COLOR_SCHEMES in overrides/partials/javascripts/palette.html for this Material release"
        for rule in SCHEME_RULES
        if stylesheets and rule not in css
    ]
    problems += [
        f"{path.relative_to(site_dir)}: Material's bundle no longer adds {FOCUS_VISIBLE_CLASS} "
        "to <html>; remove it from the early script in overrides/main.html"
        for path in bundles
        if FOCUS_VISIBLE_CLASS not in path.read_text(encoding="utf-8")
    ]
    problems += [
        f"{path.relative_to(site_dir)}: Material's bundle no longer sets {DOCUMENT_SUBJECT[:-1]}, "
        "which the page loader in overrides/main.html hands the document to; revisit the "
        "loader for this Material release"
        for path in bundles
        if DOCUMENT_SUBJECT not in path.read_text(encoding="utf-8")
    ]
    return problems
