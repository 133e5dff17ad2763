"""Jinja extension: code in Markdown pages is shown verbatim, never run as a template.

A backend guide shows templating examples; mkdocs-macros would otherwise evaluate a ``{{ }}`` inside
a fenced block or a `code span`. Before Jinja parses a page, this wraps such code in raw blocks.
"""

from __future__ import annotations

import re

from jinja2.ext import Extension

_TEMPLATE_SYNTAX = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?P<body>.+?)(?<!`)(?P=ticks)(?!`)")


def _raw(text: str) -> str:
    # A literal "endraw" inside the code would close the raw block early; split it.
    safe = text.replace("{% endraw %}", "{% endraw %}{{ '{% endraw %}' }}{% raw %}")
    return "{% raw %}" + safe + "{% endraw %}"


def _protect_spans(line: str) -> str:
    def wrap(match: re.Match[str]) -> str:
        span = match.group(0)
        return _raw(span) if _TEMPLATE_SYNTAX.search(span) else span

    return _CODE_SPAN.sub(wrap, line)


def protect_code(source: str) -> str:
    """Wrap fenced code blocks and code spans that contain template syntax in raw blocks."""
    lines = source.splitlines(keepends=True)
    output: list[str] = []
    index = 0
    while index < len(lines):
        opening = _FENCE_OPEN.match(lines[index])
        if opening is None:
            output.append(_protect_spans(lines[index]))
            index += 1
            continue
        fence = opening.group("fence")
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = index + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        block = "".join(lines[index : end + 1])
        output.append(_raw(block) if _TEMPLATE_SYNTAX.search(block) else block)
        index = end + 1
    return "".join(output)


class CodeGuard(Extension):
    """Registered through ``j2_extensions`` in mkdocs.yml (macros plugin)."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return protect_code(source)
