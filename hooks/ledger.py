"""The link ledger: every page URL and anchor the site has published, kept in
``published-links.json``. A build that drops one without a redirect or alias fails.

    python -m hooks.ledger update   # add what the current build publishes (make ledger)
    python -m hooks.ledger check    # exit 1 if the build publishes something the ledger lacks
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hooks import page_checks

PROJECT_DIR = Path(__file__).resolve().parent.parent
LEDGER_NAME = "published-links.json"

_META_REFRESH = re.compile(r'<meta http-equiv="refresh" content="\d+;\s*url=([^"]+)"', re.I)
_ID = re.compile(r"<(?P<tag>[a-zA-Z0-9]+)\b[^>]*?\sid=\"(?P<id>[^\"]+)\"")
# Pages that are not published content: the 404 page and the plugin-made print page's anchors.
_NOT_PAGES = ("404.html",)
_NO_ANCHORS = ("print_page/",)

Published = dict[str, list[str]]  # page URL ("" is home) -> anchors on it


class LedgerError(Exception):
    """The ledger file itself is broken."""


@dataclass
class Ledger:
    pages: Published
    retired_pages: list[str] = field(default_factory=list)
    retired_anchors: list[str] = field(default_factory=list)  # "page-url#anchor"

    @classmethod
    def read(cls, path: Path) -> Ledger:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                pages={url: list(anchors) for url, anchors in raw["pages"].items()},
                retired_pages=list(raw.get("retired", {}).get("pages", [])),
                retired_anchors=list(raw.get("retired", {}).get("anchors", [])),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise LedgerError(
                f"{path.name}: cannot be read ({type(error).__name__}: {error}); restore it "
                f"from git (git checkout -- {path.name}), then run make ledger"
            ) from None

    def write(self, path: Path) -> None:
        document = {
            "about": (
                "Every page URL and anchor this site has published. The build fails if one "
                "disappears without a redirect or alias; run `make ledger` to add new ones. "
                "To retire one on purpose, move it to 'retired' (see CONTRIBUTING.md)."
            ),
            "pages": {url: sorted(set(anchors)) for url, anchors in sorted(self.pages.items())},
            "retired": {
                "pages": sorted(set(self.retired_pages)),
                "anchors": sorted(set(self.retired_anchors)),
            },
        }
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")


def _redirect_target(html: str, page_url: str) -> str | None:
    match = _META_REFRESH.search(html)
    if match is None:
        return None
    target = os.path.normpath(os.path.join("/", page_url, match.group(1).split("#")[0]))
    return target.lstrip("/") + "/" if target != "/" else ""


def _anchors(body: str | None) -> list[str]:
    if body is None:
        return []
    return sorted(
        {
            found.group("id")
            for found in _ID.finditer(body)
            if found.group("tag").lower() != "input" and not found.group("id").startswith("__")
        }
    )


@dataclass(frozen=True)
class SiteScan:
    pages: Published  # real pages and their anchors
    redirects: dict[str, str]  # old URL -> new URL (mkdocs-redirects pages)

    def add(self, relative: str, html: str, body: str | None = None) -> None:
        """Record one built page (``relative`` to the site); ``body`` is its article body
        when the caller has found it already."""
        if relative in _NOT_PAGES:
            return
        url = relative.removesuffix("index.html")
        target = _redirect_target(html, url)
        if target is not None:
            self.redirects[url] = target
            return
        if url.startswith(_NO_ANCHORS):
            self.pages[url] = []
        else:
            self.pages[url] = _anchors(page_checks.article_body(html) if body is None else body)


def scan_site(site_dir: Path) -> SiteScan:
    scan = SiteScan(pages={}, redirects={})
    for html_file in sorted(site_dir.rglob("*.html")):
        scan.add(html_file.relative_to(site_dir).as_posix(), html_file.read_text(encoding="utf-8"))
    return scan


def missing_links(ledger: Ledger, scan: SiteScan) -> list[str]:
    """Published links the build no longer serves, each with the two ways out."""
    problems = []
    for url, anchors in sorted(ledger.pages.items()):
        shown = url or "(home page)"
        served_at = url
        if url not in scan.pages:
            served_at = scan.redirects.get(url, "")
            if url in ledger.retired_pages:
                continue
            if url not in scan.redirects:
                problems.append(
                    f"{LEDGER_NAME}: published page '{shown}' is gone; add a redirect in "
                    f"mkdocs.yml (redirects: redirect_maps: 'old.md': 'new.md') or retire it on "
                    f"purpose by moving '{url}' to retired.pages in {LEDGER_NAME}"
                )
                continue
        present = set(scan.pages.get(served_at, []))
        for anchor in anchors:
            if anchor in present or f"{url}#{anchor}" in ledger.retired_anchors:
                continue
            problems.append(
                f"{LEDGER_NAME}: id '{anchor}' on '{shown}' is gone; keep it as an alias "
                f"(renamed_from: [{anchor}] in data, or {{ #{anchor} }} on the renamed heading) "
                f"or retire it on purpose by adding '{url}#{anchor}' to retired.anchors"
            )
    return problems


def unrecorded_links(ledger: Ledger, scan: SiteScan) -> list[str]:
    """Pages and anchors the build publishes that the ledger does not list yet."""
    new = []
    for url, anchors in sorted(scan.pages.items()):
        known = set(ledger.pages.get(url, []))
        if url not in ledger.pages:
            new.append(url or "(home page)")
        new.extend(f"{url}#{anchor}" for anchor in anchors if anchor not in known)
    return new


def merged(ledger: Ledger, scan: SiteScan) -> Ledger:
    """The ledger plus everything the build publishes; nothing is ever dropped."""
    pages = {url: list(anchors) for url, anchors in ledger.pages.items()}
    for url, anchors in scan.pages.items():
        pages[url] = sorted(set(pages.get(url, [])) | set(anchors))
    return Ledger(pages, list(ledger.retired_pages), list(ledger.retired_anchors))


def _build(project_dir: Path, site_dir: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=project_dir, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit("the strict build failed; fix it first, then run make ledger again")


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in ("update", "check"):
        print(__doc__)
        return 2
    path = PROJECT_DIR / LEDGER_NAME
    try:
        ledger = Ledger.read(path) if path.exists() else Ledger(pages={})
    except LedgerError as error:
        print(error, file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as site_dir:
        _build(PROJECT_DIR, Path(site_dir))
        scan = scan_site(Path(site_dir))
    new = unrecorded_links(ledger, scan)
    if argv[0] == "check":
        if new:
            print(
                f"{LEDGER_NAME} is out of date: {len(new)} new links ({', '.join(new[:5])}"
                f"{', ...' if len(new) > 5 else ''}); run make ledger and commit it"
            )
            return 1
        print(f"{LEDGER_NAME} lists every published link")
        return 0
    merged(ledger, scan).write(path)
    print(f"{LEDGER_NAME}: added {len(new)} links" + (f" ({', '.join(new[:5])}...)" if new else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
