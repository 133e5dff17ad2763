"""The Chromium that browser tests and benchmarks drive (through Playwright and Lighthouse)."""

from __future__ import annotations

import os
import shutil

# Where Chromium comes from, for the message when none is found: Debian's package works with
# Playwright as it is; Ubuntu's `chromium` is a snap that Playwright often cannot drive.
INSTALL_HINT = (
    "no Chromium found: on Debian `sudo apt-get install chromium`; on Ubuntu, macOS and elsewhere "
    "`.venv/bin/python -m playwright install chromium` (downloads Playwright's own build); or "
    "set CHROMIUM_PATH to a Chromium or Chrome binary"
)


def chromium_executable() -> str | None:
    """The path of the Chromium to launch: CHROMIUM_PATH (or CHROME_PATH) when set, else the
    first of ``chromium``, ``chromium-browser``, ``google-chrome`` on PATH; None when there is
    none, which makes Playwright use its own downloaded build if it has one."""
    override = os.environ.get("CHROMIUM_PATH") or os.environ.get("CHROME_PATH")
    if override:
        return override
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None
