"""Links inside page content (Markdown and raw HTML alike) that lead nowhere on the built site.

MkDocs checks the links Markdown writes; raw HTML links written by hand in a page it cannot see.
This checks every ``<a href>`` inside each page's content article against the built files. The
links the macros generate are already resolved against the published pages when they render
(``hooks.content.catalogue``), so a wrong one fails there, at its data file and line; here they
are only checked once more, with the rest.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from hooks.guards.built_pages import BuiltPage

# The print page is generated from the others by a plugin that renames heading anchors; its
# links are checked where they were written.
DERIVED_PAGES = ("print_page/index.html",)


def _target(page_name: str, path: str, files: frozenset[str], site_path: str = "/") -> str | None:
    """The site-relative file a link's ``path`` leads to from ``page_name``, or None. A path
    under ``site_path`` (the path of the site's URL, "/docs/") leads from the site's root: MkDocs
    writes the 404 page's links that way, since that page is served at any depth."""
    if not path:
        return page_name
    base = posixpath.dirname(page_name)
    if path.startswith(site_path):
        path, base = path[len(site_path) :] or ".", ""
    target = posixpath.normpath(posixpath.join(base, unquote(path)))
    if target == ".." or target.startswith(("../", "/")):
        return None
    if target == ".":
        target = "index.html"
    elif path.endswith("/") or (f"{target}/index.html" in files and target not in files):
        target = f"{target}/index.html"
    return target if target in files else None


def broken_content_links(
    pages: Mapping[str, BuiltPage],
    files: frozenset[str],
    locate: Callable[[str, str], str],
    site_path: str = "/",
) -> list[str]:
    """One problem string per link that leads to no file, or to an anchor its page lacks.

    ``pages`` maps each built HTML file (site-relative, ``guide/x/index.html``) to its reading;
    ``files`` is every file of the built site, site-relative; ``locate(page, text)`` names where
    to fix a page: its source file and the line holding ``text`` (``docs/guide/x.md:12``), or
    the built page when it has no source. ``site_path`` is the path of the site's URL ("/" or
    "/docs/"): a link starting with it leads from the site's root.
    Links with a scheme or host (other sites, ``mailto:``) are not checked here.
    """
    problems = []
    for page_name, page in pages.items():
        if page.article_hrefs is None or page_name in DERIVED_PAGES:
            continue
        for href in page.article_hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            target = _target(page_name, parts.path, files, site_path)
            if target is None:
                problems.append(
                    f"{locate(page_name, href)}: link '{href}' leads to no page; fix the path "
                    "(links are relative to the page) or the data that emits it"
                )
                continue
            fragment = unquote(parts.fragment)
            if fragment and PurePosixPath(target).suffix == ".html":
                target_page = pages.get(target)
                if target_page is not None and fragment not in target_page.ids:
                    problems.append(
                        f"{locate(page_name, href)}: link '{href}' points to '#{fragment}', "
                        f"which {locate(target, '')} does not have; fix the anchor"
                    )
    return problems
