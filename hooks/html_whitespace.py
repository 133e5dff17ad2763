"""Drop the indentation and blank lines the templates leave between tags in built pages.

Jinja templates indent for their readers; a browser renders a run of whitespace between two tags
in normal text as one space at most, so a run that holds a line break is cut to that one line
break and the page renders exactly as before. Left alone: raw-text elements (script, style,
textarea) and the elements where whitespace shows (pre, and code and kbd, which Material sets to
pre-wrap). Worth about a tenth of a page's gzip size; one regular expression pass per page.
"""

from __future__ import annotations

import re

# Elements whose whitespace is kept; matched whole (none of them nests in itself in our pages).
_KEPT = re.compile(r"<(script|style|textarea|pre|code|kbd)\b.*?</\1\s*>", re.S | re.I)
_BETWEEN_TAGS = re.compile(r">[ \t\r]*\n\s*<")


def collapse(html: str) -> str:
    out: list[str] = []
    position = 0
    for element in _KEPT.finditer(html):
        out.append(_BETWEEN_TAGS.sub(">\n<", html[position : element.start()]))
        out.append(element.group(0))
        position = element.end()
    out.append(_BETWEEN_TAGS.sub(">\n<", html[position:]))
    return "".join(out)
