"""The content link check: links MkDocs writes from the site's path (the 404 page's, which is
served at any depth) are checked from the site's root, like every other link."""

from __future__ import annotations

from hooks.guards.built_pages import read_page
from hooks.guards.links import broken_content_links

FILES = frozenset({"index.html", "404.html", "guide/a/index.html"})


def problems(href: str, page_name: str = "404.html", site_path: str = "/docs/") -> list[str]:
    page = read_page(f'<article class="md-content__inner"><a href="{href}">x</a></article>')
    return broken_content_links({page_name: page}, FILES, lambda name, _: name, site_path)


def test_links_from_the_sites_path_lead_from_its_root():
    assert problems("/docs/guide/a/") == []
    assert problems("/docs/.") == []
    assert problems("/docs/guide/a/", page_name="guide/a/index.html") == []


def test_a_link_from_the_sites_path_to_no_page_is_reported():
    assert problems("/docs/guide/b/") == [
        "404.html: link '/docs/guide/b/' leads to no page; fix the path (links are relative to "
        "the page) or the data that emits it"
    ]
    # Outside the site's path a path-absolute link leads off the site: no page of it.
    assert len(problems("/elsewhere/guide/a/")) == 1


def test_relative_links_still_lead_from_their_page():
    assert problems("../../index.html", page_name="guide/a/index.html") == []
    assert len(problems("../b/", page_name="guide/a/index.html")) == 1
