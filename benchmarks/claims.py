"""Throughput of newskit.claims on the generated corpus (goal: ≥ 1,000 articles/s).

Run: ``.venv/bin/python benchmarks/claims.py [N]``.  Prints, for N generated articles
(default 2,000, ~700 words each, clean text), articles per second of:

* time expressions alone (``extract_times``);
* the whole claims pass on its own — times, numeric claims, timeline and blame — with
  sentence spans computed beforehand (what newskit.claims itself costs);
* the same pass including sentence splitting by ``newskit.text.sentences``, once per
  article and shared by the three extractors (what ``claims_frame`` pays, quotes aside);
* sentence splitting alone, for the ratio.

Quotes (``newskit.quotes``) are not computed here: they are computed once per article
for every analysis and benchmarked with that module.  To exercise the claimant and
blame rules as if every sentence were reported speech (their worst case), each sentence
is given as a synthetic quote record.  Peak memory of one full pass is
measured with ``tracemalloc``.  Every pass is run three times; the best is reported.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from dataclasses import dataclass

from _corpus import generated_articles

from newskit import claims as C
from newskit.text import sentences

GOAL = 1000.0


@dataclass(frozen=True)
class SentenceQuote:
    """A synthetic quote covering one sentence (the fields newskit.claims reads)."""

    start: int
    end: int
    speaker: str = "Armenia’s defence ministry"
    canonical_speaker: str = "Armenian Ministry of Defence"
    side: str = "Armenia"


def best_of(fn, runs: int = 3) -> tuple[float, float]:
    """Best wall-clock and best CPU (process) time of ``runs`` runs of ``fn``, in seconds.

    CPU time is reported too because wall time on a shared machine includes waiting for
    other processes; CPU time is what the code itself costs.
    """
    wall = cpu = float("inf")
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall = min(wall, time.perf_counter() - w0)
        cpu = min(cpu, time.process_time() - c0)
    return wall, cpu


def main(n: int = 2000) -> None:
    articles = generated_articles(n)
    C.extract_claims(articles[0])  # compile regexes and load resources outside the timings
    pre = [sentences(a) for a in articles]
    quotes = [[SentenceQuote(s.start, s.end) for s in ss] for ss in pre]

    def times_only():
        for a in articles:
            C.extract_times(a)

    def claims_own():
        for a, s, q in zip(articles, pre, quotes):
            t = C.extract_times(a)
            C.extract_claims(a, q, sentences=s, times=t)
            C.extract_timeline(a, q, sentences=s, times=t)
            C.extract_blame(a, q, sentences=s, times=t)

    def claims_with_sentences():
        for a, q in zip(articles, quotes):
            s = sentences(a)
            t = C.extract_times(a)
            C.extract_claims(a, q, sentences=s, times=t)
            C.extract_timeline(a, q, sentences=s, times=t)
            C.extract_blame(a, q, sentences=s, times=t)

    def sentences_only():
        for a in articles:
            sentences(a)

    results = {
        "time expressions only": best_of(times_only),
        "claims pass (times + numbers + timeline + blame), sentences given": best_of(claims_own),
        "claims pass including newskit.text.sentences": best_of(claims_with_sentences),
        "newskit.text.sentences alone": best_of(sentences_only),
    }
    n_claims = sum(len(C.extract_claims(a, sentences=s)) for a, s in zip(articles, pre))
    n_times = sum(len(C.extract_times(a)) for a in articles)

    tracemalloc.start()
    claims_with_sentences()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"newskit.claims benchmark: {n} generated articles, {n_claims} numeric claims, {n_times} time expressions")
    print(f"  {'pass':<68} {'wall art/s':>11} {'CPU art/s':>11} {'CPU ms/art':>11}")
    for name, (wall, cpu) in results.items():
        print(f"  {name:<68} {n / wall:>11,.0f} {n / cpu:>11,.0f} {cpu * 1000 / n:>11.3f}")
    own = results["claims pass (times + numbers + timeline + blame), sentences given"][1]
    full = results["claims pass including newskit.text.sentences"][1]
    split = results["newskit.text.sentences alone"][1]
    print(f"  share of the full pass spent splitting sentences (CPU): {split / full:.0%}")
    print(f"  claims pass alone vs sentence splitting alone (CPU): {own / split:.2f}x the time")
    print(f"  peak memory of one full pass over {n} articles (tracemalloc): {peak / 1e6:.1f} MB")
    for label, secs in (("claims pass alone", own), ("claims pass with sentences", full)):
        rate = n / secs
        print(f"  goal ≥ {GOAL:,.0f} articles/s, {label}: {rate:,.0f} articles per CPU-second — "
              f"{'meets' if rate >= GOAL else 'misses'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
