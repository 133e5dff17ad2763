"""The one way tests, benchmarks and the ledger command run a strict build of a project."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# MkDocs 1.6 prints a banner about MkDocs 2.0; these variables silence it (the Makefile sets the
# same two for `make serve` and `make build`).
QUIET_BANNER_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def strict_build(
    project_dir: Path,
    site_dir: Path,
    *,
    site_url: str | None = None,
    config_file: str = "mkdocs.yml",
    env: Mapping[str, str] | None = None,
    timeout: float = 600,
    engine: str = "mkdocs",
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict --clean`` as `make build` does (never with ``-q``, which hides
    the warnings that --strict turns into failures); ``engine`` names another module with the
    same command line (``properdocs``, MkDocs' drop-in fork).

    ``project_dir`` is the folder holding ``config_file``; the site is written to ``site_dir``.
    ``site_url`` sets SITE_URL (mkdocs.yml reads it); ``env`` adds or overrides variables.
    Returns the finished process with its output as text; raises subprocess.TimeoutExpired
    after ``timeout`` seconds. A failed build is a non-zero ``returncode``, not an exception.
    """
    variables = {**os.environ, **QUIET_BANNER_ENV, **(env or {})}
    if site_url is not None:
        variables["SITE_URL"] = site_url
    command = [sys.executable, "-m", engine, "build", "--strict", "--clean"]
    command += ["--config-file", config_file, "--site-dir", str(site_dir)]
    return subprocess.run(
        command, cwd=project_dir, env=variables, capture_output=True, text=True, timeout=timeout
    )
