"""Checks on pages and built HTML, as plain functions that return problems (tests call them)."""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

_CODE = re.compile(r"<(pre|code)\b[^>]*>.*?</\1>", re.DOTALL | re.IGNORECASE)
_TEMPLATE_SYNTAX = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{\{|\{%", re.DOTALL)
_MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(")
_HTML_IMG = re.compile(r"<img\b(?P<attrs>[^>]*)>", re.IGNORECASE)
_ALT = re.compile(r"\balt\s*=\s*([\"'])(?P<alt>.*?)\1", re.IGNORECASE | re.DOTALL)
# The content article's opening tag; its body runs to the first </article> after it.
_ARTICLE_START = re.compile(r'<article class="md-content__inner[^"]*">')
_HREF = re.compile(r"<a\b[^>]*?\shref=\"(?P<href>[^\"]*)\"", re.IGNORECASE)
# Matches exactly what \sid="..." would (the whitespace is checked behind the literal, which the
# regex engine can jump to: several times faster on large pages).
_ID = re.compile(r"id=\"(?<=\sid=\")(?P<id>[^\"]+)\"")


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


@dataclass(frozen=True)
class BuiltPage:
    """What the link check needs from one built page: the links in its content (None when it
    has no content article) and every id in it."""

    hrefs: tuple[str, ...] | None
    ids: frozenset[str]


def article_body(html: str) -> str | None:
    """The page's content (what Markdown and macros wrote), or None for a page without it."""
    start = _ARTICLE_START.search(html)
    end = -1 if start is None else html.find("</article>", start.end())
    return None if start is None or end < 0 else html[start.end() : end]


def built_page(html: str, body: str | None = None) -> BuiltPage:
    """Read one page once; ``body`` is its article body when the caller already found it."""
    if body is None:
        body = article_body(html)
    hrefs = None if body is None else tuple(link.group("href") for link in _HREF.finditer(body))
    return BuiltPage(hrefs=hrefs, ids=frozenset(_ID.findall(html)))


def _target_file(site_dir: Path, page_file: Path, path: str) -> Path:
    target = (page_file.parent / unquote(path)).resolve() if path else page_file
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target


class _SiteFiles:
    """The site's regular files and folders (no symlinks), listed once, so most links are
    resolved without a file system call; anything not found here takes the full path above."""

    def __init__(self, site_dir: Path) -> None:
        self.files: set[str] = set()
        self.dirs: set[str] = {"."}
        pending = [""]
        while pending:
            relative = pending.pop()
            with os.scandir(site_dir / relative) as entries:
                for entry in entries:
                    name = f"{relative}/{entry.name}" if relative else entry.name
                    if entry.is_dir(follow_symlinks=False):
                        self.dirs.add(name)
                        pending.append(name)
                    elif entry.is_file(follow_symlinks=False):
                        self.files.add(name)

    def target(self, page_name: str, path: str) -> str | None:
        """The site-relative file a link's path leads to, when it is plainly a file here."""
        if not path:
            return page_name
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_name), unquote(path)))
        if target == ".." or target.startswith("../") or target.startswith("/"):
            return None
        if target in self.dirs or path.endswith("/"):
            target = "index.html" if target == "." else f"{target}/index.html"
        return target if target in self.files else None


# The print page is generated from the others by a plugin that renames heading anchors; its
# links are checked where they were written.
DERIVED_PAGES = ("print_page/index.html",)


def read_site(site_dir: Path) -> dict[str, BuiltPage]:
    """Every built page by its site-relative name, in the order the checks report them."""
    site_dir = site_dir.resolve()
    return {
        html_file.relative_to(site_dir).as_posix(): built_page(html_file.read_text("utf-8"))
        for html_file in sorted(site_dir.rglob("*.html"))
    }


def broken_content_links(site_dir: Path, pages: Mapping[str, BuiltPage] | None = None) -> list[str]:
    """Links inside page content (Markdown and raw HTML from macros) that lead nowhere.

    ``pages`` is the site as read_site() returns it, when the caller has read it already.
    """
    site_dir = site_dir.resolve()
    if pages is None:
        pages = read_site(site_dir)
    site_files = _SiteFiles(site_dir)
    problems = []
    for page_name, page in pages.items():
        if page.hrefs is None or page_name in DERIVED_PAGES:
            continue
        page_file = site_dir / page_name
        for href in page.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target_name = site_files.target(page_name, parts.path)
            if target_name is None:
                target = _target_file(site_dir, page_file, parts.path)
                if not target.is_file() or site_dir not in target.parents:
                    problems.append(
                        f"{page_name}: link '{href}' leads to no page; fix the path "
                        "(links are relative to the page) or the data that emits it"
                    )
                    continue
                target_name = target.relative_to(site_dir).as_posix()
            fragment = unquote(parts.fragment)
            if fragment and PurePosixPath(target_name).suffix == ".html":
                target_page = pages.get(target_name)
                if target_page is None:
                    target_page = built_page((site_dir / target_name).read_text("utf-8"))
                if fragment not in target_page.ids:
                    problems.append(
                        f"{page_name}: link '{href}' points to '#{fragment}', which "
                        f"{target_name} does not have; fix the anchor"
                    )
    return problems
