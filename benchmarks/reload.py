"""Edit-to-reload latency of `make serve`: time from saving a page until the browser shows it."""

from __future__ import annotations

import os
import shlex
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

from benchmarks.project import PROJECT_DIR, chrome_path, copy_project
from hooks.commands.build import QUIET_BANNER_ENV

EDITED_PAGE = "guide/final-thoughts.md"


@dataclass
class ReloadResult:
    command: str
    seconds: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_served(url: str, server: subprocess.Popen[bytes], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise TimeoutError(f"mkdocs serve did not answer at {url}")


def serve_command(project: Path, port: int) -> tuple[list[str], dict[str, str]]:
    """`make serve`'s command and variables, read with `make -n` so the benchmark follows the
    project's Makefile (run where its prerequisites are up to date); the port is swapped for a
    free one."""
    dry_run = subprocess.run(
        ["make", "-s", "-n", "-f", str(project / "Makefile"), "serve"],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in dry_run.stdout.splitlines() if "mkdocs serve" in line)
    words = shlex.split(line)
    variables = {}
    while "=" in words[0]:
        name, _, value = words.pop(0).partition("=")
        variables[name] = value
    command = [sys.executable, "-m", "mkdocs", *words[1:]]  # words[0] is the venv's mkdocs
    if "--dev-addr" in command:
        command[command.index("--dev-addr") + 1] = f"127.0.0.1:{port}"
    else:
        command += ["--dev-addr", f"127.0.0.1:{port}"]
    return command, variables


def measure(tmp: Path, source: Path, edits: int = 5) -> ReloadResult:
    """Run `mkdocs serve` as `make serve` does on a copy of the project (from ``source``), save
    ``edits`` changes to one page and time each until the browser shows it. (``--dirty`` is no
    option: MkDocs warns on dirty builds, which aborts a strict build.)"""
    from playwright.sync_api import sync_playwright

    project = copy_project(tmp / "reload", source=source)
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}/"
    command, variables = serve_command(project, port)
    env = {**os.environ, **QUIET_BANNER_ENV, **variables, "SITE_URL": base_url}
    server = subprocess.Popen(
        command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    seconds = []
    try:
        page_url = base_url + EDITED_PAGE.removesuffix(".md") + "/"
        _wait_until_served(page_url, server)
        page_file = project / "docs" / EDITED_PAGE
        original = page_file.read_text(encoding="utf-8")
        chrome = chrome_path()  # may start Playwright's driver: not inside the one below
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chrome, args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page()
            page.goto(page_url)
            for _ in range(edits):
                time.sleep(1.5)  # let the previous reload settle and the watcher go quiet
                marker = f"Edited {uuid.uuid4().hex}"
                start = time.perf_counter()
                page_file.write_text(f"{original}\n{marker}\n", encoding="utf-8")
                page.get_by_text(marker).wait_for(timeout=120_000)
                seconds.append(time.perf_counter() - start)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    shown = [*(f"{name}={value}" for name, value in variables.items()), "mkdocs", *command[3:]]
    return ReloadResult(" ".join(shown).replace(f"127.0.0.1:{port}", "127.0.0.1:PORT"), seconds)
