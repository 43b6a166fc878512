"""Readability: formulas on hand-counted texts, three grains, bad input, CLI, and agreement with textstat.

textstat 0.7.8 is a test-only reference (later releases download data at run time).
Tolerances against it are those documented in ``newskit.readability``'s docstring.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import textstat
from conftest import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from newskit.errors import NoReadableText
from newskit.readability import (
    METRICS,
    Grain,
    Readability,
    automated_readability_index,
    by_paragraph,
    by_sentence,
    coleman_liau_index,
    flesch_kincaid_grade,
    flesch_reading_ease,
    gunning_fog,
    hardest_sentences,
    readability,
    readability_frame,
    scores,
    smog_index,
)
from newskit.text import in_dictionary, paragraphs, syllables, word_list

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "readability"
TS = textstat.textstat


def prose(text: str) -> str:
    return "\n\n".join(p.text for p in paragraphs(text) if not p.subhead)


# --- hand-counted toy texts -------------------------------------------------------------------

def test_toy_one_syllable_text():
    # counted by hand: 9 words, 2 sentences, 9 syllables, 26 letters, nothing long or polysyllabic
    r = readability("The cat sat on the mat. The dog ran.")
    assert (r.words, r.sentences, r.syllables, r.letters, r.polysyllables, r.long_words) == (9, 2, 9, 26, 0, 0)
    assert r.flesch_reading_ease == pytest.approx(117.6675)  # 206.835 - 1.015*4.5 - 84.6*1
    assert r.flesch_kincaid_grade == pytest.approx(-2.035)  # 0.39*4.5 + 11.8*1 - 15.59
    assert r.gunning_fog == pytest.approx(1.8)  # 0.4*(4.5 + 0)
    assert r.smog_index == pytest.approx(3.1291)  # no polysyllables
    assert r.coleman_liau_index == pytest.approx(-5.391111, abs=1e-5)  # 0.0588*288.89 - 0.296*22.22 - 15.8
    assert r.automated_readability_index == pytest.approx(-5.573333, abs=1e-5)  # 4.71*26/9 + 0.5*4.5 - 21.43


def test_toy_long_words_text():
    # Beau-ti-ful(3, 9 letters) el-e-phants(3, 9) wan-dered(2, 8) slow-ly(2, 6)
    r = readability("Beautiful elephants wandered slowly.")
    assert (r.words, r.sentences, r.syllables, r.letters, r.polysyllables, r.long_words) == (4, 1, 10, 32, 2, 3)
    assert r.flesch_reading_ease == pytest.approx(-8.725)  # 206.835 - 4.06 - 211.5
    assert r.flesch_kincaid_grade == pytest.approx(15.47)  # 1.56 + 29.5 - 15.59
    assert r.gunning_fog == pytest.approx(21.6)  # 0.4*(4 + 50)
    assert r.smog_index == pytest.approx(11.208136, abs=1e-5)  # 1.043*sqrt(60) + 3.1291
    assert r.coleman_liau_index == pytest.approx(23.84)  # 0.0588*800 - 0.296*25 - 15.8
    assert r.automated_readability_index == pytest.approx(18.25)  # 4.71*8 + 2 - 21.43


def test_smog_thirty_sentence_normalisation():
    # McLaughlin: count polysyllables in 30 sentences, take the square root, ×1.043, +3.1291
    assert smog_index(30, 9) == pytest.approx(1.043 * 3 + 3.1291)
    assert smog_index(10, 3) == pytest.approx(smog_index(30, 9))  # scaled to 30 sentences
    assert smog_index(60, 18) == pytest.approx(smog_index(30, 9))


def test_formula_functions_reject_zero_counts():
    for f, args in [(flesch_reading_ease, (0, 1, 0)), (flesch_kincaid_grade, (3, 0, 3)), (gunning_fog, (0, 1, 0)),
                    (smog_index, (0, 0)), (coleman_liau_index, (0, 0, 0)), (automated_readability_index, (5, 0, 20))]:
        with pytest.raises(NoReadableText):
            f(*args)


def test_scores_keys_match_record_fields():
    assert list(scores(10, 2, 15, 50, 1)) == list(METRICS)
    r = readability("One two three. Four five six.")
    assert {k: getattr(r, k) for k in METRICS} == scores(r.words, r.sentences, r.syllables, r.letters, r.polysyllables)


# --- our formulas on textstat's own counts reproduce textstat ---------------------------------

def _ts_counts(text):
    return dict(w=TS.lexicon_count(text), s=TS.sentence_count(text), sy=TS.syllable_count(text),
                poly=TS.polysyllabcount(text), letters=TS.letter_count(text), chars=TS.char_count(text),
                # textstat's ARI divides characters by whitespace tokens, punctuation-only ones included
                wp=TS.lexicon_count(text, removepunct=False), diff=TS.difficult_words(text, 3, unique=False))


@pytest.mark.parametrize("name", ["first", "academic", "children", "legal", "news_brief", "dialogue"])
def test_formulas_match_textstat_on_textstat_counts(name, first_article):
    text = prose(first_article.text) if name == "first" else prose((FIXTURES / f"{name}.txt").read_text("utf-8"))
    c = _ts_counts(text)
    assert flesch_reading_ease(c["w"], c["s"], c["sy"]) == pytest.approx(TS.flesch_reading_ease(text))
    assert flesch_kincaid_grade(c["w"], c["s"], c["sy"]) == pytest.approx(TS.flesch_kincaid_grade(text))
    assert smog_index(c["s"], c["poly"]) == pytest.approx(TS.smog_index(text))
    # textstat's Fog counts 3+-syllable words that are not on the Dale–Chall easy list
    assert gunning_fog(c["w"], c["s"], c["diff"]) == pytest.approx(TS.gunning_fog(text))
    assert automated_readability_index(c["wp"], c["s"], c["chars"]) - 0.5 * c["wp"] / c["s"] + 0.5 * c["w"] / c["s"] \
        == pytest.approx(TS.automated_readability_index(text))
    # textstat's Coleman–Liau uses 0.058 where Coleman & Liau (1975) give 0.0588
    ours = coleman_liau_index(c["w"], c["s"], c["letters"])
    assert ours - TS.coleman_liau_index(text) == pytest.approx(0.0008 * 100 * c["letters"] / c["w"])


# --- end-to-end agreement with textstat -------------------------------------------------------

# documented in newskit.readability: counts and metric tolerances against textstat 0.7.8
TOLERANCE = {"flesch_reading_ease": 10.0, "flesch_kincaid_grade": 1.5, "gunning_fog": 2.5,
             "smog_index": 1.5, "coleman_liau_index": 1.0, "automated_readability_index": 3.0}
REGULAR = ["academic", "children", "legal", "news_brief", "dialogue"]


def _agreement(text):
    r = readability(text)
    p = prose(text)
    assert abs(r.words - TS.lexicon_count(p)) <= 0.01 * r.words + 1
    assert abs(r.sentences - TS.sentence_count(p)) <= 1
    assert abs(r.syllables - TS.syllable_count(p)) <= 0.07 * r.syllables
    assert r.letters == TS.letter_count(p) or abs(r.letters - TS.letter_count(p)) <= 0.02 * r.letters
    for m in METRICS:
        assert abs(getattr(r, m) - getattr(TS, m)(p)) <= TOLERANCE[m], m


def test_first_article_against_textstat(first_article):
    r = readability(first_article.text)
    assert r.sentences == 31  # counted by hand (textstat: 32)
    _agreement(first_article.text)


@pytest.mark.parametrize("name", REGULAR)
def test_fixture_against_textstat(name):
    _agreement((FIXTURES / f"{name}.txt").read_text("utf-8"))


@pytest.mark.parametrize("name", ["first", *REGULAR, "numbers_hyphens"])
def test_syllable_differences_are_explained(name, first_article):
    """On plain dictionary words newskit and textstat count the same syllables; every
    difference is on names outside the CMU dictionary, numbers, hyphenated words,
    curly-apostrophe possessives, acronyms read letter by letter ("US", "GMT") or
    abbreviations with periods."""
    text = first_article.text if name == "first" else (FIXTURES / f"{name}.txt").read_text("utf-8")
    for w in word_list(prose(text)):
        if w.isalpha() and not w.isupper() and in_dictionary(w):
            assert syllables(w) == TS.syllable_count(w), w


def test_numbers_fixture_differences_are_explained():
    text = (FIXTURES / "numbers_hyphens.txt").read_text("utf-8")
    r = readability(text)
    p = prose(text)
    # textstat ends a "sentence" at every period: "Sept.", "1.5", "U.N.", "$2.3", "12.5%"
    assert r.sentences == 5 and TS.sentence_count(p) > r.sentences
    # newskit reads numbers aloud ("30,000" = thir-ty thou-sand); textstat's Pyphen gives 1
    assert syllables("30,000") == 4 and TS.syllable_count("30,000") == 1
    assert r.syllables > TS.syllable_count(p)


# --- grains -----------------------------------------------------------------------------------

def test_grains_add_up(first_article):
    text = first_article.text
    art = readability(text)
    paras = by_paragraph(text)
    sents = by_sentence(text)
    assert len(paras) == 25 and len(sents) == 31
    for field in ("words", "sentences", "syllables", "letters", "polysyllables", "long_words"):
        assert sum(getattr(p, field) for p in paras) == getattr(art, field)
        assert sum(getattr(s, field) for s in sents) == getattr(art, field)
    assert all(s.sentences == 1 for s in sents)
    for rec in [*paras, *sents]:
        assert text[rec.start:rec.end] == rec.text


def test_subheads_excluded(first_article):
    text = first_article.text
    sub = [p for p in paragraphs(text) if p.subhead]
    assert sub, "the first article has a subhead"
    assert not {p.index for p in sub} & {r.paragraph for r in by_paragraph(text)}
    assert not {p.index for p in sub} & {r.paragraph for r in by_sentence(text)}


def test_headline_only_text_is_scored():
    r = readability("No military solution")  # a subhead-like line: all paragraphs are used
    assert (r.words, r.sentences) == (3, 1)


def test_hardest_sentences(first_article):
    text = first_article.text
    hard = hardest_sentences(text, 3)
    assert [h.rank for h in hard] == [1, 2, 3]
    scores_ = [h.score for h in hard]
    assert scores_ == sorted(scores_, reverse=True)
    every = by_sentence(text)
    assert max(s.flesch_kincaid_grade for s in every) == hard[0].score
    for h in hard:
        assert text[h.start:h.end] == h.text
        assert len(h.hard_words) == h.polysyllables
        assert f"{h.words} words" in h.reason
        assert all(w in h.reason for w in h.hard_words)
    assert hardest_sentences(text, 0) == []
    assert len(hardest_sentences(text, 1000)) == 31
    with pytest.raises(ValueError):
        hardest_sentences(text, -1)


def test_hardest_ties_keep_text_order():
    text = "The cat sat. The dog ran. A cow ate."
    assert [h.sentence for h in hardest_sentences(text, 3)] == [0, 1, 2]


def test_frame_all_grains(first_article):
    for by, n, extra in [("article", 1, []), ("paragraph", 25, ["paragraph", "start", "end", "text"]),
                         (Grain.SENTENCE, 31, ["sentence", "paragraph", "start", "end", "text"])]:
        frame = readability_frame([first_article], by=by)
        assert len(frame) == n
        assert list(frame.columns[:1]) == ["article_id"]
        assert set(METRICS) <= set(frame.columns) and set(extra) <= set(frame.columns)
        assert not frame[list(METRICS)].isna().any().any()
    with pytest.raises(ValueError):
        readability_frame([first_article], by="word")


# --- bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   \n\n  ", "…", "— — —", "?!"])
def test_no_words_raises(text):
    with pytest.raises(NoReadableText):
        readability(text)
    assert by_paragraph(text) == [] and by_sentence(text) == [] and hardest_sentences(text) == []


def _finite(r: Readability):
    return all(math.isfinite(getattr(r, m)) for m in METRICS)


def test_no_sentence_ending_punctuation():
    text = "the shelling went on all night and nobody in the village slept or dared to go outside " * 2
    r = readability(text)
    assert r.sentences == 1 and _finite(r)


def test_ten_thousand_word_sentence():
    text = " ".join(["word"] * 10_000) + "."
    r = readability(text)
    assert (r.words, r.sentences) == (10_000, 1)
    assert r.flesch_kincaid_grade == pytest.approx(0.39 * 10_000 + 11.8 - 15.59)
    assert _finite(r)


def test_numbers_only():
    r = readability("2022 30,000 1.5 00:05.")
    assert r.words == 4 and r.syllables > 4 and _finite(r)


def test_non_english_text():
    r = readability("Die Grenze zwischen beiden Ländern bleibt geschlossen. Многие жители уехали.")
    assert r.sentences == 2 and r.words == 10 and _finite(r)


def test_wrong_type():
    with pytest.raises(TypeError):
        readability(None)  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_finite_scores_or_clear_error(text):
    try:
        r = readability(text)
    except NoReadableText:
        assert not word_list(text)
        return
    assert r.words > 0 and r.sentences > 0 and _finite(r)
    for rec in by_sentence(text) + by_paragraph(text):
        assert text[rec.start:rec.end] == rec.text and _finite(rec)
    assert readability(text) == r  # deterministic


# --- CLI --------------------------------------------------------------------------------------

KEYS = {"article_id", "words", "sentences", "syllables", "flesch_reading_ease", "flesch_kincaid_grade",
        "gunning_fog", "smog_index", "coleman_liau_index", "automated_readability_index"}


def test_cli_jsonl_article(first_article):
    res = run_cli("readability", "data/corpus.csv", "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(rows) == 1 and KEYS <= set(rows[0])
    r = readability(first_article.text)
    assert rows[0]["words"] == r.words and rows[0]["flesch_kincaid_grade"] == pytest.approx(r.flesch_kincaid_grade)


def test_cli_by_paragraph_and_sentence():
    for by, n, key in [("paragraph", 25, "paragraph"), ("sentence", 31, "sentence")]:
        res = run_cli("readability", "data/corpus.csv", "--by", by, "--format", "jsonl")
        assert res.returncode == 0, res.stderr
        rows = [json.loads(line) for line in res.stdout.splitlines()]
        assert len(rows) == n and all(KEYS | {key, "text"} <= set(row) for row in rows)


def test_cli_csv_and_table():
    res = run_cli("readability", "data/corpus.csv", "--format", "csv")
    assert res.returncode == 0 and res.stdout.splitlines()[0].startswith("article_id,words,sentences")
    res = run_cli("readability", "data/corpus.csv", "--format", "table")
    assert res.returncode == 0 and "flesch_kincaid_grade" in res.stdout.splitlines()[0]


def test_cli_no_words_is_one_line_error(tmp_path):
    f = tmp_path / "dots.txt"
    f.write_text("… … …\n", encoding="utf-8")
    res = run_cli("readability", str(f), "--format", "jsonl")
    assert res.returncode == 2
    assert res.stdout == "" and len(res.stderr.strip().splitlines()) == 1 and "no words" in res.stderr


# --- figure -----------------------------------------------------------------------------------

def test_readability_profile_figure(first_article):
    from matplotlib.figure import Figure

    from newskit.plots import readability_profile

    frame = readability_frame([first_article], by="paragraph")
    art = readability(first_article.text).flesch_kincaid_grade
    fig = readability_profile(frame, article_value=art)
    assert isinstance(fig, Figure) and len(fig.axes) == 1
    ax = fig.axes[0]
    assert len(ax.patches) == len(frame)
    above = [p for p in ax.patches if p.get_facecolor()[:3] != (0.4666666666666667,) * 3]
    assert len(above) == int((frame["flesch_kincaid_grade"] > art).sum())
    empty = readability_profile(frame.iloc[0:0])
    assert len(empty.axes[0].patches) == 0
