"""What page content fetches, and whether the site's Content Security Policy allows it."""

from __future__ import annotations

from hooks.guards.built_pages import read_page
from hooks.guards.resources import allows, blocked_resource_problems
from hooks.output import csp

SITE = "https://guide.example.org/docs/"


def article(body: str) -> str:
    return f'<article class="md-content__inner">{body}</article>'


def problems(body: str, policy=None) -> list[str]:
    pages = {"guide/x/index.html": read_page(article(body))}
    return blocked_resource_problems(
        pages, policy or csp.directives(), SITE, lambda page, text: f"docs/{page}"
    )


def test_the_guard_follows_the_policy_the_site_sends():
    image = '<img alt="x" src="https://images.example.org/flame.svg">'
    assert len(problems(image)) == 1
    policy = {**csp.directives(), "img-src": ("'self'", "https://images.example.org")}
    assert problems(image, policy) == []
    wildcard = {**csp.directives(), "img-src": ("'self'", "*.example.org")}
    assert problems(image, wildcard) == []
    # A port that is not a number is reported, not a crash.
    odd_port = '<img alt="x" src="https://images.example.org:http/flame.svg">'
    assert len(problems(odd_port, {**policy, "img-src": ("https://images.example.org:443",)})) == 1


def test_the_sites_own_origin_and_data_images_are_allowed():
    sources = csp.directives()["img-src"]
    origin = ("https", "guide.example.org")
    assert allows(sources, "flame.svg", origin)
    assert allows(sources, "https://guide.example.org/docs/flame.svg", origin)
    assert allows(sources, "//guide.example.org/docs/flame.svg", origin)
    assert allows(sources, "data:image/png;base64,AAAA", origin)
    assert not allows(sources, "//images.example.org/flame.svg", origin)
    assert not allows(csp.directives()["script-src"], "data:text/javascript,1", origin)


def test_srcset_candidates_with_commas_and_css_comments_are_read_as_the_browser_reads_them():
    found = read_page(
        article(
            '<img alt="x" srcset="a.png 1x, https://cdn.example.org/b,c.png 2x">'
            "<style>/* url(https://commented.example.org/x.png) */"
            "@media print { p { background: image-set('https://set.example.org/p.png' 1x) } }"
            "</style>"
        )
    ).article_resources
    assert [(r.directive, r.url) for r in found] == [
        ("img-src", "a.png"),
        ("img-src", "https://cdn.example.org/b,c.png"),
        ("img-src", "https://set.example.org/p.png"),
    ]


def test_links_and_fragments_fetch_nothing():
    body = '<a href="https://example.org/">x</a><svg><use href="#dot"/></svg>'
    assert read_page(article(body)).article_resources == ()
