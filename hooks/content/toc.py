"""The table of contents of a rendered page, headings written as raw HTML included.

Python-Markdown's toc extension lists the headings Markdown writes; a heading inside a raw HTML
block (the checklists' and the framework's, which macros render) is stashed away before the
extension runs, so a topic page showed an empty table of contents. No MkDocs imports: the
result is the toc extension's own token shape, which MkDocs' ``get_toc`` turns into its table.
"""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser

_HEADINGS = "h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]"
# A checklist item's text is a heading so that search gives each item an entry of its own
# (templates/_item.html); listing every item would bury the page's sections, so it is left out.
_ITEM_HEADING = "mdx-item__head"


def toc_tokens(html: str, known: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``known`` (the toc extension's ``toc_tokens``: dicts with ``level``, ``id``, ``name``,
    ``children``) with every other heading of ``html`` (a page's rendered content) that has an
    id, at its place in document order and nested by level.

    A known heading keeps its token (its name may come from ``data-toc-label``). A heading
    added here links to its permalink's target when it has one (``<a class="headerlink"
    href="#x">``, the anchor the page publishes for it), else to its own id; its name is its
    ``data-toc-label`` or else its text without the permalink. Checklist items' headings
    (class ``mdx-item__head``) are not listed. Returns new tokens; ``known`` is not changed.
    """
    by_id: dict[str, dict[str, Any]] = {}

    def index(tokens: list[dict[str, Any]]) -> None:
        for token in tokens:
            by_id[token["id"]] = token
            index(token["children"])

    index(known)
    flat = []
    for heading in LexborHTMLParser(html).css(_HEADINGS):
        if _ITEM_HEADING in (heading.attributes.get("class") or "").split():
            continue
        level = int(heading.tag[1])
        token = by_id.get(heading.attributes.get("id") or "")
        if token is not None:
            flat.append({**token, "children": []})
            continue
        permalink = heading.css_first("a.headerlink[href^='#']")
        anchor = (permalink.attributes.get("href") or "")[1:] if permalink else ""
        if permalink is not None:
            permalink.decompose()
        # data-toc-label: the toc extension's attribute for a name other than the heading's text.
        name = heading.attributes.get("data-toc-label") or " ".join(heading.text().split())
        flat.append(
            {
                "level": level,
                "id": anchor or heading.attributes["id"],
                "name": name,
                "children": [],
            }
        )
    return _nest(flat)


def _nest(flat: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Tokens in document order nested by level: each under the nearest earlier token of a
    lower level, as the toc extension nests them (markdown.extensions.toc.nest_toc_tokens)."""
    top: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for token in flat:
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else top).append(token)
        stack.append(token)
    return top
