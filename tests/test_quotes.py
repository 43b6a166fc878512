"""Unit, property and CLI tests for newskit.quotes (extraction, attribution, tables)."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newskit import load_corpus
from newskit.quotes import (
    QUOTE_COLUMNS, Quote, QuoteKind, article_quotes, extract_quotes, headline_quotes, quotes_frame,
    reporting_verbs,
)
from newskit.text import sentences

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus.csv"

CONTRACT_COLUMNS = ["article_id", "kind", "text", "speaker", "canonical_speaker", "role", "type", "side", "verb",
                    "start", "end", "speaker_start", "speaker_end", "paragraph", "sentence", "rule"]


@pytest.fixture(scope="module")
def first():
    return load_corpus(CORPUS)[0]


@pytest.fixture(scope="module")
def first_quotes(first):
    return article_quotes(first)


def find(quotes, text):
    hits = [q for q in quotes if q.text == text]
    assert hits, f"no quote {text!r} in {[q.text for q in quotes]}"
    return hits[0]


# --- the contract ------------------------------------------------------------------------------

def test_kind_enum_values():
    assert [k.value for k in QuoteKind] == ["direct", "partial", "reported"]
    assert isinstance(QuoteKind.DIRECT, str) and QuoteKind("partial") is QuoteKind.PARTIAL


def test_quote_fields_are_the_contract():
    names = [f.name for f in dataclasses.fields(Quote)]
    assert names[:15] == ["kind", "text", "start", "end", "speaker", "speaker_start", "speaker_end", "verb",
                          "rule", "paragraph", "sentence", "canonical_speaker", "role", "type", "side"]
    q = Quote(QuoteKind.DIRECT, "x", 0, 1, None, None, None, None, "none", 0, 0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.text = "y"


def test_words_counted_on_first_reading(first):
    """The extractor leaves ``words`` to Quote's lazy descriptor: every reading, copy, pickle,
    ``replace`` and comparison sees the text's word count, and ``Quote(…)`` keeps its default."""
    import copy
    import pickle

    from newskit.text import word_count

    qs = extract_quotes(first.text)
    assert qs
    for q in qs:
        fresh = pickle.loads(pickle.dumps(q))  # (before words is read: the state lacks it)
        assert copy.copy(q).words == fresh.words == q.words == word_count(q.text)
        assert q == fresh and hash(q) == hash(fresh)
        assert dataclasses.replace(q).words == q.words
        assert dataclasses.asdict(q)["words"] == q.words
    plain = Quote(QuoteKind.DIRECT, "a b", 0, 3, None, None, None, None, "none", 0, 0)
    assert plain.words == 0 and Quote.__dataclass_fields__["words"].default == 0


def test_frame_columns_in_contract_order(first):
    df = quotes_frame([first])
    assert list(df.columns[:len(CONTRACT_COLUMNS)]) == CONTRACT_COLUMNS
    assert set(df["kind"]) == {"direct", "partial", "reported"}
    assert df["article_id"].eq(first.id).all()


def test_empty_corpus_frame_has_columns():
    df = quotes_frame([])
    assert list(df.columns) == ["article_id", *QUOTE_COLUMNS] and len(df) == 0


def test_spans_slice_back(first, first_quotes):
    assert first_quotes
    for q in first_quotes:
        assert first.text[q.start:q.end] == q.text
        if q.speaker_start is not None and q.where == "body":
            assert first.text[q.speaker_start:q.speaker_end] == q.speaker


def test_paragraph_and_sentence_indices(first, first_quotes):
    sents = sentences(first.text)
    for q in first_quotes:
        s = sents[q.sentence]
        assert s.paragraph == q.paragraph
        if q.kind != QuoteKind.REPORTED:
            assert s.start <= q.start < s.end + 2  # the text starts in its sentence (after the mark)


def test_extract_accepts_precomputed_sentences(first):
    assert extract_quotes(first.text, sentences=sentences(first.text)) == extract_quotes(first.text)


# --- the first article ---------------------------------------------------------------------------

def test_first_article_direct_quotes(first_quotes):
    q = find(first_quotes, "Armenia’s armed forces have responded in a fair way,")
    assert q.kind == QuoteKind.DIRECT and q.speaker == "it"
    assert q.canonical_speaker == "Armenian Ministry of Defence" and q.side == "Armenia"
    q = find(first_quotes, "We want there to be no more fighting in the military right away.")
    assert q.canonical_speaker == "Antony Blinken" and q.rule == "adjacent quote"


def test_first_article_reported_speech(first_quotes):
    q = find(first_quotes, "it was very worried about what was going on")
    assert q.kind == QuoteKind.REPORTED and q.speaker == "The United States" and q.verb == "said"
    q = find(first_quotes, "two of its soldiers had died and more than a dozen had been hurt")
    assert q.speaker == "the Karabakh army" and q.type == "military"
    # the coordinated clause is cut before ", and the Karabakh army said"
    find(first_quotes, "it had lost a soldier")


def test_first_article_partial_inside_reported(first_quotes):
    q = find(first_quotes, "intensive shelling")
    assert q.kind == QuoteKind.PARTIAL and q.rule == "inside reported speech"
    assert q.canonical_speaker == "Armenian Ministry of Defence"


def test_michel_resolves_to_charles_michel(first_quotes):
    q = find(first_quotes, "ready to make efforts to stop further escalation")
    assert q.speaker == "Michel" and q.referent == "EU President Charles Michel"
    assert q.canonical_speaker == "Charles Michel" and q.side == "European Union"


def test_negated_say_is_not_reported(first_quotes):
    assert not any("how many" in q.text for q in first_quotes)


def test_subhead_quote_is_marked_and_echoes_blinken(first_quotes):
    q = find(first_quotes, "No military solution")
    assert q.where == "subhead" and q.kind == QuoteKind.PARTIAL
    assert q.canonical_speaker == "Antony Blinken" and q.rule == "echo of a body quote"


def test_headline_quotes(first):
    hq = headline_quotes(first)
    assert [q.text for q in hq] == ["Joint Steps To Stabilise"]
    assert hq[0].where == "headline" and first.title[hq[0].start:hq[0].end] == hq[0].text


def test_collective_and_anonymous_sources(first_quotes):
    types = {q.speaker: q.type for q in first_quotes}
    assert types["Officials in Yerevan"] == "anonymous"
    assert types["Each side"] == "collective"
    assert types["Azerbaijani media"] == "media"


# --- small texts ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text,kind,quote,speaker,rule", [
    ("“We will respond,” said the minister.", "direct", "We will respond,", "the minister", "quote, verb speaker"),
    ("“We will respond,” the minister said.", "direct", "We will respond,", "the minister", "quote, speaker verb"),
    ("The minister said: “We will respond.”", "direct", "We will respond.", "The minister", "speaker verb, quote"),
    ("Ana Velt: “We will respond.”", "direct", "We will respond.", "Ana Velt", "speaker: quote"),
    ("The minister said the army would “respond in kind” soon.", "partial", "respond in kind",
     "The minister", "inside reported speech"),
    ("The army said it would respond.", "reported", "it would respond", "The army", "reported speech"),
    ("The army would respond, the minister said.", "reported", "The army would respond", "the minister",
     "reported speech, inverted"),
    ("According to the ministry, the army would respond.", "reported", "the army would respond", "the ministry",
     "according to"),
    ("Velt told reporters that the army would respond.", "reported", "the army would respond", "Velt",
     "reported speech"),
])
def test_patterns(text, kind, quote, speaker, rule):
    qs = extract_quotes(text)
    q = find(qs, quote)
    assert (q.kind.value, q.speaker, q.rule) == (kind, speaker, rule)
    assert text[q.speaker_start:q.speaker_end] == q.speaker


def test_reporting_verbs_resource():
    verbs = reporting_verbs()
    assert verbs["said"] == ("say", "speech")
    assert verbs["agreed"][1] == "quote"
    assert verbs["asked"] == ("ask", "question") and verbs["wondered"] == ("wonder", "question")
    assert {cls for _, cls in verbs.values()} == {"speech", "np", "that", "quote", "question"}
    assert len(verbs) > 300


def test_no_quotes_and_empty_text():
    assert extract_quotes("") == []
    assert extract_quotes("   \n\n  ") == []
    assert extract_quotes("The river was high. Nobody spoke.") == []


def test_scare_quotes_left_out_unless_asked():
    text = "The so-called “buffer” zone was quiet. The “safe” road was shelled."
    assert extract_quotes(text) == []
    kept = extract_quotes(text, scare_quotes=True)
    assert [q.text for q in kept] == ["buffer", "safe"]
    assert all(q.kind == QuoteKind.PARTIAL and q.speaker is None and q.rule == "scare quote" for q in kept)


def test_one_word_quote_with_a_speaker_is_kept():
    qs = extract_quotes("Baku called the attack a “provocation”.")
    q = find(qs, "provocation")
    assert q.kind == QuoteKind.PARTIAL and q.speaker == "Baku" and q.verb == "called"


# --- properties ----------------------------------------------------------------------------------

ALPHABET = st.sampled_from(list("ab cd. ,\n“”\"'‘’«»—:") + ["said", " he said", "Velt", "\n\n", "that "])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_property_spans_and_no_exception(text):
    qs = extract_quotes(text)
    for q in qs:
        assert text[q.start:q.end] == q.text
        assert q.start < q.end
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker
    assert extract_quotes(text) == qs  # deterministic


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_property_arbitrary_unicode(text):
    for q in extract_quotes(text, scare_quotes=True):
        assert text[q.start:q.end] == q.text


# --- CLI -----------------------------------------------------------------------------------------

def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "newskit.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_cli_quotes_jsonl():
    r = run_cli("quotes", str(CORPUS), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and all({"article_id", "kind", "text", "speaker", "canonical_speaker", "verb", "start", "end",
                         "rule"} <= set(row) for row in rows)
    assert {row["kind"] for row in rows} == {"direct", "partial", "reported"}
    assert all(isinstance(row["speaker_start"], (int, type(None))) for row in rows)


def test_cli_quotes_csv_and_kind_filter():
    r = run_cli("quotes", str(CORPUS), "--format", "csv", "--kind", "direct")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("article_id,kind,text,speaker,canonical_speaker,role,type,side,verb,start,end")
    assert len(lines) > 1 and all(",direct," in line for line in lines[1:])


def test_cli_quotes_missing_file():
    r = run_cli("quotes", "no/such/file.txt")
    assert r.returncode == 2 and r.stderr.startswith("newskit: error:") and "Traceback" not in r.stderr


# --- display and chart -----------------------------------------------------------------------------

def test_quotes_view_is_deterministic_escaped_html(first):
    from newskit.display import HTMLView, quotes_view

    view = quotes_view(first)
    assert isinstance(view, HTMLView) and view._repr_html_() == str(view)
    assert view.html == quotes_view(first).html
    assert view.html.count("<mark ") >= 30 and "Antony Blinken" in view.html
    assert "title=\"Antony Blinken (direct, United States; rule: speaker verb, quote)\"" in view.html
    assert "0x" not in repr(view)


def test_quotes_view_escapes_text_and_takes_frames():
    from newskit.display import quotes_view

    text = "“<b>War & peace</b>,” said the <i>minister</i>."
    html = quotes_view(text).html
    assert "<b>" not in html and "&lt;b&gt;War &amp; peace&lt;/b&gt;" in html
    frame = quotes_frame([])
    assert "no quotes" in quotes_view(text, quotes=frame).html


def test_quotes_view_bad_option(first):
    from newskit.display import quotes_view
    from newskit.errors import InvalidOption

    with pytest.raises(InvalidOption):
        quotes_view(first, by="colour")
    assert quotes_view(first, by="speaker").html.count("<mark ") >= 30


def test_share_of_voice_chart(first):
    from matplotlib.figure import Figure

    from newskit.plots import share_of_voice_chart
    from newskit.sources import share_of_voice

    sov = share_of_voice(quotes_frame([first]), by="side")
    fig = share_of_voice_chart(sov, by="side")
    assert isinstance(fig, Figure) and len(fig.axes) == 1
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == list(sov["side"])
    empty = share_of_voice_chart(share_of_voice(quotes_frame([])), by="side")
    assert isinstance(empty, Figure)


# --- fast paths: each must give exactly what the pattern it stands in for gives -------------

_FAST_ALPHABET = list("aAcCoOrRdDiInNgGtTsS .,;:!?-’'“”\"«»()\n\t\u00a0\u2003İıſKé—") + [
    " said ", " says ", " told ", "According to", "according\nto", "ACCORDİNG TO", " asked", "unsaid",
    "The ", "the ", " ministry", " Ministry", " Foreign ", " government", "Kessany’s ", " army", ". ",
    " last week", " on Monday", " yesterday", " Marsh", "President ", " who gave his name as Oleks",
]


def _fast_texts():
    import random

    rng = random.Random(7)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))]
    texts += [a.text for a in load_corpus(CORPUS)[:8]]
    for _ in range(300):
        texts.append("".join(rng.choice(_FAST_ALPHABET) for _ in range(rng.randrange(1, 120))))
    return texts


def test_verb_spans_equal_the_pattern():
    from newskit.quotes import _verb_regex, _verb_spans

    import random

    rng = random.Random(11)
    around = ["", " ", "-", "_", "’", "'", "x", "X", "9", "é", "ſ", "İ", ",", "\n", "“"]
    forms = ["said", "says", "say", "told", "tell", "added", "according to", "ACCORDING  to", "unsaid", "saidx"]
    texts = _fast_texts() + ["".join(rng.choice(around) + rng.choice(forms) + rng.choice(around)
                                     for _ in range(rng.randrange(1, 8))) for _ in range(3000)]
    for text in texts:
        assert _verb_spans(text) == [m.span() for m in _verb_regex().finditer(text)], text[:80]


def test_org_np_fast_paths_equal_finditer():
    from newskit.quotes import _Extractor, _UNSET, _lookbehind_spans

    pat = _Extractor._ORG_NP
    for text in _fast_texts():
        sents = sentences(text) if text.strip() else []
        ex = _Extractor(text, sents, False)
        n = len(text)
        for lo, hi in ((0, n), (n // 3, n), (n // 5, 4 * n // 5)):
            chain = [m.span() for m in pat.finditer(text, lo, hi)]
            assert _lookbehind_spans(pat, _Extractor._ORG_NP_AFTER, text, lo, hi) == chain
            by_start = {a: (a, b) for a, b in chain}
            for s in ex.starts:
                if lo <= s < hi:
                    got = ex._org_np_at(s, lo, hi)
                    if got is not _UNSET:
                        assert got == by_start.get(s), (text[:80], s)


def test_quick_tests_never_rule_out_a_match():
    from newskit import quotes as Q

    for text in _fast_texts():
        n = len(text)
        for hi in range(0, n + 1, 3):
            lo = max(0, hi - 80)
            if Q._Extractor._CAPS_BEFORE.search(text, lo, hi):
                assert Q._cap_word_before(text, lo, hi)
            if Q._TRAIL_TIME.search(text, max(0, hi - 60), hi):
                toks = text[max(0, hi - 180):hi].split()
                assert toks and (not toks[-1].isascii() or toks[-1].lower() in Q._TRAIL_TIME_LAST)
            if Q._GIVES_NAME.match(text, hi):
                assert Q._may_give_name(text, hi)
        for a in range(0, n, 5):
            sp = text[a:a + 40]
            lead = Q._lead_word(sp)
            owns = "’s" in sp or "'s" in sp
            for pat, ok in ((Q._DOCUMENT, lead in Q._DOCUMENT_LEADS),
                            (Q._SOME_OF, lead in Q._A_LEADS or sp in Q._SOME_WORDS),
                            (Q._MEMBER, lead in Q._MEMBER_LEADS or sp in Q._MEMBER_WORDS),
                            (Q._OWNED_DOCUMENT, owns), (Q._COUNTRY_ROLE, owns),
                            (Q._POSSESSIVE_PRONOUN, lead in Q._POSSESSIVE_LEADS),
                            (Q._DEFINITE, lead in Q._THE_LEADS), (Q._DESCRIBED, lead in Q._DESCRIBED_LEADS)):
                if pat.match(sp):
                    assert ok, (pat.pattern[:30], sp)
            for span in (sp, sp.lstrip(), sp.title(), sp.upper()):
                c0 = span[:1]
                if Q._may_lead(span):  # _left_np's test before it
                    assert c0 in Q._LEAD_INITIALS or not span[:12].isascii() or c0.isspace(), span
    for sp in ("Several", "a few", "A  few", "Another", "another diplomat", "One of them", "The statement",
               "the ministry", "His mother", "Kessany's envoy", "The committee’s report", "a man on the deck"):
        lead = Q._lead_word(sp)
        assert lead or sp in Q._SOME_WORDS | Q._MEMBER_WORDS


def test_word_counts_equal_word_count():
    """_wc and _has_words (which reads the first tokens apart) count as word_count does."""
    from newskit import quotes as Q
    from newskit.text import word_count

    for text in _fast_texts():
        for a in range(0, len(text), 7):
            for s in (text[a:a + 60], text[a:a + 9], " — " + text[a:a + 20], "— – " + text[a:a + 5]):
                n = word_count(s)
                assert Q._wc(s) == n
                for k in (1, 2, 3, 4):
                    assert Q._has_words(s, k) == (n >= k), (s, k)


def test_only_a_lowers_to_a():
    """_left_np reads "according to" only after a span opening with "a" or "A": no other
    character's lower case starts with "a"."""
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if c.lower()[:1] == "a"] == ["A", "a"]


def test_quote_records_equal_dataclass_construction(first_quotes):
    for q in first_quotes:
        rebuilt = Quote(*(getattr(q, f.name) for f in dataclasses.fields(Quote)))
        assert rebuilt == q and repr(rebuilt) == repr(q)
        assert list(q.__dict__) == [f.name for f in dataclasses.fields(Quote)]


def test_segment_gives_the_fields_of_sentences():
    """extract_quotes without sentences reads the spans of newskit.text.sentences (no records)."""
    from newskit.quotes import _segment

    for text in _fast_texts():
        got = [(s.start, s.end, s.index, s.paragraph) for s in _segment(text)]
        assert got == [(s.start, s.end, s.index, s.paragraph) for s in sentences(text)], text[:80]
        assert extract_quotes(text) == extract_quotes(text, sentences=sentences(text))
