"""Trim Material's palette stylesheet to the colours and schemes the site configures.

Material ships one ``palette.css`` with every primary and accent colour it offers (about 12 KB);
a page only ever shows the ones in ``theme.palette``. This rewrites the built copy in place, so
the page's reference to it stays Material's own. Rules that name no colour are always kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

# The data attributes Material writes from each theme.palette entry, with its template's defaults.
DEFAULTS = {"scheme": "default", "primary": "indigo", "accent": "indigo"}
COLOUR_SELECTOR = re.compile(r"""\[data-md-color-(primary|accent|scheme)=["']?([\w-]+)["']?\]""")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)


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


def _blocks(css: str) -> Iterable[tuple[str, str]]:
    """(prelude, body) for each top-level block of minified CSS."""
    start = depth = 0
    open_at = -1
    for position, char in enumerate(css):
        if char == "{":
            if depth == 0:
                open_at = position
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                yield css[start:open_at].strip(), css[open_at + 1 : position]
                start = position + 1
    if depth != 0 or css[start:].strip():
        raise ValueError("unbalanced or truncated stylesheet")


def _split_selectors(prelude: str) -> list[str]:
    """Selectors of a rule, split on the commas outside parentheses and brackets."""
    parts, depth, start = [], 0, 0
    for position, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:position])
            start = position + 1
    parts.append(prelude[start:])
    return parts


def _wanted(selector: str, keep: Mapping[str, set[str]]) -> bool:
    """False when the selector can only match a colour or scheme the site never shows. Names
    inside :is(), :not() and the like are alternatives or negations: those selectors stay."""
    outside = selector
    while (stripped := re.sub(r"\([^()]*\)", "", outside)) != outside:
        outside = stripped
    return all(
        value in keep[attribute]
        for attribute, value in COLOUR_SELECTOR.findall(outside)
        if attribute in keep
    )


def trim(css: str, keep: Mapping[str, set[str]]) -> str:
    """``css`` without the selectors that name a colour or scheme outside ``keep``."""
    out = []
    for prelude, body in _blocks(_COMMENT.sub("", css)):
        if prelude.startswith("@"):
            inner = trim(body, keep) if "{" in body else body
            if inner:
                out.append(f"{prelude}{{{inner}}}")
            continue
        selectors = [s for s in _split_selectors(prelude) if _wanted(s, keep)]
        if selectors:
            out.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(out)


def trim_site_palette(site_dir: Path, palette: Any) -> list[Path]:
    """Trim the built palette stylesheet(s) in place; returns the files rewritten."""
    keep = configured_values(palette)
    if not keep:
        return []
    rewritten = []
    for path in sorted((site_dir / "assets" / "stylesheets").glob("palette.*.css")):
        if path.name.endswith(".map"):
            continue
        original = path.read_text(encoding="utf-8")
        try:
            trimmed = trim(original, keep)
        except ValueError:
            continue  # not the stylesheet this expects: serve it whole rather than break it
        if trimmed != original:
            path.write_text(trimmed, encoding="utf-8")
            rewritten.append(path)
    return rewritten
