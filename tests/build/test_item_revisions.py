"""Changing an item's advice, step by step as a contributor does it: the text changes, the
build stops and asks for a revision entry, the entry lets it pass, `make ledger` records the
new text, and the next change asks again."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from hooks.commands import ledger as ledger_command
from hooks.content.catalogue import FRAMEWORK_FILE
from hooks.content.revisions import read_texts
from hooks.guards import ledger
from tests.conftest import add_revisions, project_catalogue, replace_in, run_mkdocs_build

URL = "http://127.0.0.1:8000/"
CATALOGUE = project_catalogue()
TOPIC = next(iter(CATALOGUE.topics.values()))
# The items these tests change, from the data: the first whose text the data file holds as
# written (not folded or escaped), and which has no revisions yet.
_FILE_TEXT = (Path(__file__).resolve().parents[2] / TOPIC.source_path).read_text()
ITEM = next(i for i in TOPIC.items if not i.revisions and f"text: {i.text}\n" in _FILE_TEXT)
FRAMEWORK_TEXT = (Path(__file__).resolve().parents[2] / FRAMEWORK_FILE).read_text()
TASK = next(
    t
    for phase in CATALOGUE.phases
    for t in phase.tasks
    if not t.revisions and f"text: {t.text}\n" in FRAMEWORK_TEXT
)


def build_log(project: Path) -> tuple[int, str]:
    result = run_mkdocs_build(project, project / "site", URL)
    return result.returncode, result.stdout + result.stderr


def check_then_update(project: Path) -> list[tuple[int, str]]:
    """`make check`, then `make ledger` (hooks/commands/ledger.py): each one's exit status and
    what it printed, both judging one strict build of ``project`` made first. `make check`
    writes nothing, so the build `make ledger` makes of its own would be the same one again.
    (tests/build/test_link_ledger.py runs the commands as `make` does, each with its build.)"""
    code, log = build_log(project)
    assert code == 0, log[-3000:]
    results = []
    for verb in ("check", "update"):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            status = ledger_command.main([verb], project, site_dir=project / "site")
        results.append((status, printed.getvalue()))
    return results


def recorded_text(project: Path, item_id: str) -> dict[str, object]:
    return ledger.Ledger.read(project / ledger.LEDGER_NAME).texts[item_id]


def current_text(project: Path, item_id: str):
    catalogue = project_catalogue(project)
    return next(text for text in read_texts(catalogue) if text.id == item_id)


def test_the_ledger_holds_the_text_of_every_item_as_the_data_has_it():
    recorded = ledger.Ledger.read(Path(__file__).resolve().parents[2] / ledger.LEDGER_NAME)
    assert ledger.unrecorded_texts(recorded, read_texts(CATALOGUE)) == [], (
        "published-links.json is out of date: run `make ledger` and commit it"
    )


def test_changing_an_item_asks_for_a_revision_then_make_ledger_records_it(project_copy):
    path = project_copy / TOPIC.source_path
    where = f"{TOPIC.source_path}:{ITEM.line}"
    # 1. The contributor changes the advice: the build stops at the item, saying what to do.
    replace_in(path, f"text: {ITEM.text}\n", f"text: {ITEM.text} first\n")
    code, log = build_log(project_copy)
    assert code != 0
    assert f"{where}: the text of '{ITEM.id}' changed since published-links.json" in log
    assert "add a revision under the item" in log and "minor: true" in log
    # 2. They add a revision: the build passes; `make ledger` records the new text.
    add_revisions(path, ITEM.id, {"date": "2024-02-01", "summary": "Says what to do first"})
    (check, check_output), (update, update_output) = check_then_update(project_copy)
    assert check == 1
    assert f"1 item texts not recorded ({ITEM.id})" in check_output  # the text is new
    assert update == 0, update_output
    assert f"recorded the text of 1 items ({ITEM.id})" in update_output
    text = current_text(project_copy, ITEM.id)
    assert recorded_text(project_copy, ITEM.id) == {"sha256": text.digest, "revisions": 1}
    # 3. The next change asks again; a typo fix is a revision marked minor.
    replace_in(path, f"text: {ITEM.text} first\n", f"text: {ITEM.text} at first\n")
    code, log = build_log(project_copy)
    assert code != 0 and f"{where}: the text of '{ITEM.id}' changed" in log
    add_revisions(
        path,
        ITEM.id,
        {"date": "2024-02-01", "summary": "Says what to do first"},
        {"date": "2024-02-03", "summary": "Fixed a typo", "minor": True},
    )
    code, log = build_log(project_copy)
    assert code == 0, log[-3000:]
    # Readers hear of the change, not of the typo fix.
    html = (project_copy / "site" / TOPIC.url / "index.html").read_text()
    assert 'data-mdx-revised="2024-02-01" data-mdx-revision="Says what to do first"' in html
    assert "2024-02-03" not in html


def test_changing_a_framework_task_asks_for_a_revision_at_its_line(project_copy):
    replace_in(project_copy / FRAMEWORK_FILE, f"text: {TASK.text}\n", f"text: {TASK.text} twice\n")
    code, log = build_log(project_copy)
    assert code != 0
    assert f"{FRAMEWORK_FILE}:{TASK.line}: the text of '{TASK.id}' changed since" in log
