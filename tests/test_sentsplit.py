"""newskit.sentsplit must return exactly NLTK Punkt's spans with newskit's parameters."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newskit import resources
from newskit.sentsplit import split, split_spans
from newskit.text import _punkt, paragraphs

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "readability"


def nltk_spans(text: str) -> list[tuple[int, int]]:
    return list(_punkt().span_tokenize(text))


def test_patterns_are_nltks():
    """The regexes are NLTK's own (same source, same flags, same engine)."""
    from nltk.tokenize.punkt import PunktLanguageVars, PunktToken

    from newskit import sentsplit as ss

    lv = PunktLanguageVars()
    pairs = [
        (ss._PERIOD_CONTEXT, lv.period_context_re()),
        (ss._WORD_TOKENIZER, lv._word_tokenizer_re()),
        (ss._REALIGN, lv.re_boundary_realignment),
        (ss._NUMERIC, PunktToken._RE_NUMERIC),
        (ss._INITIAL, PunktToken._RE_INITIAL),
        (ss._ELLIPSIS, PunktToken._RE_ELLIPSIS),
    ]
    for ours, theirs in pairs:
        # NLTK builds "?!" from a set, so its order inside the character class follows the hash seed
        assert ours.pattern == theirs._rx.pattern.replace("!\\?]", "\\?!]")
        assert ours.flags == theirs._rx.flags
    assert ss._NOT_STARTERS == frozenset(_punkt().PUNCTUATION)
    assert ss._abbreviations() == frozenset(_punkt()._params.abbrev_types)
    assert ss._abbreviations() == frozenset(resources.lines("abbreviations.txt"))


def test_nltk_parameters_are_empty_as_assumed():
    """The specialisation assumes no collocations, sentence starters or orthographic context."""
    params = _punkt()._params
    assert not params.collocations
    assert not params.sent_starters
    assert not any(params.ortho_context.values())


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It ended. Then it began.", ["It ended.", "Then it began."]),
        ("At 9 a.m. local time the U.S. envoy spoke. Gen. Smith left.",
         ["At 9 a.m. local time the U.S. envoy spoke.", "Gen. Smith left."]),
        ("Antony J. Blinken called. He left.", ["Antony J. Blinken called.", "He left."]),
        ("The score was 5. then it rose.", ["The score was 5. then it rose."]),
        ("The score was 5. Then it rose.", ["The score was 5.", "Then it rose."]),
        ("Wait... what happened?", ["Wait... what happened?"]),
        ("Really?! Yes. (Sent one.) Sent two.", ["Really?!", "Yes.", "(Sent one.)", "Sent two."]),
        ("“We will respond.” He left.", ["“We will respond.”", "He left."]),
        ("", []),
        ("   ", []),
        ("no punctuation at all", ["no punctuation at all"]),
    ],
)
def test_known_cases(text, expected):
    assert split(text) == expected
    assert split_spans(text) == nltk_spans(text)


def test_first_article_paragraphs(first_article):
    paras = paragraphs(first_article.text)
    assert len(paras) == 26
    for p in paras:
        assert split_spans(p.text) == nltk_spans(p.text), p.text


def test_all_generated_articles():
    """Every paragraph of the 2,000 generated benchmark articles (≈53,000 paragraphs)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from _corpus import generated_articles

    seen = set()
    for article in generated_articles():
        for p in paragraphs(article):
            if p.text in seen:
                continue
            seen.add(p.text)
            assert split_spans(p.text) == nltk_spans(p.text), p.text
    assert len(seen) > 20


def test_fixtures():
    files = sorted(FIXTURES.glob("*.txt"))
    assert len(files) >= 5
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert split_spans(text) == nltk_spans(text)
        for p in paragraphs(text):
            assert split_spans(p.text) == nltk_spans(p.text)


# --- random news-like paragraphs --------------------------------------------------------------

_ABBREVS = sorted(resources.lines("abbreviations.txt"))
_WORDS = ["the", "said", "Armenia", "troops", "border", "Azerbaijan’s", "it's", "large-scale",
          "ceasefire", "He", "They", "officials", "on", "a", "in", "US", "x", "Ö", "élan", "_", "it"]
_TOKEN = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_ABBREVS).map(lambda a: a + "."),
    st.sampled_from(_ABBREVS).map(lambda a: a.upper() + "."),
    st.sampled_from(_ABBREVS).map(lambda a: a.capitalize() + "."),
    st.sampled_from(["J.", "a.", "Z.", "é.", "5.", "12.", "1,000.", "3.5", "-4.", "1.5.", "2022", "00:05"]),
    st.sampled_from(["...", "..", "?", "!", "?!", ".", ",", ";", ":", "--", "–", "—", "-"]),
    st.sampled_from(["\"", "'", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", "{", "}", "*", "@", "#", "&", "`"]),
    st.text(alphabet="aZ.?!’”)( \n\t\xa0\x1c", min_size=1, max_size=4),
)
_SEP = st.sampled_from(["", " ", " ", " ", "  ", "\n", " \xa0", "\t", "\u2009"])


@st.composite
def news_paragraphs(draw):
    toks = draw(st.lists(st.tuples(_TOKEN, _SEP), min_size=0, max_size=40))
    return "".join(t + s for t, s in toks)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_paragraphs())
def test_random_news_like_paragraphs(text):
    assert split_spans(text) == nltk_spans(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_text(text):
    spans = split_spans(text)
    assert spans == nltk_spans(text)
    for s, e in spans:
        assert 0 <= s < e <= len(text)


@settings(max_examples=200, deadline=None)
@given(news_paragraphs())
def test_spans_ordered_and_slice_back(text):
    spans = split_spans(text)
    assert split(text) == [text[s:e] for s, e in spans]
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert e1 <= s2
    assert split_spans(text) == spans  # deterministic


def test_fast_paths_equal_the_patterns():
    # _plain and _is_break's shortcut for plain ASCII words give what Punkt's patterns give
    import random

    from newskit import sentsplit as S

    rng = random.Random(3)
    alphabet = list("aZ09_.-,'’é١²ſİ ") + ["", "ab", "U.S", "1,000"]
    for _ in range(5000):
        tok = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 6)))
        assert S._plain(tok) == (S._PLAIN.fullmatch(tok) is not None), tok
        core = tok.rstrip(".")
        if len(core) > 1 and core.isascii() and core.isalpha():
            word = core + "."
            assert S._INITIAL.match(word) is None and S._NUMERIC.match(word.lower()) is None


def test_stdlib_patterns_equal_the_regex_ones():
    """_PERIOD_CONTEXT_RE and _REALIGN_RE (stdlib ``re``) match exactly where NLTK's patterns do."""
    import random
    import re

    import regex

    from newskit import sentsplit as S

    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    assert set(regex.findall(r"\s", every)) == set(re.findall(S._RE_SPACE, every))
    assert set(regex.findall(r"\S", every)) == set(re.findall(S._RE_NON_SPACE, every))
    rng = random.Random(5)
    alphabet = list(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u2003.?!,;:\"'()[]{}*@‘’“”«»-—aZ9é") + ["--", ". ", "J."]
    texts = [f.read_text(encoding="utf-8") for f in sorted(FIXTURES.glob("*.txt"))]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(30))) for _ in range(20000)]
    for text in texts:
        ours = [(m.span(), m.span("after_tok"), m.span("next_tok")) for m in S._PERIOD_CONTEXT_RE.finditer(text)]
        assert ours == [(m.span(), m.span("after_tok"), m.span("next_tok")) for m in S._PERIOD_CONTEXT.finditer(text)]
        for _ in range(3):
            a = rng.randrange(len(text) + 1)
            b = rng.randrange(a, len(text) + 1)
            m1, m2 = S._REALIGN.match(text, a, b), S._REALIGN_RE.match(text, a, b)
            assert (m1 and m1.span()) == (m2 and m2.span()), (text, a, b)


# --- one pass over a whole text (newskit.text._sentence_spans) ---------------------------------

def _per_paragraph(text: str) -> list[tuple[int, int, int]]:
    from newskit.text import _blocks

    return [(start + s, start + e, k) for k, (start, body) in enumerate(_blocks(text)) for s, e in split_spans(body)]


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(news_paragraphs(), st.sampled_from(["\n\n", "\n \n", "\x1c\n\n", "\n\n\x1d", "\n\t\n "])),
                max_size=5))
def test_text_spans_equal_split_spans_per_paragraph(parts):
    # text_spans finds the candidates of all paragraphs in one pass over the text; U+001C..U+001F
    # at a paragraph's end (white space to str.strip, a token character to the pattern) included
    from newskit.text import _sentence_spans

    text = "".join(p + sep for p, sep in parts)
    assert _sentence_spans(text) == _per_paragraph(text)


def test_text_spans_next_token_ends_at_the_paragraph():
    from newskit.text import _sentence_spans

    text = "...\n'St,...J.!\x1d\n\nSt'’  ,”,?J\nb...\x1d\n\n"  # "\x1d" would lengthen the first next token
    assert _sentence_spans(text) == _per_paragraph(text) == [(0, 14, 0), (17, 33, 1)]


def test_text_spans_on_generated_articles():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from _corpus import generated_articles

    from newskit.text import _sentence_spans, sentences

    for article in generated_articles(300):
        spans = _sentence_spans(article)
        assert spans == _per_paragraph(article)
        assert spans == [(s.start, s.end, s.paragraph) for s in sentences(article)]
