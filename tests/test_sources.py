"""Tests for newskit.sources: speaker resolution, actor table, share of voice."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newskit import errors, load_corpus
from newskit.quotes import extract_quotes, nested_quotes, quotes_frame
from newskit.sources import (
    SOURCE_TYPES, load_actors, member_of, resolve, resolve_speaker, share_of_voice, unknown_speakers, wilson_interval,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def table():
    return load_actors()


@pytest.fixture(scope="module")
def frame():
    return quotes_frame(load_corpus(ROOT / "data" / "corpus.csv"))


def test_actor_table_loads_and_types_are_known(table):
    assert table and all(a.type in SOURCE_TYPES for a in table.values())
    assert table["antony blinken"].side == "United States"


@pytest.mark.parametrize("speaker,referent,canonical,typ,side", [
    ("US Secretary of State Antony Blinken", None, "Antony Blinken", "person", "United States"),
    ("Michel", "EU President Charles Michel", "Charles Michel", "person", "European Union"),
    ("Michel", None, "Charles Michel", "person", "European Union"),
    ("Armenia’s defence ministry", None, "Armenian Ministry of Defence", "government", "Armenia"),
    ("Armenia's defence ministry", None, "Armenian Ministry of Defence", "government", "Armenia"),
    ("The Armenian government", None, "Government of Armenia", "government", "Armenia"),
    ("it", "Azerbaijan’s defence ministry", "Azerbaijani Ministry of Defence", "government", "Azerbaijan"),
    ("Each side", None, "both sides", "collective", "multiple"),
    ("Azerbaijani media", None, "Azerbaijani media", "media", "Azerbaijan"),
    ("a source who asked not to be named", None, "anonymous source", "anonymous", "unknown"),
])
def test_resolve_known(table, speaker, referent, canonical, typ, side):
    actor = resolve_speaker(speaker, referent, table)
    assert (actor.canonical, actor.type, actor.side) == (canonical, typ, side)


def test_joint_speakers(table):
    actor = resolve_speaker("Azerbaijani President Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan", None, table)
    assert actor.canonical == "Ilham Aliyev & Nikol Pashinyan" and actor.type == "person" and actor.side == "multiple"
    actor = resolve_speaker("both Armenia and Azerbaijan", None, table)
    assert actor.canonical == "Armenia & Azerbaijan" and actor.side == "multiple"


@pytest.mark.parametrize("speaker,canonical,typ", [
    ("Colonel Yuri Stas", "Yuri Stas", "person"),
    ("Opposition leader Tomas Grell", "Tomas Grell", "person"),
    # one name per source: no leading determiner or count, a common noun that opened the
    # sentence lower-cased, rank words kept before a role ("senior") and dropped before a name
    ("A senior Valdorian official", "senior Valdorian official", "anonymous"),
    ("One senior Halvorian diplomat", "senior Halvorian diplomat", "unknown"),
    ("former President Ilian Dorsk", "Ilian Dorsk", "person"),
    ("Regional Monitoring Mission", "Regional Monitoring Mission", "unknown"),
    ("Corvenia's State Border Guard Service", "Corvenia's State Border Guard Service", "unknown"),
    # the relative clause says why the source is anonymous (the type); it is not part of the name
    ("Officials who spoke on condition of anonymity", "officials", "anonymous"),
    ("A Velmoran sergeant who asked not to be named", "Velmoran sergeant", "anonymous"),
    # nor is a reduced relative after a person noun ("figures compiled by …" keeps its source)
    ("two Western diplomats briefed on the talks", "Western diplomats", "anonymous"),
    ("Residents of Ostrel reached by telephone", "residents of Ostrel", "collective"),
    ("figures compiled by the mission", "figures compiled by the mission", "unknown"),
    ("Nadia Ferrow of the Ostrel daily Lakeside Post", "Nadia Ferrow", "person"),
    ("Dr. Emil Sarkany", "Emil Sarkany", "person"),
    ("military prosecutor Dana Krell", "Dana Krell", "person"),  # a role word, then the name
    ("Federation president Rudi Kallas", "Rudi Kallas", "person"),
    ("Armenian Ministry of Defence", "Armenian Ministry of Defence", "government"),
    ("the Valdorian army", "Valdorian army", "military"),
    ("the Swiss foreign ministry", "Swiss foreign ministry", "government"),
    ("Radio Kessel newspaper", "Radio Kessel newspaper", "media"),
    # a capitalised portfolio before the title: the name alone
    ("Finance Minister Mirela Dan", "Mirela Dan", "person"),
    ("Attorney General Jan Molt", "Jan Molt", "person"),
    # a role for an organisation reads as the organisation's role; a title is stripped only before a name
    ("A spokesman for the Civic Front", "Civic Front spokesman", "person"),
    # an "of" inside a name that opens with a demonym, not a person "of" a workplace
    ("The Sorbian Chamber of Agricultural Traders", "Sorbian Chamber of Agricultural Traders", "unknown"),
    ("Ivan Petrov of Gazprom", "Ivan Petrov", "person"),
])
def test_unknown_speakers_are_guessed_not_dropped(speaker, canonical, typ):
    actor = resolve_speaker(speaker, None, {})
    assert (actor.canonical, actor.type, actor.side, actor.known) == (canonical, typ, "unknown", False)


@pytest.mark.parametrize("group,member", [
    ("two Western diplomats briefed on the talks", "Western diplomat"),
    ("Several witnesses", "witness"),
    ("opposition deputies", "opposition deputy"),
    ("two people familiar with the talks", "person familiar with the talks"),
    ("the ministry", None),
])
def test_member_of_a_group(group, member):
    assert member_of(group) == member


def test_pronoun_without_referent_stays_unknown(table):
    assert resolve_speaker("he", None, table) is None
    (q,) = resolve(extract_quotes("“We will stay,” he said."), table)
    assert q.speaker == "he" and q.canonical_speaker is None and q.type == "unknown" and q.side == "unknown"


def test_resolve_keeps_spans(table):
    text = "“We will stay,” said Antony Blinken."
    (q,) = resolve(extract_quotes(text), table)
    assert q.canonical_speaker == "Antony Blinken" and text[q.start:q.end] == q.text


def test_bad_actor_table(tmp_path):
    bad = tmp_path / "actors.csv"
    bad.write_text("alias,canonical\nA,B\n", encoding="utf-8")
    with pytest.raises(errors.ActorTableError):
        load_actors(bad)
    bad.write_text("alias,canonical,role,type,side\nA,B,,wizard,x\n", encoding="utf-8")
    with pytest.raises(errors.ActorTableError, match="wizard"):
        load_actors(bad)
    with pytest.raises(errors.InputNotFound):
        load_actors(tmp_path / "missing.csv")


def test_custom_actor_table(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text("alias,canonical,role,type,side\nthe minister,Ana Velt,minister,person,Valdoria\n", encoding="utf-8")
    (q,) = resolve(extract_quotes("“We will stay,” the minister said."), path)
    assert (q.canonical_speaker, q.side) == ("Ana Velt", "Valdoria")


# --- share of voice ----------------------------------------------------------------------------------

def test_share_of_voice_by_side(frame):
    sov = share_of_voice(frame, by="side")
    assert list(sov.columns) == ["side", "quotes", "quote_share", "ci_low", "ci_high", "words", "word_share"]
    counted = frame[[not x for x in nested_quotes(frame)]]
    assert 0 < len(counted) < len(frame)  # partial quotes inside reported clauses are counted once
    assert sov["quotes"].sum() == len(counted)
    assert math.isclose(sov["quote_share"].sum(), 1.0) and math.isclose(sov["word_share"].sum(), 1.0)
    assert sov["words"].sum() == counted["words"].sum()
    everything = share_of_voice(frame, by="side", include_nested=True)
    assert everything["quotes"].sum() == len(frame) and everything["words"].sum() == frame["words"].sum()
    assert (sov["ci_low"] <= sov["quote_share"]).all() and (sov["quote_share"] <= sov["ci_high"]).all()
    assert sov.iloc[0]["side"] == "Armenia"  # the most quoted side in the first article
    assert list(sov["quotes"]) == sorted(sov["quotes"], reverse=True)


def test_share_of_voice_by_type_and_speaker(frame):
    by_type = share_of_voice(frame, by="type")
    assert set(by_type["type"]) <= set(SOURCE_TYPES)
    by_speaker = share_of_voice(frame, by="speaker")
    assert "Antony Blinken" in set(by_speaker["speaker"])
    direct = share_of_voice(frame, by="speaker", kinds=["direct"], include_nested=True)
    assert direct["quotes"].sum() == (frame["kind"] == "direct").sum()


def test_share_of_voice_counts_by_hand():
    df = pd.DataFrame({"kind": ["direct", "direct", "reported"], "text": ["a b", "c", "d e f"],
                       "speaker": ["X", "Y", None], "canonical_speaker": ["X", "Y", None],
                       "side": ["A", "A", None], "type": ["person", "person", None], "words": [2, 1, 3]})
    sov = share_of_voice(df, by="side")
    assert sov.to_dict("list")["side"] == ["A", "unknown"]
    assert sov.to_dict("list")["quotes"] == [2, 1] and sov.to_dict("list")["words"] == [3, 3]
    assert sov["quote_share"].round(4).tolist() == [0.6667, 0.3333]


def test_nested_quotes():
    df = pd.DataFrame({"article_id": ["a", "a", "a", "a", "b", "b"],
                       "start": [10, 20, 10, 50, 20, None], "end": [90, 30, 90, 95, 30, None]})
    # inside a larger span of its article; identical spans do not nest; other articles do not count
    assert nested_quotes(df) == [False, True, False, False, False, False]
    assert nested_quotes(pd.DataFrame({"text": ["x"]})) == [False]


def test_share_of_voice_empty_and_bad_option(frame):
    assert share_of_voice(frame.iloc[0:0]).empty
    with pytest.raises(errors.InvalidOption):
        share_of_voice(frame, by="colour")


def test_unknown_speakers_lists_what_the_table_lacks(table):
    df = quotes_frame([])
    assert unknown_speakers(df, table).empty
    from newskit import load_article
    art = load_article(ROOT / "tests" / "fixtures" / "quotes" / "pronoun_chains.txt")
    unk = unknown_speakers(quotes_frame([art]), table)
    assert "Colonel Hanna Berg" in set(unk["speaker"]) and (unk["quotes"] > 0).all()


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 500), st.integers(0, 500))
def test_wilson_interval_property(k, extra):
    n = k + extra
    lo, hi = wilson_interval(k, n)
    assert 0.0 <= lo <= hi <= 1.0
    if n:
        assert lo <= k / n + 1e-12 and k / n <= hi + 1e-12


@pytest.mark.parametrize("speaker,canonical", [
    ("The daily Korvan Herald", "Korvan Herald"),  # a lower-case descriptor before the name
    ("two people familiar with the negotiations", "people familiar with the negotiations"),  # no count
    ("Father Anselm Drey", "Anselm Drey"),
])
def test_canonical_names_drop_descriptors_and_counts(speaker, canonical):
    assert resolve_speaker(speaker, None, {}).canonical == canonical
