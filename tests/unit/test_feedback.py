"""The "Suggest a fix" links: built from repo_url, with the issue form's fields filled in."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from hooks.content import feedback, render
from tests.conftest import project_catalogue

CATALOGUE = project_catalogue()
TOPIC = next(iter(CATALOGUE.topics.values()))


def query(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def test_the_link_opens_the_issue_form_of_repo_url():
    for repo in ("https://github.com/a/b", "https://github.com/a/b/", "https://github.com/a/b.git"):
        url = feedback.suggest_fix_url(repo, "https://e.org/x/", "X")
        assert url.startswith("https://github.com/a/b/issues/new?"), url
    assert query(url) == {
        "template": feedback.ISSUE_FORM,
        "page": "https://e.org/x/",
        "title": feedback.TITLE_PREFIX + "X",
    }
    assert feedback.suggest_fix_url(None, "https://e.org/x/", "X") is None
    assert feedback.suggest_fix_url("", "https://e.org/x/", "X") is None


def test_an_item_link_fills_in_the_item_id_and_title():
    url = feedback.suggest_fix_url(
        "https://github.com/a/b", "https://e.org/x/", "X", "i-1", "Do & go"
    )
    assert query(url) == {
        "template": feedback.ISSUE_FORM,
        "page": "https://e.org/x/#i-1",
        "item": "i-1",
        "item-title": "Do & go",
        "title": feedback.TITLE_PREFIX + "i-1",
    }


def test_every_rendered_item_links_to_the_repo_url_of_its_page_context():
    for repo in ("https://github.com/one/guide", "https://github.com/fork/guide"):
        page = render.PageContext(url=TOPIC.url, site_url="https://e.org/", repo_url=repo)
        soup = BeautifulSoup(render.render_checklist(CATALOGUE, TOPIC, page), "html.parser")
        links = [li.select_one(":scope > .mdx-item__fix a") for li in soup.select("li.mdx-item")]
        assert len(links) == len(TOPIC.items)
        for link, item in zip(links, TOPIC.items, strict=True):
            assert link["href"].startswith(f"{repo}/issues/new?")
            assert query(link["href"])["item"] == item.id


def test_no_repository_no_link():
    page = render.PageContext(url=TOPIC.url, site_url="https://e.org/")
    soup = BeautifulSoup(render.render_checklist(CATALOGUE, TOPIC, page), "html.parser")
    assert soup.select("li.mdx-item") and not soup.select(".mdx-item__fix")
