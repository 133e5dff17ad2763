"""Collapsing the templates' whitespace between tags without changing how a page renders."""

from __future__ import annotations

from hooks.html_whitespace import collapse


def test_indentation_between_tags_becomes_one_line_break():
    html = "<nav>\n    <ul>\n\n      <li><a href=x>A</a></li>\n    </ul>\n  </nav>"
    assert collapse(html) == "<nav>\n<ul>\n<li><a href=x>A</a></li>\n</ul>\n</nav>"


def test_whitespace_between_inline_elements_is_never_removed():
    # "</a> <a>" renders a space; one line break renders the same space.
    assert collapse("<a>one</a>\n   <a>two</a>") == "<a>one</a>\n<a>two</a>"
    assert collapse("<a>one</a> <a>two</a>") == "<a>one</a> <a>two</a>"


def test_preformatted_code_scripts_and_attributes_keep_every_character():
    kept = (
        "<pre><code>def f():\n    <span>return</span>\n\n    <b>1</b></code></pre>",
        "<p><code>a\n    <b>b</b></code></p>",
        "<kbd>\n  <kbd>Ctrl</kbd></kbd>",
        "<script>if (a>\n   <b) {}</script>",
        "<textarea>\n  <x>\n  </textarea>",
        # Text next to a tag is left as written; only runs between two tags are cut.
        "<p>\n  Text stays  as  written.\n</p>",
    )
    for html in kept:
        assert collapse(html) == html, html
