"""The "Suggest a fix" links: every page and every item links to the repository's issue form,
with query fields that are the form's own field ids, built from ``repo_url``."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml
from bs4 import BeautifulSoup

from tests.conftest import PROJECT_DIR, project_catalogue, site_config

ISSUE_TEMPLATES = PROJECT_DIR / ".github" / "ISSUE_TEMPLATE"


def issue_form(name: str) -> dict:
    """An issue form of .github/ISSUE_TEMPLATE/ as GitHub reads it."""
    path = ISSUE_TEMPLATES / name
    assert path.is_file(), f"the link names {name}, which .github/ISSUE_TEMPLATE/ lacks"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def form_field_ids(form: dict) -> set[str]:
    return {field["id"] for field in form["body"] if "id" in field}


def read_link(href: str, repo_url: str) -> dict[str, str]:
    """The query of an issue-form link, after checking it opens ``repo_url``'s new-issue page
    with a form whose field ids include every other query parameter."""
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == repo_url.rstrip("/") + "/issues/new"
    query = {key: values[0] for key, values in parse_qs(parts.query, strict_parsing=True).items()}
    assert all(len(values) == 1 for values in parse_qs(parts.query).values())
    form = issue_form(query.pop("template"))
    # GitHub's own parameters besides the form's fields: the issue's title.
    title = query.pop("title")
    assert title.startswith(form["title"]), title
    assert set(query) <= form_field_ids(form), (set(query), form_field_ids(form))
    return query


def pages(site_dir: Path, *, print_page: bool = True) -> dict[str, BeautifulSoup]:
    """Every page of nav, by site-relative URL (from the data), and the print page."""
    urls = list(project_catalogue().pages.values()) + (["print_page/"] if print_page else [])
    return {
        url: BeautifulSoup(
            (site_dir / url / "index.html").read_text(encoding="utf-8"), "html.parser"
        )
        for url in urls
    }


def test_every_page_has_one_suggest_a_fix_link_to_the_issue_form(built_site):
    repo_url = site_config()["repo_url"]
    for url, soup in pages(built_site.site_dir).items():
        links = soup.select("article .mdx-fix a")
        assert len(links) == 1, url
        fields = read_link(links[0]["href"], repo_url)
        assert fields == {"page": built_site.base_url + url}, url


def test_every_item_has_one_suggest_a_fix_link_with_its_id_and_title(built_site):
    repo_url = site_config()["repo_url"]
    catalogue = project_catalogue()
    seen: set[str] = set()
    # The print page repeats these items (and their links, which name the item's own page).
    for url, soup in pages(built_site.site_dir, print_page=False).items():
        for item in soup.select("li.mdx-item"):
            links = item.select(":scope > .mdx-item__fix a")
            assert len(links) == 1, (url, item["data-mdx-item"])
            fields = read_link(links[0]["href"], repo_url)
            label = item.select_one(":scope > .mdx-item__head > .mdx-item__text")
            assert fields == {
                "page": f"{built_site.base_url}{url}#{item['data-mdx-item']}",
                "item": item["data-mdx-item"],
                "item-title": label.get_text(),
            }, (url, item["data-mdx-item"])
            seen.add(item["data-mdx-item"])
    # The links are on the items of every checklist and framework card, from the data.
    expected = {entry.id for topic in catalogue.topics.values() for entry in topic.items}
    expected |= {task.id for phase in catalogue.phases for task in phase.tasks}
    assert expected and expected <= seen, sorted(expected - seen)


def test_the_links_work_without_javascript(built_site, browser):
    """With scripts off, the page's and the items' links are plain links to the form."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        topic = next(iter(project_catalogue().topics.values()))
        page.goto(built_site.base_url + topic.url)
        repo_url = site_config()["repo_url"]
        for link in [page.locator(".mdx-fix a"), page.locator(".mdx-item__fix a").first]:
            assert link.is_visible()
            assert link.get_attribute("href").startswith(repo_url.rstrip("/") + "/issues/new?")
    finally:
        context.close()
