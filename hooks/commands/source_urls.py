"""Checklist source URLs for the link tools: their form (no network) and the list to check.

python -m hooks.commands.source_urls check   # every URL of the wrong form, as file:line (make lint)
python -m hooks.commands.source_urls list    # each distinct URL once, sorted, one per line

``check`` applies the rules the build applies (hooks.content.source_urls.url_problem) to every
source in ``data/checklists/`` and names all problems, not only the first. ``list`` feeds the
scheduled link check (.github/workflows/source-links.yml), which asks each host whether the
address still answers.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hooks.content.catalogue import CHECKLIST_DIR, source_url_errors, source_url_locations
from hooks.content.errors import ContentError
from hooks.content.yaml_source import YamlDocument, load_yaml


def _documents(project_dir: Path) -> list[YamlDocument]:
    return [
        load_yaml(path, f"{CHECKLIST_DIR}/{path.name}")
        for path in sorted((project_dir / CHECKLIST_DIR).glob("*.yml"))
    ]


def main(argv: list[str], project_dir: Path | None = None) -> int:
    """Run ``check`` or ``list`` (``argv``) for the project in ``project_dir`` (default: the
    current directory); returns the exit status: 0 done, 1 a URL of the wrong form or a file
    that does not parse, 2 usage. Output goes to stdout, problems to stderr."""
    if len(argv) != 1 or argv[0] not in ("check", "list"):
        print(__doc__)
        return 2
    project_dir = project_dir or Path.cwd()
    try:
        documents = _documents(project_dir)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    if argv[0] == "list":
        urls = {url for document in documents for _, url in source_url_locations(document)}
        for url in sorted(urls):
            print(url)
        return 0
    errors = [error for document in documents for error in source_url_errors(document)]
    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        return 1
    count = sum(len(source_url_locations(document)) for document in documents)
    print(f"{CHECKLIST_DIR}: {count} source URLs, all well formed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
