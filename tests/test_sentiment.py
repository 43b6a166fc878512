"""Tests for newskit.sentiment: equality with vaderSentiment, explain(), quotes, aggregation, plots, CLI."""

from __future__ import annotations

import io
import json
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from conftest import MANIFEST, run_cli
from newskit import errors, plots
from newskit.sentiment import (
    AGG_COLUMNS,
    Sentiment,
    analyzer,
    compare_nltk,
    compound_from,
    explain,
    nltk_polarity,
    score_quotes,
    sentence_sentiments,
    sentiment,
    sentiment_by_source,
    sentiment_frame,
    straighten,
    tone,
)
from newskit.text import sentences

# The authors' own demonstration sentences (vaderSentiment's __main__), plus edge cases.
TRICKY = [
    "VADER is smart, handsome, and funny.",
    "VADER is smart, handsome, and funny!",
    "VADER is very smart, handsome, and funny.",
    "VADER is VERY SMART, handsome, and FUNNY.",
    "VADER is VERY SMART, handsome, and FUNNY!!!",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "The book was good.",
    "At least it isn't a horrible book.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today SUX!",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Not bad at all",
    "Sentiment analysis has never been good.",
    "Sentiment analysis has never been this good!",
    "Most automated sentiment analysis tools are shit.",
    "With VADER, sentiment analysis is the shit!",
    "Other sentiment analysis tools can be quite bad.",
    "On the other hand, VADER is quite bad ass",
    "VADER is such a badass!",
    "Without a doubt, excellent idea.",
    "Roger Dodger is one of the most compelling variations on this theme.",
    "Roger Dodger is at least compelling as a variation on the theme.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Not such a badass after all.",
    "We want there to be no more fighting in the military right away.",
    "no no good bad",
    "good good but good good",
    "He is sort of happy, kind of sad.",
    "Good?? bad???",
    "😁😁good",
    "",
    "   ",
    "KILLED killed",
]


@pytest.fixture(scope="module")
def article_sentences(first_article):
    return [s.text for s in sentences(first_article.text)]


# --- equality with the reference ---------------------------------------------------------------

def test_sentiment_equals_reference_on_article_and_tricky_sentences(article_sentences):
    ref = analyzer().polarity_scores
    texts = article_sentences + TRICKY
    for t in texts:
        assert sentiment(t) == Sentiment(**ref(straighten(t))), t
        assert sentiment(t, straighten=False) == Sentiment(**ref(t)), t
    assert len(article_sentences) >= 30


def test_straighten_is_one_for_one_and_fixes_typographic_misses():
    t = "“Azerbaijani soldiers have been killed,” it said, but it didn’t say how many."
    assert len(straighten(t)) == len(t) and straighten(t).isascii()
    assert straighten("plain ascii") == "plain ascii"
    # with curly quotes the reference misses "killed,”" and "didn’t"; straightened it finds both
    assert sentiment(t, straighten=False).compound == 0.0
    assert sentiment(t).compound < -0.05
    rules = {r.token: r.rules for r in explain(t)}
    assert "killed" in rules
    (rec,) = [r for r in explain(t) if r.token == "killed"]
    assert t[rec.start:rec.end] == "killed"


def test_analyzer_is_cached_and_is_the_reference():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    assert analyzer() is analyzer()
    assert type(analyzer()) is SentimentIntensityAnalyzer


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120))
def test_sentiment_equals_reference_on_arbitrary_text(text):
    assert sentiment(text) == Sentiment(**analyzer().polarity_scores(straighten(text)))
    assert sentiment(text, straighten=False) == Sentiment(**analyzer().polarity_scores(text))


WORDS = st.sampled_from(["good", "bad", "not", "no", "very", "VERY", "GOOD", "but", "BUT", "killed", "never",
                         "so", "this", "least", "at", "kind", "of", "sort", "the", "shit", "bomb", "without",
                         "doubt", "slightly", "hardly", "isn't", "nor", "or", "peace", "war", "!", "?", "!!",
                         ":)", "😁", "💔", "lol", "fighting", "ready", "calm", "the", "a", "we", "kiss", "death"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=14))
def test_explain_rebuilds_the_reference_compound(words):
    text = " ".join(words)
    records = explain(text)
    assert compound_from(records) == analyzer().polarity_scores(text)["compound"]
    for r in records:
        if r.kind == "word":
            assert 0 <= r.start < r.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_explain_never_fails_and_spans_slice_back(text):
    emojis = analyzer().emojis
    records = explain(text)
    assert compound_from(records) == sentiment(text).compound
    assert compound_from(explain(text, straighten=False)) == sentiment(text, straighten=False).compound
    for r in records:
        if r.kind == "word" and not any(ch in emojis for ch in text[r.start:r.end]):
            assert straighten(text[r.start:r.end]) == r.token


def test_explain_matches_reference_per_word_valence(article_sentences):
    """Each word's rule_valence equals the reference's own sentiment_valence for that token."""
    from vaderSentiment.vaderSentiment import SentiText

    an = analyzer()
    for text in article_sentences + TRICKY:
        if any(ch in an.emojis for ch in text):
            continue
        st_ = SentiText(straighten(text).strip())
        for r in explain(text):
            if r.kind != "word":
                continue
            expected = an.sentiment_valence(0, st_, r.token, r.index, [])[-1]
            assert r.rule_valence == expected, (text, r)


def test_explain_compound_on_article(article_sentences):
    for t in article_sentences + TRICKY:
        assert compound_from(explain(t)) == sentiment(t).compound, t


def _rules(text):
    return {r.token: r.rules for r in explain(text)}


def test_explain_names_the_rules():
    assert any("negation by 'not'" in x for x in _rules("it is not good")["good"])
    assert any("negation by 'no'" in x for x in _rules("no more fighting")["fighting"])
    assert any("booster 'very'" in x for x in _rules("a very good day")["good"])
    assert any("dampener 'slightly'" in x for x in _rules("a slightly good day")["good"])
    rules = _rules("the plan was good but the result was bad")
    assert "before 'but' (×0.5)" in rules["good"] and "after 'but' (×1.5)" in rules["bad"]
    assert any("ALL CAPS" in x for x in _rules("this is a GOOD day")["GOOD"])
    assert _rules("good") == {"good": ()}
    punct = [r for r in explain("good!!!") if r.kind == "punctuation"]
    assert len(punct) == 1 and punct[0].valence == pytest.approx(3 * 0.292) and punct[0].start is None
    neg_punct = [r for r in explain("bad!!") if r.kind == "punctuation"]
    assert neg_punct[0].valence == pytest.approx(-2 * 0.292)


def test_explain_lexicon_and_spans():
    text = "Armenia said the attack killed 3 soldiers."
    (rec,) = [r for r in explain(text) if r.token == "killed"]
    assert rec.lexicon == analyzer().lexicon["killed"] < 0
    assert text[rec.start:rec.end] == "killed"
    assert [r.token for r in explain("the meeting took place")] == []


def test_explain_emoji_span_points_at_the_emoji():
    text = "peace 😁"
    recs = explain(text)
    emoji_recs = [r for r in recs if r.start == 6]
    assert emoji_recs and all(text[r.start:r.end] == "😁" for r in emoji_recs)


# --- bad input -----------------------------------------------------------------------------------

def test_empty_and_whitespace_give_zeros():
    for t in ("", "   ", "\n\t"):
        assert sentiment(t) == Sentiment(0.0, 0.0, 0.0, 0.0)
        assert explain(t) == [] and compound_from(explain(t)) == 0.0


def test_non_english_is_not_measured():
    for t in ("Մենք պատրաստ ենք խաղաղության", "Biz sülhə hazırıq", "Мы готовы к миру"):
        s = sentiment(t)
        assert s.compound == 0.0 and s.neu == 1.0


def test_emoji_are_scored_through_their_descriptions():
    assert sentiment("😁").compound > 0.05
    assert sentiment("😠").compound < -0.05  # "angry face"
    # a documented quirk: "💔" becomes "broken heart", and "heart" (+3.2) outweighs "broken"
    assert sentiment("💔").compound > 0
    assert sentiment("😁") == Sentiment(**analyzer().polarity_scores("😁"))


def test_very_long_text_saturates_but_stays_in_range():
    long = "The shelling killed soldiers and wounded civilians. " * 300
    s = sentiment(long)
    assert -1.0 <= s.compound <= -0.999
    assert s == Sentiment(**analyzer().polarity_scores(long))
    assert compound_from(explain(long)) == s.compound


@pytest.mark.parametrize("bad", [None, 3.5, float("nan"), b"good", ["good"]])
def test_non_string_raises_a_newskit_error(bad):
    with pytest.raises(errors.SentimentInputError):
        sentiment(bad)
    with pytest.raises(errors.SentimentInputError):
        explain(bad)


def test_tone_thresholds():
    assert tone(0.05) == "positive" and tone(0.0499) == "neutral"
    assert tone(-0.05) == "negative" and tone(-0.0499) == "neutral" and tone(0.0) == "neutral"


# --- sentences -----------------------------------------------------------------------------------

def test_sentence_sentiments_spans_and_scores(first_article):
    text = first_article.text
    recs = sentence_sentiments(text)
    assert [r.sentence for r in recs] == list(range(len(recs)))
    for r in recs:
        assert text[r.start:r.end] == r.text
        assert r.compound == analyzer().polarity_scores(straighten(r.text))["compound"]


def test_sentiment_frame_columns(first_article):
    df = sentiment_frame([first_article])
    assert list(df.columns[:6]) == ["article_id", "sentence", "paragraph", "start", "end", "text"]
    assert set(df["tone"]) <= {"positive", "negative", "neutral"}
    assert len(df) == len(sentences(first_article.text))


# --- quotes --------------------------------------------------------------------------------------

def _quote_rows(article, phrases, **extra):
    """Build quotes_frame-shaped rows by locating phrases in the article (computed, not typed offsets)."""
    rows = []
    for phrase, speaker, side, typ in phrases:
        start = article.text.index(phrase)
        rows.append({"article_id": article.id, "kind": "direct", "text": phrase, "speaker": speaker,
                     "canonical_speaker": speaker, "role": None, "type": typ, "side": side, "verb": "said",
                     "start": start, "end": start + len(phrase), "speaker_start": None, "speaker_end": None,
                     "paragraph": None, "sentence": None, "rule": "test", **extra})
    return pd.DataFrame(rows)


PHRASES = [
    ("Armenia’s armed forces have responded in a fair way,", "Armenia’s defence ministry", "Armenia", "official"),
    ("Azerbaijani soldiers have been killed,", "Azerbaijan’s defence ministry", "Azerbaijan", "official"),
    ("We want there to be no more fighting in the military right away.", "Antony Blinken", "United States",
     "official"),
    ("ready to make efforts to stop further escalation", "Charles Michel", "European Union", "official"),
    ("peace and stability in the region are the only options.", "Charles Michel", "European Union", "official"),
    ("intensive shelling", "Armenia’s defence ministry", "Armenia", "official"),
]


@pytest.fixture(scope="module")
def scored(first_article):
    return score_quotes(_quote_rows(first_article, PHRASES), [first_article])


def test_score_quotes_scores_alone_and_in_context(scored, first_article):
    text = first_article.text
    sents = sentence_sentiments(text)
    for row in scored.itertuples():
        assert row.compound == analyzer().polarity_scores(straighten(row.text))["compound"]
        assert row.tone == tone(row.compound)
        ctx = text[row.context_start:row.context_end]
        assert row.text in ctx
        assert row.context_compound == analyzer().polarity_scores(straighten(ctx))["compound"]
        assert any(s.start == row.context_start for s in sents)
    baseline = round(sum(s.compound for s in sents) / len(sents), 4)
    assert (scored["article_baseline"] == baseline).all()
    assert np.allclose(scored["relative_compound"], (scored["compound"] - baseline).round(4))
    # "killed" is negative whoever says it
    killed = scored[scored["text"].str.contains("killed")].iloc[0]
    assert killed.compound < -0.05


def test_score_quotes_multi_sentence_quote_takes_all_its_sentences(first_article):
    text = first_article.text
    a = text.index("“We have been clear")
    b = text.index("right away.") + len("right away.")
    df = pd.DataFrame([{"article_id": first_article.id, "text": text[a:b], "start": a, "end": b}])
    out = score_quotes(df, [first_article])
    overlapping = [s for s in sentences(text) if s.start < b and a < s.end]
    assert len(overlapping) >= 2
    assert out["context_start"].iloc[0] == overlapping[0].start
    assert out["context_end"].iloc[0] == overlapping[-1].end


def test_score_quotes_bad_input(first_article):
    df = pd.DataFrame([{"article_id": "nope", "text": "good", "start": 0, "end": 4}])
    with pytest.raises(errors.SentimentInputError, match="not in the corpus"):
        score_quotes(df, [first_article])
    df = pd.DataFrame([{"article_id": first_article.id, "text": None, "start": 0, "end": 4}])
    with pytest.raises(errors.SentimentInputError, match="no text"):
        score_quotes(df, [first_article])
    # no span → scored alone, no context (defined: NaN / <NA>), no crash
    df = pd.DataFrame([{"article_id": first_article.id, "text": "good", "start": None, "end": None}])
    out = score_quotes(df, [first_article])
    assert out["compound"].iloc[0] == 0.4404 and math.isnan(out["context_compound"].iloc[0])
    empty = score_quotes(df.iloc[:0], [first_article])
    assert empty.empty and "compound" in empty.columns
    with pytest.raises(errors.SentimentInputError, match="lacks column"):
        score_quotes(df.drop(columns=["start"]), [first_article])


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_score_quotes_context_contains_any_span(first_article, data):
    text = first_article.text
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, min(len(text), start + 400)))
    df = pd.DataFrame([{"article_id": first_article.id, "text": text[start:end], "start": start, "end": end}])
    row = score_quotes(df, [first_article]).iloc[0]
    assert row.compound == sentiment(text[start:end]).compound
    if pd.notna(row.context_start):  # a span made only of blank lines between paragraphs has no sentence
        assert row.context_start <= start + len(text[start:end]) - len(text[start:end].lstrip())
        assert row.context_compound == sentiment(text[row.context_start:row.context_end]).compound


def test_nested_partial_quotes_counted_once(first_article):
    text = first_article.text
    outer = "the EU was “ready to make efforts to stop further escalation”"
    inner = "ready to make efforts to stop further escalation"
    o = text.index(outer)
    i = text.index(inner, o)
    df = pd.DataFrame([
        {"article_id": first_article.id, "text": outer, "start": o, "end": o + len(outer), "side": "European Union"},
        {"article_id": first_article.id, "text": inner, "start": i, "end": i + len(inner), "side": "European Union"},
    ])
    out = score_quotes(df, [first_article])
    assert list(out["nested"]) == [False, True]
    assert sentiment_by_source(out, by="side").n[0] == 1
    assert sentiment_by_source(out, by="side", include_nested=True).n[0] == 2


# --- aggregation ---------------------------------------------------------------------------------

def _frame(values_by_group, col="side"):
    rows = [{"article_id": "a", col: g, "compound": v} for g, vs in values_by_group.items() for v in vs]
    return pd.DataFrame(rows)


def test_by_source_statistics_and_flags():
    df = _frame({"Armenia": [0.5, -0.5, 0.1, -0.2], "Azerbaijan": [-0.6, -0.7], "Russia": [0.3]})
    out = sentiment_by_source(df, by="side", seed=1)
    assert list(out.columns) == list(AGG_COLUMNS)
    assert list(out["group"]) == ["Armenia", "Azerbaijan", "Russia"]  # n desc, then name
    arm = out.set_index("group").loc["Armenia"]
    assert arm.n == 4 and arm.mean_compound == pytest.approx(-0.025)
    assert arm.ci_low <= arm.mean_compound <= arm.ci_high
    assert -0.5 <= arm.ci_low and arm.ci_high <= 0.5
    assert arm.share_positive == 0.5 and arm.share_negative == 0.5 and not arm.low_n
    aze = out.set_index("group").loc["Azerbaijan"]
    assert aze.low_n and aze.share_negative == 1.0 and -0.7 <= aze.ci_low <= aze.ci_high <= -0.6
    rus = out.set_index("group").loc["Russia"]
    assert rus.low_n and rus.n == 1 and math.isnan(rus.ci_low) and math.isnan(rus.ci_high)


def test_by_source_is_deterministic_and_groups_are_independent():
    rng = np.random.default_rng(7)
    df = _frame({"Armenia": list(rng.uniform(-1, 1, 12).round(4)), "Azerbaijan": list(rng.uniform(-1, 1, 9))})
    a = sentiment_by_source(df, by="side", seed=3)
    b = sentiment_by_source(df, by="side", seed=3)
    pd.testing.assert_frame_equal(a, b)
    c = sentiment_by_source(df, by="side", seed=4)
    assert not a.equals(c)
    only = sentiment_by_source(df[df["side"] == "Armenia"], by="side", seed=3)
    pd.testing.assert_frame_equal(only.iloc[[0]], a[a["group"] == "Armenia"].reset_index(drop=True))


def test_bootstrap_interval_covers_true_mean_in_simulation():
    """With n=30 from a known distribution, the 95% interval covers the true mean most of the time."""
    rng = np.random.default_rng(11)
    hits = 0
    for k in range(60):
        vals = rng.normal(0.2, 0.3, 30)
        out = sentiment_by_source(_frame({"x": list(vals)}), by="side", seed=k, n_boot=500)
        hits += out.ci_low[0] <= 0.2 <= out.ci_high[0]
    assert hits >= 50  # expected ≈ 56 of 60


def test_by_speaker_falls_back_to_speaker_then_unattributed():
    df = pd.DataFrame({"article_id": ["a"] * 4, "canonical_speaker": ["Nikol Pashinyan", None, None, ""],
                       "speaker": ["Pashinyan", "a source", None, None], "compound": [0.1, 0.2, 0.3, 0.4]})
    groups = set(sentiment_by_source(df, by="speaker")["group"])
    assert groups == {"Nikol Pashinyan", "a source", "(unattributed)"}
    out = sentiment_by_source(df, by="article")
    assert list(out["group"]) == ["a"] and out.n[0] == 4
    out = sentiment_by_source(df, by="type")
    assert list(out["group"]) == ["unknown"]


def test_by_source_bad_input_and_empty():
    df = _frame({"x": [0.1]})
    with pytest.raises(errors.SentimentInputError, match="cannot group by"):
        sentiment_by_source(df, by="colour")
    with pytest.raises(errors.SentimentInputError, match="no 'context_compound'"):
        sentiment_by_source(df, by="side", score="context_compound")
    empty = sentiment_by_source(df.iloc[:0], by="side")
    assert empty.empty and list(empty.columns) == list(AGG_COLUMNS)


def test_by_source_on_scored_quotes(scored):
    out = sentiment_by_source(scored, by="side")
    eu = out.set_index("group").loc["European Union"]
    assert eu.n == 2 and eu.low_n
    assert out["n"].sum() == len(scored)
    rel = sentiment_by_source(scored, by="side", score="relative_compound")
    assert not rel["mean_compound"].equals(out["mean_compound"])


# --- NLTK's port ---------------------------------------------------------------------------------

def test_nltk_port_differs_on_no_negation():
    t = "We want there to be no more fighting in the military right away."
    assert sentiment(t).compound > 0 > nltk_polarity(t).compound
    df = compare_nltk(["good", t])
    assert list(df.columns) == ["text", "reference", "nltk", "difference"]
    assert df.difference[0] == 0 and df.difference[1] < 0


def test_nltk_drops_one_letter_tokens_reference_keeps_them():
    # "I" is not in the lexicon but counts as a neutral token in the reference's neu share
    t = "I am happy"
    assert sentiment(t) != nltk_polarity(t) or sentiment(t).neu == nltk_polarity(t).neu


# --- plots ---------------------------------------------------------------------------------------

def _svg(fig):
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "newskit"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def test_plots_return_deterministic_figures(scored):
    agg = sentiment_by_source(scored, by="side")
    f1 = plots.sentiment_intervals(agg, baseline=float(scored["article_baseline"].iloc[0]))
    f2 = plots.sentiment_intervals(agg, baseline=float(scored["article_baseline"].iloc[0]))
    assert isinstance(f1, Figure) and len(f1.axes) == 1
    assert _svg(f1) == _svg(f2)
    labels = [t.get_text() for t in f1.axes[0].get_yticklabels()]
    assert len(labels) == len(agg) and any("n<3" in x for x in labels)
    d1 = plots.sentiment_distribution(scored)
    assert isinstance(d1, Figure) and _svg(d1) == _svg(plots.sentiment_distribution(scored))
    assert isinstance(plots.sentiment_distribution(scored.iloc[:0]), Figure)
    assert isinstance(plots.sentiment_intervals(agg.iloc[:0]), Figure)


# --- command line --------------------------------------------------------------------------------

def test_cli_rejects_unknown_grouping():
    res = run_cli("sentiment", str(MANIFEST), "--by", "colour")
    assert res.returncode == 2 and "invalid choice" in res.stderr


def test_cli_missing_file_is_one_line():
    res = run_cli("sentiment", "no/such/file.txt", "--format", "jsonl")
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and res.stdout == ""


def test_cli_article_without_quotes_gives_no_rows(tmp_path):
    art = tmp_path / "quiet.txt"
    art.write_text("Example Post\n\nA quiet day\n\nThe market opened at nine. Prices were stable.\n",
                   encoding="utf-8")
    res = run_cli("sentiment", str(art), "--format", "jsonl")
    assert res.returncode == 0 and res.stdout == "", res.stderr
    res = run_cli("sentiment", str(art), "--format", "table")
    assert res.returncode == 0 and res.stdout == "(no rows)\n"


def test_cli_sentiment_end_to_end_on_the_article():
    res = run_cli("sentiment", str(MANIFEST), "--by", "side", "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows, "no groups"
    for row in rows:
        assert set(AGG_COLUMNS) <= set(row)
        if row["n"] == 1:
            assert row["ci_low"] is None and row["ci_high"] is None and row["low_n"] is True
        elif row["n"] >= 2:
            assert row["ci_low"] <= row["mean_compound"] <= row["ci_high"]
    again = run_cli("sentiment", str(MANIFEST), "--by", "side", "--format", "jsonl")
    assert again.stdout == res.stdout
    # the same numbers as the library computes
    from newskit.corpus import load_corpus
    from newskit.quotes import quotes_frame

    arts = load_corpus(MANIFEST)
    expect = sentiment_by_source(score_quotes(quotes_frame(arts), arts), by="side")
    assert [r["group"] for r in rows] == list(expect["group"])
    assert [r["n"] for r in rows] == list(expect["n"])
    for by in ("speaker", "type", "article"):
        r = run_cli("sentiment", str(MANIFEST), "--by", by, "--format", "csv")
        assert r.returncode == 0, r.stderr
        head = r.stdout.splitlines()[0].split(",")
        assert head[:len(AGG_COLUMNS)] == list(AGG_COLUMNS)
        assert len(r.stdout.splitlines()) == 1 + len(sentiment_by_source(
            score_quotes(quotes_frame(arts), arts), by=by))
    r = run_cli("sentiment", str(MANIFEST), "--by", "side", "--score", "relative", "--format", "table")
    assert r.returncode == 0 and "mean_compound" in r.stdout.splitlines()[0], r.stderr
