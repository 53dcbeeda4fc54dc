"""The batch progress bar: shown on a terminal, never when piped or with --quiet."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "src" / "claimcheck" / "bundled" / "harrow-2025"
STATEMENTS = [CORPUS / "council-press-release.txt", CORPUS / "local-news-report.txt"]
# The console script installed beside this interpreter (the test venv), else on PATH.
_BESIDE = Path(sys.executable).with_name("claimcheck")
EXE = _BESIDE if _BESIDE.exists() else shutil.which("claimcheck")


def _batch_stderr(tmp_path: Path, *args: str, tty: bool) -> str:
    """Run `claimcheck batch` as a real process, stderr on a pseudo-terminal or a pipe."""
    env = dict(os.environ, CLAIMCHECK_CACHE=str(tmp_path / "cache"), COLUMNS="100")
    command = [str(EXE), "batch", *map(str, STATEMENTS), "--format", "jsonl", *args]
    if not tty:
        run = subprocess.run(command, capture_output=True, env=env, timeout=120, check=True)
        return run.stderr.decode()
    leader, follower = pty.openpty()
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=follower, env=env) as proc:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the follower closed: the process has finished writing
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert proc.wait(timeout=120) == 0
    os.close(leader)
    return b"".join(chunks).decode(errors="replace")


pytestmark = pytest.mark.skipif(EXE is None, reason="the claimcheck console script is not on PATH")


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    assert "Checking statements" in _batch_stderr(tmp_path, tty=True)


def test_no_progress_bar_when_quiet(tmp_path: Path) -> None:
    assert "Checking statements" not in _batch_stderr(tmp_path, "--quiet", tty=True)


def test_no_progress_bar_when_piped(tmp_path: Path) -> None:
    assert _batch_stderr(tmp_path, tty=False) == ""
