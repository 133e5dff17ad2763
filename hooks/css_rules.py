"""Walk minified CSS rule by rule and keep the selectors a predicate wants.

Shared by the stylesheet trims in hooks/palette.py and hooks/unused_css.py. It reads only what
Material's minified stylesheets contain: comments are dropped, grouping at-rules (@media,
@supports, ...) are walked into, and any other block (@font-face, @keyframes' frames) is kept
unless its selectors are refused. Unbalanced braces raise ValueError: a stylesheet this does
not understand must be served whole, never mangled.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_PARENTHESISED = re.compile(r"\([^()]*\)")


def blocks(css: str) -> Iterable[tuple[str, str]]:
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
            if depth < 0:
                break
            if depth == 0:
                yield css[start:open_at].strip(), css[open_at + 1 : position]
                start = position + 1
    if depth != 0 or css[start:].strip():
        raise ValueError("unbalanced or truncated stylesheet")


def split_selectors(prelude: str) -> list[str]:
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


def outside_parentheses(selector: str) -> str:
    """The selector without what :is(), :not(), :where() and the like hold: names in there are
    alternatives or negations, so no trim may rely on them."""
    while (stripped := _PARENTHESISED.sub("", selector)) != selector:
        selector = stripped
    return selector


def keep_selectors(css: str, wanted: Callable[[str], bool]) -> str:
    """``css`` with only the selectors ``wanted`` accepts; rules and groups left empty go."""
    out = []
    for prelude, body in blocks(_COMMENT.sub("", css)):
        if prelude.startswith("@"):
            inner = keep_selectors(body, wanted) if "{" in body else body
            if inner:
                out.append(f"{prelude}{{{inner}}}")
            continue
        selectors = [selector for selector in split_selectors(prelude) if wanted(selector)]
        if selectors:
            out.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(out)


def rewrite_in_place(paths: Iterable[Path], rewrite: Callable[[str], str]) -> list[Path]:
    """Apply ``rewrite`` to each built stylesheet and save what changed; returns those files.
    A stylesheet ``rewrite`` cannot read (ValueError) is served whole rather than broken."""
    rewritten = []
    for path in sorted(paths):
        original = path.read_text(encoding="utf-8")
        try:
            changed = rewrite(original)
        except ValueError:
            continue
        if changed != original:
            path.write_text(changed, encoding="utf-8")
            rewritten.append(path)
    return rewritten
