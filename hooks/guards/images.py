"""Images in the rendered article need alt text. Read from the built page, so code examples
(``<img>`` in an ``html`` block, `![](x.png)` in a code span) are text, not images, and images
written any way Markdown allows (inline, reference-style, raw HTML) are checked alike.

The rule (WCAG 2.2, success criterion 1.1.1 "Non-text Content"): every image has an ``alt``
attribute. ``alt=""`` marks an image as decoration, which only raw HTML can say on purpose; a
Markdown image with empty brackets (``![](x.png)``, ``![][ref]``) has forgotten its text.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

from hooks.guards.built_pages import BuiltPage

_MARKDOWN_FIX = "describe it in the brackets: ![What the image shows](path)"
_HTML_FIX = 'add alt="what the image shows" (alt="" only for decoration)'


def _file_name(src: str) -> str:
    # MkDocs rewrites a source's relative path for the built page; the file name stays.
    return unquote(posixpath.basename(urlsplit(src).path)) or src


def _written_at(lines: list[str], name: str, occurrence: int) -> tuple[int | None, str]:
    """Where the ``occurrence``-th image of file ``name`` is written, and how: ``(line,
    "html" | "markdown")``; a reference-style image is found by its label's definition."""
    found: list[tuple[int, str]] = []
    for number, line in enumerate(lines, 1):
        if name not in line:
            continue
        definition = re.match(r"^ {0,3}\[(?P<label>[^\]]+)\]:\s*<?\S*", line)
        if definition and name in definition.group(0):
            label = re.escape(definition.group("label"))
            usage = re.compile(rf"!\[[^\]]*\]\s?\[{label}\]|!\[{label}\](?![\[(])", re.I)
            found += [(n, "markdown") for n, text in enumerate(lines, 1) if usage.search(text)]
        elif re.search(r"<img\b", line, re.I):
            found.append((number, "html"))
        else:
            found.append((number, "markdown"))
    found.sort()
    if occurrence < len(found):
        return found[occurrence]
    return None, "markdown"


def image_problems(page: BuiltPage, source_name: str, source: str) -> list[str]:
    """One problem per image of ``page``'s article without alt text.

    ``source_name`` is the page's source shown in the message (``docs/guide/x.md``) and
    ``source`` its text; an image is found in it by its file name. An ``<img>`` without an
    ``alt`` attribute fails; an empty ``alt`` fails when the source writes the image in
    Markdown, not when it writes raw HTML (decoration, see the module docstring) and not when a
    macro wrote it (the source does not hold it).
    """
    lines = source.splitlines()
    seen: dict[str, int] = {}
    problems = []
    for src, alt in page.article_images:
        name = _file_name(src)
        occurrence = seen.get(name, 0)
        seen[name] = occurrence + 1
        if alt is not None and alt.strip():
            continue
        line, written = _written_at(lines, name, occurrence)
        where = f"{source_name}:{line}" if line else source_name
        if alt is None:
            problems.append(f"{where}: <img> has no alt attribute; {_HTML_FIX}")
        elif written == "markdown" and line is not None:
            problems.append(f"{where}: image has no alt text; {_MARKDOWN_FIX}")
    return problems
