"""Numeric claims, time expressions, timeline events and blame statements.

Conflict coverage is made of contested claims: how many were killed, when the shelling
began, who fired first.  This module pulls them out of an article's clean text, offline
and with rules a reader can check (every record says which ``rule`` produced it):

* **Numeric claims** (:func:`extract_claims`): a number — digits ("30,000", "1.5
  million") or words ("one", "a dozen", "thousands") — with its qualifier ("at least",
  "about", "more than"; none means ``exact``), the noun it counts ("soldiers", "people",
  "wars") and what happened to them ("killed", "died", "wounded", "returned").  A number
  must count something in ``resources/claim_counted.tsv`` or carry an outcome from
  ``resources/claim_outcomes.tsv``; years, clock times, ordinals, percentages and
  definite references ("the two countries") are not claims.  Vague plurals follow a
  fixed convention: "thousands" is *at least 2,000* (two of the unit).
* **Time expressions** (:func:`extract_times`): clock times with zones ("00:05 GMT",
  "9 a.m. local time (0500 GMT)"), dates, weekdays ("early on Monday"), months, years,
  decades ("the late 1980s"), relative phrases ("last week", "a few minutes later") and
  durations ("the six-week war").  Each gets an anchor-free ``normal`` value in the
  TIMEX3 conventions of TimeML (Pustejovsky et al. 2003; ISO 24617-1) — ``XXXX-WXX-2``
  for a Tuesday, ``198X`` for the 1980s, ``P6W`` for six weeks — and, when an anchor
  date is known, a resolved ISO ``when`` (UTC for clock times) with its granularity.
  Relative expressions are resolved against the anchor (the date of the events, not a
  guess); a clock time without its own day takes the day of the last resolved
  day-level expression before it, else the anchor (the "reference time" of HeidelTime,
  Strötgen & Gertz 2013).
* **Timeline** (:func:`extract_timeline`): every sentence with a time expression is an
  event placed by its most precise expression, tagged ``current`` or ``background``
  (history given as context: a year before the anchor's, a decade).
* **Blame** (:func:`extract_blame`): "X accused Y of …", "X blamed Y for …", reported
  speech in which a party did something hostile ("Y started shelling", "Y used drones"),
  hostile conduct "of/by Y", and "each side said … the other".  A hostile act the outlet
  tells in its own voice ("Bekmoran artillery began pounding Tarsavian positions") is kept
  as the outlet's own statement (rule ``narrated-act``, accuser the outlet, no side): an
  unattributed assertion of who did what is what a reader checking sourcing looks for.
  :func:`pair_versions` puts the two sides' versions of the same events side by side.

Speed: Python's ``re`` tries a pattern at every offset unless it can skip to a literal
first character, so the rich patterns above are never scanned over a whole article.
Cheap scans find the tokens every match must contain — digit runs, weekday, month and
party names, and the words of relative phrases, number words, blame verbs and "other"
(looked up in the lower-cased text) — and the full patterns are anchored there, each
tried only where the text begins the way a match of it must (a digit, a month name,
"for", "several"…); rules whose key words an article lacks are skipped.  The results are
those of a full scan (a regression check compared both on 160 texts; the tests compare
them on fixtures and generated text).

The *claimant* of a claim is the speaker of the quote or reported speech containing it
(``newskit.quotes``; a reported question, rule ``reported question``, claims nothing and is
skipped), otherwise the outlet itself.  Extractors take any sequence of
quote-like objects with ``start, end, speaker, canonical_speaker`` (and optional
``side``), so they work without the quotes module; the ``*_frame`` functions use it.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import itertools
import operator
import os.path
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from enum import Enum
from pathlib import Path
from typing import NamedTuple

from . import errors, resources

__all__ = [
    "ClaimKind",
    "TimeKind",
    "Granularity",
    "Period",
    "NumericClaim",
    "TimeExpression",
    "TimelineEvent",
    "BlameStatement",
    "VersionPair",
    "parse_anchor",
    "party_side",
    "when_span",
    "parse_number",
    "extract_claims",
    "extract_times",
    "extract_timeline",
    "extract_blame",
    "pair_versions",
    "article_claims",
    "article_times",
    "article_timeline",
    "article_blame",
    "claims_frame",
    "times_frame",
    "timeline_frame",
    "blame_frame",
    "versions_frame",
    "claims_table",
    "load_claim_annotations",
    "evaluate_claims",
    "match_claims",
]


# --- records ------------------------------------------------------------------------------

class ClaimKind(str, Enum):
    """What a numeric claim is about: harm to people (``casualty``) or another count."""

    CASUALTY = "casualty"
    COUNT = "count"


class TimeKind(str, Enum):
    """The form of a time expression."""

    CLOCK = "clock"
    DATE = "date"
    WEEKDAY = "weekday"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"
    RELATIVE = "relative"
    DURATION = "duration"


class Granularity(str, Enum):
    """The precision of a time expression (``unknown`` for "since then", "soon after")."""

    MINUTE = "minute"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"
    UNKNOWN = "unknown"


class Period(str, Enum):
    """Whether a sentence reports the current events or gives historical ``background``."""

    CURRENT = "current"
    BACKGROUND = "background"


@dataclass(frozen=True)
class NumericClaim:
    """A number about people or events.

    ``value`` is the normalised number (int when whole); ``qualifier`` one of ``exact,
    at least, more than, about, nearly, up to, fewer than, at most``; ``counted`` the
    counted noun in a canonical plural ("" when the text leaves it implicit and no earlier
    claim in the sentence supplies it); ``outcome`` what happened ("" if nothing is said);
    ``claimant`` the speaker of the quote containing the claim, else the outlet, and
    ``claimant_side`` its side ("" when unknown or the outlet); ``text == source[start:end]`` spans qualifier, number and counted noun; ``number``
    is the number as written; ``period`` says whether its sentence is background history.
    """

    kind: ClaimKind
    value: int | float
    qualifier: str
    counted: str
    outcome: str
    claimant: str
    claimant_side: str
    text: str
    start: int
    end: int
    number: str
    period: Period
    rule: str


@dataclass(frozen=True)
class TimeExpression:
    """A time expression: ``text == source[start:end]``.

    ``normal`` is the anchor-free TIMEX3-style value (``XXXX-WXX-2``, ``T05:00Z``,
    ``XXXX-08``, ``198X``, ``-P1W``, ``P6W``, ``PAST_REF``; ``INVALID`` for an impossible
    clock time such as "25:99 GMT"); ``when`` the resolved ISO value (``2022-09-13``,
    ``2022-09-13T00:05Z``, ``2022-W36``, ``2022-08``, ``2020``, ``198X``) or None when it
    cannot be resolved; ``mod`` a modifier as written ("early", "late").
    """

    kind: TimeKind
    text: str
    start: int
    end: int
    granularity: Granularity
    normal: str
    when: str | None
    mod: str
    rule: str


@dataclass(frozen=True)
class TimelineEvent:
    """One sentence that carries a time expression: what happened, when, who says so.

    ``when``/``granularity`` come from the sentence's most precise expression
    (``expression``, at ``time_start``/``time_end``); ``text == source[start:end]`` is
    the sentence; ``claimant`` is the speaker of the quote containing the expression,
    else the outlet (``claimant_side`` its side, "" if unknown); ``period`` is ``current`` or ``background``.
    """

    when: str | None
    granularity: Granularity
    text: str
    claimant: str
    start: int
    end: int
    claimant_side: str
    expression: str
    time_start: int
    time_end: int
    normal: str
    period: Period
    sentence: int


@dataclass(frozen=True)
class BlameStatement:
    """An accusation: ``accuser`` says ``accused`` did something (``text``, the claim).

    ``accuser_side``/``accused_side`` are parties from ``resources/claim_parties.tsv``
    ("both" and "other" for mutual blame, "" when unknown); ``verb`` the blaming or
    hostile word; ``text == source[start:end]``; ``rule``: ``accuse``, ``blame-on``,
    ``hostile-act``, ``hostile-conduct``, ``mutual``.
    """

    accuser: str
    accuser_side: str
    accused: str
    accused_side: str
    verb: str
    text: str
    start: int
    end: int
    period: Period
    rule: str


@dataclass(frozen=True)
class VersionPair:
    """Two sides' versions of the same events: what A's accusers say of B, and B's of A."""

    side_a: str
    accuser_a: str
    version_a: str
    side_b: str
    accuser_b: str
    version_b: str
    start: int
    end: int
    rule: str


# Records made by the thousand (a dozen per article) are built by setting the instance's
# dict at once: a frozen dataclass's own __init__ sets each field through
# object.__setattr__, two and a half times the cost.  The instances are the same (fields,
# equality, hash, repr, pickling); the field lists are checked here, and a test compares
# the two constructions.
_TIME_FIELDS = ("kind", "text", "start", "end", "granularity", "normal", "when", "mod", "rule")
_CLAIM_FIELDS = ("kind", "value", "qualifier", "counted", "outcome", "claimant", "claimant_side", "text", "start",
                 "end", "number", "period", "rule")
assert tuple(f.name for f in fields(TimeExpression)) == _TIME_FIELDS
assert tuple(f.name for f in fields(NumericClaim)) == _CLAIM_FIELDS
_new, _set_dict = object.__new__, object.__setattr__


def _time_expression(kind, text, start, end, granularity, normal, when, mod, rule) -> TimeExpression:
    """``TimeExpression(kind, text, …, rule)``, built faster (see above)."""
    rec = _new(TimeExpression)
    _set_dict(rec, "__dict__", {"kind": kind, "text": text, "start": start, "end": end, "granularity": granularity,
                                "normal": normal, "when": when, "mod": mod, "rule": rule})
    return rec


_EVENT_FIELDS = ("when", "granularity", "text", "claimant", "start", "end", "claimant_side", "expression",
                 "time_start", "time_end", "normal", "period", "sentence")
assert tuple(f.name for f in fields(TimelineEvent)) == _EVENT_FIELDS


def _timeline_event(when, granularity, text, claimant, start, end, claimant_side, expression, time_start, time_end,
                    normal, period, sentence) -> TimelineEvent:
    """``TimelineEvent(when, granularity, …, sentence)``, built faster (see above)."""
    rec = _new(TimelineEvent)
    _set_dict(rec, "__dict__", {"when": when, "granularity": granularity, "text": text, "claimant": claimant,
                                "start": start, "end": end, "claimant_side": claimant_side, "expression": expression,
                                "time_start": time_start, "time_end": time_end, "normal": normal, "period": period,
                                "sentence": sentence})
    return rec


def _numeric_claim(kind, value, qualifier, counted, outcome, claimant, claimant_side, text, start, end, number,
                   period, rule) -> NumericClaim:
    """``NumericClaim(kind, value, …, rule)``, built faster (see above)."""
    rec = _new(NumericClaim)
    _set_dict(rec, "__dict__", {"kind": kind, "value": value, "qualifier": qualifier, "counted": counted,
                                "outcome": outcome, "claimant": claimant, "claimant_side": claimant_side,
                                "text": text, "start": start, "end": end, "number": number, "period": period,
                                "rule": rule})
    return rec


# --- resources ------------------------------------------------------------------------------

def _alt(words: Iterable[str]) -> str:
    """Regex alternation, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _trie_alt(words: Iterable[str], fold: bool = False, space: str = r"\s+") -> str:
    """The alternation :func:`_alt` makes, factored by common prefixes (a trie): the same
    language and the same preference, much faster to try — ``re`` tries the alternatives of
    a group one after the other, so a flat list of 125 nouns costs 125 attempts at every
    offset, the trie one per distinct letter on the way.

    The same preference: words that match at one offset match prefixes of the same text, so
    they lie on one path of the trie, and trying the longer continuation of a node before
    ending there (a greedy ``(?:…)?``) is :func:`_alt`'s longest first.  ``fold`` (for a
    pattern compiled with ``re.IGNORECASE``) merges words that differ only in case, which
    match the same texts; words outside ASCII, or holding whitespace other than single
    spaces, keep the flat alternation (folding or splitting them could change that).
    ``space`` is what a space of a word matches (``re.escape(" ")`` for the space itself)."""
    words = set(words)
    if any(not w.isascii() or any(c.isspace() and c != " " for c in w) for w in words):
        assert space == r"\s+", "literal spaces need ASCII words"
        return _alt(words)
    tree: dict = {}
    for w in words:
        node = tree
        for c in (w.lower() if fold else w):
            node = node.setdefault(space if c == " " else re.escape(c), {})
        node[""] = {}

    def emit(node: dict) -> str:
        kids = [atom + emit(node[atom]) for atom in sorted(node) if atom]
        if not kids:
            return ""
        body = kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"
        if "" not in node:
            return body
        return ("(?:" + body + ")?") if len(kids) == 1 else body + "?"

    return emit(tree)


def _word_led(words: Iterable[str], space: str = r"\s+") -> str:
    """``\\b(?:…)`` before the alternation :func:`_trie_alt` makes of ``words`` (each beginning
    with a word character), as a pattern ``re`` can skip ahead in: a leading ``\\b`` hides
    the first letters from ``re``'s prefix scan, so it tries the pattern at every offset.
    Here each first letter comes first, then a look-behind of two characters in place of the
    ``\\b`` (before a word character, ``\\b`` is "no word character before").  The same
    language and preference: words with different first letters match at no common offset."""
    groups: dict[str, list[str]] = {}
    for w in set(words):
        assert re.match(r"\w", w), w
        groups.setdefault(w[0], []).append(w[1:])
    parts = []
    for first in sorted(groups):
        c = re.escape(first)
        rest = [r for r in groups[first] if r]
        tail = ("(?:" + _trie_alt(rest, space=space) + ")" + ("?" if "" in groups[first] else "")) if rest else ""
        parts.append(c + r"(?<!\w" + c + ")" + tail)
    return "(?:" + "|".join(parts) + ")"


@functools.cache
def _zones() -> dict[str, int]:
    return {_fold(r["zone"]): int(r["offset_minutes"]) for r in resources.table("timezones.tsv")}


@functools.cache
def _numbers() -> dict[str, tuple[int, str]]:
    return {r["word"]: (int(r["value"]), r["kind"]) for r in resources.table("claim_numbers.tsv")}


@functools.cache
def _qualifiers() -> dict[str, str]:
    return {" ".join(r["phrase"].split()): r["qualifier"] for r in resources.table("claim_qualifiers.tsv")}


@functools.cache
def _counted() -> dict[str, tuple[str, str, str, bool]]:
    out = {}
    plural_forms = {r["counted"] for r in resources.table("claim_counted.tsv")}
    for r in resources.table("claim_counted.tsv"):
        noun = r["noun"]
        head = noun.split(" of ")[0]  # "prisoners of war" is as plural as "prisoners"
        singular = noun not in plural_forms and not head.endswith(("s", "men", "people", "children")) \
            and r.get("plural") != "yes"
        out[noun] = (r["counted"], r["class"], r.get("implies") or "", singular)
    return out


@functools.cache
def _age_of() -> re.Pattern:
    """A singular person noun and "of" before a number: "a woman of 58" gives an age."""
    nouns = [n for n, (_, cls, _, singular) in _counted().items() if singular and cls == "people"]
    return re.compile(rf"\b(?:{_trie_alt(nouns, fold=True)})\s+of\s+$")


@functools.cache
def _not_definite() -> frozenset[str]:
    """Counted nouns that after "the"/"their" name no group of people ("the two neighbours")."""
    return frozenset(r["noun"] for r in resources.table("claim_counted.tsv") if r.get("definite") == "no")


@functools.cache
def _outcomes() -> dict[tuple[str, str], tuple[str, bool]]:
    return {(r["form"], r["position"]): (r["outcome"], r["casualty"] == "yes")
            for r in resources.table("claim_outcomes.tsv")}


@functools.cache
def _casualty_outcomes() -> frozenset[str]:
    return frozenset(o for o, cas in _outcomes().values() if cas) | {"casualties"}


@functools.cache
def _parties() -> dict[str, str]:
    return {r["name"]: r["side"] for r in resources.table("claim_parties.tsv")}


@functools.cache
def _blame_words() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for r in resources.table("claim_blame.tsv"):
        out.setdefault(r["kind"], []).append(r["word"])
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def _relative() -> dict[str, tuple[str, int, str]]:
    return {" ".join(r["phrase"].split()): (r["unit"], int(r["offset"] or 0), r["granularity"])
            for r in resources.table("claim_relative.tsv")}


# --- regexes (compiled once, lazily, from the resource files) --------------------------------

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_MONTH_ABBR = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
               "Oct": 10, "Nov": 11, "Dec": 12}
_MONTH_NUM = {m: i for i, m in enumerate(_MONTHS, start=1)} | _MONTH_ABBR
_MONTH_RE = "(?:" + "|".join(_MONTHS) + "|" + "|".join(sorted(_MONTH_ABBR, key=len, reverse=True)) + r"\.?)"
_MONTH_FULL_RE = "(?:" + "|".join(_MONTHS) + ")"
_WD_RE = "(?:" + "|".join(_WEEKDAYS) + ")"
_UNITS = r"(?:second|minute|hour|day|week|month|year|decade)"
_NUMWORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
             "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
             "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# a trie (see _trie_alt): of two number words one of which begins the other ("six", "sixty"), at
# most one can match where a pattern wants it, as every use is followed by a space or a hyphen
_NUMWORD_RE = "(?:" + _trie_alt(_NUMWORDS) + ")(?:-(?:" + _trie_alt(_NUMWORDS[:9]) + "))?"
_MONTH_PREP = frozenset({"in", "since", "during", "until", "till", "by", "from", "through", "between", "and",
                         "or", "early", "late", "mid", "last", "next", "this", "of", "before", "after", "on",
                         "throughout", "to"})
_PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
_DUR_QUAL = (r"(?:about|almost|nearly|roughly|around|some|more\s+than|less\s+than|fewer\s+than|over|under|"
             r"just\s+under|just\s+over|a\s+little\s+under|a\s+little\s+over|at\s+least|up\s+to)")


@functools.cache
def _time_res() -> dict[str, re.Pattern]:
    zones = _trie_alt([r["zone"] for r in resources.table("timezones.tsv") if r["zone"] != "Z"])
    zone = rf"(?:(?P<zone>{zones})\b|(?P<local>local\s+time)|(?P<zulu>Z)\b)"
    clock_core = (
        r"(?:(?P<h>\d{1,2}):(?P<m>\d{2})(?!\d)(?:\s*(?P<ap>[aApP])\.?\s?[mM]\b\.?)?"
        r"|(?P<h2>\d{1,2})\.(?P<m2>\d{2})\s*(?P<ap2>[aApP])\.?\s?[mM]\b\.?"
        r"|(?P<h3>\d{1,2})\s*(?P<ap3>[aApP])\.[mM]\.?|(?P<h5>\d{1,2})\s?(?P<ap5>[aApP])[mM]\b"
        rf"|(?P<h4>\d{{2}})(?P<m4>\d{{2}})(?=\s*(?:hours\b|hrs\b|(?:{zones})\b))(?:\s*(?:hours|hrs)\b)?"
        r"|(?P<noon>noon|midnight))"
    )
    clock = (
        rf"(?<![\w:.,]){clock_core}(?:\s*{zone})?"
        r"(?:\s*\((?P<alt>[^()\n]{1,30})\))?"
        rf"(?:,?\s+(?:on\s+)?(?P<wd>{_WD_RE})\b)?"
    )
    alt_clock = rf"^\s*{clock_core}(?:\s*{zone})?\s*$"
    date = (
        rf"\b(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_RE})(?:,?\s+(?P<y>1[89]\d\d|20\d\d)\b)?"
        rf"|(?P<mon2>{_MONTH_RE})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)(?:,?\s+(?P<y2>1[89]\d\d|20\d\d)\b)?"
        r"|(?P<iy>1[89]\d\d|20\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b"
        rf"|(?P<mon3>{_MONTH_FULL_RE})\s+(?P<y3>1[89]\d\d|20\d\d)\b)"
    )
    weekday = (
        rf"\b(?:(?P<mod>early|late|Early|Late)\s+(?:on\s+)?|(?P<rel>last|next|this|Last|Next|This)\s+)?"
        rf"(?P<wd>{_WD_RE})\b(?:\s+(?P<part>{_PART_OF_DAY})\b)?"
    )
    month = rf"\b(?:(?P<mod>early|late|mid|Early|Late|Mid)[-\s]+)?(?P<mon>{_MONTH_FULL_RE})\b"
    decade = (
        r"(?:\b(?:[Tt]he\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?(?P<dec>1[5-9]\d0|20\d0)['’]?s\b"
        r"|\b(?:[Tt]he\s+)?(?:(?P<mod2>early|mid|late)[-\s]+)?['’](?P<dec2>\d0)s\b)"
    )
    # a year, also either end of a hyphenated span of years ("the 1996-2001 war"), not of a date ("2022-09-13")
    year = (r"(?:(?<![\w$£€.,:/-])|(?<=(?<![\w$£€.,:/-])(?:1[89]|20)\d\d-))(?P<year>1[89]\d\d|20\d\d)"
            r"(?![\w%:/]|[.,]\d|-(?!(?:1[89]|20)\d\d(?![\w%:/-]|[.,]\d)))")
    relative_words = _trie_alt(_relative(), fold=True)
    relative = (
        rf"\b(?:(?P<n>\d+|{_NUMWORD_RE}|a few|a couple of|several|a|an)\s+(?P<unit>{_UNITS})s?\s+"
        r"(?P<dir>later|earlier|ago|before|after|afterwards)\b"
        # "the night of 7 March", "dawn on Sunday": the date that follows is the expression; "shortly
        # after midnight": the clock time's; "the night shift", "the summer harvest": a modifier
        rf"|(?P<phrase>{relative_words})\b(?!\s+of\s+(?:\d|{_MONTH_FULL_RE.lower()}|{_WD_RE.lower()})|\s+on\s+{_WD_RE.lower()}"
        rf"|\s+(?:midnight|noon|midday)\b|\s+(?:{_trie_alt(resources.lines('time_modified_nouns.txt'))})\b))"
    )
    duration = (
        rf"\b(?:(?P<n>\d+|{_NUMWORD_RE})-(?P<unit>{_UNITS})(?:-long)?\b(?!-old)"
        rf"|for\s+(?:another\s+|a\s+further\s+|{_DUR_QUAL}\s+)?(?P<n2>\d+|{_NUMWORD_RE}|a few|several|an?(?=\s+{_UNITS}\b))"
        rf"\s+(?P<unit2>{_UNITS})s?\b"
        rf"|(?:in|within|over)\s+(?:(?:a|an|one|the\s+past|the\s+last|the\s+next)\s+(?:(?P<n4>\d+|{_NUMWORD_RE})\s+)?"
        rf"|(?P<n6>\d+|{_NUMWORD_RE})\s+)(?P<unit4>{_UNITS})s?\b"
        rf"|for\s+(?:(?P<vague>a\s+long\s+time|a\s+while|some\s+time)|(?P<unit3>{_UNITS})s)\b"
        rf"|(?:the\s+)?(?:past|last|next)\s+(?P<n8>\d+|{_NUMWORD_RE}|few|several)\s+(?P<unit8>{_UNITS})s\b"
        # a bare amount of time: "lasted 27 months", "Thirty years on", "more than three weeks"
        rf"|(?:{_DUR_QUAL}\s+)?(?P<n7>\d+|{_NUMWORD_RE})\s+(?P<unit7>{_UNITS})s\b"
        r"(?!\s+(?:later|earlier|ago|before|after|afterwards|old)\b)(?!-))"
    )
    flags = re.IGNORECASE
    return {
        "clock": re.compile(clock),
        "alt_clock": re.compile(alt_clock),
        "date": re.compile(date),
        "weekday": re.compile(weekday),
        "month": re.compile(month),
        "decade": re.compile(decade),
        "year": re.compile(year),
        "relative": re.compile(relative, flags),
        "duration": re.compile(duration, flags),
    }


@functools.cache
def _time_res_low() -> dict[str, re.Pattern]:
    """:func:`_time_res` with its case-insensitive patterns ("relative", "duration": the
    ``_WORD_KINDS``) made case-sensitive by :func:`_case_free`, for :func:`_lowered` text."""
    return {name: _case_free(p) if p.flags & re.IGNORECASE else p for name, p in _time_res().items()}


@functools.cache
def _claim_res() -> dict[str, re.Pattern]:
    nums = _numbers()
    units = [w for w, (_, k) in nums.items() if k == "unit"]
    scales = [w for w, (_, k) in nums.items() if k == "scale"]
    vague = [w for w, (_, k) in nums.items() if k == "vague"]
    unit_re, scale_re, vague_re = (_trie_alt(units, fold=True), _trie_alt(scales, fold=True),
                                   _trie_alt(vague, fold=True))
    word_num = (
        rf"(?:(?:{unit_re})(?:-(?:{unit_re}))?|(?:a|an)\s+(?:{scale_re})|(?:{scale_re}))"
        rf"(?:(?:\s+and\s+|[\s-])(?:(?:{unit_re})(?:-(?:{unit_re}))?|{scale_re})\b)*"
    )
    number = (
        r"(?P<num>(?<![\w$£€.,:/-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w%:/-]|[.,]\d)"
        rf"(?:\s+(?:{scale_re})\b)?"
        rf"|\b(?:tens|hundreds)\s+of\s+(?:thousands|millions)\b"
        rf"|\b(?:{vague_re})\b"
        rf"|\b{word_num}\b"
        r"|\b(?:a|an)\b(?=\s))"
    )
    quals = _trie_alt(_qualifiers(), fold=True)
    counted = _trie_alt(_counted(), fold=True)
    stop = ("had|have|has|were|was|been|is|are|be|and|or|in|on|at|to|by|from|with|said|says|that|who|which"
            "|would|will|the|a|an|of|for|as|than|it|its|their|they|he|she|we|this|these|those")
    stop = _trie_alt(stop.split("|"), fold=True)  # only in a negative look-ahead: any order will do
    outcomes = _outcomes()
    after = _trie_alt((f for (f, pos) in outcomes if pos == "after"), fold=True)
    before = _trie_alt((f for (f, pos) in outcomes if pos == "before"), fold=True)
    noun = _trie_alt((f for (f, pos) in outcomes if pos == "noun"), fold=True)
    aux = r"(?:had|have|has|were|was|been|are|is|be|being|reportedly|also|later|all|who|that|each|allegedly|since|remain|remained|remains|still)"
    return {
        "number": re.compile(number, re.IGNORECASE),
        "qual_before": re.compile(rf"\b(?P<qual>{quals})\s+$", re.IGNORECASE),
        "def_before": re.compile(r"\b(?:the|these|those|its|their|both|all|each|every|our|his|her|first|last)\s+$",
                                 re.IGNORECASE),
        "counted_after": re.compile(
            rf"\s+(?:of\s+(?:(?:its|their|the|his|her|our|those|these|them)\s+)?)?"
            rf"(?P<mods>(?:(?!(?:{stop})\b)(?![\d,.]+\s)\w[\w’'-]*\s+){{0,2}}?)(?P<noun>{counted})\b",
            re.IGNORECASE),
        "outcome_after": re.compile(rf"(?:,?\s+{aux}){{0,3}}\s+(?P<out>{after})\b", re.IGNORECASE),
        "outcome_before": re.compile(rf"\b(?P<out>{before})\s+$", re.IGNORECASE),
        "outcome_noun": re.compile(rf"\b(?P<out>{noun})\s+of\s+$", re.IGNORECASE),
    }


def _case_free(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` (compiled with ``re.IGNORECASE``) compiled case-sensitively, for use on
    :func:`_lowered` text: where every letter of the pattern is lower-case ASCII, it matches
    ``_fold(text)`` case-sensitively exactly where the original matches ``text`` (``re``
    compares letters one character at a time, and :func:`_fold` maps each character to what
    such a comparison takes it for, keeping offsets and the word, space and digit classes),
    at half the cost: a case-insensitive comparison folds each character it reads."""
    bare = re.sub(r"\\.|\(\?P<\w+>", "", pattern.pattern)  # escapes and group names hold no literal
    assert not re.search("[A-Z]", bare) and all(c.lower() == c.upper() for c in bare if not c.isascii()), pattern
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


@functools.cache
def _claim_res_low() -> dict[str, re.Pattern]:
    """:func:`_claim_res` made case-sensitive by :func:`_case_free`, for :func:`_lowered` text."""
    return {name: _case_free(p) for name, p in _claim_res().items()}


# A party the table does not list: a country's possessive or demonym before a state or armed
# body ("Dravenia’s defence ministry", "Ostreli artillery", "Kalvorian units").  Its side is the
# country the demonym names (see _generic_side).
# The word lists below are tries (``_trie_alt``): where one alternative at most can match at an
# offset (each is followed by ``\b`` or ``\s+``, and none is another's prefix up to such an end)
# or only whether one matches counts (a look-ahead), the order of the alternatives is moot.
_GENERIC_NOT_WORDS = ("The", "A", "An", "Its", "His", "Her", "Their", "Our", "This", "That", "These", "Those", "Both",
                      "Each", "Other", "Some", "Many")
_GENERIC_NOT = "(?!" + _trie_alt(_GENERIC_NOT_WORDS) + r"\b)"
_GENERIC_WORD = r"[A-Z][a-z]+(?:['’]s|ian|an|i|ese|ish)"
# ``(?<![\w’'])`` + _GENERIC_WORD with the look-behind after the capital (two characters: the one
# before it is no word character nor apostrophe), so that a pattern led by it starts with a
# character class ``re`` skips ahead to (a leading look-behind makes it try every offset)
_GENERIC_WORD_LED = r"[A-Z](?<![\w’'].)" + _GENERIC_WORD.removeprefix("[A-Z]")


def _not_after_first(words: tuple[str, ...]) -> str:
    """``_GENERIC_NOT`` of ``words``, tried one letter later: right after a word's first letter,
    "what follows it does not complete one of ``words`` into a whole word" (a look-behind
    reads that first letter back)."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    parts = []
    for first in sorted(groups):
        rest = [r for r in groups[first] if r]
        tail = ("(?:" + _trie_alt(rest) + ")" + ("?" if "" in groups[first] else "")) if rest else ""
        parts.append("(?<=" + re.escape(first) + ")" + tail)
    return "(?!(?:" + "|".join(parts) + r")\b)"


_GENERIC_BODIES = {kind: tuple(r["word"] for r in resources.table("claim_bodies.tsv") if r["kind"] == kind)
                   for kind in ("body", "modifier")}
_GENERIC_MOD = "(?:" + _trie_alt(_GENERIC_BODIES["modifier"]) + r"\s+)?"
_GENERIC_NOUNS = "|".join(_GENERIC_BODIES["body"])
# "(prime|foreign|defence) minister" begins with no body noun's letters: exclusive of the trie
_GENERIC_BODY_ALT = _trie_alt(_GENERIC_BODIES["body"])  # the body nouns, as one alternation
_GENERIC_HEAD = r"(?:(?:prime|foreign|defence)\s+minister|" + _GENERIC_BODY_ALT + r")\b"
_GENERIC_PARTY_NAMED = rf"(?<![\w’']){_GENERIC_NOT}(?P<gparty>{_GENERIC_WORD})\s+{_GENERIC_MOD}{_GENERIC_HEAD}"
_GENERIC_PARTY = _GENERIC_PARTY_NAMED.replace("(?P<gparty>", "(?:")  # used twice in one pattern: no name
# the fast scan: find the body's noun (a whole word, by _blame_hits), then look back for the country word
_GENERIC_NOUN_WORDS = tuple(_GENERIC_NOUNS.split("|"))
_GENERIC_BEFORE_WORDS = frozenset(_GENERIC_BODIES["modifier"]) | {"prime", "foreign", "defence"}  # lower-case
# (?<![\w’']){_GENERIC_NOT}({_GENERIC_WORD})… led by the capital (see _GENERIC_WORD_LED)
_GENERIC_BEFORE = re.compile(rf"([A-Z](?<![\w’'].){_not_after_first(_GENERIC_NOT_WORDS)}"
                             rf"{_GENERIC_WORD.removeprefix('[A-Z]')})\s+{_GENERIC_MOD}"
                             r"(?:(?:prime|foreign|defence)\s+)?$")


def _generic_parties(text: str) -> list[tuple[int, str]]:
    """``(start, country word)`` of each party phrase the table does not list in ``text``
    ("Ostreli artillery" → ``(p, "Ostreli")``), found from the body noun (a whole word, from
    :func:`_blame_hits`) backwards (fast: no pattern is tried at every offset)."""
    out = []
    parties = _parties()
    for p in _blame_hits(text)["noun"]:
        lo = max(0, p - 48)
        before = text[lo:p]
        words = before.rstrip()
        if not words or len(words) == len(before):
            continue  # the pattern ends in whitespace before ``p`` and needs a word in the window
        # Without a modifier ("defence") the country word ends where that whitespace begins and
        # begins no later than the last whitespace before it: when that word is letters (and
        # apostrophes) only, it is the whole word — and when the table lists it, it is no party
        # of this kind (a modifier is lower-case: a listed word cannot be one); a word with no
        # capital letter ("its") that is no modifier holds no country word
        last = words.rsplit(None, 1)[-1]
        if (last in parties or last.rstrip("’'s") in parties) and last.replace("’", "").replace("'", "").isalpha():
            continue
        if last == last.lower() and last not in _GENERIC_BEFORE_WORDS:
            continue
        g = _GENERIC_BEFORE.search(text, lo, p)
        if g is not None and g.group(1) not in parties and g.group(1).rstrip("’'s") not in parties:
            out.append((g.start(), g.group(1)))
    return out


def _generic_side(word: str) -> str:
    """The country a possessive or demonym names: "Dravenia’s" → "Dravenia", "Kalvorian" →
    "Kalvoria", "Ostreli" → "Ostrel" (English demonym endings -(i)an and -i)."""
    w = re.sub(r"['’]s$", "", word)
    if w != word:
        return w
    if w.endswith("an"):
        return w[:-1]
    if w.endswith("i") and len(w) > 4:
        return w[:-1]
    return w


@functools.cache
def _blame_res() -> dict[str, re.Pattern]:
    words = _blame_words()
    party_names = _trie_alt(_parties())
    org = _trie_alt(("defence|defense|foreign|interior|ministry|army|military|forces|troops|soldiers|side|government|"
                     "president|officials|authorities|leadership|prime|minister|armed|units|media|border|guards|"
                     "servicemen|fighters|separatists|leaders").split("|"))  # each followed by \b: one matches
    party = (rf"(?:(?:[Tt]he\s+)?(?:{party_names})\b(?:['’]s)?(?:\s+(?:{org})\b){{0,3}}|(?:[Tt]he\s+)?{_GENERIC_PARTY}"
             r"|(?:[Tt]he\s+)?enemy\b)")
    # "her ministry had accused Corvenia of …", "its army blamed …"
    owned = rf"(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]he)\s+(?:[a-z]+\s+){{0,2}}?(?:{org})\b"
    other = r"(?:each other|one another|the other side|the other)"
    accuse = _trie_alt(words["accuse"])
    hostile = _trie_alt(words["hostile"] + words["hostile_side"])
    act = _trie_alt(words["act"])
    hnoun = _trie_alt(words["noun"])
    conduct = _trie_alt(words["conduct"])
    passive = _trie_alt(words["passive"])
    # "had also", "was “deliberately”"; an aux is a whole word (a quote mark or a space follows):
    # one alternative at most matches, none of the words ending in "ly"
    aux = ("(?:" + _trie_alt("had|has|have|did|does|do|should|would|must|will|to|tried|tries|trying|attempted|chose|decided|stop|"
                             "continue|continues|continued|continuing|keep|keeps|kept|keeping|resumed|resume|again|also|then|first|once|was|were|"
                             "is|are|been|being|begun|began".split("|"))
           + r"|[a-z]+ly)")
    # a name of up to five words, the later ones may be numbered ("Quessamir's 4th Artillery Brigade")
    subj = r"(?:[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z0-9][\w’'-]*){0,4}|[Ii]t|[Hh]e|[Ss]he|[Tt]hey)"
    collective = (r"(?:(?:[Ee]ach|[Bb]oth)\s+(?:side|sides|country|countries|government|governments)"
                  r"|[Tt]he\s+two\s+(?:sides|countries|governments|envoys|delegations|leaders|ministers|armies|capitals))")
    # "Tulvaria's ambassador blamed …"
    role = (r"(?:\s+(?:(?:foreign|defence|defense|prime|interior)\s+)?(?:ambassador|envoy|minister|president|spokesman|"
            r"spokeswoman|spokesperson|representative|delegate|negotiator))?")
    # "Human rights groups have accused …"
    groups = (r"(?:[A-Z][a-z]+\s+(?:[a-z]+\s+){0,2}(?:groups|organisations|organizations|activists|monitors|"
              r"observers|officials|investigators))")
    # "Vellund, for its part, has long accused …"
    aside = r"(?:,\s+(?:for\s+(?:its|his|her|their)\s+part|in\s+turn|meanwhile|however)\s*,)?"
    # "… blamed each other on Wednesday for …"
    when = r"(?:\s+(?:on|in|at|late|early|earlier|last|this)\s+[A-Za-z0-9]+(?:\s+(?:morning|afternoon|evening|night))?)?"
    # "the fighting was started by X", "were fired by an Ostreli battery": the participles and
    # conduct nouns after \b, for patterns that begin with them (see _word_led); each is followed
    # by \b or whitespace: at most one matches at an offset
    passive_by_led = _word_led(words["passive"] + words.get("passive_by", ()))
    conduct_led = _word_led(words["conduct"])
    # where the party's unit stood: "Lutrian troops on the western bank opened fire"
    place = r"(?:on|in|from|near|at|along|across)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?"
    return {
        "party": re.compile(party),
        "name": re.compile(rf"\b(?:{party_names})\b"),
        "generic": re.compile(_GENERIC_PARTY_NAMED),
        "accuse": re.compile(
            rf"(?P<accuser>{party}|{subj}{role}|{collective}|{owned}|{groups}){aside},?\s+"
            rf"(?:(?:has|have|had|also|again|repeatedly|then|each|both|still|long|often|previously|now|"
            rf"for\s+(?:years|months|weeks|decades))\s+)*"
            rf"(?P<verb>{accuse})\s+(?P<accused>{party}|{other}|{subj}|{owned}|both\s+(?:armies|sides|governments)|"
            # "accused the government of …", "accused the mediators of …": any short noun phrase
            rf"(?:(?:the|its|their|his|her|both|all)\s+)?(?:[\w’'-]+\s+){{0,2}}?[\w’'-]+(?:\s+in\s+[A-Z][\w’'-]*)?"
            rf"(?=\s+(?:of|for)\s)|"
            rf"[“\"]{_GENERIC_WORD}\s+[^“”\".;]{{2,50}}[”\"])"
            rf"(?:,\s+(?:which|who)\s+[^,.;]{{1,80}},)?"
            rf"{when}\s+(?:of|for)\s+(?P<claim>[^.;]+)"),
        "held": re.compile(
            rf"(?P<accuser>{party}|{subj}|{owned}),?\s+(?:(?:has|have|had|also|again|still)\s+)*(?P<verb>held|holds|hold)\s+"
            rf"(?P<accused>{party}|{subj})\s+[“\"]?(?:(?:fully|directly|solely|entirely|personally)\s+)?"
            rf"responsible\s+for\s+(?P<claim>[^.;]+)"),
        "held_any": re.compile(
            rf"\b(?P<verb>held|holds|hold)\s+(?P<accused>{party}|the\s+(?:[a-z]+\s+)?(?:government|leadership|authorities|"
            rf"regime|army|military)\s+(?:in|of)\s+[A-Z][\w’'-]*|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,2}}|them|him|her)\s+"
            rf"[“\"]?(?:(?:fully|directly|solely|entirely|personally)\s+)?responsible\s+for\s+(?P<claim>[^.;]+)"),
        # "It blames “Varkeshi artillery units deployed near Lantmir”": blame with no "for"
        "blame_bare": re.compile(
            rf"(?P<accuser>{party}|{subj}{role}|{owned}){aside},?\s+(?:(?:has|have|had|also|again|still|now)\s+)*"
            rf"(?P<verb>blamed|blames|blame)\s+[“\"]?(?P<accused>{party})(?P<claim>[^.;]*)"),
        # "both sides were “equally responsible for the failure …”", "Azerbaijan is responsible for the deaths"
        # (a party: "Colonel Brandt is responsible for logistics" is a duty)
        "is_responsible": re.compile(
            rf"(?P<accused>{party}|[Bb]oth\s+(?:governments|sides|countries|armies|parties))"
            rf"\s+(?:is|was|were|are|remains|remain)\s+[“\"]?(?:(?:equally|solely|fully|directly|entirely|jointly|partly)\s+)?"
            rf"(?P<verb>responsible)\s+for\s+(?P<claim>[^.;]+)"),
        # "the two former foes traded blame for the heaviest clashes since their 2024 war"
        "traded": re.compile(
            rf"(?P<accuser>{party}(?:\s+and\s+{party})?|{collective}|"
            rf"[Tt]he\s+two\s+(?:former\s+)?(?:foes|neighbours|neighbors|rivals|enemies|sides|countries|governments))"
            rf",?\s+(?:(?:have|had|again|also|quickly)\s+)*(?P<verb>traded|exchanged|trade|exchange)\s+"
            rf"(?:blame|accusations|recriminations)\b(?P<claim>[^.;]*)"),
        "bore": re.compile(
            rf"(?P<accused>{party}|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,2}}|[Bb]oth\s+(?:governments|sides|countries|armies|parties))"
            rf"\s+[“\"]?(?P<verb>bore|bears|bear)\s+"
            rf"(?:(?:full|sole|the|direct|entire)\s+)*responsibility\s+for\s+(?P<claim>[^.;]+)"),
        "passive_by": re.compile(
            rf"(?P<verb>{passive_by_led})(?:\s+(?:near|in|at|on|outside|during)\s+[^,.;]{{1,40}}?)?\s+by\s+(?:an?\s+)?"
            rf"(?P<accused>{party})"),
        "conduct_adj": re.compile(rf"(?P<accused>{_GENERIC_WORD_LED})\s+(?:[a-z]+\s+)?(?P<verb>{conduct})\b"),
        "conduct_word": re.compile(rf"{conduct_led}\b"),
        "conduct_poss": re.compile(rf"(?P<accused>(?:{party_names})|[A-Z][a-z]+)['’]s\s+(?:[a-z]+\s+)?(?P<verb>{conduct})\b"),
        "blame_on_rel": re.compile(
            rf"(?P<claim>\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|which)\s+(?:[\w-]+\s+){{0,2}}?)(?P<accuser>{party}|{subj}|{collective})\s+"
            rf"(?P<verb>blamed|blames)\s+on\s+(?P<accused>{party}|{other})"),
        "and_accused": re.compile(
            rf"\band\s+(?P<verb>accused|accuses|blamed|blames)\s+(?P<accused>{party}|{other}|{subj}|{owned})\s+(?:of|for)\s+"
            rf"(?P<claim>[^.;]+)"),
        "subject": re.compile(
            r"(?:(?:In|At|On|From|After)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*,\s+)?"
            rf"(?P<subj>{party}|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}})(?=[,\s])"),
        "hostile_bare": re.compile(rf"(?P<accused>[A-Z][a-z]+)\s+(?:[“\"]?{aux}[”\"]?\s+){{0,3}}[“\"]?(?P<verb>{hostile})\b(?!\s+by\b)"),
        "act_bare": re.compile(rf"(?P<accused>[A-Z][a-z]+)\s+(?:[“\"]?{aux}[”\"]?\s+){{0,3}}[“\"]?(?P<verb>{act})\b"),
        # "They started this", in a speaker's own words
        "hostile_they": re.compile(rf"(?P<accused>[Tt]hey|[Tt]heir\s+(?:{_GENERIC_BODY_ALT}))"
                                   rf"\s+(?:[“\"]?{aux}[”\"]?\s+){{0,3}}(?P<verb>{hostile})\b(?!\s+by\b)"),
        # "They talk of peace in Savonne and drop bombs on our markets": a second verb of theirs
        "hostile_they_and": re.compile(rf"(?P<accused>[Tt]hey)\s+[a-z][^.;:!?“”\"]{{0,60}}?\s+and\s+(?P<verb>{hostile})\b"
                                       rf"(?!\s+by\b)"),
        # "the shooting came from the Ulmari side"
        "came_from": re.compile(
            rf"\b(?P<verb>came|come|comes|had\s+come|originated|launched|fired|{'|'.join(_FROM_NOUNS)})\s+[“\"]?from\s+[“\"]?"
            rf"(?:the\s+direction\s+of\s+)?"
            rf"(?P<accused>(?:the\s+|an?\s+)?(?:(?:{party_names})\b|"
            rf"{_GENERIC_WORD})\s+(?:side|positions|position|territory|lines)\b|their\s+(?:side|positions|lines)\b|"
            rf"positions\s+held\s+by\s+(?:the\s+)?{_GENERIC_PARTY})"),
        # "The responsibility for this escalation lies entirely with the leadership of Ondrevia"
        "lies_with": re.compile(
            rf"[Rr]esponsibility\s+(?:for\s+[^.;]{{1,80}}?\s+)?(?P<verb>lies|rests|lay|rested)\s+[“\"]?(?:[a-z]+ly\s+)?with\s+"
            rf"(?P<accused>[^.;,“”\"]{{1,80}})"),
        # "it was Vellund that had broken the truce", in a speaker's words
        "cleft": re.compile(rf"[Ii]t\s+(?:was|is)\s+(?P<accused>{party}|[A-Z][a-z]+|their\s+(?:{_GENERIC_BODY_ALT}))"
                            rf"\s+(?:that|which|who)\s+"
                            rf"(?P<verb>(?:had\s+|has\s+)?[a-z]+(?:\s+(?:up|down|out|off))?)\b"),
        # "the aggressor that night was Khelmat", "Khelmat is the aggressor"
        "aggressor_was": re.compile(rf"\b[Tt]he\s+(?P<verb>aggressor)\b[^.;,“”\"]{{0,30}}?\s+(?:was|is|remains|has\s+been)\s+"
                                    rf"(?P<accused>{party}|[A-Z][a-z]+)"),
        "was_aggressor": re.compile(rf"(?P<accused>{party}|[A-Z][a-z]+)\s+(?:was|is|remains|has\s+been)\s+the\s+"
                                    rf"(?P<verb>aggressor)\b"),
        # "Garesh has only itself to blame"
        "itself": re.compile(rf"(?P<accused>{party}|[A-Z][a-z]+)\s+(?:has|have|had)\s+only\s+(?:itself|themselves)\s+"
                             rf"to\s+(?P<verb>blame)\b"),
        # "the blast was caused by Norrachi ammunition stored in the warehouse"
        "by_thing": re.compile(rf"\b(?P<verb>caused|fired|launched|carried\s+out|triggered|started)\s+by\s+(?:an?\s+)?"
                               rf"(?P<accused>(?P<word>{_GENERIC_WORD})(?:\s+(?!(?:stored|placed|kept|left|that|which|"
                               rf"who|in|near|at|on|from|to|and|of|by)\b)[a-z][\w-]*){{1,2}})"),
        "passive_bare": re.compile(rf"(?P<verb>{passive_by_led})\s+by\s+(?P<accused>[A-Z][a-z]+)\b(?!['’]s)"),
        "blame_on": re.compile(
            rf"(?P<accuser>{party}|{subj}|{owned}),?\s+(?:(?:has|have|had|also|again|long|often)\s+)*"
            rf"(?P<verb>blamed|blames|blame|pinned|pins|pin)\s+"
            rf"(?P<claim>[^.;]{{1,120}}?)\s+on\s+(?:an?\s+)?[“\"]?(?:[a-z]+,?\s+(?:and\s+)?){{0,3}}"
            rf"(?P<accused>{party}|{other}|[A-Z][a-z]+\b(?!['’]))"),
        "hostile": re.compile(rf"(?P<accused>{party})\s+(?:[“\"]?{aux}[”\"]?\s+){{0,3}}[“\"]?(?P<verb>{hostile})\b(?!\s+by\b)"),
        # tried only where a preposition follows the party (keeps the common case fast)
        "hostile_place": re.compile(rf"(?P<accused>{party})\s+{place}\s+(?:[“\"]?{aux}[”\"]?\s+){{0,3}}(?P<verb>{hostile})\b(?!\s+by\b)"),
        # "Irvandan commandos waded across the river at a ford and fired on a tower": a hostile verb
        # further on in the party's clause (checked by _far_verb_ok)
        "hostile_far": re.compile(rf"(?P<accused>{party})(?P<mid>\s[^,;:.“”\"]{{1,100}}?\s)(?P<verb>{hostile})\b(?!\s+by\b)"),
        # "Irvandan drones had flown over Morvent twice, in breach of the armistice"
        "in_breach": re.compile(rf"(?P<accused>{party})(?P<mid>\s[^;.“”\"]{{1,120}}?)\b(?P<verb>in\s+(?:breach|violation)\s+of)\b"),
        "place_after": re.compile(r"\s+(?:on|in|from|near|at|along|across)\s"),
        "act": re.compile(rf"(?P<accused>{party})\s+(?:[“\"]?{aux}[”\"]?\s+){{0,3}}[“\"]?(?P<verb>{act})\b"),
        # the hostile nouns, and the key words of the mutual rule, in any case: for _lowered text
        "hnoun_low": _case_free(re.compile(rf"\b(?:{hnoun})\b", re.IGNORECASE)),
        "conduct": re.compile(rf"(?P<verb>{conduct_led})[”\"’]?\s+(?P<prep>of|by)\s+(?P<accused>{party})"),
        "noun_by": re.compile(rf"\b(?P<verb>{hnoun})[”\"’]?\s+by\s+(?P<accused>{party})", re.IGNORECASE),
        "blameish_low": _case_free(re.compile(rf"\b(?:{accuse}|{hostile}|{passive}|{hnoun}|blamed|responsible|fault)\b",
                                              re.IGNORECASE)),
        "mutual": re.compile(r"\b(?:[Ee]ach side|[Bb]oth sides|[Ee]ach country|[Bb]oth countries|[Tt]he two sides|"
                             r"[Tt]he two countries|[Ee]ach|[Bb]oth)\b"),
        "other": re.compile(_word_led(("each other", "one another", "the other side", "the other"), space=" ") + r"\b"),
        "passive": re.compile(rf"{_word_led(words['passive'])}\s+by\s+(?:{other}|{party})"),
        "report": re.compile(_word_led("said|says|say|claimed|claims|claim|stated|alleged|insisted".split("|"))
                             + r"\s+(?:that\s+)?"),
    }


# --- helpers ------------------------------------------------------------------------------

def parse_anchor(anchor: str | _dt.date | None) -> _dt.date | None:
    """Return ``anchor`` as a date (ISO ``YYYY-MM-DD`` string, date, or None/"" → None).

    Raises :class:`newskit.errors.BadAnchor` for anything else, with the expected form.
    """
    if anchor is None or anchor == "":
        return None
    if isinstance(anchor, _dt.datetime):
        return anchor.date()
    if isinstance(anchor, _dt.date):
        return anchor
    value = str(anchor).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise errors.BadAnchor(f"anchor date {anchor!r} is not a calendar date; give it as YYYY-MM-DD, e.g. 2022-09-13")


_VAGUE_OF = re.compile(r"(tens|hundreds) of (thousands|millions)")
_DIGIT_NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def parse_number(words: str) -> tuple[int | float, bool] | None:
    """Return ``(value, vague)`` for a number as written ("30,000", "1.5 million", "a dozen",
    "twenty-five", "thousands", "tens of thousands"), or None if it is not one.

    ``vague`` marks plurals like "thousands", whose value is the conventional lower bound
    (two of the unit: 2,000).  Word numbers follow English grammar: units add, scales
    ("hundred", "thousand", "million") multiply what precedes them.
    """
    if words.isascii() and words.isdigit() and words not in _numbers():
        value = float(words)  # "12", "2022": what the digits branch below makes of them
        return (int(value) if value == int(value) else value), False
    known = _number_word_values().get(words)
    if known is not None:
        return known  # "two", "a", "thousands"
    return _parse_number(words)


@functools.cache
def _number_word_values() -> dict[str, tuple[int | float, bool]]:
    """:func:`parse_number` of each word of ``claim_numbers.tsv`` that it reads as written
    (lower case, no hyphen or space), by the general rules, once."""
    out = {}
    for w in _numbers():
        if " ".join(_fold(w).replace("-", " ").split()) == w:
            value = _parse_number(w)
            if value is not None:
                out[w] = value
    return out


def _parse_number(words: str) -> tuple[int | float, bool] | None:
    """:func:`parse_number` by its general rules."""
    nums = _numbers()
    s = " ".join(_fold(words).replace("-", " ").split())
    if not s:
        return None
    m = _VAGUE_OF.fullmatch(s)
    if m:
        return (10 if m.group(1) == "tens" else 100) * 2 * nums[m.group(2)][0], True
    if s in nums and nums[s][1] == "vague":
        return 2 * nums[s][0], True
    head, _, rest = s.partition(" ")
    if head.replace(",", "").replace(".", "", 1).isdigit() and _DIGIT_NUMBER.fullmatch(head):
        value: float = float(head.replace(",", ""))
        if rest:
            if rest not in nums or nums[rest][1] != "scale":
                return None
            value *= nums[rest][0]
        return (int(value) if value == int(value) else value), False
    total, current = 0, 0
    seen = False
    for tok in s.split():
        if tok == "and":
            continue
        if tok not in nums:
            return None
        val, kind = nums[tok]
        if kind in ("unit", "article"):
            current += val
        elif kind == "scale":
            current = max(current, 1) * val
            if val >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + current, False


class _QuoteIndex:
    """Quote spans sorted by start, for finding the innermost quote containing a span.
    A reported question ("A reporter asked whether Velgrad had broken the agreement in
    July", rule ``reported question``) asks and claims nothing: it is left out, so what it
    holds is claimed by whatever quote or outlet holds the question."""

    __slots__ = ("starts", "spans", "max_end")

    def __init__(self, quotes: Sequence):
        spans = []
        for q in quotes:
            qs, qe = getattr(q, "start", None), getattr(q, "end", None)
            if isinstance(qs, int) and isinstance(qe, int) and \
                    not str(getattr(q, "rule", "") or "").startswith("reported question"):
                spans.append((qs, qe, q))
        spans.sort(key=operator.itemgetter(0, 1))
        self.spans = spans
        self.starts = [t[0] for t in spans]
        # max_end[i]: the furthest end among spans[0..i], to stop the backward walk early
        self.max_end = list(itertools.accumulate((t[1] for t in spans), max))

    def containing(self, start: int, end: int):
        """The shortest span containing ``[start, end)`` (of equal ones, the last in order)."""
        best, best_len = None, 0
        spans, max_end = self.spans, self.max_end
        for i in range(bisect.bisect_right(self.starts, start) - 1, -1, -1):
            if max_end[i] < end:
                break  # no span from here back reaches ``end``
            qs, qe, q = spans[i]
            if best is not None and end - qs >= best_len:
                break  # every earlier span is at least as long as the best
            if end <= qe and (best is None or qe - qs < best_len):
                best, best_len = q, qe - qs
        return best

    def next_start(self, pos: int, end: int) -> int | None:
        """The start of the first quote beginning in ``[pos, end)``, or None."""
        i = bisect.bisect_left(self.starts, pos)
        return self.starts[i] if i < len(self.starts) and self.starts[i] < end else None


class _Recent:
    """The few values last built from given objects, shared by extract_claims,
    extract_timeline and extract_blame called one after another on one article's
    ``quotes``, ``sentences`` and ``times`` (as their callers pass the same objects).

    A value is reused only when every key object is the very object it was built from
    (``is``) and still holds the very same items (a snapshot ``tuple`` of each, compared
    item by item: identical items compare equal at once), and the plain keys (an anchor
    date) are equal: a new or changed list, or another article, is a miss and the value
    is built afresh.  Only lists and tuples are keys (an iterator would be used up by the
    snapshot).  The entries hold their objects, so no object's ``id`` can be reused while
    it is cached; at most ``size`` of them are kept."""

    __slots__ = ("size", "entries")

    def __init__(self, size: int = 4):
        self.size = size
        self.entries: list[tuple[tuple, tuple, tuple, object]] = []

    def get(self, objs: tuple, plain: tuple, build):
        """``build()``, or the value it returned for these ``objs`` and ``plain`` keys."""
        for o in objs:
            if type(o) is not list and type(o) is not tuple:
                return build()
        snaps = tuple(map(tuple, objs))
        for e_objs, e_snaps, e_plain, value in self.entries:
            if all(map(operator.is_, e_objs, objs)) and e_plain == plain and \
                    all(len(a) == len(b) and all(map(operator.is_, a, b)) for a, b in zip(e_snaps, snaps)):
                return value
        value = build()
        self.entries.insert(0, (objs, snaps, plain, value))
        del self.entries[self.size:]
        return value


_RECENT_QUOTES = _Recent()
_RECENT_PERIODS = _Recent()


def _quote_index(quotes) -> _QuoteIndex:
    """``quotes`` as a :class:`_QuoteIndex` (the one built last for this very list, when
    it is unchanged: see :class:`_Recent`)."""
    if isinstance(quotes, _QuoteIndex):
        return quotes
    return _RECENT_QUOTES.get((quotes,), (), lambda: _QuoteIndex(quotes))


def _containing(quotes, start: int, end: int):
    """The innermost quote whose span contains ``[start, end)``, or None."""
    return _quote_index(quotes).containing(start, end)


def _next_quote_start(quotes, pos: int, end: int) -> int | None:
    """Where the first quote beginning in ``[pos, end)`` begins, or None."""
    return _quote_index(quotes).next_start(pos, end)


def _speaker(q) -> str:
    return (getattr(q, "canonical_speaker", None) or getattr(q, "speaker", None) or "").strip()


def _claimant(quotes: Sequence, start: int, end: int, outlet: str) -> str:
    q = _containing(quotes, start, end)
    name = _speaker(q) if q is not None else ""
    return name or outlet or "outlet"


def _claimant_side(quotes: Sequence, start: int, end: int) -> str:
    q = _containing(quotes, start, end)
    return _quote_side(q) if q is not None else ""


def _claimant_and_side(quotes: _QuoteIndex, start: int, end: int, outlet: str) -> tuple[str, str]:
    """``(_claimant(...), _claimant_side(...))`` from one look-up of the containing quote."""
    q = quotes.containing(start, end)
    if q is None:
        return outlet or "outlet", ""
    return _speaker(q) or outlet or "outlet", _quote_side(q)


def _sentences(text: str, sentences=None):
    if sentences is not None:
        return sentences
    from .text import sentences as _split

    return _split(text)


# --- time expressions ---------------------------------------------------------------------

def _clock_parts(m: re.Match) -> tuple[int, int, bool] | None:
    """(hour, minute, valid) of a clock match; hour/minute may be out of range (valid False)."""
    g = m.groupdict()
    if g.get("noon"):
        return (12 if _fold(g["noon"]) == "noon" else 0), 0, True
    for h, mi, ap in (("h", "m", "ap"), ("h2", "m2", "ap2"), ("h3", None, "ap3"), ("h5", None, "ap5"),
                      ("h4", "m4", None)):
        if g.get(h) is not None:
            hour, minute = int(g[h]), int(g[mi]) if mi else 0
            pm = _fold(g.get(ap) or "")
            valid = 0 <= minute <= 59 and (0 <= hour <= 23 or (hour == 24 and minute == 0))
            if pm:
                valid = valid and 1 <= hour <= 12
                if valid:
                    hour = hour % 12 + (12 if pm == "p" else 0)
            return hour, minute, valid
    return None


def _zone_offset(m: re.Match) -> int | None:
    z = m.group("zone")
    if z:
        return _zones().get(" ".join(_fold(z).split()))
    if m.group("zulu"):
        return 0
    return None


_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)[\s-]*$")


def _previous_word(text: str, pos: int) -> str:
    """The ASCII word ending (but for spaces and hyphens) at ``pos``, within 20 characters,
    lower-cased; "" if none."""
    m = _PREVIOUS_WORD.search(text, max(0, pos - 20), pos)  # ``$`` holds at ``pos``, as at a slice's end
    return _fold(m.group(1)) if m else ""


_PUNCT = "!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~“”‘’«»—–-…'"


# Letters that a case-insensitive pattern matches to an ASCII letter although ``str.lower()``
# does not give that letter: dotted and dotless capital/small I (Turkish, Azerbaijani), the long
# s and the Kelvin sign.  Folding them first keeps every table lookup of matched text defined,
# and keeps offsets: "İ".lower() is two characters, "i" one.
_CASE_TRAPS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


_CASE_TRAP_PAIRS = tuple((chr(c), letter) for c, letter in _CASE_TRAPS.items())


def _fold(s: str) -> str:
    """``s`` lower-cased as a case-insensitive pattern compares it: the same length as ``s``.

    ``_CASE_TRAPS`` applied with ``str.replace`` (one C scan per trap letter, and a replace
    only where one occurs) rather than ``str.translate`` with a dict, which looks every
    character of a non-ASCII text up in the dict (a quarter of a millisecond per article)."""
    if s.isascii():
        return s.lower()
    for trap, letter in _CASE_TRAP_PAIRS:
        if trap in s:
            s = s.replace(trap, letter)
    return s.lower()


_ASCII_BYTES = bytes(range(128))


@functools.lru_cache(maxsize=8)
def _lowered(text: str) -> str:
    """``text`` folded by :func:`_fold`, where key words are looked up by :func:`_words_hits`
    (``str.find``, in C), so that rules whose key words do not occur are skipped cheaply.

    A whole article is lower-cased as UTF-8 bytes (``bytes.lower`` changes ASCII letters
    only, at a fraction of the cost of ``str.lower`` on a text holding any non-ASCII
    character) when its non-ASCII characters — quote marks, dashes, mostly — have no
    lower-case form of their own: ``str.lower`` then changes only ASCII letters too (the
    one lower-casing that depends on context, of the capital sigma, changes it)."""
    if text.isascii():
        return text.lower()
    for trap, letter in _CASE_TRAP_PAIRS:  # as _fold
        if trap in text:
            text = text.replace(trap, letter)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return text.lower()
    rest = data.translate(None, _ASCII_BYTES).decode("utf-8")  # the non-ASCII characters
    if rest.lower() != rest:
        return text.lower()
    return data.lower().decode("utf-8")


def _word_hits(low: str, word: str):
    """Offsets of ``word`` in ``low`` as a whole word (not inside a longer word); one scan
    of ``low`` when the word does not occur."""
    n = len(word)
    i = low.find(word)
    while i >= 0:
        if (i == 0 or not low[i - 1].isalnum()) and (i + n >= len(low) or not low[i + n].isalnum()):
            yield i
        i = low.find(word, i + 1)


@functools.cache
def _word_roots(words: tuple[str, ...]) -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
    """``words`` grouped under the shortest of them each holds: ``(root, ((word, offset of
    the root in it), …))`` ("days", "today" and "midday" under "day")."""
    groups: dict[str, list[tuple[str, int]]] = {}
    for w in words:
        inside = [r for r in words if r != w and r in w]
        if not inside:
            groups.setdefault(w, [])
    for w in words:
        inside = sorted((r for r in words if r != w and r in w), key=lambda r: (len(r), r))
        if inside:
            groups[inside[0]].append((w, w.index(inside[0])))
    return tuple((root, tuple(longer)) for root, longer in groups.items())


def _words_hits(low: str, words: tuple[str, ...]) -> list[int]:
    """Offsets in ``low`` of every whole-word occurrence of any of ``words`` (in no set
    order), as :func:`_word_hits` finds them; a word holding a shorter one of them is looked
    for only where that one occurs, so each root word costs one scan of ``low``."""
    out = []
    size = len(low)
    for root, longer in _word_roots(words):
        n = len(root)
        i = low.find(root)
        while i >= 0:
            if (i == 0 or not low[i - 1].isalnum()) and (i + n >= size or not low[i + n].isalnum()):
                out.append(i)
            for word, k in longer:
                j = i - k
                if j >= 0 and low.startswith(word, j) and (j == 0 or not low[j - 1].isalnum()) \
                        and (j + len(word) >= size or not low[j + len(word)].isalnum()):
                    out.append(j)
            i = low.find(root, i + 1)
    return out


@functools.cache
def _key_scan() -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
    """The table of :func:`_key_words`: ``{longest key: (its categories, its articles)}``.

    Every key word of the time triggers (``_time_words``: "content" words and "lead" words)
    and of the number triggers ("number": ``_number_words``, and the articles "a"/"an") is
    looked for by :func:`_word_scan`'s trie as a whole word right after a space, after any
    other character that is no ASCII letter, or at offset 0.  At one offset the trie takes
    the longest key; the shorter keys that match there are its prefixes ending at a word end
    inside it ("a" of "a couple of"), so a hit's categories are read off the longest key.
    The scan also takes each run of digits whole (a key word right after a digit is no whole
    word), so digits cost no scan of their own."""
    content, leads = _time_words()
    cats: dict[str, set[str]] = {}
    for cat, words in (("content", content), ("lead", leads), ("number", _number_words())):
        for w in words:
            cats.setdefault(w, set()).add(cat)
    articles = tuple(w for w in ("a", "an") if w in _numbers())
    for w in articles:
        cats.setdefault(w, set())
    keys = sorted(cats)
    table = {}
    for key in keys:
        inside = [k for k in keys if key.startswith(k) and (k == key or not key[len(k)].isalnum())]
        table[key] = (frozenset().union(*(cats[k] for k in inside)), tuple(k for k in inside if k in articles))
    return table


@functools.lru_cache(maxsize=8)
def _key_words(text: str) -> dict[str, list]:
    """Offsets of the key words of ``text`` by category, each list sorted: "content" and
    "lead" hold :func:`_words_hits` of ``_time_words()`` in :func:`_lowered`, "number" that
    of ``_number_words()`` together with the articles "a"/"an" found between spaces (after a
    space or a line break, before a space, or at the start before a space); "digits" holds
    the ``(start, end)`` of every maximal run of digits (``\\d+``) — one scan for what
    extract_times and extract_claims look for (see :func:`_key_scan`), shared with
    :func:`_blame_hits` (see :func:`_scanned`)."""
    low = _lowered(text)  # as long as ``text``, with the same digits
    table = _key_scan()
    keys_of = _word_scan()[1]
    spaced, other, digits, start = _scanned(text)
    # the scans find each offset once: after a space, after another character, or at 0
    hits = [(i, key) for i, key in ((i, keys_of[u][0]) for i, u in spaced) if key is not None]
    for i, u, after_digits in other:
        if after_digits:
            continue  # _key_scan's scan takes a run of digits whole, and no key after it
        key = keys_of[u][0]
        if key is not None and not low[i - 1].isalnum():  # the class also holds letters beyond ASCII
            hits.append((i, key))
    if start is not None and keys_of[start][0] is not None:
        hits.append((0, keys_of[start][0]))
    out: dict[str, list] = {"content": [], "lead": [], "number": [], "digits": list(digits)}
    for i, key in hits:
        cats, articles = table[key]
        for cat in cats:
            out[cat].append(i)
        for w in articles:  # " a ", "\na ": the article is a number only between spaces
            if (i == 0 or low[i - 1] in " \n") and low.startswith(" ", i + len(w)) and "number" not in cats:
                out["number"].append(i)
                break
    for hits_of in out.values():
        hits_of.sort()
    return out


@functools.cache
def _word_scan() -> tuple[tuple[re.Pattern, re.Pattern, re.Pattern], dict[str, tuple[str | None, str | None]]]:
    """One scan for the keys of :func:`_key_scan`'s and :func:`_blame_scan`'s tables: ``((after
    a space, after another character, at the start), {key: (the longest key of _key_scan's
    table it gives, that of _blame_scan's, None for none)})`` — a trie of both sets of keys,
    so that the lowered text is scanned once for both.

    At an offset the trie takes the longest key of either set that ends a word; a key of one
    set matching there ends a word too, so it is a prefix of that key, ending at its end or
    before a character that is no letter or digit: the longest such prefix is what a scan
    for that set alone would take.  The second pattern: at a digit it takes the run of digits
    whole (what the time and number keys need), then a key right after the run (where a blame
    key may stand; a key begins with a letter, so no other digit of the run is followed by
    one); at another character, a key right after it."""
    ks_table, bs_table = _key_scan(), _blame_scan()
    keys = sorted(set(ks_table) | set(bs_table))
    look = "(?=(" + _trie_alt(keys, space=re.escape(" ")) + r")(?![^\W_]))"
    patterns = (re.compile(" " + look), re.compile(r"[^ a-zA-Z](?:(?<=\d)\d*" + look + "?|" + look + ")"),
                re.compile(look))

    def inside(key: str, table) -> str | None:
        found = [k for k in table if key.startswith(k) and (k == key or not key[len(k)].isalnum())]
        return max(found, key=len) if found else None

    return patterns, {key: (inside(key, ks_table), inside(key, bs_table)) for key in keys}


@functools.lru_cache(maxsize=8)
def _scanned(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str, bool]], list[tuple[int, int]], str | None]:
    """The matches of :func:`_word_scan`'s patterns in :func:`_lowered` text: ``(keys after a
    space, keys after another character, digit runs, the key at offset 0 or None)``, a key as
    ``(offset, key)``, after another character ``(offset, key, whether a run of digits
    precedes it)``."""
    low = _lowered(text)
    (after_space, after_other, at_start), _ = _word_scan()
    spaced = [(m.end(), m.group(1)) for m in after_space.finditer(low)]
    other, digits = [], []
    for m in after_other.finditer(low):
        key = m.group(2)
        if key is not None:
            other.append((m.end(), key, False))
            continue
        digits.append(m.span())
        key = m.group(1)
        if key is not None:
            other.append((m.end(), key, True))
    m = at_start.match(low)
    return spaced, other, digits, (m.group(1) if m is not None else None)


_DIGITS = re.compile(r"\d\d*")  # = \d+, but a leading single \d lets ``re`` skip ahead to the next digit


def _digit_runs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every maximal run of digits in ``text`` (from :func:`_key_words`)."""
    return _key_words(text)["digits"]


def _digit_runs_full(text: str) -> list[tuple[int, int]]:
    """Reference implementation of :func:`_digit_runs` (the tests compare the two)."""
    return [m.span() for m in _DIGITS.finditer(text)]
# weekday and month names, full or abbreviated (a match needs no word end: "Sept." is one);
# only where a match starts counts (see _name_starts), so a trie will do
_CAP_NAMES = re.compile("(?:" + _trie_alt(_WEEKDAYS + _MONTHS + tuple(_MONTH_ABBR)) + ")")


def _name_starts(text: str) -> list[int]:
    """Offsets of the weekday and month names, "noon" and "midnight" in ``text`` that do
    not continue a word (no letter or digit before them), in no set order.

    The capitalised names are one pattern scan (all begin with a capital letter, so ``re``
    tests only the few offsets holding one); the two lower-case words are found by
    ``str.find``.  A name inside another's span is preceded by one of its letters, so
    overlapping matches, which a single scan would skip, are never kept anyway."""
    out = [p for p in (m.start() for m in _CAP_NAMES.finditer(text)) if not (p and text[p - 1].isalnum())]
    for word in ("noon", "midnight"):
        p = text.find(word)
        while p >= 0:
            if not (p and text[p - 1].isalnum()):
                out.append(p)
            p = text.find(word, p + 1)
    return out


_NAME_PREFIX = re.compile(r"(?:(?:early|late|mid|Early|Late|Mid)[-\s]+(?:on\s+)?|(?:last|next|this|Last|Next|This)\s+)$")
_WORD_STARTS = re.compile(r"\b\w")
# which patterns can start at (or just before) each kind of trigger
_NAME_KINDS = ("clock", "date", "weekday", "month")
_WORD_KINDS = ("relative", "duration")
_ORDER = {name: (prio, kind) for prio, (kind, name) in enumerate([
    (TimeKind.CLOCK, "clock"), (TimeKind.DATE, "date"), (TimeKind.DECADE, "decade"), (TimeKind.WEEKDAY, "weekday"),
    (TimeKind.DURATION, "duration"), (TimeKind.RELATIVE, "relative"), (TimeKind.MONTH, "month"),
    (TimeKind.YEAR, "year")])}


def _word_starts_before_full(text: str, pos: int, n: int) -> list[int]:
    """Reference implementation of :func:`_word_starts_before` (a scan of the words of the
    window, left to right; the tests compare the two)."""
    lo = max(0, pos - 12 * n - 10)
    starts = [m.start() for m in _WORD_STARTS.finditer(text, lo, pos)]
    if starts and starts[0] == lo and lo > 0 and text[lo - 1].isalnum():
        starts = starts[1:]  # the slice began inside a word
    return starts[::-1][:n]


@functools.lru_cache(maxsize=8)
def _reversed(text: str) -> str:
    """``text`` backwards, where words before an offset are read by a forward pattern."""
    return text[::-1]


# up to n words read backwards: the nearest run of word characters first
_WORDS_BACK = {n: re.compile(r"\W*(\w+)" + r"(?:\W+(\w+))?" * (n - 1)) for n in (2, 3, 4)}


def _word_starts_before(text: str, pos: int, n: int) -> list[int]:
    """Start offsets of up to ``n`` words (runs of word characters) before ``pos`` and within
    ``12 n + 10`` characters of it, nearest first.

    One match of a pattern over the reversed text (its runs of word characters are the
    text's), instead of a scan of the window's words left to right.  A word the window cuts
    (a word character just before it) does not begin in the window: in the left-to-right
    scan ``\b`` does not hold there, as ``re`` looks at the character before a search's start."""
    size = len(text)
    lo = max(0, pos - 12 * n - 10)
    m = _WORDS_BACK[n].match(_reversed(text), size - pos, size - lo)
    if m is None:
        return []
    out = []
    for k in range(1, n + 1):
        end = m.end(k)
        if end < 0:
            break
        out.append(size - end)
    if out[-1] == lo and lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] == "_"):
        out.pop()  # the window cut that word
    return out


_UNIT_AFTER = re.compile(r"[\s-]*(?:second|minute|hour|day|week|month|year|decade)", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z]")


def _digit_kinds(text: str, p: int, q: int) -> tuple[str, ...]:
    """The time patterns that can match at the digit run ``text[p:q]`` (cheap look-ahead
    tests, so that most numbers are tried against one or two patterns, not six)."""
    n = q - p
    nxt = text[q:q + 1]
    kinds = []
    if n <= 2 and nxt in (":", ".") or n <= 2 and _AMPM_AFTER.match(text, q) or n == 4:
        kinds.append("clock")
    if (n <= 2 and _MONTH_AFTER.match(text, q)) or (n == 4 and nxt == "-"):
        kinds.append("date")
    if n == 4 and nxt in ("s", "'", "’") or n == 2 and p and text[p - 1] in "'’":
        kinds.append("decade")
    if n == 4:
        kinds.append("year")
    if _UNIT_AFTER.match(text, q):
        kinds.extend(("relative", "duration"))
    return tuple(kinds)


_AMPM_AFTER = re.compile(r"\s*[aApP]\.?\s?[mM]\b")


def _triggers(text: str) -> tuple[list[tuple[int, tuple[str, ...]]], set[int], set[int], dict[int, tuple[str, ...]]]:
    """Positions where a time expression may start, with the patterns worth trying there:
    ``(digit triggers, name offsets, word offsets, word kinds)`` — ``(offset, patterns)`` at
    and before digit runs, the offsets to try the ``_NAME_KINDS`` patterns at, those to try
    the ``_WORD_KINDS`` patterns at (as :func:`_word_kinds_at` says), and, for the words
    before a content word that are plain ASCII words, those patterns already looked up
    (:func:`_content_word_kinds`).

    Python's ``re`` tries a pattern at every offset unless the pattern begins with a
    literal it can skip to, so scanning a 4,000-character article with a dozen rich
    patterns costs milliseconds.  Instead, cheap scans find the tokens every time
    expression contains — digits, weekday and month names, unit and relative words —
    and the full patterns are only *anchored* there (and at the few words before, where
    optional prefixes such as "early on", "the late" or "for" begin).
    """
    digits: list[tuple[int, tuple[str, ...]]] = []
    for p, q in _digit_runs(text):
        kinds = _digit_kinds(text, p, q)
        if not kinds:
            continue
        digits.append((p, kinds))
        if "decade" in kinds or "duration" in kinds:  # "the late 1980s", "for 3 days"
            digits.extend((s, kinds) for s in _word_starts_before(text, p, 3))
    names: set[int] = set()
    for p in _name_starts(text):
        names.add(p)
        if _NAME_PREFIX.search(text, max(0, p - 20), p):  # "early on Monday", "last Tuesday"
            names.update(_word_starts_before(text, p, 2))
    keys = _key_words(text)
    at_words: set[int] = set(keys["lead"])
    at_words.update(keys["content"])
    word_kinds = _content_word_kinds(text, keys["content"], at_words)
    return digits, names, at_words, word_kinds


def _content_word_kinds(text: str, content: list[int], at_words: set[int]) -> dict[int, tuple[str, ...]]:
    """The ``_WORD_KINDS`` patterns worth trying at the starts of the 4 words before each
    content word (:func:`_word_starts_before` ``(text, i, 4)``), as :func:`_word_kinds_at`
    gives them, read off the words the backward match captures: a word of ASCII letters
    only is looked up as it stands (the letters :func:`_word_kinds_at` reads are the whole
    word); the start of any other word is added to ``at_words`` for the general test."""
    by_word = _word_kinds_by_first()[0]
    rev, size = _reversed(text), len(text)
    back = _WORDS_BACK[4]
    out: dict[int, tuple[str, ...]] = {}
    for i in content:
        lo = max(0, i - 58)  # 12 n + 10 characters, as in _word_starts_before
        m = back.match(rev, size - i, size - lo)
        if m is None:
            continue
        for k in (1, 2, 3, 4):
            a, b = m.span(k)
            if b < 0:
                break
            start, end = size - b, size - a
            if start == lo and lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] == "_"):
                break  # the window cut that word (the farthest one: no word lies beyond it)
            word = text[start:end]
            if not (word.isascii() and word.isalpha()):
                at_words.add(start)
            elif end < size and not text[end].isascii():
                out[start] = _WORD_KINDS  # as _word_kinds_at: any may begin
            else:
                kinds = by_word.get(word.lower())
                if kinds:
                    out[start] = kinds
    return out


@functools.cache
def _time_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(words, leads)``: one of ``words`` occurs in any relative phrase or duration, and
    each hit is tried with the few words before it; ``leads`` are tried at their own offset only.

    "of" and "through" are frequent and no content word.  In a phrase holding one, either a
    content word comes before it ("since the start of the year"), whose hit reaches every start
    theirs would, or the phrase begins with it ("through the week"): such a word is dropped, or
    made a lead where a phrase begins with it — unless a phrase of the table has neither.  The
    pattern's own "of" is in "a couple of" (a lead).
    """
    units = ("second", "minute", "hour", "day", "week", "month", "year", "decade")
    out = set(units) | {u + "s" for u in units} | {"time", "while", "long"}
    phrases = [phrase.split() for phrase in _relative()]
    for words in phrases:
        out.update(words)
    # function words would trigger everywhere; every phrase keeps a content word ("dawn", "evening")
    out = out - {"the", "a", "this", "last", "next", "same", "previous", "following", "since", "soon", "shortly",
                 "in", "by", "at", "during", "early", "late", "that"}
    out |= {"earlier", "then", "after"}
    leads = {"a couple of"}
    for word in ("of", "through"):
        at = [(words, words.index(word)) for words in phrases if word in words]
        if all(i == 0 or out.intersection(words[:i]) for words, i in at):
            out.discard(word)
            if any(i == 0 for _, i in at):
                leads.add(word)
    return tuple(sorted(out)), tuple(sorted(leads))


def _candidates_full(text: str) -> list[tuple[int, int, int, TimeKind, re.Match]]:
    """Reference implementation of :func:`_candidates`: every pattern scanned over the
    whole text, in no set order (slow; the tests compare extract_times with the two, this
    one sorted by ``(start, -length, priority)`` first)."""
    res = _time_res()
    out = []
    for name, (prio, kind) in _ORDER.items():
        for m in res[name].finditer(text):
            if _check_candidate(text, kind, m):
                out.append((m.start(), -(m.end() - m.start()), prio, kind, m))
    return out


@functools.cache
def _first_words() -> dict[str, frozenset[str]]:
    """Lower-case first words a ``relative`` or ``duration`` match can begin with (besides
    digits), as runs of ASCII letters ("twenty" of "twenty-one", "mid" of "mid-morning"): a
    cheap test that spares the full pattern at most of the words before a trigger.  Every
    such word is followed in the pattern by a space, a hyphen or a word boundary, so the
    letters of the text's word at a match's start are exactly one of these."""
    numwords = _NUMWORDS
    phrases = tuple(_ASCII_LETTERS.match(p.split()[0]).group() for p in _relative())
    quals = ("about", "almost", "nearly", "roughly", "around", "some", "more", "less", "fewer", "under", "just", "a",
             "at", "up", "the", "past", "last", "next")
    return {"relative": frozenset(numwords + ("a", "an", "several") + phrases),
            "duration": frozenset(numwords + ("for", "in", "within", "over") + quals)}


_ASCII_LETTERS = re.compile("[A-Za-z]*")


# What a match of each case-sensitive pattern begins with, besides a digit.  Triggers offer
# several patterns at once (at a weekday or month name, and at the words before a name or a
# decade), most of which cannot begin there: "Monday" starts no clock time, date or month.
_FIRST_LITERALS = {
    "clock": ("noon", "midnight"),
    "date": _MONTHS + tuple(_MONTH_ABBR),
    "weekday": _WEEKDAYS + ("early", "late", "Early", "Late", "last", "next", "this", "Last", "Next", "This"),
    "month": _MONTHS + ("early", "late", "mid", "Early", "Late", "Mid"),
    "decade": ("The", "the", "early", "mid", "late", "'", "’"),
    "year": (),
}


def _first_word_at(text: str, pos: int) -> str | None:
    """The lower-cased ASCII letters at ``pos`` ("" at a digit or a sign), or None when a
    non-ASCII character follows them (case-insensitive matching may then differ from
    lower-casing: "ſeveral", the Kelvin sign)."""
    end = _ASCII_LETTERS.match(text, pos).end()
    if end < len(text) and not text[end].isascii():
        return None
    return _fold(text[pos:end])


def _may_begin(text: str, pos: int, word: str | None, firsts: frozenset[str]) -> bool:
    """Whether a relative or duration match can begin at ``pos``, where :func:`_first_word_at`
    read ``word``: an ASCII word that is no first word cannot begin one, nor a sign (unless
    a phrase of the table begins with one: its first word then has no letters, "")."""
    if word is None:
        return True
    return word in firsts if word else "0" <= text[pos:pos + 1] <= "9" or "" in firsts


@functools.cache
def _word_kinds_by_first() -> tuple[dict[str, tuple[str, ...]], tuple[str, ...], tuple[str, ...]]:
    """What :func:`_may_begin` says, as tables: ``(kinds by first word, kinds at a digit,
    kinds at a sign)`` — the ``_WORD_KINDS`` patterns a match of which can begin with a
    given lower-case ASCII word, at a digit, or at a character that is neither (where no
    letters are read, :func:`_first_word_at` gives "")."""
    first = _first_words()
    words = set().union(*first.values()) - {""}
    by_word = {w: tuple(name for name in _WORD_KINDS if w in first[name]) for w in words}
    at_sign = tuple(name for name in _WORD_KINDS if "" in first[name])
    return by_word, _WORD_KINDS, at_sign


def _word_kinds_at(text: str, pos: int) -> tuple[str, ...]:
    """The ``_WORD_KINDS`` patterns for which :func:`_may_begin` holds at ``pos`` (one look
    at the word there for both, instead of one test per pattern)."""
    end = _ASCII_LETTERS.match(text, pos).end()
    if end < len(text) and not text[end].isascii():
        return _WORD_KINDS  # _first_word_at gives None: any may begin
    by_word, at_digit, at_sign = _word_kinds_by_first()
    if end > pos:
        return by_word.get(text[pos:end].lower(), ())
    return at_digit if "0" <= text[pos:pos + 1] <= "9" else at_sign


def _trigger_plan(text: str) -> dict[int, set[str]]:
    """The patterns worth trying at each offset :func:`_triggers` offers: the word patterns
    where a match of them may begin (:func:`_word_kinds_at`), the others at a digit or where
    the text begins with one of their ``_FIRST_LITERALS``."""
    digits, names, at_words, word_kinds = _triggers(text)
    plan: dict[int, set[str]] = {pos: set(kinds) for pos, kinds in word_kinds.items()}
    # _word_kinds_at at each word offset (inlined: it runs some 60 times an article)
    by_word, at_digit, at_sign = _word_kinds_by_first()
    letters, size = _ASCII_LETTERS.match, len(text)
    for pos in at_words:
        end = letters(text, pos).end()
        if end < size and not text[end].isascii():
            plan[pos] = set(_WORD_KINDS)
        elif end > pos:
            kinds = by_word.get(text[pos:end].lower())
            if kinds:
                plan[pos] = set(kinds)
        else:
            kinds = at_digit if "0" <= text[pos:pos + 1] <= "9" else at_sign
            if kinds:
                plan[pos] = set(kinds)
    for pos in names:
        at_digit = text[pos:pos + 1].isdecimal()
        kinds = [name for name in _NAME_KINDS if at_digit or text.startswith(_FIRST_LITERALS[name], pos)]
        if kinds:
            plan.setdefault(pos, set()).update(kinds)
    for pos, kinds in digits:
        at_digit = text[pos:pos + 1].isdecimal()
        word_kinds = None
        for name in kinds:
            if name in _WORD_KINDS:
                if word_kinds is None:
                    word_kinds = _word_kinds_at(text, pos)
                if name not in word_kinds:
                    continue
            elif not at_digit and not text.startswith(_FIRST_LITERALS[name], pos):
                continue
            plan.setdefault(pos, set()).add(name)
    return plan


def _candidates(text: str) -> list[tuple[int, int, int, TimeKind, re.Match]]:
    """The candidates :func:`extract_times` keeps: ``(start, -length, priority, kind,
    match)`` of the time patterns tried at the offsets :func:`_trigger_plan` gives, in text
    order, as its choice among all of them (:func:`_candidates_full`) leaves them.

    That choice takes, left to right, at each offset not inside an expression already
    taken, the longest checked match there (of equal ones, the pattern first in
    ``_ORDER``).  So the offsets are visited in order, the patterns are not tried at all
    inside a taken expression, and only the best match at an offset is checked (the next
    one when the check fails)."""
    res = _time_res_low()
    low = _lowered(text)
    out = []
    plan = _trigger_plan(text)
    last_end = -1
    for pos in sorted(plan):
        if pos < last_end:
            continue  # inside the expression taken last: no match here can be taken
        found = []
        for name in plan[pos]:
            m = res[name].match(low if name in _WORD_KINDS else text, pos)
            if m is not None:
                prio, kind = _ORDER[name]
                found.append((pos - m.end(), prio, kind, m))
        if len(found) > 1:
            found.sort(key=lambda c: (c[0], c[1]))
        for neg_len, prio, kind, m in found:
            if _check_candidate(text, kind, m):
                out.append((pos, neg_len, prio, kind, m))
                last_end = pos - neg_len
                break
    return out


_EARLIER_NOT_TIME = re.compile(r"\s+(?:than|on|in|this|that|today|statements?)\b")  # "earlier than", "earlier on"


def _check_candidate(text: str, kind: TimeKind, m: re.Match) -> bool:
    if m.end() == m.start():
        return False
    if kind is TimeKind.CLOCK:
        g = m.groupdict()
        colon_only = g.get("h") is not None and not g.get("ap") and not g.get("zone") \
            and not g.get("local") and not g.get("zulu") and not g.get("wd")
        if colon_only:
            parts = _clock_parts(m)
            if parts is None or not parts[2]:
                return False  # "3:2", "25:99" without zone: not a clock time we can tell
        if g.get("noon") and not (g.get("zone") or g.get("local") or g.get("wd")) \
                and _previous_word(text, m.start()) not in ("at", "by", "until", "after", "before", "around"):
            return False
    elif kind is TimeKind.MONTH:
        if _previous_word(text, m.start()) not in _MONTH_PREP and not m.group("mod"):
            return False
    elif kind is TimeKind.RELATIVE and m.group("phrase"):
        phrase = " ".join(_fold(m.group("phrase")).split())
        if phrase == "earlier" and _EARLIER_NOT_TIME.match(text[m.end():m.end() + 12]):
            return False
    elif kind is TimeKind.YEAR:
        after = text[m.end():m.end() + 40]
        cm = _claim_res()["counted_after"].match(after)
        if cm and not _counted()[_norm_noun(cm.group("noun"))][3]:
            return False  # "2000 soldiers": a count, not a year
    return True


def _norm_noun(noun: str) -> str:
    return " ".join(_fold(noun).split())


def _num_value(s: str) -> int | None:
    s = _fold(s)
    if s in ("a", "an"):
        return 1
    if s.isdigit():
        return int(s)
    p = parse_number(s)
    return int(p[0]) if p and not p[1] else None


def _weekday_date(anchor: _dt.date, wd: int, rel: str) -> _dt.date:
    delta = (anchor.weekday() - wd) % 7
    if rel == "next":
        return anchor + _dt.timedelta(days=(wd - anchor.weekday()) % 7 or 7)
    if rel == "last" and delta == 0:
        delta = 7
    return anchor - _dt.timedelta(days=delta)


def _shift(anchor: _dt.date, unit: str, offset: int) -> tuple[str, Granularity]:
    if unit == "day":
        return (anchor + _dt.timedelta(days=offset)).isoformat(), Granularity.DAY
    if unit == "week":
        y, w, _ = (anchor + _dt.timedelta(weeks=offset)).isocalendar()
        return f"{y}-W{w:02d}", Granularity.WEEK
    if unit == "month":
        idx = anchor.year * 12 + anchor.month - 1 + offset
        return f"{idx // 12:04d}-{idx % 12 + 1:02d}", Granularity.MONTH
    if unit == "year":
        return f"{anchor.year + offset:04d}", Granularity.YEAR
    return "", Granularity.UNKNOWN


_UNIT_CODE = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y",
              "decade": "DE"}
_UNIT_GRAN = {"second": Granularity.MINUTE, "minute": Granularity.MINUTE, "hour": Granularity.MINUTE,
              "day": Granularity.DAY, "week": Granularity.WEEK, "month": Granularity.MONTH,
              "year": Granularity.YEAR, "decade": Granularity.DECADE}


def _duration_code(n: int | None, unit: str) -> str:
    unit = _fold(unit).rstrip("s")
    code = _UNIT_CODE[unit]
    timepart = unit in ("second", "minute", "hour")
    amount = str(n) if n is not None else "X"
    return f"P{'T' if timepart else ''}{amount}{code}"


_GRANULARITIES = {g.value: g for g in Granularity}
_SPEECH_DATE = re.compile(r"\b(?:said|says|told|announced|stated|reported|added)\s+(?:\w+\s+)?(?:on\s+)?$")


def extract_times(text: str, anchor: str | _dt.date | None = None) -> list[TimeExpression]:
    """Return the time expressions of ``text`` in text order, resolved against ``anchor``.

    Candidates from each pattern (clock, date, decade, weekday, duration, relative,
    month, year) are chosen left to right, longest first, without overlaps.  ``anchor``
    (ISO date) is the date of the events; without it only absolute expressions (full
    dates, years, decades) get a ``when``, and everything else keeps its typed ``normal``
    value.  Weekdays resolve to the latest such day on or before the anchor (news reports
    the past), months to the latest such month, clock times to UTC through
    ``resources/timezones.tsv`` (a UTC equivalent in brackets wins over "local time").
    Impossible clock times ("25:99 GMT") come back with ``normal == "INVALID"``.
    """
    anchor_d = parse_anchor(anchor)
    # _candidates gives at most one candidate per offset, offsets rising: already in the
    # order of ``(start, -length, priority)`` (a sort would leave it as it is)
    cands = _candidates(text)
    chosen = []
    last_end = -1
    for start, neg_len, _, kind, m in cands:
        if start < last_end:
            continue
        chosen.append((kind, m))
        last_end = start - neg_len
    out: list[TimeExpression] = []
    ref_day: _dt.date | None = None
    for kind, m in chosen:
        rec, day = _resolve(kind, m, text, anchor_d, ref_day)
        if day is not None and not _SPEECH_DATE.search(text, max(0, m.start() - 30), m.start()):
            ref_day = day  # "said on Thursday" dates the statement, not the events: not a reference day
        out.append(rec)
    return out


_PHRASAL_OVER = re.compile(r"\b(?:hand(?:ed|ing|s)?|turn(?:ed|ing|s)?|took|tak(?:e|es|ing)|pass(?:ed|es|ing)?)\s+over\s+$",
                           re.IGNORECASE)
_PHRASAL_OVER_LOW = _case_free(_PHRASAL_OVER)  # on _lowered text
_AGE_BEFORE = re.compile(r"[A-Z][\w’'\-]+,\s*$")  # "Brel, " before "52,"


def _resolve(kind: TimeKind, m: re.Match, text: str, anchor: _dt.date | None,
             ref_day: _dt.date | None) -> tuple[TimeExpression, _dt.date | None]:
    # the groups are read one by one where a pattern has few (groupdict() builds them all)
    s, e = m.span()
    span = text[s:e]

    def rec(gran, normal, when, mod="", rule=""):
        return _time_expression(kind, span, s, e, gran, normal, when, mod, rule or kind.value)

    if kind is TimeKind.CLOCK:
        g = m.groupdict()
        parts = _clock_parts(m)
        hour, minute, valid = parts if parts else (0, 0, False)
        if not valid:
            return rec(Granularity.MINUTE, "INVALID", None, rule="clock:invalid"), None
        offset = _zone_offset(m)
        rule = "clock"
        cross = 0  # days between the local date and the bracketed time's date
        if g.get("alt"):
            am = _time_res()["alt_clock"].match(g["alt"])
            if am:
                ap = _clock_parts(am)
                aoff = _zone_offset(am)
                if ap and ap[2] and aoff is not None:
                    # "03:40 local time (2340 GMT)": the bracketed time is the evening before
                    diff = (ap[0] * 60 + ap[1]) - (hour * 60 + minute)
                    cross = -1 if diff > 12 * 60 else 1 if diff < -12 * 60 else 0
                    hour, minute, offset = ap[0], ap[1], aoff
                    rule = "clock:bracketed-utc"
        wd = g.get("wd")
        if offset is not None:
            utc_min = hour * 60 + minute - offset
            day_shift, utc_min = divmod(utc_min, 24 * 60)
            day_shift += cross
            tpart = f"T{utc_min // 60:02d}:{utc_min % 60:02d}Z"
        else:
            day_shift = 0
            tpart = f"T{hour:02d}:{minute:02d}"
            rule += ":local" if g.get("local") else ":no-zone"
        normal = (f"XXXX-WXX-{_WEEKDAYS.index(wd.capitalize()) + 1}" if wd else "") + tpart
        day = None
        if wd and anchor:
            day = _weekday_date(anchor, _WEEKDAYS.index(wd.capitalize()), "")
            rule += "+weekday"
        elif not wd and ref_day is not None:
            day, rule = ref_day, rule + "+previous-day"
        elif not wd and anchor is not None:
            day, rule = anchor, rule + "+anchor"
        when = None
        if day is not None:
            when = (day + _dt.timedelta(days=day_shift)).isoformat() + tpart
        return rec(Granularity.MINUTE, normal, when, rule=rule), (day if wd else None)

    if kind is TimeKind.DATE:
        g = m.groupdict()
        normal = ""
        if g.get("iy"):
            y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
        else:
            mon = g.get("mon") or g.get("mon2") or g.get("mon3")
            mo = _MONTH_NUM[mon.rstrip(".").capitalize() if mon.rstrip(".").capitalize() in _MONTH_NUM else mon]
            y_s = g.get("y") or g.get("y2") or g.get("y3")
            y = int(y_s) if y_s else None
            d_s = g.get("d") or g.get("d2")
            if g.get("mon3"):
                when = f"{y:04d}-{mo:02d}"
                return rec(Granularity.MONTH, when, when, rule="date:month-year"), None
            d = int(d_s)
            if y is None:
                normal = f"XXXX-{mo:02d}-{d:02d}"
                if anchor is None:
                    return rec(Granularity.DAY, normal, None, rule="date:no-year"), None
                y = anchor.year if (mo, d) <= (anchor.month, anchor.day) else anchor.year - 1
        try:
            day = _dt.date(y, mo, d)
        except ValueError:
            return rec(Granularity.DAY, "INVALID", None, rule="date:invalid"), None
        return rec(Granularity.DAY, normal or day.isoformat(), day.isoformat(),
                   rule="date+anchor" if normal else "date"), day

    if kind is TimeKind.WEEKDAY:
        wd_s, mod_s, part_s, rel_s = m.group("wd", "mod", "part", "rel")
        wd = _WEEKDAYS.index(wd_s)
        mod = _fold(mod_s or part_s or "")
        rel = _fold(rel_s or "")
        normal = f"XXXX-WXX-{wd + 1}"
        if anchor is None:
            return rec(Granularity.DAY, normal, None, mod, "weekday"), None
        day = _weekday_date(anchor, wd, rel)
        return rec(Granularity.DAY, normal, day.isoformat(), mod, "weekday+anchor"), day

    if kind is TimeKind.MONTH:
        mon, mod_s = m.group("mon", "mod")
        mo = _MONTH_NUM[mon]
        mod = _fold(mod_s or "")
        normal = f"XXXX-{mo:02d}"
        if anchor is None:
            return rec(Granularity.MONTH, normal, None, mod, "month"), None
        y = anchor.year if mo <= anchor.month else anchor.year - 1
        return rec(Granularity.MONTH, normal, f"{y:04d}-{mo:02d}", mod, "month+anchor"), None

    if kind is TimeKind.YEAR:
        year = m.group("year")
        return rec(Granularity.YEAR, year, year, rule="year"), None

    if kind is TimeKind.DECADE:
        dec, dec2, mod_s, mod2_s = m.group("dec", "dec2", "mod", "mod2")
        if not dec:
            two = int(dec2)
            dec = f"{(19 if two >= 30 else 20)}{two:02d}"
        mod = _fold(mod_s or mod2_s or "")
        value = dec[:3] + "X"
        return rec(Granularity.DECADE, value, value, mod, "decade"), None

    if kind is TimeKind.DURATION:
        g = m.groupdict()
        if g.get("vague"):
            return rec(Granularity.UNKNOWN, "PX", None, rule="duration:vague"), None
        if g.get("unit3"):  # "for years": an unspecified number of units
            unit = _fold(g["unit3"])
            return rec(_UNIT_GRAN[unit], _duration_code(None, unit), None, rule="duration:vague"), None
        if g.get("unit4"):  # "in a year", "over the past two weeks"
            n_s, unit = g.get("n4") or g.get("n6") or "1", g["unit4"]  # "in three years"
        elif g.get("unit7") or g.get("unit8"):  # "27 months", "the past twelve months"
            n_s, unit = (g.get("n7"), g["unit7"]) if g.get("unit7") else (g.get("n8"), g["unit8"])
        else:
            n_s, unit = (g.get("n"), g.get("unit")) if g.get("unit") else (g.get("n2"), g.get("unit2"))
        n = _num_value(n_s) if n_s else None
        unit = _fold(unit)
        return rec(_UNIT_GRAN[unit], _duration_code(n, unit), None, rule="duration"), None

    # relative
    phrase, unit_s, n_s, dir_s = m.group("phrase", "unit", "n", "dir")
    if phrase:
        phrase = " ".join(_fold(phrase).split())
        unit, offset, gran = _relative()[phrase]
        granularity = _GRANULARITIES[gran]
        if not unit:
            normal = "PAST_REF" if phrase in ("since then", "earlier") else "REF"
            return rec(granularity, normal, None, rule="relative:event"), None
        code = _duration_code(abs(offset), unit) if offset else "PRESENT_REF"
        normal = ("-" if offset < 0 else "+" if offset > 0 else "") + code if offset else code
        if anchor is None:
            return rec(granularity, normal, None, rule="relative:anchor"), None
        when, gr = _shift(anchor, unit, offset)
        day = _dt.date.fromisoformat(when) if gr is Granularity.DAY else None
        return rec(gr, normal, when, rule="relative:anchor"), day
    unit = _fold(unit_s)
    n = _num_value(n_s)
    direction = _fold(dir_s)
    sign = "-" if direction in ("ago", "earlier", "before") else "+"
    normal = sign + _duration_code(n, unit)
    gran = _UNIT_GRAN[unit]
    if direction == "ago" and anchor is not None and n is not None and unit in ("day", "week", "month", "year"):
        when, gr = _shift(anchor, unit, -n)
        day = _dt.date.fromisoformat(when) if gr is Granularity.DAY else None
        return rec(gr, normal, when, rule="relative:ago+anchor"), day
    return rec(gran, normal, None, rule="relative:event"), None


# --- periods (current events vs background) -------------------------------------------------

def _expr_period(t: TimeExpression, ref_year: int | None) -> Period | None:
    """Period an expression sets by itself, or None when it leaves it to the context."""
    if t.kind in (TimeKind.CLOCK, TimeKind.WEEKDAY):
        return Period.CURRENT
    if t.kind is TimeKind.RELATIVE:
        return Period.CURRENT if not t.rule.startswith("relative:event") else None
    if t.kind is TimeKind.DURATION:
        return None
    year_s = (t.when or t.normal)[:4]
    if t.kind is TimeKind.DECADE:
        return Period.BACKGROUND
    if not year_s.isdigit():
        return Period.CURRENT  # a month or date without a year: recent by default
    year = int(year_s)
    if ref_year is None:
        return Period.BACKGROUND if t.kind in (TimeKind.YEAR,) else Period.CURRENT
    return Period.BACKGROUND if year < ref_year else Period.CURRENT


def _periods(sents, times: Sequence[TimeExpression], anchor: _dt.date | None) -> list[Period]:
    """Period of each sentence (see :func:`_build_periods`; the list built last for these
    very ``sents`` and ``times``, when unchanged, and this anchor: see :class:`_Recent`).
    The list is shared: callers only read it."""
    return _RECENT_PERIODS.get((sents, times), (anchor,), lambda: _build_periods(sents, times, anchor))


def _build_periods(sents, times: Sequence[TimeExpression], anchor: _dt.date | None) -> list[Period]:
    """Period of each sentence: its own expressions', else the previous sentence's in the
    same paragraph, else current."""
    ref_year = anchor.year if anchor else None
    out: list[Period] = []
    starts = [t.start for t in times]
    ti, n = 0, len(times)
    next_start = starts[0] if n else None  # of the first expression not yet read
    prev_para, prev = None, Period.CURRENT
    current = Period.CURRENT
    for s in sents:
        first = None  # the first period the sentence's expressions set: theirs if all agree, else the first
        if n > ti and next_start < s.end:  # most sentences hold no expression: no loop for them
            start, end = s.start, s.end
            while ti < n and starts[ti] < end:
                if starts[ti] >= start and first is None:
                    first = _expr_period(times[ti], ref_year)
                ti += 1
            next_start = starts[ti] if ti < n else None
        para = s.paragraph
        if first is not None:
            period = first
        elif para == prev_para:
            period = prev
        else:
            period = current
        out.append(period)
        prev_para, prev = para, period
    return out


def _sentence_at(sents, pos: int) -> int:
    """Position in ``sents`` of the sentence containing ``pos``, or -1."""
    starts = getattr(sents, "_starts", None)
    if starts is None:
        starts = [s.start for s in sents]
    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < sents[i].end else -1


def _period_at(sents, periods: Sequence[Period], pos: int) -> Period:
    i = _sentence_at(sents, pos)
    return periods[i] if i >= 0 else Period.CURRENT


def _sentence_index(sents, pos: int) -> int:
    i = _sentence_at(sents, pos)
    return sents[i].index if i >= 0 else -1


# --- numeric claims ---------------------------------------------------------------------------

_DEFINITE = frozenset({"the", "these", "those", "its", "their", "both", "all", "each", "every", "our", "his", "her",
                       "first", "last"})


_OPEN_MARKS, _CLOSE_MARKS = "\"“«", "\"”»"  # marks around a quoted figure: 'at "nearly 4,000"'
# a number with neither noun nor outcome that repeats the count before it in its sentence
_PARALLEL_BEFORE = re.compile(r"(?:\band|,|\bcompared\s+with|\bagainst|\bnot|\bup\s+from(?:\s+the)?|\bversus"
                              r"|\bincluding|\bof\s+whom|\bamong\s+them)\s+$")
# … of which a comparison needs nothing after the number: "up from the 15 announced on Thursday"
_COMPARED_BEFORE = re.compile(r"\b(?:compared\s+with|up\s+from(?:\s+the)?|versus)\s+$")
_PARALLEL_AFTER = re.compile(r"\s+(?:on|in|to|from|at|among|for|as|and|but|were|are|remain|remained)\b|\s*[,.;:)]")
# a plural noun the counted list lacks after a number: "killing two of his cows", "held two rounds of talks"
_OTHER_NOUN_AFTER = re.compile(r"\s+(?:of\s+(?:his|her|their|its|the|our)\s+)?[a-z]+s\b")
_COPULA_NOUN = re.compile(r"\s+(?:were|are)\s+([a-z]+)\b")
_BETWEEN_AND = re.compile(r"\bbetween\s+\S+(?:\s+\S+)?\s+and\s+$")  # "between midnight and four": a span
_AGES_BEFORE = re.compile(r"\bage[ds]?\s+\d+\s+(?:and|or|to)\s+$")  # "brothers, aged 9 and 12"
_OF_THE = re.compile(r"\bOf\s+the\s+$")  # opening a sentence: "Of the 37 people killed, 11 were children"
_OF_THEM = re.compile(r"\s+(?:of\s+(?:them|whom|those|(?P<us>us))|more|others)\b")  # a part of, or more of, a group counted before


def _last_word(s: str) -> str:
    """The last whitespace-separated word of ``s`` lower-cased without leading punctuation,
    or "" when ``s`` does not end in whitespace (then no word-then-space pattern can end there)."""
    if not s or not s[-1].isspace():
        return ""
    parts = s.rsplit(None, 1)
    if not parts:
        return ""
    return _fold(parts[-1]).lstrip(_PUNCT)


@functools.cache
def _qual_last_words() -> frozenset[str]:
    return frozenset(p.split()[-1] for p in _qualifiers())


@functools.cache
def _outcome_before_words() -> frozenset[str]:
    return frozenset(f.split()[-1] for (f, pos) in _outcomes() if pos == "before")


@functools.cache
def _number_words() -> tuple[str, ...]:
    """Number words to trigger on, besides "a" and "an" (found between spaces)."""
    return tuple(sorted(set(_numbers()) - {"a", "an"} | {"tens"}))


def _number_matches(text: str):
    """Matches of the number pattern, found from cheap triggers (digit runs, number words,
    "a"/"an") and anchored there, in text order — the same numbers a full scan finds (the
    pattern made case-sensitive, on :func:`_lowered` text: see :func:`_case_free`)."""
    res = _claim_res_low()["number"]
    low = _lowered(text)
    starts = [a for a, _ in _digit_runs(text)]
    starts.extend(_key_words(text)["number"])  # number words, and "a"/"an" between spaces
    last = -1
    for p in sorted(set(starts)):
        if p < last:
            continue
        m = res.match(low, p)
        if m is not None:
            last = m.end()
            yield m


_SPEAKS_AFTER = re.compile(r",?\s+(?:said|says|told|added|recalled|explained|asked|wrote)\b")
_DISPLACE_BEFORE = re.compile(r"\b(?:forced|forcing|forces|drove|driven|driving|drives|displaced|displacing|uprooted|"
                              r"uprooting)\s+$", re.IGNORECASE)
_DISPLACE_AFTER = re.compile(r"\s+(?:people\s+|others\s+)?(?:from|to\s+flee|out\s+of|into|across)\b|\s*[.;]")
_TOLL_BEFORE = re.compile(r"\btoll\s+(?:(?:had|has|now|still|then)\s+){0,2}(?:at|to|of|rose\s+to|risen\s+to|stood\s+at|stands\s+at|"
                          r"climbed\s+to|reached)\s+$", re.IGNORECASE)
# "put the number of wounded soldiers at 105", "raised the number of its soldiers killed … to 71"
_NUMBER_OF_BEFORE = re.compile(r"\bnumber\s+of\s+(?:(?:its|their|the)\s+)?(?:[a-z]+\s+){0,2}?(?P<how>dead|killed|wounded|"
                               r"injured|deaths|casualties|soldiers|civilians|people)\b[^.;:]{0,70}?\s(?:at|to)\s+$",
                               re.IGNORECASE)
_FIGURE_BEFORE = re.compile(r"\b(?:figures?|losses|tally)\b[^.;:!?\d]{0,60}?\s(?:at|of)\s+[\"“«]?$", re.IGNORECASE)
_DEMONYM_PEOPLE = re.compile(r"\s+(?:of\s+)?(?:[A-Z][a-z]+(?:ians|ans|is|ese))\b(?![’'-])")  # "thousands of Tarsavians"


def _bare_count(text: str, start: int, pre: str, end: int) -> tuple[str, str, int, str] | None:
    """A number with no counted noun that still counts people: displaced by a verb before it
    ("forced more than 300,000 from their homes", "drove about a million into exile"), a
    death toll ("putting the death toll at about 100", "the toll had risen to 49"), a number
    of casualties ("put the number of wounded soldiers at 105"), or a demonym as the noun
    ("38,000 Tesmiris").  ``start`` is where the claim starts (its qualifier) and ``pre``
    the 40 characters before it.  Returns ``(counted, outcome, end, rule suffix)`` or None."""
    if pre.endswith(" "):  # the patterns before the number end in white space
        if _DISPLACE_BEFORE.search(pre) and _DISPLACE_AFTER.match(text, end):
            return "people", "displaced", end, "+displaced"
        if _TOLL_BEFORE.search(pre):
            return "people", "died", end, "+toll"
        m = _NUMBER_OF_BEFORE.search(text, max(0, start - 120), start) if "number" in text[max(0, start - 120):start] \
            else None
        if m is not None:
            how = _fold(m.group("how"))
            outcome = "wounded" if how in ("wounded", "injured") else "killed" if how in ("dead", "killed", "deaths") else ""
            return "people", outcome, end, "+number-of"
    if _FIGURE_BEFORE.search(text, max(0, start - 80), start) and _PARALLEL_AFTER.match(text, end):
        return "people", "", end, "+figure"  # 'put the figure higher, at "over 9,000"', "her figure of 38"
    m = _DEMONYM_PEOPLE.match(text, end)
    if m is not None:
        return "people", "", m.end(), "+demonym"
    return None


def extract_claims(text: str, quotes: Sequence = (), outlet: str = "", *, anchor=None,
                   sentences=None, times: Sequence[TimeExpression] | None = None) -> list[NumericClaim]:
    """Return the numeric claims of ``text`` in text order.

    A number counts as a claim when it counts a noun from ``claim_counted.tsv`` ("30,000
    people", "two of its soldiers", "one Azerbaijani soldier") or is followed by an
    outcome ("more than a dozen had been hurt"; the counted noun is then inherited from
    the previous claim of the sentence).  Outcomes are found after the noun ("died",
    "had been hurt"), before the number ("killed at least one", "lost a soldier") or as
    a noun ("the return of thousands").  "a"/"an" count as one only with a counted noun
    *and* an outcome.  A definite count of people is a claim ("the 23 soldiers … killed",
    "her three children"; not "the two neighbours"), and so are a quoted figure whose noun or
    outcome follows the closing mark ('"at least five" Bekmoran servicemen'), a figure named
    before the number ('put the figure at "over 9,000"') and a number that goes on counting
    the sentence's count ("16 killed on one side and nine on the other", "including 61 in
    Sorren", "up from the 15 announced"); "no one" is none.  ``quotes`` (any objects with ``start, end, canonical_speaker,
    speaker``) give the claimant; ``outlet`` is the claimant otherwise.  ``sentences``
    and ``times`` may be passed when already computed.
    """
    anchor_d = parse_anchor(anchor)
    quotes = _quote_index(quotes)
    res = _claim_res_low()  # case-sensitive, on ``low`` (see _case_free)
    low = _lowered(text)
    if times is None:
        times = extract_times(text, anchor_d)
    busy = [(t.start, t.end) for t in times if t.kind is not TimeKind.DURATION and t.kind is not TimeKind.RELATIVE]
    busy += [(t.start, t.end) for t in times if t.kind is TimeKind.RELATIVE or t.kind is TimeKind.DURATION]
    busy.sort()
    n_busy = len(busy)
    sents = None
    sent_starts: list[int] = []
    periods = None
    counted_tab = _counted()
    outcomes = _outcomes()
    counted_after, outcome_after = res["counted_after"], res["outcome_after"]
    qual_last_words, outcome_before_words = _qual_last_words(), _outcome_before_words()
    out: list[NumericClaim] = []
    last_sentence_claim: tuple[int, str] | None = None
    bi = 0
    for m in _number_matches(text):
        ns, ne = m.start(), m.end()
        while bi < n_busy and busy[bi][1] <= ns:
            bi += 1
        # ``busy`` is sorted by start: when the first span left starts at or after the
        # number's end, none of the three looked at overlaps it
        if bi < n_busy and busy[bi][0] < ne:
            overlaps = False
            for bs, be in busy[bi:bi + 3]:
                if bs < ne and ns < be:
                    overlaps = True
                    break
            if overlaps:
                continue
        written = text[ns:ne]  # the match is the group "num", read off ``low``
        is_article = low[ns:ne] in ("a", "an")
        after = low[ne:ne + 80]
        cm = counted_after.match(after)
        if is_article and cm is None:
            continue  # "a"/"an" is a number only before a counted noun
        if text.startswith(",", ne) and _AGE_BEFORE.search(text, max(0, ns - 40), ns):
            continue  # "Anya Brel, 52, who fled": an age
        if low.endswith(" of ", 0, ns) and _age_of().search(low, max(0, ns - 40), ns):
            continue  # "a woman of 58": an age
        parsed = parse_number(written)
        if parsed is None:
            continue
        value, vague = parsed
        before = low[max(0, ns - 40):ns]
        before_word = _last_word(before)
        qm = res["qual_before"].search(before) if before_word in qual_last_words else None
        if qm and _PHRASAL_OVER_LOW.search(before):
            qm = None  # "handed over 46 prisoners": a verb's particle, not "more than"
        qualifier = _qualifiers()[" ".join(_fold(qm.group("qual")).split())] if qm else ("at least" if vague else "exact")
        if qm:
            start = ns - (len(before) - qm.start())
            pre = low[max(0, start - 40):start]
            pre_word = _last_word(pre)
        else:  # the claim starts at the number: what precedes it is ``before``
            start, pre, pre_word = ns, before, before_word
        ae = ne  # where the words after the number start
        if not is_article and ne < len(text) \
                and text[ne] in _CLOSE_MARKS and start > 0 and text[start - 1] in _OPEN_MARKS:
            ae = ne + 1  # 'holding "at least five" Bekmoran servicemen': the mark closes a quoted figure
            after = low[ae:ae + 80]
            cm = counted_after.match(after)
        definite = not qm and pre_word in _DEFINITE and res["def_before"].search(pre) \
            and not _OF_THE.search(text[max(0, start - 40):start]) and not pre.endswith(("up from the ", "down from the "))
        if definite and (cm is None or is_article):
            continue  # "the two countries", "the 1990s": no people counted ("Of the 37 killed" is a claim)
        counted, counted_cls, implied, end, rule = "", "", "", ne, "number"
        if cm:
            noun = _norm_noun(cm.group("noun"))
            counted, counted_cls, implied, singular = counted_tab[noun]
            if singular and value != 1:
                cm2 = counted_after.match(after, cm.end())  # "11 civilian deaths": the noun after the modifier
                if cm2 is not None and not cm2.group("mods") and not counted_tab[_norm_noun(cm2.group("noun"))][3]:
                    noun = _norm_noun(cm2.group("noun"))
                    counted, counted_cls, implied, singular = counted_tab[noun]
                    cm = re.match(r"[\s\S]*", after[:cm2.end()])  # one span over both words
            if is_article and counted_cls != "people":
                continue  # "a war that killed …", "an attack": one event is no count
            if singular and value != 1:
                cm = None
                counted = implied = ""
            elif not singular and value == 1 and not vague and not _fold(cm.group(0).lstrip()).startswith("of"):
                cm = None
                counted = implied = ""
            else:
                end = ae + cm.end()
                rule = "number+noun"
        if definite and (cm is None or counted_cls != "people" or value == 1 or noun in _not_definite()
                         or (out and out[-1].end > ns)  # "Two of the three soldiers": inside the claim before
                         or any(w[0].islower() for w in text[ne + cm.start("mods"):ne + cm.end("mods")].split())):
            continue  # "the two sides exchanged bodies", "every one of these people": no count of people
        of_them = None if cm is not None or is_article else _OF_THEM.match(text, ae, ae + 80)
        if of_them:
            end = of_them.end()  # "eight of them were wounded", "23 of whom had lost a leg"
            rule = "number+of-them"
        outcome, casualty = "", False
        tail = low[max(end, ae):max(end, ae) + 60]
        om = outcome_after.match(tail)
        if om:
            outcome, casualty = outcomes[(" ".join(_fold(om.group("out")).split()), "after")]
        else:
            bm = res["outcome_before"].search(pre) if pre_word in outcome_before_words else None
            if bm and not counted and not of_them and _OTHER_NOUN_AFTER.match(text, max(end, ae)) is not None:
                bm = None  # "killing two of his cows", "held two rounds": the number counts something else
            if bm:
                outcome, casualty = outcomes[(" ".join(_fold(bm.group("out")).split()), "before")]
            else:
                nm = res["outcome_noun"].search(pre) if pre_word == "of" else None
                if nm:
                    outcome, casualty = outcomes[(" ".join(_fold(nm.group("out")).split()), "noun")]
        if not outcome and implied:
            outcome, casualty = implied, implied in _casualty_outcomes()
        if not counted and not outcome and not of_them:
            bare = _bare_count(text, start, pre, max(end, ae))
            if bare is not None:  # "forced more than 300,000 from their homes", "the death toll at 116"
                counted, outcome, end, how = bare
                end = ne if end == ae else end  # 'at "over 9,000"': the span stops before the closing mark
                casualty = outcome in _casualty_outcomes()
                rule += how
        if outcome:
            rule += "+outcome"
        parallel = not counted and not outcome and not of_them and not is_article \
            and _PARALLEL_BEFORE.search(pre) is not None and _AGES_BEFORE.search(pre) is None \
            and _BETWEEN_AND.search(pre) is None \
            and (_PARALLEL_AFTER.match(text, max(end, ae)) is not None or _COMPARED_BEFORE.search(pre) is not None)
        if not counted and not outcome and not of_them and not parallel:
            continue
        if is_article and not (counted and outcome):
            continue
        if value == 1 and pre_word in ("not", "no"):
            continue  # "no one had been killed", "Not one of our soldiers": none, no count
        if value == 1 and _SPEAKS_AFTER.match(text, end):
            continue  # "“We are operating by torchlight,” one surgeon said": a speaker, not a count
        if is_article and pre_word == "including":
            continue  # "two civilians, including a 12-year-old girl": one of those counted, no new count
        if is_article and pre.endswith(", ") and (text.startswith(",", end) or pre[-3:-2].isdigit()):
            continue  # "The longest-held prisoner, a 58-year-old farmer, …", "Ferrel, 41, a lorry driver": an appositive
        if sents is None:
            sents = _sentences(text, sentences)
            periods = _periods(sents, times, anchor_d)
            sent_starts = [x.start for x in sents]
        si = bisect.bisect_right(sent_starts, ns) - 1
        if si >= 0 and ns >= sents[si].end:
            si = -1
        sidx = sents[si].index if si >= 0 else -1
        if parallel:  # "16 people were killed on one side and nine on the other": the count before goes on
            if not (last_sentence_claim and last_sentence_claim[0] == sidx and last_sentence_claim[1]):
                continue
            outcome = last_sentence_claim[2]
            casualty = outcome in _casualty_outcomes()
            rule += "+parallel"
            cop = _COPULA_NOUN.match(text, max(end, ae))
            noun = _norm_noun(cop.group(1).lower()) if cop is not None else ""
            if noun in counted_tab:
                counted = counted_tab[noun][0]  # "…, 11 were children"
        if not counted:
            if last_sentence_claim and last_sentence_claim[0] == sidx and last_sentence_claim[1]:
                counted = last_sentence_claim[1]
                rule += "+elliptic"
        if of_them and not outcome and not of_them.group("us") \
                and not (last_sentence_claim and last_sentence_claim[0] == sidx):
            continue  # "One of them, who spoke on condition of anonymity": no group counted before ("14 of us" is one)
        if (of_them or cm is not None) and not counted:
            counted = "people"  # "19 of the wounded", "eight of them", with no group counted before
        if counted:
            last_sentence_claim = (sidx, counted, outcome)
        kind = ClaimKind.CASUALTY if (casualty or outcome in _casualty_outcomes()) else ClaimKind.COUNT
        claimant, claimant_side = _claimant_and_side(quotes, start, end, outlet)
        out.append(_numeric_claim(
            kind, value, qualifier, counted, outcome, claimant, claimant_side, text[start:end], start, end,
            written, periods[si] if si >= 0 else Period.CURRENT, rule,
        ))
    return out


# --- timeline ----------------------------------------------------------------------------------

_PRECISION = {Granularity.MINUTE: 6, Granularity.DAY: 5, Granularity.WEEK: 4, Granularity.MONTH: 3,
              Granularity.YEAR: 2, Granularity.DECADE: 1, Granularity.UNKNOWN: 0}


def extract_timeline(text: str, quotes: Sequence = (), outlet: str = "", *, anchor=None,
                     sentences=None, times: Sequence[TimeExpression] | None = None) -> list[TimelineEvent]:
    """Return one :class:`TimelineEvent` per sentence that holds a time expression.

    The event is placed by the sentence's most precise *resolved* expression (minute >
    day > week > month > year > decade; ties go to the first), else by its first
    expression, unresolved.  ``claimant`` is the speaker of the quote containing that
    expression, else ``outlet``.  Events come in text order (the order the article tells
    them), not sorted by date.
    """
    anchor_d = parse_anchor(anchor)
    quotes = _quote_index(quotes)
    if times is None:
        times = extract_times(text, anchor_d)
    if not times:
        return []
    sents = _sentences(text, sentences)
    periods = _periods(sents, times, anchor_d)
    out: list[TimelineEvent] = []
    starts = [t.start for t in times]
    ti, n = 0, len(times)
    for s, period in zip(sents, periods):
        if ti >= n:
            break  # no expression left: no later sentence holds one
        end = s.end
        if starts[ti] >= end:
            continue  # most sentences hold no expression
        start = s.start
        own = []
        while ti < n and starts[ti] < end:
            if starts[ti] >= start:
                own.append(times[ti])
            ti += 1
        if not own:
            continue
        # the first of the most precise resolved expressions, else the first expression
        best, best_precision = own[0], -1
        for t in own:
            if t.when:
                precision = _PRECISION[t.granularity]
                if precision > best_precision:
                    best, best_precision = t, precision
        claimant, claimant_side = _claimant_and_side(quotes, best.start, best.end, outlet)
        out.append(_timeline_event(best.when, best.granularity, s.text, claimant, s.start, s.end, claimant_side,
                                   best.text, best.start, best.end, best.normal, period, s.index))
    return out


# --- blame -------------------------------------------------------------------------------------

def party_side(name: str) -> str:
    """Return the side (``resources/claim_parties.tsv``) of the first party named in ``name``;
    else the country of a possessive or demonym before a state or armed body ("Ostreli
    artillery" → "Ostrel"); else ""."""
    res = _blame_res()
    m = res["name"].search(name or "")
    if m:
        return _parties()[m.group(0)]
    g = res["generic"].search(name or "")
    return _generic_side(g.group("gparty")) if g else ""


_side_of = party_side


def when_span(when: str | None) -> tuple[_dt.datetime, _dt.datetime] | None:
    """Return the ``(start, end)`` instants an ISO ``when`` value covers, or None.

    ``2022-09-13T00:05Z`` → that instant twice (a point); ``2022-09-13`` → that day;
    ``2022-W36`` → that ISO week; ``2022-08`` → that month; ``2020`` → that year;
    ``198X`` → 1980–1990.  None or unparseable values give None (never raises).
    """
    if not when:
        return None
    d = _dt.datetime
    try:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})Z?", when)
        if m:
            t = d(*map(int, m.groups()))
            return t, t
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", when)
        if m:
            t = d(*map(int, m.groups()))
            return t, t + _dt.timedelta(days=1)
        m = re.fullmatch(r"(\d{4})-W(\d{2})", when)
        if m:
            t = d.combine(_dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1), _dt.time())
            return t, t + _dt.timedelta(days=7)
        m = re.fullmatch(r"(\d{4})-(\d{2})", when)
        if m:
            y, mo = int(m.group(1)), int(m.group(2))
            return d(y, mo, 1), d(y + mo // 12, mo % 12 + 1, 1)
        if re.fullmatch(r"\d{4}", when):
            return d(int(when), 1, 1), d(int(when) + 1, 1, 1)
        if re.fullmatch(r"\d{3}X", when):
            y = int(when[:3]) * 10
            return d(y, 1, 1), d(y + 10, 1, 1)
    except ValueError:
        return None
    return None


def _quote_side(q) -> str:
    side = getattr(q, "side", None)
    side = getattr(side, "value", side)
    if side and side not in ("unknown", "neutral", ""):
        return str(side)
    # the resolved name ("Oskar Brandt") may hide the side its written form gives
    # ("Vellund’s chief of general staff, General Oskar Brandt")
    return _side_of(_speaker(q)) or _side_of(getattr(q, "speaker", None) or "") or \
        _possessive_side(getattr(q, "speaker", None) or "")


_POSSESSIVE_COUNTRY = re.compile(r"(?:^|\s)([A-Z][a-z]{2,})['’]s\s+(?:[a-z]+\s+){0,3}?"
                                 r"(?:chief|minister|ministry|president|spokesman|spokeswoman|spokesperson|"
                                 r"envoy|ambassador|commander|general|head|office|adviser|advisor)\b")


def _possessive_side(speaker: str) -> str:
    """The country of a speaker written as "<Country>’s <role> …" ("Vellund’s chief of general
    staff, General Oskar Brandt" → "Vellund"), else ""."""
    m = _POSSESSIVE_COUNTRY.search(speaker)
    return m.group(1) if m else ""


_TRAILING_ATTRIBUTION = re.compile(
    r"(?:,\s+(?:[^,]{1,60}?\s)?(?:said|says|added|reported|told\s+\w+)|,?\s+and\s+that\b.*"
    r"|,\s+(?:adding|saying|claiming|insisting|arguing|accusing)\b.*|:\s.*|,\s+(?:while|whereas)\b.*"
    r"|,?\s+and\s+(?:accused|blamed|said|added|denied|warned)\b.*)\W*$")
# _TRAILING_ATTRIBUTION's alternatives apart, each led by a literal ("," or ":") that ``re`` skips
# ahead to, or tried only where its key words occur (see _trailing_start)
_TRAILING_SAID = re.compile(r",\s+(?:[^,]{1,60}?\s)?(?:said|says|added|reported|told\s+\w+)\W*$")
_TRAILING_COMMA = re.compile(r",\s+(?:and\s+that|adding|saying|claiming|insisting|arguing|accusing|while|whereas"
                             r"|and\s+(?:accused|blamed|said|added|denied|warned))\b.*\W*$")
# ",?\s+and\s+(?:accused|…)" without its comma
_TRAILING_AND_VERB = re.compile(r"\s+and\s+(?:accused|blamed|said|added|denied|warned)\b.*\W*$")
_TRAILING_COLON = re.compile(r":\s.*\W*$")
_TRAILING_AND_THAT = re.compile(r"\s+and\s+that\b.*\W*$")  # ",?\s+and\s+that" without its comma
_SAID_LAST = ("said", "says", "added", "reported")


def _trailing_start(text: str, pos: int, limit: int) -> int | None:
    """``_TRAILING_ATTRIBUTION.search(text, pos, limit).start()`` (None for no match), faster.

    A search finds the leftmost offset where one of the alternatives matches, so the least
    of the alternatives' leftmost starts.  "said …" is followed by non-word characters only
    (``\\W*$``): it ends the last word of ``text[pos:limit]``, which is tested first."""
    starts = []
    end = limit  # after the last word character
    while end > pos and not (text[end - 1].isalnum() or text[end - 1] == "_"):
        end -= 1
    if text.endswith(_SAID_LAST, pos, end) or text.find("told", pos, end) >= 0:
        m = _TRAILING_SAID.search(text, pos, limit)
        if m is not None:
            starts.append(m.start())
    for pattern in (_TRAILING_COMMA, _TRAILING_COLON):
        m = pattern.search(text, pos, limit)
        if m is not None:
            starts.append(m.start())
    if text.find("and", pos, limit) >= 0:
        for pattern in (_TRAILING_AND_THAT, _TRAILING_AND_VERB) if text.find("that", pos, limit) >= 0 else \
                (_TRAILING_AND_VERB,):
            m = pattern.search(text, pos, limit)
            if m is not None:
                starts.append(m.start())
    return min(starts) if starts else None


def _clause_end(text: str, pos: int, limit: int) -> int:
    """End of the claim that starts at ``pos``: the sentence end without a trailing
    attribution (", the ministry said"), a second reported clause (", and that …", ", saying
    …", ": X says …") or a second verb of the claimant's (", and accused …")."""
    end = _trailing_start(text, pos, limit)
    if end is None:
        end = limit
    while end > pos and text[end - 1] in " \t\n.,;:":
        end -= 1
    if end > pos and text[end - 1] in "”»" and not any(c in text[pos:end] for c in "“«") or \
            end > pos and text[end - 1] == '"' and text.count('"', pos, end) % 2:
        end -= 1  # the closing mark of the quote the claim ends, not one it holds
        while end > pos and text[end - 1] in " \t\n.,;:":
            end -= 1
    return end


_AND_THAT = re.compile(r"\band\s+that\s+")


def _claim_start(text: str, sent_start: int, pos: int) -> int:
    """Start of the reported claim containing ``pos``: after "said (that)" or a second "and
    that" if one precedes."""
    res = _blame_res()
    best = sent_start
    for m in res["report"].finditer(text, sent_start, pos):
        best = m.end()
    for m in _AND_THAT.finditer(text, best, pos):
        best = m.end()
    while best < pos and text[best] in " ,“\"":
        best += 1
    return best


_BLAME_FIELDS = ("accuser", "accuser_side", "accused", "accused_side", "verb", "text", "start", "end", "period", "rule")
assert tuple(f.name for f in fields(BlameStatement)) == _BLAME_FIELDS


def _blame_statement(accuser, accuser_side, accused, accused_side, verb, text, start, end, period,
                     rule) -> BlameStatement:
    """``BlameStatement(accuser, …, rule)``, built as _time_expression builds its records."""
    rec = _new(BlameStatement)
    _set_dict(rec, "__dict__", {"accuser": accuser, "accuser_side": accuser_side, "accused": accused,
                                "accused_side": accused_side, "verb": verb, "text": text, "start": start,
                                "end": end, "period": period, "rule": rule})
    return rec


def extract_blame(text: str, quotes: Sequence = (), outlet: str = "", *, anchor=None,
                  sentences=None, times: Sequence[TimeExpression] | None = None) -> list[BlameStatement]:
    """Return the blame statements of ``text`` in text order.

    Rules, in order, one statement per sentence and rule at most: ``accuse`` ("X accused
    Y of …", "X blamed Y for …"), ``blame-on`` ("X blamed … on Y"), ``mutual`` ("each
    side said … the other", "both sides blamed each other"), ``hostile-act`` (inside a
    quote or reported speech, a party does something hostile: "Azerbaijan started
    shelling", "Azerbaijani soldiers used drones", where a generic verb such as "used"
    needs a hostile noun after it) and ``hostile-conduct`` ("aggressive actions of the
    Azerbaijani military").  In a quote the accuser is its speaker (a speaker the table lacks
    is on the side of the country its name gives: "Corvessa", "the Quelmoran defence
    ministry"); a hostile act the outlet tells in its own voice is ``narrated-act``, its
    accuser the outlet, without side, added last and only where no other rule found the
    clause (see :func:`_add_hostile`).  Vocabulary: ``resources/claim_blame.tsv``, ``claim_parties.tsv`` and
    ``claim_bodies.tsv``; a country the table lacks is a party when written as a possessive
    or demonym before a state or armed body ("Dravenia’s defence ministry", "Ostreli
    artillery", "Mirovath's air force"), and then also bare, as a stem of its demonym or as
    its plural in the same article ("Ostrel has broken its word", "Sulvary", "The
    Zemmerians started this").  Also "an incident X blamed on Y", "… and accused Y of …",
    "held/bore responsibility", "the responsibility lies with Y" (the accuser is the speaker
    of the statement, else the sentence's subject), and in a speaker's words: "the enemy",
    "they"/"their army" in a direct quote, fire that "came from the Y side", a cleft ("it
    was Y that …"), "Y has only itself to blame" and harm "caused by" a thing of Y's.  A
    passive's subject is never the one blamed; "crossed" blames only when a side says it
    or "first" follows.
    """
    anchor_d = parse_anchor(anchor)
    quotes = _quote_index(quotes)
    res = _blame_res()
    if times is None:
        times = extract_times(text, anchor_d)
    sents = _sentences(text, sentences)
    periods = _periods(sents, times, anchor_d)
    out: list[BlameStatement] = []
    generic = _generic_parties(text)
    plan = _blame_plan(text, sents, generic)
    countries = {_generic_side(word) for _, word in generic}  # "Istrevia" of "Istrevian commandos"
    learned = _learned_parties(text, sents, countries, {word for _, word in generic})
    extra = _blame_extra(text, sents, quotes)
    hits = _blame_hits(text)
    low = _lowered(text)  # for the case-free patterns ("hnoun_low", "blameish_low")
    hostile_at, act_at, conduct_at, by_at, passive_at = (hits[k] for k in ("hostile", "act", "conduct", "by", "passive"))
    n_hostile, n_act = len(hostile_at), len(act_at)
    found: list[BlameStatement] = []  # the current sentence's statements, and the spans they take
    taken: list[tuple[int, int]] = []
    period = Period.CURRENT

    def add(accuser, accuser_side, accused, accused_side, verb, cs, ce, rule):
        if ce <= cs or any(a < ce and cs < b for a, b in taken):
            return
        taken.append((cs, ce))
        found.append(_blame_statement(accuser, accuser_side, accused, accused_side, verb, text[cs:ce], cs, ce,
                                      period, rule))

    ctx = _HostileContext(text, quotes, add, countries, outlet or "outlet", [])
    keyed = _keyed_accuse()
    narrated = ctx.narrated
    # the sentences holding a conduct noun, a whole-word "by", a passive participle; whether
    # the article holds "breach" or "violation" at all
    conduct_in, by_in, passive_in = (_sentences_holding(sents, offsets) for offsets in (conduct_at, by_at, passive_at))
    breachy = "breach" in text or "violation" in text
    for si in sorted(plan.keys() | learned.keys() | extra.keys()):  # the others have no key word of any rule
        s, period = sents[si], periods[si]
        need_accuse, need_mutual, parties = plan.get(si, (False, False, ()))
        # cheap tests first: the hostile and act patterns end in one of their verbs; the conduct
        # rules' patterns each hold a conduct noun ("aggression"), a whole word as written; the
        # passive ones and "noun by" the whole word "by"
        hostile_parties = act_parties = ()
        if parties:  # _before_verb, after its first test (no verb after the first party: the common case)
            k = bisect.bisect_right(hostile_at, parties[0])
            if k < n_hostile and hostile_at[k] < s.end:
                hostile_parties = _before_verb(text, parties, hostile_at, s.end)
            k = bisect.bisect_right(act_at, parties[0])
            if k < n_act and act_at[k] < s.end:
                act_parties = _before_verb(text, parties, act_at, s.end)
        has_conduct = si in conduct_in
        has_by = si in by_in
        has_passive = has_by and si in passive_in  # the passive rules' verbs
        need_conduct = None  # a party after "of"/"by" ("aggression of the Ostreli army"): read when needed
        has_breach = breachy and bool(parties) and ("breach" in s.text or "violation" in s.text)
        if not (need_accuse or need_mutual or hostile_parties or act_parties or has_conduct or has_breach
                or si in learned or si in extra):
            # no rule's key words, but perhaps "by": what the passive rules and "noun_by" need
            if not (has_by and parties):
                continue
            if not (has_passive and " by " in s.text):
                need_conduct = _any_of_by_before(text, parties)
                if not need_conduct:
                    continue
        found.clear()
        taken.clear()
        kc = bisect.bisect_left(conduct_at, s.start) if has_conduct else 0  # the sentence's first conduct hit
        kp = bisect.bisect_left(passive_at, s.start) if has_passive else 0  # and passive one

        for name in ("accuse", "held", "blame_on", "blame_on_rel", "and_accused", "held_any", "bore",
                     "blame_bare", "is_responsible", "traded") if need_accuse else ():
            if not any(k in s.text for k in keyed[name]):
                continue  # (a pattern tried at every offset: only where its own key word is)
            for m in res[name].finditer(text, s.start, s.end):
                if name in ("and_accused", "held_any", "bore", "is_responsible"):
                    # "… said the fire was an accident and accused Dravenian troops of …", "Ulmar's
                    # government, speaking from Veyrin, held Brastova responsible for …": the
                    # accuser is the speaker of the statement the clause belongs to, else the
                    # sentence's subject (the quote need hold the verb only: the claim may run past
                    # its closing mark)
                    q = quotes.containing(m.start(), m.end("verb"))
                    if q is not None and _speaker(q):
                        accuser, accuser_side = _speaker(q), _quote_side(q)
                    else:  # "Kalvaria’s president, Aurel Vanek, laid a wreath and accused Tesmir of …"
                        sm = res["subject"].match(text, s.start, m.start())
                        if sm is None:
                            continue
                        accuser = sm.group("subj")
                        accuser_side = _side_of(accuser)
                    cs = m.start("accused")
                    add(accuser, accuser_side, m.group("accused"), _side_of(m.group("accused")),
                        m.group("verb"), cs, _clause_end(text, cs, m.end()), "accuse")
                    continue
                accuser = m.group("accuser")
                accused = m.group("accused") if name != "traded" else "each other"
                q = quotes.containing(m.start(), m.end())
                if _fold(accuser) in ("it", "he", "she", "they") and q is not None:
                    accuser = _speaker(q) or accuser
                mutual = _fold(accused) in ("each other", "one another")
                cs = m.start("accused") if name in ("accuse", "held", "blame_bare") else \
                    m.start("verb") if name == "traded" else m.start("claim")
                ce = m.end() if name == "blame_on_rel" else _clause_end(text, cs, m.end())
                add(accuser, "both" if mutual else _side_of(accuser), accused,
                    "other" if mutual else _side_of(accused), m.group("verb"), cs, ce,
                    "mutual" if mutual else "accuse" if name in ("held", "blame_bare")
                    else name.replace("_rel", "").replace("_", "-"))
        mm = res["mutual"].search(s.text) if need_mutual and not found else None
        if mm and res["other"].search(s.text) and \
                res["blameish_low"].search(low[s.start:s.end]):  # not "urged both capitals to read … about the other side"
            om = None
            for om in res["other"].finditer(s.text):
                pass
            if om is not None and om.start() > mm.end():
                cs = _claim_start(text, s.start + mm.end(), s.start + om.start())
                ce = _clause_end(text, cs, s.end)
                pm = res["passive"].search(text, cs, ce)
                verb = pm.group(0).split()[0] if pm else om.group(0)
                q = quotes.containing(cs, ce)
                add(_speaker(q) if q is not None and _speaker(q) else mm.group(0), "both", om.group(0), "other",
                    verb, cs, ce, "mutual")
        hostile_parties = _party_starts(text, hostile_parties) if hostile_parties else ()
        for m in _anchored(res["hostile"], text, hostile_parties, s.end):
            _add_hostile(ctx, m, s, "hostile-act")
        for p in hostile_parties:
            # "Lutrian troops on the western bank opened fire"
            pm = res["party"].match(text, p, s.end)
            if pm is not None and res["place_after"].match(text, pm.end(), s.end):
                m = res["hostile_place"].match(text, p, s.end)
                if m is not None:
                    _add_hostile(ctx, m, s, "hostile-act")
        if has_breach:
            for p in _party_starts(text, parties):
                m = res["in_breach"].match(text, p, s.end)
                if m is not None and _own_clause(m, parties):
                    _add_hostile(ctx, m, s, "hostile-act")
        for p in hostile_parties:
            m = res["hostile_far"].match(text, p, s.end)
            if m is not None and _far_verb_ok(m, parties):
                _add_hostile(ctx, m, s, "hostile-act")
        for p, side in learned.get(si, ()):
            m = res["hostile_bare"].match(text, p, s.end)
            if m is not None:
                _add_hostile(ctx, m, s, "hostile-act", side=side)
                continue
            m = res["act_bare"].match(text, p, s.end)  # "Harvonia had “planned a provocation”"
            if m is not None and res["hnoun_low"].search(low, m.end("verb"), min(s.end, m.end("verb") + 60)):
                _add_hostile(ctx, m, s, "hostile-act", side=side)
        for kind, p in extra.get(si, ()):
            if kind == "they":  # "“They started this,” Vantal said": only in a speaker's own words
                m = res["hostile_they"].match(text, p, s.end) or res["hostile_they_and"].match(text, p, s.end)
                if m is not None:
                    _add_hostile(ctx, m, s, "hostile-act", side="")
            elif kind == "cleft":
                m = res["cleft"].match(text, p, s.end)
                if m is not None and m.group("accused").split()[-1] not in _NOT_PARTY_CLEFT:
                    _add_hostile(ctx, m, s, "hostile-act", side=_side_of(m.group("accused"))
                                 or _generic_side(m.group("accused").split()[-1]))
            elif kind == "lies":  # "The responsibility … lies entirely with the leadership of Ondrevia"
                m = res["lies_with"].match(text, p, s.end)
                if m is not None:  # the side of a name in it, if any ("the government in Ebrinth": none)
                    names = re.findall(r"[A-Z][a-z]+(?:['’]s)?", m.group("accused"))
                    side = next((sd for sd in (_country_side(w, countries) or (w if w in countries else "")
                                               for w in names) if sd), "")
                    _add_hostile(ctx, m, s, "hostile-act", side=side, start=m.start(), end=m.end())
            elif kind == "identity":  # "The drone that hit Kovar was Ardavian"
                m = _IDENTITY.search(text, max(s.start, p - 40), s.end)
                if m is not None and not m.start() <= p < m.end("verb"):
                    m = None  # the match must hold this key ("that hit")
                if m is not None:
                    _add_hostile(ctx, m, s, "hostile-act", side=_generic_side(m.group("accused")),
                                 start=m.start(), end=m.end())
            elif kind == "aggressor":  # "the aggressor that night was Khelmat", in a speaker's words
                m = res["aggressor_was"].search(text, s.start, s.end) or res["was_aggressor"].search(text, s.start, s.end)
                if m is not None:
                    word = m.group("accused").split()[-1]
                    _add_hostile(ctx, m, s, "hostile-act", side=_side_of(m.group("accused")) or _generic_side(word),
                                 start=m.start(), end=m.end())
            elif kind == "itself":
                lo = max(s.start, p - 40)
                m = next((x for x in res["itself"].finditer(text, lo, s.end) if x.end("accused") <= p + 1), None)
                if m is not None:
                    _add_hostile(ctx, m, s, "hostile-act", side=_side_of(m.group("accused"))
                                 or m.group("accused"))
            elif kind == "by":
                m = res["by_thing"].match(text, p, s.end)
                side = _country_side(m.group("word"), countries) if m is not None else ""
                if side:
                    _add_hostile(ctx, m, s, "hostile-act", side=side,
                                 start=_claim_start(text, s.start, p), end=m.end())
            else:  # "the shooting came from the Ulmari side", told by a speaker
                m = res["came_from"].match(text, p, s.end)
                if m is not None and (m.group("verb") in _FROM_NOUNS or m.group("verb") in ("fired", "launched")
                                      or res["hnoun_low"].search(low, max(s.start, p - 60), p)):
                    accused = m.group("accused")
                    word = accused.split()[-2]
                    side = _side_of(accused) or ("" if word == "their" else _generic_side(word))
                    _add_hostile(ctx, m, s, "hostile-act", side=side,
                                 start=_claim_start(text, s.start, p), end=m.end())
        for i in _possessive_marks(s.text) if has_conduct else ():
            j = s.start + i  # "Istrevia’s aggression", in a speaker's words: match from the owner's first letter
            while j > s.start and (text[j - 1].isalpha() or text[j - 1] == "-"):
                j -= 1
            m = res["conduct_poss"].match(text, j, s.end)
            if m is not None:
                name = m.group("accused")
                if name in _parties() or name in countries:
                    _add_hostile(ctx, m, s, "hostile-conduct",
                                 side=None if name in _parties() else name, end=m.end())
        if has_conduct and (parties or countries) and _conduct_word_in(s, conduct_at, kc):
            for m in res["conduct_adj"].finditer(text, s.start, s.end):
                # "an act of naked Pelagrian aggression", in a speaker's words
                word = m.group("accused")
                side = _country_side(word, countries)
                if side and not word.endswith(("’s", "'s")):
                    _add_hostile(ctx, m, s, "hostile-conduct", side=side, end=m.end())
        # a passive rule's match begins with its participle, at one of the sentence's passive hits
        passives = passive_at[kp:bisect.bisect_left(passive_at, s.end)] if has_passive else ()
        if has_passive and parties and " by " in s.text:
            for m in _anchored(res["passive_by"], text, passives, s.end):
                # "the shells … were fired by an Istrevian battery", told by a speaker of the other side
                _add_hostile(ctx, m, s, "hostile-act",
                             start=_claim_start(text, s.start, m.start()), end=m.end())
        if has_passive and si in learned and " by " in s.text:
            for m in _anchored(res["passive_bare"], text, passives, s.end):
                # "the delays were caused by Pallira", in the other side's words
                side = dict((text[p:p + len(m.group("accused"))], sd) for p, sd in learned[si]).get(m.group("accused"))
                if side:
                    _add_hostile(ctx, m, s, "hostile-act", side=side,
                                 start=_claim_start(text, s.start, m.start()), end=m.end())
        for m in _anchored(res["act"], text, _party_starts(text, act_parties) if act_parties else (), s.end):
            if res["hnoun_low"].search(low[m.end("verb"):min(s.end, m.end("verb") + 60)]):
                _add_hostile(ctx, m, s, "hostile-act")
        for name in ("conduct", "noun_by") if parties else ():
            if not (has_conduct if name == "conduct" else has_by):
                continue  # the pattern's key word is absent ("noun_by": "by", whole, in any case)
            if need_conduct is None:
                need_conduct = _any_of_by_before(text, parties)
            if not need_conduct:
                break
            # a conduct match begins with its noun, at one of the sentence's conduct hits
            matches = _anchored(res["conduct"], text, conduct_at[kc:bisect.bisect_left(conduct_at, s.end)], s.end) \
                if name == "conduct" else _noun_by_matches(text, s.start, s.end, by_at)
            for m in matches:
                q = quotes.containing(min(m.start("accused"), m.start("verb")), max(m.end("accused"), m.end("verb")))
                if q is None or not _speaker(q):
                    continue
                if name == "conduct" and _fold(m.group("verb")) in ("actions", "action", "acts", "behaviour",
                                                                       "behavior"):
                    if not res["hnoun_low"].search(low[max(s.start, m.start() - 50):m.start()]):
                        continue
                    hm = list(res["hnoun_low"].finditer(low, max(s.start, m.start() - 50), m.start()))
                    cs = hm[0].start()
                    while cs > s.start and text[cs - 1] in "“\"":
                        cs -= 1
                else:
                    cs = m.start()
                ce = m.end("accused")
                add(_speaker(q), _quote_side(q), m.group("accused"), _side_of(m.group("accused")), m.group("verb"),
                    cs, ce, "hostile-conduct")
        if narrated:  # the outlet's own statements last: a speaker's accusation goes first
            for args in narrated:
                add(*args)
            narrated.clear()
        if len(found) > 1:
            found.sort(key=_START)
        out.extend(found)
    return out


_START = operator.attrgetter("start")


_THE_BEFORE = re.compile(r"[Tt]he\s+$")
_OF_BY_BEFORE = re.compile(r"\b(?:of|by)\s+(?:[Tt]he\s+)?$")  # the reference for _blame_plan's string tests


@functools.cache
def _party_trigger() -> re.Pattern:
    # no leading \b: a pattern starting with literal names lets ``re`` skip ahead quickly
    return re.compile("(?:" + _trie_alt(_parties()) + r")\b")


@functools.cache
def _party_prefixes() -> tuple[str, ...]:
    """For each first character of the party names, their common prefix up to the first
    space (which the pattern lets be any whitespace): a match of :func:`_party_trigger`
    begins with one of these."""
    groups: dict[str, list[str]] = {}
    for name in _parties():
        groups.setdefault(name[0], []).append(name.split(" ")[0])
    out = tuple(os.path.commonprefix(words) for words in groups.values())  # (a string function)
    assert all(prefix and not prefix[0].isspace() for prefix in out)
    return out


def _party_offsets(text: str) -> list[int]:
    """The starts of ``_party_trigger().finditer(text)``, found by trying the pattern only
    where one of :func:`_party_prefixes` occurs (``str.find``, in C): a scan for the names'
    first letters tries the pattern at every "b" and "e" of the text ("both armies", "each
    army").  The candidates are visited in text order, skipping those inside the last
    match, as ``finditer`` visits the offsets where a match can begin."""
    pattern = _party_trigger()
    candidates = []
    for prefix in _party_prefixes():
        p = text.find(prefix)
        while p >= 0:
            candidates.append(p)
            p = text.find(prefix, p + 1)
    candidates.sort()
    out, last = [], 0
    for p in candidates:
        if p < last:
            continue
        m = pattern.match(text, p)
        if m is not None:
            out.append(p)
            last = m.end()
    return out


@functools.cache
def _blame_keys() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """First words of the conduct nouns and of the passive participles: a match of the
    conduct rules' patterns (of ``passive_by``) holds one of them, as written."""
    words = _blame_words()

    def firsts(*kinds: str) -> tuple[str, ...]:
        return tuple(sorted({w.split()[0] for kind in kinds for w in words.get(kind, ())}))

    return firsts("conduct"), firsts("passive", "passive_by")


@functools.cache
def _accuse_words() -> tuple[str, ...]:
    words = _blame_words()
    return tuple(sorted({w.split()[0] for w in words["accuse"]} | {"blamed", "blames", "blame", "pinned", "pins", "pin",
                                                                     "bore", "bears", "bear", "responsible",
                                                                     "accusations", "recriminations"}))


# "came from the X side", "shellfire from the X side" (_blame_extra): verbs, then hostile nouns
_FROM_NOUNS = ("fire", "shellfire", "shelling", "gunfire", "shots", "rockets", "shells", "mortars")
_FROM_WORDS = ("came", "come", "comes", "originated", "launched", "fired") + _FROM_NOUNS
_WORD_CATEGORIES = ("accuse", "other", "enemy", "they", "from", "by")  # looked up in _lowered(text), as whole words


@functools.cache
def _blame_scan() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The table of :func:`_blame_hits`: ``{key: (its categories looked up in the folded
    text, those looked up as written)}``.

    Every key word of extract_blame's cheap scans is looked for by :func:`_word_scan`'s trie
    in the folded text as a whole word: right after a space, after any other character but
    an ASCII letter, or at offset 0, and followed by no letter or digit.  The keys are runs
    of lower-case ASCII letters, so at an offset at most one key is followed by no letter or
    digit: the trie finds it."""
    words = _blame_words()
    cats: dict[str, set[str]] = {}
    for cat, keys in (("accuse", _accuse_words()), ("other", ("other", "another")), ("enemy", ("enemy",)),
                      ("they", ("they", "their")), ("from", _FROM_WORDS), ("by", ("by",)), ("noun", _GENERIC_NOUN_WORDS),
                      ("hostile", [w.split()[0] for w in words["hostile"] + words["hostile_side"]]),
                      ("act", [w.split()[0] for w in words["act"]]), ("conduct", _blame_keys()[0]),
                      ("passive", _blame_keys()[1])):
        for w in keys:
            cats.setdefault(w, set()).add(cat)
    assert all(w.isascii() and w.isalpha() and w.islower() for w in cats)
    return {w: (tuple(sorted(c & set(_WORD_CATEGORIES))), tuple(sorted(c - set(_WORD_CATEGORIES))))
                      for w, c in cats.items()}


@functools.lru_cache(maxsize=8)
def _blame_hits(text: str) -> dict[str, list[int]]:
    """Sorted offsets in ``text`` of the key words of extract_blame, by category — one scan
    for what used to be a ``str.find`` per word (see :func:`_blame_scan`):

    * ``accuse`` (:func:`_accuse_words`), ``other`` ("other", "another"), ``enemy``,
      ``they``, ``from`` (``_FROM_WORDS``) and ``by``: as :func:`_word_hits` finds them in
      :func:`_lowered` (``text`` folded: the same length, a letter or digit where ``text``
      has one, an ASCII letter nowhere else);
    * ``noun``: a body noun of ``_GENERIC_NOUN_WORDS`` as written, that ends a word (no
      letter, digit or "_" follows) and is no part of one (no letter, digit, "’", "'", "-"
      or "_" before it);
    * ``hostile`` / ``act``: where, as written, the first word of a verb of the
      ``hostile``/``hostile_place`` or of the ``act`` patterns begins a word: every offset
      where such a verb may begin (it follows whitespace or a quote mark, ends at ``\\b``);
    * ``conduct``: likewise, the first words of the conduct nouns (:func:`_blame_keys`), so
      every offset where a match of the conduct rules' patterns may have its noun (the noun
      begins and ends at ``\\b``); ``passive``: the first words of the participles of the
      ``passive_by`` and ``passive_bare`` patterns (``\\b`` before, whitespace after)."""
    low = _lowered(text)
    table = _blame_scan()
    keys_of = _word_scan()[1]
    spaced, other, _, start = _scanned(text)
    out: dict[str, list[int]] = {cat: [] for cat in _WORD_CATEGORIES + ("noun", "hostile", "act", "conduct", "passive")}
    size = len(text)
    # after a space (most hits): no letter, digit, "’", "'", "-" or "_" precedes the key, and
    # the scan saw no letter or digit follow it (``low`` has one where ``text`` does)
    for i, u in spaced:
        key = keys_of[u][1]
        if key is None:
            continue
        low_cats, text_cats = table[key]
        for cat in low_cats:
            out[cat].append(i)
        if text_cats and text.startswith(key, i):
            j = i + len(key)
            for cat in text_cats:
                if cat != "noun" or j == size or text[j] != "_":
                    out[cat].append(i)
    hits = [(i, keys_of[u][1]) for i, u, _ in other]
    if start is not None:
        hits.append((0, keys_of[start][1]))
    for i, key in hits:
        if key is None:
            continue
        low_cats, text_cats = table[key]
        if i == 0 or not low[i - 1].isalnum():
            for cat in low_cats:
                out[cat].append(i)
        if text_cats and text.startswith(key, i):
            j = i + len(key)
            for cat in text_cats:
                if cat != "noun" or (j == size or text[j] != "_") and not (i and (text[i - 1].isalnum()
                                                                                 or text[i - 1] in "’'-_")):
                    out[cat].append(i)
    for offsets in out.values():
        offsets.sort()
    return out


def _blame_plan(text: str, sents, generic=None) -> dict[int, tuple[bool, bool, list[int]]]:
    """Which rules to try in which sentence: ``{sentence index: (accuse, mutual, party
    offsets)}``, from cheap scans for blame verbs, "other" and party names (each offset as
    found, sorted; :func:`_party_starts` moves it to a "the" before).  Rules whose key
    words are absent from a sentence cannot match there."""
    starts = [s.start for s in sents]
    ends = [s.end for s in sents]
    plan: dict[int, list] = {}
    hits = _blame_hits(text)
    for flag, offsets in ((0, hits["accuse"]), (1, hits["other"])):
        for pos in offsets:
            i = bisect.bisect_right(starts, pos) - 1
            if i >= 0 and pos < ends[i]:
                plan.setdefault(i, [False, False, []])[flag] = True
    if generic is None:
        generic = _generic_parties(text)
    # "the enemy", in a speaker's words, is the other side
    found = _party_offsets(text) + [p for p, _ in generic] + hits["enemy"]
    found.sort()  # three sorted runs
    last = None
    for p in found:
        if p and text[p - 1].isalnum() or p == last:
            continue
        last = p
        i = bisect.bisect_right(starts, p) - 1
        if i >= 0 and p < ends[i]:
            plan.setdefault(i, [False, False, []])[2].append(p)
    return {i: (a, b, c) for i, (a, b, c) in plan.items()}


def _party_start(text: str, p: int) -> int:
    """Where the party phrase at offset ``p`` begins: at a "the"/"The" right before it, up to
    5 whitespace characters away (what _THE_BEFORE reads, without a regex: what precedes
    ``p`` within 14 characters, up to its whitespace, ends in "the")."""
    if p >= 4 and text[p - 1] == " " and not text[p - 2].isspace():  # one space: the common case
        return p - 4 if text.startswith(("the", "The"), p - 4) else p
    lo = max(0, p - 14)
    before = text[lo:p]
    words = before.rstrip()
    gap = len(before) - len(words)
    return p - gap - 3 if 0 < gap <= 5 and words.endswith(("the", "The")) else p


def _of_by_before(text: str, p: int) -> bool:
    """Whether "of" or "by" precedes the party at offset ``p``, or "of/by the" (what
    _OF_BY_BEFORE reads, without a regex, within the 14 characters before ``p``)."""
    lo = max(0, p - 14)
    if text.find("of", lo, p) < 0 and text.find("by", lo, p) < 0:
        return False  # the reading below finds one of them in ``text[lo:p]``
    before = text[lo:p]
    words = before.rstrip()
    if len(words) == len(before):
        return False
    return _ends_in_of_by(text, lo, words) or words.endswith(("the", "The")) and \
        _ends_in_of_by(text, lo, words[:-3], spaced=True)


def _any_of_by_before(text: str, offsets) -> bool:
    """Whether :func:`_of_by_before` holds for one of ``offsets`` (its first test inline)."""
    for p in offsets:
        lo = p - 14 if p > 14 else 0
        if (text.find("of", lo, p) >= 0 or text.find("by", lo, p) >= 0) and _of_by_before(text, p):
            return True
    return False


def _party_starts(text: str, offsets: list[int]) -> list[int]:
    """The starts (:func:`_party_start`) of the party phrases at ``offsets``, sorted."""
    return sorted({_party_start(text, p) for p in offsets})


def _ends_in_of_by(text: str, lo: int, words: str, spaced: bool = False) -> bool:
    """Whether ``words`` (``text[lo:lo + len(words)]``) ends in the word "of" or "by" — after
    trailing whitespace, which there must then be, if ``spaced``."""
    if spaced:
        stripped = words.rstrip()
        if len(stripped) == len(words):
            return False
        words = stripped
    k = lo + len(words) - 2
    return words.endswith(("of", "by")) and (k == 0 or not (text[k - 1].isalnum() or text[k - 1] == "_"))


def _before_verb(text: str, starts: list[int], verbs: list[int], end: int) -> list[int]:
    """The party ``starts`` from which one of ``verbs`` (sorted offsets) can be reached
    before ``end``: a ``hostile``/``act`` match from a party start ends in a verb, and what
    lies between — the party, adverbs, a place ("on the western bank") — holds no comma,
    so the first verb after the start must come before the first comma (and before ``end``)."""
    if not starts:
        return []
    i = bisect.bisect_right(verbs, starts[0])
    if i == len(verbs) or verbs[i] >= end:
        return []  # no verb after the first party (the common case)
    out = []
    for p in starts:
        i = bisect.bisect_right(verbs, p)
        if i < len(verbs) and verbs[i] < end and text.find(",", p, verbs[i]) < 0:
            out.append(p)
    return out


def _anchored(pattern: re.Pattern, text: str, starts: list[int], end: int):
    """Matches of ``pattern`` starting at ``starts`` (left to right, not overlapping), as a
    full scan of ``text[:end]`` would find them where a match can only begin at those offsets."""
    last = -1
    for p in starts:
        if p < last:
            continue
        m = pattern.match(text, p, end)
        if m is not None:
            last = m.end()
            yield m


def _sentences_holding(sents, offsets: list[int]) -> set[int]:
    """The indices of the sentences (in text order, not overlapping) that hold one of ``offsets``."""
    starts, out = None, set()
    for p in offsets:
        if starts is None:
            starts = [s.start for s in sents]
        i = bisect.bisect_right(starts, p) - 1
        if i >= 0 and p < sents[i].end:
            out.add(i)
    return out


def _conduct_word_in(s, conduct_at: list[int], k: int) -> bool:
    """Whether ``conduct_word`` matches in sentence ``s`` (``search(s.text)``), tried only
    where a match can begin: at the conduct hits (``conduct_at``, from :func:`_blame_hits`,
    the sentence's from index ``k``), and at the sentence's start, where ``s.text`` has no
    character before its first word (the text may have a letter there)."""
    pattern, st = _blame_res()["conduct_word"], s.start
    if pattern.match(s.text) is not None:
        return True
    for i in range(k, len(conduct_at)):
        h = conduct_at[i]
        if h >= s.end:
            return False
        if pattern.match(s.text, h - st) is not None:
            return True
    return False


def _learned_parties(text: str, sents, countries: set[str], demonyms=()) -> dict[int, list[tuple[int, str]]]:
    """Where this article names, bare, a country it elsewhere gives a ministry or an army
    ("Ostrel has broken its word" beside "Ostrel’s defence ministry" or "Ostreli drones") and
    the table does not list: ``{sentence index: [(offset, side)]}``.  ``countries`` are those
    the article's party phrases name ("Ostrel’s ministry", "Ostreli drones" → "Ostrel"); a
    bare name may also be a stem of one of their ``demonyms`` and one more letter ("Sulvary"
    beside "Sulvarian troops", "Brannock" beside "Brannockian artillery"), at most four letters
    shorter than the demonym; its side is then the demonym's country.  A capital the article
    introduces as such ("Ambrel, the Hathvori capital", "the Khelmati capital, Ebrinth") stands
    for its country too ("Ambrel chose this night")."""
    parties = _parties()
    names = {c for c in countries if c not in parties}
    if not names:
        return {}
    capitals: dict[str, str] = {}
    if "capital" in text:
        for m in _CAPITAL_OF.finditer(text):
            city, demonym = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            if _generic_side(demonym) in names and city not in names:
                capitals.setdefault(city, _generic_side(demonym))
    side_of = {d: _generic_side(d) for d in demonyms}
    stems: dict[str, str] = {}  # a stem of a demonym → the demonym's country
    for d in sorted(demonyms):
        if d.endswith(("’s", "'s")) or side_of[d] not in names:
            continue
        for k in range(max(4, len(d) - 4), len(d)):
            stems.setdefault(d[:k], side_of[d])
    plurals = {d + "s": side_of[d] for d in demonyms if d.endswith(("ian", "an", "i")) and side_of[d] in names}
    alts = [(n, False) for n in sorted(names)] + [(st, True) for st in sorted(stems)] + \
        [(w, False) for w in sorted(plurals)] + [(c, False) for c in sorted(capitals)]  # "The Zemmerians started this"
    starts = [s.start for s in sents]
    out: dict[int, list[tuple[int, str]]] = {}
    for a, b in _word_alternation(text, alts):  # "Istrevia's aggression" too
        word = text[a:b]
        side = word if word in names else plurals.get(word) or capitals.get(word) or stems.get(word[:-1], "")
        if not side or word in parties or word in demonyms:
            continue
        i = bisect.bisect_right(starts, a) - 1
        if i >= 0 and a < sents[i].end:
            out.setdefault(i, []).append((a, side))
    return out


def _word_alternation(text: str, alts: list[tuple[str, bool]]) -> list[tuple[int, int]]:
    """The spans of ``re.finditer(r"(?<![\\w’'])(?:ALT1|ALT2|…)\\b", text)``, ALT a literal word,
    followed by one letter a–z when its flag is set, without compiling a pattern for each
    article's words (compiling cost more than the scan): the alternatives are tried in
    order where the common prefix of those with the same first letter (a capital) opens a
    word, as the regex tries them.  Matches cannot overlap (a match is letters and digits
    only, so none can begin inside another), so the spans found letter by letter, sorted,
    are the regex's."""
    if any(not lit.isalnum() or not ("A" <= lit[0] <= "Z") for lit, _ in alts):  # (never seen: a hyphen…)
        pattern = "|".join(re.escape(lit) + ("[a-z]" if plus else "") for lit, plus in alts)
        return [m.span() for m in re.finditer(r"(?<![\w’'])(?:" + pattern + r")\b", text)]
    by_first: dict[str, list[tuple[str, bool]]] = {}
    for lit, plus in alts:
        by_first.setdefault(lit[0], []).append((lit, plus))
    out: list[tuple[int, int]] = []
    n = len(text)
    for group in by_first.values():
        prefix = os.path.commonprefix([lit for lit, _ in group])  # (at least the shared first letter)
        p = text.find(prefix)
        while p >= 0:
            c = text[p - 1] if p else " "
            if not (c.isalnum() or c in "_’'"):  # (?<![\w’'])
                for lit, plus in group:
                    if not text.startswith(lit, p):
                        continue
                    e = p + len(lit)
                    if plus:
                        if e < n and "a" <= text[e] <= "z":
                            e += 1
                        else:
                            continue
                    if e == n or not (text[e].isalnum() or text[e] == "_"):  # \b after a word character
                        out.append((p, e))
                        break
            p = text.find(prefix, p + 1)
    out.sort()
    return out


# "Ambrel, the Hathvori capital", "the Khelmati capital, Ebrinth"
_CAPITAL_OF = re.compile(r"(?<![\w’'])([A-Z][a-z]+),\s+the\s+([A-Z][a-z]+)\s+capital\b"
                         r"|\bthe\s+([A-Z][a-z]+)\s+capital,\s+([A-Z][a-z]+)\b")
_BY_HEADS = ("caused ", "fired ", "launched ", "carried out ", "triggered ", "started ")  # + "by" (_blame_extra)
_BY_HEAD_MAX = max(map(len, _BY_HEADS))
_FROM_INDEX = {w: k for k, w in enumerate(_FROM_WORDS)}


def _blame_extra(text: str, sents, quotes) -> dict[int, list[tuple[str, int]]]:
    """Sentences the party scan does not reach that some rules read: "they" inside a direct
    quote ("“They started this,” Vantal said"), "came/come from" ("the shooting came from the
    Ulmari side"), a cleft ("it was Vellund that …"), a thing caused by a demonym ("caused by
    Norrachi ammunition") and "only itself to blame": ``{sentence index: [(kind, offset)]}``
    with kind ``they``, ``from``, ``cleft``, ``by`` or ``itself``."""
    low = _lowered(text)
    starts = [s.start for s in sents]
    out: dict[int, list[tuple[str, int]]] = {}

    def put(kind: str, p: int) -> None:
        i = bisect.bisect_right(starts, p) - 1
        if i >= 0 and p < sents[i].end:
            out.setdefault(i, []).append((kind, p))

    hits = _blame_hits(text)
    for p in hits["they"]:  # "they" and "their"
        q = _containing(quotes, p, p + 4)
        if q is not None and getattr(q, "kind", None) == "direct":
            put("they", p)
    # at a whole word's offset (hits["from"]) the word is one of _FROM_WORDS, its letters: the
    # phrases word by word, each in text order, as a loop over the words would find them
    phrases = []
    for p in hits["from"]:
        end = _ASCII_LETTERS.match(low, p).end()
        k = _FROM_INDEX.get(low[p:end])
        if k is not None and _FROM_AFTER.match(low, end):
            phrases.append((k, p))
    for _, p in sorted(phrases):
        put("from", p - 4 if low[max(0, p - 4):p] == "had " else p)
    for p in sorted([*_word_hits(low, "it was"), *_word_hits(low, "it is")]):
        put("cleft", p)
    # the phrase ``head + "by"`` as a whole word (as _word_hits finds it), from the whole words
    # "by" (hits["by"]): its "by" is one (a space before it, what follows the phrase after it),
    # and a whole-word "by" with ``head`` right before it starting a word is one such phrase;
    # the phrases head by head, each in text order, as before (no scan of ``low``)
    phrases = []
    for p in hits["by"]:
        if not low.endswith(_BY_HEADS, max(0, p - _BY_HEAD_MAX), p):
            continue  # the common case: no head before this "by"
        for k, head in enumerate(_BY_HEADS):
            j = p - len(head)
            if j >= 0 and low.startswith(head, j) and (j == 0 or not low[j - 1].isalnum()):
                phrases.append((k, j))
    for _, j in sorted(phrases):
        put("by", j)
    for p in _word_hits(low, "only itself to blame"):
        put("itself", p)
    for p in _word_hits(low, "responsibility"):
        put("lies", p)
    for p in _word_hits(low, "aggressor"):
        put("aggressor", p)
    for phrase in _IDENTITY_KEYS:
        for p in _word_hits(low, phrase):
            put("identity", p)
    return out


# an accuse rule's pattern → words one of which its matches hold, as written (each verb
# alternative holds one; "held" and "bore" also need "responsible(ity)"): where a sentence has
# none, the pattern, tried at every offset, cannot match
_KEYED_ACCUSE = {"blame_bare": ("blame",), "is_responsible": ("responsible",),
                 "traded": ("trade", "exchange"),  # (and "traded", "exchanged"; any white space may follow)
                 "held": ("responsible",), "held_any": ("responsible",), "bore": ("responsibility",),
                 "blame_on": ("blame", "pin"), "blame_on_rel": ("blame",), "and_accused": ("accuse", "blame")}


@functools.cache
def _keyed_accuse() -> dict[str, tuple[str, ...]]:
    """``_KEYED_ACCUSE`` and, for the ``accuse`` pattern, the first words of its verbs."""
    return _KEYED_ACCUSE | {"accuse": tuple(sorted({w.split()[0] for w in _blame_words()["accuse"]}))}

# "The drone that hit Kovar was Ardavian": a weapon named by what it did, then whose it was
_IDENTITY_KEYS = ("that hit", "which hit", "that struck", "which struck", "that killed", "which killed")
_IDENTITY = re.compile(rf"[Tt]he\s+(?:[a-z-]+\s+){{0,2}}(?:drones?|shells?|rockets?|missiles?|mortars?|rounds?|bombs?|"
                       rf"mines?|munitions?|strikes?)\s+(?:that|which)\s+(?P<verb>hit|struck|killed)\b[^.;:!?]{{0,60}}?"
                       rf"\s+(?:was|were)\s+(?P<accused>{_GENERIC_WORD})(?![\w’'-])")


@functools.cache
def _hnouns() -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The hostile nouns (``noun`` in claim_blame.tsv) and their lengths."""
    nouns = tuple(_blame_words()["noun"])
    assert all(n.isascii() and n.islower() for n in nouns)
    return nouns, tuple(sorted({len(n) for n in nouns}))


def _noun_by_matches(text: str, start: int, end: int, by_at: list[int]):
    """The matches of the ``noun_by`` pattern in ``text[start:end]``, as ``finditer`` finds
    them, tried only where a hostile noun ends before the whole word "by" (``by_at``, from
    :func:`_blame_hits`): a match is noun, a closing quote mark or none, whitespace, "by".
    The pattern ignores case as :func:`_fold` does (the folded text holds the noun there)."""
    pattern = _blame_res()["noun_by"]
    nouns, lengths = _hnouns()
    low = _lowered(text)
    starts = set()
    for b in by_at[bisect.bisect_left(by_at, start):bisect.bisect_left(by_at, end)]:
        e = b
        while e > start and text[e - 1].isspace():
            e -= 1
        if e == b:
            continue  # "by" needs whitespace before it
        if e > start and text[e - 1] in "”\"’":
            e -= 1  # a noun's last letter is no quote mark: the optional one is there
        if low.endswith(nouns, start, e):
            starts.update(e - n for n in lengths if e - n >= start)
    last = -1
    for x in sorted(starts):
        if x >= last:
            m = pattern.match(text, x, end)
            if m is not None:
                last = m.end()
                yield m


def _possessive_marks(s: str):
    """Offsets in ``s`` of each possessive "’s" / "'s"."""
    for mark in ("’s ", "'s "):
        i = s.find(mark)
        while i >= 0:
            yield i
            i = s.find(mark, i + 3)


def _country_side(word: str, countries: set[str]) -> str:
    """The side a party word names: the table's (``claim_parties.tsv``), else the country of a
    demonym or possessive ("Pelagrian" → "Pelagria") when the article names that country as a
    party elsewhere (``countries``); else ""."""
    side = _side_of(word)
    if side:
        return side
    country = _generic_side(word)
    return country if country in countries else ""


def _speaker_country(speaker: str, countries: set[str]) -> str:
    """The country of ``countries`` a speaker's words name — the country itself ("Corvessa"),
    its possessive or its demonym ("the Quelmoran defence ministry") — else ""."""
    if not countries:
        return ""
    for word in re.findall(r"[A-Z][a-z]+(?:['’]s)?", speaker):
        country = word if word in countries else _generic_side(word)
        if country in countries:
            return country
    return ""


_BE = re.compile(_word_led(("was", "were", "is", "are", "been", "being")) + r"\b")  # \b(?:was|…|being)\b
_FROM_AFTER = re.compile(r"\s[“\"]?from\s")
_NOT_PARTY_CLEFT = frozenset("I We You He She It They This That There Monday Tuesday Wednesday Thursday Friday Saturday "
                             "Sunday".split())
_FIRST = re.compile(r"[^,.;:]*?\bfirst\b")


# hostile verbs that are nouns too: right after a party led by an article they are the noun
# ("a Hathvori drone strike", "the Ostreli artillery fire")
_NOUN_VERBS = frozenset("strike strikes attack attacks fire shell shells hit raid bomb bombs ambush".split())
_ARTICLE_LED = re.compile(r"(?:[Tt]he|[Aa]n?)\s")
_ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z]+\s+)?$")
# … unless an object follows: "a Varkeshi drone hit a bus" (a verb)
_OBJECT_AFTER = re.compile(r"\s+(?:a|an|the|its|their|his|her|our|two|three|four|five|several|\d)\b")


# what may stand between a party and a hostile verb further on in its clause: a second verb of
# the party's joined by "and", or places ("at a ford south of the village")
_FAR_JOINED = re.compile(r"\sand\s|\s(?:then|later|also)\s")
_FAR_PLACE = re.compile(r"\s(?:on|in|from|near|at|along|across|inside|outside|around|north|south|east|west)\s")
# … and what may not: a speaker's verb (the party is speaking), a subordinate clause or a
# relative one (the verb is someone else's), a passive's "by"
_FAR_NOT = re.compile(r"\b(?:said|says|say|told|tells|reported|reports|according|claimed|claims|claim|denied|denies|"
                      r"deny|accused|accuses|blamed|blames|insisted|warned|added|stated|announced|confirmed|alleged|"
                      r"argued|wrote|after|before|when|while|because|as|since|until|if|once|where|whereas|who|which|"
                      r"that|whose|by|not|never|no)\b", re.IGNORECASE)


def _own_clause(m: re.Match, parties) -> bool:
    """Whether what lies between the party and the verb of match ``m`` (its group ``mid``)
    holds no speaker's verb, no subordinate or relative clause, no negation (``_FAR_NOT``) and
    none of the other ``parties`` (offsets): the verb is then the party's own."""
    if _FAR_NOT.search(m.group("mid")):
        return False
    lo, hi = m.end("accused"), m.start("verb")
    return not any(lo < p < hi for p in parties)


def _far_verb_ok(m: re.Match, parties) -> bool:
    """Whether the hostile verb of a ``hostile_far`` match is the party's own: it is finite,
    what lies between joins a second verb ("… and fired") or names places, holds no number
    and passes :func:`_own_clause`."""
    mid = m.group("mid")
    if m.group("verb").endswith("ing") or not (_FAR_JOINED.search(mid) or _FAR_PLACE.match(mid)):
        return False
    if any(c.isdigit() for c in mid):
        return False  # "puts the toll at 71 dead and 160 wounded": a count, not an act
    return _own_clause(m, parties)


_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[“\"«]")


class _HostileContext(NamedTuple):
    """What :func:`_add_hostile` reads besides the match: the article's text, its quote index,
    ``add`` (to the current sentence's statements), the countries the article names as parties and the outlet's name."""

    text: str
    quotes: _QuoteIndex
    add: object
    countries: set
    outlet: str
    narrated: list  # the ``add`` arguments of the outlet's own statements, added after the rest


# a word before a party that makes it no subject: "fighting between Corvessa and Ubrekh has killed"
_NOT_SUBJECT_BEFORE = re.compile(r"(?:\b(?:between|and|or|of|by|from|with|against|for|to|on|at|in|into|than|"
                                 r"as|like|among|amid|over|under|toward|towards|near)\s+(?:the\s+)?)$", re.IGNORECASE)


def _add_hostile(ctx: _HostileContext, m, s, rule, side=None, start=None, end=None):
    """Add (through ``ctx.add``) the hostile act or conduct of match ``m`` in sentence ``s``.

    Inside a quote or reported speech the accuser is its speaker.  Outside one, a hostile act
    (rule ``hostile-act``, not conduct) is the outlet's own statement that a party did it
    ("Bekmoran artillery began pounding Tarsavian positions"): its accuser is the outlet (rule
    ``narrated-act``), except for verbs a side must say ("crossed the border") and reduced
    passives ("Hathvoris driven out of the highlands").  A passive's subject, a party after a
    preposition ("between Corvessa and Ubrekh", in narration) and a side telling its own acts
    are never blamed."""
    text, quotes, add, countries = ctx.text, ctx.quotes, ctx.add, ctx.countries
    a_start, a_end = m.span("accused")
    v_start, v_end = m.span("verb")
    verb = m.group("verb")
    if v_start > a_end and not verb.endswith("ing") and _BE.search(text, a_end, v_start):
        return  # "Ostrel was attacked": a passive's subject is the victim, not the one blamed
    if verb in _NOUN_VERBS and text[a_end:v_start].isspace() and not _OBJECT_AFTER.match(text, v_end) and \
            (_ARTICLE_LED.match(m.group("accused")) or _ARTICLE_BEFORE.search(text, max(0, a_start - 20), a_start)):
        return  # "a fresh Hathvori drone strike on Dostrin": a noun (the conduct rules read it)
    q = quotes.containing(min(a_start, v_start), max(a_end, v_end))  # ctx.quotes: a _QuoteIndex
    accuser = _speaker(q) if q is not None else ""
    if not accuser:
        if rule != "hostile-act" or verb in _blame_words()["hostile_side"] or verb.endswith("en"):
            return  # conduct ("Pelagrian aggression") or a crossing told by an agency: narration
        if _NOT_SUBJECT_BEFORE.search(text, max(s.start, a_start - 16), a_start):
            return  # "fighting between Corvessa and Ubrekh has killed …": the party is no subject
        accuser, rule = ctx.outlet, "narrated-act"
    accuser_side = "" if q is None else _quote_side(q) or _speaker_country(accuser, countries)
    if not accuser_side and verb in _blame_words()["hostile_side"] and \
            not _FIRST.match(text, v_end, min(s.end, v_end + 60)):
        return  # "…since Oskarian forces crossed the border", told by an agency: narration
    accused = m.group("accused")
    accused_side = side if side is not None else _side_of(accused)
    if accused_side and accused_side == accuser_side:
        return  # a side telling of its own acts ("Armenia's forces have responded") is not blame
    cs = a_start if start is None else start
    if end is not None:
        ce = end
    elif q is not None:
        ce = _clause_end(text, cs, min(s.end, q.end + 1 if q.end < s.end else s.end))
    else:  # narration ends where a quote of the sentence begins ("…, calling it “Istrevia's aggression”")
        limit = quotes.next_start(v_end, s.end) or s.end
        comma = _CLAUSE_BREAK.search(text, v_end, limit)  # "…raided the post, the minister said"
        ce = _clause_end(text, cs, comma.start() if comma else limit)
        ctx.narrated.append((accuser, accuser_side, accused, accused_side, verb, cs, ce, rule))
        return
    add(accuser, accuser_side, accused, accused_side, verb, cs, ce, rule)


def pair_versions(blames: Sequence[BlameStatement]) -> list[VersionPair]:
    """Pair the two sides' versions of the same events, for reading side by side.

    Statements are grouped by accuser; an accuser on side A blaming side B is paired with
    the nearest accuser (in the text, same period) on side B blaming side A, each accuser
    used once, closest pairs first.  A ``mutual`` statement ("each side said … the
    other") is a pair by itself.  Returns pairs in text order.
    """
    groups: dict[tuple[str, str, str, Period], list[BlameStatement]] = {}
    for b in blames:
        if b.rule == "mutual":
            continue
        if b.accuser_side and b.accused_side and b.accuser_side != b.accused_side:
            groups.setdefault((b.accuser, b.accuser_side, b.accused_side, b.period), []).append(b)
    keys = sorted(groups, key=lambda k: groups[k][0].start)
    cands = []
    for i, ka in enumerate(keys):
        for kb in keys[i + 1:]:
            if ka[1] == kb[2] and ka[2] == kb[1] and ka[3] == kb[3]:
                dist = min(abs(x.start - y.start) for x in groups[ka] for y in groups[kb])
                cands.append((dist, i, keys.index(kb), ka, kb))
    used: set = set()
    pairs: list[VersionPair] = []
    for dist, _, _, ka, kb in sorted(cands, key=lambda c: c[:3]):
        if ka in used or kb in used:
            continue
        used.update((ka, kb))
        ga, gb = groups[ka], groups[kb]
        pairs.append(VersionPair(
            side_a=ka[1], accuser_a=ka[0], version_a=" | ".join(b.text for b in ga),
            side_b=kb[1], accuser_b=kb[0], version_b=" | ".join(b.text for b in gb),
            start=min(b.start for b in ga + gb), end=max(b.end for b in ga + gb), rule="opposed-accusers",
        ))
    for b in blames:
        if b.rule == "mutual":
            pairs.append(VersionPair(side_a="both", accuser_a=b.accuser, version_a=b.text, side_b="both",
                                     accuser_b=b.accused, version_b=b.text, start=b.start, end=b.end, rule="mutual"))
    return sorted(pairs, key=lambda p: (p.start, p.end))


# --- articles and corpora -------------------------------------------------------------------------

def _anchor_for(article, anchor) -> _dt.date | None:
    return parse_anchor(anchor) if anchor else parse_anchor(getattr(article, "event_date", "") or None)


def _article_quotes(article) -> list:
    """The article's quotes from :mod:`newskit.quotes`, sorted by span."""
    from .quotes import article_quotes

    return sorted(article_quotes(article), key=lambda q: (q.start, q.end))


@functools.lru_cache(maxsize=64)
def _article_parts(article, anchor_d):
    from .text import sentences

    text = article.text
    return sentences(text), tuple(extract_times(text, anchor_d)), tuple(_article_quotes(article))


def article_times(article, anchor=None) -> list[TimeExpression]:
    """Time expressions of an :class:`~newskit.corpus.Article`, anchored on ``anchor`` or its ``event_date``."""
    return list(_article_parts(article, _anchor_for(article, anchor))[1])


def article_claims(article, anchor=None) -> list[NumericClaim]:
    """Numeric claims of an Article, claimants from :func:`newskit.quotes.article_quotes`."""
    a = _anchor_for(article, anchor)
    sents, times, quotes = _article_parts(article, a)
    return extract_claims(article.text, quotes, article.outlet, anchor=a, sentences=sents, times=times)


def article_timeline(article, anchor=None) -> list[TimelineEvent]:
    """Timeline events of an Article (see :func:`extract_timeline`)."""
    a = _anchor_for(article, anchor)
    sents, times, quotes = _article_parts(article, a)
    return extract_timeline(article.text, quotes, article.outlet, anchor=a, sentences=sents, times=times)


def article_blame(article, anchor=None) -> list[BlameStatement]:
    """Blame statements of an Article (see :func:`extract_blame`)."""
    a = _anchor_for(article, anchor)
    sents, times, quotes = _article_parts(article, a)
    return extract_blame(article.text, quotes, article.outlet, anchor=a, sentences=sents, times=times)


def _fields(cls) -> list[str]:
    import dataclasses

    return [f.name for f in dataclasses.fields(cls)]


def claims_frame(corpus, anchor=None):
    """One row per numeric claim of every article (``article_id`` first; columns of :class:`NumericClaim`)."""
    from .corpus import records_frame

    return records_frame(corpus, lambda a: article_claims(a, anchor), _fields(NumericClaim))


def times_frame(corpus, anchor=None):
    """One row per time expression of every article (columns of :class:`TimeExpression`)."""
    from .corpus import records_frame

    return records_frame(corpus, lambda a: article_times(a, anchor), _fields(TimeExpression))


def timeline_frame(corpus, anchor=None):
    """One row per timeline event (columns of :class:`TimelineEvent`), in the order each article tells them.

    ``anchor`` (ISO date) overrides each article's ``event_date``; with neither,
    relative expressions stay unresolved (``when`` None) but typed (``normal``).
    """
    from .corpus import records_frame

    return records_frame(corpus, lambda a: article_timeline(a, anchor), _fields(TimelineEvent))


def blame_frame(corpus, anchor=None):
    """One row per blame statement (columns of :class:`BlameStatement`)."""
    from .corpus import records_frame

    return records_frame(corpus, lambda a: article_blame(a, anchor), _fields(BlameStatement))


def versions_frame(corpus, anchor=None):
    """One row per pair of opposed versions (columns of :class:`VersionPair`), per article."""
    from .corpus import records_frame

    return records_frame(corpus, lambda a: pair_versions(article_blame(a, anchor)), _fields(VersionPair))


CLAIMS_COLUMNS = ["article_id", "kind", "value", "qualifier", "counted", "outcome", "claimant", "text", "start",
                  "end", "accused", "period", "rule"]


def claims_table(corpus, anchor=None):
    """Numeric claims and blame statements in one table (the ``newskit claims`` contract).

    Columns ``article_id, kind, value, qualifier, counted, outcome, claimant, text, start,
    end, accused, period, rule``.  Numeric rows have kind ``casualty`` or ``count``; blame
    rows have kind ``blame``, ``claimant`` = the accuser, ``accused`` the accused party,
    ``outcome`` the blaming/hostile verb, and no value (None), qualifier or counted noun.
    Rows are sorted by article (corpus order) then ``start``.
    """
    import pandas as pd

    rows = []
    for a in corpus:
        recs = []
        for c in article_claims(a, anchor):
            recs.append({"article_id": a.id, "kind": c.kind.value, "value": c.value, "qualifier": c.qualifier,
                         "counted": c.counted, "outcome": c.outcome, "claimant": c.claimant, "text": c.text,
                         "start": c.start, "end": c.end, "accused": "", "period": c.period.value, "rule": c.rule})
        for b in article_blame(a, anchor):
            recs.append({"article_id": a.id, "kind": "blame", "value": None, "qualifier": "", "counted": "",
                         "outcome": b.verb, "claimant": b.accuser, "text": b.text, "start": b.start, "end": b.end,
                         "accused": b.accused, "period": b.period.value, "rule": b.rule})
        rows.extend(sorted(recs, key=lambda r: (r["start"], r["end"], r["kind"])))
    frame = pd.DataFrame(rows, columns=CLAIMS_COLUMNS)
    # keep ints as ints and blame rows' missing value as None (not a float NaN column)
    frame["value"] = pd.Series([r["value"] for r in rows], dtype=object, index=frame.index)
    return frame


# --- evaluation against hand annotations ---------------------------------------------------------

ANNOTATION_KINDS = ("number", "time", "blame")


def load_claim_annotations(path: str | Path) -> list[dict]:
    """Read hand annotations: a ``.jsonl`` file or a folder of them (sorted by name).

    Each line is one JSON object with ``article_id``, ``kind`` (``number``, ``time``,
    ``blame`` or ``meta``), ``text``, ``start``, ``end`` and the kind's attributes.
    Raises :class:`newskit.errors.AnnotationError` for unreadable or inconsistent lines.
    """
    from .evaluate import read_jsonl

    p = Path(path)
    if not p.exists():
        raise errors.InputNotFound(f"{p}: no such annotation file or folder")
    files = sorted(p.glob("*.jsonl")) if p.is_dir() else [p]
    out = []
    for f in files:
        for no, row in read_jsonl(f):
            if row.get("kind") not in ANNOTATION_KINDS + ("meta",) or "article_id" not in row:
                raise errors.AnnotationError(f"{f.name}:{no}: needs article_id and kind in {ANNOTATION_KINDS}")
            out.append(row)
    return out


def _pred_items(article, anchor) -> dict[str, list[dict]]:
    a = _anchor_for(article, anchor)
    quotes = _article_parts(article, a)[2]

    def written(start, end, fallback):
        q = _containing(quotes, start, end)
        return ((getattr(q, "speaker", None) or "") if q is not None else "") or fallback

    return {
        "number": [{"start": c.start, "end": c.end, "text": c.text, "value": c.value, "qualifier": c.qualifier,
                    "counted": c.counted, "outcome": c.outcome,
                    "claimant": (c.claimant, written(c.start, c.end, c.claimant))}
                   for c in article_claims(article, a)],
        "time": [{"start": t.start, "end": t.end, "text": t.text, "granularity": t.granularity.value,
                  "when": t.when, "kind_of_time": t.kind.value} for t in article_times(article, a)],
        "blame": [{"start": b.start, "end": b.end, "text": b.text, "accuser_side": b.accuser_side,
                   "accused_side": b.accused_side, "accuser": b.accuser} for b in article_blame(article, a)],
    }


def match_claims(gold: Sequence[dict], pred: Sequence[dict]) -> list[tuple[dict, dict]]:
    """Match gold and predicted items one to one: spans must overlap; largest overlap first.

    Returns the (gold, pred) pairs; unmatched gold items are misses, unmatched predictions
    false alarms.
    """
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                cands.append((-ov, i, j))
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in sorted(cands):
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((gold[i], pred[j]))
    return sorted(pairs, key=lambda gp: gp[0]["start"])


_ATTRS = {"number": ("value", "qualifier", "counted", "outcome", "claimant"),
          "time": ("granularity", "when"),
          "blame": ("accuser_side", "accused_side")}


def evaluate_claims(corpus, annotations: Sequence[dict], *, details: bool = False):
    """Precision and recall per kind (number, time, blame) against hand annotations.

    Only articles of ``corpus`` with annotations are scored; each article is anchored on
    the ``anchor`` of its ``meta`` annotation line (else its ``event_date``).  A
    prediction is correct when its span overlaps a gold span (one-to-one matching,
    :func:`match_claims`).  Returns a DataFrame with one row per kind: ``kind, n_gold,
    n_pred, tp, precision, recall, f1`` (precision 0.0 when nothing was predicted, recall
    0.0 when nothing was annotated — never NaN).  With ``details=True`` returns
    ``(summary, agreement, items)``: ``agreement`` has one row per kind and attribute
    (``kind, attribute, n, agree, share``) over matched pairs — value, qualifier, counted,
    outcome and claimant for numbers (a claimant agrees when the annotation names the
    quote's speaker as written or as resolved by :mod:`newskit.sources`, case and a
    leading "the" ignored), granularity and when for times, the two sides for blame —
    and ``items`` lists every gold and predicted item with its status (``match``,
    ``missed``, ``false alarm``) and the attributes it disagrees on.
    """
    import pandas as pd

    by_article: dict[str, list[dict]] = {}
    anchors: dict[str, str] = {}
    for row in annotations:
        if row["kind"] == "meta":
            anchors[row["article_id"]] = row.get("anchor") or ""
        else:
            by_article.setdefault(row["article_id"], []).append(row)
    stats = {k: {"n_gold": 0, "n_pred": 0, "tp": 0} for k in ANNOTATION_KINDS}
    agree = {(k, a): 0 for k in ANNOTATION_KINDS for a in _ATTRS[k]}
    detail_rows = []
    for article in corpus:
        if article.id not in by_article and article.id not in anchors:
            continue
        preds = _pred_items(article, anchors.get(article.id) or None)
        for kind in ANNOTATION_KINDS:
            gold = [g for g in by_article.get(article.id, []) if g["kind"] == kind]
            pred = preds[kind]
            for g in gold:
                if not isinstance(g.get("start"), int) or article.text[g["start"]:g.get("end", 0)] != g.get("text"):
                    raise errors.AnnotationError(
                        f"annotation {g.get('text')!r} of {article.id} does not match the article text at "
                        f"{g.get('start')}:{g.get('end')}; re-annotate against the current clean text")
            pairs = match_claims(gold, pred)
            st = stats[kind]
            st["n_gold"] += len(gold)
            st["n_pred"] += len(pred)
            st["tp"] += len(pairs)
            matched_g = {id(g) for g, _ in pairs}
            matched_p = {id(p) for _, p in pairs}
            for g, p in pairs:
                bad = []
                for attr in _ATTRS[kind]:
                    ok = _same(g.get(attr), p.get(attr))
                    agree[(kind, attr)] += ok
                    if not ok:
                        bad.append(attr)
                detail_rows.append({"article_id": article.id, "kind": kind, "status": "match", "gold": g["text"],
                                    "predicted": p["text"], "start": g["start"], "disagree": ",".join(bad)})
            for g in gold:
                if id(g) not in matched_g:
                    detail_rows.append({"article_id": article.id, "kind": kind, "status": "missed", "gold": g["text"],
                                        "predicted": "", "start": g["start"], "disagree": ""})
            for p in pred:
                if id(p) not in matched_p:
                    detail_rows.append({"article_id": article.id, "kind": kind, "status": "false alarm", "gold": "",
                                        "predicted": p["text"], "start": p["start"], "disagree": ""})
    rows = []
    for kind in ANNOTATION_KINDS:
        st = stats[kind]
        p = st["tp"] / st["n_pred"] if st["n_pred"] else 0.0
        r = st["tp"] / st["n_gold"] if st["n_gold"] else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        rows.append({"kind": kind, "n_gold": st["n_gold"], "n_pred": st["n_pred"], "tp": st["tp"], "precision": p,
                     "recall": r, "f1": f1})
    summary = pd.DataFrame(rows, columns=["kind", "n_gold", "n_pred", "tp", "precision", "recall", "f1"])
    if not details:
        return summary
    agreement = pd.DataFrame(
        [{"kind": k, "attribute": a, "n": stats[k]["tp"], "agree": agree[(k, a)],
          "share": agree[(k, a)] / stats[k]["tp"] if stats[k]["tp"] else 0.0}
         for k in ANNOTATION_KINDS for a in _ATTRS[k]],
        columns=["kind", "attribute", "n", "agree", "share"])
    cols = ["article_id", "kind", "status", "gold", "predicted", "start", "disagree"]
    items = pd.DataFrame(sorted(detail_rows, key=lambda r: (r["article_id"], r["kind"], r["start"], r["status"])),
                         columns=cols)
    return summary, agreement, items


def _norm_name(s) -> str:
    s = " ".join(_fold(str(s or "").replace("’", "'")).split())
    return s[4:] if s.startswith("the ") else s


def _same(a, b) -> bool:
    if isinstance(b, tuple):  # several acceptable names (claimant as resolved / as written)
        return any(_norm_name(a) == _norm_name(x) for x in b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return (a or "") == (b or "")
