"""Content Security Policy for every built page, as a <meta> tag (GitHub Pages sets no headers).

Scripts run only from the site itself; the inline scripts Material and the plugins write are
allowed one by one by their SHA-256 hash. Inline event handlers are refused by a guard
(hooks/guards/handlers.py) before this runs: a hash cannot allow them.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)
_HEAD = re.compile(r"<head[^>]*>", re.I)

POLICY = (
    "default-src 'self'",
    "script-src 'self'{hashes}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def directives() -> dict[str, tuple[str, ...]]:
    """Each directive of the policy and its sources, without the per-page script hashes
    (``{"img-src": ("'self'", "data:"), …}``): what page content may load from where."""
    return {
        name: tuple(sources) for name, *sources in (part.split() for part in policy(()).split("; "))
    }


def script_hash(script_text: str) -> str:
    """The CSP hash source (``'sha256-…'``) of one inline script's text, as browsers compute it
    (CSP Level 3, "Does element match source list for type and source?": SHA-256 of the UTF-8
    encoded text content, base64)."""
    digest = hashlib.sha256(script_text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def policy(inline_scripts: Iterable[str]) -> str:
    """The policy text for a page whose executable inline scripts are ``inline_scripts``."""
    hashes = "".join(f" {source}" for source in sorted({script_hash(s) for s in inline_scripts}))
    return "; ".join(POLICY).format(hashes=hashes)


def with_policy(html: str, inline_scripts: Iterable[str]) -> str:
    """``html`` with its policy ``<meta>`` as the first thing after ``<meta charset>`` (before
    any script), or right after ``<head>``; unchanged when the page has neither."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(inline_scripts)}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    return html[: anchor.end()] + tag + html[anchor.end() :]
