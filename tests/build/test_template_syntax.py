"""Template-like text reads as written: code in every form Markdown has, attribute lists and
Jinja-like prose build and show unchanged, on a page that renders macros and on a prose page.

One build holds every form on both pages; each form is then checked on each page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from tests.build.test_bad_input_builds import MACRO_PAGE as MACRO_SOURCE
from tests.build.test_bad_input_builds import PAGE as PROSE_SOURCE
from tests.conftest import copy_project, run_mkdocs_build

# Every test here reads built_articles: the group keeps them on one worker, which builds once.
pytestmark = pytest.mark.xdist_group("template-forms")

# A page that renders macros (a topic page) and a chapter that does not, as "folder/name".
MACRO_PAGE = MACRO_SOURCE.removeprefix("docs/").removesuffix(".md")
PROSE_PAGE = PROSE_SOURCE.removeprefix("docs/").removesuffix(".md")


def _text(node: Tag) -> str:
    return " ".join(node.get_text().split())


def _in(selector: str, expected: str):
    """A check: some element matching ``selector`` shows exactly ``expected``, no more and no
    less (whitespace collapsed, as a browser shows it)."""

    def check(article: Tag) -> None:
        shown = [_text(node) for node in article.select(selector)]
        assert " ".join(expected.split()) in shown, shown

    return check


def _heading_with_id(anchor: str, title: str):
    def check(article: Tag) -> None:
        heading = article.select_one(f"h2#{anchor}")
        assert heading is not None, [h.get("id") for h in article.select("h2")]
        for link in heading.select(".headerlink"):
            link.decompose()
        assert _text(heading) == title

    return check


def _with_class(css_class: str, text: str):
    def check(article: Tag) -> None:
        assert [_text(node) for node in article.select(f"p.{css_class}")] == [text]

    return check


# name -> (Markdown appended to the page, check on the built article)
FORMS = {
    "code span": (
        "Inline: `{{ customer.name }}` and ``{% if admin %}``.",
        _in("p > code", "{{ customer.name }}"),
    ),
    "code span that wraps a line": (
        "A wrapped span `{{\ncustomer.email }}` ends here.",
        _in("p > code", "{{ customer.email }}"),
    ),
    "indented code block": (
        "Before the block:\n\n    Subject: {{ config.site_name }} webhook failed\n\nAfter it.",
        _in("pre", "Subject: {{ config.site_name }} webhook failed"),
    ),
    "fence in a blockquote": (
        "> ```jinja\n> {% for hook in hooks %}{{ hook.url }}{% endfor %}\n> ```",
        _in("blockquote pre", "{% for hook in hooks %}{{ hook.url }}{% endfor %}"),
    ),
    "fence in a list": (
        "- Set the header:\n\n    ```text\n    X-Signature: {{ signature }}\n    ```",
        _in("li pre", "X-Signature: {{ signature }}"),
    ),
    "fence in an admonition": (
        "!!! note\n\n    ```liquid\n    {% assign retries = 3 %}{{ retries }}\n    ```",
        _in(".admonition pre", "{% assign retries = 3 %}{{ retries }}"),
    ),
    "Jinja-like prose": (
        "Prose with {{ user }}, {% if paid %}, {{- trimmed -}} and {# a note #} in it.",
        _in("p", "Prose with {{ user }}, {% if paid %}, {{- trimmed -}} and {# a note #} in it."),
    ),
    "Jinja call in prose": (
        "A template prints {{ now() }} and {{ range(3) | list }}.",
        _in("p", "A template prints {{ now() }} and {{ range(3) | list }}."),
    ),
    "raw block in prose": (
        "Escape with {% raw %}{{ literal }}{% endraw %} in Jinja.",
        _in("p", "Escape with {% raw %}{{ literal }}{% endraw %} in Jinja."),
    ),
    "attr_list id on a heading": (
        "## Delivery notes {#delivery-notes}",
        _heading_with_id("delivery-notes", "Delivery notes"),
    ),
    "attr_list class on a paragraph": (
        "A styled paragraph.\n{: .styled-form }",
        _with_class("styled-form", "A styled paragraph."),
    ),
}


@pytest.fixture(scope="module")
def built_articles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Tag]:
    project = copy_project(tmp_path_factory.mktemp("forms") / "project")
    appended = "\n\n".join(markdown for markdown, _ in FORMS.values())
    for page in (MACRO_PAGE, PROSE_PAGE):
        path = project / "docs" / f"{page}.md"
        path.write_text(path.read_text(encoding="utf-8") + "\n" + appended + "\n", "utf-8")
    result = run_mkdocs_build(project, project / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.stderr[-3000:]
    articles = {}
    for page in (MACRO_PAGE, PROSE_PAGE):
        html = Path(project / "site" / page / "index.html").read_text(encoding="utf-8")
        articles[page] = BeautifulSoup(html, "html.parser").select_one("article")
    return articles


@pytest.mark.parametrize("page", [MACRO_PAGE, PROSE_PAGE])
@pytest.mark.parametrize("form", list(FORMS))
def test_form_reads_as_written(built_articles, page, form):
    _, check = FORMS[form]
    check(built_articles[page])
