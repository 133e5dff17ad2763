"""Read a built page once, with a real HTML parser, for every check and rewrite that needs it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from hooks.guards.fetches import Resource, content_resources

# Script types that hold data, not code: a Content Security Policy needs no hash for them.
DATA_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json", "importmap"})
# The content article Material writes around what Markdown and macros produced.
ARTICLE = "article.md-content__inner"
# Ids of Python-Markdown's footnotes extension: "fn:<label>" on the note, "fnref:<label>" (then
# "fnref2:<label>", ...) on each reference. They exist only while the footnote does.
_FOOTNOTE_ID = re.compile(r"^fn(?:ref\d*)?:")
# Python-Markdown's toc extension (markdown.extensions.toc.unique) makes a heading's id unique
# by appending "_1", "_2", ... to its slug, and gives a heading whose slug is empty (no Latin
# letters or digits: "日本語のまとめ") the id "_1", "_2", ... in page order.
_NUMBERED_ID = re.compile(r"^(?P<base>.*)_(?P<number>\d+)$")
_HEADINGS = "h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]"


class PositionalHeading(NamedTuple):
    """A heading whose id depends on where it stands on the page."""

    anchor: str  # "_1", "why_1"
    text: str  # the heading as it reads, without the permalink
    level: int  # 2 for <h2>
    occurrence: int  # earlier headings on the page with the same text (0 for the first)


@dataclass(frozen=True)
class BuiltPage:
    """What the guards and the CSP need from one built HTML page.

    - ``article_hrefs``: every ``<a href>`` inside the content article, in document order; None
      for a page without one (the 404 page, redirect stubs);
    - ``article_anchors``: ids inside the article a reader can link to and keep (not form
      controls' ids, not Material's ``__``-prefixed ones, not footnote ids, not the ids of
      ``positional_headings``), in document order;
    - ``positional_headings``: each heading in the article whose id Python-Markdown numbered by
      its position (``_1``, or ``why_1`` for a second "Why" heading), in document order;
    - ``article_images``: ``(src, alt)`` for each ``<img>`` inside the article, in document
      order; ``alt`` is None when the attribute is missing (code examples are text, not images);
    - ``ids``: every id on the page (targets for links from other pages);
    - ``inline_scripts``: the text of each executable inline ``<script>``, as the browser hashes it;
    - ``handlers``: ``(tag, attribute)`` for each inline event handler (``onclick=`` …) and
      ``javascript:`` link, which a strict Content Security Policy refuses;
    - ``redirect``: the URL of a ``<meta http-equiv="refresh">``, for redirect stubs;
    - ``scripts``: ``(src, deferred)`` for each external script the browser loads as it parses
      the page, in document order;
    - ``later_scripts``: ``(src, bundle)`` for each inert ``<script data-mdx-src>`` that the page
      loader (overrides/main.html) adds after the first paint, in document order; ``bundle`` is
      whether the tag is marked as Material's bundle (``data-mdx-bundle``);
    - ``has_loader``: whether the page has that loader (``<script data-mdx-loader>``);
    - ``article_resources``: what the content article makes the browser fetch (images, media,
      frames, scripts, stylesheets, CSS ``url()``), in document order; empty without an article.
    """

    article_hrefs: tuple[str, ...] | None
    article_anchors: tuple[str, ...]
    positional_headings: tuple[PositionalHeading, ...]
    article_images: tuple[tuple[str, str | None], ...]
    ids: frozenset[str]
    inline_scripts: tuple[str, ...]
    handlers: tuple[tuple[str, str], ...]
    redirect: str | None
    scripts: tuple[tuple[str, bool], ...]
    article_resources: tuple[Resource, ...] = ()
    later_scripts: tuple[tuple[str, bool], ...] = ()
    has_loader: bool = False


def _redirect_url(tree: LexborHTMLParser) -> str | None:
    for meta in tree.css("meta[http-equiv]"):
        if (meta.attributes.get("http-equiv") or "").lower() == "refresh":
            content = meta.attributes.get("content") or ""
            _, _, url = content.partition("url=")
            return url.strip() or None
    return None


def _heading_text(node: LexborNode) -> str:
    # Without Python-Markdown's permalink ("¶"), as the heading reads in the source.
    text = node.text(deep=True)
    for link in node.css("a.headerlink"):
        text = text.replace(link.text(deep=True), "")
    return " ".join(text.split())


def _positional_headings(article: LexborNode | None) -> tuple[PositionalHeading, ...]:
    """Headings whose id is a number Python-Markdown appended (see _NUMBERED_ID): the slug is
    empty, or another element of the article has the slug as its id (the toc extension counts
    every id of the page, wherever it stands)."""
    if article is None:
        return ()
    ids = {node.attributes.get("id") or "" for node in article.css("[id]")}
    seen_texts: dict[str, int] = {}
    found = []
    for node in article.css(_HEADINGS):
        anchor = node.attributes.get("id") or ""
        text = _heading_text(node)
        numbered = _NUMBERED_ID.match(anchor)
        if numbered and (numbered.group("base") == "" or numbered.group("base") in ids):
            level = int(node.tag[1])
            found.append(PositionalHeading(anchor, text, level, seen_texts.get(text, 0)))
        seen_texts[text] = seen_texts.get(text, 0) + 1
    return tuple(found)


def read_page(html: str) -> BuiltPage:
    """Parse one page (``html``: the whole document as text) and collect what the checks need."""
    tree = LexborHTMLParser(html)
    article = tree.css_first(ARTICLE)
    inline, external, later = [], [], []
    has_loader = False
    for script in tree.css("script"):
        src = script.attributes.get("src")
        if src is not None:
            external.append((src, "defer" in script.attributes))
            continue
        has_loader = has_loader or "data-mdx-loader" in script.attributes
        later_src = script.attributes.get("data-mdx-src")
        if later_src is not None:  # type="text/plain": the browser runs nothing here
            later.append((later_src, "data-mdx-bundle" in script.attributes))
            continue
        kind = (script.attributes.get("type") or "").strip().lower()
        if kind not in DATA_SCRIPT_TYPES:
            inline.append(script.text(deep=True))
    handlers = []
    for node in tree.css("*"):
        for name, value in node.attributes.items():
            if name.startswith("on"):
                handlers.append((node.tag, name))
            elif name == "href" and (value or "").strip().lower().startswith("javascript:"):
                handlers.append((node.tag, "href=javascript:"))
    anchors, positional = [], _positional_headings(article)
    unstable = {heading.anchor for heading in positional}
    if article is not None:
        for node in article.css("[id]"):
            anchor = node.attributes.get("id") or ""
            if (
                node.tag != "input"
                and anchor
                and not anchor.startswith("__")
                and not _FOOTNOTE_ID.match(anchor)
                and anchor not in unstable
            ):
                anchors.append(anchor)
    return BuiltPage(
        article_hrefs=None
        if article is None
        else tuple(link.attributes.get("href") or "" for link in article.css("a[href]")),
        article_anchors=tuple(anchors),
        positional_headings=positional,
        article_images=()
        if article is None
        else tuple(
            (image.attributes.get("src") or "", image.attributes.get("alt"))
            for image in article.css("img")
        ),
        ids=frozenset(node.attributes.get("id") or "" for node in tree.css("[id]")),
        inline_scripts=tuple(inline),
        handlers=tuple(handlers),
        redirect=_redirect_url(tree),
        scripts=tuple(external),
        later_scripts=tuple(later),
        has_loader=has_loader,
        article_resources=() if article is None else content_resources(article),
    )
