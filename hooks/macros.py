"""mkdocs-macros entry point: a thin registry of the macros pages may call.

Runs on MkDocs, ProperDocs and Zensical alike, so it only uses ``define_env`` and macro functions,
reads the page through ``env.page.url`` and loads data through the cached catalogue.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hooks.content import render
from hooks.content.catalogue import GUIDE_DIR, Catalogue, Topic, load_catalogue
from hooks.content.errors import ContentError
from hooks.content.nav import site_pages
from hooks.content.stash import STASH


def _catalogue(env: Any) -> Catalogue:
    """The catalogue, checked against the pages the site publishes (the nav's pages and the
    URLs the engine gives them), so every link it makes leads to one of them."""
    docs_dir = Path(env.conf["docs_dir"])
    pages = site_pages(
        env.conf.get("nav"), docs_dir, bool(env.conf.get("use_directory_urls", True))
    )
    return load_catalogue(docs_dir.parent, docs_dir, pages)


def _page(env: Any) -> render.PageContext:
    # MkDocs gives "topics/x/"; other engines may give "/topics/x/". Links need the former.
    return render.PageContext(
        url=env.page.url.lstrip("/"),
        site_url=env.conf.get("site_url") or "/",
        repo_url=env.conf.get("repo_url"),
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


def _shows(env: Any, *components: str) -> None:
    """Record that the page shows these components (``data-mdx-component`` names), so that
    overrides/main.html loads exactly their scripts: ``page.meta["scripts"]`` (entry scripts, in
    load order) and ``page.meta["modules"]`` (what they import, requested together).
    ``page.meta`` is the page's front matter dict, which MkDocs, ProperDocs and Zensical all give
    the theme."""
    meta = env.page.meta
    shown = [*meta.get("components", []), *components]
    meta["components"] = list(dict.fromkeys(shown))
    meta["scripts"] = render.entry_scripts(meta["components"])
    meta["modules"] = render.preloaded_modules(meta["scripts"])


@contextmanager
def _links_checked(env: Any, macro: str) -> Iterator[None]:
    """Report a page that a macro's template links but the site does not publish at the
    macro's call, as ``docs/page.md:line: problem; fix``."""
    try:
        yield
    except render.MissingPage as missing:
        raise ContentError(
            *_page_location(env, f"{macro}("),
            f"{macro}() links docs/{missing.source}, which the site does not publish; restore "
            "that page and its entry in nav in mkdocs.yml",
        ) from None


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

    Each macro returns its HTML through content/stash.py: a placeholder while the engine's hooks
    put the HTML back after Markdown (MkDocs, ProperDocs), the HTML itself otherwise.

    MkDocs calls this once per build, so the macros share this one catalogue; an engine that
    calls it per page gets the cached catalogue back from load_catalogue.
    """
    catalogue = _catalogue(env)

    @env.macro
    def checklist(topic_id: str) -> str:
        """The checklist of one topic: summary, related chapters, items."""
        topic = _topic(env, catalogue, topic_id)
        _shows(env, "checklist")
        return STASH.place(render.render_checklist(catalogue, topic, _page(env)))

    @env.macro
    def framework() -> str:
        """The Practical Framework's phases as cards with tasks."""
        _shows(env, "framework", "card")
        return STASH.place(render.render_framework(catalogue, _page(env)))

    @env.macro
    def timeline() -> str:
        """What to expect and when, from Understanding the Fundamentals."""
        _shows(env, "timeline")
        return STASH.place(render.render_timeline(catalogue, _page(env)))

    @env.macro
    def topic_index() -> str:
        """Cards linking every topic, with its item count."""
        _shows(env, "topic-index", "progress")
        return STASH.place(render.render_topic_index(catalogue, _page(env)))

    @env.macro
    def continue_panel() -> str:
        """The home page's "continue where you left off" panel."""
        _shows(env, "continue")
        return STASH.place(render.render_continue_panel(catalogue, _page(env)))

    @env.macro
    def link_directory(kind: str) -> str:
        """Chapters, topics or phases with copyable links, for the team leads' page."""
        kinds = render.LINK_DIRECTORY_KINDS
        if kind not in kinds:
            raise ContentError(
                *_page_location(env, "link_directory(", str(kind)),
                f"link_directory({kind!r}) takes {', '.join(map(repr, kinds[:-1]))} or "
                f"{kinds[-1]!r}",
            )
        return STASH.place(render.render_link_directory(catalogue, kind, _page(env)))

    @env.macro
    def plan_builder() -> str:
        """The output area of the onboarding plan builder."""
        _shows(env, "plan-builder")
        with _links_checked(env, "plan_builder"):
            return STASH.place(render.render_plan_builder(catalogue, _page(env)))

    @env.macro
    def plan_page() -> str:
        """Every part of the onboarding; a plan link narrows it to the parts it names."""
        _shows(env, "plan", "checklist", "framework", "card")
        with _links_checked(env, "plan_page"):
            html = render.render_plan_page(catalogue, _page(env), _chapter_aliases(env))
        return STASH.place(html)
