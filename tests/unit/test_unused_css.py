"""Trimming Material's stylesheets to the classes the built site uses."""

from __future__ import annotations

import pytest

from hooks import unused_css

# Kept whole when "md-nav" is used: names in :not() and :is(), in attribute values and in
# escapes are never relied on, and blocks without class selectors stay as they are.
ALWAYS_KEPT = (
    ".md-nav:not(.md-nav--lifted){g:1}"
    ":is(.md-banner,.md-header) a{h:1}"
    "a[href$='.pdf']{i:1}"
    ".md-nav\\:x{j:1}"
    "@keyframes spin{0%{k:1}12.5%{k:2}to{k:3}}"
    "@font-face{font-family:x;src:url(x.woff2)}"
    "html{l:1}"
)
CSS = (
    "/* comment */.md-header{a:1}"
    ".md-header,.md-banner{b:1}"
    ".md-typeset .admonition{c:1}"
    "@media screen and (min-width:60em){.md-tabs{d:1}.md-nav{e:1}}"
    "@media print{.md-tabs{f:1}}" + ALWAYS_KEPT
)


def test_only_rules_that_need_an_unused_class_go():
    trimmed = unused_css.trim(CSS, {"md-header", "md-nav"})
    assert trimmed == (
        ".md-header{a:1}"
        ".md-header{b:1}"  # one selector of a list goes, the rule stays
        "@media screen and (min-width:60em){.md-nav{e:1}}" + ALWAYS_KEPT  # an emptied group goes
    )


def test_every_class_of_a_compound_selector_must_be_used():
    css = ".md-typeset .admonition.tip{a:1}.md-typeset .admonition{b:1}"
    assert unused_css.trim(css, {"md-typeset", "admonition"}) == ".md-typeset .admonition{b:1}"


def test_page_names_come_from_class_attributes_and_inline_scripts():
    html = (
        '<div class="md-header  md-header--shadow"><p class=solo>'
        "<span class='single'>class=\"not-an-attribute\" in text</span>"
        '<script>document.documentElement.classList.replace("no-js","js")</script>'
        '<script src="x.js"></script>'
    )
    names = unused_css.page_names(html)
    assert {"md-header", "md-header--shadow", "solo", "single", "no-js", "js"} <= names
    assert "x" not in names


def test_script_files_count_but_search_worker_files_do_not(tmp_path):
    bundle = tmp_path / "assets" / "javascripts" / "bundle.min.js"
    worker = tmp_path / "assets" / "javascripts" / "workers" / "search.min.js"
    for path, text in ((bundle, 'x("div",{class:"md-dialog__inner"})'), (worker, '"md-gone"')):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    names = unused_css.script_names(tmp_path)
    assert "md-dialog__inner" in names and "md-gone" not in names


def test_the_site_trim_rewrites_materials_stylesheets_only(tmp_path):
    material = tmp_path / "assets" / "stylesheets" / "main.abc.min.css"
    ours = tmp_path / "assets" / "mdx.css"
    for path in (material, ours):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(".used{a:1}.unused{b:1}", encoding="utf-8")
    assert unused_css.trim_site_stylesheets(tmp_path, {"used"}) == [material]
    assert material.read_text(encoding="utf-8") == ".used{a:1}"
    assert ours.read_text(encoding="utf-8") == ".used{a:1}.unused{b:1}"


def test_a_stylesheet_it_cannot_read_is_served_whole(tmp_path):
    sheet = tmp_path / "assets" / "stylesheets" / "main.abc.min.css"
    sheet.parent.mkdir(parents=True)
    sheet.write_text(".unused{b:1}}", encoding="utf-8")
    assert unused_css.trim_site_stylesheets(tmp_path, set()) == []
    assert sheet.read_text(encoding="utf-8") == ".unused{b:1}}"
    with pytest.raises(ValueError, match="unbalanced"):
        unused_css.trim(".unused{b:1", set())
