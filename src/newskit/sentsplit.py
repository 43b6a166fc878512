"""A fast sentence splitter that returns exactly the spans of NLTK's Punkt with newskit's parameters.

:func:`newskit.text.sentences` splits paragraphs with NLTK's ``PunktSentenceTokenizer``
(Kiss & Strunk 2006, *Unsupervised Multilingual Sentence Boundary Detection*,
Computational Linguistics 32(4)) built from ``PunktParameters`` whose only content is
newskit's abbreviation list (``resources/abbreviations.txt``).  NLTK's implementation is
general (trained parameters, token objects, generator chains, regexes run under a
time-out guard) and costs about 0.25 ms per multi-sentence paragraph, which made
sentence splitting the bottleneck of readability.  :func:`split_spans` re-implements
the same decision procedure specialised to those parameters and returns the same
``(start, end)`` spans as ``newskit.text._punkt().span_tokenize(paragraph)``.

How NLTK's Punkt decides, and what it reduces to here
-----------------------------------------------------
1. **Candidates.** Every ``.``, ``?`` or ``!`` followed either by a non-word mark
   (``) " ; } ] * : @ ' ( { [ ‘ ’ “ ” « » ? !``) or by whitespace and a token is a
   candidate.  Candidates are grouped with the "word before" them (the text since the
   last ASCII whitespace); of a run of candidates with no whitespace between them
   (``"acting!!!"``) only the last is kept.  The *context* of a candidate is that word,
   the mark, and what follows (the next mark, or the whitespace and the next token).
2. **Tokens.** The context is split into Punkt word tokens (NLTK's word-tokenizer
   regex, line by line).  A candidate is a sentence break when any token of its context
   *except the last* is a break after the two annotation passes below.
3. **First pass (type-based).** ``.``, ``?``, ``!`` are breaks; a run of periods is an
   ellipsis (never a break); a token ending in one period is an abbreviation when the
   token without the period, lower-cased (or its part after the last hyphen), is in
   the abbreviation list, otherwise a break.
4. **Second pass (token-based), specialised.** NLTK's second pass consults
   collocations, frequent sentence starters and the orthographic context of each word
   type learned in training.  newskit's parameters hold none of those, so the
   orthographic heuristic never answers "starts a sentence"; it answers "does not"
   when the next token is one of ``; : , . ! ?`` or starts with a lower-case letter,
   and "unknown" otherwise.  Hence abbreviations and ellipses are never promoted to
   breaks, and a period-final token that is an **initial** (one letter and a period,
   ``J.``) or a **number** (``5.``, ``1,000.``) stops being a break when the next token
   is such a punctuation mark or starts lower-case; an initial also stops being a break
   when the next token starts upper-case ("J. Smith").
5. **Slices and realignment.** A break ends the sentence after the mark; the next one
   starts at the following token (or right after the mark when a non-word mark follows).
   The last sentence ends at the last non-space character.  Closing quotes and brackets
   at the start of a sentence (``" ’ ” ) ] } « »`` …, followed by whitespace, ``--`` or
   a line end) are moved back onto the previous sentence, and empty sentences dropped.

The regular expressions are NLTK's own, compiled with the same engine (``regex``, a
dependency of NLTK) and flags; tests assert they are identical to NLTK's and compare
spans on the corpus, 2,000 generated articles, the fixtures and random paragraphs
(news-like token soup with abbreviations, initials, numbers, ellipses, quotes, brackets
and odd whitespace, and arbitrary Unicode strings).

Known difference: NLTK runs its regexes under a 5-second time-out (``nltk.redos``) and
raises on input that trips it; :func:`split_spans` has no time-out and returns spans.
No difference in the spans themselves is known.  One subtlety is reproduced on purpose:
U+001C..U+001F are whitespace to Python's ``str.strip`` but not to the regex engine, so a
next token made only of them counts as a blank line, as in NLTK.
"""

from __future__ import annotations

import functools
import re

import regex

from . import resources

__all__ = ["split_spans", "split"]

# Characters that cannot appear inside a Punkt word token (NLTK PunktLanguageVars._re_non_word_chars).
_NON_WORD = r"""(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb\?!])"""
_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,]"

# A potential sentence ending and what follows it (NLTK PunktLanguageVars.period_context_re).
_PERIOD_CONTEXT = regex.compile(
    r"""
        [\.\?!]             # a potential sentence ending
        (?=(?P<after_tok>
            %(NonWord)s              # either other punctuation
            |
            \s+(?P<next_tok>\S+)     # or whitespace and some other token
        ))""" % {"NonWord": _NON_WORD},
    regex.UNICODE | regex.VERBOSE,
)

# Punkt's word tokenizer (NLTK PunktLanguageVars._word_tokenizer_re).
_WORD_TOKENIZER = regex.compile(
    r"""(
        %(MultiChar)s
        |
        (?=%(WordStart)s)\S+?  # Accept word characters until end is found
        (?= # Sequences marking a word's end
            \s|                                 # White-space
            $|                                  # End-of-string
            %(NonWord)s|%(MultiChar)s|          # Punctuation
            ,(?=$|\s|%(NonWord)s|%(MultiChar)s) # Comma if at end of word
        )
        |
        \S
    )""" % {"NonWord": _NON_WORD, "MultiChar": _MULTI_CHAR, "WordStart": _WORD_START},
    regex.UNICODE | regex.VERBOSE,
)

# Closing punctuation that belongs to the previous sentence (NLTK re_boundary_realignment).
_REALIGN = regex.compile(
    r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)', regex.MULTILINE | regex.UNICODE
)
# The same two patterns in the stdlib engine (faster to run): ``regex``'s ``\s`` is ``re``'s
# without U+001C..U+001F (both engines then agree on every other character; a test checks
# them over all of Unicode), so ``\s`` and ``\S`` are spelt out as those classes.
_RE_SPACE, _RE_NON_SPACE = r"[^\S\x1c-\x1f]", r"[\S\x1c-\x1f]"
_PERIOD_CONTEXT_RE = re.compile(
    r"[\.\?!](?=(?P<after_tok>" + _NON_WORD + "|" + _RE_SPACE + "+(?P<next_tok>" + _RE_NON_SPACE + "+)))")
_REALIGN_RE = re.compile(
    r"""["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:""" + _RE_SPACE + r"""+|(?=--)|$)""", re.MULTILINE)
_NUMERIC = regex.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$", regex.UNICODE)  # PunktToken._RE_NUMERIC
_INITIAL = regex.compile(r"[^\W\d]\.$", regex.UNICODE)  # PunktToken._RE_INITIAL
_ELLIPSIS = regex.compile(r"\.\.+$", regex.UNICODE)  # PunktToken._RE_ELLIPSIS
_PLAIN = regex.compile(r"\w+", regex.UNICODE)  # always exactly one Punkt token

# Prefilter (stdlib ``re``): a superset of the candidates above (``re``'s ``\s`` contains
# ``regex``'s, plus U+001C..U+001F).  A paragraph without a hit is one sentence.
_MAYBE_CANDIDATE = re.compile(r"[.?!][)\";}\]*:@'({\[\u2018\u2019\u201c\u201d\xab\xbb?!\s]")

_SENT_END = frozenset(".?!")
_NOT_STARTERS = frozenset(";:,.!?")  # PunktSentenceTokenizer.PUNCTUATION
_ASCII_SPACE = " \t\n\r\x0b\x0c"  # string.whitespace, as NLTK's _get_last_whitespace_index uses


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(resources.lines("abbreviations.txt"))


def _is_break(tok: str, nxt: str, abbrevs: frozenset[str]) -> bool:
    """Punkt's final sentence-break label for token ``tok`` followed by token ``nxt``."""
    if tok in _SENT_END:
        if tok != ".":
            return True  # "?" and "!" are not period-final: the second pass leaves them
    elif not tok.endswith(".") or tok.endswith(".."):
        return False  # not period-final, or an ellipsis ("...")
    else:
        core = tok[:-1]
        stem = core.lower()
        if stem in abbrevs or stem.split("-")[-1] in abbrevs:
            return False  # abbreviation; never promoted to a break (no ortho context)
        if len(core) > 1 and core.isascii() and core.isalpha():
            return True  # two or more ASCII letters: neither _INITIAL nor _NUMERIC can match
    # a period-final break candidate: initials and numbers may be demoted
    initial = _INITIAL.match(tok) is not None
    if initial or _NUMERIC.match(tok.lower()) is not None:
        if nxt in _NOT_STARTERS or nxt[0].islower():
            return False
        if initial and nxt[0].isupper():
            return False
    return True


def _context_has_break(context: str, abbrevs: frozenset[str]) -> bool:
    """NLTK ``text_contains_sentbreak``: a break on any token of ``context`` but the last."""
    toks: list[str] = []
    for line in context.split("\n"):
        if line.strip():
            toks.extend(_WORD_TOKENIZER.findall(line))
    for i in range(len(toks) - 1):
        if _is_break(toks[i], toks[i + 1], abbrevs):
            return True
    return False


def _last_ascii_space(text: str, lo: int, hi: int, spaces: str = _ASCII_SPACE) -> int:
    """Index (relative to ``lo``) of the last ASCII whitespace in ``text[lo:hi]``, or 0 if none.
    ``spaces`` may narrow the characters looked for to those that occur in ``text``."""
    best = -1
    for ch in spaces:
        i = text.rfind(ch, lo, hi)
        if i > best:
            best = i
    return best - lo if best >= 0 else 0


def _plain(s: str) -> bool:
    """``_PLAIN.fullmatch(s) is not None``; ASCII letters and digits are word characters to
    every engine, so only other strings go to the pattern."""
    if s.isascii() and s.isalnum():
        return True
    return _PLAIN.fullmatch(s) is not None


def _decide(text: str, match, w_start: int, w_stop: int, abbrevs: frozenset[str]) -> bool:
    """Is the candidate ``match`` (with its word before at ``text[w_start:w_stop]``) a break?

    Fast paths, each equivalent to tokenising the context: ``?`` and ``!`` are always
    standalone tokens followed by another token (unless that token sits alone on a line
    that ``str.strip`` finds blank), hence breaks; a plain word (``\\w+``)
    with a period, followed by a plain word or one non-word mark, gives exactly two
    tokens.  Everything else goes through Punkt's word tokenizer.
    """
    nxt = match.group("next_tok")
    if text[match.start()] != ".":
        # a next token made only of U+001C..U+001F is whitespace to str.strip() (a blank
        # line for Punkt) but not to the regex engine: decide those the long way
        if nxt is None or nxt.strip():
            return True
        return _context_has_break(text[w_start:w_stop] + match.group() + match.group("after_tok"), abbrevs)
    after = match.group("after_tok")
    word = text[w_start:w_stop]
    if _plain(word):
        if nxt is None:
            return _is_break(word + ".", after, abbrevs)
        if _plain(nxt):
            return _is_break(word + ".", nxt, abbrevs)
    return _context_has_break(word + "." + after, abbrevs)


def _raw_slices(text: str, lo: int, hi: int, matches, abbrevs: frozenset[str], spaces: str) -> list[tuple[int, int]]:
    """NLTK ``_slices_from_text`` over ``_match_potential_end_contexts``, for the paragraph
    ``text[lo:hi]`` (``hi`` is the end of its last non-space character) given ``matches``, the
    matches of ``_PERIOD_CONTEXT_RE`` in it (as found in ``text[lo:hi]``); positions are
    offsets into ``text``.  ``spaces`` holds the characters of ``_ASCII_SPACE`` that may
    occur in the paragraph (see :func:`_last_ascii_space`)."""
    out: list[tuple[int, int]] = []
    last_break = lo
    prev_start = prev_stop = lo
    prev_match = None
    for match in matches:  # (_PERIOD_CONTEXT's matches)
        m_start = match.start()
        idx = _last_ascii_space(text, prev_stop, m_start, spaces)
        w_start = idx + prev_stop + 1 if idx else prev_start
        if prev_match is not None and prev_stop <= w_start and _decide(text, prev_match, prev_start, prev_stop, abbrevs):
            out.append((last_break, prev_match.end()))
            nt = prev_match.start("next_tok")
            last_break = nt if nt >= 0 else prev_match.end()
        prev_match, prev_start, prev_stop = match, w_start, m_start
    if prev_match is not None and _decide(text, prev_match, prev_start, prev_stop, abbrevs):
        out.append((last_break, prev_match.end()))
        nt = prev_match.start("next_tok")
        last_break = nt if nt >= 0 else prev_match.end()
    out.append((last_break, hi))
    return out


def _realigned(text: str, slices: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentence spans of :func:`_raw_slices`' ``slices`` (offsets into ``text``): closing
    marks at the start of a slice moved back onto the one before, empty ones dropped."""
    out: list[tuple[int, int]] = []
    realign = 0
    n = len(slices)
    for i in range(n):
        start, stop = slices[i]
        start += realign
        if i == n - 1:
            if start < stop:
                out.append((start, stop))
            break
        nstart, nstop = slices[i + 1]
        m = _REALIGN_RE.match(text, nstart, nstop if nstop > nstart else nstart)  # (as _REALIGN)
        if m and m.group():
            out.append((start, nstart + len(m.group().rstrip())))
            realign = m.end() - nstart
        else:
            realign = 0
            if start < stop:
                out.append((start, stop))
    return out


def split_spans(paragraph: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` spans of the sentences of ``paragraph``.

    Identical to ``newskit.text._punkt().span_tokenize(paragraph)`` — NLTK's Punkt
    (Kiss & Strunk 2006) with newskit's abbreviation list and no trained collocations,
    sentence starters or orthographic context — but several times faster; see the module
    docstring for the rules this reduces to.  ``paragraph[start:end]`` is each sentence;
    whitespace between sentences is outside every span; an empty or blank paragraph
    gives ``[]``.
    """
    if _MAYBE_CANDIDATE.search(paragraph) is None:
        end = len(paragraph.rstrip())
        return [(0, end)] if end > 0 else []
    spaces = "".join(filter(paragraph.__contains__, _ASCII_SPACE))  # those that can be found at all
    slices = _raw_slices(paragraph, 0, len(paragraph.rstrip()), _PERIOD_CONTEXT_RE.finditer(paragraph),
                         _abbreviations(), spaces)
    return _realigned(paragraph, slices)


def text_spans(text: str, blocks: list[tuple[int, str]]) -> list[tuple[int, int, int]]:
    """``(start, end, k)`` of every sentence of the paragraphs ``blocks`` of ``text`` —
    ``(start, body)`` pairs, ``body == text[start:start + len(body)]`` stripped and not empty,
    in text order, ``k`` the index of a sentence's paragraph: what :func:`split_spans` gives
    for each body, shifted by its start, in one pass of the candidate pattern over ``text``.

    A match of ``_PERIOD_CONTEXT_RE`` in ``text`` at ``q`` is the one the paragraph's own
    search finds there when ``q`` is before the paragraph's last character: that character
    is no white space, so the pattern's look-ahead ends inside the paragraph; at the last
    character the paragraph has no match (nothing follows), and between paragraphs there is
    only white space.  Only U+001C..U+001F, white space to ``str.strip`` but a token
    character to the pattern, may follow a paragraph's last character and lengthen a next
    token found in ``text``: such a match is found again within the paragraph.
    """
    out: list[tuple[int, int, int]] = []
    matches = list(_PERIOD_CONTEXT_RE.finditer(text))
    n = len(matches)
    j = 0
    spaces = abbrevs = None
    for k, (start, body) in enumerate(blocks):
        end = start + len(body)
        while j < n and matches[j].start() < start:
            j += 1
        i = j
        while j < n and matches[j].start() < end - 1:
            j += 1
        if i == j:  # no candidate: one sentence
            out.append((start, end, k))
            continue
        if spaces is None:
            spaces = "".join(filter(text.__contains__, _ASCII_SPACE))
            abbrevs = _abbreviations()
        found = matches[i:j]
        if max([m.end(1) for m in found]) > end:  # (see below)
            found = [m if m.end(1) <= end else _PERIOD_CONTEXT_RE.match(text, m.start(), end) for m in found]
        slices = _raw_slices(text, start, end, found, abbrevs, spaces)
        out.extend([(s, e, k) for s, e in _realigned(text, slices)])
    return out


def split(paragraph: str) -> list[str]:
    """Return the sentence strings of ``paragraph`` (see :func:`split_spans`)."""
    return [paragraph[s:e] for s, e in split_spans(paragraph)]
