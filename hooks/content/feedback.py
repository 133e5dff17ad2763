"""The "Suggest a fix" links: a plain link to the repository's content-fix issue form with the page
address, and for a checklist item its id and title, already filled in. GitHub issue forms take
a field's value from the query parameter named like the field's ``id``, and the issue's title
from ``title`` ("Creating an issue from a URL query", GitHub Docs); so the link works without
JavaScript, and built from ``repo_url`` it points a fork at the fork's own issues.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

# The form in .github/ISSUE_TEMPLATE/ and the ids of the fields the link fills (a test reads the
# form and compares).
ISSUE_FORM = "content-fix.yml"
PAGE_FIELD = "page"
ITEM_FIELD = "item"
ITEM_TITLE_FIELD = "item-title"
TITLE_PREFIX = "Content fix: "


def suggest_fix_url(
    repo_url: str | None,
    page_url: str,
    page_title: str,
    item_id: str | None = None,
    item_title: str | None = None,
) -> str | None:
    """The issue form's address, e.g. ``https://github.com/o/r/issues/new?template=
    content-fix.yml&page=https%3A%2F%2F…&item=…&item-title=…&title=Content%20fix%3A%20…``.

    ``repo_url`` is mkdocs.yml's (``https://github.com/<owner>/<repo>``, a trailing slash or
    ``.git`` allowed); ``page_url`` the page's absolute address, with ``#<item_id>`` added for
    an item. The issue's title names the item's id when there is one, else the page's title
    ``page_title``. Returns None when ``repo_url`` is empty: a site without a repository gets
    no link."""
    if not repo_url:
        return None
    base = repo_url.strip().removesuffix("/").removesuffix(".git")
    query = {"template": ISSUE_FORM, PAGE_FIELD: page_url}
    if item_id:
        query[PAGE_FIELD] = f"{page_url}#{item_id}"
        query[ITEM_FIELD] = item_id
        query[ITEM_TITLE_FIELD] = item_title or item_id
    # The item's id, not its text again: the text is in its own field, and links stay short.
    query["title"] = TITLE_PREFIX + (item_id or page_title)
    # %20 rather than "+" for spaces: GitHub reads both, and %20 is what every reader decodes.
    return f"{base}/issues/new?{urlencode(query, quote_via=quote)}"
