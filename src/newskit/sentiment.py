"""Tone of sentences and quotes with VADER, explained word by word, aggregated per source.

The scores come from **VADER** (Hutto & Gilbert 2014, *VADER: A Parsimonious Rule-based
Model for Sentiment Analysis of Social Media Text*, ICWSM-14), through the authors' own
implementation, the ``vaderSentiment`` package, whose lexicon ships inside the package
(nothing is downloaded).  VADER looks every whitespace-separated token up in a lexicon of
about 7,500 words rated by people from −4 (most negative) to +4, then adjusts each rating
with five rules: **negation** ("not", "never", "no" … up to three words before the word
scale it by −0.74), **boosters and dampeners** ("very" +0.293, "slightly" −0.293, weaker
the further away they are), **"but"** (words before it count half, words after it 1.5
times), **ALL CAPS** on a word when the rest of the text is not in capitals (+0.733), and
**punctuation emphasis** ("!" adds 0.292 each up to four; two or more "?" add up to 0.96).
The adjusted valences are summed and squashed into the ``compound`` score
``x / sqrt(x² + 15)`` in [−1, 1]; ``neg``/``neu``/``pos`` are the shares of the text that
are negative, neutral and positive.  Following the VADER documentation, a compound of at
least +0.05 counts as *positive*, at most −0.05 as *negative*, anything between as neutral.

:func:`sentiment` returns exactly ``polarity_scores`` of the reference implementation
(tests compare them; see *Typographic quotes* below); :func:`explain` reproduces its per-word steps and says which rule
changed which word, and the explained valences add up to the same compound
(:func:`compound_from`).

**Typographic quotes.** VADER strips only ASCII punctuation from the ends of a token, so
in news typography ``“killed,”`` or ``didn’t`` are not found in its lexicon or negation
list: on the first article five of 32 sentences change score, one from −0.296 to +0.586.
newskit therefore *straightens* curly quotes and apostrophes (‘ ’ “ ” „ ‚ ‛ ‟ « » ′ ″)
into ASCII before handing the text to the reference (``straighten=True``, the default of
every function here).  The replacement is one character for one, so spans are
unchanged; the scorer is untouched: ``sentiment(t) == polarity_scores(straighten(t))``
and ``sentiment(t, straighten=False) == polarity_scores(t)`` for every string (tested).

NLTK's port of VADER (``nltk.sentiment.vader``) differs: it does
not treat "no" before a lexicon word as negation and drops one-letter tokens, so newskit
scores with the reference and offers :func:`nltk_polarity` only to show the difference.

What VADER does with awkward input (all tested):

* ``""`` or whitespace only → all four scores 0.0 (no token, so not even ``neu`` is 1).
* Text without any lexicon word (numbers, most non-English text: "Մենք պատրաստ ենք",
  "Biz hazırıq") → ``compound`` 0.0, ``neu`` 1.0.  VADER's lexicon is English; a score of
  0 on other languages means "not measured", not "neutral".
* Emoji are replaced by their English descriptions from VADER's emoji lexicon before
  scoring ("😁" → "beaming face with smiling eyes", which is positive).
* Very long text is scored as one unit: the compound saturates towards ±1 as the sum
  grows, so score sentences or quotes, not whole articles.  The reference's rules rescan
  the token list for every lexicon word, so its time grows with the square of the length
  (about 0.35 s for 2,800 tokens here); quotes and sentences are far shorter.
* A non-string raises :class:`newskit.errors.SentimentInputError`.

Per-source aggregation (:func:`sentiment_by_source`) reports the mean compound with a 95%
percentile bootstrap interval (Efron & Tibshirani 1993), seeded and deterministic, the
shares of positive and negative quotes, and flags groups resting on fewer than three
quotes (``low_n``) instead of hiding them.
"""

from __future__ import annotations

import functools
import math
import re
import string
import zlib
from dataclasses import dataclass

from . import errors
from .quotes import nested_quotes
from .text import sentences

__all__ = [
    "POSITIVE_THRESHOLD",
    "NEGATIVE_THRESHOLD",
    "LOW_N",
    "Sentiment",
    "WordValence",
    "SentenceSentiment",
    "analyzer",
    "straighten",
    "sentiment",
    "tone",
    "explain",
    "compound_from",
    "sentence_sentiments",
    "sentiment_frame",
    "score_quotes",
    "sentiment_by_source",
    "nltk_analyzer",
    "nltk_polarity",
    "compare_nltk",
]

#: VADER's documented thresholds on ``compound``: ≥ +0.05 positive, ≤ −0.05 negative.
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05
#: Groups with fewer quotes than this are flagged ``low_n`` in :func:`sentiment_by_source`.
LOW_N = 3

BY_COLUMNS = ("speaker", "side", "type", "article")
UNATTRIBUTED = "(unattributed)"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Sentiment:
    """VADER's four scores for one text: shares ``neg``/``neu``/``pos`` and ``compound`` in [−1, 1]."""

    neg: float
    neu: float
    pos: float
    compound: float


@dataclass(frozen=True)
class WordValence:
    """One item that carried part of a VADER score, as :func:`explain` reports it.

    ``kind`` is ``"word"`` (a lexicon word; ``token`` is VADER's token, ``start``/``end``
    its span in the text given to :func:`explain`, so ``straighten(text[start:end]) ==
    token`` except for words coming from an emoji's description, whose span is the emoji) or
    ``"punctuation"`` (the emphasis from "!" and "?", no span).  ``lexicon`` is the
    lexicon rating (−4…+4), ``rule_valence`` the value after the per-word rules,
    ``valence`` the value after the "but" rule — what enters the sum.  ``rules`` names
    each rule that changed the value, in the order VADER applied it.
    """

    index: int
    token: str
    kind: str
    lexicon: float
    rule_valence: float
    valence: float
    rules: tuple[str, ...]
    start: int | None
    end: int | None


@dataclass(frozen=True)
class SentenceSentiment:
    """VADER scores of one sentence of an article (spans as in :func:`newskit.text.sentences`)."""

    sentence: int
    paragraph: int
    start: int
    end: int
    text: str
    neg: float
    neu: float
    pos: float
    compound: float


# --- the reference implementation -------------------------------------------------------------

# Typographic quote → ASCII, applied with str.replace (≈20× faster than str.translate with a
# dict table on non-ASCII text, which would cost ~10% of a sentence's scoring time).
_STRAIGHT = (("’", "'"), ("“", '"'), ("”", '"'), ("‘", "'"), ("‚", "'"), ("‛", "'"), ("′", "'"),
             ("„", '"'), ("‟", '"'), ("«", '"'), ("»", '"'), ("″", '"'))


def _straight(text: str) -> str:
    for curly, plain in _STRAIGHT:
        if curly in text:
            text = text.replace(curly, plain)
    return text


def straighten(text: str) -> str:
    """Return ``text`` with curly quotes and apostrophes replaced by ASCII ones, one character for one.

    VADER strips only ASCII punctuation around tokens, so ``“killed,”`` and ``didn’t``
    would escape its lexicon and negation list; straightening fixes that without moving
    any offset (``len(straighten(t)) == len(t)``).
    """
    return text if text.isascii() else _straight(text)


@functools.cache
def analyzer():
    """Return the one cached ``vaderSentiment.SentimentIntensityAnalyzer`` (lexicon loaded once)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def sentiment(text: str, straighten: bool = True) -> Sentiment:
    """Return VADER's ``neg``, ``neu``, ``pos`` and ``compound`` for ``text``.

    The scores are exactly those of the reference implementation's ``polarity_scores``
    (Hutto & Gilbert 2014) on the text with typographic quotes straightened (see
    :func:`straighten`; ``straighten=False`` passes the text unchanged), rounded as the
    reference rounds them (3 decimals, compound 4).  Empty text gives four zeros; a
    non-string raises :class:`~newskit.errors.SentimentInputError`.
    """
    if not isinstance(text, str):
        raise errors.SentimentInputError(
            f"sentiment() needs a string, got {type(text).__name__}; convert or drop missing values first")
    if straighten and not text.isascii():
        text = _straight(text)
    d = (_SCORER or _bind())(text)
    return Sentiment(d["neg"], d["neu"], d["pos"], d["compound"])


_SCORER = None  # the cached analyser's bound ``polarity_scores``, set on first use


def _bind():
    global _SCORER
    _SCORER = analyzer().polarity_scores
    return _SCORER


def _polarity(text: str) -> dict:
    return (_SCORER or _bind())(straighten(text))


def tone(compound: float) -> str:
    """Return ``"positive"`` (compound ≥ 0.05), ``"negative"`` (≤ −0.05) or ``"neutral"`` (VADER's thresholds)."""
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


# --- explain: VADER's per-word steps, traced ---------------------------------------------------

def _emoji_to_text(text: str, emojis: dict) -> tuple[str, list[tuple[int, int]]]:
    """VADER's emoji substitution, plus the span in ``text`` each output character comes from."""
    out: list[str] = []
    origin: list[tuple[int, int]] = []
    prev_space = True
    for pos, ch in enumerate(text):
        if ch in emojis:
            desc = emojis[ch]
            if not prev_space:
                out.append(" ")
                origin.append((pos, pos + 1))
            out.append(desc)
            origin.extend([(pos, pos + 1)] * len(desc))
            prev_space = False
        else:
            out.append(ch)
            origin.append((pos, pos + 1))
            prev_space = ch == " "
    return "".join(out), origin


_TOKEN = re.compile(r"\S+")


def _tokens_with_spans(text: str, emojis: dict) -> tuple[str, list[str], list[tuple[int, int]]]:
    """Return VADER's cleaned text, its tokens (``SentiText.words_and_emoticons``) and their spans in ``text``."""
    converted, origin = _emoji_to_text(text, emojis)
    stripped = converted.strip()
    lead = len(converted) - len(converted.lstrip())
    tokens: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(stripped):
        raw = m.group()
        core = raw.strip(string.punctuation)
        if len(core) <= 2:
            core, left = raw, 0
        else:
            left = len(raw) - len(raw.lstrip(string.punctuation))
        s = lead + m.start() + left
        e = s + len(core)
        tokens.append(core)
        spans.append((origin[s][0], origin[e - 1][1]))
    return stripped, tokens, spans


def _word_steps(an, vs, sentitext, item: str, i: int) -> tuple[float, float, list[str]]:
    """Reproduce ``SentimentIntensityAnalyzer.sentiment_valence`` for token ``i``, naming each rule.

    Calls the reference module's own helpers in the reference's order, so the values are
    bit-identical; returns (lexicon rating, valence after the rules, rule names).
    """
    words = sentitext.words_and_emoticons
    lower = [w.lower() for w in words]
    lex = an.lexicon
    item_lower = item.lower()
    base = lex[item_lower]
    valence = base
    rules: list[str] = []
    if item_lower == "no" and i != len(words) - 1 and lower[i + 1] in lex:
        valence = 0.0
        rules.append(f"'no' used as negator of '{words[i + 1]}' (own rating dropped)")
    if (i > 0 and lower[i - 1] == "no") or (i > 1 and lower[i - 2] == "no") or (
            i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"]):
        valence = base * vs.N_SCALAR
        rules.append(f"negation by 'no' (×{vs.N_SCALAR})")
    if item.isupper() and sentitext.is_cap_diff:
        valence = valence + vs.C_INCR if valence > 0 else valence - vs.C_INCR
        rules.append(f"ALL CAPS emphasis (±{vs.C_INCR})")
    for start_i in range(0, 3):
        if i > start_i and lower[i - (start_i + 1)] not in lex:
            prev = words[i - (start_i + 1)]
            s = vs.scalar_inc_dec(prev, valence, sentitext.is_cap_diff)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            if s != 0:
                kind = "booster" if vs.BOOSTER_DICT[prev.lower()] > 0 else "dampener"
                rules.append(f"{kind} '{prev}' ({s:+.4g})")
            before = valence
            valence = an._negation_check(valence, words, start_i, i)
            if valence != before:
                if valence == before * vs.N_SCALAR:
                    rules.append(f"negation by '{prev}' (×{vs.N_SCALAR})")
                elif valence == before * 1.25:
                    rules.append("'never so/this' emphasis (×1.25)")
                else:  # pragma: no cover - the reference has no other outcome
                    rules.append("negation check")
            if start_i == 2:
                before = valence
                valence = an._special_idioms_check(valence, words, i)
                if valence != before:
                    rules.append(_idiom_name(lower, i, vs))
    before = valence
    valence = an._least_check(valence, words, i)
    if valence != before:
        rules.append(f"negation by 'least' (×{vs.N_SCALAR})")
    return base, valence, rules


def _idiom_name(lower: list[str], i: int, vs) -> str:
    grams = [" ".join(lower[max(j, 0):i + 1]) for j in (i - 1, i - 2)]
    grams += [" ".join(lower[i - 2:i]), " ".join(lower[i - 3:i]), " ".join(lower[i - 3:i - 1])]
    grams += [" ".join(lower[i:i + 2]), " ".join(lower[i:i + 3])]
    for g in grams:
        if g in vs.SPECIAL_CASES:
            return f"special case '{g}' (valence set to {vs.SPECIAL_CASES[g]})"
    for g in grams:
        if g in vs.BOOSTER_DICT:
            return f"dampener '{g}' ({vs.BOOSTER_DICT[g]:+.4g})"
    return "special idiom"  # pragma: no cover


def explain(text: str, straighten: bool = True) -> list[WordValence]:
    """Return the items that carried ``text``'s VADER score, with the rules that changed each.

    One :class:`WordValence` per lexicon word VADER scored (in text order), plus one
    ``"punctuation"`` item when "!"/"?" emphasis was added.  It follows the reference
    implementation's ``polarity_scores`` step by step (emoji substitution, tokens,
    ``sentiment_valence``'s rules, the "but" rule, punctuation emphasis), calling its own
    helper functions, so ``compound_from(explain(t)) == sentiment(t).compound`` (tested).
    Tokens are shown as VADER saw them (straightened); their spans index ``text`` itself.
    """
    if not isinstance(text, str):
        raise errors.SentimentInputError(
            f"explain() needs a string, got {type(text).__name__}")
    if straighten and not text.isascii():
        text = _straight(text)
    from vaderSentiment import vaderSentiment as vs

    an = analyzer()
    cleaned, tokens, spans = _tokens_with_spans(text, an.emojis)
    sentitext = vs.SentiText(cleaned)
    words = sentitext.words_and_emoticons
    if words != tokens:  # pragma: no cover - guards the span bookkeeping against a changed reference
        raise AssertionError("newskit's tokenisation diverged from vaderSentiment's")
    valences: list[float] = []
    traced: dict[int, tuple[float, list[str]]] = {}
    for i, item in enumerate(words):
        low = item.lower()
        if low in vs.BOOSTER_DICT or (i < len(words) - 1 and low == "kind" and words[i + 1].lower() == "of"):
            valences.append(0)
            continue
        if low not in an.lexicon:
            valences.append(0)
            continue
        base, v, rules = _word_steps(an, vs, sentitext, item, i)
        valences.append(v)
        traced[i] = (base, rules)
    after = an._but_check(words, list(valences))
    out: list[WordValence] = []
    for i, (base, rules) in traced.items():
        before, final = valences[i], after[i]
        rules = list(rules)
        if final != before:
            if final == before * 0.5:
                rules.append("before 'but' (×0.5)")
            elif final == before * 1.5:
                rules.append("after 'but' (×1.5)")
            else:
                rules.append(f"'but' rule (×{final / before:.4g})")
        s, e = spans[i]
        out.append(WordValence(i, words[i], "word", base, before, final, tuple(rules), s, e))
    total = float(sum(after))
    amp = an._punctuation_emphasis(cleaned) if after else 0.0
    if amp and total != 0:
        signed = amp if total > 0 else -amp
        n_ep, n_qm = cleaned.count("!"), cleaned.count("?")
        label = f"punctuation emphasis ({n_ep}×'!', {n_qm}×'?')"
        out.append(WordValence(len(words), "!" * min(n_ep, 4) + "?" * (min(n_qm, 4) if n_qm > 1 else 0),
                               "punctuation", 0.0, signed, signed, (label,), None, None))
    return out


def compound_from(records: list[WordValence]) -> float:
    """Return VADER's compound rebuilt from :func:`explain` records: ``normalize(Σ valence)``, 4 decimals.

    The sum runs in text order with the punctuation emphasis last, as the reference
    computes it; ``normalize`` is VADER's ``x / sqrt(x² + 15)``.
    """
    if not records:
        return 0.0
    total = 0.0
    for r in records:
        total += r.valence
    norm = total / math.sqrt(total * total + 15)
    return round(max(-1.0, min(1.0, norm)), 4)


# --- sentences and quotes ------------------------------------------------------------------------

def sentence_sentiments(text: str) -> list[SentenceSentiment]:
    """Return VADER scores for every sentence of ``text`` (sentences from :func:`newskit.text.sentences`)."""
    out = []
    for s in sentences(text):
        d = _polarity(s.text)
        out.append(SentenceSentiment(s.index, s.paragraph, s.start, s.end, s.text,
                                     d["neg"], d["neu"], d["pos"], d["compound"]))
    return out


def sentiment_frame(articles):
    """Return one row per sentence of each article with its VADER scores and ``tone``.

    Columns: ``article_id, sentence, paragraph, start, end, text, neg, neu, pos, compound, tone``
    (built with :func:`newskit.corpus.records_frame` over :func:`sentence_sentiments`).
    """
    from .corpus import records_frame

    frame = records_frame(articles, lambda a: sentence_sentiments(a.text),
                          ["sentence", "paragraph", "start", "end", "text", "neg", "neu", "pos", "compound"])
    frame["tone"] = [tone(c) for c in frame["compound"]]
    return frame


SCORE_COLUMNS = ("compound", "neg", "neu", "pos", "tone", "context_compound", "context_start", "context_end",
                 "article_baseline", "relative_compound", "nested")


def score_quotes(quotes, corpus):
    """Return the quotes table with VADER scores of each quote alone and of its sentence in context.

    ``quotes`` follows the :func:`newskit.quotes.quotes_frame` contract (at least
    ``article_id``, ``text``, ``start``, ``end``); ``corpus`` is a list of articles (or
    anything :func:`newskit.corpus.load_corpus` reads).  Added columns: ``compound``,
    ``neg``, ``neu``, ``pos`` and ``tone`` for the quote's text alone; ``context_compound``
    for the sentence(s) the quote's span overlaps (``context_start``/``context_end`` in
    the article's clean text); ``article_baseline``, the mean compound of all the
    article's sentences, and ``relative_compound`` = ``compound − article_baseline``:
    the quote's tone compared with its own story rather than with zero; ``nested``, True
    when the quote's span lies inside another quote's span of the same article (a partial
    quote inside the reported clause that carries it), so that aggregation can count each
    stretch of speech once.  Row order is kept.  A quote without a span (missing
    ``start``/``end``) or whose span overlaps no sentence gets ``context_compound`` NaN and
    ``context_start``/``context_end`` <NA>, announced here rather than guessed; a quote
    without text, or of an article missing from ``corpus``, raises
    :class:`~newskit.errors.SentimentInputError`.
    """
    import pandas as pd

    lacking = [c for c in ("article_id", "text", "start", "end") if c not in quotes.columns]
    if lacking:
        raise errors.SentimentInputError(
            f"the quotes table lacks column(s) {', '.join(lacking)}; pass newskit.quotes.quotes_frame(corpus)")
    articles = _articles(corpus)
    by_id = {a.id: a for a in articles}
    missing = sorted(set(map(str, quotes["article_id"])) - set(by_id)) if len(quotes) else []
    if missing:
        raise errors.SentimentInputError(
            f"quotes refer to article(s) not in the corpus: {', '.join(missing[:3])}; pass the corpus they came from")
    out = quotes.copy()
    cols: dict[str, list] = {c: [] for c in SCORE_COLUMNS}
    sent_cache: dict[str, list[SentenceSentiment]] = {}
    for aid, text, start, end in zip(out["article_id"], out["text"], out["start"], out["end"]):
        if not isinstance(text, str):
            raise errors.SentimentInputError("a quote has no text (missing value in the 'text' column)")
        d = _polarity(text)
        for k in ("compound", "neg", "neu", "pos"):
            cols[k].append(d[k])
        cols["tone"].append(tone(d["compound"]))
        aid = str(aid)
        if aid not in sent_cache:
            sent_cache[aid] = sentence_sentiments(by_id[aid].text)
        sents = sent_cache[aid]
        baseline = round(sum(s.compound for s in sents) / len(sents), 4) if sents else float("nan")
        ctx = [s for s in sents if s.start < end and start < s.end] if _is_int(start) and _is_int(end) else []
        if ctx:
            c0, c1 = ctx[0].start, ctx[-1].end
            cols["context_compound"].append(ctx[0].compound if len(ctx) == 1
                                            else _polarity(by_id[aid].text[c0:c1])["compound"])
            cols["context_start"].append(c0)
            cols["context_end"].append(c1)
        else:
            cols["context_compound"].append(float("nan"))
            cols["context_start"].append(pd.NA)
            cols["context_end"].append(pd.NA)
        cols["article_baseline"].append(baseline)
        cols["relative_compound"].append(round(d["compound"] - baseline, 4))
    cols["nested"] = nested_quotes(out)
    for k in SCORE_COLUMNS:
        if k in ("context_start", "context_end"):
            out[k] = pd.array(cols[k], dtype="Int64")
        elif k == "tone":
            out[k] = pd.Series(cols[k], index=out.index, dtype=object)
        elif k == "nested":
            out[k] = pd.Series(cols[k], index=out.index, dtype=bool)
        else:
            out[k] = pd.Series(cols[k], index=out.index, dtype=float)
    return out


def _is_int(v) -> bool:
    try:
        return v is not None and not (isinstance(v, float) and math.isnan(v)) and int(v) == v
    except (TypeError, ValueError):
        return False


def _articles(corpus):
    if isinstance(corpus, (str, bytes)) or hasattr(corpus, "__fspath__"):
        from .corpus import load_corpus

        return load_corpus(corpus)
    return list(corpus)


# --- aggregation per source ----------------------------------------------------------------------

AGG_COLUMNS = ("group", "n", "mean_compound", "ci_low", "ci_high", "share_positive", "share_negative", "low_n")


def _group_keys(scored, by: str):
    import pandas as pd

    def first_present(*names, default):
        result = pd.Series([None] * len(scored), index=scored.index, dtype=object)
        for name in names:
            if name in scored.columns:
                col = scored[name].astype(object)
                ok = col.notna() & (col.astype(str).str.strip() != "")
                result = result.where(result.notna() | ~ok, col)
        return result.where(result.notna(), default).astype(str)

    if by == "speaker":
        return first_present("canonical_speaker", "speaker", default=UNATTRIBUTED)
    if by == "side":
        return first_present("side", default=UNKNOWN)
    if by == "type":
        return first_present("type", default=UNKNOWN)
    return first_present("article_id", default=UNKNOWN)


def _bootstrap(values, n_boot: int, level: float, rng) -> tuple[float, float]:
    import numpy as np

    n = len(values)
    if n < 2:
        return float("nan"), float("nan")
    idx = rng.integers(0, n, size=(n_boot, n))
    means = values[idx].mean(axis=1)
    alpha = (1 - level) / 2
    low, high = np.quantile(means, [alpha, 1 - alpha])
    return float(low), float(high)


def sentiment_by_source(scored, by: str = "speaker", *, score: str = "compound", n_boot: int = 2000,
                        level: float = 0.95, seed: int = 0, include_nested: bool = False):
    """Return one row per source group: ``n``, mean score, bootstrap interval, shares, ``low_n``.

    ``scored`` is the output of :func:`score_quotes`.  ``by`` is ``"speaker"``
    (``canonical_speaker``, else ``speaker``, else ``"(unattributed)"``), ``"side"``,
    ``"type"`` (missing → ``"unknown"``) or ``"article"`` (``article_id``).  ``score``
    picks the column averaged (``compound``, ``context_compound`` or
    ``relative_compound``).  Quotes marked ``nested`` (a partial quote inside the
    reported clause that already contains its words) are left out unless
    ``include_nested``, so each stretch of speech counts once.  ``ci_low``/``ci_high``
    is a percentile bootstrap interval (Efron & Tibshirani 1993) of the mean from
    ``n_boot`` resamples drawn with
    ``numpy.random.default_rng([seed, crc32(group)])`` — deterministic, and a group's
    interval does not change when other groups are added.  A group of one quote has no
    interval (NaN; ``null`` in JSON): a single value says nothing about spread.
    ``share_positive``/``share_negative`` use VADER's ±0.05 thresholds; ``low_n`` is True
    when ``n < 3`` — such groups are shown, flagged, never dropped.  Rows are sorted by
    ``n`` (descending), then group name.
    """
    import numpy as np
    import pandas as pd

    if by not in BY_COLUMNS:
        raise errors.SentimentInputError(f"cannot group by {by!r}; choose one of {', '.join(BY_COLUMNS)}")
    if score not in scored.columns:
        raise errors.SentimentInputError(
            f"the table has no {score!r} column; score the quotes first with score_quotes()")
    if not 0 < level < 1:
        raise errors.SentimentInputError(f"level must lie between 0 and 1, got {level}")
    if n_boot < 1:
        raise errors.SentimentInputError(f"n_boot must be at least 1, got {n_boot}")
    if not include_nested and "nested" in scored.columns:
        scored = scored[~scored["nested"].fillna(False).astype(bool)]
    keys = _group_keys(scored, by)
    values = pd.to_numeric(scored[score], errors="coerce")
    rows = []
    for group in sorted(set(keys)):
        v = values[(keys == group).to_numpy()].dropna().to_numpy(dtype=float)
        n = len(v)
        if n == 0:
            rows.append({"group": group, "n": 0, "mean_compound": float("nan"), "ci_low": float("nan"),
                         "ci_high": float("nan"), "share_positive": float("nan"),
                         "share_negative": float("nan"), "low_n": True})
            continue
        rng = np.random.default_rng([seed, zlib.crc32(group.encode("utf-8"))])
        low, high = _bootstrap(v, n_boot, level, rng)
        rows.append({
            "group": group,
            "n": n,
            "mean_compound": round(float(v.mean()), 4),
            "ci_low": round(low, 4),
            "ci_high": round(high, 4),
            "share_positive": round(float((v >= POSITIVE_THRESHOLD).mean()), 4),
            "share_negative": round(float((v <= NEGATIVE_THRESHOLD).mean()), 4),
            "low_n": n < LOW_N,
        })
    frame = pd.DataFrame(rows, columns=list(AGG_COLUMNS))
    frame = frame.sort_values(["n", "group"], ascending=[False, True], kind="stable").reset_index(drop=True)
    frame["n"] = frame["n"].astype(int)
    frame["low_n"] = frame["low_n"].astype(bool)
    return frame


# --- NLTK's port, for comparison only ------------------------------------------------------------

@functools.cache
def nltk_analyzer():
    """Return NLTK's VADER port reading the lexicon file shipped in ``vaderSentiment`` (no download).

    NLTK only loads data from folders on ``nltk.data.path``, so the package folder of
    ``vaderSentiment`` is appended to it once.  For comparisons only: newskit scores with
    the reference implementation (:func:`sentiment`).
    """
    from pathlib import Path

    import nltk
    import vaderSentiment
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    folder = str(Path(vaderSentiment.__file__).resolve().parent)
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)
    return SentimentIntensityAnalyzer(lexicon_file="vader_lexicon.txt")


def nltk_polarity(text: str, straighten: bool = True) -> Sentiment:
    """Return NLTK's VADER scores for ``text`` (see :func:`nltk_analyzer`), straightened like :func:`sentiment`."""
    if not isinstance(text, str):
        raise errors.SentimentInputError(f"nltk_polarity() needs a string, got {type(text).__name__}")
    if straighten and not text.isascii():
        text = _straight(text)
    d = nltk_analyzer().polarity_scores(text)
    return Sentiment(d["neg"], d["neu"], d["pos"], d["compound"])


def compare_nltk(texts) -> "object":
    """Return a DataFrame comparing the reference's and NLTK's compound for each text.

    Columns: ``text, reference, nltk, difference`` (``nltk − reference``), one row per
    text in input order.
    """
    import pandas as pd

    rows = []
    for t in texts:
        ref, other = sentiment(t).compound, nltk_polarity(t).compound
        rows.append({"text": t, "reference": ref, "nltk": other, "difference": round(other - ref, 4)})
    return pd.DataFrame(rows, columns=["text", "reference", "nltk", "difference"])
