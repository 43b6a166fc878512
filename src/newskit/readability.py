"""Classic readability formulas at three grains: article, paragraph, sentence.

What is counted
---------------
Every count comes from newskit's own segmentation (:mod:`newskit.text`), never from a
second tokenizer:

* **words** — :func:`newskit.text.word_list` tokens (runs of letters/digits joined by
  inner apostrophes, hyphens and periods: "Armenia’s", "large-calibre", "a.m", "30,000");
* **sentences** — :func:`newskit.text.sentences` (Punkt with newskit's abbreviations,
  never crossing a paragraph break);
* **syllables** — :func:`newskit.text.syllables` (CMU Pronouncing Dictionary, then
  documented fallback rules; numbers are read as words);
* **letters** — the letters and digits of the words (hyphens, apostrophes, periods,
  commas and colons inside words are not letters);
* **polysyllables** — words of three or more syllables;
* **long words** — words of seven or more letters.

A sentence without words (a lone "…") is not counted as a sentence.
An article is scored on its **prose paragraphs**: subheads (``Paragraph.subhead``, e.g.
"No military solution") are left out at every grain, because a four-word title line
would count as a four-word "sentence" and make the text look easier than it is.  When
*every* paragraph is a subhead (a text of one short unpunctuated line), all paragraphs
are used so that the text still gets a score.

The formulas (W words, S sentences, Sy syllables, P polysyllables, L letters)
-----------------------------------------------------------------------------
* Flesch Reading Ease (Flesch 1948): ``206.835 − 1.015·W/S − 84.6·Sy/W``.
* Flesch–Kincaid Grade (Kincaid, Fishburne, Rogers & Chissom 1975): ``0.39·W/S + 11.8·Sy/W − 15.59``.
* Gunning Fog (Gunning 1952): ``0.4·(W/S + 100·P/W)`` — "complex words" taken as all
  words of three or more syllables (Gunning's exceptions for proper nouns, compounds and
  -ed/-es endings are not applied).
* SMOG (McLaughlin 1969): ``1.0430·√(P·30/S) + 3.1291`` — P normalised to 30 sentences;
  below 30 sentences (every paragraph, every sentence) this is an extrapolation.
* Coleman–Liau (Coleman & Liau 1975): ``0.0588·(100·L/W) − 0.296·(100·S/W) − 15.8``.
* Automated Readability Index (Senter & Smith 1967): ``4.71·L/W + 0.5·W/S − 21.43``
  (characters counted as letters and digits).

Dale–Chall is left out: it needs the Dale–Chall list of 3,000 familiar words, which no
maintained package in newskit's dependencies provides (textstat bundles a copy, but
textstat is only a test and benchmark reference here, pinned to 0.7.8 because later
releases download data at run time).

Undefined cases
---------------
Every formula divides by the number of words and sentences.  :func:`readability` raises
:class:`~newskit.errors.NoReadableText` for a text without words (empty, blank,
punctuation only); :func:`by_paragraph` and :func:`by_sentence` skip units without
words (no rows, never NaN).  A text without sentence-ending punctuation is one sentence
per paragraph; a 10,000-word sentence gets the (huge) grade the formula gives; numbers
are words whose syllables are those of the number read aloud; non-English text gets
numbers too, but the formulas and the syllable fallback are calibrated for English only.

Agreement with textstat 0.7.8 (the reference used in tests)
-----------------------------------------------------------
textstat is a test and benchmark reference only.  Two kinds of check
(``tests/test_readability.py``):

1. *Formulas.*  Fed textstat's own counts, newskit's formula functions reproduce
   textstat's FRE, FKGL, SMOG and Fog (with textstat's complex-word count) exactly, ARI
   exactly once textstat's definitions of characters and words are used, and Coleman–Liau
   up to the coefficient (textstat uses 0.058 where Coleman & Liau give 0.0588).
2. *End to end*, on the prose of the first article and five of the fixture texts in
   ``tests/fixtures/readability/``: words within 1 % + 1, sentences ±1, syllables within
   7 %, letters within 2 %; FRE ±10 points, FKGL ±1.5, Fog ±2.5, SMOG ±1.5, Coleman–Liau
   ±1.0, ARI ±3.0 grades.  The sixth fixture (``numbers_hyphens.txt``, dense with numbers,
   decimals and abbreviations) is outside these tolerances by design, and its tests check
   the reasons instead.  On the first article (25 prose paragraphs) newskit counts 674
   words, 31 sentences (the count a person makes; textstat 32) and 1,143 syllables
   (textstat 1,076), hence FKGL 12.9 against textstat's 11.46 and FRE 41.3 against 50.4.

Where the counts differ, and why: textstat's words are whitespace-separated after
deleting punctuation (a lone dash vanishes, "Armenia’s" becomes "Armenias", which is not
in the CMU dictionary); its sentences are runs ending in ``.!?`` with short runs (≤ 2
words) dropped, so "Sept.", "U.N." or "1.5" can end a "sentence"; for words outside the
CMU dictionary its syllables come from Pyphen hyphenation, which gives 1 syllable for
"Pashinyan", "Nagorno-Karabakh" or "30,000", where newskit reads numbers aloud
("thir-ty thou-sand" = 4), spells acronyms ("GMT" = 3), and adds up the parts of
hyphenated words; its Fog counts only 3+-syllable words that are not on the Dale–Chall
list; its ARI counts every non-space character (punctuation included) per whitespace
token.  On plain dictionary words the two tools count the same syllables (tested).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from . import text as _text
from .errors import NoReadableText

__all__ = [
    "Grain",
    "Readability",
    "ParagraphReadability",
    "SentenceReadability",
    "HardSentence",
    "METRICS",
    "COUNTS",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "scores",
    "readability",
    "by_paragraph",
    "by_sentence",
    "hardest_sentences",
    "readability_frame",
]

COUNTS = ("words", "sentences", "syllables", "letters", "polysyllables", "long_words")
METRICS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
)


class Grain(str, Enum):
    """The unit a readability row describes."""

    ARTICLE = "article"
    PARAGRAPH = "paragraph"
    SENTENCE = "sentence"


# --- the formulas, on counts ------------------------------------------------------------------

def _check(words: int, sentences: int) -> None:
    if words <= 0 or sentences <= 0:
        raise NoReadableText(
            f"readability needs at least one word and one sentence (got {words} words, "
            f"{sentences} sentences)"
        )


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """Flesch Reading Ease: ``206.835 − 1.015·words/sentences − 84.6·syllables/words``.

    Higher is easier (60–70 "plain English", below 30 "very difficult").  Source:
    Flesch, R. (1948), A new readability yardstick, *Journal of Applied Psychology* 32(3).
    """
    _check(words, sentences)
    return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """Flesch–Kincaid Grade Level: ``0.39·words/sentences + 11.8·syllables/words − 15.59``.

    A US school grade.  Source: Kincaid, Fishburne, Rogers & Chissom (1975), *Derivation
    of new readability formulas for Navy enlisted personnel*, Research Branch Report 8-75.
    """
    _check(words, sentences)
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


def gunning_fog(words: int, sentences: int, polysyllables: int) -> float:
    """Gunning Fog index: ``0.4·(words/sentences + 100·complex/words)``.

    Complex words are taken as words of three or more syllables.  Source: Gunning, R.
    (1952), *The Technique of Clear Writing*, McGraw-Hill.
    """
    _check(words, sentences)
    return 0.4 * (words / sentences + 100.0 * polysyllables / words)


def smog_index(sentences: int, polysyllables: int) -> float:
    """SMOG grade: ``1.0430·√(polysyllables·30/sentences) + 3.1291``.

    The polysyllable count is normalised to the 30-sentence sample the formula was fitted
    on.  Source: McLaughlin, G. H. (1969), SMOG grading — a new readability formula,
    *Journal of Reading* 12(8).
    """
    _check(1, sentences)
    return 1.0430 * math.sqrt(polysyllables * 30.0 / sentences) + 3.1291


def coleman_liau_index(words: int, sentences: int, letters: int) -> float:
    """Coleman–Liau index: ``0.0588·L − 0.296·S − 15.8``, L letters and S sentences per 100 words.

    Source: Coleman, M. & Liau, T. L. (1975), A computer readability formula designed for
    machine scoring, *Journal of Applied Psychology* 60(2).
    """
    _check(words, sentences)
    return 0.0588 * (100.0 * letters / words) - 0.296 * (100.0 * sentences / words) - 15.8


def automated_readability_index(words: int, sentences: int, letters: int) -> float:
    """Automated Readability Index: ``4.71·characters/words + 0.5·words/sentences − 21.43``.

    Characters are letters and digits.  Source: Senter, R. J. & Smith, E. A. (1967),
    *Automated Readability Index*, AMRL-TR-66-220, Wright-Patterson Air Force Base.
    """
    _check(words, sentences)
    return 4.71 * letters / words + 0.5 * words / sentences - 21.43


def scores(words: int, sentences: int, syllables: int, letters: int, polysyllables: int) -> dict[str, float]:
    """Return the six metrics (keys :data:`METRICS`) for the given counts.

    Raises :class:`~newskit.errors.NoReadableText` when ``words`` or ``sentences`` is 0.
    """
    return {
        "flesch_reading_ease": flesch_reading_ease(words, sentences, syllables),
        "flesch_kincaid_grade": flesch_kincaid_grade(words, sentences, syllables),
        "gunning_fog": gunning_fog(words, sentences, polysyllables),
        "smog_index": smog_index(sentences, polysyllables),
        "coleman_liau_index": coleman_liau_index(words, sentences, letters),
        "automated_readability_index": automated_readability_index(words, sentences, letters),
    }


# --- records ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Readability:
    """Counts and the six metrics for one stretch of text (see the module docstring)."""

    words: int
    sentences: int
    syllables: int
    letters: int
    polysyllables: int
    long_words: int
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    smog_index: float
    coleman_liau_index: float
    automated_readability_index: float


@dataclass(frozen=True)
class ParagraphReadability(Readability):
    """Readability of one prose paragraph; ``text == source[start:end]``."""

    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SentenceReadability(Readability):
    """Readability of one sentence of a prose paragraph; ``text == source[start:end]``."""

    sentence: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class HardSentence:
    """A sentence ranked by :func:`hardest_sentences`, with what makes it hard.

    ``score`` is the sentence's Flesch–Kincaid grade; ``hard_words`` lists its words of
    three or more syllables in order of appearance; ``reason`` says it in words.
    """

    rank: int
    sentence: int
    paragraph: int
    score: float
    words: int
    syllables: int
    polysyllables: int
    hard_words: tuple[str, ...]
    reason: str
    start: int
    end: int
    text: str


# --- counting ---------------------------------------------------------------------------------

_NOT_LETTERS = ("-", "'", "’", ".", ",", ":", "_")


@functools.cache
def _word_stats(word: str) -> tuple[int, int, int, int]:
    """(syllables, letters, is polysyllabic, is long) of one word token, cached per token."""
    letters = len(word)
    for ch in _NOT_LETTERS:
        if ch in word:
            letters -= word.count(ch)
    syl = _text.syllables(word)
    return syl, letters, int(syl >= 3), int(letters >= 7)


def _count(sentence_text: str) -> tuple[int, int, int, int, int]:
    """(words, syllables, letters, polysyllables, long_words) of one sentence."""
    ws = _text.word_list(sentence_text)
    if not ws:
        return 0, 0, 0, 0, 0
    syl, let, poly, long_ = map(sum, zip(*map(_word_stats, ws)))
    return len(ws), syl, let, poly, long_


def _record(cls, words, sentences, syllables, letters, poly, long_, **extra):
    return cls(words, sentences, syllables, letters, poly, long_,
               **scores(words, sentences, syllables, letters, poly), **extra)


def _prose(text: str):
    """Prose paragraphs of ``text`` (all paragraphs when every one is a subhead) and their sentences."""
    if not isinstance(text, str):
        raise TypeError(f"readability needs a str, not {type(text).__name__}")
    paras = _text.paragraphs(text)
    keep = {p.index for p in paras if not p.subhead} or {p.index for p in paras}
    paras = [p for p in paras if p.index in keep]
    sents = [s for s in _text.sentences(text) if s.paragraph in keep]
    return paras, sents


def _sentence_counts(text: str):
    paras, sents = _prose(text)
    return paras, [(s, _count(s.text)) for s in sents]


# --- public functions -------------------------------------------------------------------------

def readability(text: str) -> Readability:
    """Return the counts and six metrics of ``text`` as one :class:`Readability` record.

    Computed over the prose paragraphs (subheads excluded, see the module docstring);
    sentences from :func:`newskit.text.sentences`, words from
    :func:`newskit.text.word_list`, syllables from :func:`newskit.text.syllables`.
    Raises :class:`~newskit.errors.NoReadableText` when the text has no words.
    """
    _, rows = _sentence_counts(text)
    tot = [0, 0, 0, 0, 0]
    n_sent = 0
    for _, c in rows:
        if c[0]:
            n_sent += 1
        for i in range(5):
            tot[i] += c[i]
    words, syl, let, poly, long_ = tot
    if words == 0:
        raise NoReadableText("the text has no words (empty, blank or punctuation only): readability is undefined")
    return _record(Readability, words, n_sent, syl, let, poly, long_)


def by_paragraph(text: str) -> list[ParagraphReadability]:
    """Return one :class:`ParagraphReadability` per prose paragraph of ``text`` that has words.

    Paragraphs are those of :func:`newskit.text.paragraphs` (``paragraph`` is their index
    there, so subheads leave gaps); sentences never cross a paragraph break, so the
    paragraph rows add up to the article's counts.
    """
    paras, rows = _sentence_counts(text)
    per: dict[int, list[int]] = {}
    for s, c in rows:
        acc = per.setdefault(s.paragraph, [0, 0, 0, 0, 0, 0])
        if c[0]:
            acc[5] += 1
        for i in range(5):
            acc[i] += c[i]
    out = []
    for p in paras:
        acc = per.get(p.index)
        if not acc or acc[0] == 0:
            continue
        words, syl, let, poly, long_, n_sent = acc
        out.append(_record(ParagraphReadability, words, n_sent, syl, let, poly, long_,
                           paragraph=p.index, start=p.start, end=p.end, text=p.text))
    return out


def by_sentence(text: str) -> list[SentenceReadability]:
    """Return one :class:`SentenceReadability` per sentence (with words) of the prose paragraphs.

    ``sentence`` is the index from :func:`newskit.text.sentences` (over the whole text);
    each row's metrics treat the sentence as a one-sentence text.
    """
    _, rows = _sentence_counts(text)
    out = []
    for s, (words, syl, let, poly, long_) in rows:
        if words == 0:
            continue
        out.append(_record(SentenceReadability, words, 1, syl, let, poly, long_,
                           sentence=s.index, paragraph=s.paragraph, start=s.start, end=s.end, text=s.text))
    return out


def hardest_sentences(text: str, n: int = 5) -> list[HardSentence]:
    """Return the ``n`` hardest sentences of ``text``, hardest first, each with why.

    Score: the sentence's own Flesch–Kincaid grade, ``0.39·words + 11.8·syllables/words
    − 15.59``, which rises with sentence length and with the share of long (many-syllable)
    words; ties keep text order.  ``reason`` compares the sentence's length with the
    article's average sentence and lists its words of three or more syllables.
    """
    if n < 0:
        raise ValueError("n must be >= 0")
    rows = by_sentence(text)
    if not rows:
        return []
    avg = sum(r.words for r in rows) / len(rows)
    ranked = sorted(rows, key=lambda r: (-r.flesch_kincaid_grade, r.sentence))[:n]
    out = []
    for rank, r in enumerate(ranked, 1):
        hard = tuple(w for w in _text.word_list(r.text) if _word_stats(w)[0] >= 3)
        share = 100.0 * r.polysyllables / r.words
        reason = (f"{r.words} words ({r.words / avg:.1f}× the average sentence of {avg:.1f}); "
                  f"{r.polysyllables} words of 3+ syllables ({share:.0f}% of words)"
                  + (": " + ", ".join(hard) if hard else ""))
        out.append(HardSentence(rank, r.sentence, r.paragraph, r.flesch_kincaid_grade, r.words,
                                r.syllables, r.polysyllables, hard, reason, r.start, r.end, r.text))
    return out


_ARTICLE_COLUMNS = [*COUNTS, *METRICS]
_PARAGRAPH_COLUMNS = ["paragraph", *COUNTS, *METRICS, "start", "end", "text"]
_SENTENCE_COLUMNS = ["sentence", "paragraph", *COUNTS, *METRICS, "start", "end", "text"]


def readability_frame(articles: Iterable, by: str | Grain = Grain.ARTICLE):
    """Return a tidy DataFrame of readability over a corpus (list of :class:`~newskit.corpus.Article`).

    ``by="article"``: one row per article (columns ``article_id``, counts, metrics);
    ``"paragraph"``: one row per prose paragraph (plus ``paragraph, start, end, text``);
    ``"sentence"``: one row per sentence (plus ``sentence, paragraph, start, end, text``).
    Built with :func:`newskit.corpus.records_frame`.  An article without words raises
    :class:`~newskit.errors.NoReadableText` naming the article.
    """
    from .corpus import records_frame

    grain = Grain(by)
    if grain is Grain.ARTICLE:
        def extract(article):
            try:
                return [readability(article.text)]
            except NoReadableText as exc:
                raise NoReadableText(f"article {article.id}: {exc}") from None
        return records_frame(articles, extract, _ARTICLE_COLUMNS)
    if grain is Grain.PARAGRAPH:
        return records_frame(articles, lambda a: by_paragraph(a.text), _PARAGRAPH_COLUMNS)
    return records_frame(articles, lambda a: by_sentence(a.text), _SENTENCE_COLUMNS)
