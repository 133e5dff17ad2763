"""The post-build pass: one read per page, fast patterns that find what the plain ones found."""

from __future__ import annotations

import re
from pathlib import Path

from hooks import build_guards, csp, ledger, page_checks

# The one-pattern forms the fast code replaces; each test holds the new code to them.
PLAIN_PRINT_ASSETS = re.compile(
    r'\n?[ \t]*<(?:link rel="stylesheet" href|script src)="[^"]*'
    r'(?:css/print-site[a-z-]*\.css|js/print-site\.js)"[^>]*>(?:</script>)?'
)
PLAIN_ID = re.compile(r"\sid=\"(?P<id>[^\"]+)\"")
PLAIN_ARTICLE = re.compile(
    r'<article class="md-content__inner[^"]*">(?P<body>.*?)</article>', re.DOTALL
)

PAGE = """<html><head>
    <meta charset="utf-8">
    <link rel="stylesheet" href="../css/print-site.css">
\t  <link rel="stylesheet" href="../css/print-site-material.css">
<script src="../js/print-site.js"></script>  <script src="../js/print-site.js"></script>
    <link rel="stylesheet" href="../assets/mdx.css">
</head><body>
<article class="md-content__inner md-typeset">
<h1 id="title">Title</h1><p id='single'>x</p><p\tid="tab">y</p><p data-id="no">z</p>
<input id="__tick"><a href="../b/#part">b</a> <a href="../b/#gone">gone</a>
<a href="../missing/">missing</a> <a href="https://example.org/">out</a> <a href="#title">up</a>
</article><div id="outside"></div><article class="md-content__inner">not this</article>
</body></html>"""


def test_print_assets_are_removed_exactly_as_the_plain_pattern_removes_them():
    samples = [PAGE, PAGE.replace("\n", "\r\n"), "<script src='js/print-site.js'>", ""]
    samples += ['x\n\n  \t<script src="js/print-site.js"></script>\n<p>', PAGE * 3]
    for html in samples:
        assert build_guards._without_print_assets(html) == PLAIN_PRINT_ASSETS.sub("", html)
    assert "print-site" not in build_guards._without_print_assets(PAGE)


def test_ids_and_article_are_found_exactly_as_the_plain_patterns_find_them():
    for html in (PAGE, PAGE.replace('<h1 id="title">', '<h1\nid="title">'), "<p id=x>", ""):
        assert page_checks._ID.findall(html) == PLAIN_ID.findall(html)
        plain = PLAIN_ARTICLE.search(html)
        assert page_checks.article_body(html) == (plain.group("body") if plain else None)
    assert page_checks.article_body('<article class="md-content__inner">open') is None


def test_handler_and_javascript_checks_still_find_every_case():
    for html in ('<a\tonclick="go()">', "<p\nonmouseover=x>", '<a href = " JavaScript:x">'):
        assert csp.handler_problems(html, "p.html")
    assert csp.handler_problems('<meta content="onclick=x"><p>on= x</p>', "p.html") == []


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "b").mkdir()
    (site / "a" / "index.html").write_text(PAGE, encoding="utf-8")
    other = '<article class="md-content__inner"><h2 id="part">P</h2></article>'
    (site / "b" / "index.html").write_text(other, encoding="utf-8")
    return site


def test_link_check_from_the_shared_pass_matches_a_fresh_read(tmp_path):
    site = _site(tmp_path)
    expected = [
        "a/index.html: link '../b/#gone' points to '#gone', which b/index.html does not have; "
        "fix the anchor",
        "a/index.html: link '../missing/' leads to no page; fix the path (links are relative "
        "to the page) or the data that emits it",
    ]
    assert page_checks.broken_content_links(site) == expected
    scan = ledger.SiteScan(pages={}, redirects={})
    pages, class_names = build_guards._post_process(site, scan)
    assert page_checks.broken_content_links(site, pages) == expected
    assert "md-content__inner" in class_names
    assert scan == ledger.scan_site(site)
    assert scan.pages["a/"] == ["tab", "title"]


def test_links_outside_the_site_or_through_symlinks_take_the_full_check(tmp_path):
    site = _site(tmp_path)
    (tmp_path / "elsewhere.html").write_text("<p>x</p>", encoding="utf-8")
    (site / "b" / "link.html").symlink_to(tmp_path / "elsewhere.html")
    html = '<article class="md-content__inner"><a href="../../elsewhere.html">x</a>'
    html += '<a href="../b/link.html">y</a></article>'
    (site / "a" / "index.html").write_text(html, encoding="utf-8")
    problems = page_checks.broken_content_links(site)
    assert [problem.split("'")[1] for problem in problems] == [
        "../../elsewhere.html",
        "../b/link.html",
    ]
