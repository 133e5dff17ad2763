"""Build times: our site against plain Material, at the guide's size and at about 1,000 pages,
each with and without Material's ``navigation.prune``.

Three baselines. Two are plain Material, with Material's default configuration (a site name,
the URL, ``theme: material`` and the nav; no hooks, no macros, no other plugins or Markdown
extensions):

- "plain Material" builds the guide text alone (the manuscript's chapters and introduction, 9
  pages at the guide's size): the baseline of the budget since it was set.
- "plain Material, our pages" builds our own ``docs/`` tree and nav, the same 17 pages ours
  builds, so what more pages cost is not counted as the layer's cost.

The third reads the budget's words ("the hooks + macros layer costs at most 10 % over a plain
Material build of the same pages") most strictly: "ours without hooks + macros" is our project
as configured with the layer taken out (no MkDocs hooks, no macros plugin; every other plugin,
the theme features and the Markdown extensions stay), so only what the layer adds is measured.
Without the macros plugin a macro call is shown as its text, so those pages are shorter than
ours; what the macros add is counted as the layer's cost.

One more variant, at the guide's size only, measures a floor: plain Material on the guide text
with the mkdocs-macros plugin switched on and no page rendered through it. What that costs over
plain Material is paid by any layer built on mkdocs-macros, before it does any work.

The large variant repeats every page set in ``docs/copy-NNN/`` folders, each copy of a nav section
nested in that section as "Part N": the guide text alone for plain Material; for ours (and for
plain Material on our pages) the whole docs tree, so checklist, card and plan pages grow in
proportion and every hook and macro keeps running.
"""

from __future__ import annotations

import json
import shutil
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import baseline
from benchmarks.project import (
    PRUNE,
    build,
    copy_project,
    grown_nav,
    init_git,
    load_config,
    with_prune,
    write_config,
)
from hooks.content.nav import nav_sections

LARGE_PAGES = 1000
PRUNE_CONFIG = "mkdocs-prune.yml"
NO_PRUNE_CONFIG = "mkdocs-no-prune.yml"
# The baseline that builds the same pages as ours (see the module docstring).
SAME_PAGES = "plain Material, our pages"
# Plain Material on the guide text plus mkdocs-macros doing nothing (the module docstring).
MACROS_FLOOR = "plain Material + mkdocs-macros, no page rendered"
MACROS_FLOOR_CONFIG = "mkdocs-macros-floor.yml"
# Ours with the hooks + macros layer and no other plugin: compared with the mkdocs-macros floor.
LAYER_ONLY = "ours, hooks + macros only"
# Ours as configured, less the hooks + macros layer: the budget's "same pages" read strictly.
WITHOUT_LAYER = "ours without hooks + macros"
# The plugins beyond the macro layer; the "hooks + macros only" variant leaves them out.
EXTRA_PLUGINS = ("redirects", "git-revision-date-localized", "llmstxt", "print-site")


@dataclass
class Variant:
    name: str
    project_dir: Path
    config_file: str
    pages: int
    as_configured: bool = False  # ours as mkdocs.yml has it (the budget's measure)
    seconds: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def _plugin_name(entry: str | dict[str, Any]) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def _repeat_pages(docs: Path, copies: int) -> int:
    """Repeat every file of ``docs`` (pages and the images they show) in ``copy-NNN/`` folders
    so there are ``copies`` page sets; returns the page count (Markdown files)."""
    file_set = sorted(path.relative_to(docs) for path in docs.rglob("*") if path.is_file())
    for number in range(1, copies):
        for name in file_set:
            (docs / f"copy-{number:03}" / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(docs / name, docs / f"copy-{number:03}" / name)
    return sum(name.suffix == ".md" for name in file_set) * copies


def prepare_ours(
    target: Path, source: Path, copies: int, layer_only: bool = False, no_layer: bool = False
) -> tuple[int, bool]:
    """A copy of our project (from ``source``) with ``copies`` page sets; writes mkdocs.yml (as
    configured), mkdocs-prune.yml and mkdocs-no-prune.yml; returns the page count and whether
    mkdocs.yml prunes. ``layer_only`` drops the extra plugins (and the print page from the link
    ledger, which would otherwise miss it); ``no_layer`` drops the layer itself: the MkDocs
    hooks and the macros plugin (a macro call is then shown as its text)."""
    copy_project(target, git=False, source=source)
    pages = _repeat_pages(target / "docs", copies)
    config = load_config(target / "mkdocs.yml")
    config["nav"] = grown_nav(config["nav"], copies)
    if layer_only:
        plugins = [p for p in config["plugins"] if _plugin_name(p) not in EXTRA_PLUGINS]
        config["plugins"] = plugins
        ledger_file = target / "published-links.json"
        ledger = json.loads(ledger_file.read_text(encoding="utf-8"))
        ledger["pages"].pop("print_page/", None)
        ledger_file.write_text(json.dumps(ledger, indent=2), encoding="utf-8")
    if no_layer:
        config["plugins"] = [p for p in config["plugins"] if _plugin_name(p) != "macros"]
        config.pop("hooks", None)
        # The hooks fill llms.txt's sections from nav; without them, the plugin still gets them,
        # so it does the same work in both variants.
        for entry in config["plugins"]:
            if isinstance(entry, dict) and _plugin_name(entry) == "llmstxt":
                sections = nav_sections(config["nav"])
                entry["llmstxt"]["sections"] = {
                    title: list(pages) for title, pages in sections.items()
                }
    write_config(target / "mkdocs.yml", config)
    write_config(target / PRUNE_CONFIG, with_prune(config, True))
    write_config(target / NO_PRUNE_CONFIG, with_prune(config, False))
    init_git(target)
    return pages, PRUNE in config["theme"].get("features", [])


def prepare_plain_ours(target: Path, source: Path, copies: int, site_url: str) -> int:
    """Our ``docs/`` tree (from ``source``, ``copies`` page sets as in prepare_ours) under
    Material's default configuration, as baseline.write_plain_project configures the guide text:
    writes mkdocs.yml and mkdocs-prune.yml; returns the page count."""
    docs = target / "docs"
    shutil.copytree(source / "docs", docs, ignore=shutil.ignore_patterns("__pycache__"))
    pages = _repeat_pages(docs, copies)
    config: dict[str, Any] = {
        "site_name": baseline.SITE_NAME,
        "site_url": site_url,
        "theme": {"name": "material"},
        "nav": grown_nav(load_config(source / "mkdocs.yml")["nav"], copies),
    }
    write_config(target / "mkdocs.yml", config)
    write_config(target / PRUNE_CONFIG, with_prune(config, True))
    return pages


def write_macros_floor(plain_dir: Path) -> None:
    """Next to the plain project's mkdocs.yml, the same with mkdocs-macros on and idle."""
    config = load_config(plain_dir / "mkdocs.yml")
    config["plugins"] = ["search", {"macros": {"render_by_default": False}}]
    write_config(plain_dir / MACROS_FLOOR_CONFIG, config)


def variants(tmp: Path, source: Path, large: bool, site_url: str) -> list[Variant]:
    """The builds to time at one size: plain (the guide text, and our pages), and ours, each
    with and without prune; ours with only the hooks + macros layer (no extra plugins) and ours
    without it; at the guide's size also the mkdocs-macros floor (the module docstring)."""
    ours_set = len(list((source / "docs").rglob("*.md")))
    plain_set = 1 + len(baseline.read_manuscript()[1])
    ours_copies = round(LARGE_PAGES / ours_set) if large else 1
    plain_copies = round(LARGE_PAGES / plain_set) if large else 1
    size = "large" if large else "guide"
    plain_dir, ours_dir, layer_dir, bare_dir = (
        tmp / f"plain-{size}",
        tmp / f"ours-{size}",
        tmp / f"layer-{size}",
        tmp / f"bare-{size}",
    )
    plain_pages = baseline.write_plain_project(plain_dir, site_url, plain_copies)
    write_macros_floor(plain_dir)
    same_dir = tmp / f"plain-ours-{size}"
    same_pages = prepare_plain_ours(same_dir, source, ours_copies, site_url)
    ours_pages, prunes = prepare_ours(ours_dir, source, ours_copies)
    layer_pages, _ = prepare_ours(layer_dir, source, ours_copies, layer_only=True)
    bare_pages, _ = prepare_ours(bare_dir, source, ours_copies, no_layer=True)
    configured = " (as configured)"
    as_configured_prune = " + prune" if prunes else ""
    layer = LAYER_ONLY + as_configured_prune
    return [
        Variant("plain Material", plain_dir, "mkdocs.yml", plain_pages),
        Variant("plain Material + prune", plain_dir, PRUNE_CONFIG, plain_pages),
        Variant(SAME_PAGES, same_dir, "mkdocs.yml", same_pages),
        Variant(SAME_PAGES + " + prune", same_dir, PRUNE_CONFIG, same_pages),
        Variant(
            "ours" + ("" if prunes else configured),
            ours_dir,
            NO_PRUNE_CONFIG,
            ours_pages,
            as_configured=not prunes,
        ),
        Variant(
            "ours + prune" + (configured if prunes else ""),
            ours_dir,
            PRUNE_CONFIG,
            ours_pages,
            as_configured=prunes,
        ),
        Variant(layer, layer_dir, "mkdocs.yml", layer_pages),
        Variant(WITHOUT_LAYER + as_configured_prune, bare_dir, "mkdocs.yml", bare_pages),
    ] + ([] if large else [Variant(MACROS_FLOOR, plain_dir, MACROS_FLOOR_CONFIG, plain_pages)])


def time_builds(builds: list[Variant], runs: int, site_url: str, out_dir: Path) -> None:
    """Build each variant ``runs`` times, round-robin so drift in machine load hits all alike."""
    for run in range(runs):
        for variant in builds:
            seconds = build(variant.project_dir, out_dir / "site", site_url, variant.config_file)
            variant.seconds.append(seconds)
            print(
                f"  build {run + 1}/{runs} {variant.name} ({variant.pages} pages): {seconds:.1f} s"
            )
