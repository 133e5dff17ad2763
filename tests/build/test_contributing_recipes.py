"""Every recipe in CONTRIBUTING.md, run exactly as written on a copy of the project, then the
strict build, the link-ledger check, the recipe's expectations and the content tests.

How recipes are marked: tests/recipes.py. When a recipe and the code disagree, a test fails.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hooks.commands import ledger as ledger_command
from tests.conftest import run_mkdocs_build
from tests.recipes import (
    COMMANDS,
    Recipe,
    RecipeError,
    Step,
    apply_edit,
    apply_file_step,
    commands,
    parse,
)

TESTS_ROOT = Path(__file__).resolve().parents[2]  # where tests/ lives (PROJECT_DIR may be a copy)
CONTRIBUTING = TESTS_ROOT / "CONTRIBUTING.md"
URL = "http://127.0.0.1:8000/"

# The recipes CONTRIBUTING.md must have; any other recipe marked in it runs too.
REQUIRED = (
    "edit-page",
    "add-item",
    "add-topic",
    "add-chapter",
    "add-image",
    "move-page",
    "rename-heading",
    "rename-item",
    "change-advice",
    "add-diagram",
    "add-code-example",
)

# Tests that judge the project's content without repeating it, run again on the copy: what
# `make test` says about a contributor's change. (Browser tests are left to `make test`.)
CONTENT_TESTS = (
    "tests/unit/test_catalogue.py::test_real_data_loads_every_file",
    "tests/unit/test_catalogue.py::test_every_data_file_starts_with_its_schema_line",
    "tests/unit/test_reviews_page.py",
    "tests/build/test_site_content.py",
    "tests/build/test_link_ledger.py::test_ledger_lists_every_published_link",
    "tests/build/test_output.py::test_every_page_has_a_strict_content_security_policy",
    "tests/build/test_output.py::test_print_page_contains_every_chapter_and_every_checklist",
    "tests/build/test_output.py::test_pages_show_when_they_were_last_updated",
)


def recipes() -> dict[str, Recipe]:
    return parse(CONTRIBUTING.read_text(encoding="utf-8"))


def recipe_names() -> list[str]:
    try:
        found = list(recipes())
    except RecipeError:
        found = []  # test_contributing_md_recipes_parse reports it
    return [*REQUIRED, *(name for name in found if name not in REQUIRED)]


def test_contributing_md_recipes_parse():
    assert recipes()


def run_command(step: Step, command: str, project: Path) -> None:
    """Run a COMMANDS value in the project copy (a build goes to the copy's site/).

    `make ledger` and `make check` run hooks/commands/ledger.py's steps: a strict build for
    URL into a folder of its own, then the ledger updated or checked against it. The build is
    the tests' (forked from the build server, not a new process importing MkDocs afresh);
    tests/build/test_link_ledger.py runs the command as `make` does."""
    if command.startswith("mkdocs build"):
        result = run_mkdocs_build(project, project / "site", URL)
        output = result.stdout + result.stderr
        status = result.returncode
    else:
        module, verb = command.split()
        assert module == "hooks.commands.ledger", f"run_command cannot run {command!r} yet"
        with tempfile.TemporaryDirectory() as site:
            build = run_mkdocs_build(project, Path(site), URL)
            assert build.returncode == 0, (
                f"{step.where()}: `{command}`: the strict build failed:\n{build.stderr[-3000:]}"
            )
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed):
                status = ledger_command.main([verb], project, site_dir=Path(site))
            output = printed.getvalue()
    assert status == 0, f"{step.where()}: `{command}` failed:\n{output[-3000:]}"


def check_expectation(step: Step, site: Path) -> None:
    page, selector = step.args
    html_file = site / page / "index.html" if page.endswith("/") or not page else site / page
    assert html_file.is_file(), f"{step.where()}: the site has no page {page!r}"
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    found = soup.select(selector)
    assert found, f"{step.where()}: {page} has nothing matching {selector!r}"
    for image in (tag for tag in found if tag.name == "img"):
        source = (html_file.parent / image["src"]).resolve()
        assert source.is_file(), f"{step.where()}: image {image['src']} is not in the site"


def run_content_tests(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """CONTENT_TESTS on ``project``, judging ``site``: the strict build of it made for URL."""
    command = [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider"]
    return subprocess.run(
        [*command, *CONTENT_TESTS],
        cwd=TESTS_ROOT,
        capture_output=True,
        text=True,
        # pytest's own variables (an xdist worker's among them) belong to the outer run.
        env={
            **{key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")},
            "GUIDE_PROJECT_DIR": str(project),
            "GUIDE_SITE_DIR": str(site),
            "GUIDE_SITE_URL": URL,
        },
    )


@pytest.mark.recipes
@pytest.mark.parametrize("name", recipe_names())
def test_recipe_runs_as_written_and_the_checks_pass(name, project_copy, capsys):
    found = recipes()
    assert name in found, f"CONTRIBUTING.md has no recipe {name!r} (<!-- recipe {name}: ... -->)"
    recipe = found[name]
    expectations = []
    for step in recipe.steps:
        if step.action == "run":
            for command in commands(step):
                run_command(step, command, project_copy)
        elif step.action == "expect":
            expectations.append(step)
        else:
            apply_file_step(step, project_copy)
    # The strict build `make build` runs, and `make check`'s ledger check, as CI runs them.
    site = project_copy / "site"
    build = run_mkdocs_build(project_copy, site, URL)
    assert build.returncode == 0, f"recipe {name}: the strict build failed:\n{build.stderr[-3000:]}"
    # `make check` judges the build just made rather than building the same sources again.
    assert ledger_command.main(["check"], project_copy, site_dir=site) == 0, (
        f"recipe {name}: {capsys.readouterr()}"
    )
    for step in expectations:
        check_expectation(step, site)
    content = run_content_tests(project_copy, site)
    assert content.returncode == 0, (
        f"recipe {name}: the content tests fail on the result:\n{content.stdout[-4000:]}"
    )


# ---------------------------------------------------------------- the recipe reader itself


def test_a_diff_must_match_the_file_once():
    text = "a\nb\nc\n"
    assert apply_edit(text, " a\n-b\n+B\n+B2\n", "here") == "a\nB\nB2\nc\n"
    with pytest.raises(RecipeError, match="occur 0 times"):
        apply_edit(text, "-x\n+y\n", "here")
    with pytest.raises(RecipeError, match="occur 2 times"):
        apply_edit("a\na\n", "-a\n+b\n", "here")


def test_a_step_must_name_its_path_where_the_reader_sees_it():
    hidden = "## Add\n\nText.\n\n<!-- recipe x: write docs/x.md -->\n```md\nbody\n```\n"
    with pytest.raises(RecipeError, match=r"never names docs/x\.md"):
        parse(hidden)
    shown = hidden.replace("Text.", "Create `docs/x.md`:")
    (step,) = parse(shown)["x"].steps
    assert (step.action, step.args, step.block) == ("write", ["docs/x.md"], "body\n")


def test_a_step_the_test_cannot_run_is_refused():
    text = "## Run\n\n<!-- recipe x: run -->\n```sh\nmake ledger\nrm -rf site\n```\n"
    (step,) = parse(text)["x"].steps
    with pytest.raises(RecipeError, match="cannot run 'rm -rf site'"):
        commands(step)
    with pytest.raises(RecipeError, match="unknown action 'paste'"):
        parse("<!-- recipe x: paste docs/x.md -->\n")


def test_the_commands_recipes_name_do_what_the_makefile_does():
    makefile = (TESTS_ROOT / "Makefile").read_text(encoding="utf-8")
    for command, runs in COMMANDS.items():
        target = command.removeprefix("make ")
        body = makefile.split(f"\n{target}:", 1)[1].split("\n\n", 1)[0]
        assert runs in body, f"make {target} no longer runs {runs!r}; update COMMANDS"
