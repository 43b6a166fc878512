"""Boilerplate removal: the first article and fixtures mimicking other sites' furniture."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newskit.clean import clean_text, fold, subheads
from conftest import FIXTURES, RAW


def _clean(name: str):
    return clean_text((FIXTURES / "clean" / name).read_bytes().decode("utf-8"))


def test_first_article():
    raw = RAW.read_text(encoding="utf-8")
    c = clean_text(raw)
    assert c.site == "Global News"
    assert c.title == "Russia And Armenia Agree To Take “Joint Steps To Stabilise” Border"
    assert len(c.highlights) == 2 and c.highlights[0].startswith("The Armenian enclave")
    reasons = {r.text: r.reason for r in c.removed}
    assert reasons["Story Highlights"] == "highlights label"
    assert reasons["Global News"] == "site name"
    for furniture in ("Facebook Comments", "Related Articles", "Back to top button", "Adblock Detected"):
        assert furniture in reasons and furniture not in c.text
    assert "ad blocker" not in c.text
    # every body paragraph of the source is kept, once, in order, untouched
    blocks = [b.strip() for b in raw.split("\n\n")]
    body = c.text.split("\n\n")
    assert len(body) == 26
    positions = [blocks.index(p) for p in body]
    assert positions == sorted(positions)
    # the highlights repeat body paragraphs but are not in the body twice
    for h in c.highlights:
        assert sum(fold(p) == fold(h) for p in body) == 1
    assert subheads(c.text) == ["‘No military solution’"]


def test_wire_story_furniture():
    c = _clean("wire_story.txt")
    assert c.title == "Ceasefire talks resume as shelling eases"
    assert c.site == "THE DAILY COURIER"
    assert c.text.split("\n\n") == [
        "Negotiators from both countries met again on Wednesday, officials said, after a night without "
        "reported shelling.",
        "“We are cautiously optimistic,” a spokesperson for the foreign ministry said.",
        "The talks are expected to last two days.",
    ]
    reasons = {r.reason for r in c.removed}
    assert {"byline", "dateline", "reading time", "share buttons", "photo credit", "advertisement",
            "read more", "newsletter prompt", "related links", "copyright", "section label"} <= reasons
    assert not any("Armenia says soldiers killed" in p for p in c.text.split("\n\n"))


def test_blog_post_highlights_cookies_tags_comments():
    c = _clean("blog_post.txt")
    assert c.title == "Leaders meet in Brussels again"
    assert c.highlights == ("Talks resumed in Brussels on Monday.", "Both leaders agreed to meet again.")
    assert "cookies" not in c.text and "Tags" not in c.text and "Leave a Reply" not in c.text
    assert c.text.endswith("The next meeting is planned for November.")
    assert {"cookie notice", "photo credit", "tags", "comments section"} <= {r.reason for r in c.removed}


def test_crlf_and_no_site_line():
    c = _clean("crlf.txt")
    assert c.title == "Talks resume" and c.site == ""
    assert "\r" not in c.text
    assert c.text == "The two delegations met in Geneva on Thursday, a spokesman said.\n\nMore talks are planned."


def test_header_false_keeps_first_line():
    c = clean_text("Short line\n\nA sentence that is prose.", header=False)
    assert c.title == "" and c.text.startswith("Short line")


def test_repeated_paragraph_removed_once():
    para = "Officials said the ceasefire had been broken within minutes by heavy shelling."
    c = clean_text(f"Title here\n\n{para}\n\nAnother line of prose follows here.\n\n{para}")
    assert c.text.count(para) == 1
    assert [r.reason for r in c.removed].count("repeated paragraph") == 1


def test_fold():
    assert fold("The “Big”  Deal’s\nend") == fold('the "big" deal\'s end')


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=80), max_size=12))
def test_body_paragraphs_come_from_the_source(blocks):
    raw = "\n\n".join(blocks)
    c = clean_text(raw)
    normalised = raw.replace("\r\n", "\n").replace("\r", "\n")
    for para in c.text.split("\n\n"):
        if para:
            assert para in normalised
