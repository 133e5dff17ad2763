"""A fork builds its own copy: "Suggest a fix" follows its ``repo_url``, and a second build
copies the social cards from the cache instead of drawing them again."""

from __future__ import annotations

from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from hooks.commands.build import strict_build
from hooks.output import social_cards
from tests.conftest import copy_project, project_catalogue

FORK = "https://github.com/someone-else/their-fork"
SITE_URL = "https://someone-else.github.io/their-fork/"


def test_a_fork_links_to_its_own_issues_and_rebuilds_from_the_card_cache(tmp_path):
    project = copy_project(tmp_path / "project", build_caches=False)  # the first build draws
    site = tmp_path / "site"
    env = {"REPO_URL": FORK}
    first = strict_build(project, site, site_url=SITE_URL, env=env, preloaded=True)
    assert first.returncode == 0, first.stderr[-3000:]

    topic = next(iter(project_catalogue(project).topics.values()))
    soup = BeautifulSoup(
        (site / topic.url / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    hrefs = [a["href"] for a in soup.select(".mdx-fix a, .mdx-item__fix a")]
    assert len(hrefs) == 1 + len(topic.items)
    assert all(href.startswith(f"{FORK}/issues/new?") for href in hrefs), hrefs
    image = soup.select_one('meta[property="og:image"]')["content"]
    assert image.startswith(SITE_URL + social_cards.CARDS_DIR + "/")

    cache = project / ".cache" / "social-cards"
    cached = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    assert urlsplit(image).path.rsplit("/", 1)[1] in cached
    # A cached card stands for its text: the second build copies what the cache holds.
    marker = cache / urlsplit(image).path.rsplit("/", 1)[1]
    marker.write_bytes(marker.read_bytes() + b"cached")
    cached[marker.name] = marker.stat().st_mtime_ns

    second = strict_build(project, site, site_url=SITE_URL, env=env, preloaded=True)
    assert second.returncode == 0, second.stderr[-3000:]
    assert {path.name: path.stat().st_mtime_ns for path in cache.iterdir()} == cached
    assert (site / social_cards.CARDS_DIR / marker.name).read_bytes().endswith(b"cached")
