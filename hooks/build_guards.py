"""MkDocs hooks: build guards and output checks only (the content layer lives in macros.py).

Each guard stops the build with one line naming the file, the line where known, and the fix:
- every page has a one-sentence ``description`` in its front matter;
- every image has alt text;
- no macro syntax reaches a page unrendered (outside code);
- every link inside page content resolves, including links in raw HTML that MkDocs does not check;
- every page URL and anchor in the link ledger (published-links.json) is still served.

And post-processes the output: a Content Security Policy on every page (not when serving, where
the live-reload script is injected inline), the print page's assets only on the print page, the
templates' indentation between tags dropped (hooks/html_whitespace.py), and Material's palette
stylesheet trimmed to the configured colours (hooks/palette.py).
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

from hooks import csp, html_whitespace, ledger, page_checks, palette  # noqa: E402

PRINT_PAGE = "print_page/index.html"
_PRINT_ASSETS = re.compile(
    r'\n?[ \t]*<(?:link rel="stylesheet" href|script src)="[^"]*'
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


def _post_process(site_dir: Path) -> None:
    for html_file in sorted(site_dir.rglob("*.html")):
        name = html_file.relative_to(site_dir).as_posix()
        html = original = html_file.read_text(encoding="utf-8")
        if name != PRINT_PAGE and "print-site" in html:
            # The print plugin adds its stylesheets and script to every page; only one needs them.
            html = _PRINT_ASSETS.sub("", html)
        _fail_first(csp.handler_problems(html, name))
        html = html_whitespace.collapse(html)
        if not _serving:
            html = csp.with_policy(html)
        if html != original:
            html_file.write_text(html, encoding="utf-8")


def on_post_build(config: Any) -> None:
    site_dir = Path(config["site_dir"])
    _post_process(site_dir)
    palette.trim_site_palette(site_dir, config["theme"].get("palette"))
    _fail_first(page_checks.broken_content_links(site_dir))
    ledger_file = Path(config["config_file_path"]).parent / ledger.LEDGER_NAME
    # A preview leaves out the print page; `make build` and `make test` check the ledger.
    if ledger_file.is_file() and not _serving:
        try:
            recorded = ledger.Ledger.read(ledger_file)
        except ledger.LedgerError as error:
            _fail(str(error))
        _fail_first(ledger.missing_links(recorded, ledger.scan_site(site_dir)))
