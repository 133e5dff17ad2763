"""Walk mkdocs.yml's ``nav`` (the one list of pages) without MkDocs: other engines read it too."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def nav_entries(nav: Any, section: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    """Each page of a ``nav`` value as ``(section titles, source path)``, in nav order.

    ``nav`` is mkdocs.yml's value as YAML gives it: a list whose entries are a path string, a
    one-key mapping ``{title: path}`` or ``{section title: [entries...]}``. External links
    (``https://…``) are not pages and are left out. Unknown shapes yield nothing.
    """
    if isinstance(nav, str):
        if "://" not in nav:
            yield section, nav
    elif isinstance(nav, list):
        for entry in nav:
            yield from nav_entries(entry, section)
    elif isinstance(nav, dict):
        for title, value in nav.items():
            inner = (*section, str(title)) if isinstance(value, list) else section
            yield from nav_entries(value, inner)


def nav_sources(nav: Any) -> tuple[str, ...]:
    """Page source paths (relative to docs/) in nav order; see nav_entries for the shape."""
    return tuple(source for _, source in nav_entries(nav))
