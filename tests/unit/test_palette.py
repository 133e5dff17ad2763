"""The palette rule rename and the build check of what it relies on in Material's output."""

from __future__ import annotations

from pathlib import Path

from hooks.guards import material
from hooks.guards.built_pages import read_page
from hooks.output import palette

RULE = "[data-md-color-switching] *,[data-md-color-switching] :after{transition-duration:0s}"


def site(tmp_path: Path, css: str, bundle: str = 'setAttribute("data-md-color-switching","")'):
    (tmp_path / "assets" / "stylesheets").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets" / "stylesheets" / "palette.abc.min.css").write_text(css)
    (tmp_path / "assets" / "stylesheets" / "palette.abc.min.css.map").write_text(css)
    (tmp_path / "assets" / "javascripts" / "bundle.abc.min.js").write_text(bundle)
    return tmp_path


def test_the_switching_rule_keys_on_our_attribute(tmp_path):
    root = site(tmp_path, "a{b:c}" + RULE)
    assert material.palette_problems(root) == []
    assert palette.rename_switching_rule(root) == [
        root / "assets" / "stylesheets" / "palette.abc.min.css"
    ]
    css = (root / "assets" / "stylesheets" / "palette.abc.min.css").read_text()
    assert css == "a{b:c}" + RULE.replace("data-md-color-switching", "data-mdx-switching")
    # The source map is not a stylesheet and stays as Material wrote it.
    assert (
        "data-md-color-switching"
        in (root / "assets/stylesheets/palette.abc.min.css.map").read_text()
    )


def test_a_material_release_without_the_rule_fails_the_build(tmp_path):
    problems = material.palette_problems(site(tmp_path, "a{b:c}"))
    assert len(problems) == 1 and "hooks/output/palette.py" in problems[0]


def test_a_bundle_that_no_longer_sets_the_attribute_fails_the_build(tmp_path):
    problems = material.palette_problems(site(tmp_path, RULE, bundle="setAttribute('x','')"))
    assert len(problems) == 1 and "no longer sets data-md-color-switching" in problems[0]


def test_an_undeferred_bundle_fails_the_build():
    deferred = read_page('<script src="assets/javascripts/bundle.abc.min.js" defer></script>')
    plain = read_page('<script src="../assets/javascripts/bundle.abc.min.js"></script>')
    problems = material.bundle_problems({"index.html": deferred, "guide/x/index.html": plain})
    assert len(problems) == 1 and problems[0].startswith("guide/x/index.html: ")
    assert "overrides/main.html" in problems[0]
