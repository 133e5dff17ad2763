"""The macros' HTML, kept out of Markdown's way.

A macro's output is finished HTML, but mkdocs-macros renders it into the page's Markdown, and
Python-Markdown then reads all of it again (md_in_html's HTML parser, tag by tag) only to pass
it through unchanged: on the plan page, which holds every checklist, that is most of the build's
Markdown time. Python-Markdown's own answer is its ``htmlStash``: raw HTML is set aside behind a
placeholder and put back after conversion. This stash does the same one step earlier: while an
engine hook will put the HTML back (``start``), ``place`` hands the macro a placeholder (an HTML
comment, which Markdown passes through as written, alone on its line or inline), and ``restore``
puts the HTML back into the converted page. Without ``start`` (an engine that runs no hooks)
``place`` returns the HTML itself, and Markdown reads it as before.
"""

from __future__ import annotations

import itertools
import re
import secrets


class HtmlStash:
    """HTML set aside for the page being built, behind placeholders of this build's token."""

    def __init__(self) -> None:
        self._html: dict[str, str] = {}
        self._keys = itertools.count()
        self._token: str | None = None
        self._placeholder: re.Pattern[str] | None = None

    @property
    def active(self) -> bool:
        """Whether ``place`` sets HTML aside (after ``start``)."""
        return self._token is not None

    def start(self) -> None:
        """Set HTML aside from now on, under a new random token (a page cannot contain one by
        chance); forgets what an earlier build left."""
        self._html.clear()
        self._token = secrets.token_hex(8)
        self._placeholder = re.compile(rf"<!--mdx-stash:{self._token}:(\d+)-->")

    def stop(self) -> None:
        """Hand macros their HTML again (``place`` returns it as it is)."""
        self._html.clear()
        self._token = self._placeholder = None

    def place(self, html: str) -> str:
        """``html`` itself, or while active a placeholder for it (``<!--mdx-stash:…-->``)."""
        if self._token is None:
            return html
        key = str(next(self._keys))
        self._html[key] = html
        return f"<!--mdx-stash:{self._token}:{key}-->"

    def restore(self, html: str) -> str:
        """``html`` (a converted page) with each placeholder replaced by the HTML it stands for.
        Raises ValueError when this build's token is still in the page afterwards: Markdown
        changed a placeholder (escaped it in a link, an attribute or code), so the HTML it stood
        for cannot be put back."""
        if self._placeholder is None or self._token is None:
            return html
        stashed = self._html
        restored = self._placeholder.sub(lambda match: stashed.pop(match.group(1), ""), html)
        if self._token in restored:
            raise ValueError("a macro's HTML was changed by Markdown")
        return restored


# The one stash of a build: the macros module places, the engine's hooks start and restore.
STASH = HtmlStash()
