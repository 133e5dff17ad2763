"""What a built page's content makes the browser fetch, and which Content Security Policy
directive governs each fetch: the HTML standard's fetch "destinations" (``<img>`` an image,
``<track>`` media, ``<link rel=preload as=…>`` its ``as``) mapped to CSP Level 3's fetch
directives (section 6.1). Read once per page by hooks/guards/built_pages.py; judged by
hooks/guards/resources.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import tinycss2
from selectolax.lexbor import LexborNode

# <link rel=preload as=…> destinations -> directive (HTML, "link type preload").
PRELOAD_AS = {
    "script": "script-src",
    "style": "style-src",
    "image": "img-src",
    "font": "font-src",
    "audio": "media-src",
    "video": "media-src",
    "track": "media-src",
    "fetch": "connect-src",
}
# Browsers load an SVG <use> only from the page's own origin, whatever the policy says.
SAME_ORIGIN_ONLY = "same-origin"


@dataclass(frozen=True)
class Resource:
    """One thing a page's content makes the browser fetch.

    ``directive`` is the CSP directive that governs it (``img-src``), or ``same-origin``;
    ``url`` is the address as written; ``where`` says what refers to it (``<img srcset>``,
    ``<style> @import``, ``style="…" url()``).
    """

    directive: str
    url: str
    where: str


def _srcset_urls(srcset: str) -> list[str]:
    """The URLs of a ``srcset`` (HTML, "parse a srcset attribute"): each candidate is a URL,
    then descriptors up to the next comma; a URL may itself hold commas, never whitespace."""
    urls, position, length = [], 0, len(srcset)
    while position < length:
        while position < length and (srcset[position].isspace() or srcset[position] == ","):
            position += 1
        start = position
        while position < length and not srcset[position].isspace():
            position += 1
        url = srcset[start:position]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            depth = 0  # descriptors: skip to the comma that ends the candidate
            while position < length and (srcset[position] != "," or depth):
                depth += {"(": 1, ")": -1}.get(srcset[position], 0)
                position += 1
        if url:
            urls.append(url)
    return urls


def _css_urls(tokens: list) -> Iterator[str]:
    """Every URL in CSS component values: ``url(x)``, ``url("x")`` and the strings of
    ``image-set()``, in nested blocks and functions too (comments are not tokens)."""
    for token in tokens:
        if token.type == "url":
            yield token.value
        elif token.type == "function":
            name = token.lower_name
            strings = [arg.value for arg in token.arguments if arg.type == "string"]
            if name in ("url", "src"):
                yield from strings[:1]
            elif name in ("image-set", "-webkit-image-set", "image"):
                yield from strings
            yield from _css_urls(token.arguments)
        elif getattr(token, "content", None) is not None and not isinstance(token.content, str):
            yield from _css_urls(token.content)


def _stylesheet_resources(rules: list, where: str) -> Iterator[Resource]:
    """Loads of a stylesheet's rules: ``@import`` fetches a stylesheet, URLs inside
    ``@font-face`` fonts, every other URL an image (backgrounds, masks, cursors, list markers)."""
    for rule in rules:
        if rule.type == "at-rule" and rule.lower_at_keyword == "import":
            prelude = [t for t in rule.prelude if t.type != "whitespace"]
            url = prelude[0].value if prelude and prelude[0].type == "string" else None
            for found in [url] if url else list(_css_urls(rule.prelude))[:1]:
                yield Resource("style-src", found, f"{where} @import")
        elif rule.type == "at-rule" and rule.lower_at_keyword == "font-face":
            for url in _css_urls(rule.content or []):
                yield Resource("font-src", url, f"{where} @font-face")
        elif rule.type == "at-rule" and rule.content is not None:
            nested = tinycss2.parse_rule_list(rule.content, skip_comments=True)
            yield from _stylesheet_resources(nested, where)
        elif rule.type == "qualified-rule":
            for url in _css_urls(rule.content):
                yield Resource("img-src", url, f"{where} url()")


def _link_directive(node: LexborNode) -> str | None:
    rels = set((node.attributes.get("rel") or "").lower().split())
    if "stylesheet" in rels:
        return "style-src"
    if rels & {"icon", "apple-touch-icon", "mask-icon"}:
        return "img-src"
    if "manifest" in rels:
        return "manifest-src"
    if rels & {"preload", "modulepreload", "prefetch"}:
        kind = (node.attributes.get("as") or "").lower()
        return "script-src" if "modulepreload" in rels else PRELOAD_AS.get(kind, "default-src")
    return None


def _element_resources(node: LexborNode) -> Iterator[Resource]:
    tag = node.tag.lower()
    attributes = {name.lower(): value or "" for name, value in node.attributes.items()}

    def load(directive: str, attribute: str) -> Iterator[Resource]:
        if attributes.get(attribute, "").strip():
            yield Resource(directive, attributes[attribute].strip(), f"<{tag} {attribute}>")

    if tag in ("img", "source"):
        media = (
            tag == "source" and node.parent is not None and node.parent.tag in ("video", "audio")
        )
        yield from load("media-src" if media else "img-src", "src")
        for url in _srcset_urls(attributes.get("srcset", "")):
            yield Resource("img-src", url, f"<{tag} srcset>")
    elif tag == "input" and attributes.get("type", "").lower() == "image":
        yield from load("img-src", "src")
    elif tag in ("video", "audio", "track"):
        yield from load("media-src", "src")
        yield from load("img-src", "poster")
    elif tag in ("iframe", "frame"):
        yield from load("frame-src", "src")
    elif tag == "embed":
        yield from load("object-src", "src")
    elif tag == "object":
        yield from load("object-src", "data")
    elif tag == "script":
        yield from load("script-src", "src")
        yield from load("script-src", "href")  # SVG <script href>
        yield from load("script-src", "xlink:href")
    elif tag == "link" and (directive := _link_directive(node)):
        rel = " ".join(attributes.get("rel", "").split())
        if attributes.get("href", "").strip():
            yield Resource(directive, attributes["href"].strip(), f'<link rel="{rel}" href>')
    elif tag in ("image", "feimage"):  # SVG
        yield from load("img-src", "href")
        yield from load("img-src", "xlink:href")
    elif tag == "use":
        yield from load(SAME_ORIGIN_ONLY, "href")
        yield from load(SAME_ORIGIN_ONLY, "xlink:href")
    elif tag == "style":
        rules = tinycss2.parse_stylesheet(node.text(deep=True), skip_comments=True)
        yield from _stylesheet_resources(rules, "<style>")
    if "style" in attributes:
        declarations = tinycss2.parse_blocks_contents(attributes["style"], skip_comments=True)
        for declaration in declarations:
            if declaration.type == "declaration":
                for url in _css_urls(declaration.value):
                    yield Resource("img-src", url, f'<{tag} style="…"> url()')


def content_resources(article: LexborNode) -> tuple[Resource, ...]:
    """Everything the content ``article`` makes the browser fetch, in document order."""
    return tuple(
        resource
        for node in article.css("*")
        for resource in _element_resources(node)
        # A fragment alone ("#gradient") refers to the page itself and fetches nothing.
        if not resource.url.startswith("#")
    )
