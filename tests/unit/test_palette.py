"""The build checks of what the overrides rely on in Material's templates and output."""

from __future__ import annotations

from pathlib import Path

import material

from hooks.guards import material as guard
from hooks.guards.built_pages import read_page

PROJECT = Path(__file__).resolve().parents[2]
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
RULE = (
    "[data-md-color-switching] *,[data-md-color-switching] :after{transition-duration:0s}"
    "[data-md-color-scheme=default]{color-scheme:light}"
    "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}}"
)
BUNDLE = 'window.document$=ct;document.documentElement.classList.add("js-focus-visible")'


def site(tmp_path: Path, css: str = RULE, bundle: str = BUNDLE) -> Path:
    (tmp_path / "assets" / "stylesheets").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets" / "stylesheets" / "palette.abc.min.css").write_text(css)
    (tmp_path / "assets" / "stylesheets" / "palette.abc.min.css.map").write_text("{}")
    (tmp_path / "assets" / "javascripts" / "bundle.abc.min.js").write_text(bundle)
    return tmp_path


def test_the_installed_material_matches_every_recorded_template():
    assert guard.forked_template_problems(PROJECT / "overrides", MATERIAL_TEMPLATES) == []


def test_a_changed_material_template_names_the_override_and_the_new_hash(tmp_path):
    overrides, theme = tmp_path / "overrides", tmp_path / "material"
    for name in ("partials/palette.html", "partials/own.html"):
        (overrides / name).parent.mkdir(parents=True, exist_ok=True)
        (overrides / name).write_text("ours")
    (theme / "partials").mkdir(parents=True)
    (theme / "partials" / "palette.html").write_text("a new release")
    (problem,) = guard.forked_template_problems(overrides, theme)
    assert problem.startswith("overrides/partials/palette.html: Material's partials/palette.html")
    assert "FORKED_TEMPLATES" in problem and len(problem.split()[-4]) == 64


def test_an_unrecorded_replacement_of_a_material_template_fails(tmp_path):
    overrides, theme = tmp_path / "overrides", tmp_path / "material"
    for root in (overrides, theme):
        (root / "partials").mkdir(parents=True)
        (root / "partials" / "toc.html").write_text("x")
    (problem,) = guard.forked_template_problems(overrides, theme)
    assert "FORKED_TEMPLATES has no entry" in problem and '"partials/toc.html"' in problem


def test_todays_material_assets_pass(tmp_path):
    assert guard.theme_asset_problems(site(tmp_path)) == []


def test_a_palette_stylesheet_without_the_switching_rule_fails_the_build(tmp_path):
    css = RULE.replace("[data-md-color-switching]", "[data-other]")
    (problem,) = guard.theme_asset_problems(site(tmp_path, css=css))
    assert problem.startswith("assets/stylesheets/palette.abc.min.css: ")
    assert "overrides/partials/javascripts/palette.html" in problem


def test_a_stylesheet_without_a_schemes_color_scheme_fails_the_build(tmp_path):
    css = RULE.replace("color-scheme:dark", "color-scheme:normal")
    (problem,) = guard.theme_asset_problems(site(tmp_path, css=css))
    assert "[data-md-color-scheme=slate]{color-scheme:dark}" in problem
    assert "COLOR_SCHEMES" in problem


def test_a_bundle_that_no_longer_adds_the_focus_visible_class_fails_the_build(tmp_path):
    (problem,) = guard.theme_asset_problems(
        site(tmp_path, bundle=BUNDLE.replace("js-focus-visible", "other"))
    )
    assert "no longer adds js-focus-visible" in problem and "overrides/main.html" in problem


def test_a_bundle_without_the_document_subject_fails_the_build(tmp_path):
    (problem,) = guard.theme_asset_problems(site(tmp_path, bundle=BUNDLE.replace("$=ct;", "=ct;")))
    assert "no longer sets window.document$" in problem and "overrides/main.html" in problem


LOADER = "<script data-mdx-loader>start()</script>"
MARKED = '<script type="text/plain" data-mdx-bundle data-mdx-src="{}"></script>'
INERT = '<script type="text/plain" data-mdx-src="{}"></script>'


def test_only_a_bundle_the_page_loader_starts_passes():
    bundle, extra = "../assets/javascripts/bundle.abc.min.js", "../extra.js"
    pages = {
        "started.html": LOADER + MARKED.format(bundle) + INERT.format(extra),
        "redirect.html": '<meta http-equiv="refresh" content="0; url=../">',
        "parsed.html": f'<script src="{bundle}" defer></script>',
        "no-loader.html": MARKED.format(bundle),
        "unmarked.html": LOADER + INERT.format(bundle) + MARKED.format(extra),
        "unmarked-only.html": LOADER + INERT.format(bundle),
    }
    problems = guard.bundle_problems({name: read_page(html) for name, html in pages.items()})
    assert [problem.split(":")[0] for problem in problems] == list(pages)[2:]
    assert all("overrides/main.html" in problem for problem in problems)
