"""The Content Security Policy: hashes of inline scripts, no inline handlers."""

from __future__ import annotations

import base64
import hashlib

from hooks import csp


def sha(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def test_inline_scripts_are_hashed_and_data_blocks_and_files_are_not():
    html = (
        '<head><meta charset="utf-8"><script>a()</script>'
        '<script id="__config" type="application/json">{"x":1}</script>'
        '<script src="assets/x.js"></script><script type="module">b()</script></head>'
    )
    assert csp.inline_script_hashes(html) == sorted([sha("a()"), sha("b()")])


def test_policy_goes_before_any_script_and_allows_only_self_and_hashes():
    html = '<html><head><meta charset="utf-8"><script>a()</script></head></html>'
    result = csp.with_policy(html)
    meta_at = result.index('http-equiv="Content-Security-Policy"')
    assert meta_at < result.index("<script>")
    policy = result[meta_at:].split('content="', 1)[1].split('"', 1)[0]
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["script-src"] == f"'self' {sha('a()')}"
    assert "unsafe-inline" not in directives["script-src"]
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"


def test_page_without_inline_scripts_gets_self_only():
    policy = csp.policy_for("<p>no scripts</p>")
    assert "script-src 'self';" in policy


def test_inline_event_handlers_are_reported():
    problems = csp.handler_problems('<img src="x" onerror="alert(1)"><a onclick=go()>', "p.html")
    assert [p.split("'")[1] for p in problems] == ["onerror=", "onclick="]
    assert csp.handler_problems('<a href="javascript:void(0)">x</a>', "p.html")
    assert (
        csp.handler_problems("<p>Set onerror handlers in code: button.onclick = f</p>", "p.html")
        == []
    )
