"""MkDocs hooks: build guards and output checks only (the content layer lives in macros.py).

Each guard stops the build with one line naming the file, the line where known, and the fix:
- every page has a one-sentence ``description`` in its front matter;
- every image has alt text;
- no macro syntax reaches a page unrendered (outside code);
- every link inside page content resolves, including links in raw HTML that MkDocs does not check;
- every page URL and anchor in the link ledger (published-links.json) is still served.

And post-processes the output: a Content Security Policy on every page (not when serving, where
the live-reload script is injected inline), the print page's assets only on the print page, the
templates' indentation between tags dropped (hooks/html_whitespace.py), Material's palette
stylesheet trimmed to the configured colours (hooks/palette.py), Material's stylesheets
trimmed to the classes the site uses (hooks/unused_css.py), and the site's own stylesheets
served without comments (hooks/css_minify.py).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

_PROJECT_DIR = Path(__file__).resolve().parent.parent
if str(_PROJECT_DIR) not in sys.path:
    sys.path.insert(0, str(_PROJECT_DIR))

from mkdocs.exceptions import PluginError  # noqa: E402

from hooks import (  # noqa: E402
    csp,
    css_minify,
    html_whitespace,
    ledger,
    page_checks,
    palette,
    unused_css,
)

PRINT_PAGE = "print_page/index.html"
# The print plugin's stylesheet and script tags, each with the blanks and the one line break
# before it; the tag is searched first (a literal "<" the regex engine jumps to), the blanks are
# then taken in by _without_print_assets, which removes what the one pattern
# r"\n?[ \t]*<...>" would, several times faster on large pages.
_PRINT_ASSETS = re.compile(
    r'<(?:link rel="stylesheet" href|script src)="[^"]*'
    r'(?:css/print-site[a-z-]*\.css|js/print-site\.js)"[^>]*>(?:</script>)?'
)
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def _fail(problem: str) -> None:
    raise PluginError(problem)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    name = f"docs/{page.file.src_uri}"
    for problem in page_checks.front_matter_problems(page.meta, name):
        _fail(problem)
    for problem in page_checks.image_problems(source, name):
        _fail(problem)
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    problem = page_checks.unrendered_macro_problem(html, f"docs/{page.file.src_uri}")
    if problem:
        _fail(problem)
    return html


def _fail_first(problems: list[str]) -> None:
    if problems:
        _fail(problems[0] + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))


def _without_print_assets(html: str) -> str:
    kept, end = [], 0
    for match in _PRINT_ASSETS.finditer(html):
        start = match.start()
        while start > end and html[start - 1] in " \t":
            start -= 1
        if start > end and html[start - 1] == "\n":
            start -= 1
        kept.append(html[end:start])
        end = match.end()
    kept.append(html[end:])
    return "".join(kept)


def _post_process(
    site_dir: Path, scan: ledger.SiteScan | None = None
) -> tuple[dict[str, page_checks.BuiltPage], set[str]]:
    """Post-process every page and read it for the checks, in one pass over the output: each
    file is read and parsed once, and written once if it changed. Returns what the link check
    needs and the class names the pages use; ``scan`` collects what the ledger check needs."""
    pages = {}
    class_names: set[str] = set()
    site_dir = site_dir.resolve()
    for html_file in sorted(site_dir.rglob("*.html")):
        name = html_file.relative_to(site_dir).as_posix()
        html = original = html_file.read_text(encoding="utf-8")
        if name != PRINT_PAGE and "print-site" in html:
            # The print plugin adds its stylesheets and script to every page; only one needs them.
            html = _without_print_assets(html)
        _fail_first(csp.handler_problems(html, name))
        html = html_whitespace.collapse(html)
        if not _serving:
            html = csp.with_policy(html)
        if html != original:
            html_file.write_text(html, encoding="utf-8")
        body = page_checks.article_body(html)
        pages[name] = page_checks.built_page(html, body)
        class_names |= unused_css.page_names(html)
        if scan is not None:
            scan.add(name, html, body)
    return pages, class_names


def on_post_build(config: Any) -> None:
    site_dir = Path(config["site_dir"])
    ledger_file = Path(config["config_file_path"]).parent / ledger.LEDGER_NAME
    # A preview leaves out the print page; `make build` and `make test` check the ledger.
    check_ledger = ledger_file.is_file() and not _serving
    scan = ledger.SiteScan(pages={}, redirects={}) if check_ledger else None
    pages, class_names = _post_process(site_dir, scan)
    palette.trim_site_palette(site_dir, config["theme"].get("palette"))
    unused_css.trim_site_stylesheets(site_dir, class_names)
    css_minify.minify_site_stylesheets(site_dir)
    _fail_first(page_checks.broken_content_links(site_dir, pages))
    if scan is not None:
        try:
            recorded = ledger.Ledger.read(ledger_file)
        except ledger.LedgerError as error:
            _fail(str(error))
        _fail_first(ledger.missing_links(recorded, scan))
