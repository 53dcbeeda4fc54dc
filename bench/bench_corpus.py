"""Batch over a corpus of every council: one process against one process per statement.

Builds a temporary corpus of the ILACS PDFs in ``../shared/reports/ilacs`` (linked, not
copied), one generated statement about each council, and times:

- ``claimcheck batch --corpus DIR`` in one process, cold (empty cache: every report read
  and indexed, in this process with ``--jobs 1`` and in a pool of one process per core)
  and warm (every index from the cache), best of ``--runs``;
- the baseline, measured in the same run: one ``claimcheck check --report PDF`` process per
  statement, warm, as a batch over many councils had to be run before ``--corpus``; timed
  on ``--sample`` statements and scaled to all of them.

Usage: python bench/bench_corpus.py [--runs 3] [--sample 12]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT.parent / "shared" / "reports" / "ilacs"


def _place(source: Path, target: Path) -> None:
    """The report inside the corpus folder (a manifest's paths may not leave it): a hard
    link where the file system allows one, else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy(source, target)


def claimcheck() -> list[str]:
    """The installed console script beside this Python, else the module."""
    beside = Path(sys.executable).parent / "claimcheck"
    return [str(beside)] if beside.exists() else [
        sys.executable, "-c", "from claimcheck.cli import main; main()"]


def build(folder: Path) -> list[tuple[str, Path, str]]:
    """Write the corpus: a link to every report, one statement each, and the manifest."""
    from claimcheck import councils

    entries = []
    lines = []
    for pdf in sorted(REPORTS.glob("*.pdf")):
        stem = pdf.stem
        slug = stem[:-11]
        name = councils.name_of(slug)
        _place(pdf, folder / pdf.name)
        statement = folder / f"{stem}-statement.txt"
        text = (f"Ofsted rated {name} children's services good overall. Care leavers in "
                f"{name} get the support they need from their personal advisers. We thank "
                "our staff for their hard work.\n")
        statement.write_text(text, encoding="utf-8")
        entries.append((stem, pdf, text))
        lines += [
            "[[document]]", f'id = "{stem}"', 'kind = "report"', f'path = "{pdf.name}"',
            'publisher = "Ofsted"', f'date = "{stem[-10:]}"', "",
            "[[document]]", f'id = "{stem}-statement"', 'kind = "statement"',
            f'about = "{stem}"', f'path = "{statement.name}"', f'title = "{name} statement"',
            "",
        ]
    (folder / "manifest.toml").write_text("\n".join(lines), encoding="utf-8")
    return entries


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])}... failed: {done.stderr[-400:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sample", type=int, default=12)
    args = parser.parse_args()
    if not REPORTS.is_dir():
        print(f"skipped: needs the ILACS PDFs in {REPORTS}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder, cache = Path(tmp) / "corpus", Path(tmp) / "cache"
        folder.mkdir()
        entries = build(folder)
        env = {**os.environ, "CLAIMCHECK_CACHE": str(cache)}
        batch = [*claimcheck(), "batch", "--corpus", str(folder), "--quiet",
                 "--format", "jsonl", "--out", str(Path(tmp) / "verdicts.jsonl")]
        colds, serial = [], []
        for _ in range(args.runs):
            shutil.rmtree(cache, ignore_errors=True)
            serial.append(timed([*batch, "--jobs", "1"], env))
            shutil.rmtree(cache, ignore_errors=True)
            colds.append(timed(batch, env))
        warms = [timed(batch, env) for _ in range(args.runs)]
        records = (Path(tmp) / "verdicts.jsonl").read_text(encoding="utf-8").count("\n")
        step = max(1, len(entries) // args.sample)
        sample = entries[::step][: args.sample]
        each = [timed([*claimcheck(), "check", "--report", str(pdf), "--format", "jsonl", text],
                      env) for _, pdf, text in sample]
        baseline = sum(each) / len(each) * len(entries)
    cores = os.cpu_count()
    print(f"corpus: {len(entries)} reports, {len(entries)} statements, {records} sentences; "
          f"{cores} cores")
    print(f"batch --corpus, cold cache, --jobs 1    : best {min(serial):6.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in serial)})")
    print(f"{f'batch --corpus, cold cache, pool of {cores}':39} : best {min(colds):6.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in colds)})")
    print(f"batch --corpus, one process, warm cache : best {min(warms):6.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in warms)})")
    print(f"baseline, one check process a statement : {baseline:6.2f} s warm "
          f"({sum(each) / len(each):.2f} s each, {len(sample)} timed, scaled to {len(entries)})")
    print(f"ratio baseline / batch warm             : {baseline / min(warms):6.1f}x")
    print(f"target < 10 s warm                      : {'met' if min(warms) < 10 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
