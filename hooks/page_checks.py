"""Checks on pages and built HTML, as plain functions that return problems (tests call them)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

_CODE = re.compile(r"<(pre|code)\b[^>]*>.*?</\1>", re.DOTALL | re.IGNORECASE)
_TEMPLATE_SYNTAX = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{\{|\{%", re.DOTALL)
_MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(")
_HTML_IMG = re.compile(r"<img\b(?P<attrs>[^>]*)>", re.IGNORECASE)
_ALT = re.compile(r"\balt\s*=\s*([\"'])(?P<alt>.*?)\1", re.IGNORECASE | re.DOTALL)
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(?P<body>.*?)</article>', re.DOTALL)
_HREF = re.compile(r"<a\b[^>]*?\shref=\"(?P<href>[^\"]*)\"", re.IGNORECASE)
_ID = re.compile(r"\sid=\"(?P<id>[^\"]+)\"")


def front_matter_problems(meta: dict[str, Any], page_name: str) -> list[str]:
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


@lru_cache(maxsize=4096)
def _ids_in(html_file: Path) -> frozenset[str]:
    return frozenset(_ID.findall(html_file.read_text(encoding="utf-8")))


def _target_file(site_dir: Path, page_file: Path, path: str) -> Path:
    target = (page_file.parent / unquote(path)).resolve() if path else page_file
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target


# The print page is generated from the others by a plugin that renames heading anchors; its
# links are checked where they were written.
DERIVED_PAGES = ("print_page/index.html",)


def broken_content_links(site_dir: Path) -> list[str]:
    """Links inside page content (Markdown and raw HTML from macros) that lead nowhere."""
    _ids_in.cache_clear()
    site_dir = site_dir.resolve()
    problems = []
    for page_file in sorted(site_dir.rglob("*.html")):
        page_name = page_file.relative_to(site_dir).as_posix()
        match = _ARTICLE.search(page_file.read_text(encoding="utf-8"))
        if match is None or page_name in DERIVED_PAGES:
            continue
        for link in _HREF.finditer(match.group("body")):
            href = link.group("href")
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target = _target_file(site_dir, page_file, parts.path)
            if not target.is_file() or site_dir not in target.parents:
                problems.append(
                    f"{page_name}: link '{href}' leads to no page; fix the path "
                    "(links are relative to the page) or the data that emits it"
                )
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in _ids_in(target):
                problems.append(
                    f"{page_name}: link '{href}' points to '#{fragment}', which "
                    f"{target.relative_to(site_dir).as_posix()} does not have; fix the anchor"
                )
    return problems
