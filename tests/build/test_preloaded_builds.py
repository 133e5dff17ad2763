"""A test's build forked from the build server (strict_build's ``preloaded``, what
run_mkdocs_build uses) is the build a new ``python -m mkdocs`` process makes: the same output
and status, the project copy's own build layer, and killed at its timeout. That the sites are
the same bytes: tests/build/test_output.py's reproducibility tests."""

from __future__ import annotations

import os
import subprocess
import time

import pytest

from hooks.commands.build import strict_build
from tests.build.test_bad_input_builds import append_to_page

URL = "http://127.0.0.1:8000/"
PREVIEW = {"FULL_SITE": "false"}


def add_hook(project, source: str) -> None:
    """Append MkDocs event functions to the project copy's hooks/mkdocs_hooks.py."""
    hooks = project / "hooks" / "mkdocs_hooks.py"
    hooks.write_text(hooks.read_text(encoding="utf-8") + "\n\n" + source, encoding="utf-8")


def both_ways(project) -> tuple[subprocess.CompletedProcess[str], ...]:
    """The same preview build of ``project``, as a new process and then forked."""
    return tuple(
        strict_build(project, project / "site", site_url=URL, env=PREVIEW, preloaded=preloaded)
        for preloaded in (False, True)
    )


def test_a_failed_build_says_the_same_both_ways(project_copy):
    # A strict-mode warning and the build layer's own message, from a page of the copy.
    append_to_page(project_copy, "[nowhere](nowhere.md)")
    fresh, forked = both_ways(project_copy)
    assert fresh.returncode == 1 and "nowhere.md" in fresh.stderr, fresh.stderr[-2000:]
    assert (forked.returncode, forked.stdout, forked.stderr) == (
        fresh.returncode,
        fresh.stdout,
        fresh.stderr,
    )


def test_an_error_in_the_copys_build_layer_reads_the_same_both_ways(project_copy):
    # The copy's hooks/ is what runs, not the one the server's process was started from: the
    # traceback names the copy's file, from the same frames down.
    add_hook(project_copy, "def on_pre_build(config):\n    raise KeyError('only in the copy')\n")
    fresh, forked = both_ways(project_copy)
    hooks = project_copy / "hooks" / "mkdocs_hooks.py"
    assert f'File "{hooks}"' in fresh.stderr and "KeyError: 'only in the copy'" in fresh.stderr
    assert (forked.returncode, forked.stdout, forked.stderr) == (
        fresh.returncode,
        fresh.stdout,
        fresh.stderr,
    )


def test_a_build_past_its_timeout_is_killed(project_copy):
    hooks = project_copy / "hooks" / "mkdocs_hooks.py"
    original = hooks.read_text(encoding="utf-8")
    pid_file = project_copy / "build.pid"
    add_hook(
        project_copy,
        "import os, time\n\n\ndef on_config(config):\n"
        f"    open({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
        "    time.sleep(60)\n",
    )
    started = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        strict_build(project_copy, project_copy / "site", env=PREVIEW, timeout=3, preloaded=True)
    assert time.monotonic() - started < 10
    with pytest.raises(ProcessLookupError):  # gone, and reaped by the server: no zombie either
        os.kill(int(pid_file.read_text()), 0)
    # The server forks the next build as before.
    hooks.write_text(original, encoding="utf-8")
    result = strict_build(project_copy, project_copy / "site", env=PREVIEW, preloaded=True)
    assert result.returncode == 0, result.stderr[-3000:]
