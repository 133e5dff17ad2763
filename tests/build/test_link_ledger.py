"""Links are a promise: the ledger keeps every published URL and id working."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from markdown.extensions.toc import slugify

from hooks.commands.build import QUIET_BANNER_ENV
from hooks.guards import ledger
from tests.build.test_bad_input_builds import failed_build
from tests.conftest import PROJECT_DIR, project_catalogue, read_site, replace_in, run_mkdocs_build

URL = "http://127.0.0.1:8000/"
CATALOGUE = project_catalogue()
SOURCES = {url: source for source, url in CATALOGUE.pages.items()}  # "guide/x/" -> "guide/x.md"
HOME = ""  # the home page's site-relative URL
# The pages and ids these tests break, from the data: any would do.
FIRST_CHAPTER, LAST_CHAPTER = (list(CATALOGUE.chapters.values())[i] for i in (0, -1))
# An item without old ids of its own, so a test can give it one.
TOPIC, ITEM = next(
    (topic, item.id)
    for topic in CATALOGUE.topics.values()
    for item in topic.items
    if not item.renamed_from
)
NEW_ITEM = f"{ITEM}-renamed"
# The last chapter in reading order: renamed, given headings and footnotes, redirected to.
CHAPTER_SOURCE = SOURCES[LAST_CHAPTER.url]  # e.g. "guide/x.md"
CHAPTER = f"docs/{CHAPTER_SOURCE}"
CHAPTER_URL = LAST_CHAPTER.url
RENAMED_SOURCE = CHAPTER_SOURCE.replace(".md", "-renamed.md")


def home_heading() -> tuple[str, str]:
    """The home page's first level-2 heading without an id of its own: (text, its id)."""
    text = (PROJECT_DIR / "docs" / SOURCES[HOME]).read_text(encoding="utf-8")
    heading = re.search(r"^## ([^{\n]+)$", text, re.M).group(1).strip()
    return heading, slugify(heading, "-")


def build_log(project) -> tuple[int, str]:
    """A build as `make build` makes it: the ledger is checked only there. Mistakes that a
    preview catches as well (positional ids, redirects) are built as failed_build builds them."""
    result = run_mkdocs_build(project, project / "site", URL)
    return result.returncode, result.stdout + result.stderr


def test_ledger_lists_every_published_link(built_site):
    recorded = ledger.Ledger.read(PROJECT_DIR / ledger.LEDGER_NAME)
    new = ledger.unrecorded_links(recorded, ledger.scan(read_site(built_site.site_dir)))
    assert new == [], "published-links.json is out of date: run `make ledger` and commit it"


def test_ledger_records_pages_items_cards_and_headings():
    recorded = ledger.Ledger.read(PROJECT_DIR / ledger.LEDGER_NAME)
    assert ITEM in recorded.pages[TOPIC.url]
    assert CATALOGUE.phases[0].id in recorded.pages[CATALOGUE.framework_url]
    assert home_heading()[1] in recorded.pages[HOME]
    assert "start/" not in recorded.pages, "redirect pages are aliases, not pages"


def rename_chapter(project: Path) -> None:
    """Rename the last chapter's file, the links to it, and its id wherever the data names it
    (as a whole word: ids that merely contain it stay)."""
    (project / CHAPTER).rename(project / "docs" / RENAMED_SOURCE)
    replace_in(project / "mkdocs.yml", CHAPTER_SOURCE, RENAMED_SOURCE, 3)
    old_id = LAST_CHAPTER.id
    new_id = Path(RENAMED_SOURCE).stem
    whole_id = rf"(?<![\w-]){re.escape(old_id)}(?![\w-])"
    for path in sorted((project / "data").rglob("*.yml")):
        path.write_text(re.sub(whole_id, new_id, path.read_text(encoding="utf-8")))
    for path in sorted((project / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(rf"{whole_id}\.md\b", f"{new_id}.md", text))


def test_renaming_a_page_without_redirect_fails_naming_the_url(project_copy):
    rename_chapter(project_copy)
    code, log = build_log(project_copy)
    assert code != 0
    assert f"published page '{CHAPTER_URL}' is gone; add a redirect" in log
    assert "retired.pages" in log


def test_renaming_a_page_with_a_redirect_builds(project_copy):
    rename_chapter(project_copy)
    add_redirect(project_copy, CHAPTER_SOURCE, RENAMED_SOURCE)
    code, log = build_log(project_copy)
    assert code == 0, log[-3000:]
    redirect = (project_copy / "site" / CHAPTER_URL / "index.html").read_text()
    assert f'url=../{Path(RENAMED_SOURCE).stem}/"' in redirect


def test_retiring_a_page_on_purpose_builds(project_copy):
    rename_chapter(project_copy)
    path = project_copy / ledger.LEDGER_NAME
    document = json.loads(path.read_text())
    document["retired"]["pages"].append(CHAPTER_URL)
    path.write_text(json.dumps(document))
    code, log = build_log(project_copy)
    # The plan's reading-list entry for the chapter goes too, and is named.
    assert code != 0
    assert f"id 'read-{LAST_CHAPTER.id}' on 'onboarding/plan/' is gone" in log
    document["retired"]["anchors"].append(f"onboarding/plan/#read-{LAST_CHAPTER.id}")
    path.write_text(json.dumps(document))
    code, log = build_log(project_copy)
    assert code == 0, log[-3000:]


def test_removing_an_item_id_without_alias_fails_naming_the_id(project_copy):
    replace_in(project_copy / TOPIC.source_path, f"- id: {ITEM}\n", f"- id: {NEW_ITEM}\n")
    code, log = build_log(project_copy)
    assert code != 0
    assert f"id '{ITEM}' on 'onboarding/plan/' is gone" in log
    assert f"renamed_from: [{ITEM}]" in log


def test_renamed_item_with_alias_keeps_its_link(project_copy):
    path = project_copy / TOPIC.source_path
    indent = re.search(rf"^( *)- id: {re.escape(ITEM)}$", path.read_text(), re.M).group(1)
    replace_in(
        path,
        f"- id: {ITEM}\n",
        f"- id: {NEW_ITEM}\n{indent}  renamed_from: [{ITEM}]\n",
    )
    code, log = build_log(project_copy)
    assert code == 0, log[-3000:]
    html = (project_copy / "site" / TOPIC.url / "index.html").read_text()
    assert f'id="{ITEM}"' in html and f'id="{NEW_ITEM}"' in html


def test_renamed_heading_must_keep_its_anchor(project_copy):
    heading, anchor = home_heading()
    home = project_copy / "docs" / SOURCES[HOME]
    replace_in(home, f"## {heading}\n", f"## {heading} renamed\n")
    code, log = build_log(project_copy)
    assert code != 0
    assert f"id '{anchor}' on '(home page)' is gone" in log
    replace_in(home, f"## {heading} renamed\n", f"## {heading} renamed {{ #{anchor} }}\n")
    code, log = build_log(project_copy)
    assert code == 0, log[-3000:]


def test_ledger_command_adds_new_pages_and_ids(project_copy):
    page = project_copy / CHAPTER
    page.write_text(page.read_text() + "\n## One more thing\n\nKeep going.\n")
    env = {**os.environ, **QUIET_BANNER_ENV}
    check = subprocess.run(
        [sys.executable, "-m", "hooks.commands.ledger", "check"],
        cwd=project_copy,
        env=env,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1
    assert f"{CHAPTER_URL}#one-more-thing" in check.stdout and "run make ledger" in check.stdout
    update = subprocess.run(
        [sys.executable, "-m", "hooks.commands.ledger", "update"],
        cwd=project_copy,
        env=env,
        capture_output=True,
        text=True,
    )
    assert update.returncode == 0, update.stderr
    assert "added 1 links" in update.stdout
    recorded = ledger.Ledger.read(project_copy / ledger.LEDGER_NAME)
    assert "one-more-thing" in recorded.pages[CHAPTER_URL]
    assert (
        recorded.pages[TOPIC.url]
        == ledger.Ledger.read(PROJECT_DIR / ledger.LEDGER_NAME).pages[TOPIC.url]
    )


def test_ledger_never_drops_entries_when_merging():
    old = ledger.Ledger(pages={"a/": ["x", "y"], "gone/": ["z"]}, retired_pages=["r/"])
    scan = ledger.SiteScan(pages={"a/": ["y", "new"], "b/": []}, redirects={})
    result = ledger.merged(old, scan)
    assert result.pages == {"a/": ["new", "x", "y"], "gone/": ["z"], "b/": []}
    assert result.retired_pages == ["r/"]


def published_anchors(project) -> list[str]:
    return ledger.scan(read_site(project / "site")).pages[CHAPTER_URL]


def record_ledger(project) -> None:
    path = project / ledger.LEDGER_NAME
    ledger.merged(ledger.Ledger.read(path), ledger.scan(read_site(project / "site"))).write(path)


def test_footnotes_are_not_promised_and_can_be_deleted(project_copy):
    page = project_copy / CHAPTER
    original = page.read_text()
    page.write_text(
        original + "\nMeasure first.[^m] Then measure again.[^m] And once more.[^n]\n\n"
        "[^m]: Profilers lie less than intuition.\n\n[^n]: Really.\n"
    )
    code, log = build_log(project_copy)
    assert code == 0, log[-3000:]
    ids = read_site(project_copy / "site")[f"{CHAPTER_URL}index.html"].ids
    assert {"fn:m", "fnref:m", "fnref2:m", "fn:n"} <= ids  # the page has them ...
    assert not [a for a in published_anchors(project_copy) if a.startswith(("fn:", "fnref"))]
    record_ledger(project_copy)  # ... make ledger does not record them
    page.write_text(original)
    code, log = build_log(project_copy)
    assert code == 0, log[-3000:]


@pytest.mark.parametrize(
    ("headings", "flagged", "anchor"),
    [
        (["## 日本語のまとめ"], 0, "_1"),
        (["### Резюме"], 0, "_1"),
        (["## Notes", "Text.", "## Notes"], 2, "notes_1"),
    ],
)
def test_heading_with_a_positional_id_is_refused_with_the_fix(
    project_copy, headings, flagged, anchor
):
    page = project_copy / CHAPTER
    page.write_text(page.read_text() + "\n" + "\n\n".join(headings) + "\n")
    log = failed_build(project_copy)
    lines = page.read_text().splitlines()
    line = len(lines) - lines[::-1].index(headings[flagged])  # the last one, numbered
    level, text = headings[flagged].split(" ", 1)
    assert f"{CHAPTER}:{line}: heading '{text}' gets the id '{anchor}' from its position" in log
    assert f"give it an id of its own: {level} {text} {{ #its-own-id }}" in log


def test_heading_with_its_own_id_builds_and_is_promised(project_copy):
    page = project_copy / CHAPTER
    page.write_text(
        page.read_text()
        + "\n## 日本語のまとめ { #summary-ja }\n\n## Notes\n\n## Notes {#more-notes}\n"
    )
    code, log = build_log(project_copy)
    assert code == 0, log[-3000:]
    anchors = published_anchors(project_copy)
    assert {"summary-ja", "notes", "more-notes"} <= set(anchors)


def move_plan_into_a_folder(project) -> None:
    (project / "docs/onboarding/plan").mkdir()
    (project / "docs/onboarding/plan.md").rename(project / "docs/onboarding/plan/index.md")
    config = project / "mkdocs.yml"
    before, _, after = config.read_text().rpartition("- onboarding/plan.md")  # the nav entry
    config.write_text(before + "- onboarding/plan/index.md" + after)


def add_redirect(project, old: str, new: str) -> int:
    """Add ``old: new`` to redirect_maps; returns its line in mkdocs.yml."""
    replace_in(
        project / "mkdocs.yml", "        start.md:", f"        {old}: {new}\n        start.md:"
    )
    lines = (project / "mkdocs.yml").read_text().splitlines()
    return lines.index(f"        {old}: {new}") + 1


def test_page_moved_to_a_folder_keeps_its_address_without_a_redirect(project_copy):
    move_plan_into_a_folder(project_copy)
    code, log = build_log(project_copy)
    assert code == 0, log[-3000:]
    assert (project_copy / "site/onboarding/plan/index.html").read_text().count("mdx-") > 0


def test_redirect_that_would_replace_a_page_at_the_same_address_fails(project_copy):
    move_plan_into_a_folder(project_copy)
    line = add_redirect(project_copy, "onboarding/plan.md", "onboarding/plan/index.md")
    log = failed_build(project_copy)
    assert f"mkdocs.yml:{line}: redirect from 'onboarding/plan.md' would replace " in log
    assert "docs/onboarding/plan/index.md" in log and "delete this redirect" in log


def test_redirect_from_a_page_the_site_still_builds_fails(project_copy):
    line = add_redirect(project_copy, CHAPTER_SOURCE, SOURCES[FIRST_CHAPTER.url])
    log = failed_build(project_copy)
    assert f"mkdocs.yml:{line}: redirect from '{CHAPTER_SOURCE}', a page the site" in log


@pytest.mark.parametrize("target", ["guide/no-such-page.md", "guide/no-such-page.md#part"])
def test_redirect_to_a_page_that_does_not_exist_fails(project_copy, target):
    line = add_redirect(project_copy, "guide/old-name.md", target)
    log = failed_build(project_copy)
    assert f"mkdocs.yml:{line}: redirect to '{target}', which is no page of the site" in log


def test_redirect_to_an_anchor_the_page_lacks_fails(project_copy):
    line = add_redirect(project_copy, "guide/old-name.md", f"{CHAPTER_SOURCE}#no-such-id")
    log = failed_build(project_copy)
    assert (
        f"mkdocs.yml:{line}: redirect to '{CHAPTER_SOURCE}#no-such-id', but "
        f"{CHAPTER} has no id 'no-such-id'"
    ) in log
    page = project_copy / CHAPTER
    page.write_text(page.read_text() + "\n## Where to go next\n\nOnwards.\n")
    replace_in(project_copy / "mkdocs.yml", "#no-such-id", "#where-to-go-next")
    code, log = build_log(project_copy)
    assert code == 0, log[-3000:]
