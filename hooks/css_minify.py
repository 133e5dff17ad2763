"""Serve the site's own stylesheets without their comments and layout whitespace.

The sources in overrides/assets/ stay readable and commented for contributors; readers get the
same rules in fewer bytes (mdx.css: about 200 bytes less gzipped, on every page). Only what is
safe without a full CSS parser is removed: comments, whitespace around braces, semicolons,
commas and child combinators, whitespace after a colon, and the last semicolon of a block.
Strings are never touched, and neither is whitespace around "+" (it matters inside calc()) or
before a colon (".a :is(b)" is a descendant selector).
"""

from __future__ import annotations

import re
from pathlib import Path

from hooks import css_rules

OUR_STYLESHEETS = "assets"  # overrides/assets/*.css; Material's own are minified already
_TOKEN = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(/\*.*?\*/)|(\s+)""", re.S)
_AROUND = re.compile(r"\s*([{};,>])\s*")
_AFTER_COLON = re.compile(r":\s+")


def _squeeze(code: str) -> str:
    code = _AROUND.sub(r"\1", code)
    code = _AFTER_COLON.sub(":", code)
    return code.replace(";}", "}")


def minify(css: str) -> str:
    """``css`` with comments and layout whitespace removed, strings kept byte for byte."""
    out, code, end = [], [], 0
    for match in _TOKEN.finditer(css):
        code.append(css[end : match.start()])
        end = match.end()
        string, comment, blank = match.groups()
        if string:
            out.append(_squeeze("".join(code)))
            out.append(string)
            code = []
        elif blank or comment:
            code.append(" ")  # a comment leaves a blank, so "a/**/b" stays two words
    code.append(css[end:])
    out.append(_squeeze("".join(code)))
    return "".join(out).strip()


def minify_site_stylesheets(site_dir: Path) -> list[Path]:
    """Minify the built copies of the site's own stylesheets in place; returns those rewritten."""
    return css_rules.rewrite_in_place((site_dir / OUR_STYLESHEETS).glob("*.css"), minify)
