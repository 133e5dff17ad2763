"""The Chromium that browser tests and benchmarks drive (through Playwright and Lighthouse)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Where Chromium comes from, for the message when none is found or none starts: Debian's package
# works with Playwright as it is; Ubuntu's `chromium` is a snap that Playwright often cannot
# drive (its confinement keeps it from the profile and pipes Playwright sets up), so Ubuntu and
# macOS use Playwright's own build.
INSTALL_HINT = (
    "no Chromium that Playwright can drive: on Debian `sudo apt-get install chromium "
    "chromium-headless-shell`; on Ubuntu "
    "(whose chromium is a snap), macOS and elsewhere `.venv/bin/python -m playwright install "
    "chromium` (downloads Playwright's own build); or set CHROMIUM_PATH to a Chromium or Chrome "
    "binary"
)


def is_snap(path: str) -> bool:
    """Whether ``path`` starts Chromium through snap: a link into /snap or to the snap command,
    or a shell script that runs it (Ubuntu's /usr/bin/chromium-browser)."""
    real = os.path.realpath(path)
    if real.startswith("/snap/") or os.path.basename(real) == "snap":
        return True
    try:
        with open(real, "rb") as binary:
            head = binary.read(4096)
    except OSError:
        return False
    return head.startswith(b"#!") and b"snap" in head


def playwright_chromium() -> str | None:
    """The path of Playwright's own Chromium (`playwright install chromium`), None when it is not
    downloaded or Playwright is not installed. Starts Playwright's driver: call it outside a
    running ``sync_playwright()``."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # the test and benchmark extras are not installed
        return None
    with sync_playwright() as playwright:
        path = playwright.chromium.executable_path
    return path if Path(path).is_file() else None


# Debian's build of Chromium's headless shell (package chromium-headless-shell): the same Blink
# and V8 as the browser without its windowing layer, the build Playwright's own download uses for
# headless runs. Measured on 2 cores: the suite's browser test files took 348 worker-seconds with
# it and 736 with the full browser (axe alone, mostly JavaScript, took the same time in both).
HEADLESS_SHELL = "chromium-headless-shell"


def chromium_executable() -> str | None:
    """The path of the Chromium to launch: CHROMIUM_PATH (or CHROME_PATH) when set, else the
    first of ``chromium``, ``chromium-browser``, ``google-chrome`` on PATH that is not a snap;
    None when there is none, which makes Playwright launch its own download if it has one
    (``playwright_chromium`` gives its path to tools that need one, such as Lighthouse)."""
    override = os.environ.get("CHROMIUM_PATH") or os.environ.get("CHROME_PATH")
    if override:
        return override
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found and not is_snap(found):
            return found
    return None


def chromium_for_tests() -> str | None:
    """The path of the Chromium the browser tests launch: CHROMIUM_PATH (or CHROME_PATH) when
    set, else Debian's headless shell (HEADLESS_SHELL) when it is on PATH, else what
    chromium_executable finds. Benchmarks keep the full browser, which readers run."""
    if os.environ.get("CHROMIUM_PATH") or os.environ.get("CHROME_PATH"):
        return chromium_executable()
    return shutil.which(HEADLESS_SHELL) or chromium_executable()
