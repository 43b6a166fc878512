"""Sources: who a speaker is (canonical name, role, type, side) and how much each side speaks.

:func:`resolve` turns the speakers of :func:`newskit.quotes.extract_quotes` ("it", "Michel",
"Armenia’s defence ministry", "US Secretary of State Antony Blinken") into canonical actors
using an actor table (``data/actors.csv``: ``alias, canonical, role, type, side``), in this
order: (1) the speaker's ``referent`` (the earlier mention a pronoun or surname stands for)
or the speaker itself, looked up as an alias (case, determiners, curly/straight apostrophes
and spacing ignored); (2) joint speakers ("Aliyev and Pashinyan", "both Armenia and
Azerbaijan") resolved part by part and joined with " & " — their type is the parts' common
type, else ``collective``, their side the common side, else ``multiple``; (3) the name with
its titles and nationality adjectives stripped ("US Secretary of State Antony Blinken" →
"Antony Blinken"), then a surname match against the table's people; (4) otherwise the
speaker stays, unknown to the table, with a canonical name made by stripping titles and
determiners and a type guessed from cue words (``resources/source_types.tsv``: "a source
who asked not to be named" → anonymous, "Azerbaijani media" → media, "the army" →
military…, two or more capitalised words → person); its side is ``unknown``.  Unknown
speakers are never dropped; :func:`unknown_speakers` lists them so the table can be extended.

Source types follow the usual categories of news-sourcing studies (official government and
military sources, media, named persons, anonymous and collective sources; Sigal 1973,
*Reporters and Officials*; the GenderGapTracker's people/organisations split).
"""

from __future__ import annotations

import csv
import functools
import math
import re
from dataclasses import dataclass, replace
from pathlib import Path

from . import errors, resources

__all__ = [
    "Actor",
    "ACTOR_COLUMNS",
    "SOURCE_TYPES",
    "default_actors_path",
    "load_actors",
    "member_of",
    "resolve",
    "resolve_speaker",
    "share_of_voice",
    "unknown_speakers",
    "wilson_interval",
]

ACTOR_COLUMNS = ("alias", "canonical", "role", "type", "side")
SOURCE_TYPES = ("person", "government", "military", "media", "anonymous", "collective", "unknown")


@dataclass(frozen=True)
class Actor:
    """A canonical actor: name, role (free text), type (one of :data:`SOURCE_TYPES`) and side."""

    canonical: str
    role: str | None
    type: str
    side: str
    known: bool = True  # False when guessed (not in the actor table)


def default_actors_path() -> Path:
    """Return the path of the project's ``data/actors.csv`` (beside ``src/``)."""
    return Path(__file__).resolve().parents[2] / "data" / "actors.csv"


def _norm(s: str) -> str:
    s = s.replace("’", "'").replace("‘", "'").lower()
    s = re.sub(r"\s+", " ", s).strip(" .,;:\"'“”")
    s = re.sub(r"^(?:the|both|all|but|and) ", "", s)
    return s


@functools.cache
def _load_actors_cached(path: str, mtime: float) -> dict[str, Actor]:
    table: dict[str, Actor] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.DictReader(rows)
    missing = [c for c in ACTOR_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise errors.ActorTableError(f"{path}: missing column(s) {', '.join(missing)}; an actor table needs "
                                     f"{', '.join(ACTOR_COLUMNS)}")
    for line_no, row in enumerate(reader, start=2):
        alias = (row.get("alias") or "").strip()
        canonical = (row.get("canonical") or "").strip()
        if not alias or not canonical:
            raise errors.ActorTableError(f"{path}:{line_no}: every row needs an alias and a canonical name")
        typ = (row.get("type") or "unknown").strip() or "unknown"
        if typ not in SOURCE_TYPES:
            raise errors.ActorTableError(f"{path}:{line_no}: type {typ!r} is not one of {', '.join(SOURCE_TYPES)}")
        actor = Actor(canonical, (row.get("role") or "").strip() or None, typ,
                      (row.get("side") or "").strip() or "unknown")
        table.setdefault(_norm(alias), actor)
        table.setdefault(_norm(canonical), actor)
    return table


def load_actors(path: str | Path | None = None) -> dict[str, Actor]:
    """Return the actor table ``{normalised alias: Actor}`` read from ``path``.

    ``path`` defaults to the project's ``data/actors.csv``; when that file does not exist
    the table is empty (every speaker is then resolved by the fallback rules).  A file that
    lacks the columns ``alias, canonical, role, type, side`` or has an unknown type raises
    :class:`newskit.errors.ActorTableError`.
    """
    if path is None:
        p = default_actors_path()
        if not p.exists():
            return {}
    else:
        p = Path(path)
        if not p.exists():
            raise errors.InputNotFound(f"{p}: no such actor table")
    return _load_actors_cached(str(p), p.stat().st_mtime)


@functools.cache
def _titles() -> tuple[str, ...]:
    return tuple(sorted((t.lower() for t in resources.lines("titles.txt")), key=len, reverse=True))


@functools.cache
def _role_words() -> frozenset[str]:
    """Nouns for a person in a role ("prosecutor", "striker"), from ``resources/person_roles.txt``
    and ``source_nouns.txt``."""
    return frozenset(resources.lines("person_roles.txt")) | frozenset(resources.lines("source_nouns.txt"))


@functools.cache
def _given_names() -> frozenset[str]:
    """Given names of ``resources/person_gender.tsv`` ("Ivan" is a name, "Sorbian" a demonym)."""
    from .quotes import _gender_words  # the one reader of that file (quotes imports sources lazily)

    return frozenset(_gender_words()[0])


@functools.cache
def _title_start() -> re.Pattern[str]:
    return re.compile(r"(" + "|".join(re.escape(t) for t in _titles()) + r")\.? ")  # "Dr. ", "Mr "


@functools.cache
def _type_cues() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(r"(?<![\w'])" + re.escape(r["cue"]) + r"(?![\w'])"), r["type"])
                 for r in resources.table("source_types.tsv"))


_NATIONALITY = re.compile(r"^(?:[A-Z][a-z]+(?:an|ian|ish|ese|i|ch|ic)|US|U\.S\.|UK|EU|UN|NATO)$")
_SPLIT = re.compile(r"\s+(?:and|&)\s+")


def _names_after(words: list[str]) -> bool:
    """Do ``words`` name someone, so that a rank word before them can go ("former | President
    Ilian Dorsk")?  Not when they describe a role ("senior | Halvorian diplomat") or name an
    organisation ("Regional | Monitoring Mission")."""
    return all(w[:1].isupper() for w in words) and not _is_organisation(words)


def _is_organisation(words: list[str]) -> bool:
    return any(w.lower().strip(",.’'") in _ORGANISATION_WORDS or w.lower().strip(",.’'") in _INSTITUTION_WORDS
               for w in words)


def _strip_titles(name: str) -> str:
    """"US Secretary of State Antony Blinken" → "Antony Blinken" (titles and nationalities off the front)."""
    words = name.split()

    def title_len(ws: list[str]) -> int:
        m = _title_start().match(" ".join(ws).lower())
        n = len(m.group(1).split()) if m else 0
        return n if 0 < n < len(ws) and ws[n][:1].isupper() else 0  # a name follows, not "of defence"

    changed = True
    while changed and len(words) > 1:
        changed = False
        first = words[0].lower()
        if first in ("the", "a", "an") or (first in ("former", "acting", "deputy", "opposition", "regional",
                                                     "senior", "local", "top", "chief") and _names_after(words[1:])):
            words = words[1:]
            changed = True
            continue
        if _NATIONALITY.match(words[0]) and title_len(words[1:]):
            words = words[1:]  # "US Secretary of State …", "Valdorian Foreign Minister …"
            changed = True
            continue
        n = title_len(words)
        if n:
            words = words[n:]
            changed = True
            continue
        for k in (1, 2, 3):  # "Finance Minister Mirela Dan", "Attorney General …": a capitalised portfolio
            n = title_len(words[k:]) if len(words) > k + 1 else 0
            rest = words[k + n:]
            if n and all(w[:1].isupper() for w in words[:k] + rest):
                words = rest
                changed = True
                break
    return " ".join(words)


_ORGANISATION_WORDS = frozenset(
    "ministry government army military forces office command media agency council committee parliament "
    "embassy administration service union kremlin presidency cabinet party group organisation "
    "organization newspaper channel broadcaster radio tv television news times post press".split())


def _guess(speaker: str) -> Actor:
    """Source type for a speaker the actor table lacks: anonymity cues, then a personal name
    (two or more capitalised words once titles are stripped, no organisation word, or a name
    after a role word: "military prosecutor Dana Krell"), then the
    cue words of ``resources/source_types.tsv``, else ``unknown``."""
    low = _norm(speaker)
    cues = _type_cues()
    for pat, typ in cues:
        if typ == "anonymous" and " " in pat.pattern and pat.search(low):
            return Actor(_canonical_guess(speaker), None, typ, "unknown", known=False)
    bare = _name_part(_strip_titles(speaker))
    words = bare.split()
    caps = [w for w in words if w[:1].isupper()]
    role_name = _role_name(re.sub(r"\s+", " ", speaker).strip(" .,;:"))
    if (role_name is not None and not _is_organisation(role_name.split())) or (
            len(caps) >= 2 and len(caps) == len(words) and not _is_organisation(words)):
        return Actor(_canonical_guess(speaker), None, "person", "unknown", known=False)
    for pat, typ in cues:
        if pat.search(low):
            return Actor(_canonical_guess(speaker), None, typ, "unknown", known=False)
    return Actor(_canonical_guess(speaker), None, "unknown", "unknown", known=False)


_INSTITUTION_WORDS = frozenset(
    "institute university centre center bank court school college foundation commission assembly academy "
    "museum church hospital department bureau authority association society league fund programme program "
    "project company corporation mission delegation secretariat directorate inspectorate charity coalition "
    "alliance network council guard".split())
_NAME_THEN_PP = re.compile(r"^((?:[A-Z][\w’'\-.]*\s+){0,3}[A-Z][\w’'\-]*)\s+(?:of|from|at|with)\s+\S")


def _name_part(bare: str) -> str:
    """"Nadia Ferrow of the Ostrel daily Lakeside Post" → "Nadia Ferrow" (a name, then where
    the person works); "Bank of England" keeps its "of" (one capitalised word before it), and so
    does a name that opens with a demonym ("Sorbian Chamber of Agricultural Traders")."""
    m = _NAME_THEN_PP.match(bare)
    if m is None:
        return bare
    first = bare.split()[0]
    if len(m.group(1).split()) == 1 and (_is_role_word(first) or _NATIONALITY.match(first)
                                          or first.lower() in ("the", "a", "an")):
        return bare  # "Residents of Ostrel", "Police from Seltz": no one-word name
    if (_NATIONALITY.match(first) and first not in _given_names()) or any(
            w.lower() in _ORGANISATION_WORDS or w.lower() in _INSTITUTION_WORDS for w in m.group(1).split()):
        return bare  # "Armenian Ministry of Defence", "Royal Institute of …", "Sorbian Chamber of …"
    return m.group(1)


_ROLE_THEN_NAME = re.compile(r"^(?:[\w’'\-]+\s+){1,6}?([A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-]*){1,2})$")


def _role_name(s: str) -> str | None:
    """"military prosecutor Dana Krell", "Federation president Rudi Kallas" → the name, when a
    title or a person's role word comes right before it."""
    m = _ROLE_THEN_NAME.match(s)
    if m is None:
        return None
    before = s[:m.start(1)].split()
    last = before[-1].lower().strip(",")
    if any(_is_organisation([w]) and nxt == "of" for w, nxt in zip(before, before[1:])):
        return None  # "the office of Orsenian President Tavo Renkel" is the office
    if last in _titles() or last in _role_words():
        return _strip_titles(m.group(1))  # "army spokesman Colonel Desh Tamrin" → "Desh Tamrin"
    return None


_ROLE_FOR_ORG = re.compile(r"^(?:[Aa]n?\s+|[Tt]he\s+|[Oo]ne\s+)?([a-z]+)\s+(?:for|of|at)\s+(?:the\s+)?"
                           r"([A-Z][\w’'\-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w’'\-]*)*)$")


# lower-case descriptors before a proper name: "the daily Korvan Herald", "the opposition Civic Union"
_DESCRIBED_NAME = re.compile(r"^(?:[Tt]he\s+|[Aa]n?\s+)?(?:(?!(?:of|for|at|from|in|to|with)\s)[a-z]+\s+){1,2}"
                             r"((?:[A-Z][\w’'\-]*\s+)+[A-Z][\w’'\-]*)$")
_COUNT_WORD = re.compile(r"^(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ss]everal)\s+(?=\w)")


# a reduced relative clause after the source: "two Western diplomats briefed on the talks",
# "Residents of Ostrel reached by telephone", "Diplomats involved in the process"
_PARTICIPLE_TAIL = re.compile(r"\s+[a-z]+ed(?:\s+(?:on|in|by|with|to|about|at|from|for)\s.*)?$")
# a leading determiner: "A second diplomat", "One senior Halvorian diplomat" (not "One of them")
_LEADING_DETERMINER = re.compile(r"^(?:[Tt]he|[Aa]n?|[Bb]oth|[Aa]nother|[Oo]ne(?= (?!of )))\s+(?=\S)")


def _canonical_guess(speaker: str) -> str:
    """The canonical name of a speaker the actor table lacks: relative clauses and reduced
    relatives cut, titles stripped from a personal name, leading determiners and counts
    dropped, and a common noun that opened the sentence lower-cased ("Residents of Ostrel"
    → "residents of Ostrel"), so the same source gets one name."""
    s = _guess_name(speaker)
    first = s.split()[0] if s.split() else ""
    if first[:1].isupper() and _is_role_word(first) and first.lower() not in _titles() and \
            not _is_organisation([first]) and first.lower() not in ("state", "states"):
        s = first.lower() + s[len(first):]  # "Residents of Ostrel" → "residents of Ostrel"
    return s


def _guess_name(speaker: str) -> str:
    s = re.sub(r"\s+", " ", speaker).strip(" .,;:")
    s = re.split(r",?\s+(?:who|which)\s", s)[0]  # "a sergeant who asked not to be named" → "a sergeant"
    tail = _PARTICIPLE_TAIL.search(s)
    if tail and any(_is_role_word(w) for w in s[:tail.start()].split()):
        s = s[:tail.start()]
    s = _LEADING_DETERMINER.sub("", s)
    m = _ROLE_FOR_ORG.match(s)
    if m and m.group(1) in _titles():
        return f"{m.group(2)} {m.group(1)}"  # "A spokesman for the Civic Front" → "Civic Front spokesman"
    m = _DESCRIBED_NAME.match(s)
    if m:
        # "The daily Korvan Herald" → "Korvan Herald"; "former President Ilian Dorsk" → "Ilian Dorsk"
        return _strip_titles(m.group(1))
    s = _COUNT_WORD.sub("", s)  # "two people familiar with the talks" → "people familiar with the talks"
    name = _role_name(s)
    if name is not None and not _is_organisation(name.split()):
        return name
    stripped = _strip_titles(s)
    bare = _name_part(stripped)
    if bare != stripped or sum(1 for w in bare.split() if w[:1].isupper()) >= 2:
        return bare  # "Oksen from Lower Brenn" → "Oksen"
    return s


_IRREGULAR_PLURALS = {"people": "person", "men": "man", "women": "woman", "children": "child"}


def member_of(group: str) -> str | None:
    """The canonical name of one member of a group source ("two Western diplomats briefed on
    the talks" → "Western diplomat"), for "one of them said"; None when ``group`` names no
    plural source noun."""
    words = _canonical_guess(group).split()
    for i, w in enumerate(words):
        low = w.lower()
        if low in _IRREGULAR_PLURALS:
            words[i] = _IRREGULAR_PLURALS[low]
        elif low.endswith("ies") and low[:-3] + "y" in _role_words():
            words[i] = w[:-3] + "y"
        elif low.endswith("es") and low[:-2] in _role_words() and low[:-2].endswith(("ss", "sh", "ch", "x")):
            words[i] = w[:-2]  # "witnesses"
        elif low.endswith("s") and low[:-1] in _role_words():
            words[i] = w[:-1]
        else:
            continue
        return " ".join(words)
    return None


def _is_role_word(word: str) -> bool:
    """Is ``word`` (any case, singular or plural) a noun for a person or a source ("residents")?"""
    low = word.lower().strip(",.’'")
    roles = _role_words()
    return low in roles or (low.endswith("s") and low[:-1] in roles) or (
        low.endswith("ies") and low[:-3] + "y" in roles)


def _lookup(name: str, table: dict[str, Actor]) -> Actor | None:
    key = _norm(name)
    if key in table:
        return table[key]
    bare = _norm(_strip_titles(name))
    if bare in table:
        return table[bare]
    # possessive organisations: "Armenia's defence ministry" and "the Armenian defence ministry" are aliases
    return None


def _surname(name: str, table: dict[str, Actor]) -> Actor | None:
    words = _strip_titles(name).split()
    if len(words) != 1 or not words[0][:1].isupper():
        return None
    sur = words[0].lower().replace("’", "'")
    found = {a for a in table.values() if a.type == "person" and a.canonical.lower().split()[-1] == sur}
    return next(iter(found)) if len(found) == 1 else None


def resolve_speaker(speaker: str | None, referent: str | None = None, actors: dict[str, Actor] | None = None) -> Actor | None:
    """Return the :class:`Actor` a speaker (as written, with its optional referent) stands for.

    None when there is no speaker, or when it is a pronoun with no referent.  See the module
    notes for the order of the rules.
    """
    table = load_actors() if actors is None else actors
    name = referent or speaker
    if not name or not name.strip():
        return None
    if name.strip().lower() in ("he", "she", "it", "they", "we", "i"):
        return None
    hit = _lookup(name, table)
    if hit:
        return hit
    parts = [p for p in _SPLIT.split(re.sub(r"^(?:both|Both)\s+", "", name.strip())) if p.strip()]
    if len(parts) > 1:
        actors_ = [resolve_speaker(p, None, table) or _guess(p) for p in parts]
        types = {a.type for a in actors_}
        sides = {a.side for a in actors_}
        return Actor(" & ".join(a.canonical for a in actors_), None,
                     types.pop() if len(types) == 1 else "collective",
                     sides.pop() if len(sides) == 1 else "multiple",
                     known=all(a.known for a in actors_))
    hit = _surname(name, table)
    if hit:
        return hit
    return _guess(name)


_MEMO: dict[int, tuple[dict, dict]] = {}
_MISSING = object()


def speaker_resolver(table: dict[str, Actor]):
    """Return a memoised ``(speaker, referent) -> Actor | None`` for one actor table."""
    entry = _MEMO.get(id(table))
    if entry is None or entry[0] is not table:
        if len(_MEMO) > 16:
            _MEMO.clear()
        entry = (table, {})
        _MEMO[id(table)] = entry
    memo = entry[1]
    get = memo.get

    def lookup(speaker, referent):
        key = (speaker, referent)
        actor = get(key, _MISSING)  # (one look-up; None is a result)
        if actor is _MISSING:
            actor = memo[key] = resolve_speaker(speaker, referent, table)
        return actor

    return lookup


def resolve(quotes, actors: dict[str, Actor] | str | Path | None = None) -> list:
    """Return ``quotes`` with ``canonical_speaker``, ``role``, ``type`` and ``side`` filled.

    ``actors`` is a table from :func:`load_actors`, a path to an actor CSV, or None for the
    project's ``data/actors.csv``.  A quote without a resolvable speaker keeps
    ``canonical_speaker=None`` and gets ``type="unknown"``, ``side="unknown"``.
    """
    table = actors if isinstance(actors, dict) else load_actors(actors)
    lookup = speaker_resolver(table)
    out = []
    for q in quotes:
        actor = lookup(q.speaker, q.referent)
        if actor is None:
            out.append(replace(q, canonical_speaker=None, role=None, type="unknown", side="unknown"))
        else:
            out.append(replace(q, canonical_speaker=actor.canonical, role=actor.role, type=actor.type,
                               side=actor.side))
    return out


def unknown_speakers(quotes_df, actors: dict[str, Actor] | str | Path | None = None):
    """Return the speakers of ``quotes_df`` that the actor table does not know, with counts.

    Columns: ``speaker`` (the name resolution used: referent or speaker), ``canonical_speaker``
    (the guessed canonical name), ``type`` (guessed), ``quotes``.  Pronouns without a
    referent are listed as written.  Sorted by count, then name.
    """
    import pandas as pd

    table = actors if isinstance(actors, dict) else load_actors(actors)
    rows: dict[tuple[str, str, str], int] = {}
    for sp, ref in zip(quotes_df.get("speaker", []), quotes_df.get("referent", [None] * len(quotes_df))):
        if not isinstance(sp, str) or not sp:
            continue
        name = ref if isinstance(ref, str) and ref else sp
        actor = resolve_speaker(sp, ref if isinstance(ref, str) else None, table)
        if actor is not None and actor.known:
            continue
        key = (name, actor.canonical if actor else "", actor.type if actor else "unknown")
        rows[key] = rows.get(key, 0) + 1
    frame = pd.DataFrame([(*k, v) for k, v in rows.items()],
                         columns=["speaker", "canonical_speaker", "type", "quotes"])
    return frame.sort_values(["quotes", "speaker"], ascending=[False, True], kind="stable").reset_index(drop=True)


def wilson_interval(k: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """Wilson score interval for a proportion k/n (Wilson 1927); (0, 0) when n is 0."""
    if n <= 0:
        return (0.0, 0.0)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


_BY = {"side": "side", "type": "type", "speaker": "canonical_speaker", "kind": "kind"}


def share_of_voice(quotes_df, by: str = "side", kinds=None, include_nested: bool = False):
    """Return who gets to speak: counts and shares of quotes and of quoted words per group.

    ``by`` is ``"side"``, ``"type"``, ``"speaker"`` (canonical speaker; unresolved speakers
    appear as written, quotes without a speaker as ``unknown``) or ``"kind"``.  ``kinds``
    optionally keeps only some quote kinds (e.g. ``["direct", "partial"]``).  Partial quotes
    lying inside a reported clause already counted (:func:`newskit.quotes.nested_quotes`) are
    left out unless ``include_nested``, so each stretch of speech counts once.  Columns:
    ``<by>, quotes, quote_share, ci_low, ci_high, words, word_share``; ``ci_low``/``ci_high``
    is the 95 % Wilson interval of ``quote_share`` (treating quotes as independent draws,
    which they are not quite: a speaker quoted twice in a row is one choice of the writer).
    Rows are sorted by quotes, then name; an empty input gives an empty table.
    """
    import pandas as pd

    if by not in _BY:
        raise errors.InvalidOption(f"share_of_voice: by must be one of {', '.join(_BY)}, not {by!r}")
    columns = [by, "quotes", "quote_share", "ci_low", "ci_high", "words", "word_share"]
    if quotes_df is None or len(quotes_df) == 0:
        return pd.DataFrame(columns=columns)
    df = quotes_df
    if not include_nested:
        from .quotes import nested_quotes

        df = df[[not x for x in nested_quotes(df)]]
    if kinds is not None:
        wanted = {str(getattr(k, "value", k)) for k in kinds}
        df = df[df["kind"].astype(str).isin(wanted)]
        if len(df) == 0:
            return pd.DataFrame(columns=columns)
    col = _BY[by]
    if by == "speaker":
        group = df["canonical_speaker"].where(df["canonical_speaker"].notna(), df["speaker"])
    else:
        group = df[col]
    group = group.fillna("unknown").astype(str).replace("", "unknown")
    if "words" in df:
        words = df["words"].fillna(0).astype(int)
    else:
        from .text import word_count

        words = df["text"].fillna("").map(word_count)
    tmp = pd.DataFrame({"g": group.to_numpy(), "w": words.to_numpy()})
    agg = tmp.groupby("g", sort=True).agg(quotes=("w", "size"), words=("w", "sum")).reset_index()
    n = int(agg["quotes"].sum())
    total_words = int(agg["words"].sum())
    ci = [wilson_interval(int(k), n) for k in agg["quotes"]]
    out = pd.DataFrame({
        by: agg["g"],
        "quotes": agg["quotes"].astype(int),
        "quote_share": agg["quotes"] / n,
        "ci_low": [c[0] for c in ci],
        "ci_high": [c[1] for c in ci],
        "words": agg["words"].astype(int),
        "word_share": agg["words"] / total_words if total_words else 0.0,
    })
    return out.sort_values(["quotes", by], ascending=[False, True], kind="stable").reset_index(drop=True)
