"""A plain Material for MkDocs project with the guide's text: the baseline the site is held to.

The pages come straight from the manuscript, one per chapter like ``docs/guide/``, plus a home page
with the introduction. The configuration is Material's default: a site name, the URL it is served
at, ``theme: material`` and the nav in reading order (optionally ``navigation.prune``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from benchmarks.project import PROJECT_DIR, grown_nav, with_prune, write_config
from hooks.guards.built_pages import ARTICLE

MANUSCRIPT = PROJECT_DIR / "manuscript" / "backend-optimization-guide.txt"
SITE_NAME = "Backend Optimization Guide"


@dataclass(frozen=True)
class Chapter:
    title: str
    paragraphs: tuple[str, ...]

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")


def _is_heading(line: str) -> bool:
    """Chapter titles are the short lines that do not end like a sentence."""
    return len(line) < 80 and not line.endswith((".", "!", "?", ":", "…"))


def read_manuscript(path: Path = MANUSCRIPT) -> tuple[tuple[str, ...], list[Chapter]]:
    """The introduction's paragraphs and the chapters, in manuscript order."""
    intro: list[str] = []
    chapters: list[Chapter] = []
    for line in (raw.strip() for raw in path.read_text(encoding="utf-8").splitlines()):
        if not line:
            continue
        if _is_heading(line):
            chapters.append(Chapter(line, ()))
        elif chapters:
            chapters[-1] = Chapter(chapters[-1].title, (*chapters[-1].paragraphs, line))
        else:
            intro.append(line)
    return tuple(intro), chapters


def _page(title: str, paragraphs: tuple[str, ...]) -> str:
    return "\n\n".join((f"# {title}", *paragraphs)) + "\n"


def write_plain_project(target: Path, site_url: str, copies: int = 1) -> int:
    """Write the plain project into ``target`` (``copies`` > 1 repeats the pages in sub-folders,
    for the large-site build) with ``mkdocs.yml`` and ``mkdocs-prune.yml``; returns the page
    count."""
    intro, chapters = read_manuscript()
    for number in range(copies):
        docs = target / "docs" / (f"copy-{number:03}" if number else "")
        (docs / "guide").mkdir(parents=True, exist_ok=True)
        (docs / "index.md").write_text(_page(SITE_NAME, intro), encoding="utf-8")
        for chapter in chapters:
            page = docs / "guide" / f"{chapter.slug}.md"
            page.write_text(_page(chapter.title, chapter.paragraphs), encoding="utf-8")
    nav = [
        {"Home": "index.md"},
        {"The guide": [f"guide/{chapter.slug}.md" for chapter in chapters]},
    ]
    config: dict[str, object] = {
        "site_name": SITE_NAME,
        "site_url": site_url,
        "theme": {"name": "material"},
        "nav": grown_nav(nav, copies),
    }
    write_config(target / "mkdocs.yml", config)
    write_config(target / "mkdocs-prune.yml", with_prune(config, True))
    return copies * (1 + len(chapters))


# What our template adds around the content (edit button, last-updated line, the scripts):
# left out, so the baseline has the content and nothing else.
_CHROME = re.compile(
    r'<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>'
    r'|<aside class="md-source-file">.*?</aside>'
    r"|<script\b[^>]*>.*?</script>",
    re.S,
)


def write_same_content_project(target: Path, site_url: str, ours_site: Path, paths: list[str]):
    """A plain Material project (default configuration) whose pages hold exactly the content of
    our built pages at the same paths: checklists, cards and plans as static HTML. Compared
    page by page, it leaves only what our theme, scripts and styles add."""
    for path in paths:
        html = (ours_site / path / "index.html").read_text(encoding="utf-8")
        article = LexborHTMLParser(html).css_first(ARTICLE)
        if article is None:
            raise ValueError(f"no article in {path or 'home'}")
        content = _CHROME.sub("", article.inner_html or "").strip()
        page = target / "docs" / path / "index.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"<div>\n{content}\n</div>\n", encoding="utf-8")
    config = {"site_name": SITE_NAME, "site_url": site_url, "theme": {"name": "material"}}
    write_config(target / "mkdocs.yml", config)
