"""The macros' HTML skips Markdown (hooks/content/stash.py): what a macro renders reaches the page
exactly as rendered, through the site's own Markdown extensions, and a placeholder Markdown
escaped stops the build instead of losing the HTML."""

from __future__ import annotations

import functools

import markdown
import pytest

from hooks.content import render
from hooks.content.stash import HtmlStash
from tests.conftest import PROJECT_DIR, project_catalogue

CATALOGUE = project_catalogue()
TOPIC = next(iter(CATALOGUE.topics.values()))
PAGE = render.PageContext(url=CATALOGUE.topics[TOPIC.id].url, site_url="https://example.org/")


@functools.cache
def _site_markdown() -> markdown.Markdown:
    """A converter with the Markdown extensions and settings of the site's mkdocs.yml."""
    from mkdocs.config import load_config

    config = load_config(str(PROJECT_DIR / "mkdocs.yml"))
    return markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )


def to_html(text: str) -> str:
    return _site_markdown().reset().convert(text)


def test_without_start_a_macro_gets_its_html_back():
    html = render.render_checklist(CATALOGUE, TOPIC, PAGE)
    assert HtmlStash().place(html) == html


@pytest.mark.parametrize(
    "page",
    ["Intro.\n\n{call}\n\nMore text.\n", "- a list item\n\n    {call}\n", "Text {call} text."],
)
def test_the_html_reaches_the_page_as_rendered(page):
    stash = HtmlStash()
    stash.start()
    html = render.render_checklist(CATALOGUE, TOPIC, PAGE)
    placeholder = stash.place(html)
    assert TOPIC.items[0].id not in placeholder
    restored = stash.restore(to_html(page.format(call=placeholder)))
    assert html in restored
    assert "mdx-stash" not in restored


def test_each_build_has_its_own_token():
    stash = HtmlStash()
    stash.start()
    first = stash.place("<p>a</p>")
    stash.start()
    assert stash.restore(first) == first  # an earlier build's placeholder is page text
    assert stash.restore(stash.place("<p>b</p>")) == "<p>b</p>"


def test_a_placeholder_markdown_escaped_is_refused():
    stash = HtmlStash()
    stash.start()
    placeholder = stash.place(render.render_checklist(CATALOGUE, TOPIC, PAGE))
    page = to_html(f'[the list](#top "{placeholder}")')
    with pytest.raises(ValueError, match="changed by Markdown"):
        stash.restore(page)


def test_stop_hands_the_html_back():
    stash = HtmlStash()
    stash.start()
    stash.stop()
    assert stash.place("<p>x</p>") == "<p>x</p>"
