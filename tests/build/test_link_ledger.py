"""Links are a promise: the ledger keeps every published URL and id working."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from hooks.commands.build import QUIET_BANNER_ENV
from hooks.guards import ledger
from tests.conftest import PROJECT_DIR, read_site, replace_in, run_mkdocs_build

URL = "http://127.0.0.1:8000/"


def build_log(project) -> tuple[int, str]:
    result = run_mkdocs_build(project, project / "site", URL)
    return result.returncode, result.stdout + result.stderr


def test_ledger_lists_every_published_link(built_site):
    recorded = ledger.Ledger.read(PROJECT_DIR / ledger.LEDGER_NAME)
    new = ledger.unrecorded_links(recorded, ledger.scan(read_site(built_site.site_dir)))
    assert new == [], "published-links.json is out of date: run `make ledger` and commit it"


def test_ledger_records_pages_items_cards_and_headings():
    recorded = ledger.Ledger.read(PROJECT_DIR / ledger.LEDGER_NAME)
    assert "webhook-sign-payloads" in recorded.pages["topics/webhook-design/"]
    assert "phase-week-1-2" in recorded.pages["guide/the-practical-framework/"]
    assert "how-to-use-this-site" in recorded.pages[""]
    assert "start/" not in recorded.pages, "redirect pages are aliases, not pages"


def rename_final_thoughts(project) -> None:
    (project / "docs/guide/final-thoughts.md").rename(project / "docs/guide/closing-thoughts.md")
    replace_in(project / "mkdocs.yml", "guide/final-thoughts.md", "guide/closing-thoughts.md", 3)
    path = project / "data/framework.yml"
    path.write_text(path.read_text().replace("final-thoughts", "closing-thoughts"))


def test_renaming_a_page_without_redirect_fails_naming_the_url(project_copy):
    rename_final_thoughts(project_copy)
    code, log = build_log(project_copy)
    assert code != 0
    assert "published page 'guide/final-thoughts/' is gone; add a redirect" in log
    assert "retired.pages" in log


def test_renaming_a_page_with_a_redirect_builds(project_copy):
    rename_final_thoughts(project_copy)
    replace_in(
        project_copy / "mkdocs.yml",
        "        start.md:",
        "        guide/final-thoughts.md: guide/closing-thoughts.md\n        start.md:",
    )
    code, log = build_log(project_copy)
    assert code == 0, log[-3000:]
    redirect = (project_copy / "site/guide/final-thoughts/index.html").read_text()
    assert 'url=../closing-thoughts/"' in redirect


def test_retiring_a_page_on_purpose_builds(project_copy):
    rename_final_thoughts(project_copy)
    path = project_copy / ledger.LEDGER_NAME
    document = json.loads(path.read_text())
    document["retired"]["pages"].append("guide/final-thoughts/")
    path.write_text(json.dumps(document))
    code, log = build_log(project_copy)
    # The plan's reading-list entry for the chapter goes too, and is named.
    assert code != 0
    assert "id 'read-final-thoughts' on 'onboarding/plan/' is gone" in log
    document["retired"]["anchors"].append("onboarding/plan/#read-final-thoughts")
    path.write_text(json.dumps(document))
    code, log = build_log(project_copy)
    assert code == 0, log[-3000:]


def test_removing_an_item_id_without_alias_fails_naming_the_id(project_copy):
    replace_in(
        project_copy / "data/checklists/webhook-design.yml",
        "- id: webhook-sign-payloads",
        "- id: webhook-sign-every-payload",
    )
    code, log = build_log(project_copy)
    assert code != 0
    assert "id 'webhook-sign-payloads' on 'onboarding/plan/' is gone" in log
    assert "renamed_from: [webhook-sign-payloads]" in log


def test_renamed_item_with_alias_keeps_its_link(project_copy):
    replace_in(
        project_copy / "data/checklists/webhook-design.yml",
        "- id: webhook-sign-payloads\n",
        "- id: webhook-sign-every-payload\n    renamed_from: [webhook-sign-payloads]\n",
    )
    code, log = build_log(project_copy)
    assert code == 0, log[-3000:]
    html = (project_copy / "site/topics/webhook-design/index.html").read_text()
    assert 'id="webhook-sign-payloads"' in html and 'id="webhook-sign-every-payload"' in html


def test_renamed_heading_must_keep_its_anchor(project_copy):
    replace_in(project_copy / "docs/index.md", "## How to Use This Site", "## Using This Site")
    code, log = build_log(project_copy)
    assert code != 0
    assert "id 'how-to-use-this-site' on '(home page)' is gone" in log
    replace_in(
        project_copy / "docs/index.md",
        "## Using This Site",
        "## Using This Site { #how-to-use-this-site }",
    )
    code, log = build_log(project_copy)
    assert code == 0, log[-3000:]


def test_ledger_command_adds_new_pages_and_ids(project_copy):
    page = project_copy / "docs/guide/final-thoughts.md"
    page.write_text(page.read_text() + "\n## One More Thing\n\nKeep going.\n")
    env = {**os.environ, **QUIET_BANNER_ENV}
    check = subprocess.run(
        [sys.executable, "-m", "hooks.commands.ledger", "check"],
        cwd=project_copy,
        env=env,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1
    assert (
        "guide/final-thoughts/#one-more-thing" in check.stdout and "run make ledger" in check.stdout
    )
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
    assert "one-more-thing" in recorded.pages["guide/final-thoughts/"]
    assert (
        recorded.pages["topics/webhook-design/"]
        == ledger.Ledger.read(PROJECT_DIR / ledger.LEDGER_NAME).pages["topics/webhook-design/"]
    )


def test_ledger_never_drops_entries_when_merging():
    old = ledger.Ledger(pages={"a/": ["x", "y"], "gone/": ["z"]}, retired_pages=["r/"])
    scan = ledger.SiteScan(pages={"a/": ["y", "new"], "b/": []}, redirects={})
    result = ledger.merged(old, scan)
    assert result.pages == {"a/": ["new", "x", "y"], "gone/": ["z"], "b/": []}
    assert result.retired_pages == ["r/"]
