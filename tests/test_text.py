"""Segmentation: paragraphs, sentences, words with spans; syllables."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from newskit.text import (
    in_dictionary,
    is_subhead,
    paragraphs,
    paragraphs_frame,
    sentences,
    sentences_frame,
    syllables,
    word_count,
    word_list,
    words,
)


def test_first_article_structure(first_article):
    paras = paragraphs(first_article.text)
    assert len(paras) == 26
    assert [p.text for p in paras if p.subhead] == ["‘No military solution’"]
    prose = {p.index for p in paras if not p.subhead}
    assert len(prose) == 25
    assert sum(1 for s in sentences(first_article.text) if s.paragraph in prose) == 31


def test_abbreviations_do_not_end_sentences():
    text = "The truce started at 9 a.m. local time (0500 GMT), but it was broken soon after. Then it ended."
    assert [s.text for s in sentences(text)] == [
        "The truce started at 9 a.m. local time (0500 GMT), but it was broken soon after.",
        "Then it ended.",
    ]
    for abbr in ("U.S.", "Gen.", "Jan."):
        text = f"Officials in the {abbr} Smith office met. They left."
        assert len(sentences(text)) == 2, abbr


def test_closing_quote_stays_with_its_sentence():
    text = "He said: “We want peace.” “We will not attack.” It ended."
    assert [s.text for s in sentences(text)] == ["He said: “We want peace.”", "“We will not attack.”", "It ended."]


def test_sentences_never_cross_paragraphs():
    text = "A title without stop\n\nThe body starts here. It goes on."
    ss = sentences(text)
    assert [s.paragraph for s in ss] == [0, 1, 1]
    assert ss[0].text == "A title without stop"


def test_words_apostrophes_hyphens_numbers():
    got = word_list("Armenia’s large-calibre guns killed 30,000 at 00:05 GMT in the ’90s, horses' O'Neil a.m.")
    assert got == ["Armenia’s", "large-calibre", "guns", "killed", "30,000", "at", "00:05", "GMT", "in",
                   "the", "90s", "horses", "O'Neil", "a.m"]
    assert word_count("one, two; three") == 3


def test_is_subhead():
    assert is_subhead("‘No military solution’")
    assert not is_subhead("Each side said that the fighting was caused by the other.")
    assert not is_subhead("• a bullet")
    assert not is_subhead("")
    assert not is_subhead("one two three four five six seven eight nine ten eleven")


def test_syllables_dictionary_and_fallbacks():
    assert syllables("minister") == 3  # CMU dictionary
    assert syllables("Armenia’s") == syllables("Armenia")  # possessive
    assert syllables("stabilise") == syllables("stabilize") == 3  # British spelling
    assert syllables("large-calibre") == 1 + 3  # hyphen: sum of parts
    assert syllables("30,000") == 4  # "thirty thousand"
    assert syllables("2020") == 4  # "twenty twenty"
    assert syllables("1980s") == 4  # "nineteen eighties"
    assert syllables("GMT") == 3  # acronym, letter by letter
    assert syllables("Papikyan") == 3  # vowel-group rule
    assert syllables("") == 0
    assert in_dictionary("Minister") and not in_dictionary("Papikyan")


def test_frames(first_article):
    pf = paragraphs_frame([first_article])
    assert list(pf.columns[:4]) == ["article_id", "paragraph", "subhead", "sentences"]
    assert pf["sentences"].sum() == 32 and pf["subhead"].sum() == 1
    sf = sentences_frame([first_article])
    assert len(sf) == 32 and (~sf["subhead"]).sum() == 31
    for row in sf.itertuples():
        assert first_article.text[row.start:row.end] == row.text


# --- properties -------------------------------------------------------------------------

news_alphabet = string.ascii_letters + string.digits + " .,;:!?’'\"“”‘-–()\n" + "éü"
texts = st.text(alphabet=news_alphabet, max_size=400)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_spans_slice_back(text):
    for rec in [*paragraphs(text), *sentences(text), *words(text)]:
        assert 0 <= rec.start <= rec.end <= len(text)
        assert text[rec.start:rec.end] == rec.text


@settings(max_examples=200, deadline=None)
@given(texts)
def test_sentences_tile_their_paragraph(text):
    """Sentences cover each paragraph in order; only whitespace lies between them."""
    ss = sentences(text)
    for para in paragraphs(text):
        inside = [s for s in ss if s.paragraph == para.index]
        assert inside, "every paragraph has at least one sentence"
        assert inside[0].start == para.start and inside[-1].end == para.end
        for a, b in zip(inside, inside[1:]):
            assert a.end <= b.start
            assert text[a.end:b.start].strip() == ""
    assert [s.index for s in ss] == list(range(len(ss)))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_syllables_total(word):
    assert syllables(word) >= 0
    if any(c.isalnum() for c in word):
        assert syllables(word) >= 1


def test_records_equal_dataclass_construction():
    # paragraphs() and sentences() build their records without the dataclass __init__
    from dataclasses import fields

    from newskit.text import Paragraph, Sentence, paragraphs, sentences
    text = "A first one. And a second.\n\nSubhead here\n\n“Quoted,” he said. Done."
    for rec in paragraphs(text) + sentences(text):
        cls = type(rec)
        assert cls in (Paragraph, Sentence)
        rebuilt = cls(*(getattr(rec, f.name) for f in fields(cls)))
        assert rebuilt == rec and repr(rebuilt) == repr(rec) and rebuilt.__dict__ == rec.__dict__
        assert list(rec.__dict__) == [f.name for f in fields(cls)]


def test_final_punctuation_test_equals_the_pattern():
    import random

    from newskit.text import _FINAL_PUNCT, _ends_in_punct

    rng = random.Random(5)
    alphabet = list("a.!?:;,…'\"’”»)] \n\u00a0x") + ["", "”."]
    for _ in range(5000):
        block = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 8))).strip()
        if block:
            assert _ends_in_punct(block) == (_FINAL_PUNCT.search(block) is not None), block
