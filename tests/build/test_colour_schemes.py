"""A colour scheme changes colours only. Every stylesheet the built site serves (Material's, the
print plugin's, the guide's own) and every <style> of its pages sets nothing but colours under
a colour-scheme condition (a ``[data-md-color-scheme…]`` selector or a ``prefers-color-scheme``
media query), except for elements no built page has; and the custom properties such rules set
are used only for colours.

The browser tests rely on it: their layout and behaviour tests run each width once and each
scheme once (LAYOUTS in tests/browser/helpers.py), and only the axe tests, which judge colours,
run in both schemes at each width. When this fails, a scheme moves or hides something: keep the
rule to colours, or run those tests in both schemes at every width again."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import tinycss2
from selectolax.lexbor import LexborHTMLParser

SCHEME_SELECTOR = re.compile(r"\[\s*data-md-color-scheme\b[^\]]*\]")
SCHEME_MEDIA = "prefers-color-scheme"
# Properties that paint and never size, place or hide anything; custom properties are judged by
# where they are used (test_custom_properties_a_scheme_sets_are_used_only_for_colours).
PAINT = {"color-scheme", "fill", "stroke", "background", "box-shadow", "text-shadow"}
# Shorthands that take a colour beside a width and a style: a var() there is the colour when the
# width and the style are given otherwise.
LINE_SHORTHAND = re.compile(r"outline|border(-(top|right|bottom|left|block|inline)(-start|-end)?)?")
LINE_STYLES = {"none", "hidden", "dotted", "dashed", "solid", "double", "groove", "ridge"}
LINE_STYLES |= {"inset", "outset"}
LINE_WIDTHS = {"thin", "medium", "thick"}


@dataclass(frozen=True)
class Declaration:
    """One declaration of a stylesheet, with the rule it is in and whether that rule applies
    under a colour-scheme condition (its selector or an enclosing media query)."""

    where: str  # the stylesheet, e.g. "assets/mdx.css" or "404.html <style>"
    selector: str
    name: str
    value: list  # tinycss2 component values
    in_scheme: bool
    nested: bool  # inside another rule (CSS nesting): its selector is not the whole selector


def paints_only(name: str) -> bool:
    """Whether a property only paints (a colour, a background, a shadow): custom properties are
    judged by where they are used."""
    return name == "color" or name.endswith("-color") or name in PAINT


def declarations(css: str, where: str) -> list[Declaration]:
    """Every declaration of the stylesheet ``css``, nested at-rules and nested rules included."""
    rules = tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
    return list(_declarations(rules, where, in_scheme=False, nested=False))


def _declarations(rules: list, where: str, in_scheme: bool, nested: bool) -> Iterator[Declaration]:
    for rule in rules:
        if rule.type == "at-rule" and rule.content is not None:
            prelude = tinycss2.serialize(rule.prelude).lower()
            inner = tinycss2.parse_blocks_contents(
                rule.content, skip_whitespace=True, skip_comments=True
            )
            yield from _declarations(inner, where, in_scheme or SCHEME_MEDIA in prelude, nested)
        elif rule.type == "qualified-rule":
            selector = " ".join(tinycss2.serialize(rule.prelude).split())
            scheme = in_scheme or bool(SCHEME_SELECTOR.search(selector))
            contents = tinycss2.parse_blocks_contents(
                rule.content, skip_whitespace=True, skip_comments=True
            )
            for item in contents:
                if item.type == "declaration":
                    yield Declaration(where, selector, item.lower_name, item.value, scheme, nested)
            nested_rules = [item for item in contents if item.type != "declaration"]
            yield from _declarations(nested_rules, where, scheme, nested=True)
        elif rule.type == "declaration":  # a declaration directly inside a nested at-rule
            yield Declaration(where, "&", rule.lower_name, rule.value, in_scheme, True)


def site_stylesheets(site_dir: Path) -> dict[str, str]:
    """Each stylesheet of the built site by its site-relative name, and each <style> of its
    pages as "page.html <style>"."""
    sheets = {
        path.relative_to(site_dir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(site_dir.rglob("*.css"))
    }
    for page in sorted(site_dir.rglob("*.html")):
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        for number, style in enumerate(tree.css("style"), 1):
            sheets[f"{page.relative_to(site_dir).as_posix()} <style> {number}"] = style.text()
    return sheets


def matches_any(selector: str, pages: list[LexborHTMLParser]) -> bool:
    """Whether any element of ``pages`` matches ``selector`` with its colour-scheme parts left
    out (an element the rule would reach in one scheme); True when the selector cannot be
    tried, so that such a rule is judged as if it reached something."""
    for part in selector.split(","):
        bare = SCHEME_SELECTOR.sub("", part).strip() or "html"
        try:
            if any(page.css_first(bare) is not None for page in pages):
                return True
        except Exception:  # a selector the HTML parser cannot run
            return True
    return False


def scheme_rule_problems(found: list[Declaration], pages: list[LexborHTMLParser]) -> list[str]:
    """Declarations under a colour-scheme condition that set more than colours and custom
    properties, on elements some page has: "stylesheet: selector { property }" each."""
    return [
        f"{d.where}: {d.selector} {{ {d.name} }}"
        for d in found
        if d.in_scheme
        and not d.name.startswith("--")
        and not paints_only(d.name)
        and (d.nested or matches_any(d.selector, pages))
    ]


def _variables(tokens: list) -> Iterator[str]:
    """The custom properties a value reads through var(), fallbacks included."""
    for token in tokens:
        if token.type == "function":
            if token.lower_name == "var":
                name = next((t for t in token.arguments if t.type == "ident"), None)
                if name is not None and name.value.startswith("--"):
                    yield name.value
            yield from _variables(token.arguments)
        elif getattr(token, "content", None) is not None and not isinstance(token.content, str):
            yield from _variables(token.content)


def scheme_dependent(found: list[Declaration]) -> set[str]:
    """Custom properties whose value depends on the colour scheme: set under a colour-scheme
    condition, or set anywhere from one that does."""
    dependent = {d.name for d in found if d.in_scheme and d.name.startswith("--")}
    while True:
        more = {
            d.name
            for d in found
            if d.name.startswith("--")
            and d.name not in dependent
            and dependent.intersection(_variables(d.value))
        }
        if not more:
            return dependent
        dependent |= more


def colour_of_a_line(declaration: Declaration, dependent: set[str]) -> bool:
    """Whether ``declaration`` is a border or outline shorthand whose width and style are given
    without the scheme-dependent custom properties: what those fill in is then its colour."""
    if not LINE_SHORTHAND.fullmatch(declaration.name):
        return False
    rest = [
        token
        for token in declaration.value
        if token.type not in ("whitespace", "comment")
        and not (token.type == "function" and dependent.intersection(_variables([token])))
    ]
    idents = {token.lower_value for token in rest if token.type == "ident"}
    widths = [
        token
        for token in rest
        if token.type in ("dimension", "number")
        or (token.type == "ident" and token.lower_value in LINE_WIDTHS)
        or token.type == "function"
    ]
    return bool(idents & LINE_STYLES) and bool(widths)


def custom_property_problems(found: list[Declaration]) -> list[str]:
    """Properties other than colours that read a scheme-dependent custom property:
    "stylesheet: selector { property: --custom-property }" each."""
    dependent = scheme_dependent(found)
    problems = []
    for d in found:
        if d.name.startswith("--") or paints_only(d.name) or colour_of_a_line(d, dependent):
            continue
        if read := sorted(dependent.intersection(_variables(d.value))):
            problems.append(f"{d.where}: {d.selector} {{ {d.name}: {', '.join(read)} }}")
    return problems


def site_declarations(site_dir: Path) -> list[Declaration]:
    """Every declaration of the built site's stylesheets and <style> elements (site_stylesheets)."""
    return [
        declaration
        for where, css in site_stylesheets(site_dir).items()
        for declaration in declarations(css, where)
    ]


def test_scheme_rules_set_only_colours(built_site):
    found = site_declarations(built_site.site_dir)
    assert any(d.in_scheme for d in found), "no colour-scheme rule found: nothing was checked"
    palette = [
        d for d in found if d.in_scheme and d.where.startswith("assets/stylesheets/palette.")
    ]
    assert palette, "Material's palette stylesheet has no colour-scheme rule: is it still served?"
    pages = [
        LexborHTMLParser(page.read_text(encoding="utf-8"))
        for page in sorted(built_site.site_dir.rglob("*.html"))
    ]
    assert scheme_rule_problems(found, pages) == []


def test_custom_properties_a_scheme_sets_are_used_only_for_colours(built_site):
    found = site_declarations(built_site.site_dir)
    assert scheme_dependent(found), "no custom property depends on the scheme: nothing was checked"
    assert custom_property_problems(found) == []


def test_the_checks_find_a_scheme_rule_that_sets_more_than_colours():
    page = LexborHTMLParser('<body><p class="note">Text</p><img src="a.png"></body>')
    css = """
        [data-md-color-scheme=slate] .note { color: #fff; display: none }
        @media (prefers-color-scheme: dark) { .note { margin: 0; background-color: #000 } }
        [data-md-color-scheme=slate] img[src$="#only-light"] { display: none }
        [data-md-color-scheme=slate] { --gap: 1rem; --ink: #fff; --shade: var(--ink) }
        .note { padding: var(--gap); border: 1px solid var(--shade); color: var(--shade) }
        .note { border: var(--shade) }
    """
    found = declarations(css, "test.css")
    # The image rule reaches no element of the page; on a page with such an image (shown in
    # one scheme only) it is found.
    assert scheme_rule_problems(found, [page]) == [
        "test.css: [data-md-color-scheme=slate] .note { display }",
        "test.css: .note { margin }",
    ]
    with_image = LexborHTMLParser('<body><img src="logo.png#only-light"></body>')
    assert scheme_rule_problems(found, [with_image]) == [
        'test.css: [data-md-color-scheme=slate] img[src$="#only-light"] { display }',
    ]
    assert custom_property_problems(found) == [
        "test.css: .note { padding: --gap }",
        "test.css: .note { border: --shade }",
    ]
