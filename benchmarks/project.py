"""The project under benchmark: throwaway copies of it, its config, and a strict build."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import time
import types
from pathlib import Path
from typing import Any

import yaml

from hooks.commands.build import strict_build
from hooks.commands.chromium import INSTALL_HINT, chromium_executable, playwright_chromium

PROJECT_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = PROJECT_DIR / "benchmarks"
# GitHub Pages serves a project site under /<repo>/; the benchmark serves every site the same way.
SUB_PATH = "/backend-optimization-guide/"
COPIED_PATHS = (
    "Makefile",
    "mkdocs.yml",
    "data",
    "docs",
    "hooks",
    "overrides",
    "manuscript",
    "published-links.json",
)


class BuildError(RuntimeError):
    pass


def copy_project(target: Path, git: bool = True, source: Path = PROJECT_DIR) -> Path:
    """Copy the sources a build reads from ``source`` into ``target`` and (``git``) make it a
    one-commit git checkout, so the last-updated plugin reads history as in a real clone."""
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED_PATHS:
        path = source / name
        ignore = shutil.ignore_patterns("__pycache__")
        if path.is_dir():
            shutil.copytree(path, target / name, ignore=ignore)
        elif path.is_file():
            shutil.copy2(path, target / name)
    if git:
        init_git(target)
    return target


def init_git(directory: Path) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
    }
    for command in (
        ["git", "init", "--quiet"],
        ["git", "add", "--all"],
        ["git", "-c", "commit.gpgsign=false", "commit", "--quiet", "--message", "snapshot"],
    ):
        subprocess.run(command, cwd=directory, env=env, check=True, capture_output=True)


def load_config(path: Path) -> dict[str, Any]:
    """mkdocs.yml as MkDocs reads it (``!ENV`` tags resolved)."""
    from mkdocs.utils.yaml import yaml_load

    with path.open(encoding="utf-8") as stream:
        return yaml_load(stream)


class _ConfigDumper(yaml.SafeDumper):
    """Safe YAML, plus the functions mkdocs.yml names with ``!!python/name:`` (the emoji
    extension's index and generator, the Mermaid fence's format), written back under the same
    tag."""


_ConfigDumper.add_multi_representer(
    types.FunctionType,
    lambda dumper, function: dumper.represent_scalar(
        f"tag:yaml.org,2002:python/name:{function.__module__}.{function.__qualname__}", ""
    ),
)


def write_config(path: Path, config: dict[str, Any]) -> None:
    """Write a config that load_config read (or one built by hand) as mkdocs.yml reads it."""
    text = yaml.dump(config, Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")


PRUNE = "navigation.prune"


def with_prune(config: dict[str, Any], prune: bool) -> dict[str, Any]:
    """The config with Material's ``navigation.prune`` feature switched on or off."""
    theme = dict(config.get("theme") or {"name": "material"})
    features = [feature for feature in theme.get("features", []) if feature != PRUNE]
    theme["features"] = [*features, PRUNE] if prune else features
    return {**config, "theme": theme}


def _prefixed(nav: Any, prefix: str) -> Any:
    if isinstance(nav, str):
        return prefix + nav
    if isinstance(nav, list):
        return [_prefixed(entry, prefix) for entry in nav]
    if isinstance(nav, dict):
        return {title: _prefixed(entry, prefix) for title, entry in nav.items()}
    return nav


def grown_nav(nav: list[Any], copies: int) -> list[Any]:
    """The nav of a site whose pages are repeated in ``copy-NNN/`` folders, the way the site
    would grow: each copy of a section becomes its "Part N" sub-section; a copy's top-level pages
    (the home page) open the part of the section that follows them."""
    grown = copy.deepcopy(nav)
    for number in range(1, copies):
        prefix = f"copy-{number:03}/"
        loose: list[Any] = []
        for index, entry in enumerate(nav):
            title, value = next(iter(entry.items())) if isinstance(entry, dict) else ("", entry)
            if isinstance(value, list):
                part = [*loose, *_prefixed(value, prefix)]
                grown[index][title].append({f"Part {number + 1}": part})
                loose = []
            else:
                loose.append(_prefixed(value, prefix))
    return grown


def build(
    project_dir: Path, site_dir: Path, site_url: str, config_file: str = "mkdocs.yml"
) -> float:
    """A strict build as `make build` runs it (never -q); returns wall-clock seconds."""
    start = time.perf_counter()
    result = strict_build(project_dir, site_dir, site_url=site_url, config_file=config_file)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise BuildError(f"mkdocs build failed in {project_dir.name}:\n{result.stderr[-3000:]}")
    return elapsed


def chrome_path() -> str:
    """The Chromium Lighthouse and Playwright drive (hooks/commands/chromium.py decides)."""
    found = chromium_executable() or playwright_chromium()
    if found is None:
        raise SystemExit(INSTALL_HINT)
    return found
