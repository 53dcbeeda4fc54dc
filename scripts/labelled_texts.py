"""The texts the generated lexicons and the lexicon audit are measured on.

The 152 ILACS reports in ``../shared/reports/ilacs`` and every labelled claim: the sets in
``claims/*.jsonl`` (fields ``claim`` and ``quote``), the council sets in
``../shared/eval/councils/*/claims.jsonl`` (``text``) and the seed quotes in
``../shared/eval/seed-claims.jsonl`` (``quote``). ``../shared`` sits beside the project;
without it these functions raise :class:`MissingShared`, so a script can say so and stop.
"""

from __future__ import annotations

import json
from pathlib import Path

from claimcheck.reader import source_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REPORTS = SHARED / "reports" / "ilacs"
CLAIM_FIELDS = ("text", "claim", "quote")


class MissingShared(Exception):
    """``../shared`` (reports and council claim sets) is not beside the project."""


def _require(path: Path) -> Path:
    if not path.exists():
        raise MissingShared(
            f"{path} not found: this script reads the shared reports and claim sets in "
            f"{SHARED}; check out ../shared beside the project and run it again")
    return path


def report_paths() -> list[Path]:
    """The ILACS report PDFs, sorted by name."""
    paths = sorted(_require(REPORTS).glob("*.pdf"))
    if not paths:
        raise MissingShared(f"no report PDFs in {REPORTS}")
    return paths


def report_texts() -> dict[str, str]:
    """Each report's text as ``claimcheck.reader.source_text`` extracts it, by file name."""
    return {path.name: source_text(path) for path in report_paths()}


def claim_files() -> list[Path]:
    """Every labelled claim file: the project's sets, the council sets and the seed quotes."""
    councils = sorted(_require(SHARED / "eval" / "councils").glob("*/claims.jsonl"))
    seeds = _require(SHARED / "eval" / "seed-claims.jsonl")
    return sorted((ROOT / "claims").glob("*.jsonl")) + councils + [seeds]


def claim_texts() -> list[tuple[str, str]]:
    """``(claim id, text)`` for every labelled claim; a claim with a quote and a different
    claim text gives the two joined, so it counts once."""
    out = []
    for path in claim_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            seen: list[str] = []
            for field in CLAIM_FIELDS:
                value = record.get(field)
                if isinstance(value, str) and value and value not in seen:
                    seen.append(value)
            out.append((f"{path.parent.name}/{path.name}:{record.get('id', '')}", "\n".join(seen)))
    return out
