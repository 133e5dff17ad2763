"""Content Security Policy for every built page, as a <meta> tag (GitHub Pages sets no headers).

Scripts run only from the site itself; the inline scripts Material and the plugins write are
allowed one by one by their SHA-256 hash, computed here from the built HTML. Inline event
handlers are refused outright: a hash cannot allow them and they would break silently.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
# Candidate handler attributes; each is confirmed to sit inside a tag (pages are large, so the
# scan looks for the rare attribute first instead of walking every tag).
_HANDLER = re.compile(r"\s(?P<name>on[a-z]+)\s*=\s*[\"'a-zA-Z]")
_JS_URL = re.compile(r"""\shref\s*=\s*["']\s*javascript:""", re.I)
# Quick tests that a page cannot match the two patterns above, which start with \s and so make
# the regex engine try every position (slow on thousands of large pages). These start with a
# literal the engine jumps to; only a page that passes one is scanned with the full pattern.
_MAYBE_HANDLER = re.compile(r"on(?<=\son)[a-z]+\s*=\s*[\"'a-zA-Z]")
_MAYBE_JS_URL = re.compile(r":(?<=(?i:javascript):)")
_DATA_TYPES = ("application/json", "application/ld+json")
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)

POLICY = (
    "default-src 'self'",
    "script-src 'self' {hashes}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def inline_script_hashes(html: str) -> list[str]:
    """CSP hash sources of the executable inline scripts (JSON data blocks need none)."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\ssrc\s*=", attrs):
            continue
        script_type = re.search(r"""\stype\s*=\s*["']?([^"'\s>]+)""", attrs)
        if script_type and script_type.group(1).lower() in _DATA_TYPES:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def policy_for(html: str) -> str:
    return (
        "; ".join(POLICY)
        .format(hashes=" ".join(inline_script_hashes(html)))
        .replace("'self' ;", "'self';")
    )


def _inside_tag(html: str, position: int) -> bool:
    return html.rfind("<", 0, position) > html.rfind(">", 0, position)


def _inside_script(html: str, position: int) -> bool:
    return html.rfind("<script", 0, position) > html.rfind("</script>", 0, position)


def handler_problems(html: str, page_name: str) -> list[str]:
    """Inline event handlers and javascript: URLs, which a strict policy must not need."""
    problems = []
    if _MAYBE_HANDLER.search(html):
        problems += [
            f"{page_name}: inline event handler '{match.group('name')}=' in the page; "
            "attach listeners from a script in overrides/assets/ instead"
            for match in _HANDLER.finditer(html)
            if _inside_tag(html, match.start()) and not _inside_script(html, match.start())
        ]
    if _MAYBE_JS_URL.search(html) and _JS_URL.search(html):
        problems.append(f"{page_name}: a javascript: link in the page; use a button and a script")
    return problems


def with_policy(html: str) -> str:
    """The page with its policy as the first thing after <meta charset> (before any script)."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    match = _CHARSET.search(html)
    if match is None:
        head = re.search(r"<head[^>]*>", html, re.I)
        if head is None:
            return html
        return html[: head.end()] + tag + html[head.end() :]
    return html[: match.end()] + "\n    " + tag + html[match.end() :]
