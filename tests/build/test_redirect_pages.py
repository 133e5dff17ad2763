"""A moved page's old address previews as the page it leads to: a link to it unfurls with the
target's title, description and canonical URL, not "Redirecting..."."""

from __future__ import annotations

from bs4 import BeautifulSoup
from mkdocs.structure.files import File

from tests.conftest import site_config

PREVIEW = ("title", 'meta[name="description"]', 'link[rel="canonical"]')


def head_tags(html_file) -> dict[str, str]:
    head = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").head
    found = {}
    for selector in PREVIEW:
        tag = head.select_one(selector)
        found[selector] = None if tag is None else tag.get("content") or tag.get("href") or tag.text
    return found


def redirect_maps() -> dict[str, str]:
    for plugin in site_config()["plugins"]:
        if isinstance(plugin, dict) and "redirects" in plugin:
            return plugin["redirects"]["redirect_maps"]
    return {}


def test_every_redirect_page_previews_as_its_target(built_site):
    redirects = redirect_maps()
    assert redirects, "mkdocs.yml has redirects"
    for old, new in redirects.items():
        stub = built_site.site_dir / File(old, "", "", True).dest_uri
        target = built_site.site_dir / File(new.partition("#")[0], "", "", True).dest_uri
        stub_html = stub.read_text(encoding="utf-8")
        assert 'http-equiv="refresh"' in stub_html, old  # still a redirect
        assert "Redirecting" not in head_tags(stub)["title"], old
        assert head_tags(stub) == head_tags(target), old
