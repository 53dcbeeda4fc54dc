"""Headless Chromium for the HTML page: a screenshot or a PDF, offline.

Used by ``scripts/screenshot.py`` (the README's picture) and the browser tests. The
flags keep Chromium off the network and out of the user's profile; as root it needs
``--no-sandbox``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def find() -> str | None:
    """The Chromium executable (Debian's package), or None when it is not installed."""
    candidates = ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"))
    return next((p for p in candidates if p and os.access(p, os.X_OK)), None)


def run(
    browser: str, profile: Path, *args: str, timeout: float = 120
) -> subprocess.CompletedProcess[bytes]:
    """Run headless Chromium with a fresh profile folder and ``args``."""
    command = [browser, *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, timeout=timeout, check=False)
