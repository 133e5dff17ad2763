"""Checks on one page (its front matter and rendered HTML) that return problems."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from typing import Any

_CODE = re.compile(r"<(pre|code)\b[^>]*>.*?</\1>", re.DOTALL | re.IGNORECASE)
_JINJA_CALL = re.compile(r"\{\{-?\s*(?P<name>[A-Za-z_]\w*)\s*\(")


def front_matter_problems(meta: dict[str, Any], page_name: str) -> list[str]:
    """Problems with a page's front matter (``meta``, as MkDocs parsed it): the one-sentence
    ``description`` every page needs for its meta description, search snippet and link previews.
    ``page_name`` is the source path shown in the message (``docs/guide/x.md``)."""
    description = meta.get("description")
    if not isinstance(description, str) or not description.strip():
        return [
            f"{page_name}:1: front matter has no 'description'; add one sentence "
            "(description: What the reader learns here.) between the --- lines"
        ]
    text = description.strip()
    if "\n" in text or len(text) > 200:
        return [
            f"{page_name}:1: 'description' is too long ({len(text)} characters); "
            "keep it to one sentence under 200 characters (search engines show about 155)"
        ]
    return []


def unrendered_macro_problem(
    html: str, openers: tuple[str, ...], locate: Callable[[str], str]
) -> str | None:
    """A macro tag left in a page's content (``html``, as Markdown wrote it) outside code means
    the page does not render macros, or a tag was mistyped. ``openers`` are the strings that
    open a tag (mkdocs-macros' ``j2_*_start_string`` settings, ``[[%`` …); Jinja's own ``{{``
    and ``{%`` are ordinary text on this site and are never reported. ``locate(text)`` names
    the source file and the line holding ``text`` (``docs/guide/x.md:12``)."""
    outside_code = _CODE.sub("", html)
    starts = [outside_code.find(opener) for opener in openers if opener in outside_code]
    if not starts:
        return None
    start = min(starts)
    # The tag as written (up to its closing "]]" or the next element), to find its line.
    tail = outside_code[start : start + 80].split("<")[0]
    closing = tail.find("]]")
    snippet = html_lib.unescape(tail[: closing + 2] if closing >= 0 else tail.rstrip())
    return (
        f"{locate(snippet)}: unrendered macro '{snippet}' in the page; add "
        "'render_macros: true' to its front matter, or write the example in `code`"
    )


def jinja_style_macro_problem(
    html: str, macro_names: frozenset[str], locate: Callable[[str], str]
) -> str | None:
    """A call of one of this site's macros (``macro_names``) written with Jinja's ``{{ }}``
    outside code: on this site that is text, so the reader would see the call, not the macro.
    ``locate(text)`` names the source file and line holding ``text``."""
    outside_code = _CODE.sub("", html)
    for match in _JINJA_CALL.finditer(outside_code):
        if match.group("name") in macro_names:
            call = html_lib.unescape(match.group(0))
            return (
                f"{locate(call)}: '{call}' is written with Jinja's braces, which this site shows "
                f"as text; write the macro as [[% {match.group('name')}(…) %]]"
            )
    return None
