"""What the site relies on in Material's own output, checked on every build.

Two rewrites depend on Material's internals; when a Material release changes one, the build
stops here with the file to revisit, instead of the rewrite silently doing nothing:

- ``overrides/main.html`` defers Material's bundle by adding ``defer`` to the tag ``super()``
  renders: every page that loads the bundle must load it deferred;
- ``hooks/output/palette.py`` renames the "no transitions while switching" rule of Material's
  palette stylesheet: the rule must be there, and the bundle must still set its attribute.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from hooks.guards.built_pages import BuiltPage
from hooks.output import palette

BUNDLE = "assets/javascripts/bundle."


def bundle_problems(pages: Mapping[str, BuiltPage]) -> list[str]:
    """Pages that load Material's bundle without ``defer`` (``pages``: built file -> reading)."""
    return [
        f"{name}: Material's bundle ({src}) is not deferred; overrides/main.html adds `defer` "
        "to the tag Material's `scripts` block renders: update its replace() for this release"
        for name, page in pages.items()
        for src, deferred in page.scripts
        if BUNDLE in src and not deferred
    ]


def palette_problems(site_dir: Path) -> list[str]:
    """Problems with what hooks/output/palette.py renames, read before it renames anything."""
    stylesheets = palette.palette_stylesheets(site_dir)
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not stylesheets or not bundles:
        return []  # a theme without a palette stylesheet or bundle: nothing is renamed
    attribute = palette.MATERIAL_SELECTOR.strip("[]")
    problems = []
    for path in stylesheets:
        if palette.MATERIAL_SELECTOR not in path.read_text(encoding="utf-8"):
            problems.append(
                f"{path.relative_to(site_dir)}: Material's palette stylesheet has no "
                f"{palette.MATERIAL_SELECTOR} rule any more; revisit hooks/output/palette.py "
                "and overrides/partials/javascripts/palette.html for this Material release"
            )
    for path in bundles:
        if attribute not in path.read_text(encoding="utf-8"):
            problems.append(
                f"{path.relative_to(site_dir)}: Material's bundle no longer sets {attribute}; "
                "revisit hooks/output/palette.py and overrides/partials/javascripts/palette.html"
            )
    return problems
