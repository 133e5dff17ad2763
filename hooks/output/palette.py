"""Key Material's "no transitions while the scheme switches" rule to our own attribute.

Material's bundle sets ``data-md-color-switching`` on every page load, and its palette stylesheet
turns transitions off under it, so the browser restyles every element once more while the page
starts (about 100 ms of main-thread work on the print and plan pages under 4x CPU throttling).
The rule is renamed to ``data-mdx-switching``, which only our palette script sets
(overrides/partials/javascripts/palette.html), when the reader or the system switches.
hooks/guards/material.py fails the build if a Material release no longer has the rule.
"""

from __future__ import annotations

from pathlib import Path

MATERIAL_SELECTOR = "[data-md-color-switching]"
OUR_SELECTOR = "[data-mdx-switching]"
PALETTE_STYLESHEETS = "assets/stylesheets/palette.*.css"


def palette_stylesheets(site_dir: Path) -> list[Path]:
    """Material's built palette stylesheet(s): the minified file and nothing else."""
    return sorted(p for p in site_dir.glob(PALETTE_STYLESHEETS) if p.suffix == ".css")


def rename_switching_rule(site_dir: Path) -> list[Path]:
    """Rename the rule in each built palette stylesheet; returns the files rewritten."""
    rewritten = []
    for path in palette_stylesheets(site_dir):
        css = path.read_text(encoding="utf-8")
        if MATERIAL_SELECTOR in css:
            path.write_text(css.replace(MATERIAL_SELECTOR, OUR_SELECTOR), encoding="utf-8")
            rewritten.append(path)
    return rewritten
