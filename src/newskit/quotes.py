"""Quotations and reported speech, with their speakers: who is quoted, saying what.

:func:`extract_quotes` finds, in an article's clean text,

* **direct quotes** (kind ``direct``): a quotation standing as its own clause, in curly
  “ ”, straight " " or French « » marks, possibly continued over several paragraphs (news
  convention: each continuing paragraph opens with a mark and only the last one closes);
  single marks ‘ ’ count as quotation marks outside double ones (headline and British style)
  and as nested quotes inside them;
* **partial quotes** (kind ``partial``): a quoted fragment embedded in the writer's own
  sentence ("started “intensive shelling” of ...");
* **reported speech** (kind ``reported``): "X said (that) ...", "X says ...", "…, X said",
  "according to X, ...", "X told Y ...", with the reported clause as ``text``; an indirect
  question ("X asked whether ...", "X asked how ...") is kind ``reported`` too, with rule
  ``reported question`` (it asks; it claims nothing);

and attributes each one to a speaker with a small ordered set of rules over the sentence
around it; each record names the rule that fired (``rule``) so a reader can check it.
Reporting verbs come from ``resources/reporting_verbs.txt`` (lemmas, inflections, and
whether the verb introduces reported speech or only attributes a quote).

Rules for the speaker, in order: a verb right after the quote (“…,” said X / “…,” X said);
a verb right before it (X said, “…” / X said: “…”); a colon or dash introduction (X: “…”);
the subject of the reported clause the quote sits in (X said that … “…” …); the subject of a
quote-only verb (they agreed to “…”); the speaker of the quote it directly follows (same
paragraph, or the paragraph before); the nearest person named in the two sentences before
it; for headline and subhead quotes, the speaker of the body quote they echo.  Pronoun
speakers ("it", "he", "they") get a ``referent``: the nearest earlier speaker compatible with
the pronoun, or a person (for "he"/"she") or an organisation opening a sentence (for "it")
named nearer the pronoun than that speaker.  "He" and "she" must agree with the person's
gender when it is known: from a given name or gendered title (``resources/person_gender.tsv``)
or from the first "he"/"she" the writer uses after naming them; an unknown gender agrees with
both.  A bare surname ("Michel") gets the fuller name written earlier ("EU President Charles
Michel").  Figures and documents get whoever stands behind them as ``referent``: "according to
figures kept by the mission" → the mission (its full name when written earlier), "a finance
ministry memo seen by this newspaper" → the finance ministry (rule suffix ``+ issuer``).

Scare quotes: a one-word quote that no reporting verb governs ("the so-called “buffer”"),
and any quote after "so-called", "dubbed", "known as", "called" without a speaker, is the
writer distancing themself from a word, not a source speaking; such quotes are left out by
default (``scare_quotes=True`` keeps them as kind ``partial``, speaker None, rule
``scare quote``).

Apostrophes ("Armenia’s", "horses'", "’90s", "didn't") are told apart from single quote
marks by the characters around them.  An unbalanced mark never raises: a stray closing mark
is ignored, an opening mark left open at the end of its paragraph (and not continued in the
next) either yields a quote up to the paragraph's end flagged ``closed=False`` (when it opens
a clause) or is ignored.  The work is linear in the length of the text.

Method: a hand-written rule system in the tradition of the quotation extractors of Pouliquen
et al. (2007, "Automatic detection of quotations in multilingual news") and of the
GenderGapTracker (Asr et al. 2021, PLOS ONE), without their parser: the text is scanned once
for marks and once for reporting verbs, then each candidate is read in its sentence.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum
from itertools import filterfalse
from operator import attrgetter

from . import resources
from .text import Sentence, _sentence_spans, is_subhead, word_list

__all__ = [
    "QuoteKind",
    "Quote",
    "QUOTE_COLUMNS",
    "extract_quotes",
    "article_quotes",
    "headline_quotes",
    "quotes_frame",
    "nested_quotes",
    "reporting_verbs",
]


class QuoteKind(str, Enum):
    """What kind of speech a :class:`Quote` records."""

    DIRECT = "direct"
    PARTIAL = "partial"
    REPORTED = "reported"

    def __str__(self) -> str:  # reads well in tables and f-strings
        return self.value


@dataclass(frozen=True)
class Quote:
    """One quotation or reported statement, with its speaker.

    ``text`` is the quoted words without the quote marks (for reported speech, the reported
    clause) and ``text == article_text[start:end]``; a quote continued over paragraphs keeps
    the paragraph breaks and the continuing paragraphs' opening marks inside its text.
    ``speaker`` is the speaker as written (maybe a pronoun, or None) with its span;
    ``verb`` the reporting verb as written; ``rule`` the rule that attributed the speaker;
    ``paragraph`` and ``sentence`` index the paragraph and sentence (of
    :func:`newskit.text.sentences`) where the quote starts (for reported speech: where its
    verb is).  ``canonical_speaker``, ``role``, ``type`` and ``side`` are filled by
    :func:`newskit.sources.resolve` (None until then).  ``referent`` is the earlier mention a
    pronoun or surname speaker stands for; ``where`` is ``body``, ``subhead`` or
    ``headline``; ``closed`` is False for a quote whose closing mark is missing; ``words``
    counts the words of ``text``.
    """

    kind: QuoteKind
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    verb: str | None
    rule: str
    paragraph: int
    sentence: int
    canonical_speaker: str | None = None
    role: str | None = None
    type: str | None = None
    side: str | None = None
    referent: str | None = None
    where: str = "body"
    closed: bool = True
    words: int = 0


class _LazyWords:
    """``Quote.words`` of a quote built without it (by the extractor): ``text``'s word count,
    computed on first reading and then stored in the instance (where later readings find it
    first: this descriptor has no ``__set__``).  A quote built through ``Quote(…)`` has
    ``words`` in its ``__dict__`` already and never reaches this."""

    def __get__(self, obj, cls=None):
        if obj is None:
            return 0  # the field's default, as the class attribute it replaces
        n = obj.__dict__["words"] = _wc(obj.text)
        return n


Quote.words = _LazyWords()  # (after @dataclass, which has read the default 0 already)


QUOTE_COLUMNS = [
    "kind", "text", "speaker", "canonical_speaker", "role", "type", "side", "verb",
    "start", "end", "speaker_start", "speaker_end", "paragraph", "sentence", "rule",
    "words", "referent", "where", "closed",
]


# --- resources ------------------------------------------------------------------------------

@functools.cache
def reporting_verbs() -> dict[str, tuple[str, str]]:
    """Return ``{form: (lemma, class)}`` from ``resources/reporting_verbs.txt``.

    ``class`` is ``speech`` (introduces reported speech and quotes), ``np`` (like speech;
    its object noun phrase is reported content too), ``that`` (reports only a that-clause),
    ``quote`` (only attributes a quote in its clause) or ``question`` (like quote, and reports
    the indirect question that follows it: "asked whether …", "asked how …").
    """
    out: dict[str, tuple[str, str]] = {}
    for row in resources.table("reporting_verbs.txt"):
        for form in row["forms"].split():
            out[form.lower()] = (row["lemma"], row["class"])
    return out


def _trie_regex(words: Sequence[str]) -> str:
    """A regex alternation of ``words`` factored into a prefix trie (fast to match)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and not ends:
            return branches[0]
        alt = "(?:" + "|".join(branches) + ")"
        return alt + "?" if ends else alt

    return build(trie)


@functools.cache
def _verb_regex() -> re.Pattern[str]:
    forms = sorted(reporting_verbs())
    return re.compile(r"(?<![\w\-’'])(?:(?i:according\s+to)|" + _trie_regex(forms) + r")(?![\w\-])")


def _lookbehind_spans(pattern: re.Pattern[str], after: re.Pattern[str], text: str, lo: int = 0,
                      hi: int | None = None) -> list[tuple[int, int]]:
    """The spans of ``pattern.finditer(text, lo, hi)``, found faster, for a ``pattern``
    ``(?<![C])BODY`` whose matches all end in a character of class ``C``, given ``after``:
    ``[^C](BODY)``.

    A pattern that opens with a look-behind gives the regex engine no first character to
    skip to, so it is tried at every position; ``after`` consumes the character before the
    match instead, and the engine skips in C to the characters outside ``C``.  A match at
    ``lo`` has no such character inside the window, so ``pattern`` is tried there first.  No
    match starts where the one before it ends (its last character is in ``C``), so searching
    on with ``after`` from there finds exactly the matches ``finditer`` finds."""
    if hi is None:
        hi = len(text)
    out = []
    first = pattern.match(text, lo, hi)
    if first is not None:
        out.append(first.span())
        lo = first.end()
    out.extend(m.span(1) for m in after.finditer(text, lo, hi))
    return out


@functools.cache
def _verb_bytes() -> frozenset[bytes] | None:
    """The forms of :func:`reporting_verbs` as bytes, or None unless all are lower-case
    ASCII words (what :func:`_verb_spans` relies on)."""
    forms = reporting_verbs()
    if not all(f.isascii() and f.isalpha() and f.islower() for f in forms):
        return None
    return frozenset(f.encode("ascii") for f in forms)


# bytes: a-z kept, every other byte a space (the verb forms are the words left)
_LOWER_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def _verb_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``_verb_regex().finditer(text)``, in order.

    The pattern opens with a look-behind, so the regex engine would try it at every position
    of the text; instead the positions where a match may start are gathered first, and the
    pattern is tried at those only (in order, each past the last match: the same matches).
    ``text`` encoded as Latin-1 with "?" for other characters has one byte per character,
    and the ASCII letters in the same places: a verb form (lower-case ASCII) matched at ``i``
    stands between characters that are no letters, so it is a word of that encoding once all
    but a-z are blanked out; the forms that are such words are looked up at every place they
    occur.  "according to" (any case) holds "ccord", whose letters only their ASCII capitals
    match case-insensitively: its places are those of "ccord" in the lower-cased bytes."""
    forms = _verb_bytes()
    if forms is None:
        return [m.span() for m in _verb_regex().finditer(text)]
    data = text.encode("latin-1", "replace")
    starts = [0]
    find = data.find
    for form in forms.intersection(data.translate(_LOWER_LETTERS_ONLY).split()):
        i = find(form)
        while i >= 0:
            starts.append(i)
            i = find(form, i + 1)
    low = data.lower()
    k = low.find(b"ccord", 1)
    while k >= 0:
        starts.append(k - 1)
        k = low.find(b"ccord", k + 1)
    starts.sort()
    out = []
    pos = 0
    match = _verb_regex().match
    for i in starts:
        if i >= pos:
            m = match(text, i)
            if m is not None:
                out.append(m.span())
                pos = m.end()
    return out


@functools.cache
def _titles() -> tuple[str, ...]:
    return tuple(sorted(resources.lines("titles.txt"), key=len, reverse=True))


@functools.cache
def _title_regex() -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + _trie_regex([t.lower() for t in _titles()]) + r")\s")


@functools.cache
def _person_roles() -> frozenset[str]:
    return frozenset(resources.lines("person_roles.txt"))


@functools.cache
def _place_nouns() -> frozenset[str]:
    return frozenset(resources.lines("place_nouns.txt"))


@functools.cache
def _newspaper_name() -> re.Pattern[str]:
    """A newspaper's name: capitalised words ending in a word of ``resources/newspaper_words.txt``."""
    words = "|".join(re.escape(w) for w in resources.lines("newspaper_words.txt"))
    return re.compile(r"(?=[A-Z])(?<![\w’'])(?:[A-Z][\w’'\-]*\s+){1,3}(?:" + words + r")(?![\w’'])")


@functools.cache
def _name_word() -> str:
    """Pattern of one capitalised word of a name.  A word may end in a period only as an
    initial ("F.", "U.S.") or an abbreviation of ``resources/abbreviations.txt`` ("Dr."), so
    that no name runs across a sentence end ("… in February. He …", "… with Kestria. Basko")."""
    abbrevs = "|".join(sorted((re.escape(a.capitalize()) for a in _abbreviations() if a.isalpha()), key=len,
                              reverse=True))
    return rf"(?:(?:[A-Z]\.)+|(?:{abbrevs})\.|[A-Z][\w’'\-]*)"


@functools.cache
def _name_regex() -> re.Pattern[str]:
    """Two or more capitalised words (see :func:`_name_word`)."""
    word = _name_word()
    return re.compile(rf"(?=[A-Z])(?<![\w’'])({word}(?:\s+(?:of\s+|de\s+|al-)?{word})+)")


@functools.cache
def _cap_run_regex() -> re.Pattern[str]:
    """A run of one or more capitalised words (see :func:`_name_word`), with the period that
    ends its last word, if any."""
    word = _name_word()
    return re.compile(rf"(?=[A-Z])(?<![\w’'\-]){word}(?:[ \t]+(?:de[ \t]+|al-)?{word})*\.?")


@functools.cache
def _abbreviations() -> frozenset[str]:
    """Abbreviations that end in a period without ending a sentence ("dr", "st"), lower case."""
    return frozenset(resources.lines("abbreviations.txt"))


@functools.cache
def _title_words() -> frozenset[str]:
    """One-word titles ("mayor", "dr", "minister"), lower case, for telling people from places."""
    return frozenset(t for t in _titles() if " " not in t and "-" not in t)


@functools.cache
def _source_nouns() -> frozenset[str]:
    return frozenset(resources.lines("source_nouns.txt"))


@functools.cache
def _pronouns() -> dict[str, str]:
    return {r["pronoun"]: r["kind"] for r in resources.table("pronouns.tsv")}


@functools.cache
def _gender_words() -> tuple[dict[str, str], dict[str, str]]:
    """``(given names, role words)`` → 'm' or 'f', from ``resources/person_gender.tsv``."""
    names: dict[str, str] = {}
    roles: dict[str, str] = {}
    for row in resources.table("person_gender.tsv"):
        target = names if row["kind"] == "name" else roles
        for w in row["words"].split():
            target[w] = row["gender"]
    return names, roles


_PRONOUN_GENDER = {"he": "m", "she": "f"}


@functools.lru_cache(maxsize=4096)
def _gender(person: str) -> str | None:
    """'m', 'f' or None (unknown) for a person as written: the first given name or gendered
    title or role word of its head ("Mayor Ilona Varesh" → 'f', "the soldier’s mother" → 'f',
    "Dr. Emil Sarkany" → 'm'); words before a possessive belong to another person."""
    names, roles = _gender_words()
    words = person.split()
    for i in range(len(words) - 1, -1, -1):
        if words[i].endswith(("’s", "'s", "s’", "s'")) and i < len(words) - 1:
            words = words[i + 1:]
            break
    for w in words:
        low = w.lower().rstrip(",")
        if low in roles:
            return roles[low]
        bare = w.strip(",.’'")
        if bare in names:
            return names[bare]
    return None


# --- quote marks ----------------------------------------------------------------------------

_MARK = re.compile("[\"“”„‟«»‘’'‹›]")
_DOUBLE_OPEN = frozenset("“„‟«")
_DOUBLE_CLOSE = frozenset("”»")
_OPEN_CONTEXT = frozenset(" \t\n([{—–-/:;,…") | _DOUBLE_OPEN | frozenset("‘")


def _classify(text: str, i: int, lo: int, hi: int) -> str:
    """Classify the mark at ``text[i]``: 'do', 'dc', 'da' (double open/close/ambiguous),
    'so', 'sc' (single open/close), 'sa' (single ambiguous: apostrophe or close) or '' (apostrophe)."""
    ch = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if ch in _DOUBLE_OPEN:
        return "do"
    if ch in _DOUBLE_CLOSE:
        return "dc"
    if ch == "\"":
        if prev in _OPEN_CONTEXT and not nxt.isspace():
            return "do"
        if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
            return "dc"
        return "da"
    if ch == "‹":
        return "so"
    if ch == "›":
        return "sc"
    # single marks: ‘ ’ '
    if prev.isalnum() and nxt.isalnum():
        return ""  # Armenia’s, didn't
    if ch == "‘":
        return "" if nxt.isdigit() else "so"
    if prev in _OPEN_CONTEXT or prev in "\"”":
        if nxt.isdigit():
            return ""  # ’90s
        if ch == "'" and nxt.isalpha():
            return "so"
        return ""  # a right single mark after a space does not open a quote
    if not prev.isspace():
        return "sa" if prev in "sSzZ" else "sc"  # horses' (maybe) / closing mark
    return ""


@dataclass(slots=True)
class _Raw:
    open: int  # index of the opening mark
    close: int  # index of the closing mark, or the paragraph end when unclosed
    para: int
    closed: bool
    single: bool


def _scan_paragraph(text: str, lo: int, hi: int, para: int, state: list, out: list[_Raw],
                    allow_single: bool = True) -> None:
    """Pair the marks of one paragraph (``state`` carries an open double quote across paragraphs)."""
    single_open = -1
    for m in _MARK.finditer(text, lo, hi):
        i = m.start()
        ch = m.group()
        # (_classify's first two answers, inline: curly double marks are most marks)
        c = "do" if ch in _DOUBLE_OPEN else "dc" if ch in _DOUBLE_CLOSE else _classify(text, i, lo, hi)
        if not c:
            continue
        if state:  # a double quote is open
            if c in ("dc", "da"):
                o, p0 = state.pop()
                out.append(_Raw(o, i, p0, True, False))
            elif c == "do":
                state[:] = [(i, para)]  # restart: the earlier opening mark was stray
            continue
        if single_open >= 0:
            if c in ("sc", "sa"):
                out.append(_Raw(single_open, i, para, True, True))
                single_open = -1
            elif c == "so":
                single_open = i
            continue
        if c in ("do", "da"):
            state[:] = [(i, para)]
        elif c == "so" and allow_single:
            single_open = i
    if single_open >= 0:
        # a stray single mark: read the rest of the paragraph again without single quotes
        _scan_paragraph(text, single_open + 1, hi, para, state, out, allow_single=False)


def _find_raw(text: str, paras: list[tuple[int, int]]) -> list[_Raw]:
    out: list[_Raw] = []
    state: list = []
    k = 0
    while k < len(paras):
        lo, hi = paras[k]
        _scan_paragraph(text, lo, hi, k, state, out)
        if state:
            o, p0 = state[0]
            nxt = paras[k + 1] if k + 1 < len(paras) else None
            if nxt and text[nxt[0]] in "“\"«„" and not _closes_immediately(text, nxt):
                # continued quote: the next paragraph opens with a mark; skip that mark
                k += 1
                lo2, hi2 = nxt
                _scan_paragraph(text, lo2 + 1, hi2, k, state, out)
                # emulate the loop for this paragraph already scanned
                while state:
                    o, p0 = state[0]
                    nxt2 = paras[k + 1] if k + 1 < len(paras) else None
                    if nxt2 and text[nxt2[0]] in "“\"«„" and not _closes_immediately(text, nxt2):
                        k += 1
                        _scan_paragraph(text, nxt2[0] + 1, nxt2[1], k, state, out)
                        continue
                    state.clear()
                    out.append(_Raw(o, paras[k][1], p0, False, False))
                k += 1
                continue
            state.clear()
            out.append(_Raw(o, hi, p0, False, False))
        k += 1
    out.sort(key=lambda r: r.open)
    return out


def _closes_immediately(text: str, para: tuple[int, int]) -> bool:
    """True when a paragraph's first mark is an empty quote ("" …) rather than a continuation."""
    lo, hi = para
    return lo + 1 < hi and text[lo + 1] in "”\"»"


# --- words and noun phrases -----------------------------------------------------------------

_TOKEN = re.compile(r"\S+")
_STRIP_PUNCT = "\"“”‘’'«»()[]{}.,;:!?…"
# a token that ends or opens a clause (see _boundary_end)
_BOUNDARY_LAST, _BOUNDARY_FIRST = ",;:()[]“”\"«»‘—–", "“\"«‘("
_BOUNDARY_CLOSERS, _BOUNDARY_STOPS = "'’”\"»)", ".!?"
_BOUNDARY_CLOSERS_STOPS = _BOUNDARY_CLOSERS + _BOUNDARY_STOPS  # a token ending in none ends no clause there
_DETERMINERS = frozenset(
    "the a an its his her their our this that these those both each all some several many "
    "two three four five six seven eight nine ten one other another every no any".split())
_SUBORDINATORS = frozenset(
    "that which when while because if although though since after before as where whereas "
    "whether than so but and or nor then".split())
_AUX = frozenset(
    "also has have had would will did does do then later earlier again repeatedly previously "
    "once further reportedly simply publicly privately recently quickly separately similarly "
    "too only could may might must should can shall just already still even often never "
    "subsequently initially first last".split())
_BE = frozenset("is was were are been be being am".split())
_PERSONAL_PRONOUNS = frozenset("he she they we i".split())
# a time adverbial between the subject and its verb: "Stefan Halmi, last month called", "… on Monday said"
_TRAIL_TIME = re.compile(r"(?:,?\s+(?:(?:last|this|next|earlier\s+this|later\s+that)\s+(?:week|month|year|night|"
                         r"morning|evening|weekend|spring|summer|autumn|winter|monday|tuesday|wednesday|thursday|"
                         r"friday|saturday|sunday)|yesterday|on\s+(?:monday|tuesday|wednesday|thursday|friday|"
                         r"saturday|sunday)))+\s*$", re.I)
# the words a _TRAIL_TIME match ends with (before its trailing white space)
_TRAIL_TIME_LAST = frozenset("week month year night morning evening weekend spring summer autumn winter monday "
                             "tuesday wednesday thursday friday saturday sunday yesterday".split())


_NEGATION = frozenset("not n't never didn't don't doesn't won't wouldn't cannot can't "
                      "didn’t don’t doesn’t won’t wouldn’t can’t refused declined no".split())
_NOUN_FORMS = frozenset(
    "report reports claim claims statement calls call post posts note notes estimate estimates "
    "fear fears hope hopes warning warnings comment comments answer answers reply replies promise "
    "promises pledge pledges vow vows threat threats demand demands denial denials remark remarks "
    "protest protests tweet tweets signal signals brief briefs stress cry cries joke jokes "
    "counter dub term label answer answers response".split())
_NOUN_BEFORE = frozenset(
    "media news press many several some these those recent earlier such the a an other "
    "unconfirmed conflicting initial first latest further numerous new".split())
_LEAD_STRIP = re.compile(
    r"^(?:(?:but|and|yet|so|meanwhile|however|still|now|also|then|separately|later|earlier|"
    r"instead|indeed)\b[,]?\s+)+", re.I)
_LEAD_TIME = re.compile(
    r"^(?:(?:on|in|at|during|late|early|earlier|last|this|by)\s+)+(?:(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|night|morning|afternoon|evening|week|month|year|"
    r"weekend|day|the|a|an|\d+\w*)\s+)+", re.I)
_RIGHT_STOP = frozenset(
    "in on at during while when after before as adding because told said says who's late "
    "earlier yesterday today".split())
_ORG_WORDS = frozenset(
    "ministry government army military forces force office command media agency council "
    "committee parliament embassy administration service union kremlin presidency cabinet "
    "party group organisation organization side sides reports report newspaper channel "
    "broadcaster outlet authorities mission states republic kingdom nations federation "
    "officials sources alliance coalition movement bloc league association foundation "
    "commission delegation company".split())
_PLURAL_PRONOUN_OK = frozenset("officials sources media authorities forces troops residents "
                               "witnesses both side sides leaders countries governments".split())
_PREPS_BEFORE_PLACE = frozenset("in at from near to of into across outside inside toward "
                                "towards by via over under between around".split())
_NOT_NAMES = frozenset(
    "the a an this that these those it he she they we i but and in on at during after before "
    "since as if when while monday tuesday wednesday thursday friday saturday sunday january "
    "february march april may june july august september october november december according "
    "earlier later meanwhile however there here what why how who where by from to for with "
    "his her its their our my your asked speaking early late shortly overnight yesterday today tonight "
    "just then now".split())


# punctuation that may wrap a word ("(attack,”"); none of it is a word character
_WRAP_PUNCT = "\"“”‘’'«»()[]{}.,;:!?…—–-/*"


def _wc(s: str) -> int:
    """Number of words, as :func:`newskit.text.word_count` counts them.

    A word never spans white space, so the count is the sum over the white-space tokens; a
    token that is one run of word characters, maybe wrapped in punctuation ("said,",
    "“We"), is one word, and only the others ("don't", "U.S.", "1,200", "—") go through
    :func:`newskit.text.word_list` (faster than running the word pattern over ``s``)."""
    toks = s.split()
    odd = list(filterfalse(str.isalnum, toks))  # tokens with a character that is no letter or digit
    n = len(toks) - len(odd)
    for tok in odd:
        n += 1 if tok.strip(_WRAP_PUNCT).isalnum() else len(word_list(tok))
    return n


def _has_words(s: str, n: int) -> bool:
    """Does ``s`` have at least ``n`` (≥ 1) words, counted as :func:`_wc` counts them? Reads
    only as many tokens as it needs."""
    count = 0
    toks = s.split(None, n)  # the first n tokens (and the rest): usually enough
    if len(toks) > n:
        rest = toks.pop()
        for tok in toks:
            count += 1 if tok.strip(_WRAP_PUNCT).isalnum() else len(word_list(tok))
            if count >= n:
                return True
        toks = rest.split()  # (some token held no word: "—")
    for tok in toks:
        count += 1 if tok.strip(_WRAP_PUNCT).isalnum() else len(word_list(tok))
        if count >= n:
            return True
    return False


def _bare(tok: str) -> str:
    return tok.strip(_STRIP_PUNCT)


def _is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


_RELATIVE = frozenset(("who", "whose", "which", "that"))


def _head_ok(words: list[str]) -> bool:
    """Does a candidate speaker noun phrase have a plausible head?"""
    if not words:
        return False
    core = words
    if len(words) > 1 and not _RELATIVE.isdisjoint(map(str.lower, words[1:])):  # (a quick test first)
        for i in range(1, len(words)):
            if words[i].lower() in _RELATIVE:
                core = words[:i]
                break
    head = core[-1].strip(_STRIP_PUNCT)
    low = head.lower()
    if low in _pronouns():
        return len(words) == 1
    if head and head[0].isupper() and low not in _NOT_NAMES:
        return True
    forms = _source_noun_forms()
    for w in core:
        if w.strip(_STRIP_PUNCT).lower() in forms:
            return True
    return False


@functools.cache
def _source_noun_forms() -> frozenset[str]:
    """The words (bare, lower case) that :func:`_head_ok` takes for a source noun: a noun of
    ``resources/source_nouns.txt``, its plural in "-s" or ("-y" → "-ies"), any of them with a
    possessive "’s" or "'s" (a word ending in one is taken only as the possessive of such a
    form: its part before the "’s" is tested)."""
    nouns = _source_nouns()
    forms = set(nouns) | {n + "s" for n in nouns} | {n[:-1] + "ies" for n in nouns if n.endswith("y")}
    plain = {f for f in forms if not f.endswith(("’s", "'s"))}
    return frozenset(plain | {f + s for f in forms for s in ("’s", "'s")})


_FINITE_VERB = re.compile(r"\s([a-z]+ed)\s")


def _before_finite_verb(text: str, np: tuple[int, int]) -> tuple[int, int] | None:
    """``np`` cut before a past-tense verb inside it ("Opposition leader Ilena Varsk claimed victory
    in the election late on Sunday," → "Opposition leader Ilena Varsk"), when what is left still
    has a speaker's head; ``np`` itself otherwise."""
    m = _FINITE_VERB.search(text, np[0], np[1])
    if m is None or m.start() == np[0]:
        return np
    head = text[np[0]:m.start()].split()
    return (np[0], m.start()) if head and _head_ok(head) else np


def _boundary_end(tok: str) -> bool:
    r"""Does a token end or open a clause: ends in ``, ; : ( ) [ ] “ ” " « » ‘ — –``, opens with
    ``“ " « ‘ (``, or ends in ``. ! ?`` before closing marks (the regex
    ``[,;:()\[\]“”"«»‘—–]$|^[“"«‘(]|[.!?]['’”"»)]*$`` spelt out with string tests: faster)?"""
    if tok[-1] in _BOUNDARY_LAST or tok[0] in _BOUNDARY_FIRST or tok == "-":
        return True  # a lone hyphen: "VELGRAD, 3 October (Agency) - Saravel’s foreign ministry said"
    core = tok.rstrip(_BOUNDARY_CLOSERS)
    return bool(core) and core[-1] in _BOUNDARY_STOPS


# the words _LEAD_STRIP and _LEAD_TIME open with
_LEAD_WORDS = frozenset("but and yet so meanwhile however still now also then separately later earlier "
                        "instead indeed on in at during late early last this by".split())


_LEAD_INITIALS = frozenset(w[0] for w in _LEAD_WORDS) | frozenset(w[0].upper() for w in _LEAD_WORDS)


def _may_lead(span: str) -> bool:
    """Can _LEAD_STRIP or _LEAD_TIME match at the start of ``span`` (a quick test before
    them)?  Its first token must be one of their words, maybe with a comma; non-ASCII text
    goes to the patterns, which may fold its case."""
    head = span[:12]  # the longest of those words, its comma and one character more
    if not head.isascii():
        return True
    words = head.split(None, 1)
    return bool(words) and words[0].lower().rstrip(",") in _LEAD_WORDS


# the relative pronouns that open a clause about the speaker ("A woman whose house was hit said")
_WHO = frozenset(("who", "whose", "which"))
# the words the walk of _left_np tests
_WALK_WORDS = _WHO | frozenset(("and", "has", "have", "had", "will", "would")) | _SUBORDINATORS | _BE


def _left_np(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The speaker noun phrase ending right before ``hi`` (a verb), not before ``lo``.

    The words are the white-space tokens of the 180 characters before ``hi`` (without the
    first one when that window starts after ``lo``: it may be cut); their positions are
    looked up only for the phrase found, back from the window's end.  A time adverbial right
    before the verb is not part of the phrase ("Stefan Halmi, last month called")."""
    start = max(lo, hi - 180)
    seg = text[start:hi]
    toks = seg.split()
    # _TRAIL_TIME's match ends with one of _TRAIL_TIME_LAST after white space: the last token
    # of the window (an ASCII token that is none of them, in any case, rules a match out;
    # other tokens go to the pattern, which may fold their case: "ſ" is an "s" to it)
    if toks and (not toks[-1].isascii() or toks[-1].lower() in _TRAIL_TIME_LAST):
        t = _TRAIL_TIME.search(text, max(lo, hi - 60), hi)
        if t and t.start() > lo:
            hi = t.start() + (1 if text[t.start()] == "," else 0)  # keep the comma before it
            start = max(lo, hi - 180)
            seg = text[start:hi]
            toks = seg.split()
    off = 1 if toks and start > lo else 0  # the first token is a word cut by the window
    words = toks[off:]
    if not words:
        return None
    # auxiliaries and adverbs between subject and verb ("It also said", "has said")
    low_last = words[-1].lower()
    while low_last in _AUX:
        words.pop()
        if not words:
            return None
        low_last = words[-1].lower()
    if low_last in _BE:
        return None  # passive: "was told", "is said to"
    # trailing parentheticals: "Suren Papikyan, the defence minister of Armenia," / ", meanwhile," /
    # "Velt, 34, a nurse,"
    for _ in range(3) if words[-1].endswith(",") else ():
        if not words[-1].endswith(","):
            break
        n = len(words)
        j = n - 2
        while j >= 0 and not words[j].endswith((",", ";", ":")) and n - j < 30:
            j -= 1
        if j < 0 or not words[j].endswith(","):
            break
        inner = words[j + 1:]
        first = inner[0].strip(_STRIP_PUNCT).lower()
        possessive = inner[0][0].isupper() and inner[0].endswith(("’s", "'s"))
        long_ok = first.endswith("ing") or (first in _DETERMINERS and first not in ("both", "all"))
        if n - j >= (26 if long_ok else 12) and first not in _WHO and not (
                (first in _DETERMINERS or possessive) and any(w in _WHO for w in inner)):
            break  # only a relative clause runs this long ("X, who spoke … because …, said")
        appositive = first.isdigit() or first in _DETERMINERS or first in _WHO or first in (
            "meanwhile", "however", "too", "also", "for", "in", "speaking", "herself", "himself", "itself", "though")
        appositive = appositive or possessive  # "Viktor Saal, Tervania’s ambassador in Selmark, says"
        if not appositive and not inner[0][0].islower():
            break
        del words[j + 1:]
    n = len(words)
    last = words[-1]
    if last.endswith(","):
        words[-1] = last[:-1]  # the comma before a parenthetical, or a trailing one
        if len(last) == 1:
            words.pop()
            n -= 1
            if not words:
                return None
    # walk back to the start of the noun phrase
    i = n
    rel = -1
    # a relative clause right before the verb ("A source who asked not to be named said",
    # "a sergeant who … because he was not authorised to speak told"): its words may be
    # anything, so the walk starts at its "who"/"which"
    # (the walk reads a few words only: each is lower-cased where it is read)
    low_seg = seg.lower()
    for k in range(n - 1, max(n - 25, 1) - 1, -1) if "who" in low_seg or "which" in low_seg else ():
        tk = words[k]
        if k < n - 1 and _boundary_end(tk):
            break
        if tk.lower() in _WHO:
            i = rel = k
            break
    while i > 0:
        tok = words[i - 1]
        # (_boundary_end(tok), its first test inline: most words pass it)
        if i < n and (tok[-1] in _BOUNDARY_LAST or tok[0] in _BOUNDARY_FIRST or tok == "-"
                      or tok[-1] in _BOUNDARY_CLOSERS_STOPS and _boundary_end(tok)):
            break
        low = tok.lower()
        if low not in _WALK_WORDS:  # (none of the tests below applies: most words)
            pass
        elif low in _WHO and i > 1:
            rel = i - 1
        elif low in _SUBORDINATORS and low != "and" and i < n:
            break
        elif low == "and" and i < n:
            if i >= 2 and words[i - 2].endswith(","):
                break
        elif (low in _BE or low in ("has", "have", "had", "will", "would")) and rel < 0 and i < n:
            break
        i -= 1
        if (rel if rel >= 0 else n) - i > 16:
            return None
    if i >= n:
        return None
    if n - i > 1 and words[n - 1].lower() in _PERSONAL_PRONOUNS:
        i = n - 1  # "In a televised address she called": a pronoun takes no modifiers
    # positions of the phrase's last and first words (words[k] is toks[k + off]), back from
    # the end of the window's last token
    k = len(toks) - 1
    pos = start + len(seg.rstrip()) - len(toks[k])
    while k > n - 1 + off:
        k -= 1
        pos = text.rfind(toks[k], start, pos)
    b = pos + len(words[n - 1])  # (without the comma cut off it)
    while k > i + off:
        k -= 1
        pos = text.rfind(toks[k], start, pos)
    a = pos
    span = text[a:b]
    # strip a leading boundary mark and leading conjunctions / time adverbials
    while span and span[0] in "“\"«‘(":
        a += 1
        span = span[1:]
    # (_may_lead's answer is False for a span opening with an ASCII character, no white space,
    # that opens none of its words in any case, when its first 12 characters are ASCII)
    c0 = span[:1]
    if (c0 in _LEAD_INITIALS or not span[:12].isascii() or c0.isspace()) and _may_lead(span):
        m = _LEAD_STRIP.match(span)
        if m:
            a += m.end()
            span = span[m.end():]
        m = _LEAD_TIME.match(span)
        if m and m.end() < len(span):
            a += m.end()
            span = span[m.end():]
    if span[:1] in "aA" and span[:12].lower().startswith("according to"):  # (only "a", "A" lower to "a")
        return None
    span = span.rstrip(",;: ")
    b = a + len(span)
    words = span.split()
    if not words or not _head_ok(words):
        return None
    first = words[0]
    low = first.lower()
    if first[0].islower() and low not in _DETERMINERS and low not in _pronouns():
        bare = first.strip(_STRIP_PUNCT).lower()
        if bare not in _source_nouns() and bare.rstrip("s") not in _source_nouns() \
                and low not in ("officials", "sources", "media", "authorities", "diplomats",
                                "residents", "witnesses", "analysts", "experts", "troops",
                                "forces", "people", "observers", "monitors"):
            # a lower-case start that is no determiner: "defence ministry" is fine via the noun list,
            # but "killed people overnight" is not a speaker
            if not any(_is_cap(w) for w in words) and not _head_ok(words[-1:]):
                return None
            if low in _BE or low in _AUX:
                return None
    return a, b


def _right_np(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The speaker noun phrase starting right after ``lo`` (after an inverted verb or "according to")."""
    tokens = _TOKEN.finditer(text, lo, min(hi, lo + 300))
    toks: list[tuple[int, int]] = []  # the tokens read (at most 15 for the phrase, 5 more below)
    out: list[tuple[int, int]] = []
    for m in tokens:
        a, b = m.span()
        toks.append((a, b))
        tok = text[a:b]
        low = tok.lower()
        if out and low in _RIGHT_STOP:
            break
        if not out and tok[0] in "“\"«‘":
            return None
        out.append((a, b))
        if tok[-1] in ",;:.!?)”\"»—–" or len(out) > 14:
            break
    if not out:
        return None
    a, b = out[0][0], out[-1][1]
    if text[b - 1] == "," and not any(_is_cap(text[x:y]) and not text[x:y].endswith(("’s", "'s"))
                                      for x, y in out if x > a):
        # a role, then the name in apposition: "according to the school's head teacher, Olga Brandt, …"
        rest = toks[len(out):len(out) + 5]  # the token that ended the walk, if any, and more:
        rest += (m.span() for m in itertools.islice(tokens, len(out) + 5 - len(toks)))
        names = []
        for x, y in rest:
            tok = text[x:y]
            if not _is_cap(tok):
                break
            names.append((x, y))
            if tok[-1] in ",.;:":
                break
        if 2 <= len(names) <= 4 and text[names[-1][1] - 1] in ",.;:" and not _head_ok([text[names[0][0]:names[0][1]].lower()]):
            a, b = names[0][0], names[-1][1]
    span = text[a:b].rstrip(",;:.!?)”\"»—– ")
    b = a + len(span)
    words = span.split()
    if not words or not _head_ok(words):
        return None
    return a, b


# --- the extractor --------------------------------------------------------------------------

@dataclass(slots=True)
class _Att:
    """An attribution found in the text (internal)."""

    speaker: tuple[int, int] | None
    verb: tuple[int, int] | None
    rule: str


@dataclass(slots=True)
class _Rec:
    kind: QuoteKind
    start: int
    end: int
    att: _Att | None
    sent: int
    para: int
    closed: bool = True
    where: str = "body"
    anchor: int = 0  # position used for ordering pronoun resolution
    referent: str | None = None
    rule_extra: str = ""


_INTRO_AFTER_VERB = re.compile(r"^[^,;:“”\"«»‘’.!?]{0,40}?\s*[,:—–]\s*$")
_NEG_WINDOW = 2
_QUANTIFIER = re.compile(r"(?:at\s+least|at\s+most|more\s+than|fewer\s+than|less\s+than|about|around|up\s+to|"
                         r"nearly|almost|some|over)\s+\S", re.I)
# first letters of the quantifiers _QUANTIFIER matches (a quick test before it; a non-ASCII
# first character goes to the pattern too, which may fold its case)
_QUANTIFIER_FIRST = frozenset("amflunso" + "AMFLUNSO")


def _quantifier(s: str) -> bool:
    """Does ``s`` open with a quantifier ("at least 49", "more than", "some")?"""
    c = s[:1]
    return (c in _QUANTIFIER_FIRST or not c.isascii()) and _QUANTIFIER.match(s) is not None


# a second verb sharing the subject: "… and said", "…, but warned that" (tried only where no
# subject of its own stands before the verb)
_ELIDED = re.compile(r"(?:(?<![,;])\s+and|,?\s+but|,\s+and)\s+(?:\w+\s+)?$")
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas|which|who)\s|;|[.!?]\s")
_COORD = re.compile(r"(?:,\s*(?:and|but|while|whereas)|;\s*(?:and|but)?)\s*$")
_SENT_END = re.compile(r"[.!?…][\"'”’»)]*\s+(?=\S|$)")
_OBJECT_VERBS = frozenset("tell promise assure inform warn remind reassure brief".split())
_PARTICIPLE_TAIL = re.compile(r",?\s+[a-z]+ing\b")  # the comma may end the adverbial before
_COLON_CLAUSE = re.compile(r":\s+(?=[A-Z0-9])")  # a colon, then a clause in no quote marks
_PARTICIPLE_IN = re.compile(r",\s+[a-z]+ing\s")
_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|has been|have been|had been)\s+$")
_PP_START = frozenset(
    "on in at during after before late early earlier later also again to with through via last this "
    "yesterday today tonight separately repeatedly publicly privately recently then too out".split())
_POSSESSIVE_INTRO = re.compile(
    r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})(?:’s|'s)\s+(?:\w+\s+)?(?:answer|reply|response|message|verdict|"
    r"view|words|reaction|warning|retort|comment|assessment|explanation|position|advice|promise)\b")
# "said in an interview with Radio Kessel that ..." : a "that" a few words after the verb
_THAT = re.compile(r"(?:\s+[^\s.;:“”\"«»]+){0,9}?\s+that[\s,]+")


def _that_match(text: str, pos: int, end: int) -> re.Match[str] | None:
    """``_THAT.match(text, pos, end)``, after a quick test that "that" occurs there at all."""
    return _THAT.match(text, pos, end) if text.find("that", pos, end) >= 0 else None


_NAMING = re.compile(r"(?:so-called|dubbed|known\s+as|called|named|titled|entitled|labelled|labeled|"
                     r"termed|nicknamed|codenamed|code-named|the\s+word|the\s+term|phrase)\s*$", re.I)
_CONTENT_BAD_START = frozenset(
    "to of for about with how what whether why when where if so too nothing little much more "
    "goodbye yes hello sorry thanks thank hi by from into at in on after before during as "
    "while because until since than".split())
# a reported clause without "that" must open like a clause: a subject pronoun, a determiner,
# a number or a capitalised word ("said it was worried", "said two soldiers died")
_CLAUSE_START = frozenset(
    "i you he she it we they there this that these those the a an its his her their our my "
    "your no some any all both each every many most several few one two three four five six "
    "seven eight nine ten dozens hundreds thousands more less only none neither either nobody "
    "everyone everybody someone somebody anyone anybody".split())
# …or a bare plural noun soon followed by a finite verb ("said engineers were repairing it",
# "said fertiliser prices could rise")
def _bare_noun_clause(rest: str) -> bool:
    """Does ``rest`` open like a clause whose subject is a bare noun phrase: a finite verb
    among its next six words, with no comma before it ("fertiliser prices could rise",
    "surgeons “cannot be produced overnight”", not "twelve, she said, but only three have
    arrived"), or a past tense in "-ed" right after a plural noun among its first four words
    ("drivers used the station’s reports", "undecided voters tended to decide late")?"""
    words = rest.split()[:7]
    for i, w in enumerate(words):
        if w.lstrip("“\"‘") in _FINITE:
            return True
        if i < 3 and i + 1 < len(words) and _plural_then_past(w, words[i + 1]):
            return True
        if w[-1:] in ",;:":
            return False
    return False


def _plural_then_past(noun: str, verb: str) -> bool:
    """Is ``noun`` a lower-case plural ("drivers", "buses"; not "witness") and ``verb`` a
    lower-case past tense in "-ed" ("used", "needed")?"""
    return (len(noun) > 3 and noun.isalpha() and noun.islower() and noun.endswith("s") and not noun.endswith("ss")
            and len(verb) > 3 and verb.isalpha() and verb.islower() and verb.endswith("ed"))


_FINITE = frozenset("is are was were has have had will would could can cannot should must may might did does do "
                    "shall".split())
_ANAPHORIC_OBJECT = re.compile(
    r"(?:the|this|that|these|those|such|its|their|his|her)\s+(?:\w+\s+)?(?:claims?|reports?|allegations?|"
    r"accusations?|charges?|statements?|remarks?|comments?|accounts?|figures?|news|story|stories|"
    r"rumou?rs?|version|suggestion|idea)\b", re.I)
_TELL_OBJECT = re.compile(
    r"\s*(?:(?:reporters|journalists|parliament|lawmakers|me|us|him|her|them|voters|supporters|residents|"
    r"citizens|colleagues|officials|diplomats|crowds?|listeners|viewers|readers|students|troops|soldiers|"
    r"the\s+(?:press|media|court|nation|country|council|assembly)|the\s+\w+(?:\s+\w+)?|"
    r"a\s+(?:news\s+conference|press\s+conference|briefing|meeting)|[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*){0,3}))"
    r"(?=\s|[,:;.!?]|$)")
_ADVERBIAL = re.compile(
    r"(?:\s*,?\s*(?:(?:on|in|at|during|late|early|earlier|last|this|after|before|by|via|through)"
    r"\s+(?:[\w’'\-.]+\s+){0,3}?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"statement|interview|briefing|conference|call|message|post|address|speech|night|morning|"
    r"afternoon|evening|week|weekend|month|year|day|today|television|tv|radio|twitter|telegram|"
    r"facebook|\d[\w:.]*|a\.m\.?|p\.m\.?|times?)(?:\s+(?:morning|afternoon|evening|night)\b)?|also|again|later|earlier|separately|publicly|"
    r"privately|repeatedly|previously|too|then|yesterday|today|tonight|recently)\b,?)+", re.I)

# the words _ADVERBIAL can open with, and the white space, comma and letters before its first one
_ADVERBIAL_WORDS = frozenset("on in at during late early earlier last this after before by via through also "
                             "again later separately publicly privately repeatedly previously too then "
                             "yesterday today tonight recently".split())
_FIRST_LETTERS = re.compile(r"\s*,?\s*([A-Za-z]*)")


def _adverbial(text: str, pos: int, end: int) -> re.Match[str] | None:
    """``_ADVERBIAL.match(text, pos, end)``, after a quick test that its first word is one of
    _ADVERBIAL's (non-ASCII text goes to the pattern, which may fold its case)."""
    head = text[pos:min(end, pos + 24)]
    if head.isascii():
        m = _FIRST_LETTERS.match(head)
        if m.end() < len(head) and m.group(1).lower() not in _ADVERBIAL_WORDS:
            return None
    return _ADVERBIAL.match(text, pos, end)


def extract_quotes(text: str, *, scare_quotes: bool = False,
                   sentences: Sequence[Sentence] | None = None) -> list[Quote]:
    """Return every quotation and reported statement in ``text`` with its speaker, in text order.

    ``text`` is an article's clean text (paragraphs separated by blank lines).  Spans point
    into it.  Speakers are as written; pronouns and surnames get a ``referent`` but no
    canonical name (see :func:`article_quotes` and :mod:`newskit.sources` for that).
    ``sentences`` may pass the output of :func:`newskit.text.sentences` for ``text`` when
    the caller already has it (it is otherwise computed, once).  ``scare_quotes=True`` keeps
    one-word unattributed quotes (see the module notes).  Never raises on odd input; time is
    linear in the length of ``text``.
    """
    if not text or not text.strip():
        return []
    sents = list(sentences) if sentences is not None else _segment(text)
    if not sents:
        return []
    return _Extractor(text, sents, scare_quotes).run()


class _Sent:
    """A sentence as the extractor reads it: the fields of :class:`newskit.text.Sentence`
    but its text (cheaper to build when the caller gives no sentences)."""

    __slots__ = ("start", "end", "index", "paragraph")

    def __init__(self, start: int, end: int, index: int, paragraph: int) -> None:
        self.start, self.end, self.index, self.paragraph = start, end, index, paragraph


_FALLBACK_BREAK = re.compile(r"[.!?…][\"'”’»)\]]*\s+(?=[\"“‘«(\[]?[A-Z0-9])")


def _segment(text: str) -> list[Sentence] | list[_Sent]:
    """The sentences of :func:`newskit.text.sentences` (as :class:`_Sent`: the extractor
    reads no sentence text), or — only when NLTK's Punkt gives up (its regular
    expressions carry a time limit that multi-megabyte paragraphs exceed) — a plain split at
    sentence punctuation followed by a capital, so that extraction never fails on big input."""
    try:
        return [_Sent(a, b, i, k) for i, (a, b, k) in enumerate(_sentence_spans(text))]
    except TimeoutError:
        from .text import paragraphs

        out: list[Sentence] = []
        for para in paragraphs(text):
            pos = para.start
            for m in _FALLBACK_BREAK.finditer(text, para.start, para.end):
                cut = m.start() + len(m.group().rstrip())
                out.append(Sentence(pos, cut, text[pos:cut], len(out), para.index))
                pos = m.end()
            out.append(Sentence(pos, para.end, text[pos:para.end], len(out), para.index))
        return out


def _extract_resolved(text: str, scare_quotes: bool, table, sentences=None) -> list[Quote]:
    """:func:`extract_quotes` with sources resolved while the records are built (one object per quote)."""
    if not text or not text.strip():
        return []
    sents = list(sentences) if sentences is not None else _segment(text)
    if not sents:
        return []
    from .sources import speaker_resolver

    return _Extractor(text, sents, scare_quotes, speaker_resolver(table)).run()


_UNSET = object()  # a memo's "not computed yet" (None is a result)
# the kinds as module names (an Enum member read from its class is an attribute look-up each time)
_DIRECT, _PARTIAL, _REPORTED = QuoteKind.DIRECT, QuoteKind.PARTIAL, QuoteKind.REPORTED
_ALNUM = re.compile(r"[^\W_]")  # a character that str.isalnum() accepts (\w is those and "_")
_START, _END, _PARAGRAPH = attrgetter("start"), attrgetter("end"), attrgetter("paragraph")


class _Extractor:
    def __init__(self, text: str, sents: Sequence[Sentence], scare: bool, resolver=None) -> None:
        self.resolver = resolver
        self.text = text
        self.sents = sents
        self.scare = scare
        self.starts = starts = list(map(_START, sents))
        ends = list(map(_END, sents))
        self.para_index = index = list(map(_PARAGRAPH, sents))  # text.paragraphs index per sentence
        # a paragraph is a run of sentences with the same ``paragraph``: its span runs from the
        # first one's start to the last one's end
        n = len(index)
        cuts = [0, *[i for i in range(1, n) if index[i] != index[i - 1]], n]
        self.paras = [(starts[i], ends[j - 1]) for i, j in zip(cuts, cuts[1:])]
        self.para_of_sent = para_of_sent = []
        for k in range(len(cuts) - 1):
            para_of_sent += [k] * (cuts[k + 1] - cuts[k])
        self._subhead: dict[int, bool] = {}
        self._subhead_para: dict[int, bool] = {}
        self._np: dict[tuple[int, int, int], tuple[int, int] | None] = {}
        self._hit_starts: dict[int, list[int]] = {}
        self._names: dict[str, list[tuple[int, str]]] | None = None
        self._person_index: tuple[list[int], list[tuple[str, str | None]]] | None = None
        self._person_gender: dict[str, str | None] = {}
        self._namesakes: dict[str, dict[str, None]] = {}  # surname -> the full names that end in it
        self._pronoun_gender: dict[str, str] = {}  # referent -> gender of the first he/she resolved to it
        self._verb_memo: dict[int, bool] = {}  # verb hit start -> _verb_ok
        self._fuller_at: dict[tuple[str, int], str | None] = {}  # (surname, place) -> _fuller_here

    def hits_in(self, si: int, lo: int, hi: int) -> list[tuple[int, int]]:
        """Reporting-verb hits of sentence ``si`` starting in [lo, hi), via bisection."""
        hits = self.hits_by_sent.get(si)
        if not hits:
            return []
        starts = self._hit_starts.get(si)
        if starts is None:
            starts = self._hit_starts[si] = [h[0] for h in hits]
        return hits[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]

    def left_np(self, lo: int, hi: int):
        key = (lo, hi, 0)
        np = self._np.get(key, _UNSET)
        if np is _UNSET:
            np = self._np[key] = _left_np(self.text, lo, hi)
        return np

    def right_np(self, lo: int, hi: int):
        key = (lo, hi, 1)
        np = self._np.get(key, _UNSET)
        if np is _UNSET:
            np = self._np[key] = _right_np(self.text, lo, hi)
        return np

    # positions → indices
    def sent_at(self, pos: int) -> int:
        return max(bisect.bisect_right(self.starts, pos) - 1, 0)

    def _subhead_paragraph(self, k: int) -> bool:
        """Is paragraph ``k`` one sentence that reads as a subhead? (memoised per paragraph)"""
        one = self._subhead_para.get(k)
        if one is None:
            lo, hi = self.paras[k]
            one = self._subhead_para[k] = self.sent_at(lo) == self.sent_at(hi - 1) and self.is_subhead(k)
        return one

    def is_subhead(self, k: int) -> bool:
        if k not in self._subhead:
            lo, hi = self.paras[k]
            self._subhead[k] = is_subhead(self.text[lo:hi])
        return self._subhead[k]

    def run(self) -> list[Quote]:
        text = self.text
        raws = _find_raw(text, self.paras)
        spans: list[tuple[int, int, _Raw]] = []
        for r in raws:
            a, b = r.open + 1, r.close
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if _ALNUM.search(text, a, b):  # (a letter or digit inside: any(ch.isalnum() …))
                spans.append((a, b, r))
        self.quote_spans = spans
        qstarts = [r.open for _, _, r in spans]
        qends = [r.close + 1 for _, _, r in spans]
        self.qstarts, self.qends = qstarts, qends

        # reporting verbs, outside quotes
        hits_by_sent: dict[int, list[tuple[int, int]]] = {}
        self.unclosed_hits: dict[int, list[tuple[int, int]]] = {}
        qi = 0
        starts, si, last = self.starts, 0, len(self.starts) - 1
        n_spans = len(spans)
        for hit in _verb_spans(text):
            p = hit[0]
            while qi < n_spans and qends[qi] <= p:
                qi += 1
            while si < last and starts[si + 1] <= p:
                si += 1  # the sentence at p (self.sent_at(p): hits come in text order)
            if qi < n_spans and qstarts[qi] <= p:  # (and p < qends[qi])
                if not spans[qi][2].closed:
                    self.unclosed_hits.setdefault(si, []).append(hit)
                continue
            hits_by_sent.setdefault(si, []).append(hit)
        self.hits_by_sent = hits_by_sent

        recs: list[_Rec] = []
        reported = self._reported(hits_by_sent)
        recs.extend(reported)
        self.reported = reported
        self._rep_by_sent: dict[int, list[_Rec]] = {}  # the reported clauses of each sentence
        for x in reported:
            self._rep_by_sent.setdefault(x.sent, []).append(x)
        for a, b, r in spans:
            rec = self._quote(a, b, r, reported)
            if rec is not None:
                recs.append(rec)
        recs.sort(key=lambda r: (r.start, r.end))
        self._fill_context(recs)
        self._resolve_referents(recs)
        return self._records(recs)

    def _records(self, recs: list[_Rec]) -> list[Quote]:
        """The :class:`Quote` of each record, sources resolved when there is a resolver."""
        text = self.text
        sents = self.sents
        out = []
        resolver = self.resolver
        new, set_dict = object.__new__, object.__setattr__
        for r in recs:
            att = r.att
            sp = vb = speaker = sp0 = sp1 = verb = None
            rule = "none"
            if att:
                sp, vb, rule = att.speaker, att.verb, att.rule
                if sp:
                    sp0, sp1 = sp
                    speaker = text[sp0:sp1]
                if vb:
                    verb = text[vb[0]:vb[1]]
            s = sents[r.sent]
            canonical = role = typ = side = None
            if resolver is not None:
                actor = resolver(speaker, r.referent)
                if actor is None:
                    typ = side = "unknown"
                else:
                    canonical, role, typ, side = actor.canonical, actor.role, actor.type, actor.side
            start, end = r.start, r.end
            qtext = text[start:end]
            # Quote(…) without the frozen dataclass's __init__ (one object.__setattr__ per
            # field): the same object, its fields set in the same order, about twice as fast;
            # ``words`` is left to Quote's _LazyWords, which counts them when first read
            q = new(Quote)
            set_dict(q, "__dict__", {
                "kind": r.kind, "text": qtext, "start": start, "end": end, "speaker": speaker,
                "speaker_start": sp0, "speaker_end": sp1, "verb": verb, "rule": rule + r.rule_extra,
                "paragraph": s.paragraph, "sentence": s.index, "canonical_speaker": canonical, "role": role,
                "type": typ, "side": side, "referent": r.referent, "where": r.where, "closed": r.closed,
            })
            out.append(q)
        return out

    # --- reported speech ---
    def _verb_ok(self, a: int, b: int, form: str | None = None) -> bool:
        """Does the verb hit ``text[a:b]`` report (not a noun, not negated, …)? ``form`` is
        its lower-case form when the caller has it.  Memoised per hit (several rules ask)."""
        ok = self._verb_memo.get(a)
        if ok is None:
            ok = self._verb_memo[a] = self._verb_reports(a, b, form)
        return ok

    def _verb_reports(self, a: int, b: int, form: str | None) -> bool:
        """:meth:`_verb_ok`, computed."""
        text = self.text
        if form is None:
            form = text[a:b].lower()
        if form.startswith("according"):
            return True
        noun = form in _NOUN_FORMS
        before = text[max(a - 40, 0):a].rsplit(None, _NEG_WINDOW)  # the last words are all we need
        if before:
            w = before[-1]
            low = w.lower()
            if low.endswith("-") or (noun and (low in _NOUN_BEFORE or low.endswith(("’s", "'s", "s’", "s'")))):
                return False  # "media reports", "many reports", "so-called"
            # the last _NEG_WINDOW (2) words, back from the verb, up to a quote or clause end:
            # “It is not calm,” said the woman
            if w[-1] not in "”\"»’',;:":
                if low in _NEGATION or low.endswith(("n't", "n’t")):
                    return False
                if len(before) > 1:
                    w = before[-2]
                    if w[-1] not in "”\"»’',;:":
                        low = w.lower()
                        if low in _NEGATION or low.endswith(("n't", "n’t")):
                            return False
        if noun or form in ("state", "states"):  # only these read the words after the verb
            nxt = text[b:b + 12].lstrip()
            if noun and nxt[:3].lower() in ("of ", "and", "by ", "fro", "in ", "on "):
                return False  # a noun: "reports of fighting"
            if form in ("state", "states") and not nxt.lower().startswith("that"):
                return False  # "state TV", "member states": the verb reports only with a that-clause
        return True

    def _clause_lo(self, sent: Sentence, pos: int) -> int:
        """Start of the clause that ends at ``pos``: after the last quote closing before it."""
        k = bisect.bisect_right(self.qends, pos) - 1
        lo = sent.start
        if k >= 0 and self.qends[k] > lo:
            lo = max(lo, self.qends[k])
        return lo

    def _reported(self, hits_by_sent) -> list[_Rec]:
        text = self.text
        verbs = reporting_verbs()
        qends = self.qends
        np_memo = self._np
        out: list[_Rec] = []
        for si in sorted(hits_by_sent):
            sent = self.sents[si]
            sent_start, sent_end = sent.start, sent.end
            hits = hits_by_sent[si]
            found: list[tuple[_Rec, int]] = []  # (record, clause start of its subject)
            for j, (a, b) in enumerate(hits):
                form = text[a:b]
                entry = verbs.get(form)
                if entry is None:
                    # "according to" (any case): every other hit is a form of the table, in
                    # lower case; _verb_ok accepts it
                    rec = self._according(sent, si, a, b)
                    if rec:
                        found.append((rec, a))
                    continue
                lemma, cls = entry
                if cls == "quote" or (cls == "question" and not self._asks(sent_start, a, b)):
                    continue
                ok = self._verb_memo[a] = self._verb_reports(a, b, form)  # (the first to ask, see _verb_ok)
                if not ok:
                    continue
                # ", urging …", ", saying …": a participle after a comma
                participle = form.endswith("ing") and text[max(sent_start, a - 3):a].rstrip().endswith(",")
                if cls == "np" and participle and not _that_match(text, b, min(sent_end, b + 120)):
                    continue  # "…, urging an “unconditional return”": its object is no reported clause
                # (self._clause_lo(sent, a), inline)
                q = bisect.bisect_right(qends, a) - 1
                lo = qends[q] if q >= 0 and qends[q] > sent_start else sent_start
                after_head = text[b:min(sent_end, b + 12)].lstrip()[:1]
                if (not after_head or after_head in ".!?,;—–)") and text.find(",", max(lo, a - 200), a) < 0:
                    continue  # "“…,” it said." / "…,” it said, but …": the quote's own attribution
                # (self.left_np(lo, a), its memo read inline)
                np = np_memo.get((lo, a, 0), _UNSET)
                if np is _UNSET:
                    np = np_memo[(lo, a, 0)] = _left_np(text, lo, a)
                rule = "reported speech"
                # (hits before this one are the only ones that can lie in np, which ends before a)
                if np is not None and j and hits[j - 1][0] >= np[0] and self._holds_speech_verb(np, si):
                    np = None  # "… department said in a written reply": a subject never holds "said"
                if np is not None and participle:
                    np = _before_finite_verb(text, np)  # "Ilena Varsk claimed victory …, saying"
                if np is None and _ELIDED.search(text[max(sent_start, a - 40):a]):
                    np = self._shared_subject(sent, si, a)
                    rule = "reported speech, shared subject"
                if np is None and participle:
                    # "He disputed the figures, saying they included …": the sentence's subject;
                    # "“…,” said the minister, adding that …": the previous verb's
                    np = self._previous_speaker(sent, si, a) or self._clause_subject(sent_start, a, first=True)
                    rule = "reported speech, participle"
                if np is None:
                    rec = self._inverted(sent, si, a, b)
                    if rec:
                        found.append((rec, a))
                    continue
                # the first character after the verb (in the sentence, within 200 characters)
                nxt = after_head or text[b:min(sent_end, b + 200)].lstrip()[:1]
                adv = None
                if nxt and nxt not in ".!?,;—–)":
                    adv = _adverbial(text, b, sent_end)
                    if adv and adv.end() > b:
                        tail = text[adv.end():sent_end].lstrip()[:1]
                        if tail in ("", ".", "!", "?"):
                            nxt = tail  # "…, the office said last week."
                if nxt not in ("", ".", "!", "?") and text[lo:np[0]].rstrip().endswith(",") and \
                        self._frame_ends(sent, lemma, b, adv):
                    # "…, she told parliament on Tuesday." / "The strike was carried out by jets, a
                    # spokesman said on Thursday, adding that …": the clause before is what was
                    # said; what follows the comma belongs to the participle
                    rec = self._final_attribution(sent, si, np, a, b)
                    if rec:
                        found.append((rec, np[0]))
                    continue
                if not nxt or nxt in ".!?":
                    # clause-final attribution: "The truce failed, the ministry said."
                    rec = self._final_attribution(sent, si, np, a, b)
                    if rec:
                        found.append((rec, np[0]))
                    continue
                if nxt == "," and text[lo:np[0]].rstrip().endswith(",") and \
                        _has_words(text[max(lo, np[0] - 60):np[0]], 1) and lo == sent_start:
                    # parenthetical attribution: "No one was hurt, local officials said, because …"
                    p0 = _clip_start(text, sent_start, np[0])
                    end = self._content_end(sent, b) if sent_end - b > MAX_CLAUSE else _trim_end(text, p0, sent_end)
                    att = _Att(np, (a, b), "reported speech, parenthetical")
                    found.append((_Rec(_REPORTED, p0, end, att, si, self.para_of_sent[si],
                                       anchor=np[0]), p0))
                    continue
                if nxt in ",;—–)":
                    continue  # "“…,” it said, but …"
                c0 = b
                if lemma in _OBJECT_VERBS:
                    m = _TELL_OBJECT.match(text, c0, sent_end)
                    if m:
                        c0 = m.end()
                if _quantifier(text[c0:c0 + 30].lstrip()):
                    m = None
                else:  # the adverbial right after the verb is matched above already
                    m = adv if c0 == b else _adverbial(text, c0, sent_end)
                if m and m.end() > c0:
                    c0 = m.end()
                rest = text[c0:min(sent_end, c0 + 200)]
                rest_s = rest.lstrip(" ,")
                lead = len(rest) - len(rest_s)
                colon = _COLON_CLAUSE.match(rest_s) if rest_s.startswith(":") else None
                if (rest_s[:1] in "“\"«‘:" or rest_s.startswith(":")) and colon is None:
                    continue  # introduces a direct quote
                c0 += lead
                if colon is not None:
                    # "The ministry said in a statement: Illumbran forces began shelling …": the
                    # clause after the colon, in no quote marks, is what was said
                    c0 += colon.end()
                    that = None
                else:
                    that = _that_match(text, b, min(sent_end, b + 120))
                    if that and _PARTICIPLE_IN.search(text, b, that.end()):
                        continue  # "Holm told reporters, adding that …": the participle's clause
                    if that and lemma != "tell":
                        between = text[b:that.end()].split(None, 1)  # (a first word, and more after it?)
                        if len(between) > 1 and between[0].lower().strip(",") not in _PP_START:
                            that = None  # "reported new fighting that killed …": a relative "that"
                    if that:
                        c0 = that.end()
                    elif cls == "that":
                        continue
                    elif cls == "question":
                        pass  # an indirect question (see _asks)
                    else:
                        first_word = rest_s.split(None, 1)[:1]
                        w = _bare(first_word[0]) if first_word else ""
                        wl = w.lower()
                        if not w or wl in ("to", "of", "for", "by"):
                            continue
                        if _quantifier(rest_s):
                            wl = "some"  # "say at least 49 soldiers were killed"
                        if cls == "np":
                            if wl in _CONTENT_BAD_START or _ANAPHORIC_OBJECT.match(rest_s):
                                continue
                        elif not (wl in _CLAUSE_START or _is_cap(w) or w[0].isdigit()
                                  or _bare_noun_clause(rest_s)):
                            continue
                        if lemma == "tell" and c0 == b:
                            continue
                end = _trim_end(text, c0, sent_end) if sent_end - c0 <= MAX_CLAUSE else self._content_end(sent, c0)
                if end - c0 < 3 or not _has_words(text[c0:min(end, c0 + 60)], 2):
                    continue
                if cls == "question":
                    rule = rule.replace("reported speech", "reported question")
                att = _Att(np, (a, b), rule)
                rec = _Rec(_REPORTED, c0, end, att, si, self.para_of_sent[si], True, "body", np[0])
                # a verb sharing its subject ("… acknowledged that X and said Y") ends the clause before it
                found.append((rec, a if rule == "reported speech, shared subject" else np[0]))
            if len(found) < 2:
                if found and found[0][0].end - found[0][0].start >= 3:
                    out.append(found[0][0])
                continue
            # cut coordinated clauses: "A said X, and B said Y", "A admitted X and said Y"
            found.sort(key=lambda t: t[0].start)
            kept: list[_Rec] = []
            for rec, subj in sorted(found, key=lambda t: t[1]):
                if kept and kept[-1].start < subj < kept[-1].end:
                    prev = kept[-1]
                    sep0 = max(prev.start, subj - 8)
                    m = _COORD.search(text, sep0, subj)
                    if m is None and rec.att is not None and rec.att.rule == "reported speech, shared subject":
                        m = _ELIDED.search(text, max(prev.start, subj - 40), subj)
                    if m:
                        prev.end = _trim_end(text, prev.start, m.start())
                    else:
                        continue  # nested reported speech stays inside the outer clause
                kept.append(rec)
            out.extend(r for r in kept if r.end - r.start >= 3)
        return out

    # the words that open an indirect question
    _QUESTION_WORDS = frozenset("whether if how why what when where who whom which".split())
    _QUESTION_OPEN = re.compile(r"\s+(\w+)")

    def _asks(self, sent_start: int, a: int, b: int) -> bool:
        """Does the question verb at ``a:b`` report an indirect question: a question word right
        after it ("asked whether …", "asked how many …"), the verb not passive or in apposition
        (no "Asked whether …, he said", "Vost, asked whether …, said", "when asked how …") and
        its clause no subordinate one ("When Judge Okonye asked whether he wished …"), nor the
        attribution of a quote just before ("“Do you want sugar?” he asked when Harsky …")?"""
        text = self.text
        m = self._QUESTION_OPEN.match(text, b)
        if m is None or m.group(1).lower() not in self._QUESTION_WORDS:
            return False
        before = text[max(sent_start, a - 60):a].rstrip()
        words = before.split()
        if not words or before[-1] in ",“”\"«»?!" or words[-1].lower() in ("when", "if", "as", "after"):
            return False
        lead = words[0].lower().strip(",") if words and a - 60 <= sent_start else ""
        if lead in _SUBORDINATORS:
            return False
        near = text[max(0, a - 40):a]  # (across a sentence end: "“…?” he asked when …")
        return not any(ch in near for ch in "”\"»")

    def _previous_speaker(self, sent: Sentence, si: int, pos: int) -> tuple[int, int] | None:
        """The speaker of the nearest speech verb before ``pos`` in its sentence, before it ("…,
        Colonel Desh Tamrin said on Thursday, adding …") or after it ("“…,” said the minister,
        adding …")."""
        text = self.text
        verbs = reporting_verbs()
        for h0, h1 in reversed(self.hits_in(si, max(sent.start, pos - 300), pos)):
            lemma, cls = verbs.get(text[h0:h1].lower(), ("", ""))
            if h1 > pos or cls != "speech" or not self._verb_ok(h0, h1):
                continue
            comma = text.find(",", h1, pos)
            # what follows "told" is whom she told ("…, she told parliament, saying …")
            after = self.right_np(h1, comma) if comma > h1 and lemma not in _OBJECT_VERBS and not \
                text[h1:comma].strip().startswith(("on ", "in ", "at ", "late", "early")) else None
            return after or self.left_np(self._clause_lo(sent, h0), h0)
        return None

    def _holds_speech_verb(self, np: tuple[int, int], si: int) -> bool:
        """Does the phrase ``np`` (in sentence ``si``) hold a speech verb ("said", "told") of its own
        clause, not one of a relative clause ("a sergeant who asked not to be named")?"""
        text = self.text
        verbs = reporting_verbs()
        for h0, h1 in self.hits_in(si, np[0], np[1]):
            if verbs.get(text[h0:h1].lower(), ("", ""))[1] == "speech" \
                    and not _RELATIVE_CLAUSE.search(text, np[0], h0) and self._verb_ok(h0, h1):
                return True
        return False

    def _shared_subject(self, sent: Sentence, si: int, pos: int) -> tuple[int, int] | None:
        """The subject of the nearest earlier verb of the sentence, for "X called it … and said …";
        a phrase that runs over another verb is no subject ("… said both governments had been
        asked … and added": the subject is the one of "said")."""
        hits = self.hits_in(si, max(sent.start, pos - 300), pos)
        for a, b in reversed(hits):
            np = self.left_np(sent.start, a)
            if np is None:
                # a passive first verb: "Emil Karsk, was asked about it and said …"
                m = _PASSIVE_AUX.search(self.text, max(sent.start, a - 20), a)
                if m:
                    np = self.left_np(sent.start, m.start())
            if np and not any(np[0] <= h[0] < np[1] for h in hits):
                return np
        return None

    def _content_end(self, sent: Sentence, c0: int) -> int:
        end = sent.end
        if end - c0 > MAX_CLAUSE:  # a clause this long is a run-on text, not one statement
            end = self.text.rfind(" ", c0, c0 + MAX_CLAUSE) if " " in self.text[c0:c0 + MAX_CLAUSE] else c0 + MAX_CLAUSE
        return _trim_end(self.text, c0, end)

    def _according(self, sent: Sentence, si: int, a: int, b: int) -> _Rec | None:
        text = self.text
        np = self.right_np(b, sent.end)
        if np is None:
            return None
        att = _Att(np, (a, b), "according to")
        lo = self._clause_lo(sent, a)
        head = text[max(lo, a - 60):a].strip(" ,")
        if len(head.split()) < 2 or head.rstrip()[-1:] in "”\"»":
            # "According to X, CONTENT"; the source's own modifier ends at the comma ("According to
            # two diplomats briefed on the talks, …")
            comma = text.find(",", np[1], min(sent.end, np[1] + 80))
            tail = text[np[1]:comma] if comma >= 0 else ""
            c_from = comma + 1 if tail.strip() and len(tail.split()) <= 8 and not _MARK.search(tail) else np[1]
            after = text[c_from:min(sent.end, c_from + 200)]
            c0 = c_from + (len(after) - len(after.lstrip(" ,")))
            end = self._content_end(sent, c0)
            if end - c0 < 3 or not _has_words(text[c0:min(end, c0 + 60)], 2):
                return None
            return _Rec(_REPORTED, c0, end, att, si, self.para_of_sent[si], anchor=a)
        c0 = _clip_start(text, lo, a)
        end = _trim_end(text, c0, a)
        if not _has_words(text[max(c0, end - 60):end], 2):
            return None
        return _Rec(_REPORTED, c0, end, att, si, self.para_of_sent[si], anchor=a)

    def _inverted(self, sent: Sentence, si: int, a: int, b: int) -> _Rec | None:
        """"CONTENT, said X." (a clause, then an inverted attribution)."""
        text = self.text
        lo = self._clause_lo(sent, a)
        before = text[max(lo, a - 10):a].rstrip()
        if not before.endswith(",") or before[-2:-1] in "”\"»’":
            return None
        np = self.right_np(b, sent.end)
        if np is None:
            return None
        lo = _clip_start(text, lo, a)
        end = _trim_end(text, lo, max(lo, text.rfind(",", lo, a)))
        if not _has_words(text[max(lo, end - 80):end], 3):
            return None
        return _Rec(_REPORTED, lo, end, _Att(np, (a, b), "reported speech, inverted"),
                    si, self.para_of_sent[si], anchor=sent.start)

    def _frame_ends(self, sent: Sentence, lemma: str | None, b: int, adv) -> bool:
        """Whether the verb ending at ``b`` — with its object ("told parliament") and its
        adverbial ("on Thursday") — ends the sentence, or is followed by a comma and a
        participle ("…, adding")."""
        text = self.text
        k = adv.end() if adv is not None and adv.end() > b else b
        if lemma in _OBJECT_VERBS:
            m = _TELL_OBJECT.match(text, k, sent.end)
            if m:
                k = m.end()
                m = _adverbial(text, k, sent.end)
                if m and m.end() > k:
                    k = m.end()
            elif k == b:
                return False
        if text[k:sent.end].strip()[:1] in ("", ".", "!", "?"):
            return k > b
        m = _PARTICIPLE_TAIL.match(text, k, sent.end)
        return m is not None and "," in text[k - 1:m.end()]

    def _final_attribution(self, sent, si, np, a, b) -> _Rec | None:
        text = self.text
        lo = _clip_start(text, self._clause_lo(sent, np[0]), np[0])
        before = text[max(lo, np[0] - 10):np[0]].rstrip()
        if not before.endswith(",") or before[-2:-1] in "”\"»’":
            return None
        end = _trim_end(text, lo, max(lo, text.rfind(",", lo, np[0])))
        if not _has_words(text[max(lo, end - 80):end], 3):
            return None
        return _Rec(_REPORTED, lo, end, _Att(np, (a, b), "reported speech, inverted"),
                    si, self.para_of_sent[si], anchor=sent.start)

    # --- quotes ---
    def _quote(self, a: int, b: int, r: _Raw, reported: list[_Rec]) -> _Rec | None:
        text = self.text
        si = self.sent_at(r.open)
        sent = self.sents[si]
        k = self.para_of_sent[si]
        lo_p, hi_p = self.paras[k]
        where = "subhead" if r.close <= hi_p and self._subhead_paragraph(k) else "body"
        # sentence containing the closing mark
        se_i = self.sent_at(r.close) if r.closed else si
        s_end = self.sents[se_i]
        if r.closed and s_end.end <= r.close + 1 and se_i + 1 < len(self.sents) \
                and self.para_of_sent[se_i + 1] == self.para_of_sent[se_i] \
                and self._attribution_opens(self.sents[se_i + 1].start):
            se_i += 1  # “… the cats?” she asked: Punkt ends the sentence at the mark (as NLTK does)
            s_end = self.sents[se_i]
        # the sentence at a (a >= r.open): usually si itself
        sa = si if si + 1 >= len(self.starts) or a < self.starts[si + 1] else self.sent_at(a)
        if r.closed:
            inside = self._inside_reported(a, b, si, sa, se_i)
            if inside is not None and inside.att is not None:
                # a partial quote inside reported speech with a speaker: what follows would
                # read the words around it only to keep this kind, speaker and rule
                return _Rec(_PARTIAL, a, b, _Att(inside.att.speaker, inside.att.verb, "inside reported speech"),
                            sa, k, True, where, a)
        lo = self._clause_lo(sent, r.open)
        before = text[lo:r.open]
        m = None
        if "." in before or "!" in before or "?" in before or "…" in before:  # _SENT_END needs one
            for m in _SENT_END.finditer(before):
                pass
        if m is not None:  # a sentence end the splitter missed ("… as she arrived. « But …")
            lo += m.end()
            before = text[lo:r.open]
        after_hi = min(s_end.end, r.close + 300)
        nxt_q = bisect.bisect_right(self.qstarts, r.close)
        if nxt_q < len(self.qstarts) and self.qstarts[nxt_q] < after_hi:
            after_hi = self.qstarts[nxt_q]
        after = text[r.close + 1:after_hi] if r.closed else ""
        qtext = text[a:b]
        inner_punct = qtext.rstrip().rstrip("'’")[-1:] in ".?!,…;:—–" if qtext else False  # “… dealt with.’”

        att: _Att | None = None
        if not r.closed:
            cut = self._unclosed_attribution(a, b, si)
            if cut is not None:
                b, att = cut
                qtext = text[a:b]
                inner_punct = True
        if not r.closed:  # (b may be cut: look again)
            inside = self._inside_reported(a, b, si, sa, se_i)
        # 1. verb right after the quote
        if r.closed and inside is None:
            att = self._after(r.close + 1, after_hi, se_i)
        # 2. verb (or colon) right before it
        intro = before.rstrip()
        if att is not None and not r.closed:
            return _Rec(_DIRECT if (not intro or intro[-1] in ",:—–") else _PARTIAL,
                        a, b, att, si, k, False, where, a)
        introduced = (not intro) or intro[-1] in ",:—–" or intro.endswith("...")
        if att is None and inside is None and intro:
            att = self._before(lo, r.open, si)
        kind = _DIRECT
        if inside is not None:
            kind = _PARTIAL
            att = _Att(inside.att.speaker, inside.att.verb, "inside reported speech") if inside.att else None
        elif not introduced:
            kind = _PARTIAL
        elif att is None and not inner_punct and not (after.strip()[:1] and after.strip()[:1] in ".!?"
                                                       and not after.strip()[1:].strip()):
            kind = _PARTIAL
        if kind == _PARTIAL and att is None:
            att = self._quote_verb(sent, si, r.open)
        scare = False
        if att is None:
            if _NAMING.search(before):
                scare = True
            elif not _has_words(qtext, 2) and kind == _PARTIAL:
                scare = True
            elif not _has_words(qtext, 2) and intro:
                scare = True
        if scare:
            if not self.scare:
                return None
            return _Rec(_PARTIAL, a, b, _Att(None, None, "scare quote"), si, k, r.closed, where, a)
        return _Rec(kind, a, b, att, sa, k, r.closed, where, a)

    def _inside_reported(self, a: int, b: int, si: int, sa: int, se_i: int) -> _Rec | None:
        """The reported clause (of sentence ``si`` or ``sa``) that holds the quote ``a:b``, if any."""
        rep_by_sent = self._rep_by_sent
        for sj in (si, sa) if sa != si else (si,):
            for rep in rep_by_sent.get(sj, ()):
                if rep.start <= a and b <= rep.end + 1 and rep.sent <= se_i:
                    return rep
        return None

    _NAME_THEN_WORD = re.compile(r"(?:[A-Z][\w’'\-]*\s+){1,3}([a-z]+)\b")

    def _attribution_opens(self, pos: int) -> bool:
        """Does the sentence at ``pos`` open as the attribution of the quote before it: in lower
        case ("she asked") or with a name and a reporting verb ("Lenk said, holding …")?"""
        text = self.text
        if text[pos:pos + 1].islower():
            return True
        m = self._NAME_THEN_WORD.match(text, pos, pos + 60)
        if m is None or text[pos:m.start(1)].split()[0].lower() in _NOT_NAMES | {"nobody", "none", "no"}:
            return False  # "Nobody answered."
        return reporting_verbs().get(m.group(1), ("", "quote"))[1] != "quote"

    def _unclosed_attribution(self, a: int, b: int, si: int) -> tuple[int, _Att] | None:
        """A quote whose closing mark is missing but whose attribution is inline:
        "“We counted forty explosions, a local councillor, Jan Hobb, said by telephone." → cut at the comma."""
        text = self.text
        for si2 in range(si, self.sent_at(b) + 1):
            for va, vb in self.unclosed_hits.get(si2, ()):
                if not (a < va < b) or not self._verb_ok(va, vb):
                    continue
                np = self.left_np(a, va)
                if np is None:
                    continue
                cut = None
                c = text.rfind(",", a, np[0])
                while c > a:
                    rest = text[c + 1:np[0]].strip()
                    first = rest.split()[0].lower() if rest else ""
                    if not rest or (first in _DETERMINERS and _appositive_prefix(text[c + 1:np[0]])):
                        cut = c
                        c = text.rfind(",", a, c)
                        continue
                    break
                if cut is not None:
                    return cut + 1, _Att(np, (va, vb), "quote, speaker verb")
        return None

    def _after(self, lo: int, hi: int, si: int) -> _Att | None:
        """“…,” said X / “…,” X said / “…,” according to X."""
        text = self.text
        window = text[lo:hi]
        stripped = window.lstrip(" ,—–")
        off = lo + len(window) - len(stripped)
        if not stripped or stripped[0] in ".;:":
            return None
        for a, b in self.hits_in(si, off, min(hi, off + 91)):
            if not self._verb_ok(a, b):
                continue
            form = text[a:b].lower()
            if form.startswith("according"):
                if a == off:
                    np = self.right_np(b, hi)
                    return _Att(np, (a, b), "according to") if np else None
                return None
            if a == off:
                if form.endswith("ing"):
                    return None  # "“…,” telling reporters …": the sentence's subject speaks, not the object
                np = self.right_np(b, hi)
                if np:
                    return _Att(np, (a, b), "quote, verb speaker")
                return None
            np = self.left_np(off, a)
            if np and (np[0] == off or _appositive_prefix(text[off:np[0]])):
                return _Att(np, (a, b), "quote, speaker verb")
            return None
        return None

    def _before(self, lo: int, qpos: int, si: int) -> _Att | None:
        """X said, “…” / X said: “…” / X: “…” / X — “…”."""
        text = self.text
        hits = [h for h in self.hits_in(si, max(lo, qpos - 400), qpos) if h[1] <= qpos]
        intro = text[lo:qpos].rstrip()
        for a, b in reversed(hits):
            if not self._verb_ok(a, b):
                continue
            between = text[b:qpos]
            if text[a:b].lower().startswith("according"):
                np = self.right_np(b, qpos)
                if np:
                    return _Att(np, (a, b), "according to")
                continue
            if _INTRO_AFTER_VERB.match(between) or not between.strip():
                np = self.left_np(lo, a)
                if np:
                    return _Att(np, (a, b), "speaker verb, quote")
                np = self.right_np(b, qpos)  # said Papikyan: “…”
                if np:
                    return _Att(np, (a, b), "verb speaker, quote")
            break
        if intro.endswith((":", "—", "–")):
            # colon or dash introduction: "Papikyan: “…”" / "The ministry's answer — “…”"
            head = intro[:-1].rstrip()
            m = None
            for m in _POSSESSIVE_INTRO.finditer(text, lo, lo + len(head)):
                pass
            if m is not None:
                return _Att(m.span(1), None, "speaker: quote")
            np = self.left_np(lo, lo + len(head) + 1) if head else None
            if np and np[0] <= lo + (len(text[lo:qpos]) - len(text[lo:qpos].lstrip())) + 1:
                return _Att(np, None, "speaker: quote")
            subj = self._clause_subject(lo, lo + len(head))
            if subj is not None:
                return _Att(subj, None, "subject: quote")
            return _Att(None, None, "colon introduction")
        return None

    _POSSESSIVE_SUBJECT = re.compile(r"\s*([A-Z][\w\-]*(?:’s|'s)(?:[ \t]+[a-z]+){1,3})")
    _SUBJECT = re.compile(r"\s*((?:[A-Z][\w’'\-.]*[ \t]+){0,3}[A-Z][\w’'\-]*|[a-z]+)[ \t]+[a-z]")

    def _clause_subject(self, lo: int, hi: int, first: bool = False) -> tuple[int, int] | None:
        """The subject opening the last clause of ``text[lo:hi]`` (the first one with
        ``first``) when it is a pronoun or a name followed by its verb: "Asked what Brask needs
        most, she did not hesitate — “…”", "He disputed the figures, saying …"."""
        text = self.text
        c = -1 if first else text.rfind(",", lo, hi)
        start = c + 1 if c >= 0 else lo
        m = self._POSSESSIVE_SUBJECT.match(text, start, hi)
        if m:
            # "Quellan’s foreign ministry was more guarded, saying …": up to its source noun
            words = m.group(1).split()
            while len(words) > 1 and _bare(words[-1]).lower() not in _source_nouns():
                words.pop()
            if len(words) > 1:
                a = m.start(1)
                return a, a + len(" ".join(words))
        m = self._SUBJECT.match(text, start, hi)
        if m is None:
            return None
        a, b = m.span(1)
        word = text[a:b]
        if word.lower() in _pronouns() and word.lower() != "it" and (word[0].islower() or start == lo):
            return a, b
        if word[0].isupper() and " " not in word and _head_ok([word]):
            return a, b
        if word[0].isupper() and _head_ok(word.split()) and word.split()[0].lower() not in _NOT_NAMES:
            return a, b
        return None

    def _quote_verb(self, sent: Sentence, si: int, qpos: int) -> _Att | None:
        """The subject of any reporting verb before the quote in its clause ("they agreed to “…”")."""
        text = self.text
        lo = self._clause_lo(sent, qpos)
        for a, b in self.hits_in(si, max(lo, qpos - 200), qpos):
            if b > qpos or _CLAUSE_BREAK.search(text, b, qpos):
                continue  # the verb must govern the quote's own clause
            if not self._verb_ok(a, b) or text[a:b].lower().startswith("according"):
                continue
            np = self.left_np(lo, a)
            if np is None and text[a:b].lower().endswith("ing") and text[max(lo, a - 3):a].rstrip().endswith(","):
                np = self._clause_subject(sent.start, a, first=True)  # "She went further, calling it «…»"
            if np:
                return _Att(np, (a, b), "quote verb")
        return None

    # --- context rules ---
    def _fill_context(self, recs: list[_Rec]) -> None:
        text = self.text
        prev_quote: _Rec | None = None
        for idx, r in enumerate(recs):
            if r.kind == _REPORTED:
                continue
            missing = r.att is None or r.att.speaker is None
            if missing and r.where == "body" and r.kind == _DIRECT:
                att = None
                if prev_quote is not None and prev_quote.att and prev_quote.att.speaker:
                    g0, g1 = self.qends_of(prev_quote), self.qstart_of(r)
                    gap = text[g0:g1]
                    same_para = prev_quote.para == r.para
                    if same_para and (not gap.strip(" \n,;.—–") or self._only_own_attribution(prev_quote, g0, g1)):
                        att = _Att(prev_quote.att.speaker, prev_quote.att.verb, "adjacent quote")
                    elif (prev_quote.para == r.para - 1 and prev_quote.kind == _DIRECT
                          and self.qstart_of(r) == self.paras[r.para][0]
                          and not self._other_speaker_between(prev_quote, r)):
                        att = _Att(prev_quote.att.speaker, prev_quote.att.verb, "next paragraph")
                if att is None:
                    att = self._named_earlier(r)
                if att is not None:
                    r.att = att
            if r.where == "subhead" and missing:
                att = self._echo(r, recs)
                if att is not None:
                    r.att = att
            if r.att and r.att.speaker:
                prev_quote = r
            elif r.kind == _DIRECT:
                prev_quote = None

    def _only_own_attribution(self, prev: _Rec, g0: int, g1: int) -> bool:
        """Is the text between two quotes only the first one's attribution ("…,” she said. “…")?"""
        if g1 - g0 > 200 or prev.att is None or prev.att.verb is None:
            return False
        sp, vb = prev.att.speaker, prev.att.verb
        if not (g0 <= vb[0] < g1 and sp and g0 <= sp[0] < g1):
            return False
        text = self.text
        for si in range(self.sent_at(g0), self.sent_at(g1) + 1):
            for a, b in self.hits_in(si, g0, g1):
                if a == vb[0]:
                    continue
                if a > vb[0] and (text[a:b].endswith("ing") or text[max(g0, a - 3):a] == "to "):
                    continue  # the attribution's tail: ", speaking on condition …", "not authorised to brief …"
                return False
        return True

    def qstart_of(self, r: _Rec) -> int:
        return r.start - 1 if r.start > 0 and _MARK.match(self.text, r.start - 1) else r.start

    def qends_of(self, r: _Rec) -> int:
        return r.end + 1 if r.end < len(self.text) and _MARK.match(self.text, r.end) else r.end

    def _other_speaker_between(self, prev: _Rec, r: _Rec) -> bool:
        if not hasattr(self, "_rep_starts"):
            self._rep_starts = sorted(x.start for x in self.reported)
        i = bisect.bisect_right(self._rep_starts, prev.end)
        return i < len(self._rep_starts) and self._rep_starts[i] < r.start

    def _echo(self, r: _Rec, recs: list[_Rec]) -> _Att | None:
        needle = self.text[r.start:r.end].lower().strip(" .,!?")
        if len(needle) < 4:
            return None
        for o in recs:
            if o is r or o.where != "body" or o.kind == _REPORTED:
                continue
            if o.att and o.att.speaker and needle in self.text[o.start:o.end].lower():
                return _Att(o.att.speaker, o.att.verb, "echo of a body quote")
        return None


    def _named_earlier(self, r: _Rec) -> _Att | None:
        """The nearest person named in the two sentences before the quote (or before it in its own)."""
        text = self.text
        lo = self.sents[max(r.sent - 2, 0)].start
        if self.para_of_sent[max(r.sent - 2, 0)] < r.para - 1:
            lo = self.paras[r.para - 1][0] if r.para >= 1 else lo
        hi = self.qstart_of(r)
        lo = max(lo, hi - WINDOW)
        best = None
        for m in _name_regex().finditer(text, lo, hi):
            a, b = m.span()
            words = m.group().split()
            # drop a leading determiner-like word at a sentence start ("The", "But")
            while words and words[0].lower() in _NOT_NAMES:
                a += len(words[0])
                a += len(text[a:b]) - len(text[a:b].lstrip())
                words = words[1:]
            if len(words) < 2:
                continue
            prev_word = text[max(lo, a - 12):a].split()[-1:] or [""]
            if prev_word[0].lower() in _PREPS_BEFORE_PLACE:
                continue
            if any(w.lower().strip(".,’'s") in _ORG_WORDS for w in words):
                continue
            best = (a, b - (1 if text[b - 1] in ".’'" else 0))
        if best is None:
            return None
        return _Att(best, None, "named earlier")

    def _resolve_referents(self, recs: list[_Rec]) -> None:
        """Pronoun speakers → nearest compatible earlier speaker; surnames → fuller name."""
        text = self.text
        pronouns = _pronouns()
        history: list[tuple[int, str, str]] = []  # (position, referent text, kind)
        # the records with a speaker, by its place (a stable sort: the order sorting them all
        # by that place, or by their start when they have none, gives them)
        order = sorted([r for r in recs if r.att and r.att.speaker], key=lambda r: r.att.speaker[0])
        for r in order:
            att = r.att
            a, b = att.speaker
            sp = text[a:b]
            low = sp.lower()
            given = (_may_give_name(text, b) and _GIVES_NAME.match(text, b)) or (
                att.verb is not None and low in pronouns and _NAME_WAS.match(text, att.verb[1]))
            if given:
                # "A woman selling honey, who gave her name as Daria, said" / "He said his name was
                # Vasil Horek and that …": the speaker is the name given
                r.referent = ref = given.group(1)
                r.rule_extra = " + name given"
                history.append((a, ref, "person"))
                continue
            if low in pronouns:
                kind = pronouns[low]
                gender = _PRONOUN_GENDER.get(low)
                ref = None
                ref_pos = -1
                for pos, rtext, rkind in reversed(history[-HISTORY:]):
                    if pos >= a:
                        continue
                    if _compatible(kind, rkind) and self._agrees(gender, rtext):
                        ref, ref_pos = rtext, pos
                        break
                # a person or organisation named after that speaker, nearer the pronoun, wins
                nearer = self._nearest_mention(a, kind, gender, ref_pos)
                if nearer is not None:
                    ref = nearer
                if ref is None:
                    ref = self._mention_before(a, kind)
                if ref is not None:
                    r.referent = ref
                    r.rule_extra = " + pronoun"
                    history.append((a, ref, _speaker_kind(ref)))
                    if gender is not None:
                        self._pronoun_gender.setdefault(ref, gender)  # "“…,” he said" makes Oksen a man
                continue
            # each pattern below needs its own first word, or a possessive "’s", in ``sp``:
            # cheap tests of those first (see _lead_word)
            lead = _lead_word(sp)
            owns = "’s" in sp or "'s" in sp
            if lead in _DOCUMENT_LEADS and _DOCUMENT.match(sp):
                # "“…,” the statement said": the statement speaks for whoever issued it, the
                # speaker just before ("the federation said in a statement …")
                last = next(((pos, rtext) for pos, rtext, _ in reversed(history[-HISTORY:]) if pos < a), None)
                named = self._document_issuer(sp, a, last[0] if last is not None else -1)
                if named is not None:
                    last = (a, named)  # "… read out a statement from President Lidia Marsk."
                if last is not None and a - last[0] <= WINDOW:
                    issuer = last[1]
                    r.referent = issuer
                    r.rule_extra = " + issuer"
                    history.append((a, issuer, _speaker_kind(issuer)))
                    continue
            if (lead in _A_LEADS or sp in _SOME_WORDS) and _SOME_OF.match(sp):
                group = self._group_subject_before(a)
                if group is not None:
                    # "The customers came slowly at first … Several said prices were higher"
                    r.referent = ref = group
                    r.rule_extra = " + group"
                    history.append((a, ref, "group"))
                    continue
            member = _MEMBER.match(sp) if lead in _MEMBER_LEADS or sp in _MEMBER_WORDS else None
            if member:
                # "One of them, 15-year-old Mila Trask," / "one of them said" (after "two Western
                # diplomats …") / "A second diplomat said": a member of the group named before
                found = self._member_referent(member, b, [(p, t) for p, t, _ in history[-HISTORY:] if p < a])
                if found is not None:
                    ref, how = found
                    r.referent = ref
                    r.rule_extra = how
                    history.append((a, ref, "person"))
                    continue
            owned = _OWNED_DOCUMENT.match(sp) if owns else None
            if owned:
                # "The committee’s report, circulated last week, warned …": the committee speaks
                owner = owned.group(1)
                full = self._fuller_definite("the " + owner, a) if _DEFINITE.match("the " + owner) else None
                r.referent = ref = full or owner
                r.rule_extra = " + issuer"
                history.append((a, ref, _speaker_kind(ref)))
                continue
            kept = _KEPT_BY.match(sp) if " by " in sp else None
            if kept:
                # "according to figures kept by the mission": whoever keeps the figures speaks;
                # "a finance ministry memo seen by this newspaper": whoever wrote the memo
                agent = kept.group("agent") or kept.group("owner")
                full = self._fuller_definite(agent, a) if _DEFINITE.match(agent) else None
                r.referent = ref = full or agent
                r.rule_extra = " + issuer"
                history.append((a, ref, _speaker_kind(ref)))
                continue
            ref = sp
            poss = _POSSESSIVE_PRONOUN.match(sp) if lead in _POSSESSIVE_LEADS else None
            if poss:
                kind = {"its": "thing", "his": "person", "her": "person", "their": "group"}[poss.group(1).lower()]
                owned = sp[poss.end():]
                ante = owner = None
                last_pos = next((pos for pos, _, _ in reversed(history[-HISTORY:]) if pos < a), -1)
                if kind == "thing" and _has_org_word(owned):
                    # "Kazmerat has rejected accusations … In a statement, its foreign ministry said":
                    # a country the writer makes a sentence's subject since the last speaker owns it
                    owner = self._subject_country(a, last_pos)
                for pos, rtext, rkind in reversed(history[-HISTORY:]) if owner is None else ():
                    if pos >= a:
                        continue
                    if kind == "thing" and _has_org_word(owned):
                        # "Velmora denied it. Its defence ministry said …": a country owns a
                        # ministry; a ministry does not own one
                        owner = self._country_name(rtext)
                        if owner:
                            break
                        if _has_org_word(rtext):
                            continue
                    if _compatible(kind, rkind):
                        ante = rtext
                        break
                if owner:
                    r.referent = f"{owner}’s {owned}".strip()
                    r.rule_extra = " + possessive"
                    history.append((a, r.referent, _speaker_kind(owned)))
                    continue
                if kind == "person":
                    # "his mother": a person of that gender named after the last speaker is nearer
                    gender = "m" if poss.group(1).lower() == "his" else "f"
                    ante_pos = next((pos for pos, rtext, _ in reversed(history[-HISTORY:])
                                     if pos < a and rtext == ante), -1)
                    nearer = self._nearest_mention(a, "person", gender, ante_pos)
                    if nearer is not None or (ante is not None and not self._agrees(gender, ante)):
                        ante = nearer
                if ante is None:
                    ante = self._mention_before(a, kind)
                if ante:
                    ante = re.sub(r"^(?:[Tt]he)\s+", "", ante)
                    # "Anton Drost’s mother"; "European Union foreign policy chief"
                    r.referent = f"{ante}’s {owned}".strip() if kind == "person" else f"{ante} {owned}".strip()
                    r.rule_extra = " + possessive"
                    history.append((a, r.referent, "person" if kind == "person" else _speaker_kind(sp[poss.end():])))
                    continue
            words = sp.split()
            if len(words) == 2 and words[0].lower().rstrip(".") in _title_words() and _is_cap(words[1]):
                words = words[1:]  # "Father Drey" → the fuller "Father Anselm Drey" named before
            if len(words) == 1 and _is_cap(words[0]):
                full = self._fuller_name(words[0], a)
                if full and full != sp:
                    r.referent = full
                    r.rule_extra = " + surname"
                    ref = full
            elif lead in _THE_LEADS and _DEFINITE.match(sp):
                full = self._fuller_definite(sp, a)
                if full:
                    r.referent = full
                    r.rule_extra = " + earlier mention"
                    ref = full
            role = _COUNTRY_ROLE.match(sp) if owns else None
            if ref == sp and role:
                named = self._country_person(role.group(1), role.group(2), a)
                if named:
                    r.referent = ref = named  # "Norland’s envoy" ← "Ambassador Iva Strand of Norland"
                    r.rule_extra = " + earlier mention"
            if ref == sp and lead in _DESCRIBED_LEADS and _DESCRIBED.match(sp):
                named = self._named_after(sp, b)
                if named:
                    r.referent = ref = named
                    r.rule_extra = " + named after"
            kind = _speaker_kind(ref)
            if kind == "thing" and ref == sp and " " not in sp and _is_cap(sp) and _PERSON_AFTER.match(text, b):
                kind = "person"  # "Dana, from the northern district, said": a first name, not a country
            history.append((a, ref, kind))

    _APPOSITIVE_NAME = re.compile(r",\s+(?:(?:an?|the)\s+)?(?:[\w\-]+\s+){0,3}?"
                                  r"((?:[A-Z][\w’'\-]+\s+){1,2}[A-Z][\w’'\-]+)(?=\s*(?:[,.;:!?]|$))")

    _GROUP_SUBJECT = re.compile(r"(?:The|Many|Some|Most|Hundreds\s+of|Dozens\s+of)\s+((?:[a-z\-]+\s+)?[a-z]+s)\b")

    def _group_subject_before(self, pos: int) -> str | None:
        """The plural people who open the sentence before ``pos`` or the one before it ("The
        customers came slowly …"), for a speaker written "Several" or "Some"."""
        from .sources import member_of

        si = self.sent_at(pos)
        for sj in (si, si - 1, si - 2):
            if sj < 0:
                break
            sent = self.sents[sj]
            m = self._GROUP_SUBJECT.match(self.text, sent.start, sent.end)
            if m and m.start() < pos and not self._in_quote(m.start()) and member_of(m.group(1)) is not None:
                return m.group(1)
        return None

    def _member_referent(self, member: re.Match, end: int,
                         earlier: list[tuple[int, str]]) -> tuple[str, str] | None:
        """Who "one of them" / "another" / "a second diplomat" (``member``, ending at ``end``)
        is: the name of an appositive right after it (", 15-year-old Mila Trask"), else one
        member of the nearest earlier group speaker ("two Western diplomats …" → "Western
        diplomat"; "a second diplomat" → "second Western diplomat"), with the rule's suffix."""
        m = self._APPOSITIVE_NAME.match(self.text, end, min(len(self.text), end + 80))
        if m and not _has_org_word(m.group(1)):
            return m.group(1), " + name after"  # a name of two or three capitalised words
        from .sources import member_of

        noun = member.group("noun")
        for _, group in reversed(earlier):
            one = member_of(group)
            if one is None:
                continue
            if noun is not None and noun.lower() not in one.lower().split():
                return None  # "another official" after "two diplomats": another group
            if noun is not None and member.group("ord"):
                one = f"{member.group('ord').lower()} {one}"
            return one, " + member of group"
        return None

    def _document_issuer(self, document: str, pos: int, after: int) -> str | None:
        """Who issued the document a speaker names ("the statement"), when the writer says so
        between the last speaker (``after``) and ``pos``: "a statement from President Lidia
        Marsk", "a letter by the mayor"."""
        m = None
        for m in _issued_by_pattern(document.split()[-1].lower()).finditer(self.text, max(after + 1, pos - WINDOW),
                                                                            pos):
            pass
        return m.group(1) if m is not None and not self._in_quote(m.start()) else None

    _IDENTIFIED = re.compile(r"(?:(He)|(She)) is ((?:(?:Dr|Mr|Mrs|Ms)\.?\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){1,2})\b")

    def _named_after(self, description: str, pos: int) -> str | None:
        """"“…,” says a man on the deck above. “…” He is Oskar Venn, 67, …": the name that the
        writer's next sentence after ``pos`` (quoted sentences skipped) gives, when it opens "He
        is" / "She is", to a speaker described without a name (the feature writer's way of
        introducing a voice)."""
        si = self.sent_at(pos)
        for sj in range(si + 1, min(si + 5, len(self.sents))):
            sent = self.sents[sj]
            if self._in_quote(sent.start):
                continue
            m = self._IDENTIFIED.match(self.text, sent.start, sent.end)
            if m is None:
                return None
            g = "m" if m.group(1) else "f"
            return m.group(3) if _gender_agrees(_gender(description), g) else None
        return None

    _COUNTRY = re.compile(r"^(?:[Tt]he\s+|[A-Z][a-z]+ing\s+)?([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2})$")

    def _country_name(self, speaker: str) -> str | None:
        """``speaker`` as the name of a country or place ("Neighbouring Velmora" → "Velmora"):
        capitalised words, no organisation word, no given name or title, no person named so."""
        m = self._COUNTRY.match(speaker)
        if m is None or _has_org_word(speaker) or _gender(m.group(1)) is not None:
            return None
        name = m.group(1)
        if _title_regex().search(name.lower()) or any(name == p or p.endswith(" " + name)
                                                      for p, _ in self._persons()[1]):
            return None
        return name

    _SUBJECT_NAME = re.compile(r"([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)[ \t]+(?:has|have|had|is|was|[a-z]+ed|[a-z]+s)\b")

    def _subject_country(self, pos: int, after: int) -> str | None:
        """The country or place (:meth:`_country_name`) that opens the writer's sentence holding
        ``pos``, or the one before it, as its subject ("Kazmerat has rejected …"), after offset
        ``after``; the nearest such, else None."""
        si = self.sent_at(pos)
        for k in (si, si - 1):
            if k < 0:
                break
            sent = self.sents[k]
            if sent.start <= after or self._in_quote(sent.start):
                break
            m = self._SUBJECT_NAME.match(self.text, sent.start, min(pos, sent.end))
            if m is not None and m.group(1).split()[0].lower() not in _NOT_NAMES:
                name = self._country_name(m.group(1))
                if name:
                    return name
        return None

    def _fuller_definite(self, np: str, pos: int) -> str | None:
        """"the army" → "the Valdorian army" written earlier (a capitalised modifier added);
        "the president" → "Ilian Dorsk" of an earlier "President Ilian Dorsk" or "the defence
        minister, Aurel Petran" (a title followed by a name)."""
        head = _DEFINITE.match(np).group(1)
        noun = head.split()[-1]
        if head in ("paper", "newspaper", "daily"):
            # "the paper wrote": the newspaper named last ("the Belun Courier")
            found = None
            for m in _newspaper_name().finditer(self.text, max(0, pos - FAR_WINDOW), pos):
                if not self._in_quote(m.start()):
                    found = m
            return found.group(0) if found else None
        lo = max(0, pos - FAR_WINDOW)
        window = self.text[lo:pos]  # each pattern below needs ``head`` (or its capitalised form) in it
        cap_first = head[:1].upper() + head.split()[0][1:]
        if noun in _title_words() or (noun in _source_nouns() and noun not in _ORG_WORDS):
            found = None
            pats = [_titled_name_pattern(head)] if head.casefold() in window.casefold() else []  # (?i: …)
            if head in window:
                pats.append(_name_appositive_pattern(head))
            for pat in pats:
                for m in pat.finditer(self.text, lo, pos):
                    if not self._in_quote(m.start()) and (found is None or m.start() > found.start()):
                        found = m
            if found is not None:
                return found.group(1)
        found = None
        n_head = len(head.split())
        if head in window:
            for m in _definite_pattern(head).finditer(self.text, lo, pos):
                if len(_drop_not_names(m.group().split())) > n_head:
                    found = m  # a bare "The ministry" in between adds nothing
        proper = None
        if cap_first in window:
            for m in _proper_name_pattern(head).finditer(self.text, lo, pos):
                if not self._in_quote(m.start()):
                    proper = m
        if proper is None and found is None:
            # "…, the monitoring mission said. In its weekly report, the Joint Monitoring Mission
            # said …": the writer names it in full in the next two sentences
            si = self.sent_at(pos)
            hi = self.sents[min(si + 2, len(self.sents) - 1)].end
            if cap_first in self.text[pos:hi]:
                proper = next((m for m in _proper_name_pattern(head).finditer(self.text, pos, hi)
                               if not self._in_quote(m.start())), None)
        if proper is not None and (found is None or proper.start() > found.start()):
            words = _drop_not_names(proper.group().split())
            if len(words) > n_head:
                return " ".join(words)  # "the council" → "National Broadcasting Council"
        if found is None:
            if noun in _person_roles():
                # "Father Anton Brel holds a service … “…,” the priest said": the person named
                # last, in this sentence or the two before
                starts, persons = self._persons()
                k = bisect.bisect_left(starts, pos) - 1
                lo = self.sents[max(self.sent_at(pos) - 2, 0)].start
                if k >= 0 and starts[k] >= lo and _gender_agrees(_gender(head), persons[k][1]):
                    return persons[k][0]
            return None
        words = _drop_not_names(found.group().split())
        return " ".join(words) if len(words) > n_head else None

    # capitalised words right before a surname; a period only in an initial ("Kestria. Basko" is no name)
    _CAPS_BEFORE = re.compile(r"(?<![\w’'\-.])((?:(?:[A-Z]\.|[A-Z][\w’'\-]*)[ \t]+){1,5})$")

    def _fuller_name(self, surname: str, pos: int) -> str | None:
        """The last capitalised sequence before ``pos`` that ends with ``surname`` ("EU President Charles Michel")."""
        text = self.text
        found = None
        end = pos
        lo = max(0, pos - FAR_WINDOW)
        for _ in range(50):  # the nearest earlier "Capitalised … Surname" (bounded: linear time)
            i = text.rfind(surname, lo, end)
            if i < 0:
                break
            j = i + len(surname)
            if j < len(text) and (text[j].isalnum() or text[j] in "’'"):
                end = i
                continue
            if i - 80 >= lo:  # (the window does not clip the look-back: the answer at i is memoised)
                key = (surname, i)
                full = self._fuller_at.get(key, _UNSET)
                if full is _UNSET:
                    full = self._fuller_at[key] = self._fuller_here(surname, i - 80, i)
            else:
                full = self._fuller_here(surname, lo, i)
            if full is not None:
                found = full
                break
            # "When Marsh asked …": no fuller name here, look further back
            end = i
        return found

    def _fuller_here(self, surname: str, lo: int, i: int) -> str | None:
        """The capitalised words right before the ``surname`` at ``i`` (read back to ``lo``)
        with it, when they add at least a word to it ("EU President Charles Michel")."""
        text = self.text
        m = self._CAPS_BEFORE.search(text, lo, i) if _cap_word_before(text, lo, i) else None
        if m:
            words = _drop_not_names((m.group(1) + surname).split())
            if len(words) > 1:
                return " ".join(words)
        return None

    # (_cap_word_before is the quick test that must hold for _CAPS_BEFORE to match)

    _ORG_NP_BODY = (r"(?:[Tt]he\s+)?((?:[A-Z][\w\-]*(?:’s|'s)?\s+)+(?:[a-z]+\s+){0,2}(?:" +
                    "|".join(sorted(_ORG_WORDS - {"reports", "report", "sides", "side"})) + r"))\b")
    _ORG_NP = re.compile(r"(?<![\w’'])" + _ORG_NP_BODY)
    _ORG_NP_AFTER = re.compile(r"[^\w’'](" + _ORG_NP_BODY + ")")  # see _lookbehind_spans

    def _org_nps(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans of ``_ORG_NP.finditer(self.text, lo, hi)``."""
        return _lookbehind_spans(self._ORG_NP, self._ORG_NP_AFTER, self.text, lo, hi)

    def _in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.qstarts, pos) - 1
        return k >= 0 and pos < self.qends[k]

    _HE = re.compile(r"\b(?:(he|him|his|himself)|(she|her|hers|herself))\b", re.I)

    def _cap_runs(self):
        """Runs of capitalised words as ``(start, end, words)``; a run never crosses a sentence
        end ("… with Kestria. Basko said …" is two runs, see :func:`_name_word`)."""
        for m in _cap_run_regex().finditer(self.text):
            yield m.start(), m.end(), m.group().split()

    _RUN_END_CHARS = frozenset("s.,’'")

    def _persons(self) -> tuple[list[int], list[tuple[str, str | None]]]:
        """People named in the writer's text (not inside quotes), in text order: start
        positions and ``(name, gender)``.  A run of capitalised words is a person when it holds
        a given name or a title ("Mayor Ilona Varesh", "Dr. Emil Sarkany", "Andrei"), is
        followed by ", who" or an age (", 52,"), or has its last word written alone elsewhere
        ("Marant was more cautious"); that word alone is then the same person ("Lasko" → "Vera
        Lasko").  Gender comes from the given name or title, else from the first "he/his" or
        "she/her" of the writer's text in the mention's sentence or the next one."""
        if self._person_index is not None:
            return self._person_index
        text = self.text
        names, roles = _gender_words()
        titles = _title_words()
        runs: list[tuple[int, list[str], str]] = []  # (start, words, word before)
        singles: set[str] = set()
        for a, run_end, words in self._cap_runs():
            while words and words[0].lower().strip(".,") in _NOT_NAMES:
                a = text.index(words[1], a + len(words[0])) if len(words) > 1 else a
                words = words[1:]
            if not words or self._in_quote(a):
                continue
            last = words[-1]
            if last[-1] in self._RUN_END_CHARS:  # every ending below ends in one of them
                for end in ("’s", "'s", ".", ",", "’", "'"):
                    if last.endswith(end):
                        last = last[:-len(end)]
                words[-1] = last
            if not last or any(w.lower().strip(".,’'") in _ORG_WORDS for w in words):  # _has_org_word
                continue
            nxt = text[run_end:run_end + 20].split()[:1]
            if words[0] in ("St.", "St", "Saint") or (nxt and nxt[0].lower().strip(",.;:") in _place_nouns()) \
                    or (len(words) > 1 and words[-1].lower() in _place_nouns()):
                continue  # "St. Nikolai’s church", "Mill Street": a place
            before = text[max(0, a - 20):a].split()[-1:]
            runs.append((a, words, before[0].lower().strip(",.;:") if before else ""))
            if len(words) == 1:
                singles.add(last)
        starts: list[int] = []
        found: list[str] = []
        genders: dict[str, str | None] = {}
        surnames: dict[str, str] = {}
        for i, (a, words, before) in enumerate(runs):
            last = words[-1]
            if len(words) == 1:
                if last in surnames:
                    name = surnames[last]
                elif last in names:
                    name = last
                    genders.setdefault(name, names[last])
                else:
                    continue
            elif len(words) == 2 and last in surnames and words[0].lower().strip(".") in titles:
                name = surnames[last]  # "Father Drey" after "Father Anselm Drey"
            else:
                bare = [w.strip(".,’'") for w in words]
                end = a + len(" ".join(words))
                follow = text[end:end + 8]
                if not (any(w.lower() in titles or w.lower() in roles for w in bare) or before in titles
                        or before in roles or any(w in names for w in bare) or last in singles
                        or _PERSON_FOLLOW.match(follow)):
                    continue
                name = " ".join(words)
                if genders.get(name) is None:
                    genders[name] = _gender(name) or roles.get(before) or self._text_gender(
                        end, self._next_person_run(runs, i, names, titles, surnames))
                surnames[last] = name
                self._namesakes.setdefault(last, {})[name] = None  # distinct names, in order
            starts.append(a)
            found.append(name)
        self._person_index = (starts, [(n, genders.get(n)) for n in found])
        self._person_gender = genders
        return self._person_index

    def _namesake(self, name: str, gender: str | None) -> str | None:
        """Another person of the same surname whose gender agrees ("Ruske" after "Corporal Danil
        Ruske" and "Irena Ruske", for a "he"): a surname alone names the last of them otherwise."""
        if gender is None:
            return None
        for other in reversed(list(self._namesakes.get(name.split()[-1], ()))):
            if other != name and self._person_gender.get(other) == gender:
                return other
        return None

    @staticmethod
    def _next_person_run(runs, i: int, names, titles, surnames) -> int:
        """Start of the first run after ``runs[i]`` that names another person (a given name, a
        title, or the surname of someone named before), or a large number when there is none."""
        for a, words, before in runs[i + 1:i + 12]:
            if words[-1] in surnames or before in titles or any(
                    w.strip(".,’'") in names or w.strip(".,’'").lower() in titles for w in words):
                return a
        return 1 << 62

    def _text_gender(self, pos: int, stop: int = 1 << 62) -> str | None:
        """'m' or 'f' from the first he/his/him or she/her of the writer's text after ``pos``,
        in the same sentence or the next one, and before ``stop`` (where another person is
        named: "… Irena Volk and her challenger, Andrej Basko, … Volk defended her …" gives
        Basko no gender); None when there is none."""
        si = self.sent_at(pos)
        hi = min(self.sents[min(si + 1, len(self.sents) - 1)].end, stop)
        roles = _gender_words()[1]
        for m in self._HE.finditer(self.text, pos, hi):
            if self._in_quote(m.start()):
                continue
            if m.group().lower() in ("his", "her") and any(
                    w.lower().strip(",.’'") in roles for w in self.text[max(pos, m.start() - 30):m.start()].split()[-3:]):
                continue  # "killing a 68-year-old man and his wife": his is the man's
            return "m" if m.group(1) else "f"
        return None

    def _agrees(self, gender: str | None, person: str) -> bool:
        """Can a pronoun of ``gender`` refer to ``person`` (by given name, title or the text)?"""
        if gender is None:
            return True
        g = _gender(person)
        if g is None:
            self._persons()
            g = self._person_gender.get(person) or self._pronoun_gender.get(person)
        return _gender_agrees(gender, g)

    def _nearest_mention(self, pos: int, kind: str, gender: str | None, after: int) -> str | None:
        """The nearest antecedent named between ``after`` and ``pos`` (at most WINDOW back)
        for a pronoun of ``kind``: a person of agreeing gender for he/she/I, an organisation
        opening a sentence ("Kalvoria’s defence ministry gave …") for "it"."""
        lo = max(after + 1, pos - WINDOW)
        if kind == "person":
            starts, found = self._persons()
            k = bisect.bisect_left(starts, pos) - 1
            named, named_at = None, lo
            while k >= 0 and starts[k] >= lo:
                name, g = found[k]
                if not _gender_agrees(gender, g) and self._namesake(name, gender):
                    name, g = self._namesake(name, gender), gender
                if _gender_agrees(gender, g) and not self._pronoun_chain_passes(starts[k], gender) \
                        and not self._possessive_at(starts[k], name):
                    named, named_at = name, starts[k]
                    break
                k -= 1
            return self._described_person(named_at, pos, gender) or named
        if kind != "thing":
            return None
        # the last organisation of _ORG_NP.finditer(text, lo, pos) that opens a sentence
        starts = self.starts
        k = bisect.bisect_left(starts, pos) - 1
        chain = None
        while k >= 0 and starts[k] >= lo:
            span = self._org_np_at(starts[k], lo, pos)
            if span is _UNSET:  # a long stretch to read again: read the window once instead
                if chain is None:
                    chain = {a: (a, b) for a, b in self._org_nps(lo, pos)}
                span = chain.get(starts[k])
            if span is not None and not self._in_quote(span[0]) and \
                    _speaker_kind(self.text[span[0]:span[1]]) == "thing":
                return self.text[span[0]:span[1]]
            k -= 1
        return None

    def _org_np_at(self, s: int, lo: int, hi: int):
        """The span of the match of ``_ORG_NP.finditer(self.text, lo, hi)`` that starts at
        ``s``, or None, without scanning the whole window: only a match starting before ``s``
        in the stretch of characters a match can hold (word characters, ``-’'`` and white
        space) can cover ``s``, and finditer starts afresh after any other character.  When
        that stretch is long (over 64 characters), _UNSET: the caller scans instead."""
        text = self.text
        i = s
        while i > lo and text[i - 1].isspace():
            i -= 1
        if i == lo or not _org_np_char(text[i - 1]):
            # only white space before s in that stretch: no match starts there (one opens with a letter)
            m = self._ORG_NP.match(text, s, hi)
            return m.span() if m else None
        r = i - 1
        while r > lo and _org_np_char(text[r - 1]):
            r -= 1
            if s - r > 64:
                return _UNSET
        p = r
        while p <= s:  # finditer from r, up to s
            m = self._ORG_NP.match(text, p, hi)
            if m is None:
                p += 1
            elif m.start() == s:
                return m.span()
            elif m.end() > s:
                return None  # s lies inside an earlier match
            else:
                p = m.end()
        return None

    def _possessive_at(self, pos: int, name: str) -> bool:
        """Is the mention of ``name`` at ``pos`` a possessive inside its sentence ("… an account
        in the name of Malin’s brother-in-law"), which names an owner, not someone who acts?  One
        that opens the sentence ("Ilinova’s tone hardened.") keeps its person in view."""
        if self.sents[self.sent_at(pos)].start == pos:
            return False
        last = name.split()[-1]
        i = self.text.find(last, pos, pos + len(name) + 40)
        return i >= 0 and self.text[i + len(last):i + len(last) + 2] in ("’s", "'s")

    _SUBJECT_PRONOUN = {"m": re.compile(r"He\b"), "f": re.compile(r"She\b")}

    def _pronoun_chain_passes(self, mention: int, gender: str | None) -> bool:
        """Is the person named at ``mention`` inside a sentence whose subject is already a
        pronoun of ``gender`` ("She measured the flat with a tape borrowed from Dunst. She said
        …": the chain of "she" goes on past Dunst, who is no antecedent)?"""
        if gender is None:
            return False
        sent = self.sents[self.sent_at(mention)]
        return sent.start < mention and bool(self._SUBJECT_PRONOUN[gender].match(self.text, sent.start))

    def _country_person(self, country: str, role: str, pos: int) -> str | None:
        """The person named before ``pos`` as ``country``'s ``role``: "Ambassador Iva Strand of
        Norland", "Norland’s ambassador, Iva Strand", "Norland’s envoy Iva Strand"."""
        starts, found = self._persons()
        k = bisect.bisect_left(starts, pos) - 1
        c = re.escape(country)
        after = re.compile(r"\s+of\s+(?:the\s+)?" + c + r"\b")
        before = re.compile(c + r"(?:’s|'s)\s+(?:[a-z\-]+\s+){0,3},?\s*$")
        while k >= 0 and pos - starts[k] <= FAR_WINDOW:
            name = found[k][0]
            i = self.text.find(name.split()[-1], starts[k])
            end = i + len(name.split()[-1]) if i >= 0 else starts[k]
            if after.match(self.text, end) or before.search(self.text, max(0, starts[k] - 60), starts[k]):
                return name
            k -= 1
        return None

    def _described_person(self, lo: int, pos: int, gender: str | None) -> str | None:
        """A person the writer describes without a name, opening a sentence between ``lo`` and
        ``pos`` ("A young man behind her in the line, a student …, was more hopeful."), whose
        gender agrees with the pronoun's; not one to whom something happens ("A man was
        killed …").  The description runs to its first comma."""
        best = None
        roles = _gender_words()[1]
        text = self.text
        for m in _DESCRIBED_PERSON.finditer(text, lo, pos):
            a = m.start()
            if self.sents[self.sent_at(a)].start != a or self._in_quote(a):
                continue
            noun = end = None
            for w in _TOKEN.finditer(text, m.start(1), m.end(1)):
                low = w.group().lower().rstrip(",")
                if low in _person_roles() or low in roles or (low in _source_nouns() and low not in _ORG_WORDS):
                    noun, end = low, w.start() + len(low)
                    break
                if w.group().endswith(","):
                    break  # the description ends at its first comma
            if noun is None:
                continue
            pp = _PLACE_PP.match(text, end)
            end = pp.end() if pp else end
            nxt = text[end:end + 40].split()[:1]
            if nxt and nxt[0].lower().strip(",") in _BE | {"died", "had", "has"}:
                continue
            if _gender_agrees(gender, roles.get(noun)):
                given = _GIVES_NAME.search(text, end, min(len(text), end + 120))
                best = given.group(1) if given and "." not in text[end:given.start()] else text[a:end]
        return best

    def _mention_before(self, pos: int, kind: str) -> str | None:
        if kind != "person":
            lo = max(self.sents[max(self.sent_at(pos) - 2, 0)].start, pos - WINDOW)
            spans = self._org_nps(lo, pos)
            return self.text[spans[-1][0]:spans[-1][1]] if spans else None
        lo = max(self.sents[max(self.sent_at(pos) - 3, 0)].start, pos - WINDOW)
        best = None
        for m in _name_regex().finditer(self.text, lo, pos):
            words = _drop_not_names(m.group().split())
            if len(words) >= 2 and not any(w.lower() in _ORG_WORDS for w in words) and \
                    not self._in_quote(m.start()) and words[-1].lower().strip(",.") not in _place_nouns():
                best = " ".join(words)  # not a name inside a quote, nor "Linden Street"
        return best


@functools.lru_cache(maxsize=64)
def _issued_by_pattern(noun: str) -> re.Pattern[str]:
    """"statement from President Lidia Marsk", "report by the agency": group 1 is the issuer."""
    return re.compile(rf"\b{re.escape(noun)}\s+(?:from|by|of|issued\s+by|signed\s+by)\s+"
                      rf"((?:[Tt]he\s+)?(?:[A-Z][\w’'\-]*\s+)*[A-Z][\w’'\-]*|the\s+[a-z]+(?:\s+[a-z]+)?)")


def _org_np_char(c: str) -> bool:
    """Can ``c`` be part of an ``_Extractor._ORG_NP`` match (a word character, ``-’'`` or white space)?"""
    return c.isalnum() or c in "_-’'" or c.isspace()


def _cap_word_before(text: str, lo: int, hi: int) -> bool:
    """Can ``_Extractor._CAPS_BEFORE`` match in ``text[lo:hi]``?  Its match ends at ``hi`` (or
    before a line break there) with capitalised words and a space or tab, so the last white-space
    token of ``text[lo:hi]`` holds its last word and with it a capital A-Z: that token is not
    all lower case.  False means no match; True, that the pattern must decide."""
    tail = text[max(lo, hi - 40):hi].rsplit(None, 1)
    if len(tail) < 2 and hi - lo > 40:
        return True  # the last token may start before the 40 characters read
    return bool(tail) and not tail[-1].islower()


def _drop_not_names(words: list[str]) -> list[str]:
    """``words`` without the leading words that open no name ("The", "In", "But")."""
    while words and words[0].lower() in _NOT_NAMES:
        words = words[1:]
    return words


@functools.lru_cache(maxsize=512)
def _definite_pattern(head: str) -> re.Pattern[str]:
    # "the ministry" ← "Kalvoria’s defence ministry": capitalised words, then at most one
    # lower-case modifier that is no function word; "the diplomat" ← "senior Halvorian diplomat"
    # (a rank word before them)
    return re.compile(r"(?=[A-Zsjtcfda])(?<![\w’'])((?:(?:senior|junior|top|chief|former|deputy|acting)\s+)?"
                      r"(?:[A-Z][\w\-]*(?:’s|'s)?\s+){1,3}"
                      r"(?:(?!(?:the|a|an|and|or|of|in|on|at|to|for|by|with|from|said|says)\s)[a-z]+\s+)?)"
                      + re.escape(head) + r"(?![\w’'])")


@functools.lru_cache(maxsize=512)
def _proper_name_pattern(head: str) -> re.Pattern[str]:
    """"the council" ← "the National Broadcasting Council", "the heritage agency" ← "Dravenian
    Heritage Agency", "the committee" ← "International Committee for Relief in Conflict", "the
    commission" ← "Commission for Civilian Protection": one to four capitalised words, then
    ``head`` with capitalised words, then maybe an of- or for-phrase of capitalised words (joined
    by "in", "on", "and", "of", "for"); or ``head`` capitalised and such a phrase."""
    cap_head = r"\s+".join(re.escape(w[:1].upper() + w[1:]) for w in head.split())
    tail = r"\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w\-]*\s+(?:(?:in|on|and|of|for)\s+)?){0,3}[A-Z][\w\-]*"
    return re.compile(r"(?=[A-Z])(?<![\w’'])(?:(?:[A-Z][\w\-]*(?:’s|'s)?\s+){1,4}" + cap_head + f"(?:{tail})?|"
                      + cap_head + tail + r")(?![\w’'])")


def _gender_agrees(a: str | None, b: str | None) -> bool:
    """Do two genders ('m', 'f' or None for unknown) agree?  Unknown agrees with both."""
    return a is None or b is None or a == b


# what follows a first name written alone: ", from the northern district,", ", in Zarichna,", ", 34,"
_PERSON_AFTER = re.compile(r",\s+(?:(?:calling|speaking|writing)\s+)?(?:from|in)\s+(?:the\s+)?[\w’'\-]+(?:\s+[\w’'\-]+){0,2},|,\s+\d{1,3},|,\s+who\b")
# what follows a person's name and not a place's or an organisation's: ", who", an age ", 52,"
_PERSON_FOLLOW = re.compile(r",\s+(?:who\b|\d{1,3},)")


@functools.lru_cache(maxsize=512)
def _titled_name_pattern(head: str) -> re.Pattern[str]:
    """"President Ilian Dorsk", "defence minister, Aurel Petran": ``head`` (any case), then a
    name of two to four capitalised words (group 1)."""
    # the look-ahead (what the match starts with) lets the engine skip to it, past the look-behind
    return re.compile(r"(?=(?i:" + re.escape(head[0]) + r"))(?<![\w’'])(?i:" + re.escape(head).replace("\\ ", r"\s+") + r"),?\s+"
                      r"((?:[A-Z][\w’'\-]*\s+){1,3}[A-Z][\w’'\-]*)(?![\w’'])")


@functools.lru_cache(maxsize=512)
def _name_appositive_pattern(head: str) -> re.Pattern[str]:
    """"Father Anton Brel, the village priest": a name (group 1), then an appositive whose
    noun is ``head``."""
    return re.compile(r"(?=[A-Z])(?<![\w’'])((?:[A-Z][\w’'\-.]*\s+){1,3}[A-Z][\w’'\-]*),\s+"
                      r"(?:the|a|an|his|her|its|their|[A-Z][\w\-]*(?:’s|'s))\s+(?:[\w\-]+\s+){0,3}?"
                      + re.escape(head).replace("\\ ", r"\s+") + r"(?![\w’'])")


_DOCUMENT = re.compile(r"^(?:(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:written\s+|joint\s+|official\s+)?"
                       r"|[Aa]n?\s+(?:later|second|further|subsequent|new)\s+)"
                       r"(?:statement|communiqu[eé]|press\s+release|declaration|report|post|message|editorial|notice|"
                       r"letter|memo|ruling|resolution|draft|bulletin|release)"
                       r"(?:\s+on\s+the\s+same\s+(?:channel|account|page|website))?$")
# a country's holder of a post: "Norland’s envoy", "Kessany's foreign minister"
_COUNTRY_ROLE = re.compile(r"^([A-Z][\w\-]+)(?:’s|'s)\s+((?:[a-z]+\s+)?(?:envoy|ambassador|representative|"
                           r"minister|president|prime\s+minister|foreign\s+minister|delegate|leader))$")
# a speaker who gives a name: ", who gave her name as Daria", ", who would give only his first name, Oleks,"
_NAME_TOKEN = r"[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2}"
_GIVES_NAME = re.compile(r",?\s+who\s+(?:gave|gives|would\s+give|would\s+only\s+give|introduced|identified)\s+"
                         r"(?:only\s+)?(?:his|her|their|himself|herself)\s+(?:(?:first\s+|full\s+)?name\s*(?:only\s+)?(?:as|,)|as)"
                         r"\s+(" + _NAME_TOKEN + r")")
# "He said his name was Vasil Horek": group 1 is the name, read after the verb
_NAME_WAS = re.compile(r"\s+(?:that\s+)?(?:his|her)\s+(?:first\s+)?name\s+(?:was|is)\s+(" + _NAME_TOKEN + r")")
# some of a group named before, written alone: "Several said", "Many told reporters"
_SOME_OF = re.compile(r"^(?:[Ss]everal|[Ss]ome|[Mm]any|[Mm]ost|[Oo]thers|[Aa]\s+few)$")
# one member of a group named before: "one of them", "another", "a second diplomat"
_MEMBER = re.compile(r"^(?:(?:[Oo]ne|[Ee]ach|[Aa]nother)\s+of\s+(?:them|those|the\s+[a-z]+)|[Aa]nother|"
                     r"(?:[Aa]nother|[Aa]\s+(?P<ord>second|third|fourth|fifth))\s+(?P<noun>[a-z]+))$")
# a document that speaks for its owner: "The committee’s report", "the ministry's latest statement"
_OWNED_DOCUMENT = re.compile(r"^(?:[Tt]he\s+)?((?:[A-Z][\w\-]*\s+){0,3}[\w\-]+)(?:’s|'s)\s+(?:latest\s+|new\s+|own\s+|"
                             r"written\s+|annual\s+|weekly\s+|final\s+)?(?:statement|report|letter|memo|notice|"
                             r"communiqu[eé]|ruling|bulletin|press\s+release)$")
# figures or a document and who stands behind them: "figures kept by the mission", "data compiled by
# the Lisova-based Conflict Observatory" (the keeper speaks), "a finance ministry memo seen by this
# newspaper" (the writer of the memo speaks, not the paper that saw it)
_KEPT_BY = re.compile(r"^(?:[Tt]he\s+|[Aa]n?\s+|[Nn]ew\s+|[Ll]atest\s+)*(?:"
                      r"(?:[\w\-]+\s+){0,2}?(?:figures|data|statistics|numbers|counts?|tall(?:y|ies)|records|"
                      r"estimates?|surveys?|lists?|database|toll)\s+(?:kept|compiled|collected|gathered|published|"
                      r"released|issued|prepared|produced|maintained)\s+by\s+(?P<agent>\S.*?)"
                      r"|(?P<owner>(?:[\w\-]+\s+){0,2}?(?:ministry|government|army|office|agency|council|"
                      r"committee|commission|mission|embassy|department))\s+(?:memo|report|document|letter|"
                      r"assessment|cable|briefing|paper)\s+(?:seen|obtained|reviewed)\s+by\s+\S.*?)[\s,.;:]*$")
_POSSESSIVE_PRONOUN = re.compile(r"^(Its|His|Her|Their|its|his|her|their)\s+")
_DEFINITE = re.compile(r"^[Tt]he\s+((?:[a-z]+\s+)?[a-z]+)$")


# The first words the speaker patterns above need (each followed by white space): a
# speaker whose _lead_word is none of a pattern's cannot match it.
_THE_LEADS = frozenset(("The", "the"))  # _DEFINITE
_A_LEADS = frozenset(("A", "a"))  # _SOME_OF's "a few"
_DOCUMENT_LEADS = _THE_LEADS | _A_LEADS | frozenset(("Its", "its", "Their", "their", "An", "an"))
_MEMBER_LEADS = _A_LEADS | frozenset(("One", "one", "Each", "each", "Another", "another"))
_POSSESSIVE_LEADS = frozenset(("Its", "His", "Her", "Their", "its", "his", "her", "their"))
_DESCRIBED_LEADS = _THE_LEADS | _A_LEADS | frozenset(("An", "an", "One", "one"))
# speakers of one word that _SOME_OF and _MEMBER match whole
_SOME_WORDS = frozenset("Several several Some some Many many Most most Others others".split())
_MEMBER_WORDS = frozenset(("Another", "another"))


def _lead_word(sp: str) -> str:
    """The first word of ``sp`` when white space follows it and none comes before it, else
    "" (so a pattern that needs a first word and white space after it cannot match)."""
    parts = sp.split(None, 1)
    return parts[0] if len(parts) == 2 and not sp[0].isspace() else ""


def _may_give_name(text: str, pos: int) -> bool:
    """Can ``_GIVES_NAME`` match at ``pos``?  It needs an optional comma, white space and
    "who": after a single white-space character, only a "w" (or more white space) may follow."""
    c = pos + 1 if text.startswith(",", pos) else pos
    if not text[c:c + 1].isspace():
        return False
    nxt = text[c + 1:c + 2]
    return nxt == "w" or nxt.isspace()


def _appositive_prefix(s: str) -> bool:
    """"the Ostravan envoy, " before "Mira Hale, told": a short role phrase ending in a comma."""
    s = s.strip()
    return bool(s) and s.endswith(",") and len(s.split()) <= 8 and not re.search(r"[.;:!?“”\"«»]", s)


HISTORY = 30  # earlier speakers a pronoun may refer back to (keeps the work linear)
FAR_WINDOW = 6000  # characters searched back for a fuller mention of "the army" (keeps the work linear)
WINDOW = 800  # characters searched back for a name or an antecedent (keeps the work linear)
MAX_CLAUSE = 1500  # characters: the longest reported clause newskit reports (keeps the work linear)


def _clip_start(text: str, lo: int, hi: int) -> int:
    """Start of a clause ending at ``hi``: ``lo``, or a word start at most MAX_CLAUSE before ``hi``."""
    if hi - lo <= MAX_CLAUSE:
        return lo
    sp = text.find(" ", hi - MAX_CLAUSE, hi)
    return sp + 1 if sp >= 0 else hi - MAX_CLAUSE


def _trim_end(text: str, lo: int, hi: int) -> int:
    """End of a reported clause: drop trailing spaces and sentence punctuation (keep a closing mark)."""
    while hi > lo:
        ch = text[hi - 1]
        if ch in " \t\n.,;:!?":
            hi -= 1
        elif ch in "”\"»’" and hi - 2 >= lo and text[hi - 2].isspace():
            hi -= 1  # a stray closing mark after the sentence: "… artillery. ”"
        else:
            break
    return hi


# a person described, not named, opening a sentence: "A young man behind her in the line",
# "Another caller" (group 1 is the noun, checked against the role lists)
_DESCRIBED_PERSON = re.compile(r"(?:An?|Another)((?:\s+[a-z][\w\-]*,?){1,4})")
_PLACE_PP = re.compile(r"\s+(?:behind|in|at|from|on|near|outside|with)\s+[^,.;:“”\"«»]{1,40}(?=,)")
# a speaker described, not named: "a man on the deck above", "the woman waiting for them"
_DESCRIBED = re.compile(r"^(?:[Aa]n?|[Tt]he|[Oo]ne)\s+[a-z][^A-Z]*$")


def _has_org_word(s: str) -> bool:
    """Does ``s`` hold an organisation word ("ministry", "army", "office"…)?"""
    return any(w.lower().strip(".,’'") in _ORG_WORDS for w in s.split())


_RELATIVE_CLAUSE = re.compile(r",?\s+(?:who|which|whose)\s")


@functools.lru_cache(maxsize=4096)
def _speaker_kind(s: str) -> str:
    """'person', 'thing' or 'group' for a speaker as written (a rough guess for pronoun agreement);
    a relative clause says nothing of its head ("a sergeant who … to the media" is a person)."""
    s = _RELATIVE_CLAUSE.split(s, 1)[0]
    words = s.split()
    low = [w.lower().strip(".,’'") for w in words]
    if any(w.endswith(("’s", "'s")) for w in low[:-1]) and any(w in _ORG_WORDS for w in low):
        return "thing"
    if any(w in _ORG_WORDS for w in low):
        return "group" if low[-1].endswith("s") and low[-1] not in ("media", "states") else "thing"
    if " and " in f" {s} ":
        return "group"
    if _title_regex().search(" ".join(low)):
        return "person"
    caps = [w for w in words if _is_cap(w)]
    if len(caps) >= 2 and low[0] not in ("the",):
        return "person"
    if low and low[-1].endswith("s") and not caps:
        return "group"
    if low and (low[-1] in _person_roles() or low[-1] in _gender_words()[1] or (
            low[-1] in _source_nouns() and low[-1] in ("official", "resident", "witness", "source", "leader"))):
        return "person"  # "a Velmoran sergeant", "the boy’s grandfather", "a senior official"
    return "thing"


def _compatible(pronoun_kind: str, speaker_kind: str) -> bool:
    if pronoun_kind == "person":
        return speaker_kind == "person"
    if pronoun_kind == "thing":
        return speaker_kind == "thing"
    return speaker_kind in ("group", "thing")


# --- articles and corpora -------------------------------------------------------------------

def headline_quotes(article) -> list[Quote]:
    """Return the quotes in ``article.title`` (``where="headline"``; spans point into the title).

    A headline quote gets the speaker of the body quote it echoes (rule ``echo of a body
    quote``), else none; the body's quotes are attributed as in :func:`article_quotes`.
    """
    title = getattr(article, "title", "") or ""
    if not title.strip():
        return []
    found = extract_quotes(title)
    body = [q for q in article_quotes(article) if q.kind != _REPORTED and q.speaker]
    out = []
    for q in found:
        if q.kind == _REPORTED:
            continue
        needle = q.text.lower().strip(" .,!?")
        src = next((b for b in body if needle and needle in b.text.lower()), None)
        if src is not None:
            q = replace(q, speaker=src.speaker, speaker_start=None, speaker_end=None, verb=src.verb,
                        rule="echo of a body quote", canonical_speaker=src.canonical_speaker,
                        role=src.role, type=src.type, side=src.side, referent=src.referent)
        else:
            q = replace(q, kind=_PARTIAL, speaker=None, speaker_start=None, speaker_end=None,
                        verb=None, rule="none")
        out.append(replace(q, where="headline", paragraph=-1, sentence=-1))
    return out


def article_quotes(article, *, actors=None, scare_quotes: bool = False) -> list[Quote]:
    """Return the quotes of one :class:`newskit.corpus.Article` with their sources resolved.

    :func:`extract_quotes` on ``article.text`` followed by :func:`newskit.sources.resolve`
    with ``actors`` (default: ``data/actors.csv`` of the project, see
    :func:`newskit.sources.load_actors`).  This is what the sentiment and claims analyses
    call.  Headline quotes are in :func:`headline_quotes`.
    """
    from .sources import load_actors

    table = actors if isinstance(actors, dict) else load_actors(actors)
    return _extract_resolved(article.text, scare_quotes, table)


def quotes_frame(corpus, *, actors=None, scare_quotes: bool = False):
    """Return one row per quote of every article in ``corpus`` (a list of Articles).

    Columns, in order: ``article_id, kind, text, speaker, canonical_speaker, role, type,
    side, verb, start, end, speaker_start, speaker_end, paragraph, sentence, rule, words,
    referent, where, closed`` — built with :func:`newskit.corpus.records_frame`.
    """
    import pandas as pd

    from .corpus import records_frame

    frame = records_frame(corpus, lambda a: article_quotes(a, actors=actors, scare_quotes=scare_quotes),
                          columns=QUOTE_COLUMNS)
    for col in ("speaker_start", "speaker_end"):  # integers or None, never floats
        frame[col] = pd.Series([None if v is None or v != v else int(v) for v in frame[col]],
                               index=frame.index, dtype=object)
    return frame


def nested_quotes(frame) -> list[bool]:
    """Return, for each row of a quotes table, whether its span lies inside a larger quote of its article.

    A partial quote inside a reported clause ("Michel said that the EU was “ready to make
    efforts…”") is extracted twice on purpose — as the reported clause and as the words
    actually quoted — but it is one stretch of speech.  Counts of who speaks
    (:func:`newskit.sources.share_of_voice`) and tone per source
    (:func:`newskit.sentiment.sentiment_by_source`) leave nested rows out by default so each
    stretch counts once.  Needs ``start`` and ``end`` (and ``article_id`` when present);
    rows without a usable span, and tables without those columns, are never nested.
    Identical spans do not nest in each other.  Sort-and-sweep: O(n log n).
    """
    n = len(frame)
    out = [False] * n
    if n == 0 or "start" not in frame or "end" not in frame:
        return out
    articles = frame["article_id"].astype(str).tolist() if "article_id" in frame else [""] * n
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for i, (aid, s, e) in enumerate(zip(articles, frame["start"].tolist(), frame["end"].tolist())):
        try:
            if s is None or e is None or s != s or e != e:  # None or NaN
                continue
            spans.setdefault(aid, []).append((int(s), int(e), i))
        except (TypeError, ValueError):
            continue
    for rows in spans.values():
        rows.sort(key=lambda r: (r[0], -r[1]))
        reach = -1  # largest end among earlier, different spans (all start at or before this one)
        k = 0
        while k < len(rows):
            j = k
            while j < len(rows) and rows[j][:2] == rows[k][:2]:
                j += 1  # a group of identical spans
            end = rows[k][1]
            for r in rows[k:j]:
                out[r[2]] = reach >= end
            reach = max(reach, end)
            k = j
    return out
