"""The form of a checklist source's URL, checked without any network access.

A source is read by people and checked for dead links by a scheduled job, so its URL must be one a
browser and a link checker open as written: https, a real host name, no stray whitespace, a
fragment that names a section when there is one, and no tracking parameters copied from a
browser's address bar. Whether the address still answers is the scheduled link check's job
(``.github/workflows/source-links.yml``); this module only looks at the text.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

# Query parameters that only say where a click came from. Names from Google Analytics' campaign
# parameters (utm_*) and the click identifiers that ad and mail platforms append.
_TRACKING_PREFIXES = ("utm_",)
_TRACKING_NAMES = frozenset(
    {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "_ga", "_gl"}
)


def url_problem(url: str) -> str | None:
    """What is wrong with a source URL's form, as ``problem; fix``, or None when it is fine.

    ``url`` is the value of a source's ``url`` key. Rules (CONTRIBUTING.md, "Add or edit a
    checklist item"): no whitespace; scheme ``https``; it parses with :func:`urllib.parse.urlsplit`
    (port included); a host name with a dot in it and no user name or password; a ``#`` is followed
    by a fragment; no tracking query parameter (``utm_*``, ``fbclid``, ``gclid`` and the like).
    Raises nothing: a value that does not parse is reported as a problem.
    """
    if any(character.isspace() for character in url):
        return "contains whitespace; remove it, or write a space as %20"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - reading it validates the port and raises on a bad one
    except ValueError as error:
        return f"does not parse as a URL ({error}); copy the address again from the browser"
    if parts.scheme != "https":
        return "is not an https URL; link the primary source over https"
    host = parts.hostname or ""
    if "." not in host.strip("."):
        return "has no host name with a dot in it; write the full address, e.g. https://www.rfc-editor.org/rfc/rfc9110"
    if parts.username is not None or parts.password is not None:
        return "carries a user name or password; remove everything before the '@'"
    if "#" in url and not parts.fragment:
        return "ends in an empty '#'; add the section's fragment or remove the '#'"
    for name, _ in parse_qsl(parts.query, keep_blank_values=True):
        if name.lower().startswith(_TRACKING_PREFIXES) or name.lower() in _TRACKING_NAMES:
            return f"has the tracking parameter '{name}'; remove it from the query"
    return None
