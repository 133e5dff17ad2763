"""content/toc.py: headings written as raw HTML join the table of contents in place."""

from __future__ import annotations

from hooks.content.toc import toc_tokens


def token(level, anchor, name, children=()):
    return {"level": level, "id": anchor, "name": name, "children": list(children)}


def test_raw_html_headings_join_known_ones_in_document_order():
    html = (
        '<h1 id="title">Title</h1>'
        '<section id="x-checklist"><h2 id="x-title">X checklist '
        '<a class="headerlink" href="#x-checklist">¶</a></h2><h3 id="sub">Sub</h3></section>'
        '<h2 id="notes">Notes</h2><h2>No id</h2>'
    )
    known = [token(1, "title", "Title", [token(2, "notes", "Notes (label)")])]
    assert toc_tokens(html, known) == [
        token(
            1,
            "title",
            "Title",
            [
                token(2, "x-checklist", "X checklist", [token(3, "sub", "Sub")]),
                token(2, "notes", "Notes (label)"),
            ],
        )
    ]
    assert known[0]["children"] == [token(2, "notes", "Notes (label)")], "known is left as it was"


def test_a_toc_label_names_the_entry():
    html = '<h2 id="p" data-toc-label="Week 1: Start"><span>Week 1</span> Start</h2>'
    assert toc_tokens(html, []) == [token(2, "p", "Week 1: Start")]


def test_checklist_item_headings_stay_out_of_the_table_of_contents():
    html = (
        '<h2 id="c">C checklist</h2><ul><li class="mdx-item">'
        '<h3 class="mdx-item__head" id="item">Do this</h3></li></ul>'
    )
    assert toc_tokens(html, []) == [token(2, "c", "C checklist")]
