"""Checks on one page (its front matter, Markdown source and rendered HTML) that return problems."""

from __future__ import annotations

import re
from typing import Any

_CODE = re.compile(r"<(pre|code)\b[^>]*>.*?</\1>", re.DOTALL | re.IGNORECASE)
_TEMPLATE_SYNTAX = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{\{|\{%", re.DOTALL)
_MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(")
_HTML_IMG = re.compile(r"<img\b(?P<attrs>[^>]*)>", re.IGNORECASE)
_ALT = re.compile(r"\balt\s*=\s*([\"'])(?P<alt>.*?)\1", re.IGNORECASE | re.DOTALL)


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


def _line_of(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


def image_problems(source: str, page_name: str) -> list[str]:
    """Images need alt text: a Markdown image with empty [] or an <img> without alt fails."""
    problems = []
    for match in _MD_IMAGE.finditer(source):
        if not match.group("alt").strip():
            problems.append(
                f"{page_name}:{_line_of(source, match.start())}: image has no alt text; "
                "describe it in the brackets: ![What the image shows](path)"
            )
    for match in _HTML_IMG.finditer(source):
        alt = _ALT.search(match.group("attrs"))
        if alt is None:
            problems.append(
                f"{page_name}:{_line_of(source, match.start())}: <img> has no alt attribute; "
                'add alt="what the image shows" (alt="" only for decoration)'
            )
    return problems


def unrendered_macro_problem(html: str, page_name: str) -> str | None:
    """Template syntax outside code means a macro was not rendered (or a typo in one)."""
    outside_code = _CODE.sub("", html)
    match = _TEMPLATE_SYNTAX.search(outside_code)
    if match is None:
        return None
    snippet = " ".join(match.group(0).split())[:60]
    return (
        f"{page_name}: unrendered template syntax '{snippet}' in the page; add "
        "'render_macros: true' to its front matter, or put the example in `code`"
    )
