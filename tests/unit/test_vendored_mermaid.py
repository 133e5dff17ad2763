"""The site's copy of Mermaid is the file its README names: same checksum, same version."""

from __future__ import annotations

import hashlib
import re

from tests.conftest import PROJECT_DIR

FOLDER = PROJECT_DIR / "overrides/assets/mermaid"


def test_the_file_matches_its_recorded_checksum():
    recorded = {}
    for line in (FOLDER / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        recorded[name.lstrip("*")] = digest
    assert set(recorded) == {"mermaid.min.js"}
    for name, digest in recorded.items():
        assert hashlib.sha256((FOLDER / name).read_bytes()).hexdigest() == digest, name


def test_the_readme_names_the_version_the_file_reports():
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    named = re.search(r"Mermaid \*\*(\d+\.\d+\.\d+)\*\*", readme).group(1)
    script = (FOLDER / "mermaid.min.js").read_text(encoding="utf-8")
    assert re.search(r'\{version:"(\d+\.\d+\.\d+)"\}', script).group(1) == named
    assert (FOLDER / "LICENSE").read_text(encoding="utf-8").startswith("The MIT License")
