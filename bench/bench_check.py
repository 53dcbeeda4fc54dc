"""Speed of `claimcheck check` and `batch`, against a plain-BM25 baseline in the same run.

Prints medians; asserts nothing. Run: python bench/bench_check.py [--runs N]

- check (process): wall time of the `claimcheck` console script on one statement, warm cache
  (what a journalist waits for), against the time of `python -c pass` (interpreter start).
- batch (in process): every statement of the bundled corpus, sentences split, evidence
  retrieved and verdicts decided, against the baseline: the same sentences ranked by plain
  BM25 over the units (no synonyms, fuzzy alignment or verdict rules).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from claimcheck import check, corpus, extract, retrieve, text
from claimcheck.lexicon import default

STATEMENT = "Harrow was rated good for leadership, but every care leaver now has a worker."


def _median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _plain_bm25(index: retrieve.Index, sentences: list[str]) -> None:
    """The baseline: rank units by BM25 on lower-cased word tokens, nothing else."""
    docs = [Counter(t.norm for t in text.words(u.unit.text)) for u in index.units]
    for sentence in sentences:
        query = [t.norm for t in text.words(sentence)]
        max(range(len(docs)), key=lambda i: sum(docs[i].get(q, 0) for q in query))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    cache = tempfile.mkdtemp(prefix="claimcheck-bench-")
    os.environ[check.CACHE_ENV] = cache
    exe = shutil.which("claimcheck") or str(Path(sys.executable).with_name("claimcheck"))
    env = dict(os.environ)
    subprocess.run([exe, "check", STATEMENT], capture_output=True, check=True, env=env)
    cli = _median_ms(lambda: subprocess.run([exe, "check", STATEMENT], capture_output=True,
                                            check=True, env=env), runs)
    python = _median_ms(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), runs)
    print(f"check, process, warm cache : median {cli:7.1f} ms  "
          f"({cli / python:.1f}x a bare python start of {python:.1f} ms)")
    whole = _median_ms(lambda: subprocess.run([exe, "batch", "--format", "jsonl"],
                                              capture_output=True, check=True, env=env), runs)
    print(f"batch, process, warm cache : median {whole:7.1f} ms for the bundled corpus")

    config = check.Config()
    checker = check.Checker(config)
    docs = corpus.load().statements()
    path, doc = check.default_report(config)
    index = checker.index(path, doc)
    sentences = [s.claim or s.text for d in docs for s in extract.sentences(d, default())
                 if s.checkworthy]
    full = _median_ms(lambda: check.batch([], config), runs)
    base = _median_ms(lambda: _plain_bm25(index, sentences), runs)
    print(f"batch, bundled corpus      : median {full:7.1f} ms for {len(docs)} statements, "
          f"{len(sentences)} checkworthy sentences")
    print(f"baseline, plain BM25 top-1 : median {base:7.1f} ms  (claimcheck is {full / base:.1f}x "
          "the baseline: the price of synonyms, alignment and verdict rules)")
    shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
