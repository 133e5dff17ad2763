"""Post-processed output: CSP on every page, reproducible builds, print page, llms.txt."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from tests.conftest import (
    PROJECT_DIR,
    project_catalogue,
    site_config,
)


def html_files(site_dir):
    return sorted(site_dir.rglob("*.html"))


def test_every_page_has_a_strict_content_security_policy(built_site):
    for html_file in html_files(built_site.site_dir):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        meta = soup.select_one('meta[http-equiv="Content-Security-Policy"]')
        assert meta is not None, html_file
        policy = dict(part.split(" ", 1) for part in meta["content"].split("; "))
        assert policy["script-src"].startswith("'self'")
        assert (
            "unsafe-inline" not in policy["script-src"]
            and "unsafe-eval" not in policy["script-src"]
        )
        first_script = soup.find("script")
        if first_script is not None:
            assert meta.sourceline < first_script.sourceline, html_file
        assert not [
            tag for tag in soup.find_all(True) if any(a.startswith("on") for a in tag.attrs)
        ]


def test_print_assets_load_only_on_the_print_page(built_site):
    for html_file in html_files(built_site.site_dir):
        text = html_file.read_text(encoding="utf-8")
        on_print_page = html_file.parent.name == "print_page"
        assert ("print-site.css" in text) == on_print_page, html_file
        assert ("js/print-site.js" in text) == on_print_page, html_file


def test_print_page_contains_every_chapter_and_every_checklist(built_site):
    catalogue = project_catalogue()
    soup = BeautifulSoup(
        (built_site.site_dir / "print_page/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    text = " ".join(soup.get_text(" ").split())
    for chapter in catalogue.chapters.values():
        assert chapter.title in text
    for topic in catalogue.topics.values():
        section = soup.select_one(f"section[data-mdx-list='{topic.id}']")
        assert section is not None, topic.id
        assert len(section.select("li.mdx-item input[type=checkbox]")) == len(topic.items)
    assert len(soup.select("li.mdx-card")) == len(catalogue.phases)


def plain_sentence(source: str) -> str:
    """The last plain sentence of ``source`` (docs/ Markdown): letters, digits and simple
    punctuation only, so any Markdown copy of the page keeps it exactly as written."""
    text = (PROJECT_DIR / "docs" / source).read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    sentences = re.findall(r"(?:^|(?<=[.!?] ))([A-Z][A-Za-z0-9 ,;-]+[.!?])(?= |$)", body, re.M)
    assert sentences, f"docs/{source} has no plain sentence"
    return sentences[-1]


def test_llms_txt_lists_the_guide(built_site):
    catalogue = project_catalogue()
    llms = (built_site.site_dir / "llms.txt").read_text(encoding="utf-8")
    assert llms.startswith(f"# {site_config()['site_name']}\n")
    for url in [catalogue.framework_url, *(topic.url for topic in catalogue.topics.values())]:
        assert url in llms, url
    full = (built_site.site_dir / "llms-full.txt").read_text(encoding="utf-8")
    chapters = [source for source, url in catalogue.pages.items() if catalogue.chapter_at(url)]
    assert plain_sentence(chapters[-1]) in full


def test_pages_show_when_they_were_last_updated(built_site):
    for chapter in project_catalogue().chapters.values():
        html = (built_site.site_dir / chapter.url / "index.html").read_text(encoding="utf-8")
        assert re.search(
            r'class="git-revision-date-localized-plugin[^"]*"[^>]*>[A-Z][a-z]+ \d{1,2}, \d{4}<',
            html,
        ), chapter.url


def differing_files(one: Path, two: Path) -> list[str]:
    """Files present in only one of two site folders or with different bytes, by relative path."""
    names = {p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file()}
    names |= {p.relative_to(two).as_posix() for p in two.rglob("*") if p.is_file()}
    return sorted(
        name
        for name in names
        if not (one / name).is_file()
        or not (two / name).is_file()
        or (one / name).read_bytes() != (two / name).read_bytes()
    )


# Built from a one-commit copy: what the work tree has not committed yet (a new chapter) would
# otherwise take its "last updated" date from the clock. The builds start a second apart, so a
# clock-dependent date would differ. Shared with tests/build/test_engines.py; one group per
# fixture, so the two projects can build on different workers. The first build is a new
# process as `make build` starts it, the second is forked from the build server as the other
# tests' builds are (each with its own string hashing, so set order differs): the same bytes
# also say that what the tests judge is what `make build` makes.
@pytest.mark.xdist_group("committed-builds")
def test_two_builds_of_one_commit_are_byte_identical(committed_builds):
    one, two = committed_builds.site("one"), committed_builds.site("two", preloaded=True)
    assert differing_files(one, two) == []


@pytest.mark.xdist_group("committed-builds-new-chapter")
def test_builds_are_byte_identical_with_an_uncommitted_page(committed_builds_with_new_chapter):
    builds = committed_builds_with_new_chapter
    assert differing_files(builds.site("one"), builds.site("two", preloaded=True)) == []


def test_no_page_asks_another_host_for_repository_stars(built_site):
    # Material's source component would fetch stars and forks from api.github.com.
    for html_file in html_files(built_site.site_dir):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        assert soup.select('[data-md-component="source"]') == [], html_file
        assert all(link.get("href") for link in soup.select("a.md-source")), html_file


def test_every_page_links_the_sites_own_small_favicon(built_site):
    for html_file in html_files(built_site.site_dir):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        icon = soup.select_one('link[rel="icon"]')
        if icon is None:  # the redirect stubs mkdocs-redirects writes have no head to speak of
            assert 'http-equiv="refresh"' in str(soup), html_file
            continue
        page_url = built_site.base_url + html_file.relative_to(built_site.site_dir).as_posix()
        # 404.html links from the site root (it is served at any depth); others relatively.
        served = urljoin(page_url, icon["href"]).removeprefix(built_site.base_url)
        target = built_site.site_dir / served
        assert target.suffix == ".svg" and target.is_file(), (html_file, icon["href"])
        assert target.stat().st_size < 512


def test_every_page_starts_materials_scripts_after_the_first_paint_styled_for_javascript(
    built_site,
):
    """No page loads a script of Material's while it is parsed: each page has Material's scripts
    as inert tags, the bundle marked, and the page loader that adds them; redirect stubs have
    none of these."""
    pages = 0
    for html_file in html_files(built_site.site_dir):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        where = html_file.relative_to(built_site.site_dir).as_posix()
        if soup.select_one('meta[http-equiv="refresh"]'):
            assert soup.select("script[data-mdx-src], script[data-mdx-loader]") == [], where
            continue
        pages += 1
        parsed = [s["src"] for s in soup.find_all("script", src=True)]
        assert [src for src in parsed if "/javascripts/" in src] == [], where
        inert = soup.select("script[data-mdx-src]")
        assert inert and all(tag["type"] == "text/plain" for tag in inert), where
        (bundle,) = soup.select("script[data-mdx-bundle]")
        assert "/javascripts/bundle." in bundle["data-mdx-src"], where
        assert len(soup.select("script[data-mdx-loader]")) == 1, where
        head_scripts = [s.string or "" for s in soup.head.find_all("script", src=False)]
        assert any('classList.replace("no-js", "js")' in text for text in head_scripts), where
    # Every chapter is one of the pages checked (the 404 and print pages come on top).
    assert pages > len(project_catalogue().chapters)
