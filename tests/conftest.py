"""Shared fixtures: the site is built once per test session and served under a sub-path,
the way GitHub Pages serves a project site; one Chromium serves every browser test."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from _pytest.nodeid import NodeId

from hooks.commands.build import strict_build
from hooks.commands.chromium import INSTALL_HINT, chromium_for_tests
from hooks.content.catalogue import Catalogue, load_catalogue
from hooks.content.nav import nav_sources, site_pages
from hooks.guards.built_pages import BuiltPage, read_page

# The project the tests judge: this checkout, or (CONTRIBUTING's recipe tests) a copy of it with
# a recipe applied, so the content tests run again on what a contributor's change produces.
PROJECT_DIR = Path(os.environ.get("GUIDE_PROJECT_DIR") or Path(__file__).resolve().parent.parent)
SUB_PATH = "/some-prefix/"


def pytest_report_header() -> str:
    """Which Chromium the browser tests launch: the headless shell, the full browser or the one
    CHROMIUM_PATH names (hooks/commands/chromium.py), so a run says what it tested in."""
    return f"chromium: {chromium_for_tests() or 'Playwright download'}"


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> Iterator[None]:
    """Every test that drives Chromium carries the `browser` marker, so `-m "not browser"` (make
    test-fast) never needs a browser, whether or not its file says so.

    Then, once the other plugins have run: under `--dist loadgroup`, pytest-xdist 3.8 puts a
    test's ``xdist_group`` into its id (``test_x@group``) through ``_nodeid``, a field pytest 9.2
    no longer reads (pytest-xdist issue 1386), so the groups would be dealt out test by test and
    each worker would build a group's site again. The id takes the group as xdist meant."""
    for item in items:
        if {"browser", "context", "page"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
    yield
    for item in items:
        grouped = getattr(item, "_nodeid", None)  # set by xdist on a worker, for grouped tests
        if grouped and grouped != item.nodeid:
            item._id = NodeId.parse(grouped)


def site_config(project_dir: Path | None = None) -> dict[str, Any]:
    """The project's mkdocs.yml as MkDocs reads it (tags resolved), before MkDocs' defaults."""
    from mkdocs.utils.yaml import yaml_load

    config_file = (project_dir or PROJECT_DIR) / "mkdocs.yml"
    with config_file.open(encoding="utf-8") as stream:
        return yaml_load(stream)


def site_nav(project_dir: Path | None = None) -> Any:
    """``nav`` of the project's mkdocs.yml, read as MkDocs reads it (tags resolved)."""
    return site_config(project_dir)["nav"]


def nav_pages(project_dir: Path | None = None) -> list[str]:
    """Page sources in the order of `nav` in mkdocs.yml, e.g. ["index.md", "guide/x.md", ...]."""
    return list(nav_sources(site_nav(project_dir)))


def project_catalogue(project_dir: Path | None = None) -> Catalogue:
    """The project's data as the build loads it, chapters in reading (nav) order: tests take
    counts, ids and titles from here instead of repeating today's content."""
    root = project_dir or PROJECT_DIR
    docs = root / "docs"
    return load_catalogue(root, docs, site_pages(site_nav(root), docs))


@dataclass(frozen=True)
class BuiltSite:
    site_dir: Path
    base_url: str  # e.g. http://127.0.0.1:PORT/some-prefix/
    build_log: str


# The publishing extras mkdocs.yml turns off with FULL_SITE=false, as `make serve` does: "last
# updated" dates from git, llms.txt and the print page. They hold no check of their own, and a
# build without them takes about half the time.
PREVIEW_ENV = {"FULL_SITE": "false"}


def run_mkdocs_build(
    project_dir: Path, site_dir: Path, site_url: str, *, full_site: bool = True
) -> subprocess.CompletedProcess[str]:
    """A strict build exactly as `make build` runs it (never with -q); with ``full_site=False``
    as `make serve` builds (PREVIEW_ENV): for tests of a mistake that must stop the build.
    Forked from the worker's build server (strict_build's ``preloaded``): the same build
    without importing MkDocs, Material and the plugins again each time."""
    env = None if full_site else PREVIEW_ENV
    return strict_build(project_dir, site_dir, site_url=site_url, env=env, preloaded=True)


def read_site(site_dir: Path) -> dict[str, BuiltPage]:
    """Every built HTML page of ``site_dir``, read once, by its site-relative name."""
    return {
        path.relative_to(site_dir).as_posix(): read_page(path.read_text(encoding="utf-8"))
        for path in sorted(site_dir.rglob("*.html"))
    }


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only under its sub-path (SUB_PATH unless told) and answers misses with
    the site's 404 page, as GitHub Pages does at any depth."""

    def __init__(self, *args: Any, prefix: str = SUB_PATH, **kwargs: Any) -> None:
        self.prefix = prefix  # set first: the base class handles the request while it starts
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return "/nonexistent"
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page_404 = Path(self.directory) / "404.html"
        if code == 404 and page_404.is_file():
            body = page_404.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def serve_directory(
    directory: Path,
    sock: socket.socket,
    prefix: str = SUB_PATH,
    handler_class: type[SubPathHandler] = SubPathHandler,
) -> http.server.ThreadingHTTPServer:
    """Serve ``directory`` under ``prefix`` ("/a/b/") on the bound socket ``sock``, in a
    thread, until the returned server's shutdown(); ``handler_class`` may answer some requests
    otherwise (a subclass of SubPathHandler)."""
    handler = functools.partial(handler_class, directory=str(directory), prefix=prefix)
    server = http.server.ThreadingHTTPServer(sock.getsockname(), handler, bind_and_activate=False)
    server.socket.close()
    server.socket = sock
    server.server_activate()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def free_socket() -> socket.socket:
    """A TCP socket bound to a free port on 127.0.0.1, not yet listening."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@contextlib.contextmanager
def served_elsewhere(site_dir: Path, prefix: str) -> Iterator[str]:
    """Serve a built ``site_dir`` under ``prefix`` ("/other/path/") on another free local port
    than the one it was built for, as a copy of the site served elsewhere is (another port, a
    sub-path, a downloaded artifact); yields the base URL. The server stops when the block ends."""
    sock = free_socket()
    server = serve_directory(site_dir, sock, prefix)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}{prefix}"
    finally:
        server.shutdown()


@contextlib.contextmanager
def served_build(project_dir: Path, site_dir: Path) -> Iterator[BuiltSite]:
    """Build ``project_dir`` strictly into ``site_dir`` for the address it is then served at,
    under SUB_PATH on a free local port, as GitHub Pages serves a project site; fails the test
    when the build fails. The server stops when the block ends."""
    sock = free_socket()
    base_url = f"http://127.0.0.1:{sock.getsockname()[1]}{SUB_PATH}"
    result = run_mkdocs_build(project_dir, site_dir, base_url)
    if result.returncode != 0:
        sock.close()
        pytest.fail(f"strict build failed:\n{result.stderr[-4000:]}")
    server = serve_directory(site_dir, sock)
    try:
        yield BuiltSite(site_dir=site_dir, base_url=base_url, build_log=result.stderr)
    finally:
        server.shutdown()


# A site already built from GUIDE_PROJECT_DIR (CONTRIBUTING's recipe tests build the copy once
# and judge that build), at the address it was built for: the build tests read it as it is.
PREBUILT_SITE_DIR = os.environ.get("GUIDE_SITE_DIR")
PREBUILT_SITE_URL = os.environ.get("GUIDE_SITE_URL", "")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """The project built strictly once per session (per xdist worker) and served under SUB_PATH;
    or, when GUIDE_SITE_DIR names a build of GUIDE_PROJECT_DIR made for GUIDE_SITE_URL, that
    build, unserved (only tests that read files may use it)."""
    if PREBUILT_SITE_DIR:
        yield BuiltSite(Path(PREBUILT_SITE_DIR), PREBUILT_SITE_URL, build_log="")
        return
    with served_build(PROJECT_DIR, tmp_path_factory.mktemp("site")) as site:
        yield site


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import Error, sync_playwright

    executable = chromium_for_tests()  # None: Playwright's own download, if there is one
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=executable, args=CHROMIUM_ARGS, headless=True
            )
        except Error as error:
            name = executable or "Playwright's own Chromium"
            pytest.fail(f"{name} did not start: {error}\n{INSTALL_HINT}", pytrace=False)
        yield browser
        browser.close()


@pytest.fixture
def context(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    yield context
    context.close()


@pytest.fixture
def page(context: object) -> object:
    return context.new_page()  # type: ignore[attr-defined]


COPIED_PATHS = (
    "mkdocs.yml",
    "data",
    "docs",
    "hooks",
    "overrides",
    "pyproject.toml",
    "manuscript",
    "published-links.json",
)


def copy_sources(source_dir: Path, target: Path) -> Path:
    """Copy what a build reads (COPIED_PATHS) from ``source_dir`` into a new folder ``target``."""
    target.mkdir(parents=True)
    for name in COPIED_PATHS:
        source = source_dir / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target


# What this checkout's builds have cached (the session's `built_site` among them): the social
# cards (hooks/output/social_cards.py, a file per card named from its text), Jinja's compiled
# templates (hooks/template_cache.py, each checked against its source's checksum) and the data
# files that passed validation (hooks/content/catalogue.py, by digest of file and schemas).
# A cache entry a copy's change makes stale is never used: its name or checksum differs.
BUILD_CACHES = ("social-cards", "jinja", "data-checks")


def copy_build_caches(project: Path) -> None:
    """Give a project copy what BUILD_CACHES hold so far, as a contributor's checkout has them
    after one build: its builds draw only the cards of pages that changed (drawing every card
    costs a full build about a quarter of its time), compile only changed templates and
    validate only changed data. A copy that tests the caches themselves starts without them."""
    for name in BUILD_CACHES:
        source = PROJECT_DIR / ".cache" / name
        if source.is_dir():
            # Finished entries only: a build writes a temporary file (.tmp), then renames it.
            shutil.copytree(
                source,
                project / ".cache" / name,
                ignore=shutil.ignore_patterns("*.tmp"),
                dirs_exist_ok=True,
            )


def copy_project(target: Path, *, build_caches: bool = True) -> Path:
    """Copy this project's sources into ``target``, a folder that must not exist yet, with the
    build caches this checkout has so far unless ``build_caches`` is false (copy_build_caches)."""
    project = copy_sources(PROJECT_DIR, target)
    if build_caches:
        copy_build_caches(project)
    return project


def committed_copy(source_dir: Path, target: Path) -> Path:
    """A copy of ``source_dir``'s sources as a fresh one-commit git checkout, as a clone is.

    "Last updated" dates come from git history, and from the clock for files git does not
    track; builds of this copy read history only, whether or not ``source_dir`` has
    uncommitted or untracked files."""
    from benchmarks.project import init_git

    init_git(copy_sources(source_dir, target))
    return target


class CommittedBuilds:
    """A one-commit copy of a project (see committed_copy) and its strict builds for
    https://example.org/guide/ at the commit's SOURCE_DATE_EPOCH, each made once, on first use:
    the reproducibility and the engine tests compare the same builds instead of making their own.
    Each build is a new process, as `make build` starts one, unless made ``preloaded``.
    """

    def __init__(self, source_dir: Path, root: Path) -> None:
        self.project = committed_copy(source_dir, root / "commit")
        self.root = root
        epoch = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=self.project,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        self.env = {"SITE_URL": "https://example.org/guide/", "SOURCE_DATE_EPOCH": epoch}
        self._sites: dict[str, Path] = {}
        self._last_end = 0.0

    def site(self, name: str, engine: str = "mkdocs", *, preloaded: bool = False) -> Path:
        """The site folder of the build called ``name`` (by ``engine``, forked from the build
        server if ``preloaded``: see strict_build); fails the test if the build fails. Builds
        start at least a second apart: a date taken from the clock would differ between them."""
        if name not in self._sites:
            time.sleep(max(0.0, self._last_end + 1 - time.monotonic()))
            site_dir = self.root / name
            result = strict_build(
                self.project, site_dir, env=self.env, engine=engine, preloaded=preloaded
            )
            self._last_end = time.monotonic()
            if result.returncode != 0:
                pytest.fail(f"{engine} build {name!r} failed:\n{result.stderr[-3000:]}")
            self._sites[name] = site_dir
        return self._sites[name]


@pytest.fixture(scope="session")
def committed_builds(tmp_path_factory: pytest.TempPathFactory) -> CommittedBuilds:
    """This project's CommittedBuilds (its tests share an xdist group: one worker builds)."""
    return CommittedBuilds(PROJECT_DIR, tmp_path_factory.mktemp("committed"))


@pytest.fixture(scope="session")
def committed_builds_with_new_chapter(tmp_path_factory: pytest.TempPathFactory) -> CommittedBuilds:
    """CommittedBuilds of a project copy with a chapter added as a contributor adds one."""
    root = tmp_path_factory.mktemp("committed-new-chapter")
    project = copy_sources(PROJECT_DIR, root / "project")
    add_uncommitted_chapter(project)
    return CommittedBuilds(project, root)


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the project's sources that a test may break on purpose."""
    return copy_project(tmp_path / "project")


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    """Edit a file in a project copy; fails loudly if the text to replace is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def add_chapter(project: Path, slug: str, title: str, text: str) -> Path:
    """Add a chapter to a project copy as CONTRIBUTING says: ``docs/guide/<slug>.md`` with a
    description, its title and ``text``, listed in nav after the last chapter; returns the page."""
    page = project / "docs" / "guide" / f"{slug}.md"
    page.write_text(
        f"---\ndescription: A chapter added as CONTRIBUTING says.\n---\n\n# {title}\n\n{text}\n",
        encoding="utf-8",
    )
    last_chapter = [source for source in nav_pages(project) if source.startswith("guide/")][-1]
    replace_in(
        project / "mkdocs.yml",
        f"\n      - {last_chapter}\n",
        f"\n      - {last_chapter}\n      - guide/{slug}.md\n",
    )
    return page


def add_uncommitted_chapter(project: Path) -> None:
    """Add a chapter to a project copy (page and nav entry) as a contributor does before their
    first commit: git has never seen the file."""
    add_chapter(project, "uncommitted", "Uncommitted", "Text.")


def add_revisions(data_file: Path, item_id: str, *revisions: dict[str, object]) -> None:
    """Give the checklist item or framework task ``item_id`` of a project copy's data file
    these ``revisions`` entries (date, summary, maybe minor), written under its id as a
    contributor writes them, dates unquoted; replaces the entries an earlier call wrote."""
    text = data_file.read_text(encoding="utf-8")
    pattern = re.compile(
        rf"^( *)- id: {re.escape(item_id)}\n(?:\1  revisions:\n(?:\1    .*\n)*)?", re.M
    )
    match = pattern.search(text)
    assert match, f"no item {item_id!r} in {data_file}"
    indent = match.group(1)
    block = [f"{indent}- id: {item_id}", f"{indent}  revisions:"]
    for revision in revisions:
        block.append(f"{indent}    - date: {revision['date']}")
        if "summary" in revision:
            block.append(f"{indent}      summary: {json.dumps(revision['summary'])}")
        if revision.get("minor"):
            block.append(f"{indent}      minor: true")
    new = "\n".join(block) + "\n"
    data_file.write_text(text[: match.start()] + new + text[match.end() :], encoding="utf-8")
