"""Redirect pages preview as the page they lead to.

mkdocs-redirects writes each moved page's old address as a stub titled "Redirecting...", with a
relative canonical link and no description; link previews (chat apps, social sites) read the
stub's head and do not follow its refresh, so ``…/start/`` unfurled as "Redirecting...". The
plugin has no template option, so after it writes the stubs, each gets the head of the page it
leads to: title, description, canonical URL and the social-preview tags.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

# What a preview reads from a page's head.
PREVIEW_TAGS = (
    "title",
    'meta[name="description"]',
    'link[rel="canonical"]',
    'meta[property^="og:"]',
    'meta[name^="twitter:"]',
)
_CHARSET = re.compile(r"<meta charset=[^>]*>")
_STUB_TAGS = re.compile(r'\s*(<title>[^<]*</title>|<link rel="canonical"[^>]*>)')


def preview_as_target(site_dir: Path, stubs: Mapping[str, str]) -> list[str]:
    """Give each redirect stub the preview tags (``PREVIEW_TAGS``) of its target's head.

    ``stubs`` maps a stub's site-relative file (``"start/index.html"``) to its target's
    (``"guide/x/index.html"``). The stub's own title and canonical link are replaced; its
    refresh, script and body stay. A stub or target that is not there is left alone (the
    redirect guards report those). Returns the stubs rewritten.
    """
    rewritten = []
    for stub_name, target_name in stubs.items():
        stub, target = site_dir / stub_name, site_dir / target_name
        if not stub.is_file() or not target.is_file():
            continue
        head = LexborHTMLParser(target.read_text(encoding="utf-8")).head
        tags = (
            [node.html for selector in PREVIEW_TAGS for node in head.css(selector)] if head else []
        )
        html = stub.read_text(encoding="utf-8")
        if not tags:
            continue
        html = _STUB_TAGS.sub("", html)
        # After the charset, which must come first; the plugin's stub writes it first in <head>.
        anchor = _CHARSET.search(html) or re.search(r"<head>", html)
        if anchor is None:
            continue
        html = html[: anchor.end()] + "\n    " + "\n    ".join(tags) + html[anchor.end() :]
        stub.write_text(html, encoding="utf-8")
        rewritten.append(stub_name)
    return rewritten
