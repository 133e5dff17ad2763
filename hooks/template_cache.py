"""MkDocs hook: the theme's and the macros' compiled templates are kept between builds.

MkDocs builds a new Jinja environment for every build, so Material's templates and ours
(``overrides/``) are compiled from source each time: about 15 % of a build of the layer; the
macros' templates (``hooks/content/templates/``, rendered in an environment of their own) add
about 30 ms of CPU more. A build keeps Jinja's compiled code of both in ``.cache/jinja/`` beside
mkdocs.yml (git ignores ``.cache/``) and reuses it while a template's source is unchanged: Jinja
stores a checksum of the source with the code and compiles afresh when they differ
(``jinja2.FileSystemBytecodeCache``, which writes each file atomically). Each environment has a
folder named by a digest of the Jinja version and its settings, so code compiled under other
delimiters or options is never reused. The output is the same with or without the cache; delete
the folder to start afresh.

`make serve` keeps compiled code in memory instead (hooks/live_preview.py).
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache

from hooks.content import render

# Beside mkdocs.yml, next to the social cards' cache.
CACHE_DIR = Path(".cache") / "jinja"
# The settings that change the code Jinja compiles from a template's source.
_SETTINGS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
)

_serving = False


def settings_digest(environment: Environment) -> str:
    """16 hex digits naming ``environment``'s compiled code: a SHA-256 of the Jinja version, the
    settings that shape the code (delimiters, whitespace, optimisation), its extensions and
    whether it autoescapes (by name for a function, such as MkDocs' own)."""
    autoescape = environment.autoescape
    values = [version("jinja2"), *(repr(getattr(environment, name)) for name in _SETTINGS)]
    values += sorted(environment.extensions)
    values.append(getattr(autoescape, "__qualname__", repr(autoescape)))
    return hashlib.sha256("\n".join(values).encode("utf-8")).hexdigest()[:16]


def bytecode_cache(environment: Environment, project_dir: Path) -> FileSystemBytecodeCache:
    """A cache of ``environment``'s compiled templates in ``project_dir / CACHE_DIR`` under a
    folder of its own (``settings_digest``), created when missing."""
    directory = project_dir / CACHE_DIR / settings_digest(environment)
    directory.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(directory))


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(*, config: Any) -> None:
    # Before any page: mkdocs-macros renders the macros' templates while pages are read, which
    # is before on_env. Set on every build: the environment outlives a build, the project may not.
    if not _serving:
        macros_templates = render.template_environment()
        project_dir = Path(config.config_file_path).parent
        macros_templates.bytecode_cache = bytecode_cache(macros_templates, project_dir)


def on_env(env: Environment, *, config: Any, files: Any) -> Environment:
    if not _serving and env.bytecode_cache is None:
        env.bytecode_cache = bytecode_cache(env, Path(config.config_file_path).parent)
    return env
