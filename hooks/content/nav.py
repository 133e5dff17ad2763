"""Walk mkdocs.yml's ``nav`` (the one list of pages) without MkDocs: other engines read it too."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
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


def page_url(source: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL of a page source (relative to docs/), by MkDocs' rule for
    documentation pages (``mkdocs.structure.files.File.url``), which ProperDocs and Zensical
    follow. With directory URLs ``"guide/x.md"`` -> ``"guide/x/"`` and an ``index.md`` stands
    for its folder (``"topics/index.md"`` -> ``"topics/"``, the home page -> ``""``); without
    them ``"guide/x.html"`` and ``"topics/index.html"``."""
    folder, _, name = source.rpartition("/")
    stem = name.removesuffix(".md")
    prefix = f"{folder}/" if folder else ""
    if not use_directory_urls:
        return f"{prefix}{stem}.html"
    return prefix if stem == "index" else f"{prefix}{stem}/"


def site_pages(
    nav: Any, docs_dir: Path, use_directory_urls: bool = True
) -> tuple[tuple[str, str], ...]:
    """The pages the site publishes, as plain data for the content layer: ``(source, URL)``
    pairs, source relative to docs/ (``"guide/x.md"``), URL site-relative (``"guide/x/"``).

    With a ``nav`` (mkdocs.yml's value, see nav_entries) these are its pages that exist as files,
    in nav order: a strict build publishes no page outside the nav. Without one, every Markdown
    file under ``docs_dir``, sorted, as MkDocs builds a site that has no nav.
    """
    if nav:
        sources = [source for source in nav_sources(nav) if (docs_dir / source).is_file()]
    else:
        sources = sorted(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md"))
    return tuple(
        (source, page_url(source, use_directory_urls)) for source in dict.fromkeys(sources)
    )


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


def published_source(pages: Mapping[str, str], source: str) -> str | None:
    """Which of ``pages`` (source -> URL, as site_pages gives them) publishes the page
    ``source`` (``"onboarding/plan.md"``): that source itself, or the same page moved into a
    folder of its own (``"onboarding/plan/index.md"``), which keeps its address with directory
    URLs; None when neither is published."""
    for candidate in (source, source.removesuffix(".md") + "/index.md"):
        if candidate in pages:
            return candidate
    return None


def printed_items(items: list[Any], excluded: Callable[[str], bool]) -> list[Any]:
    """The navigation ``items`` (MkDocs' nav: pages with ``is_page`` and ``file.src_path``,
    sections with ``is_section`` and ``children``, links) the print page shows: pages for which
    ``excluded(src_path)`` is false, and each section that keeps at least one printed page, with
    only its kept items. A section whose pages are all excluded would print as a page holding
    nothing but its heading. Sections are shallow copies; ``items`` is not changed."""
    kept: list[Any] = []
    for item in items:
        if item.is_section:
            children = printed_items(item.children, excluded)
            if any(child.is_page or child.is_section for child in children):
                section = copy.copy(item)
                section.children = children
                kept.append(section)
        elif not (item.is_page and excluded(item.file.src_path)):
            kept.append(item)
    return kept
