"""The way out of MkDocs 1.x: ProperDocs (a drop-in fork) builds the same site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hooks.commands.build import QUIET_BANNER_ENV
from tests.conftest import PROJECT_DIR, add_uncommitted_chapter, committed_copy

GENERATOR_LINE = '<meta name="generator"'


def build(tool: str, project: Path, site_dir: Path) -> None:
    env = {
        **os.environ,
        **QUIET_BANNER_ENV,
        "SITE_URL": "https://example.org/guide/",
        "SOURCE_DATE_EPOCH": "1700000000",
    }
    command = [
        sys.executable,
        "-m",
        tool,
        "build",
        "--strict",
        "-f",
        "mkdocs.yml",
        "--site-dir",
        str(site_dir),
    ]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{tool}: {result.stderr[-3000:]}"


def without_generator(path: Path) -> bytes:
    lines = path.read_bytes().splitlines(keepends=True)
    return b"".join(line for line in lines if GENERATOR_LINE.encode() not in line)


def assert_properdocs_builds_the_same_site(source_dir: Path, tmp_path: Path) -> None:
    # From a one-commit copy, so an uncommitted page's "last updated" never comes from the clock.
    project = committed_copy(source_dir, tmp_path / "commit")
    build("mkdocs", project, tmp_path / "mkdocs")
    build("properdocs", project, tmp_path / "properdocs")
    ours = sorted(
        p.relative_to(tmp_path / "mkdocs") for p in (tmp_path / "mkdocs").rglob("*") if p.is_file()
    )
    theirs = sorted(
        p.relative_to(tmp_path / "properdocs")
        for p in (tmp_path / "properdocs").rglob("*")
        if p.is_file()
    )
    assert ours == theirs
    differing = [
        str(relative)
        for relative in ours
        if without_generator(tmp_path / "mkdocs" / relative)
        != without_generator(tmp_path / "properdocs" / relative)
    ]
    assert differing == []


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    assert_properdocs_builds_the_same_site(PROJECT_DIR, tmp_path)


def test_properdocs_builds_the_same_site_with_an_uncommitted_page(project_copy, tmp_path):
    add_uncommitted_chapter(project_copy)
    assert_properdocs_builds_the_same_site(project_copy, tmp_path)
