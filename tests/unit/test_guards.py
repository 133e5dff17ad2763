"""Guards on their own: what a built page promises, images, redirects, llms.txt URLs, macro tags
in code. Whole builds that exercise them are in tests/build/."""

from __future__ import annotations

import markdown
import pytest

from hooks.guards import images, llms, macro_tags, redirects
from hooks.guards.built_pages import read_page


def article(body: str) -> str:
    return f'<html><body><article class="md-content__inner">{body}</article></body></html>'


def test_footnote_and_positional_ids_are_not_promised():
    page = read_page(
        article(
            '<h2 id="_1">日本語<a class="headerlink" href="#_1">¶</a></h2>'
            '<h2 id="why">Why</h2><h2 id="why_1">Why</h2><h3 id="v2_1">v2_1</h3>'
            '<p>x<sup id="fnref:a"><a href="#fn:a">1</a></sup><sup id="fnref2:a">2</sup></p>'
            '<div class="footnote"><ol><li id="fn:a">n</li></ol></div>'
        )
    )
    assert page.article_anchors == ("why", "v2_1")
    assert [(h.anchor, h.text, h.level, h.occurrence) for h in page.positional_headings] == [
        ("_1", "日本語", 2, 0),
        ("why_1", "Why", 2, 1),
    ]
    assert {"fn:a", "fnref:a", "_1"} <= page.ids  # links to them still resolve


def test_a_heading_numbered_because_a_later_element_has_its_slug_is_positional():
    page = read_page(article('<h2 id="notes_1">Notes</h2><p id="notes">Kept.</p>'))
    assert [h.anchor for h in page.positional_headings] == ["notes_1"]


def test_images_come_from_the_article_and_code_is_text():
    page = read_page(
        article('<img src="a.png" alt="A"><img src="b.png"><pre><code>&lt;img src="c.png"&gt;')
    )
    assert page.article_images == (("a.png", "A"), ("b.png", None))


def test_empty_alt_fails_in_markdown_and_marks_decoration_in_html():
    source = "# T\n\n![][flame]\n\n<img src='deco.svg' alt=''>\n\n[flame]: ../img/flame.png\n"
    page = read_page(article('<img alt="" src="../../img/flame.png"><img src="deco.svg" alt="">'))
    assert images.image_problems(page, "docs/x.md", source) == [
        "docs/x.md:3: image has no alt text; describe it in the brackets: "
        "![What the image shows](path)"
    ]


def test_the_same_file_twice_is_named_at_the_right_line():
    source = "![A flame graph](f.png)\n\n![](f.png)\n"
    page = read_page(article('<img alt="A flame graph" src="f.png"><img alt="" src="f.png">'))
    assert [p.split(":")[1] for p in images.image_problems(page, "docs/x.md", source)] == ["3"]


def test_redirects_that_cannot_be_kept():
    pages = {"a.md": "a/index.html", "b/index.md": "b/index.html"}
    text = (
        "plugins:\n  - redirects:\n      redirect_maps:\n"
        "        a.md: c.md\n        b.md: b/index.md\n        'old.md': a.md#x\n"
    )
    problems = redirects.redirect_problems(
        {"a.md": "c.md", "b.md": "b/index.md", "old.md": "a.md#x", "ext.md": "https://e.org/"},
        pages,
        lambda source: source.removesuffix(".md").removesuffix("index") + "/index.html",
        text,
    )
    assert [problem.split(": redirect")[0] for problem in problems] == [
        "mkdocs.yml:4",
        "mkdocs.yml:4",
        "mkdocs.yml:5",
    ]
    assert "a page the site still builds" in problems[0] and "no page" in problems[1]
    assert "would replace docs/b/index.md" in problems[2]


def test_llms_urls_must_lead_to_files():
    text = (
        "- [A](https://e.org/g/a/index.md)\n"
        "See [B](https://e.org/g/b/index.md) and `https://e.org/g/a/`, https://other.org/x.\n"
    )
    files = frozenset({"a/index.md", "a/index.html"})
    problems = llms.unresolved_site_urls("llms.txt", text, "https://e.org/g/", files)
    assert problems == [
        "llms.txt:2: 'https://e.org/g/b/index.md' leads to no file of the site; a page's "
        "Markdown copy exists only for pages in nav (mkdocs.yml), so add the page to nav or "
        "link the page itself"
    ]


DELIMITERS = macro_tags.Delimiters(("[[%", "%]]"), ("[[%%", "%%]]"), ("[[%#", "#%]]"))


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["fenced_code", "admonition"])


def test_macro_tags_in_code_are_found_by_the_markdown_parser():
    page = (
        "[[% checklist('x') %]]\n\nUse `[[% a %]]`.\n\n    [[%% if b %%]]\n\n"
        "!!! note\n\n    ```\n    [[%# c #%]]\n    ```\n\n"
        "[[%% raw %%]]`[[% d %]]`[[%% endraw %%]]\n"
    )
    found = [tag for _, tag in macro_tags.tags_in_code(page, DELIMITERS, to_html)]
    assert found == ["[[% a %]]", "[[%% if b %%]]", "[[%# c #%]]"]


@pytest.mark.parametrize(
    ("page", "in_code"),
    [
        ("Intro.\n\n    [[% a %]]\n", True),  # an indented block
        (">     [[% a %]]\n", True),  # an indented block in a quote
        ("- item\n\n        [[% a %]]\n", True),  # an indented block in a list item
        ("Text\n\n<pre>\n[[% a %]]\n</pre>\n", True),  # code written as HTML
        ("[[% checklist('x') %]]\n\nText [[% a %]] and *more*.\n", False),
    ],
)
def test_tags_in_code_without_code_markers_are_found(page, in_code):
    found = macro_tags.tags_in_code(page, DELIMITERS, to_html)
    assert [tag for _, tag in found] == (["[[% a %]]"] if in_code else [])


def test_a_page_whose_tags_open_their_lines_and_has_no_code_is_not_converted():
    page = "# Title\n\n[[% checklist('x') %]]\n\nText.\n\n[[%% if a %%]]\nb\n[[%% endif %%]]\n"
    converted: list[str] = []

    def recorded(text: str) -> str:
        converted.append(text)
        return to_html(text)

    assert macro_tags.tags_in_code(page, DELIMITERS, recorded) == []
    assert converted == []
    assert macro_tags.tags_in_code(page + "\nUse `x`.\n", DELIMITERS, recorded) == []
    assert len(converted) == 1
