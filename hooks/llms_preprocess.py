"""mkdocs-llmstxt's ``preprocess`` module: what the plugin's own clean-up (Material's headerlinks,
images, tab labels) leaves of the guide's controls goes before the page becomes Markdown.

llms-full.txt is the guide as text for a language model; controls a reader uses in the browser
are noise there. Left to the plugin, every checklist item carried its own "# Link to …" line,
every entry of the team leads' lists an "Add … to the plan" label, every item a "Suggest
a fix" link, and every link with a title kept it in the Markdown (`[text](url "title")`).
"""

from __future__ import annotations

from typing import Any

# The item's "#" permalink (the ¶ of an item), the hidden words of the plan builder's boxes
# ("Add … to the plan") and the "Suggest a fix" links of items and pages.
CONTROLS = (
    "a.mdx-item__link, label.md-visually-hidden, .mdx-directory__pick .md-visually-hidden,"
    " .mdx-item__fix, .mdx-fix"
)


def preprocess(soup: Any, output: str) -> None:
    """Drop ``CONTROLS`` and link titles from ``soup`` (a ``bs4.BeautifulSoup`` of one page's
    content; ``output`` is the Markdown file it becomes), in place, as mkdocs-llmstxt's
    ``preprocess`` option requires. A title is a tooltip: the text it holds is on the page."""
    for element in soup.select(CONTROLS):
        element.decompose()
    for link in soup.select("a[title]"):
        del link["title"]
