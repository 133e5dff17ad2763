"""mkdocs-macros entry point: a thin registry of the macros pages may call.

Runs on MkDocs, ProperDocs and Zensical alike, so it only uses ``define_env`` and macro functions,
reads the page through ``env.page.url`` and loads data through the cached catalogue.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# mkdocs-macros loads this file by path; make the ``hooks`` package importable next to it.
_PROJECT_DIR = Path(__file__).resolve().parent.parent
if str(_PROJECT_DIR) not in sys.path:
    sys.path.insert(0, str(_PROJECT_DIR))

from hooks import render  # noqa: E402
from hooks.catalogue import GUIDE_DIR, Catalogue, load_catalogue  # noqa: E402
from hooks.errors import ContentError  # noqa: E402


def _catalogue(env: Any) -> Catalogue:
    docs_dir = Path(env.conf["docs_dir"])
    return load_catalogue(docs_dir.parent, docs_dir)


def _page(env: Any) -> render.PageContext:
    return render.PageContext(url=env.page.url, site_url=env.conf.get("site_url") or "/")


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


def _topic(env: Any, topic_id: object) -> Any:
    catalogue = _catalogue(env)
    if not isinstance(topic_id, str):
        raise ContentError(
            *_page_location(env, "checklist(", str(topic_id)),
            f"checklist() needs a topic id in quotes, got {topic_id!r}; "
            f'write {{{{ checklist("webhook-design") }}}}',
        )
    if topic_id not in catalogue.topics:
        raise ContentError(
            *_page_location(env, "checklist(", topic_id),
            f"checklist('{topic_id}') names an unknown topic; "
            f"use one of: {', '.join(sorted(catalogue.topics))}",
        )
    return catalogue.topics[topic_id]


def define_env(env: Any) -> None:
    """Register the macros; loading the catalogue here stops a bad data file before any page."""
    _catalogue(env)

    @env.macro
    def checklist(topic_id: str) -> str:
        """The checklist of one topic: summary, related chapters, items."""
        return render.render_checklist(_catalogue(env), _topic(env, topic_id), _page(env))

    @env.macro
    def framework() -> str:
        """The Practical Framework's phases as cards with tasks."""
        return render.render_framework(_catalogue(env), _page(env))

    @env.macro
    def timeline() -> str:
        """What to expect and when, from Understanding the Fundamentals."""
        return render.render_timeline(_catalogue(env), _page(env))

    @env.macro
    def topic_index() -> str:
        """Cards linking every topic, with its item count."""
        return render.render_topic_index(_catalogue(env), _page(env))

    @env.macro
    def related_topics() -> str:
        """Links to the checklists that draw on the current guide chapter."""
        page = _page(env)
        chapter_id = page.url.strip("/").removeprefix(f"{GUIDE_DIR}/")
        return render.render_related_topics(_catalogue(env), chapter_id, page)

    @env.macro
    def continue_panel() -> str:
        """The home page's "continue where you left off" panel."""
        return render.render_continue_panel(_catalogue(env), _page(env))
