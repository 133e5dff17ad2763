"""llms.txt and llms-full.txt list the pages of `nav` (the one list of pages), and every URL of
the site in them leads to a file the site has."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from hooks.content.nav import nav_sections
from tests.build.test_bad_input_builds import PAGE, append_to_page
from tests.conftest import PROJECT_DIR, add_chapter, run_mkdocs_build

SITE_URL = "http://127.0.0.1:8000/"


def markdown_copy_url(site_url: str, source: str) -> str:
    """Where mkdocs-llmstxt publishes a page's Markdown copy: its directory URL + index.md."""
    page = source.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"{site_url}{page + '/' if page else ''}index.md"


def nav_of(project: Path) -> object:
    return yaml.load((project / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["nav"]


def page_title(project: Path, source: str) -> str:
    text = (project / "docs" / source).read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    # Without an attribute list that pins the heading's id (`# Title { #old-id }`).
    return re.search(r"^# (.+?)(?:\s*\{[^}]*\})?$", body, re.M).group(1)


def assert_lists_every_nav_page(project: Path, site_dir: Path, site_url: str) -> None:
    listing = (site_dir / "llms.txt").read_text(encoding="utf-8")
    full = (site_dir / "llms-full.txt").read_text(encoding="utf-8")
    sections = nav_sections(nav_of(project))
    assert sections
    for title, sources in sections.items():
        assert f"\n## {title}\n" in listing and f"\n# {title}\n" in full
        for source in sources:
            assert f"({markdown_copy_url(site_url, source)})" in listing, source
            assert f"\n# {page_title(project, source)}\n" in full, source


def test_llms_files_list_every_page_of_the_nav(built_site):
    assert_lists_every_nav_page(PROJECT_DIR, built_site.site_dir, built_site.base_url)


def test_every_site_url_in_the_llms_files_leads_to_a_file(built_site):
    for name in ("llms.txt", "llms-full.txt"):
        text = (built_site.site_dir / name).read_text(encoding="utf-8")
        urls = re.findall(rf"{re.escape(built_site.base_url)}[^\s)\]`]*", text)
        assert urls, name
        for url in urls:
            path = url.removeprefix(built_site.base_url).split("#")[0]
            path = path + "index.html" if path.endswith("/") or not path else path
            assert (built_site.site_dir / path).is_file(), f"{name}: {url}"


def test_a_page_added_to_nav_appears_in_both_files(project_copy):
    add_chapter(project_copy, "a-new-chapter", "A new chapter", "Something worth reading.")
    result = run_mkdocs_build(project_copy, project_copy / "site", SITE_URL)
    assert result.returncode == 0, result.stderr[-3000:]
    listing = (project_copy / "site/llms.txt").read_text(encoding="utf-8")
    assert f"[A new chapter]({SITE_URL}guide/a-new-chapter/index.md)" in listing
    assert "Something worth reading." in (project_copy / "site/llms-full.txt").read_text()
    assert_lists_every_nav_page(project_copy, project_copy / "site", SITE_URL)


def test_a_site_url_without_a_file_in_the_llms_files_fails(project_copy):
    # The print page is no nav page, so it has no Markdown copy for the plugin's link to name.
    assert PAGE.startswith("docs/guide/"), "the link below is relative to a chapter's URL"
    append_to_page(project_copy, '<a href="../../print_page/">Print it all</a>')
    result = run_mkdocs_build(project_copy, project_copy / "site", SITE_URL)
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert re.search(
        rf"llms-full\.txt:\d+: '{re.escape(SITE_URL)}print_page/index\.md' leads to no file", log
    ), log[-2000:]


# A Markdown link whose target is a fragment of the same page: a permalink, not content.
SELF_LINK = re.compile(r"\]\(#[^)]*\)")
# A Markdown link with a title: `[text](url "title")`.
TITLED_LINK = re.compile(r'\]\([^)\s]+ "[^"]*"\)')


def test_llms_full_has_no_permalinks_control_labels_or_link_titles(built_site):
    full = (built_site.site_dir / "llms-full.txt").read_text(encoding="utf-8")
    found = {
        "permalinks": SELF_LINK.findall(full),
        "titled links": TITLED_LINK.findall(full),
        "plan-builder labels": re.findall(r"^- Add .* to the plan", full, re.M),
        "suggest-a-fix links": re.findall(r"\[Suggest a fix", full),
    }
    assert not any(found.values()), {kind: lines[:3] for kind, lines in found.items() if lines}
