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


def nav_sections(nav: Any) -> dict[str, tuple[str, ...]]:
    """The pages of ``nav`` grouped by top-level section, in nav order: ``{section title:
    (source path, ...)}``, each section's nested pages flattened into it. A page listed at the
    top level outside any section (``- Home: index.md``) makes a section of its own, titled
    with its nav title (or its path when it has none). See nav_entries for the shape of
    ``nav``; this is what mkdocs-llmstxt's ``sections`` option takes."""
    sections: dict[str, tuple[str, ...]] = {}
    for entry in nav if isinstance(nav, list) else []:
        if isinstance(entry, dict) and len(entry) == 1:
            title, value = next(iter(entry.items()))
            pages = nav_sources(value if isinstance(value, list) else [value])
            key = str(title)
        else:
            pages = nav_sources([entry])
            key = pages[0] if pages else ""
        if pages:
            sections[key] = sections.get(key, ()) + pages
    return sections
