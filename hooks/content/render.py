"""Render catalogue parts as semantic HTML that reads well without JavaScript.

Markup lives in the Jinja templates beside this module, in ``templates/`` (autoescaped); this
module picks the data and computes links. Data text is plain text with `code` spans: it is
escaped, never trusted.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from hooks.content.catalogue import Catalogue, Topic

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"

_CODE_SPAN = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class PageContext:
    """Where the HTML goes: the page's site-relative URL and the site's absolute base URL."""

    url: str  # e.g. "topics/webhook-design/" ("" for the home page)
    site_url: str  # e.g. "https://owner.github.io/repo/"

    def link(self, target: str) -> str:
        """Relative link from this page to a site-relative URL (keeps a #fragment)."""
        path, _, fragment = target.partition("#")
        page_dir = (
            self.url if self.url.endswith("/") or not self.url else posixpath.dirname(self.url)
        )
        relative = posixpath.relpath("/" + path, "/" + page_dir)
        if (path.endswith("/") or not path) and not relative.endswith("/"):
            relative += "/"  # directory URLs keep their slash ("." becomes "./")
        return relative + (f"#{fragment}" if fragment else "")

    def absolute(self, target: str = "") -> str:
        """Absolute URL on the published site, for links that leave the site (copied Markdown)."""
        base = self.site_url if self.site_url.endswith("/") else self.site_url + "/"
        return base + (self.url if target == "" else target)


def inline_text(text: str) -> Markup:
    """Escape data text, then turn `code` spans into <code> elements."""
    escaped = str(escape(text))
    return Markup(_CODE_SPAN.sub(lambda match: f"<code>{match.group(1)}</code>", escaped))


def plain_text(text: str) -> str:
    """Data text without the backticks (for attributes and copied Markdown)."""
    return _CODE_SPAN.sub(lambda match: match.group(1), text)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    environment.filters["inline"] = inline_text
    environment.filters["plain"] = plain_text
    return environment


def _render(template: str, **values: object) -> str:
    html = _environment().get_template(template).render(**values)
    # No blank lines: Markdown ends a raw HTML block at one and would wrap the rest in <p>.
    return "\n".join(line for line in html.splitlines() if line.strip())


def render_checklist(catalogue: Catalogue, topic: Topic, page: PageContext) -> str:
    chapters = [catalogue.chapters[chapter_id] for chapter_id in topic.chapters]
    return _render("checklist.html", topic=topic, chapters=chapters, page=page)


def render_framework(catalogue: Catalogue, page: PageContext) -> str:
    return _render("framework.html", catalogue=catalogue, page=page)


def render_timeline(catalogue: Catalogue, page: PageContext) -> str:
    return _render("timeline.html", catalogue=catalogue, page=page)


def render_topic_index(catalogue: Catalogue, page: PageContext) -> str:
    return _render("topic-index.html", topics=list(catalogue.topics.values()), page=page)


def render_related_topics(catalogue: Catalogue, chapter_id: str, page: PageContext) -> str:
    """The "put this chapter to work" box: links to the checklists whose ``chapters`` name
    ``chapter_id`` (the chapter's file name without ``.md``); "" when no checklist does."""
    topics = catalogue.topics_for_chapter(chapter_id)
    if not topics:
        return ""
    chapter = catalogue.chapters.get(chapter_id)
    title = chapter.title if chapter else "this chapter"
    return _render("related-topics.html", topics=topics, page=page, chapter_title=title)


def render_page_related_topics(catalogue: Catalogue, page: PageContext) -> str:
    """The related-topics box for whichever page ``page.url`` is: the box of the chapter served
    at that URL (``guide/x/``), "" for any other page. The theme places it after the article
    (overrides/main.html), so chapters carry no macro and never go through Jinja."""
    for chapter in catalogue.chapters.values():
        if chapter.url == page.url:
            return render_related_topics(catalogue, chapter.id, page)
    return ""


def render_continue_panel(catalogue: Catalogue, page: PageContext) -> str:
    """The home page's "continue" panel; the script picks phase and task from this plan."""
    plan = [
        {
            "id": phase.id,
            "label": phase.label,
            "title": phase.title,
            "start": phase.starts_on_day,
            "end": phase.ends_on_day,
            "tasks": [{"id": task.id, "text": plain_text(task.text)} for task in phase.tasks],
        }
        for phase in catalogue.phases
    ]
    # JSON in a data attribute is escaped by the template; no inline script is needed (CSP).
    return _render(
        "continue.html",
        catalogue=catalogue,
        page=page,
        plan_json=json.dumps(plan, separators=(",", ":"), ensure_ascii=False),
    )


PLAN_URL = "onboarding/plan/"


def render_link_directory(catalogue: Catalogue, kind: str, page: PageContext) -> str:
    """A list of chapters, topics or phases with copyable absolute links and a plan box each."""
    if kind == "chapters":
        entries = [
            (chapter.id, chapter.title, chapter.url) for chapter in catalogue.chapters.values()
        ]
    elif kind == "topics":
        entries = [
            (topic.id, f"{topic.title} checklist", topic.url) for topic in catalogue.topics.values()
        ]
    elif kind == "phases":
        entries = [
            (phase.id, f"{phase.label}: {phase.title}", f"{catalogue.framework_url}#{phase.id}")
            for phase in catalogue.phases
        ]
    else:
        raise ValueError(f"link_directory() takes 'chapters', 'topics' or 'phases', not {kind!r}")
    return _render("link-directory.html", kind=kind, entries=entries, page=page)


def render_plan_builder(page: PageContext) -> str:
    return _render("plan-builder.html", page=page, plan_url=PLAN_URL)


def render_plan_page(
    catalogue: Catalogue, page: PageContext, chapter_aliases: dict[str, list[str]] | None = None
) -> str:
    """Every chapter, checklist and phase; the script shows only those a plan link names.

    ``chapter_aliases`` maps a chapter id to the ids it had before a move (from the redirects),
    so a renamed chapter's reading-list entry keeps its old anchor and saved tick.
    """
    checklists = [
        Markup(render_checklist(catalogue, topic, page)) for topic in catalogue.topics.values()
    ]
    return _render(
        "plan.html",
        catalogue=catalogue,
        page=page,
        checklists=checklists,
        chapter_aliases={
            chapter_id: [f"read-{old_id}" for old_id in old_ids]
            for chapter_id, old_ids in (chapter_aliases or {}).items()
        },
        framework=Markup(render_framework(catalogue, page)),
    )
