"""Render catalogue parts as semantic HTML that reads well without JavaScript.

Markup lives in the Jinja templates beside this module, in ``templates/`` (autoescaped); this
module picks the data and computes links. Data text is plain text with `code` spans: it is
escaped, never trusted.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from hooks.content.catalogue import Catalogue, Topic
from hooks.content.feedback import suggest_fix_url
from hooks.content.nav import published_source

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"

_CODE_SPAN = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class PageContext:
    """Where the HTML goes: the page's site-relative URL, the site's absolute base URL and the
    repository's (mkdocs.yml's ``repo_url``; None without one, and then no "Suggest a fix")."""

    url: str  # e.g. "topics/webhook-design/" ("" for the home page)
    site_url: str  # e.g. "https://owner.github.io/repo/"
    repo_url: str | None = None  # e.g. "https://github.com/owner/repo"

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

    def suggest_fix(self, item_id: str, text: str) -> str | None:
        """The "Suggest a fix" issue-form link for the item ``item_id`` on this page, its title
        ``text`` (data text) in plain text; None without a repository (content/feedback.py)."""
        return suggest_fix_url(self.repo_url, self.absolute(), "", item_id, plain_text(text))


def inline_text(text: str) -> Markup:
    """Escape data text, then turn `code` spans into <code> elements."""
    escaped = str(escape(text))
    return Markup(_CODE_SPAN.sub(lambda match: f"<code>{match.group(1)}</code>", escaped))


_URL_PARTS = re.compile(r"[^/]*(?:/+|$)")


def url_breaks(url: str) -> Markup:
    """``url`` escaped for display, allowed to wrap after a slash and nowhere else: each run up
    to and including its slashes is a no-wrap span, with a ``<wbr>`` between runs. The text is
    the URL unchanged (a copy of it is the URL). Wrapping at any character, which is what
    ``overflow-wrap: anywhere`` does, breaks words and ids mid-word."""
    runs = [run for run in _URL_PARTS.findall(url) if run]
    return Markup("<wbr>").join(
        Markup('<span class="mdx-nowrap">{}</span>').format(run) for run in runs
    )


def plain_text(text: str) -> str:
    """Data text without the backticks (for attributes and copied Markdown)."""
    return _CODE_SPAN.sub(lambda match: match.group(1), text)


# The script (``overrides/assets/<name>.js``) that makes each component interactive, by the
# component's ``data-mdx-component`` name. A page loads the scripts of the components its macros
# rendered, nothing else: a page without components loads none.
COMPONENT_SCRIPTS = {
    "checklist": "progress",
    "card": "progress",
    "framework": "progress",
    "timeline": "progress",
    "topic-index": "progress",
    "progress": "progress",
    "continue": "progress",
    "plan": "plan",
    "plan-builder": "plan-builder",
}
# Entry scripts in the order a page loads them.
ENTRY_SCRIPTS = ("progress", "plan", "plan-builder")
# The modules each entry script imports (directly or not), which the page requests together with
# it: a browser otherwise learns of them one import at a time, one round trip each.
SCRIPT_IMPORTS = {
    "progress": ("dom", "mdx"),
    "plan": ("dom", "mdx"),
    "plan-builder": ("dom",),
}


def entry_scripts(components: Iterable[str]) -> list[str]:
    """The entry scripts a page with these components loads, in ``ENTRY_SCRIPTS`` order.

    ``components`` are ``data-mdx-component`` names (a ``KeyError`` for an unknown one). The plan
    page's script mounts the progress script's components itself, after it has removed the parts
    the plan does not name, so with ``plan`` the page does not load ``progress`` as well: both
    would mount, and the first would count the whole guide.
    """
    names = {COMPONENT_SCRIPTS[component] for component in components}
    if "plan" in names:
        names.discard("progress")
    return [name for name in ENTRY_SCRIPTS if name in names]


def preloaded_modules(scripts: Iterable[str]) -> list[str]:
    """The modules the entry ``scripts`` import, each once, in first-import order: what
    ``overrides/main.html``'s loader requests at once before it runs the entry scripts."""
    return list(dict.fromkeys(name for script in scripts for name in SCRIPT_IMPORTS[script]))


@lru_cache(maxsize=1)
def template_environment() -> Environment:
    """The one Jinja environment the templates in ``templates/`` render in, per process. An
    engine hook may give it a ``bytecode_cache`` (hooks/template_cache.py) before the first page
    renders, so a build reuses the code Jinja compiled from unchanged templates."""
    # Whitespace has one rule, "no blank line" (see _render); trim_blocks and lstrip_blocks only
    # keep a line with nothing but a {% tag %} from leaving a line break behind in the markup.
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
    environment.filters["url_breaks"] = url_breaks
    return environment


def _render(template: str, **values: object) -> str:
    html = template_environment().get_template(template).render(**values)
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


def render_related_topics(catalogue: Catalogue, page: PageContext) -> str:
    """The "put this chapter to work" box for the page at ``page.url``: links to the checklists
    whose ``chapters`` name the chapter served there; "" when none does, or when the page is
    no chapter. The theme places it after the article (overrides/main.html), so chapters carry
    no macro and never go through Jinja."""
    chapter = catalogue.chapter_at(page.url)
    topics = catalogue.topics_for_chapter(chapter.id) if chapter else []
    if not chapter or not topics:
        return ""
    return _render("related-topics.html", topics=topics, page=page, chapter_title=chapter.title)


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


# Pages the onboarding templates link, by source path under docs/.
PLAN_PAGE = "onboarding/plan.md"
TEAM_LEADS_PAGE = "onboarding/index.md"


class MissingPage(LookupError):
    """A template links a page the site does not publish; ``source`` is its path under docs/.
    The macros module reports it at the macro call that rendered the template."""

    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.source = source


def _url_of(catalogue: Catalogue, source: str) -> str:
    """Site-relative URL of the published page ``source`` (or the same page moved into a folder
    of its own, see nav.published_source); raises MissingPage."""
    published = published_source(catalogue.pages, source)
    if published is None:
        raise MissingPage(source)
    return catalogue.pages[published]


def _directory_entries(catalogue: Catalogue, kind: str) -> list[tuple[str, str, str]]:
    if kind == "chapters":
        return [(c.id, c.title, c.url) for c in catalogue.chapters.values()]
    if kind == "topics":
        return [(t.id, f"{t.title} checklist", t.url) for t in catalogue.topics.values()]
    return [
        (phase.id, f"{phase.label}: {phase.title}", f"{catalogue.framework_url}#{phase.id}")
        for phase in catalogue.phases
    ]


# What link_directory() lists; the macros module refuses any other kind with the page's line.
LINK_DIRECTORY_KINDS = ("chapters", "topics", "phases")


def render_link_directory(catalogue: Catalogue, kind: str, page: PageContext) -> str:
    """A list of chapters, topics or phases (``kind``, one of LINK_DIRECTORY_KINDS) with
    copyable absolute links and a plan box each."""
    entries = _directory_entries(catalogue, kind)
    return _render("link-directory.html", kind=kind, entries=entries, page=page)


def render_plan_builder(catalogue: Catalogue, page: PageContext) -> str:
    """The plan builder's output area, linking the plan page; raises MissingPage without one."""
    return _render("plan-builder.html", page=page, plan_url=_url_of(catalogue, PLAN_PAGE))


def render_plan_page(
    catalogue: Catalogue, page: PageContext, chapter_aliases: dict[str, list[str]] | None = None
) -> str:
    """Every chapter, checklist and phase; the script shows only those a plan link names.

    ``chapter_aliases`` maps a chapter id to the ids it had before a move (from the redirects),
    so a renamed chapter's reading-list entry keeps its old anchor and saved tick. Raises
    MissingPage when the team leads' page it links is not published.
    """
    checklists = [
        Markup(render_checklist(catalogue, topic, page)) for topic in catalogue.topics.values()
    ]
    return _render(
        "plan.html",
        catalogue=catalogue,
        page=page,
        team_leads_url=_url_of(catalogue, TEAM_LEADS_PAGE),
        checklists=checklists,
        chapter_aliases={
            chapter_id: [f"read-{old_id}" for old_id in old_ids]
            for chapter_id, old_ids in (chapter_aliases or {}).items()
        },
        framework=Markup(render_framework(catalogue, page)),
    )
