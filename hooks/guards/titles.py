"""Titles are written in sentence case: nav section titles, page titles and every heading.

The rule is the Google developer documentation style guide's ("Use sentence case for document
titles and section headings") and Microsoft's ("Use sentence-style capitalization"): capitalise
the first word, the first word after a colon, and names; nothing else. The topics were written
that way; the chapters come from the manuscript's title-case headings and follow the site (the
manuscript test compares their words, not their capitals).

What counts as a name: a word with a capital inside it or no lower-case letter at all (``API``,
``GitHub``, ``N+1``), and the phrases in ``NAMES``. A capitalised word right after a label that
ends in a digit (``Week 1-2 Learn the fundamentals``, a phase's label and title) starts a new
phrase.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from hooks.content.nav import nav_entries

# Names written with capitals that would otherwise read as title case; add one here when a
# title needs it (CONTRIBUTING.md, "Names and order").
NAMES = ("Backend Optimization Guide",)

_WORD = re.compile(r"[^\s/]+")
# A capitalised word: one capital, then lower case (apostrophes allowed), in quotes or brackets.
_CAPITALISED = re.compile(
    r"^[(\"'\u201c\u2018]*[A-Z][a-z'\u2019]*[a-z][a-z'\u2019]*[)\"'\u201d\u2019,.;!?]*$"
)


def sentence_case(title: str) -> str:
    """``title`` (one line of text) with every capitalised word that is not its first, not the
    first after a colon or a number label and not part of a name in ``NAMES`` written in lower
    case; a title already in sentence case comes back unchanged."""
    # Names, and code (`…`, as nav_titles and heading_titles write it), keep their capitals.
    patterns = [re.escape(name) for name in NAMES] + ["`[^`]*`"]
    protected = [(m.start(), m.end()) for p in patterns for m in re.finditer(p, title)]
    result, previous = [], ""
    for match in _WORD.finditer(title):
        word = match.group()
        start = previous == "" or previous.endswith(":") or bool(re.search(r"\d\+?$", previous))
        named = any(a <= match.start() < b for a, b in protected)
        parts = word.split("-")  # "Long-Term": each part of a compound is a word
        for number, part in enumerate(parts):
            if (number or not start) and not named and _CAPITALISED.match(part):
                index = next(i for i, char in enumerate(part) if char.isupper())
                parts[number] = part[:index] + part[index].lower() + part[index + 1 :]
        word = "-".join(parts)
        result.append((match.start(), match.end(), word))
        previous = match.group()
    text = list(title)
    for begin, end, word in reversed(result):
        text[begin:end] = word
    return "".join(text)


def title_problems(titles: Iterable[tuple[str, str]], locate: Callable[[str], str]) -> list[str]:
    """One ``where: title '…' is not in sentence case; write '…'`` line per title of ``titles``
    (``(kind, text)`` pairs, kind as the message names it: "heading", "nav section title")
    that ``sentence_case`` would change; ``locate(text)`` says where it is written
    (``docs/x.md:5``, ``mkdocs.yml:190``)."""
    problems = []
    for kind, title in titles:
        fixed = sentence_case(title)
        if fixed != title:
            problems.append(
                f"{locate(title)}: {kind} '{title}' is not in sentence case; write '{fixed}' "
                "(a name stays capitalised: add it to NAMES in hooks/guards/titles.py)"
            )
    return problems


def nav_titles(nav: Any) -> Iterator[str]:
    """The titles ``nav`` (mkdocs.yml's value, see hooks.content.nav.nav_entries) gives its
    sections and pages, in nav order, each once."""
    seen: set[str] = set()
    for sections, _ in nav_entries(nav):
        for title in sections:
            if title not in seen:
                seen.add(title)
                yield title
    for entry in nav if isinstance(nav, list) else []:
        if isinstance(entry, dict):
            for title, value in entry.items():
                if isinstance(value, str) and title not in seen:
                    seen.add(title)
                    yield str(title)


def heading_titles(html: str) -> Iterator[str]:
    """The text of every heading (h1 to h6) of ``html`` (a page's rendered content), without
    its permalink, code written between backticks. A checklist item's heading
    (``.mdx-item__head``, a heading so that search gives each item an entry of its own) is the
    item's text, a sentence of advice from the data, not a title: it is left out."""
    tree = LexborHTMLParser(html)
    for heading in tree.css("h1, h2, h3, h4, h5, h6"):
        if "mdx-item__head" in (heading.attributes.get("class") or "").split():
            continue
        for permalink in heading.css("a.headerlink"):
            permalink.decompose()
        for code in heading.css("code"):
            code.replace_with(f"`{code.text()}`")
        text = " ".join(heading.text().split())
        if text:
            yield text
