"""Tests for newskit.evaluate (quote evaluation against hand annotations) and `newskit evaluate`."""

from __future__ import annotations

import glob
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newskit import errors, load_article, load_corpus
from newskit.evaluate import evaluate_quotes, load_annotations, match_spans, overlap, same_mention, same_speaker
from newskit.quotes import Quote, QuoteKind

ROOT = Path(__file__).resolve().parents[1]
ANN = ROOT / "data" / "annotations" / "quotes"


@pytest.fixture(scope="module")
def articles():
    arts = load_corpus(ROOT / "data" / "corpus.csv")
    fx = [load_article(f) for f in sorted(glob.glob(str(ROOT / "tests" / "fixtures" / "quotes" / "*.txt")))]
    return arts, fx


def test_overlap_is_relative_to_the_annotation():
    assert overlap((0, 10), (0, 10)) == 1.0
    assert overlap((0, 100), (10, 20)) == 1.0  # a long prediction covering the annotation
    assert overlap((10, 15), (10, 20)) == 0.5
    assert overlap((0, 5), (10, 20)) == 0.0


def test_matching_is_one_to_one_and_prefers_the_closer_span():
    gold = [(0, 100, "reported"), (40, 60, "partial")]
    pred = [(40, 60, "partial"), (0, 100, "reported")]
    assert match_spans(pred, gold, 0.8) == [(1, 0, 1.0), (0, 1, 1.0)]
    assert match_spans([(0, 100, "reported")], gold, 0.8) == [(0, 0, 1.0)]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 30)), max_size=6),
       st.lists(st.tuples(st.integers(0, 50), st.integers(1, 30)), max_size=6), st.floats(0.05, 1.0))
def test_matching_property(p, g, th):
    pred = [(a, a + n, "direct") for a, n in p]
    gold = [(a, a + n, "direct") for a, n in g]
    m = match_spans(pred, gold, th)
    assert len({i for i, _, _ in m}) == len(m) == len({j for _, j, _ in m})
    assert all(ov >= th and ov == overlap(pred[i][:2], gold[j][:2]) for i, j, ov in m)


def test_same_speaker_normalises():
    assert same_speaker("The Karabakh army", "Karabakh army")
    assert same_speaker("Ostrava’s government", "Ostrava's government")
    assert same_speaker(None, None) and not same_speaker("A", None)
    assert same_speaker("Velmora’s defence ministry", "defence ministry of Velmora")
    assert not same_speaker("Velmora’s defence ministry", "defence ministry of Dastria")
    # three annotators, three spellings of one state body
    assert same_speaker("Dravenia’s interior ministry", "Dravenian interior ministry")
    assert same_speaker("Drenskan defence ministry", "defence ministry of Drenska")
    assert same_speaker("Ormundi health ministry", "Ormund health ministry")
    assert not same_speaker("Kessanian foreign ministry", "foreign ministry of Taravia")
    # a name that itself ends like a demonym: the endings go until none is left
    assert same_speaker("Quellan’s foreign ministry", "Quellani foreign ministry")
    assert same_speaker("Kastrany's defence ministry", "Kastrani defence ministry")
    assert same_speaker("Hungary's foreign ministry", "Hungarian foreign ministry")
    assert not same_speaker("Saravel's foreign ministry", "Oskarian foreign ministry")
    assert not same_speaker("defence ministry", "interior ministry")
    assert not same_speaker("Ivan Petrov", "Ivana Petrov")  # people are never stemmed


def test_same_mention_is_the_gender_gap_trackers_span_overlap():
    assert same_mention((10, 12), (10, 12))  # "he" marked and "he" predicted
    assert same_mention((0, 30), (20, 34))  # a longer span with the title still shares characters
    assert not same_mention((0, 10), (10, 20))  # touching is not sharing
    # no speaker written: only a floating prediction (a follow-on quote given the last speaker) matches
    assert same_mention((3, 8), (None, None), floating=True)
    assert not same_mention((None, None), (None, None)) and not same_mention((3, 8), (None, None))
    assert not same_mention((None, None), (3, 8)) and not same_mention((3, 8), (20, 22), floating=True)


def test_mention_accuracy_counts_spans_not_names(articles):
    """A quote attributed to the right mention but resolved to the wrong name is a mention hit
    and a canonical miss; an unattributed quote is neither."""
    art = articles[0][0]
    gold = [g for g in load_annotations(ANN, [art])[art.id] if g["speaker_start"] is not None][0]
    right_span = Quote(QuoteKind(gold["kind"]), gold["text"], gold["start"], gold["end"], gold["speaker"],
                       gold["speaker_start"], gold["speaker_end"], None, "none", 0, 0, canonical_speaker="Nobody")
    s = evaluate_quotes([art], extract=lambda a: [right_span]).scores.set_index(["scope", "threshold"])
    assert s.loc[("all", 0.8), "speaker_mention_accuracy"] == 1.0 and s.loc[("all", 0.8), "speaker_accuracy"] == 0.0
    unattributed = Quote(QuoteKind(gold["kind"]), gold["text"], gold["start"], gold["end"], None, None, None,
                         None, "none", 0, 0)
    s = evaluate_quotes([art], extract=lambda a: [unattributed]).scores.set_index(["scope", "threshold"])
    assert s.loc[("all", 0.8), "speaker_mention_accuracy"] == 0.0


def test_annotation_files_fit_their_articles(articles):
    arts, fx = articles
    ann = load_annotations(ANN, arts + fx)
    assert set(ann) == {a.id for a in arts + fx}
    assert len(ann["000_8cfc11e6a8a8e6fd"]) == 33
    for rows in ann.values():
        assert all(r["kind"] in ("direct", "partial", "reported") for r in rows)


def test_targets_met(articles):
    arts, fx = articles
    groups = {a.id: "corpus" for a in arts} | {a.id: "fixtures" for a in fx}
    ev = evaluate_quotes(arts + fx, groups=groups)
    s = ev.scores.set_index(["scope", "threshold"])
    for scope in ("corpus", "fixtures", "all"):
        assert s.loc[(scope, 0.8), "f1"] >= 0.90
        assert s.loc[(scope, 0.8), "speaker_accuracy"] >= 0.90
    assert s.loc[("all", 0.3), "f1"] >= s.loc[("all", 0.8), "f1"]
    assert set(ev.details["status"]) <= {"hit", "wrong speaker", "missed", "extra"}
    assert ev.skipped == ()


def test_blind_sets_load_and_keep_their_level():
    """The blind sets (data/annotations/quotes/README.md): every annotation fits its article,
    and the scores do not fall below what they are now.  These floors guard against
    regressions (canonical speaker accuracy pooled here is 0.858; on the never-tuned pair
    blind16 + blind17 it is 0.812, the GenderGapTracker's mention measure 0.977)."""
    blind = [load_article(f) for f in sorted(glob.glob(str(ROOT / "tests" / "fixtures" / "quotes_blind" / "*.txt")))]
    assert len(blind) == 55
    ann = load_annotations(ANN, blind)
    assert set(ann) == {a.id for a in blind} and sum(len(v) for v in ann.values()) == 1527
    s = evaluate_quotes(blind).scores.set_index(["scope", "threshold"])
    assert s.loc[("all", 0.8), "f1"] >= 0.96
    assert s.loc[("all", 0.8), "speaker_accuracy"] >= 0.85
    assert s.loc[("all", 0.8), "speaker_mention_accuracy"] >= 0.95


def test_evaluation_counts_misses_and_extras(articles):
    arts, _ = articles
    art = arts[0]
    nothing = evaluate_quotes([art], extract=lambda a: [])
    row = nothing.scores[(nothing.scores.scope == "all") & (nothing.scores.threshold == 0.8)].iloc[0]
    assert (row.matched, row.recall, row.f1) == (0, 0.0, 0.0)
    assert (nothing.details["status"] == "missed").sum() == 33
    bogus = Quote(QuoteKind.DIRECT, art.text[:5], 0, 5, None, None, None, None, "none", 0, 0)
    extra = evaluate_quotes([art], extract=lambda a: [bogus])
    assert (extra.details["status"] == "extra").sum() == 1


def test_articles_without_annotations_are_skipped(tmp_path):
    f = tmp_path / "new_article.txt"
    f.write_text("Title here\n\n“We will stay,” she said.\n", encoding="utf-8")
    ev = evaluate_quotes([load_article(f)])
    assert ev.skipped == ("new_article",) and (ev.scores["annotated"] == 0).all()


@pytest.mark.parametrize("line,message", [
    ("not json", "not JSON"),
    ('{"kind": "direct"}', "missing field"),
    ('{"kind": "shout", "start": 0, "end": 3, "text": "abc", "speaker": null, "canonical": null}', "kind"),
    ('{"kind": "direct", "start": 5, "end": 3, "text": "abc", "speaker": null, "canonical": null}', "start"),
    ('{"kind": "direct", "start": 0, "end": 3, "text": "zzz", "speaker": null, "canonical": null}', "does not hold"),
])
def test_bad_annotation_files(tmp_path, articles, line, message):
    art = articles[0][0]
    (tmp_path / f"{art.id}.jsonl").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(errors.AnnotationError, match=message):
        load_annotations(tmp_path, [art])


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "newskit.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def test_cli_evaluate_prints_both_thresholds():
    r = run_cli("evaluate", "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    alls = {row["threshold"]: row for row in rows if row["scope"] == "all"}
    assert set(alls) == {0.3, 0.8}
    assert {"precision", "recall", "f1", "speaker_accuracy", "speaker_mention_accuracy"} <= set(alls[0.8])


def test_cli_evaluate_details_and_bad_folder(tmp_path):
    r = run_cli("evaluate", "data/corpus.csv", "--details", "--format", "csv")
    assert r.returncode == 0 and r.stdout.startswith("article_id,status,")
    r = run_cli("evaluate", "data/corpus.csv", "--annotations", str(tmp_path / "nope"))
    assert r.returncode == 2 and "no such annotation folder" in r.stderr


def test_cli_evaluate_one_row_per_scope_for_single_files():
    # a file given on its own is its own scope, not also a group of the same name
    r = run_cli("evaluate", "tests/fixtures/quotes/pronoun_chains.txt", "tests/fixtures/quotes/unbalanced.txt",
                "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    keys = [(row["scope"], row["threshold"]) for row in map(json.loads, r.stdout.splitlines())]
    assert len(keys) == len(set(keys)) == 6
