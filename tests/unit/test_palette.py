"""Trimming Material's palette stylesheet to the configured colours and schemes."""

from __future__ import annotations

import pytest

from hooks import palette

CSS = (
    "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}"
    "[data-md-color-scheme=slate][data-md-color-primary=pink]{--x:1}}"
    "[data-md-color-accent=red]{--a:red}"
    "[data-md-color-accent=indigo]{--a:blue}"
    ":is([data-md-color-primary=teal],[data-md-color-primary=indigo]) .md-header,"
    "[data-md-color-primary=teal] .md-tabs{--h:1}"
    "[data-md-color-switching] *{transition:none}"
    "@media screen and (min-width:60em){[data-md-color-primary=white] .md-search__form{--s:1}}"
    "/*# sourceMappingURL=palette.min.css.map */"
)
OURS = [
    {"media": "(prefers-color-scheme)"},
    {"scheme": "default", "primary": "indigo", "accent": "indigo"},
    {"scheme": "slate", "primary": "indigo", "accent": "indigo"},
]


def test_the_system_entry_takes_materials_defaults():
    assert palette.configured_values(OURS) == {
        "scheme": {"default", "slate"},
        "primary": {"indigo"},
        "accent": {"indigo"},
    }


def test_colour_names_with_spaces_are_written_like_materials_template():
    values = palette.configured_values({"primary": "deep purple"})
    assert "deep-purple" in values["primary"] and values["scheme"] == {"default"}


def test_rules_for_other_colours_go_and_shared_rules_stay():
    trimmed = palette.trim(CSS, palette.configured_values(OURS))
    assert trimmed == (
        "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}}"
        "[data-md-color-accent=indigo]{--a:blue}"
        # The comma inside :is() does not split the selector; teal alone is dropped.
        ":is([data-md-color-primary=teal],[data-md-color-primary=indigo]) .md-header{--h:1}"
        # Only our palette script sets this attribute, and only when the scheme switches.
        "[data-mdx-switching] *{transition:none}"
    )


def test_a_shape_it_does_not_know_keeps_every_rule(tmp_path):
    assert palette.configured_values(["slate"]) == {}
    sheet = tmp_path / "assets" / "stylesheets" / "palette.abc.min.css"
    sheet.parent.mkdir(parents=True)
    sheet.write_text(CSS, encoding="utf-8")
    assert palette.trim_site_palette(tmp_path, ["slate"]) == []
    assert sheet.read_text(encoding="utf-8") == CSS


def test_a_truncated_stylesheet_is_refused_not_mangled():
    with pytest.raises(ValueError, match="unbalanced"):
        palette.trim("[data-md-color-accent=red]{--a:red", palette.configured_values(OURS))
