"""The first frame a reader sees, wherever the network pauses the page: a browser may paint a
half-parsed page at any pause, so a page sent in two parts, paused at each element of the
header, must paint its header whole (nothing in it moves after the first frame), and a pause
after the header must not hold the first paint back."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.helpers import TOPIC, layout_shift_after_mount
from tests.conftest import SUB_PATH, SubPathHandler, free_socket, serve_directory

pytestmark = pytest.mark.browser

PAUSE_S = 0.3  # many frames long: the browser paints what it has in a pause
# Elements without an end tag: they open no level of nesting.
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _PausingHandler(SubPathHandler):
    """Serves the site as the sub-path server does, but sends an HTML page asked for with
    ``?pause-at=N`` in two parts: its first N bytes, then, after a pause (PAUSE_S seconds, or
    ``&pause-s=S``), the rest."""

    def do_GET(self) -> None:
        query = parse_qs(urlsplit(self.path).query)
        if "pause-at" not in query:
            super().do_GET()
            return
        at = int(query["pause-at"][0])
        pause = float(query.get("pause-s", [PAUSE_S])[0])
        path = Path(self.translate_path(urlsplit(self.path).path))
        body = (path / "index.html" if path.is_dir() else path).read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[:at])
        self.wfile.flush()
        time.sleep(pause)
        self.wfile.write(body[at:])


@contextlib.contextmanager
def pausing_server(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` under SUB_PATH with _PausingHandler; yields the base URL."""
    sock = free_socket()
    server = serve_directory(site_dir, sock, handler_class=_PausingHandler)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}{SUB_PATH}"
    finally:
        server.shutdown()


class _StartTags(HTMLParser):
    """Every start tag of a page's HTML in order, as (byte offset, tag, classes, whether it is
    an element of Material's header row, nav.md-header__inner)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.line_starts = [0]
        for line in html.splitlines(keepends=True):
            self.line_starts.append(self.line_starts[-1] + len(line))
        self.found: list[tuple[int, str, list[str], bool]] = []
        self.row_depth: int | None = None  # depth inside the header row; None outside it
        self.feed(html)
        self.close()
        # The parser counts characters; the network sends bytes.
        self.tags = [(len(html[:at].encode()), *rest) for at, *rest in self.found]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> list[str]:
        """Record a start tag; returns its classes. (A self-closing tag opens no level.)"""
        line, column = self.getpos()
        classes = (dict(attrs).get("class") or "").split()
        self.found.append((self.line_starts[line - 1] + column, tag, classes, self.row_depth == 0))
        return classes

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = self.handle_startendtag(tag, attrs)
        if self.row_depth is None:
            if "md-header__inner" in classes:
                self.row_depth = 0
        elif tag not in VOID:
            self.row_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.row_depth is not None:
            self.row_depth = None if self.row_depth == 0 else self.row_depth - 1


def header_pauses(html: str) -> list[int]:
    """Where to pause the page: at the start of each element of the header row but the first
    (a pause before it shows no header row at all)."""
    offsets = [at for at, _, _, in_row in _StartTags(html).tags if in_row]
    assert len(offsets) > 2, "no header row (nav.md-header__inner) in the page"
    return offsets[1:]


def article_start(html: str) -> int:
    """The byte offset where the page's article (Material's md-content__inner) starts."""
    return next(at for at, tag, _, _ in _StartTags(html).tags if tag == "article")


@pytest.fixture(scope="module")
def paused_site(built_site) -> Iterator[str]:
    with pausing_server(built_site.site_dir) as base_url:
        yield base_url


def page_html(built_site, path: str) -> str:
    return (built_site.site_dir / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [390, 1280])
def test_a_pause_anywhere_in_the_header_moves_nothing(built_site, browser, paused_site, width):
    # Every page has the same header (Material's template); a checklist page's is tested.
    path = TOPIC
    for at in header_pauses(page_html(built_site, path)):
        context = browser.new_context(viewport={"width": width, "height": 900})
        shift = layout_shift_after_mount(context, f"{paused_site}{path}?pause-at={at}")
        assert shift == 0, f"/{path} paused at byte {at} shifted by {shift}"


def test_a_pause_before_the_article_still_paints_the_header(built_site, browser, paused_site):
    # The first frame waits for the header only: a page whose article is still on its way shows
    # what has arrived (this also proves the server pauses and the browser paints in a pause).
    path = TOPIC
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(ARTICLE_ARRIVAL)
    at = article_start(page_html(built_site, path))
    page = context.new_page()
    try:
        # A long pause: a busy machine still paints in it.
        page.goto(f"{paused_site}{path}?pause-at={at}&pause-s=3", wait_until="load")
        times = page.evaluate(
            """() => ({ paint: performance.getEntriesByName("first-contentful-paint")[0].startTime,
                        article: window.mdxArticleAt })"""
        )
    finally:
        context.close()
    assert times["paint"] < times["article"] - 1000, times


# When the page's <article> is parsed, in performance.now() milliseconds.
ARTICLE_ARRIVAL = """new MutationObserver((records, observer) => {
    if (!document.querySelector("article")) return;
    window.mdxArticleAt = performance.now();
    observer.disconnect();
}).observe(document, { childList: true, subtree: true });"""
