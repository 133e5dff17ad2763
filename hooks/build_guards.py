"""MkDocs hooks: build guards and output checks only (the content layer lives in macros.py).

Each guard stops the build with one line naming the file, the line where known, and the fix:
- every page has a one-sentence ``description`` in its front matter;
- every image has alt text;
- no macro syntax reaches a page unrendered (outside code);
- every link inside page content resolves, including links in raw HTML that MkDocs does not check;
- every page URL and anchor in the link ledger (published-links.json) is still served.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

_PROJECT_DIR = Path(__file__).resolve().parent.parent
if str(_PROJECT_DIR) not in sys.path:
    sys.path.insert(0, str(_PROJECT_DIR))

from mkdocs.exceptions import PluginError  # noqa: E402

from hooks import ledger, page_checks  # noqa: E402


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


def on_post_build(config: Any) -> None:
    site_dir = Path(config["site_dir"])
    _fail_first(page_checks.broken_content_links(site_dir))
    ledger_file = Path(config["config_file_path"]).parent / ledger.LEDGER_NAME
    if ledger_file.is_file():
        scan = ledger.scan_site(site_dir)
        _fail_first(ledger.missing_links(ledger.Ledger.read(ledger_file), scan))
