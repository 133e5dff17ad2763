"""The link ledger: every page URL and anchor the site has published, kept in
``published-links.json``. A build that drops one without a redirect or alias fails.
``python -m hooks.commands.ledger update|check`` records and checks it (make ledger).

The ledger also records, under ``texts``, a hash of what readers read of each item they can
tick (hooks/content/revisions.py) and how many revision entries it had: a build whose item text
differs from the recorded hash fails unless the item has gained a revision entry since, so
readers who ticked it hear that its advice changed (or, with ``minor: true``, that nothing did).
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from hooks.content.revisions import ReadText
from hooks.guards.built_pages import BuiltPage, PositionalHeading

LEDGER_NAME = "published-links.json"

# Pages that are not published content: the 404 page and the plugin-made print page's anchors.
_NOT_PAGES = ("404.html",)
_NO_ANCHORS = ("print_page/",)

AnchorsByPage = dict[str, list[str]]  # page URL ("" is home) -> anchors on it
# Item id -> {"sha256": text_digest of its text, "revisions": its number of revision entries}.
TextsById = dict[str, dict[str, object]]


class LedgerError(Exception):
    """The ledger file itself is broken."""


@dataclass
class Ledger:
    pages: AnchorsByPage
    retired_pages: list[str] = field(default_factory=list)
    retired_anchors: list[str] = field(default_factory=list)  # "page-url#anchor"
    texts: TextsById = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Ledger:
        """The ledger in ``path``; raises LedgerError when the file is missing or malformed."""
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                pages={url: list(anchors) for url, anchors in raw["pages"].items()},
                retired_pages=list(raw.get("retired", {}).get("pages", [])),
                retired_anchors=list(raw.get("retired", {}).get("anchors", [])),
                texts={
                    item: {"sha256": str(text["sha256"]), "revisions": int(text["revisions"])}
                    for item, text in raw.get("texts", {}).items()
                },
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
                "To retire one on purpose, move it to 'retired' (see CONTRIBUTING.md). 'texts' "
                "holds a hash of each item's text: changing it needs a revision entry."
            ),
            "pages": {url: sorted(set(anchors)) for url, anchors in sorted(self.pages.items())},
            "retired": {
                "pages": sorted(set(self.retired_pages)),
                "anchors": sorted(set(self.retired_anchors)),
            },
            "texts": dict(sorted(self.texts.items())),
        }
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")


def _redirect_target(redirect: str, page_url: str) -> str:
    target = posixpath.normpath(posixpath.join("/", page_url, redirect.split("#")[0]))
    return target.lstrip("/") + "/" if target != "/" else ""


@dataclass(frozen=True)
class SiteScan:
    """What a build publishes: ``pages`` (URL -> anchors) and ``redirects`` (old URL -> new)."""

    pages: AnchorsByPage
    redirects: dict[str, str]


def scan(readings: Mapping[str, BuiltPage]) -> SiteScan:
    """The published pages and redirect stubs of a built site, from each page's reading
    (``readings``: site-relative file -> BuiltPage, as hooks/guards/built_pages.py reads it)."""
    result = SiteScan(pages={}, redirects={})
    for relative, reading in sorted(readings.items()):
        if relative in _NOT_PAGES:
            continue
        url = relative.removesuffix("index.html")
        if reading.redirect is not None:
            result.redirects[url] = _redirect_target(reading.redirect, url)
        elif url.startswith(_NO_ANCHORS):
            result.pages[url] = []
        else:
            result.pages[url] = sorted(set(reading.article_anchors))
    return result


def missing_links(ledger: Ledger, site: SiteScan) -> list[str]:
    """AnchorsByPage links the build no longer serves, each with the two ways out."""
    problems = []
    for url, anchors in sorted(ledger.pages.items()):
        shown = url or "(home page)"
        served_at = url
        if url not in site.pages:
            served_at = site.redirects.get(url, "")
            if url in ledger.retired_pages:
                continue
            if url not in site.redirects:
                problems.append(
                    f"{LEDGER_NAME}: published page '{shown}' is gone; add a redirect in "
                    f"mkdocs.yml (redirects: redirect_maps: 'old.md': 'new.md') or retire it on "
                    f"purpose by moving '{url}' to retired.pages in {LEDGER_NAME}"
                )
                continue
        present = set(site.pages.get(served_at, []))
        for anchor in anchors:
            if anchor in present or f"{url}#{anchor}" in ledger.retired_anchors:
                continue
            problems.append(
                f"{LEDGER_NAME}: id '{anchor}' on '{shown}' is gone; keep it as an alias "
                f"(renamed_from: [{anchor}] in data, or {{ #{anchor} }} on the renamed heading) "
                f"or retire it on purpose by adding '{url}#{anchor}' to retired.anchors"
            )
    return problems


def unrecorded_links(ledger: Ledger, site: SiteScan) -> list[str]:
    """Pages and anchors the build publishes that the ledger does not list yet."""
    new = []
    for url, anchors in sorted(site.pages.items()):
        known = set(ledger.pages.get(url, []))
        if url not in ledger.pages:
            new.append(url or "(home page)")
        new.extend(f"{url}#{anchor}" for anchor in anchors if anchor not in known)
    return new


def merged(ledger: Ledger, site: SiteScan) -> Ledger:
    """The ledger plus everything the build publishes; nothing is ever dropped."""
    pages = {url: list(anchors) for url, anchors in ledger.pages.items()}
    for url, anchors in site.pages.items():
        pages[url] = sorted(set(pages.get(url, [])) | set(anchors))
    return Ledger(pages, list(ledger.retired_pages), list(ledger.retired_anchors), ledger.texts)


def _record(ledger: Ledger, text: ReadText) -> dict[str, object] | None:
    """The ledger's record of ``text``'s item, under its id or, after a rename, an old id."""
    for item in (text.id, *text.aliases):
        if item in ledger.texts:
            return ledger.texts[item]
    return None


def changed_text_problems(ledger: Ledger, texts: list[ReadText]) -> list[str]:
    """One problem per item whose text differs from the hash the ledger recorded while it has
    no more revision entries than then: its advice changed and readers who ticked it would not
    hear of it. Items the ledger has not recorded yet (new ones) pass; ``make ledger`` adds
    them. ``texts``: hooks.content.revisions.read_texts of the build's catalogue."""
    problems = []
    for text in texts:
        record = _record(ledger, text)
        if record is None or record["sha256"] == text.digest:
            continue
        if text.revisions > int(str(record["revisions"])):
            continue
        problems.append(
            f"{text.where}: the text of '{text.id}' changed since {LEDGER_NAME} recorded it, and "
            "it has no new revision; add a revision under the item (revisions: - date: "
            "YYYY-MM-DD, summary: what changed, for readers who ticked it), or mark it minor "
            "(minor: true) when no advice changed; then run make ledger"
        )
    return problems


def unrecorded_texts(ledger: Ledger, texts: list[ReadText]) -> list[str]:
    """Ids of the items whose text hash or number of revisions the ledger does not hold yet."""
    return [
        text.id
        for text in texts
        if ledger.texts.get(text.id) != {"sha256": text.digest, "revisions": text.revisions}
    ]


def with_texts(ledger: Ledger, texts: list[ReadText]) -> Ledger:
    """The ledger with each item's current text hash and number of revisions recorded (what
    ``make ledger`` writes); records of items the build no longer has are kept."""
    recorded = dict(ledger.texts)
    for text in texts:
        recorded[text.id] = {"sha256": text.digest, "revisions": text.revisions}
    return replace(ledger, texts=recorded)


def positional_heading_problems(
    page: BuiltPage, locate: Callable[[PositionalHeading], str]
) -> list[str]:
    """One problem per heading of ``page`` whose id Python-Markdown gave it by position (see
    built_pages.PositionalHeading): a link to it would silently lead elsewhere once a heading is
    added above it, so the ledger cannot keep it. ``locate(heading)`` names the source file and
    the heading's line (``docs/guide/x.md:12``)."""
    return [
        f"{locate(heading)}: heading '{heading.text}' gets the id '{heading.anchor}' from its "
        "position on the page (Python-Markdown numbers headings without Latin letters, and "
        "repeated ones), so links to it move when a heading is added above; give it an id of "
        f"its own: {'#' * heading.level} {heading.text} {{ #its-own-id }}"
        for heading in page.positional_headings
    ]
