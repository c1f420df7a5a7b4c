"""Headless Chromium (Debian's ``chromium``) for rendering report pages: shared by the browser
test and the screenshot script, so the README's picture is made by the tested machinery."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

# No network, no first-run or background services: the machine's network is closed.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def find_chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    browser = find_chromium()
    if browser is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout)


def dump_dom(page: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The DOM Chromium builds from ``page`` (stdout), after loading it."""
    return _run(["--dump-dom", page.resolve().as_uri()], timeout)


def screenshot(page: Path, png: Path, width: int = 1200, height: int = 1600,
               timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """A PNG of the top ``width`` × ``height`` pixels of ``page``."""
    return _run([f"--screenshot={png.resolve()}", f"--window-size={width},{height}", page.resolve().as_uri()], timeout)
