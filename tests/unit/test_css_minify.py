"""The site's own stylesheets are served without comments and layout whitespace."""

from __future__ import annotations

from hooks import css_minify


def test_comments_and_layout_whitespace_go():
    css = "/* why */\n.a ,\n.b > .c {\n  color : red ;\n  margin: 0 auto;\n}\n"
    assert css_minify.minify(css) == ".a,.b>.c{color :red;margin:0 auto}"


def test_descendant_space_before_a_pseudo_class_and_calc_spaces_stay():
    css = ".md-typeset :is(p, li) > a { width: calc(100% - 1rem + 2px); }"
    assert css_minify.minify(css) == ".md-typeset :is(p,li)>a{width:calc(100% - 1rem + 2px)}"


def test_strings_are_kept_byte_for_byte():
    css = 'a::after { content: " (" attr(href) ") ; /* not a comment */ "; }\nb{content:"✓ "}'
    assert css_minify.minify(css) == (
        'a::after{content:" (" attr(href) ") ; /* not a comment */ "}b{content:"✓ "}'
    )


def test_a_comment_between_words_keeps_them_apart():
    assert css_minify.minify("@media screen/**/and (width > 30em) { a { b: c } }") == (
        "@media screen and (width>30em){a{b:c}}"
    )


def test_only_the_sites_own_top_level_stylesheets_are_rewritten(tmp_path):
    ours = tmp_path / "assets" / "mdx.css"
    material = tmp_path / "assets" / "stylesheets" / "main.min.css"
    for path in (ours, material):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("/* c */ a { b: c; }", encoding="utf-8")
    assert css_minify.minify_site_stylesheets(tmp_path) == [ours]
    assert ours.read_text(encoding="utf-8") == "a{b:c}"
    assert material.read_text(encoding="utf-8") == "/* c */ a { b: c; }"
