"""Inline event handlers and ``javascript:`` links: a strict Content Security Policy refuses them
(a hash cannot allow an attribute), so they would break silently in the reader's browser."""

from __future__ import annotations

from collections.abc import Callable

from hooks.guards.built_pages import BuiltPage


def handler_problems(page: BuiltPage, locate: Callable[[str], str]) -> list[str]:
    """One problem per inline handler or ``javascript:`` link on ``page``. ``locate(text)`` names
    where to fix it: the source file and the line holding ``text`` (``docs/guide/x.md:12``), or
    the built file for a page without a source."""
    problems = []
    for tag, attribute in page.handlers:
        if attribute == "href=javascript:":
            problems.append(
                f"{locate('javascript:')}: a javascript: link on <{tag}>; use a button and "
                "a script in overrides/assets/ instead"
            )
        else:
            problems.append(
                f"{locate(attribute + '=')}: inline event handler '{attribute}=' on <{tag}>; "
                "attach the listener from a script in overrides/assets/ instead (the Content "
                "Security Policy blocks inline handlers)"
            )
    return problems
