"""Read a built page once, with a real HTML parser, for every check and rewrite that needs it."""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from hooks.guards.fetches import Resource, content_resources

# Script types that hold data, not code: a Content Security Policy needs no hash for them.
DATA_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json", "importmap"})
# The content article Material writes around what Markdown and macros produced.
ARTICLE = "article.md-content__inner"


@dataclass(frozen=True)
class BuiltPage:
    """What the guards and the CSP need from one built HTML page.

    - ``article_hrefs``: every ``<a href>`` inside the content article, in document order; None
      for a page without one (the 404 page, redirect stubs);
    - ``article_anchors``: ids inside the article a reader can link to (not form controls'
      ids, not Material's ``__``-prefixed ones), in document order;
    - ``ids``: every id on the page (targets for links from other pages);
    - ``inline_scripts``: the text of each executable inline ``<script>``, as the browser hashes it;
    - ``handlers``: ``(tag, attribute)`` for each inline event handler (``onclick=`` …) and
      ``javascript:`` link, which a strict Content Security Policy refuses;
    - ``redirect``: the URL of a ``<meta http-equiv="refresh">``, for redirect stubs;
    - ``scripts``: ``(src, deferred)`` for each external script, in document order;
    - ``article_resources``: what the content article makes the browser fetch (images, media,
      frames, scripts, stylesheets, CSS ``url()``), in document order; empty without an article.
    """

    article_hrefs: tuple[str, ...] | None
    article_anchors: tuple[str, ...]
    ids: frozenset[str]
    inline_scripts: tuple[str, ...]
    handlers: tuple[tuple[str, str], ...]
    redirect: str | None
    scripts: tuple[tuple[str, bool], ...]
    article_resources: tuple[Resource, ...] = ()


def _redirect_url(tree: LexborHTMLParser) -> str | None:
    for meta in tree.css("meta[http-equiv]"):
        if (meta.attributes.get("http-equiv") or "").lower() == "refresh":
            content = meta.attributes.get("content") or ""
            _, _, url = content.partition("url=")
            return url.strip() or None
    return None


def read_page(html: str) -> BuiltPage:
    """Parse one page (``html``: the whole document as text) and collect what the checks need."""
    tree = LexborHTMLParser(html)
    article = tree.css_first(ARTICLE)
    inline, external = [], []
    for script in tree.css("script"):
        src = script.attributes.get("src")
        if src is not None:
            external.append((src, "defer" in script.attributes))
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
    anchors = []
    if article is not None:
        for node in article.css("[id]"):
            anchor = node.attributes.get("id") or ""
            if node.tag != "input" and anchor and not anchor.startswith("__"):
                anchors.append(anchor)
    return BuiltPage(
        article_hrefs=None
        if article is None
        else tuple(link.attributes.get("href") or "" for link in article.css("a[href]")),
        article_anchors=tuple(anchors),
        ids=frozenset(node.attributes.get("id") or "" for node in tree.css("[id]")),
        inline_scripts=tuple(inline),
        handlers=tuple(handlers),
        redirect=_redirect_url(tree),
        scripts=tuple(external),
        article_resources=() if article is None else content_resources(article),
    )
