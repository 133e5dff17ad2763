"""Drop the rules of Material's stylesheets that need a class the built site never uses.

Material ships one stylesheet for every feature it has (blog, tabs, annotations, keys, emoji,
code line numbers, ...): about 22 KiB gzipped, render-blocking, on every page. A selector that
names a class no page carries and no script writes can never match, so its rule only costs
bytes and style-matching time. The names come from the whole built site: class attributes in
every page, every inline script, and every script file (Material's bundle builds its widgets
from literal class names). Names inside :is(), :not() and the like, and anything in attribute
selectors, are never relied on, so those selectors stay. Rewrites the built copies in place.
"""

from __future__ import annotations

import re
from pathlib import Path

from hooks import css_rules

STYLESHEETS = "assets/stylesheets"  # Material's own; ours are hand-written and never trimmed
# Scripts that never touch a page: search runs in a web worker, lunr's stemmers inside it.
OFF_PAGE_SCRIPTS = ("assets/javascripts/workers/", "assets/javascripts/lunr/")
# Both start with a literal, which the regex engine finds fast; a stray match (a "class=" in
# text, a "data-class" attribute) only keeps a rule, never drops one.
_CLASS_ATTRIBUTE = re.compile(r"""class\s*=\s*["']?([^"'>]*)""")
_INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S)
_NAME = re.compile(r"[\w-]+")
_CLASS_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_ATTRIBUTE_SELECTOR = re.compile(r"\[[^\]]*\]")


def page_names(html: str) -> set[str]:
    """Class names a page can carry: its class attributes and every name in its inline scripts."""
    names = set()
    # Pages repeat the same few class lists many times: split each distinct one once.
    for value in set(_CLASS_ATTRIBUTE.findall(html)):
        names.update(value.split())
    for script in _INLINE_SCRIPT.findall(html):
        names.update(_NAME.findall(script))
    return names


def script_names(site_dir: Path) -> set[str]:
    """Every name in the site's page scripts: any of them may be a class a script writes."""
    names = set()
    for script in site_dir.rglob("*.js"):
        if script.relative_to(site_dir).as_posix().startswith(OFF_PAGE_SCRIPTS):
            continue
        names.update(_NAME.findall(script.read_text(encoding="utf-8", errors="replace")))
    return names


def _wanted(selector: str, used: set[str]) -> bool:
    outside = _ATTRIBUTE_SELECTOR.sub("", css_rules.outside_parentheses(selector))
    if "\\" in outside:
        return True  # an escaped name this does not decode: keep it
    return all(name in used for name in _CLASS_SELECTOR.findall(outside))


def trim(css: str, used: set[str]) -> str:
    """``css`` without the selectors that need a class outside ``used``."""
    return css_rules.keep_selectors(css, lambda selector: _wanted(selector, used))


def trim_site_stylesheets(site_dir: Path, used_in_pages: set[str]) -> list[Path]:
    """Trim Material's built stylesheets in place, given the class names the pages carry;
    returns the files rewritten."""
    used = used_in_pages | script_names(site_dir)
    return css_rules.rewrite_in_place(
        (site_dir / STYLESHEETS).glob("*.css"), lambda css: trim(css, used)
    )
