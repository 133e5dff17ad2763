"""Which Chromium the browser tests launch, and what they say when there is none."""

from __future__ import annotations

import stat

import pytest

from hooks.commands import chromium


def executable(path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


@pytest.fixture
def bin_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.delenv("CHROME_PATH", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    return tmp_path


def test_ubuntus_snap_wrapper_is_passed_over(bin_dir):
    # Ubuntu's chromium-browser package is a script that runs the snap.
    executable(bin_dir / "chromium-browser", '#! /bin/sh\nexec /snap/bin/chromium "$@"\n')
    chrome = executable(bin_dir / "google-chrome", "\x7fELF binary")
    assert chromium.chromium_executable() == chrome


def test_a_link_to_the_snap_command_is_a_snap(bin_dir):
    snap = executable(bin_dir / "snap", "\x7fELF binary")
    (bin_dir / "chromium").symlink_to(snap)
    assert chromium.is_snap(str(bin_dir / "chromium"))
    assert chromium.chromium_executable() is None


def test_none_leaves_the_choice_to_playwright(bin_dir):
    # Playwright then launches its own download (`playwright install chromium`).
    executable(bin_dir / "chromium", '#!/bin/sh\nexec snap run chromium "$@"\n')
    assert chromium.chromium_executable() is None


def test_chromium_path_wins(bin_dir, monkeypatch):
    executable(bin_dir / "chromium", "\x7fELF binary")
    monkeypatch.setenv("CHROMIUM_PATH", "/opt/chrome/chrome")
    assert chromium.chromium_executable() == "/opt/chrome/chrome"


def test_the_hint_names_a_way_for_debian_ubuntu_and_macos():
    assert "apt-get install chromium" in chromium.INSTALL_HINT
    assert "Ubuntu" in chromium.INSTALL_HINT and "macOS" in chromium.INSTALL_HINT
    assert "playwright install chromium" in chromium.INSTALL_HINT


def test_browser_tests_prefer_debians_headless_shell(bin_dir):
    executable(bin_dir / "chromium", "\x7fELF binary")
    assert chromium.chromium_for_tests() == str(bin_dir / "chromium")
    shell = executable(bin_dir / chromium.HEADLESS_SHELL, "\x7fELF binary")
    assert chromium.chromium_for_tests() == shell
    # Benchmarks measure what readers run: the full browser.
    assert chromium.chromium_executable() == str(bin_dir / "chromium")


def test_chromium_path_wins_over_the_headless_shell(bin_dir, monkeypatch):
    executable(bin_dir / chromium.HEADLESS_SHELL, "\x7fELF binary")
    monkeypatch.setenv("CHROMIUM_PATH", "/opt/chrome/chrome")
    assert chromium.chromium_for_tests() == "/opt/chrome/chrome"
