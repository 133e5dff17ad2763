"""Trim Material's palette stylesheet to the colours and schemes the site configures.

Material ships one ``palette.css`` with every primary and accent colour it offers (about 12 KB);
a page only ever shows the ones in ``theme.palette``. This rewrites the built copy in place, so
the page's reference to it stays Material's own. Rules that name no colour are always kept.

The rule that turns transitions off while the scheme switches is keyed to ``data-mdx-switching``,
which only our palette script sets (overrides/partials/javascripts/palette.html) when a reader or
the system switches. Material sets ``data-md-color-switching`` on every page load too, and a rule
on it makes the browser restyle every element of the page once more while the page starts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hooks import css_rules

# The data attributes Material writes from each theme.palette entry, with its template's defaults.
DEFAULTS = {"scheme": "default", "primary": "indigo", "accent": "indigo"}
SWITCHING = ("[data-md-color-switching]", "[data-mdx-switching]")
COLOUR_SELECTOR = re.compile(r"""\[data-md-color-(primary|accent|scheme)=["']?([\w-]+)["']?\]""")


def configured_values(palette: Any) -> dict[str, set[str]]:
    """The values each palette attribute can take on a page, as Material's templates write them
    (an entry that only follows the system setting gets the defaults; the outdated-version
    banner always uses the default scheme)."""
    entries = palette if isinstance(palette, list) else [palette] if palette else [{}]
    values: dict[str, set[str]] = {attribute: {DEFAULTS[attribute]} for attribute in DEFAULTS}
    for entry in entries:
        if not isinstance(entry, Mapping):
            return {}  # a shape this does not know: keep every rule
        for attribute, default in DEFAULTS.items():
            value = str(entry.get(attribute) or default).replace(" ", "-")
            values[attribute] |= {value, value.lower()}
    return values


def _wanted(selector: str, keep: Mapping[str, set[str]]) -> bool:
    """False when the selector can only match a colour or scheme the site never shows. Names
    inside :is(), :not() and the like are alternatives or negations: those selectors stay."""
    return all(
        value in keep[attribute]
        for attribute, value in COLOUR_SELECTOR.findall(css_rules.outside_parentheses(selector))
        if attribute in keep
    )


def trim(css: str, keep: Mapping[str, set[str]]) -> str:
    """``css`` without the selectors that name a colour or scheme outside ``keep``, its switching
    rule keyed to our attribute."""
    trimmed = css_rules.keep_selectors(css, lambda selector: _wanted(selector, keep))
    return trimmed.replace(*SWITCHING)


def trim_site_palette(site_dir: Path, palette: Any) -> list[Path]:
    """Trim the built palette stylesheet(s) in place; returns the files rewritten."""
    keep = configured_values(palette)
    if not keep:
        return []
    return css_rules.rewrite_in_place(
        (site_dir / "assets" / "stylesheets").glob("palette.*.css"), lambda css: trim(css, keep)
    )
