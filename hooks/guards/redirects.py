"""Redirects (mkdocs-redirects' ``redirect_maps``) that cannot be kept: the old address is still a
page the site builds, so the stub would replace it (a page moved to ``x/index.md`` keeps the
address of ``x.md`` and would redirect to itself), or the new address is no page of the site."""

from __future__ import annotations

from collections.abc import Callable, Mapping

CONFIG_NAME = "mkdocs.yml"
_EXTERNAL = ("http://", "https://")


def config_line(config_text: str, key: str) -> int | None:
    """The first line (1-based) of ``config_text`` (mkdocs.yml as text) that maps ``key``,
    bare or quoted (``old.md: new.md``, ``"old.md": …``); None when no line does."""
    for number, line in enumerate(config_text.splitlines(), 1):
        entry = line.strip()
        if any(entry.startswith(f"{quoted}:") for quoted in (key, f'"{key}"', f"'{key}'")):
            return number
    return None


def redirect_problems(
    redirect_maps: Mapping[str, str],
    pages: Mapping[str, str],
    address_of: Callable[[str], str],
    config_text: str,
) -> list[str]:
    """One problem per redirect that cannot be kept.

    ``redirect_maps`` maps an old source path to its new one (``"old/page.md": "new/page.md"``,
    relative to docs/; the new one may carry ``#anchor`` or be an ``https://`` URL), as
    mkdocs-redirects reads it. ``pages`` maps each page the site builds, by source path, to the
    file it is served from (``"guide/x.md": "guide/x/index.html"``); ``address_of(source)``
    gives the file a source path would be served from. ``config_text`` is mkdocs.yml, to name
    the line.
    """
    served_by = {served: source for source, served in pages.items()}
    problems = []
    for old, new in redirect_maps.items():
        line = config_line(config_text, old)
        where = f"{CONFIG_NAME}:{line}" if line else CONFIG_NAME
        if old in pages:
            problems.append(
                f"{where}: redirect from '{old}', a page the site still builds (docs/{old}); "
                "a redirect starts at the old path of a page that moved, so delete the page "
                "or this redirect"
            )
        elif address_of(old) in served_by:
            problems.append(
                f"{where}: redirect from '{old}' would replace docs/{served_by[address_of(old)]}, "
                f"which is served at the same address ({address_of(old)}); the page kept its "
                "address, so delete this redirect"
            )
        target = str(new).split("#", 1)[0]
        if not str(new).startswith(_EXTERNAL) and target not in pages:
            problems.append(
                f"{where}: redirect to '{new}', which is no page of the site; name the page's "
                "source path under docs/ (guide/new-page.md)"
            )
    return problems


def missing_anchor_problems(
    redirect_maps: Mapping[str, str],
    ids_by_source: Mapping[str, frozenset[str]],
    config_text: str,
) -> list[str]:
    """One problem per redirect to ``page.md#anchor`` whose page has no such id once built.
    ``ids_by_source`` maps each page's source path to every id on its built page; redirects to
    pages it lacks are redirect_problems' to report."""
    problems = []
    for old, new in redirect_maps.items():
        target, _, anchor = str(new).partition("#")
        if not anchor or str(new).startswith(_EXTERNAL) or target not in ids_by_source:
            continue
        if anchor not in ids_by_source[target]:
            line = config_line(config_text, old)
            where = f"{CONFIG_NAME}:{line}" if line else CONFIG_NAME
            problems.append(
                f"{where}: redirect to '{new}', but docs/{target} has no id '{anchor}'; name "
                "an id the page has (a heading's, or its { #id })"
            )
    return problems
