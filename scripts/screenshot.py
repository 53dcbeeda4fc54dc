"""Render the bundled corpus to HTML with the CLI and screenshot it for the README.

Usage (from the project folder, with the package installed)::

    python scripts/screenshot.py                       # writes docs/harrow-report.png
    python scripts/screenshot.py --keep-html report.html -- --quiet

Arguments after ``--`` go to ``claimcheck batch``. Needs headless Chromium
(``apt-get install -y chromium``); nothing is fetched from the network.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from claimcheck.render import browser

ROOT = Path(__file__).resolve().parent.parent


def claimcheck_command() -> list[str]:
    """The installed ``claimcheck`` script beside this Python, else the one on PATH."""
    beside = Path(sys.executable).parent / "claimcheck"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("claimcheck")
    if found:
        return [found]
    return [sys.executable, "-c", "from claimcheck.cli import main; main()"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "harrow-report.png")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=1600)
    parser.add_argument("--chromium", help="path to the chromium binary")
    parser.add_argument("--keep-html", type=Path, help="also keep the rendered page here")
    parser.add_argument("batch_args", nargs="*", help="extra arguments for claimcheck batch")
    args = parser.parse_args(argv)
    chromium = args.chromium or browser.find()
    if not chromium:
        raise SystemExit("screenshot: chromium not found; install it (apt-get install -y chromium)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "harrow-report.html"
        command = [
            *claimcheck_command(),
            "batch",
            *args.batch_args,
            "--format",
            "html",
            "--out",
            str(html),
        ]
        subprocess.run(command, check=True, cwd=ROOT)
        if args.keep_html:
            shutil.copyfile(html, args.keep_html)
        shot = browser.run(chromium, Path(tmp) / "profile", f"--screenshot={args.out}",
                           f"--window-size={args.width},{args.height}", html.as_uri())
        if shot.returncode != 0:
            raise SystemExit(f"screenshot: chromium failed: {shot.stderr.decode()[-300:]}")
    if not args.out.exists():
        raise SystemExit(f"screenshot: chromium wrote no {args.out}")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
