"""Link previews: every page's Open Graph and Twitter card tags, read with extruct's Open Graph
parser as a chat client reads them, and the social card each one names, opened with Pillow."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import extruct
from bs4 import BeautifulSoup
from PIL import Image

from hooks.output import social_cards
from tests.conftest import project_catalogue, site_config, site_nav

# The budget for one card.
MAX_CARD_BYTES = 60 * 1024


def open_graph(html: str) -> dict[str, str]:
    """The page's Open Graph properties as extruct reads them (one value per property)."""
    found = extruct.extract(html, syntaxes=["opengraph"], uniform=False)["opengraph"]
    assert len(found) == 1, found
    return dict(found[0]["properties"])


def page_files(site_dir: Path) -> dict[str, Path]:
    """Built page (site-relative URL, "" for the home page) -> its HTML file, for every page
    of nav (from the data) and the print page; 404.html and redirect stubs are not pages."""
    urls = [*project_catalogue().pages.values(), "print_page/"]
    return {url: site_dir / url / "index.html" for url in urls}


def nav_sections() -> dict[str, str]:
    """Site-relative page source ("guide/x.md") -> the title of its nav section."""
    sections = {}
    for entry in site_nav():
        for title, value in entry.items():
            if isinstance(value, list):
                for child in value:
                    source = next(iter(child.values())) if isinstance(child, dict) else child
                    sections[source] = title
    return sections


def test_every_page_has_a_complete_link_preview(built_site):
    config = site_config()
    base = built_site.base_url
    images = {}
    for url, html_file in page_files(built_site.site_dir).items():
        html = html_file.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        properties = open_graph(html)
        where = f"{url or 'home page'}: {properties}"
        assert properties["og:site_name"] == config["site_name"], where
        assert (
            properties["og:url"] == base + url == soup.select_one('link[rel="canonical"]')["href"]
        )
        assert properties["og:type"] == ("website" if url == "" else "article"), where
        assert (
            properties["og:description"] == soup.select_one('meta[name="description"]')["content"]
        )
        assert properties["og:description"].strip(), where
        # The title the page gives browsers (Material: "<page> - <site>", the site's name alone
        # on the home page).
        document_title = soup.title.get_text()
        if url == "":
            assert properties["og:title"] == document_title == config["site_name"], where
        else:
            assert f"{properties['og:title']} - {config['site_name']}" == document_title, where
        twitter = soup.select_one('meta[name="twitter:card"]')
        assert twitter is not None and twitter["content"] == "summary_large_image", where

        image_url = properties["og:image"]
        assert image_url.startswith(base), where
        card = built_site.site_dir / urlsplit(image_url).path.removeprefix(urlsplit(base).path)
        assert card.is_file(), where
        with Image.open(card) as image:
            assert image.format == "PNG"
            assert image.size == (
                int(properties["og:image:width"]),
                int(properties["og:image:height"]),
            )
        assert card.stat().st_size <= MAX_CARD_BYTES, f"{card.name}: {card.stat().st_size} bytes"
        assert properties["og:title"] in properties["og:image:alt"], where
        images[url] = image_url
    # One card per page: no two pages with different titles share an image.
    assert len(set(images.values())) == len(images)


def test_each_card_names_its_page_section(built_site):
    sections = nav_sections()
    catalogue = project_catalogue()
    checked = 0
    for source, url in catalogue.pages.items():
        if source not in sections:
            continue
        html = (built_site.site_dir / url / "index.html").read_text(encoding="utf-8")
        alt = open_graph(html)["og:image:alt"]
        assert sections[source] in alt.split(" · "), (url, alt)
        checked += 1
    assert checked == len([s for s in catalogue.pages if s in sections]) > 0


def test_cards_are_served_at_their_stated_url(built_site):
    """The image URL answers over HTTP under the site's sub-path (as GitHub Pages serves it)."""
    import urllib.request

    html = (built_site.site_dir / "index.html").read_text(encoding="utf-8")
    image_url = open_graph(html)["og:image"]
    with urllib.request.urlopen(image_url) as response:  # the local test server
        assert response.status == 200
        assert response.read(8) == b"\x89PNG\r\n\x1a\n"


def test_cards_add_no_request_to_a_page_load(built_site, page):
    """The card is for the client that draws a preview; the page itself never loads it."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    cards = set()
    for url, html_file in page_files(built_site.site_dir).items():
        cards.add(open_graph(html_file.read_text(encoding="utf-8"))["og:image"])
        page.goto(built_site.base_url + url)
        page.wait_for_load_state("load")
    assert requested, "no request seen at all"
    assert cards and not cards & set(requested)
    assert not [url for url in requested if f"/{social_cards.CARDS_DIR}/" in url]
