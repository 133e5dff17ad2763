"""guards/titles.py: titles in sentence case, names and code kept as written."""

from __future__ import annotations

import pytest

from hooks.guards.titles import NAMES, heading_titles, nav_titles, sentence_case, title_problems


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("For Team Leads", "For team leads"),
        ("How to Stay Motivated Long-Term", "How to stay motivated long-term"),
        ("Server-Side Rendering", "Server-side rendering"),
        ("Why build optimization Changes Everything", "Why build optimization changes everything"),
        ("Notes: What Changed", "Notes: What changed"),  # a colon starts a sentence
        ("Week 1-2 Learn the Fundamentals", "Week 1-2 Learn the fundamentals"),  # label, title
        ("Use `Cache-Control` Headers", "Use `Cache-Control` headers"),  # code as written
        ("API versioning", "API versioning"),  # all capitals: an acronym
        ("Publish with GitHub", "Publish with GitHub"),  # a capital inside: a name
        ("It\u2019s Fine", "It\u2019s fine"),
    ],
)
def test_sentence_case(title, expected):
    assert sentence_case(title) == expected
    assert sentence_case(expected) == expected


def test_names_keep_their_capitals():
    for name in NAMES:
        assert sentence_case(f"About the {name}") == f"About the {name}"


def test_problems_name_the_place_and_the_fix():
    problems = title_problems(
        [("heading", "Build a Plan"), ("heading", "Build a plan")], lambda text: "docs/x.md:4"
    )
    assert problems == [
        "docs/x.md:4: heading 'Build a Plan' is not in sentence case; write 'Build a plan' "
        "(a name stays capitalised: add it to NAMES in hooks/guards/titles.py)"
    ]


def test_nav_titles_are_section_and_page_titles_once_each():
    nav = [
        {"Home": "index.md"},
        {"The guide": ["guide/a.md", {"Part two": ["guide/b.md"]}]},
        {"The guide": ["guide/c.md"]},
        "about.md",
    ]
    assert list(nav_titles(nav)) == ["The guide", "Part two", "Home"]


def test_heading_titles_leave_out_permalinks_and_mark_code():
    html = (
        '<h1 id="t">Title</h1><p>Text</p>'
        '<h2 id="x">Use <code>Cache-Control</code> <a class="headerlink" href="#x">¶</a></h2>'
    )
    assert list(heading_titles(html)) == ["Title", "Use `Cache-Control`"]


def test_checklist_item_headings_are_advice_not_titles():
    html = (
        '<h2 id="c">The checklist</h2><ul><li class="mdx-item">'
        '<h3 class="mdx-item__head" id="i"><label>Send Sunset With Every Response</label></h3>'
        "</li></ul><h3 id='n'>Next Steps</h3>"
    )
    assert list(heading_titles(html)) == ["The checklist", "Next Steps"]
