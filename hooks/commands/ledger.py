"""Record and check the link ledger (published-links.json) against a fresh strict build.

python -m hooks.commands.ledger update   # add what the build publishes (make ledger)
python -m hooks.commands.ledger check    # exit 1 if the build publishes what the ledger lacks

Both also compare each item's text hash (hooks/content/revisions.py): ``update`` records the
current ones, ``check`` names the items whose text the ledger does not hold yet. The strict
build runs first, so a text changed without a revision entry stops both, as it stops a build.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from hooks.commands.build import strict_build
from hooks.content.catalogue import load_catalogue
from hooks.content.revisions import ReadText, read_texts
from hooks.guards import ledger
from hooks.guards.built_pages import read_page


def _scan(site: Path) -> ledger.SiteScan:
    return ledger.scan(
        {
            path.relative_to(site).as_posix(): read_page(path.read_text(encoding="utf-8"))
            for path in site.rglob("*.html")
        }
    )


def _published(project_dir: Path) -> ledger.SiteScan:
    with tempfile.TemporaryDirectory() as site_dir:
        result = strict_build(project_dir, Path(site_dir))
        if result.returncode != 0:
            sys.stderr.write(result.stderr)
            raise SystemExit("the strict build failed; fix it first, then run make ledger again")
        return _scan(Path(site_dir))


def _texts(project_dir: Path) -> list[ReadText]:
    """Every item's text as the build just read it (the strict build passed, so it loads)."""
    return read_texts(load_catalogue(project_dir, project_dir / "docs"))


def main(argv: list[str], project_dir: Path | None = None, site_dir: Path | None = None) -> int:
    """Run ``update`` or ``check`` (``argv``) for the project in ``project_dir`` (default: the
    current directory); returns the exit status: 0 done, 1 out of date or unreadable, 2 usage.

    The links published are those of a fresh strict build, or of ``site_dir`` when given: a
    strict build of ``project_dir`` the caller has just made (the tests judge their own build
    instead of building the same sources twice)."""
    if len(argv) != 1 or argv[0] not in ("update", "check"):
        print(__doc__)
        return 2
    project_dir = project_dir or Path.cwd()
    path = project_dir / ledger.LEDGER_NAME
    try:
        recorded = ledger.Ledger.read(path) if path.exists() else ledger.Ledger(pages={})
    except ledger.LedgerError as error:
        print(error, file=sys.stderr)
        return 1
    site = _scan(site_dir) if site_dir else _published(project_dir)
    texts = _texts(project_dir)
    new = ledger.unrecorded_links(recorded, site)
    new_texts = ledger.unrecorded_texts(recorded, texts)
    name = ledger.LEDGER_NAME
    if argv[0] == "check":
        if new:
            shown = ", ".join(new[:5]) + (", ..." if len(new) > 5 else "")
            print(f"{name} is out of date: {len(new)} new links ({shown}); ", end="")
            print("run make ledger and commit it")
        if new_texts:
            shown = ", ".join(new_texts[:5]) + (", ..." if len(new_texts) > 5 else "")
            print(f"{name} is out of date: {len(new_texts)} item texts not recorded ({shown}); ")
            print("run make ledger and commit it")
        if new or new_texts:
            return 1
        print(f"{name} lists every published link and item text")
        return 0
    ledger.with_texts(ledger.merged(recorded, site), texts).write(path)
    print(f"{name}: added {len(new)} links" + (f" ({', '.join(new[:5])}...)" if new else ""))
    if new_texts:
        print(f"{name}: recorded the text of {len(new_texts)} items ({', '.join(new_texts[:5])})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
