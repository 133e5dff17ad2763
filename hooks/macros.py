"""mkdocs-macros entry point: a thin registry of the macros pages may call.

Runs on MkDocs, ProperDocs and Zensical alike, so it only uses ``define_env`` and macro functions,
reads the page through ``env.page.url`` and loads data through the cached catalogue.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hooks.content import render
from hooks.content.catalogue import GUIDE_DIR, Catalogue, Topic, load_catalogue
from hooks.content.errors import ContentError
from hooks.content.nav import nav_sources


def _catalogue(env: Any) -> Catalogue:
    docs_dir = Path(env.conf["docs_dir"])
    return load_catalogue(docs_dir.parent, docs_dir, nav_sources(env.conf.get("nav")))


def _page(env: Any) -> render.PageContext:
    # MkDocs gives "topics/x/"; other engines may give "/topics/x/". Links need the former.
    return render.PageContext(
        url=env.page.url.lstrip("/"), site_url=env.conf.get("site_url") or "/"
    )


def _page_location(env: Any, *needles: str) -> tuple[str, int | None]:
    """The page's source path and the first line holding all ``needles``, when the engine tells
    us the file (MkDocs and ProperDocs do; otherwise the page alone is named)."""
    page = getattr(env, "page", None)
    file = getattr(page, "file", None)
    name = f"docs/{getattr(file, 'src_uri', None) or getattr(page, 'url', '?')}"
    source = getattr(file, "abs_src_path", None)
    if source and Path(source).is_file():
        for number, line in enumerate(Path(source).read_text(encoding="utf-8").splitlines(), 1):
            if all(needle in line for needle in needles):
                return name, number
    return name, None


def _topic(env: Any, catalogue: Catalogue, topic_id: object) -> Topic:
    if not isinstance(topic_id, str):
        raise ContentError(
            *_page_location(env, "checklist(", str(topic_id)),
            f"checklist() needs a topic id in quotes, got {topic_id!r}; "
            'write [[% checklist("webhook-design") %]]',
        )
    if topic_id not in catalogue.topics:
        raise ContentError(
            *_page_location(env, "checklist(", topic_id),
            f"checklist('{topic_id}') names an unknown topic; "
            f"use one of: {', '.join(sorted(catalogue.topics))}",
        )
    return catalogue.topics[topic_id]


def _chapter_aliases(env: Any) -> dict[str, list[str]]:
    """Old chapter ids by new chapter id, from mkdocs-redirects' map (when that plugin runs)."""
    plugins = env.conf.get("plugins") or {}
    redirects = plugins.get("redirects") if hasattr(plugins, "get") else None
    maps = getattr(redirects, "config", {}).get("redirect_maps", {}) if redirects else {}
    aliases: dict[str, list[str]] = {}
    prefix = f"{GUIDE_DIR}/"
    for old, new in maps.items():
        if old.startswith(prefix) and new.startswith(prefix):
            old_id, new_id = Path(old).stem, Path(new).stem
            aliases.setdefault(new_id, []).append(old_id)
    return aliases


def define_env(env: Any) -> None:
    """Register the macros; loading the catalogue here stops a bad data file before any page.

    MkDocs calls this once per build, so the macros share this one catalogue; an engine that
    calls it per page gets the cached catalogue back from load_catalogue.
    """
    catalogue = _catalogue(env)

    @env.macro
    def checklist(topic_id: str) -> str:
        """The checklist of one topic: summary, related chapters, items."""
        return render.render_checklist(catalogue, _topic(env, catalogue, topic_id), _page(env))

    @env.macro
    def framework() -> str:
        """The Practical Framework's phases as cards with tasks."""
        return render.render_framework(catalogue, _page(env))

    @env.macro
    def timeline() -> str:
        """What to expect and when, from Understanding the Fundamentals."""
        return render.render_timeline(catalogue, _page(env))

    @env.macro
    def topic_index() -> str:
        """Cards linking every topic, with its item count."""
        return render.render_topic_index(catalogue, _page(env))

    @env.macro
    def continue_panel() -> str:
        """The home page's "continue where you left off" panel."""
        return render.render_continue_panel(catalogue, _page(env))

    @env.macro
    def link_directory(kind: str) -> str:
        """Chapters, topics or phases with copyable links, for the team leads' page."""
        if kind not in ("chapters", "topics", "phases"):
            raise ContentError(
                *_page_location(env, "link_directory(", str(kind)),
                f"link_directory({kind!r}) takes 'chapters', 'topics' or 'phases'",
            )
        return render.render_link_directory(catalogue, kind, _page(env))

    @env.macro
    def plan_builder() -> str:
        """The output area of the onboarding plan builder."""
        return render.render_plan_builder(_page(env))

    @env.macro
    def plan_page() -> str:
        """Every part of the onboarding; a plan link narrows it to the parts it names."""
        return render.render_plan_page(catalogue, _page(env), _chapter_aliases(env))
