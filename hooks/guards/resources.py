"""Page content that the Content Security Policy would block: an image, a video, a frame, a
script or a stylesheet loaded from another host (or from a ``data:`` URL where the policy does
not allow one). The build passes and the reader sees a broken image or an empty box, so the
build refuses it instead. Links (``<a href>``) to other hosts are not loads and stay fine.

What each element fetches, and under which directive, is read by hooks/guards/fetches.py; the
allowed sources come from the policy the site sends (hooks/output/csp.py), so allowing a host
there allows it here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

from hooks.guards.built_pages import BuiltPage
from hooks.guards.fetches import SAME_ORIGIN_ONLY
from hooks.guards.links import DERIVED_PAGES  # the print page: reported where written

# CSP Level 3, 6.8.3 "Get the effective directive for request" and the fallback list of
# 6.8.4: a directive the policy does not name falls back along these.
FALLBACKS = {
    "script-src": ("script-src", "default-src"),
    "style-src": ("style-src", "default-src"),
    "img-src": ("img-src", "default-src"),
    "font-src": ("font-src", "default-src"),
    "media-src": ("media-src", "default-src"),
    "object-src": ("object-src", "default-src"),
    "frame-src": ("frame-src", "child-src", "default-src"),
    "manifest-src": ("manifest-src", "default-src"),
    "connect-src": ("connect-src", "default-src"),
}


def _origin(url: str, default_scheme: str = "https") -> tuple[str, str] | None:
    """``(scheme, host[:port])`` of an absolute or protocol-relative URL (which takes the
    page's scheme, ``default_scheme``), None for a URL without a host."""
    parts = urlsplit(url)
    if not parts.netloc:
        return None
    return (parts.scheme.lower() or default_scheme, parts.netloc.lower())


def allows(sources: tuple[str, ...], url: str, site_origin: tuple[str, str] | None) -> bool:
    """Whether a CSP source list (``("'self'", "data:")``) allows fetching ``url`` from a page
    of the site at ``site_origin`` (``("https", "example.org")``). Follows CSP Level 3, 6.7.2.7
    "Does url match source list", for the source kinds a policy of this site uses: ``'self'``,
    schemes (``data:``), hosts with an optional scheme, port, ``*.`` wildcard and path prefix,
    and ``*``. A URL without a host (relative) is the site's own."""
    parts = urlsplit(url)
    page_scheme = site_origin[0] if site_origin else "https"
    scheme = parts.scheme.lower() or page_scheme
    own = not parts.netloc and not parts.scheme
    if own or (site_origin is not None and _origin(url, page_scheme) == site_origin):
        return "'self'" in sources or "*" in sources
    for source in sources:
        if source.endswith(":") and "/" not in source:
            if scheme == source[:-1].lower():
                return True
        elif source == "*":
            if scheme in ("http", "https") and parts.netloc:
                return True
        elif not source.startswith("'"):
            wanted = urlsplit(source if "://" in source else f"//{source}")
            if wanted.scheme and wanted.scheme.lower() != scheme:
                continue
            host, wanted_host = parts.hostname or "", wanted.hostname or ""
            if wanted_host.startswith("*."):
                if not host.endswith(wanted_host[1:]):
                    continue
            elif host != wanted_host:
                continue
            try:
                if wanted.port is not None and wanted.port != parts.port:
                    continue
            except ValueError:  # a port that is not a number matches no source
                continue
            if wanted.path and not parts.path.startswith(wanted.path):
                continue
            return True
    return False


def blocked_resource_problems(
    pages: Mapping[str, BuiltPage],
    policy: Mapping[str, tuple[str, ...]],
    site_url: str,
    locate: Callable[[str, str], str],
) -> list[str]:
    """One problem per resource in page content that ``policy`` would block.

    ``pages`` maps built files (``guide/x/index.html``) to their reading; ``policy`` maps each
    directive the site sends to its sources (``{"img-src": ("'self'", "data:")}``);
    ``site_url`` is the site's published address, whose origin counts as the site's own;
    ``locate(page, text)`` names the source file and the line holding ``text``.
    """
    site_origin = _origin(site_url)
    problems = []
    for name, page in pages.items():
        if name in DERIVED_PAGES:
            continue
        for resource in page.article_resources:
            url = resource.url
            shown = url if len(url) <= 80 else url[:77] + "..."
            if resource.directive == SAME_ORIGIN_ONLY:
                if allows(("'self'",), url, site_origin):
                    continue
                problems.append(
                    f"{locate(name, url[:60])}: {resource.where} refers to '{shown}', which "
                    "browsers load only from the site itself; put the file in docs/ and link "
                    "it relatively"
                )
                continue
            fallbacks = FALLBACKS.get(resource.directive, (resource.directive, "default-src"))
            directive = next((d for d in fallbacks if d in policy), None)
            if directive is None or allows(policy[directive], url, site_origin):
                continue  # a policy without the directive or its fallbacks restricts nothing
            sources = policy[directive]
            if sources == ("'none'",):
                fix = "it allows no source at all, so put the file in docs/ and link it relatively "
                fix += "from an <img> (images), <video> or <audio> (media) or a plain link"
            else:
                fix = "put the file in docs/ and link it relatively (a plain link to another "
                fix += "host is fine)"
            problems.append(
                f"{locate(name, url[:60])}: {resource.where} loads '{shown}', which the Content "
                f"Security Policy blocks ({directive} {' '.join(sources)}); {fix}"
            )
    return problems
