"""The Content Security Policy: hashes of inline scripts, no inline handlers."""

from __future__ import annotations

import base64
import hashlib

from hooks.guards.built_pages import read_page
from hooks.guards.handlers import handler_problems
from hooks.output import csp


def sha(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def test_inline_scripts_are_hashed_and_data_blocks_and_files_are_not():
    html = (
        '<head><meta charset="utf-8"><script>a()</script>'
        '<script id="__config" type="application/json">{"x":1}</script>'
        '<script src="assets/x.js"></script><script type="module">b()</script></head>'
    )
    policy = csp.policy(read_page(html).inline_scripts)
    script_src = dict(part.split(" ", 1) for part in policy.split("; "))["script-src"]
    assert script_src == " ".join(["'self'", *sorted([sha("a()"), sha("b()")])])


def test_a_script_is_hashed_as_the_browser_reads_it():
    # The HTML parser turns CR LF into LF before the browser hashes the script's text.
    page = read_page("<head><script>a();\r\nb()</script></head>")
    assert csp.script_hash(page.inline_scripts[0]) == sha("a();\nb()")


def test_policy_goes_before_any_script_and_allows_only_self_and_hashes():
    html = '<html><head><meta charset="utf-8"><script>a()</script></head></html>'
    result = csp.with_policy(html, read_page(html).inline_scripts)
    meta_at = result.index('http-equiv="Content-Security-Policy"')
    assert meta_at < result.index("<script>")
    policy = result[meta_at:].split('content="', 1)[1].split('"', 1)[0]
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["script-src"] == f"'self' {sha('a()')}"
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"


def test_page_without_inline_scripts_gets_self_only():
    assert "script-src 'self';" in csp.policy([])


def test_inline_event_handlers_are_reported():
    page = read_page('<img src="x" onerror="alert(1)"><a onclick=go()>x</a>')
    problems = handler_problems(page, lambda text: f"docs/x.md:{text}")
    assert [p.split("'")[1] for p in problems] == ["onerror=", "onclick="]
    assert problems[0].startswith("docs/x.md:onerror=: ")
    assert handler_problems(read_page('<a href=" JavaScript:void(0)">x</a>'), str)
    text = "<p>Set onerror handlers in code: <code>button.onclick = f</code></p>"
    assert handler_problems(read_page(text), str) == []
