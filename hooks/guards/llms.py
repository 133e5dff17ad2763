"""Site URLs in the files for language models (mkdocs-llmstxt's ``llms.txt`` and its full
output) that lead to no file of the built site: the plugin writes a Markdown copy only of the
pages it lists, and turns every link in them into an absolute URL ending in ``index.md``."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

# Markdown links and bare URLs alike; a URL ends at whitespace, a bracket, a quote or a backtick.
_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+")


def unresolved_site_urls(name: str, text: str, site_url: str, files: frozenset[str]) -> list[str]:
    """One problem per URL in ``text`` (the file ``name``, site-relative) that starts with
    ``site_url`` and leads to no file in ``files`` (every file of the built site,
    site-relative). A URL ending in ``/`` leads to its ``index.html``; the fragment and query
    are not checked. Other hosts' URLs are left alone."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        for match in _URL.finditer(line):
            url = match.group(0).rstrip(".,;:*")  # sentence punctuation, Markdown emphasis
            if not url.startswith(base):
                continue
            path = unquote(urlsplit(url[len(base) - 1 :]).path).lstrip("/")
            target = posixpath.normpath(path) if path else ""
            if not path or path.endswith("/"):
                target = posixpath.join(target, "index.html") if path else "index.html"
            if target not in files:
                problems.append(
                    f"{name}:{number}: '{url}' leads to no file of the site; a page's Markdown "
                    "copy exists only for pages in nav (mkdocs.yml), so add the page to nav or "
                    "link the page itself"
                )
    return problems
