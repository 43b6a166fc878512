"""Readability throughput: newskit vs textstat 0.7.8 computing the same six metrics.

Run: ``.venv/bin/python benchmarks/readability.py`` (``make bench`` runs every script here).

Corpus: 2,000 distinct ≈700-word articles from ``_corpus.generated_articles`` (distinct,
because textstat caches results per input string).  Each tool computes Flesch Reading
Ease, Flesch–Kincaid Grade, Gunning Fog, SMOG, Coleman–Liau and ARI for every article,
segmentation included: newskit through :func:`newskit.readability.readability` (which
uses whatever :func:`newskit.text.sentences` does at run time), textstat through its six
public functions.  Both tools are warmed up first on 20 other articles (loading the CMU
dictionary is not counted); times are CPU seconds of this process, measured on
alternating blocks of 100 articles so that other jobs on a shared machine slow both tools
alike.  Printed: articles/s for each, the ratio (target ≥ 3×), the peak memory traced by
``tracemalloc`` during a separate pass over 300 articles per tool, the process's maximum
resident set size, the sentence splitter in use with its own throughput against NLTK's
Punkt, and the mean absolute difference between the tools per metric.
"""

from __future__ import annotations

import inspect
import resource
import sys
import time
import tracemalloc

from _corpus import generated_articles
from _machine import describe

import textstat

from newskit import text as nktext
from newskit.readability import METRICS, readability

TARGET = 3.0
BLOCK = 100
TRACED = 300  # articles per traced pass (tracemalloc slows Python several-fold)


def run_newskit(articles):
    out = []
    for a in articles:
        r = readability(a)
        out.append([getattr(r, m) for m in METRICS])
    return out


def run_textstat(articles):
    ts = textstat.textstat
    fns = [getattr(ts, m) for m in METRICS]
    return [[f(a) for f in fns] for a in articles]


def timed(fn, articles):
    """CPU seconds of this process (robust to other jobs on a shared machine) and the result."""
    start = time.process_time()
    result = fn(articles)
    return time.process_time() - start, result


def traced_peak(fn, articles) -> float:
    tracemalloc.start()
    fn(articles)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def splitter_name() -> str:
    src = inspect.getsource(nktext.sentences)
    return "newskit.sentsplit.split_spans" if "split_spans" in src else "NLTK PunktSentenceTokenizer"


def main() -> int:
    print(describe())
    articles = generated_articles(2000)
    warm = generated_articles(2020)[2000:]
    assert len(set(articles)) == len(articles) and not set(warm) & set(articles)
    run_newskit(warm)
    run_textstat(warm)

    # alternate blocks of articles between the tools so that load on the machine hits both alike
    t_nk = t_ts = 0.0
    res_nk, res_ts = [], []
    for i in range(0, len(articles), BLOCK):
        block = articles[i:i + BLOCK]
        dt, res = timed(run_newskit, block)
        t_nk += dt
        res_nk += res
        dt, res = timed(run_textstat, block)
        t_ts += dt
        res_ts += res
    n = len(articles)
    nk_rate, ts_rate = n / t_nk, n / t_ts
    ratio = nk_rate / ts_rate

    # the sentence splitter alone, over the same paragraphs
    paras = [p.text for a in articles for p in nktext.paragraphs(a)]
    from newskit.sentsplit import split_spans

    punkt = nktext._punkt()
    t_punkt = t_split = 0.0
    for i in range(0, len(paras), 2000):
        block = paras[i:i + 2000]
        t_punkt += timed(lambda ps: [list(punkt.span_tokenize(p)) for p in ps], block)[0]
        t_split += timed(lambda ps: [split_spans(p) for p in ps], block)[0]

    peak_nk = traced_peak(run_newskit, articles[:TRACED])
    peak_ts = traced_peak(run_textstat, articles[TRACED:2 * TRACED])
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    words = sum(nktext.word_count(a) for a in articles) / n
    print(f"corpus: {n} distinct generated articles, {words:.0f} words on average")
    print(f"sentence splitter used by newskit.text.sentences: {splitter_name()}")
    print(f"newskit  : {nk_rate:8.0f} articles/s  ({t_nk:.2f} CPU s)")
    print(f"textstat : {ts_rate:8.0f} articles/s  ({t_ts:.2f} CPU s)")
    print(f"ratio    : {ratio:8.2f}x  (target >= {TARGET:.0f}x: {'met' if ratio >= TARGET else 'NOT met'})")
    print(f"peak traced memory during a pass over {TRACED} articles: newskit {peak_nk:.1f} MiB, textstat {peak_ts:.1f} MiB; "
          f"process max RSS {maxrss:.0f} MiB")
    print(f"sentence splitting alone ({len(paras)} paragraphs): NLTK Punkt {n / t_punkt:.0f} articles/s, "
          f"newskit.sentsplit {n / t_split:.0f} articles/s ({t_punkt / t_split:.1f}x)")
    print("mean |newskit - textstat| per metric over the corpus:")
    for i, m in enumerate(METRICS):
        diff = sum(abs(a[i] - b[i]) for a, b in zip(res_nk, res_ts)) / n
        mean_nk = sum(a[i] for a in res_nk) / n
        mean_ts = sum(b[i] for b in res_ts) / n
        print(f"  {m:28s} {diff:6.2f}   (means: newskit {mean_nk:6.2f}, textstat {mean_ts:6.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
