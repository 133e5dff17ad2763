"""The emoji generator mkdocs.yml gives pymdownx.emoji: icons inline, emoji as characters.

Material's documented generator (``material.extensions.emoji.to_svg``) inlines the SVG of the
icons it bundles (``:material-check:``, ``:fontawesome-brands-github:``) but hands every Unicode
emoji (``:smile:``) to pymdownx's ``to_svg``, which writes an ``<img>`` from the Twemoji CDN: a
request to another host, which the site's Content Security Policy (``img-src 'self' data:``)
blocks anyway. This keeps Material's generator for icons and writes an emoji as its Unicode
character (pymdownx's own ``to_alt`` generator), drawn by the reader's emoji font.
"""

from __future__ import annotations

from typing import Any

from material.extensions.emoji import to_svg
from pymdownx.emoji import to_alt


def icons_inline_emoji_as_text(
    index: str,
    shortname: str,
    alias: str | None,
    uc: str | None,
    alt: str,
    title: str | None,
    category: str | None,
    options: dict[str, Any],
    md: Any,
) -> Any:
    """A pymdownx.emoji generator (its documented signature; the result is an element or an
    HTML placeholder). ``uc`` is the emoji's code points, empty for Material's icons, which
    have none: those get Material's inline SVG, the rest ``alt`` (the Unicode character)."""
    generator = to_alt if uc else to_svg
    return generator(index, shortname, alias, uc, alt, title, category, options, md)
