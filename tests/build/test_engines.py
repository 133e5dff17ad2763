"""The way out of MkDocs 1.x: ProperDocs (a drop-in fork) builds the same site."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CommittedBuilds

GENERATOR_LINE = '<meta name="generator"'


def without_generator(path: Path) -> bytes:
    lines = path.read_bytes().splitlines(keepends=True)
    return b"".join(line for line in lines if GENERATOR_LINE.encode() not in line)


def assert_properdocs_builds_the_same_site(builds: CommittedBuilds) -> None:
    # The MkDocs build is the one the reproducibility tests (tests/build/test_output.py) make.
    mkdocs_site = builds.site("one")
    properdocs_site = builds.site("properdocs", engine="properdocs")
    ours = sorted(p.relative_to(mkdocs_site) for p in mkdocs_site.rglob("*") if p.is_file())
    theirs = sorted(
        p.relative_to(properdocs_site) for p in properdocs_site.rglob("*") if p.is_file()
    )
    assert ours == theirs
    differing = [
        str(relative)
        for relative in ours
        if without_generator(mkdocs_site / relative)
        != without_generator(properdocs_site / relative)
    ]
    assert differing == []


@pytest.mark.xdist_group("committed-builds")
def test_properdocs_builds_the_same_site_as_mkdocs(committed_builds):
    assert_properdocs_builds_the_same_site(committed_builds)


@pytest.mark.xdist_group("committed-builds-new-chapter")
def test_properdocs_builds_the_same_site_with_an_uncommitted_page(
    committed_builds_with_new_chapter,
):
    assert_properdocs_builds_the_same_site(committed_builds_with_new_chapter)
