"""The scheduled source link check: never on pull requests, least privilege, one report issue."""

from __future__ import annotations

import re

import yaml

from tests.conftest import PROJECT_DIR

WORKFLOW = PROJECT_DIR / ".github/workflows/source-links.yml"


def workflow() -> dict:
    # BaseLoader keeps `on` a string key (YAML 1.1 would read it as True).
    return yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def test_runs_on_a_schedule_and_by_hand_only():
    assert set(workflow()["on"]) == {"schedule", "workflow_dispatch"}


def test_permissions_are_granted_per_job_and_only_what_it_needs():
    data = workflow()
    assert data["permissions"] == {}
    for job in data["jobs"].values():
        assert job["permissions"] == {"contents": "read", "issues": "write"}


def test_actions_are_pinned_and_checkout_keeps_no_credentials():
    steps = [step for job in workflow()["jobs"].values() for step in job["steps"]]
    for step in steps:
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
    checkout = [step for step in steps if step.get("uses", "").startswith("actions/checkout@")]
    assert checkout and all(step["with"]["persist-credentials"] == "false" for step in checkout)


def test_lychee_checks_the_generated_list_with_retries_cache_and_429_accepted():
    steps = [step for job in workflow()["jobs"].values() for step in job["steps"]]
    listing = next(step for step in steps if "source_urls list" in step.get("run", ""))
    lychee = next(step for step in steps if "lycheeverse/lychee-action@" in step.get("uses", ""))
    output = re.search(r"> (\S+)", listing["run"]).group(1)
    args = lychee["with"]["args"].split()
    assert args[-1] == output
    assert "--cache" in args and "--max-retries" in args
    accepted = args[args.index("--accept") + 1].split(",")
    assert "429" in accepted
    assert lychee["with"]["fail"] == "false", "a dead link opens the issue, not a failed run"
    assert any(step.get("uses", "").startswith("actions/cache/restore@") for step in steps)
