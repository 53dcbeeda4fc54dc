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
import math
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from timing import median_ms

from claimcheck import check, corpus, extract, retrieve, text
from claimcheck.lexicon import default

STATEMENT = "Harrow was rated good for leadership, but every care leaver now has a worker."




class PlainBM25:
    """The baseline: BM25 (k1 1.2, b 0.75) on lower-cased word tokens, indexed once, as
    claimcheck's index is: no lemmas, synonyms, priors, alignment or verdict rules."""

    def __init__(self, index: retrieve.Index) -> None:
        self.docs = [Counter(t.norm for t in text.words(u.unit.text)) for u in index.units]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.avg = sum(self.lengths) / len(self.docs)
        df = Counter(term for d in self.docs for term in d)
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def top(self, sentence: str) -> int:
        query = {t.norm for t in text.words(sentence)} & self.idf.keys()

        def score(i: int) -> float:
            norm = 1.2 * (0.25 + 0.75 * self.lengths[i] / self.avg)
            return sum(self.idf[q] * self.docs[i][q] * 2.2 / (self.docs[i][q] + norm)
                       for q in query if q in self.docs[i])

        return max(range(len(self.docs)), key=score)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    cache = tempfile.mkdtemp(prefix="claimcheck-bench-")
    os.environ[check.CACHE_ENV] = cache
    # the script of the interpreter running this benchmark, not another copy on PATH
    beside = Path(sys.executable).with_name("claimcheck")
    exe = str(beside) if beside.exists() else shutil.which("claimcheck") or "claimcheck"
    env = dict(os.environ)
    subprocess.run([exe, "check", STATEMENT], capture_output=True, check=True, env=env)
    cli = median_ms(lambda: subprocess.run([exe, "check", STATEMENT], capture_output=True,
                                            check=True, env=env), runs)
    python = median_ms(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), runs)
    print(f"check, process, warm cache : median {cli:7.1f} ms  "
          f"({cli / python:.1f}x a bare python start of {python:.1f} ms)")
    whole = median_ms(lambda: subprocess.run([exe, "batch", "--format", "jsonl"],
                                              capture_output=True, check=True, env=env), runs)
    print(f"batch, process, warm cache : median {whole:7.1f} ms for the bundled corpus")

    config = check.Config()
    checker = check.Checker(config)
    docs = corpus.load().statements()
    path, doc = check.default_report(config)
    index = checker.index(path, doc)
    sentences = [s.claim or s.text for d in docs for s in extract.sentences(d, default())
                 if s.checkworthy]
    full = median_ms(lambda: check.batch([], config), runs)
    baseline = PlainBM25(index)
    base = median_ms(lambda: [baseline.top(s) for s in sentences], runs)
    print(f"batch, bundled corpus      : median {full:7.1f} ms for {len(docs)} statements, "
          f"{len(sentences)} checkworthy sentences")
    print(f"baseline, plain BM25 top-1 : median {base:7.1f} ms  (claimcheck is {full / base:.1f}x "
          "the baseline: the price of synonyms, alignment and verdict rules)")
    shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
