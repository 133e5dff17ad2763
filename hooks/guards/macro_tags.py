"""Macro tags inside code on a page that renders macros: Jinja would run them, and the code
example would no longer read as written. What counts as code is decided by Python-Markdown
itself: each tag is swapped for a placeholder word, the page is converted with the site's own
Markdown extensions, and a placeholder that comes out inside ``<code>`` or ``<pre>`` marks a tag
written in code (a code span, an indented or fenced block, wherever it is nested). A page with no
backtick, tilde fence or HTML code whose tags each open their line holds no tag in code, and is
not converted."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from jinja2 import Environment, TemplateSyntaxError
from jinja2 import meta as jinja_meta
from selectolax.lexbor import LexborHTMLParser


@dataclass(frozen=True)
class Delimiters:
    """mkdocs-macros' Jinja delimiters (the ``j2_*_string`` settings in mkdocs.yml)."""

    variable: tuple[str, str]
    block: tuple[str, str]
    comment: tuple[str, str]

    def openers(self) -> tuple[str, str, str]:
        """The strings that open a tag: variable, block, comment."""
        return (self.variable[0], self.block[0], self.comment[0])

    def tags(self) -> re.Pattern[str]:
        """A pattern for one tag of any kind, longest opener first (as Jinja's lexer tries)."""
        pairs = sorted((self.variable, self.block, self.comment), key=lambda p: -len(p[0]))
        return re.compile(
            "|".join(f"{re.escape(start)}.*?{re.escape(end)}" for start, end in pairs), re.DOTALL
        )

    def raw_block(self) -> re.Pattern[str]:
        """``raw`` … ``endraw``: Jinja shows what is between as written."""
        start, end = (re.escape(part) for part in self.block)
        return re.compile(rf"{start}-?\s*raw\s*-?{end}.*?{start}-?\s*endraw\s*-?{end}", re.DOTALL)


def _placeholder(number: int) -> str:
    # Letters only: no Markdown syntax, one token for every highlighter.
    letters = "".join(chr(ord("a") + int(digit)) for digit in str(number))
    return f"MacroTagPlaceholder{letters}X"


# What code is written with in Markdown besides indentation: code spans and fences (backticks,
# also pymdownx.inlinehilite's and superfences'), tilde fences, and code written as HTML.
_CODE_MARKERS = re.compile(r"`|~~~|<(?:code|pre)\b", re.IGNORECASE)


def _may_hold_code(markdown: str, offsets: list[int]) -> bool:
    """Whether a tag at one of ``offsets`` could be inside code. Without backticks, tilde fences
    or code written as HTML anywhere in ``markdown``, code is only an indented block, and a tag
    that opens its line (no indentation, no ``>`` before it) stands in none: the page need not
    be converted to know it."""
    if _CODE_MARKERS.search(markdown):
        return True
    return any(offset > 0 and markdown[offset - 1] != "\n" for offset in offsets)


def tags_in_code(
    markdown: str, delimiters: Delimiters, to_html: Callable[[str], str]
) -> list[tuple[int, str]]:
    """Macro tags that ``markdown`` (a page's Markdown, front matter removed) writes inside code,
    as ``(offset into markdown, tag text)`` in page order. ``to_html`` converts Markdown to HTML
    with the site's extensions. Tags inside a raw block are text and never reported."""
    protected = [match.span() for match in delimiters.raw_block().finditer(markdown)]
    found: list[tuple[int, str]] = []
    pieces: list[str] = []
    last = 0
    for match in delimiters.tags().finditer(markdown):
        if any(start <= match.start() < end for start, end in protected):
            continue
        pieces += [markdown[last : match.start()], _placeholder(len(found))]
        found.append((match.start(), match.group(0)))
        last = match.end()
    if not found or not _may_hold_code(markdown, [offset for offset, _ in found]):
        return []
    pieces.append(markdown[last:])
    tree = LexborHTMLParser(to_html("".join(pieces)))
    in_code = " ".join(node.text(deep=True) for node in tree.css("code, pre"))
    return [tag for number, tag in enumerate(found) if _placeholder(number) in in_code]


def tag_in_code_problems(
    markdown: str,
    delimiters: Delimiters,
    to_html: Callable[[str], str],
    locate: Callable[[int], str],
) -> list[str]:
    """One problem per macro tag written in code (see tags_in_code); ``locate(offset)`` names the
    source file and line of an offset into ``markdown`` (``docs/topics/x.md:12``)."""
    start, end = delimiters.block
    return [
        f"{locate(offset)}: macro tag '{' '.join(tag.split())}' is inside code on a page that "
        f"renders macros, so it would run instead of being shown; to show it as written, wrap "
        f"the example in {start} raw {end} … {start} endraw {end}"
        for offset, tag in tags_in_code(markdown, delimiters, to_html)
    ]


def template_problems(
    markdown: str,
    environment: Environment,
    known: frozenset[str],
    macro_names: frozenset[str],
    delimiters: Delimiters,
    locate: Callable[[int], str],
) -> list[str]:
    """Mistakes Jinja would stop at, found before it runs so the message can name the line:
    a tag that does not parse, and a name that is no macro or variable. ``markdown`` is the
    page's Markdown (front matter removed), ``environment`` the Jinja environment mkdocs-macros
    renders it with, ``known`` the names a page may use (macros, variables, front matter keys),
    ``macro_names`` the macros offered in the message; ``locate(offset)`` names the source file
    and line of an offset into ``markdown``."""
    try:
        tree = environment.parse(markdown)
    except TemplateSyntaxError as error:
        offset = sum(len(line) + 1 for line in markdown.split("\n")[: (error.lineno or 1) - 1])
        return [
            f"{locate(offset)}: macro syntax error: {error.message}; a macro is written "
            f"{delimiters.variable[0]} name(…) {delimiters.variable[1]}"
        ]
    problems = []
    for name in sorted(jinja_meta.find_undeclared_variables(tree) - known):
        word = re.compile(rf"\b{re.escape(name)}\b")
        offsets = [
            match.start()
            for match in delimiters.tags().finditer(markdown)
            if word.search(match.group(0))
        ]
        problems.append(
            f"{locate(offsets[0] if offsets else 0)}: '{name}' is no macro or variable of this "
            f"site; use one of the macros: {', '.join(sorted(macro_names))}"
        )
    return problems
