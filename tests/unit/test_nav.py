"""Walking mkdocs.yml's nav without MkDocs: pages in order, and top-level sections."""

from __future__ import annotations

from hooks.content.nav import nav_sections, nav_sources

NAV = [
    {"Home": "index.md"},
    "about.md",
    {"Guide": ["guide/a.md", {"Deeper": [{"B": "guide/b.md"}]}, "https://example.org/"]},
    {"Guide": ["guide/c.md"]},
]


def test_sources_in_nav_order_without_external_links():
    assert nav_sources(NAV) == ("index.md", "about.md", "guide/a.md", "guide/b.md", "guide/c.md")


def test_sections_group_pages_by_top_level_section():
    assert nav_sections(NAV) == {
        "Home": ("index.md",),
        "about.md": ("about.md",),
        "Guide": ("guide/a.md", "guide/b.md", "guide/c.md"),
    }
