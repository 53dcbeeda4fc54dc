"""Time loading the lexical relations: wordnet.toml and valence.toml parsed, then built.

Prints the best of N cold loads (the files read and parsed with tomllib, as
``claimcheck.lexicon.builtin`` does, and the lookups built by ``Relations``), and each
as a multiple of parsing polarity.toml in the same run, the baseline. Figures only:
nothing here asserts a time.

    python bench/bench_relations.py [--repeat N]
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable

from claimcheck import lexicon
from claimcheck.lexicon import Lexicons
from claimcheck.relations import Relations, _build


def _parse(name: str) -> Callable[[], object]:
    def run() -> object:
        lexicon.builtin.cache_clear()
        return lexicon.builtin(name)
    return run


def _relations() -> object:
    lexicon.builtin.cache_clear()
    _build.cache_clear()
    return Relations.from_lexicons(Lexicons())


def _best_ms(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs of each; the best counts")
    args = parser.parse_args()
    base = _best_ms(_parse("polarity"), args.repeat)
    rows = [
        ("polarity.toml parsed (baseline)", base),
        ("wordnet.toml parsed", _best_ms(_parse("wordnet"), args.repeat)),
        ("valence.toml parsed", _best_ms(_parse("valence"), args.repeat)),
        ("Relations built (both parsed)", _best_ms(_relations, args.repeat)),
    ]
    print(f"best of {args.repeat} cold loads")
    print(f"{'':34}{'ms':>8}{'x polarity':>12}")
    for name, ms in rows:
        print(f"{name:34}{ms:8.1f}{ms / base:12.0f}")


if __name__ == "__main__":
    main()
