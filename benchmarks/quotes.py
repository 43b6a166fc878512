"""Benchmark: quote extraction + attribution + source resolution on the generated corpus.

Prints articles per second (CPU time of this process, one core, and wall time), split into
the sentence segmentation newskit.text.sentences does (NLTK Punkt, needed once per article
for the ``sentence`` index) and the quote work itself, plus peak memory (tracemalloc) and
the ratio to the issue's goal of 1,000 articles/s.  Run: .venv/bin/python benchmarks/quotes.py
"""

from __future__ import annotations

import resource
import sys
import time
import tracemalloc

from _corpus import generated_articles

from newskit.quotes import _extract_resolved, extract_quotes
from newskit.sources import load_actors
from newskit.text import sentences

GOAL = 1000.0  # articles per second (issue 4)


def timed(fn, items):
    w0, c0 = time.perf_counter(), time.process_time()
    out = [fn(x) for x in items]
    return out, time.perf_counter() - w0, time.process_time() - c0


def main() -> int:
    arts = generated_articles(2000)
    n = len(arts)
    words = sum(len(a.split()) for a in arts)
    table = load_actors()
    _extract_resolved(arts[0], False, table)  # warm caches (resources, regexes)
    print(f"corpus: {n} generated articles, {words / n:.0f} words each on average")

    sents, sw, sc = timed(sentences, arts)
    pairs = list(zip(arts, sents))
    quotes, qw, qc = timed(lambda p: _extract_resolved(p[0], False, table, p[1]), pairs)
    _, ew, ec = timed(lambda a: _extract_resolved(a, False, table), arts)
    _, xw, xc = timed(lambda p: extract_quotes(p[0], sentences=p[1]), pairs)
    total = sum(len(q) for q in quotes)
    print(f"quotes found: {total} ({total / n:.1f} per article)")
    rows = [
        ("sentence segmentation (newskit.text.sentences)", sw, sc),
        ("extraction + attribution (no actor table)", xw, xc),
        ("extraction + attribution + sources", qw, qc),
        ("end to end: sentences + extraction + sources", ew, ec),
    ]
    print(f"{'stage':50s} {'articles/s (cpu)':>17s} {'articles/s (wall)':>18s} {'ms/article':>11s} {'vs goal':>8s}")
    for name, wall, cpu in rows:
        print(f"{name:50s} {n / cpu:17.0f} {n / wall:18.0f} {1000 * cpu / n:11.3f} {n / cpu / GOAL:7.2f}x")
    share = sc / ec if ec else 0.0
    print(f"sentence segmentation is {share:.0%} of the end-to-end CPU time")

    tracemalloc.start()
    for a, s in pairs[:500]:
        _extract_resolved(a, False, table, s)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak traced memory while extracting (500 articles, one at a time): {peak / 1e6:.2f} MB; "
          f"process max RSS: {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
