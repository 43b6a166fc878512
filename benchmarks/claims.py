"""Throughput of newskit.claims on the generated corpus (goal: ≥ 1,000 articles/s).

Run: ``.venv/bin/python benchmarks/claims.py [N]``.  Prints, for N generated articles
(default 2,000, ~700 words each, clean text) of each of the two generated corpora of
``benchmarks/_corpus.py`` — the bundled one, whose articles repeat the 25 paragraphs of the
first article, and the varied one drawn from it and the 98 blind fixture articles (the
honest figure for new text) — articles per second — per wall-clock second
and per CPU second of this process (``time.process_time``; on a shared machine the wall
clock also counts time spent waiting for other processes, so CPU time is the figure the
goal is judged on) — of:

* the whole claims pass — time expressions, numeric claims, timeline and blame, with
  their claimants and accusers — including sentence splitting by
  ``newskit.text.sentences``, once per article and shared by the three extractors that
  need sentences (what ``claims_frame`` and its siblings pay, quotes aside);
* the same pass with sentence spans computed beforehand (what newskit.claims itself
  costs), and each of its four steps on its own (times given to the other three), to
  show where the time goes;
* sentence splitting alone, for the ratio.

Quotes (``newskit.quotes``) are not computed here: they are computed once per article
for every analysis and benchmarked with that module.  To exercise the claimant and
blame rules as if every sentence were reported speech (their worst case), each sentence
is given as a synthetic quote record.  Peak memory of one full pass is
measured with ``tracemalloc``.  Every pass is run three times, in turn with the others;
the best is reported.
"""

from __future__ import annotations

import gc
import sys
import time
import tracemalloc
from dataclasses import dataclass

from _corpus import generated_articles
from _machine import describe

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


def best_of(passes: dict, runs: int = 3) -> dict[str, tuple[float, float]]:
    """Best wall-clock and best CPU (process) time of ``runs`` runs of each pass, in seconds.

    The passes are run in turn (round robin), so that a burst of load from other processes
    does not fall on one pass only.  CPU time is reported too because wall time on a shared
    machine includes waiting for other processes; CPU time is what the code itself costs.
    """
    best = {name: (float("inf"), float("inf")) for name in passes}
    for _ in range(runs):
        for name, fn in passes.items():
            gc.collect()
            w0, c0 = time.perf_counter(), time.process_time()
            fn()
            w, c = time.perf_counter() - w0, time.process_time() - c0
            best[name] = (min(best[name][0], w), min(best[name][1], c))
    return best


def main(n: int = 2000, source: str = "bundled") -> None:
    articles = generated_articles(n, source=source)
    for extract in (C.extract_claims, C.extract_timeline, C.extract_blame):
        extract(articles[0])  # compile regexes and load resources outside the timings
    pre = [sentences(a) for a in articles]
    quotes = [[SentenceQuote(s.start, s.end) for s in ss] for ss in pre]
    times = [C.extract_times(a) for a in articles]
    # the inputs prepared above live through every pass: keep the garbage collector from
    # walking them again and again (its full collections would be charged to whichever
    # pass happened to trigger them)
    gc.collect()
    gc.freeze()

    def times_only():
        for a in articles:
            C.extract_times(a)

    def step(fn):
        def run():
            for a, s, q, t in zip(articles, pre, quotes, times):
                fn(a, q, sentences=s, times=t)
        return run

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

    results = best_of({
        "whole claims pass, including newskit.text.sentences": claims_with_sentences,
        "whole claims pass, sentences given": claims_own,
        "  step: time expressions (extract_times)": times_only,
        "  step: numeric claims (extract_claims)": step(C.extract_claims),
        "  step: timeline (extract_timeline)": step(C.extract_timeline),
        "  step: blame (extract_blame)": step(C.extract_blame),
        "newskit.text.sentences alone": sentences_only,
    })
    n_claims = sum(len(C.extract_claims(a, sentences=s)) for a, s in zip(articles, pre))
    n_times = sum(len(C.extract_times(a)) for a in articles)

    tracemalloc.start()
    claims_with_sentences()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"newskit.claims benchmark, {source} corpus: {n} generated articles, {n_claims} numeric claims, {n_times} time expressions"
          f" (best of 3 runs each)")
    print(f"  {'pass':<56} {'wall art/s':>11} {'CPU art/s':>11} {'CPU ms/art':>11}")
    for name, (wall, cpu) in results.items():
        print(f"  {name:<56} {n / wall:>11,.0f} {n / cpu:>11,.0f} {cpu * 1000 / n:>11.3f}")
    own = results["whole claims pass, sentences given"][1]
    full = results["whole claims pass, including newskit.text.sentences"][1]
    split = results["newskit.text.sentences alone"][1]
    print(f"  share of the full pass spent splitting sentences (CPU): {split / full:.0%}")
    print(f"  claims pass alone vs sentence splitting alone (CPU): {own / split:.2f}x the time")
    print(f"  peak memory of one full pass over {n} articles, records discarded per article (tracemalloc): "
          f"{peak / 1e6:.1f} MB")
    for label, secs in (("whole pass including sentence splitting", full), ("whole pass, sentences given", own)):
        rate = n / secs
        print(f"  goal ≥ {GOAL:,.0f} articles/s, {source} corpus, {label}: {rate:,.0f} articles per CPU-second — "
              f"{'meets' if rate >= GOAL else 'misses'}")
    gc.unfreeze()


if __name__ == "__main__":
    print(describe())
    for corpus in ("bundled", "varied"):
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000, corpus)
