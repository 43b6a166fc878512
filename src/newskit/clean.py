"""Boilerplate removal for scraped news articles (plain text).

A page scraped as text carries the site's furniture around the story: the site name,
labels such as "Story Highlights", highlight bullets that repeat the body, share
buttons, photo credits, newsletter prompts, comment sections, related links and
ad-blocker notices.  :func:`clean_text` separates the story from all that and says
what it removed and why, so nothing disappears silently.

Method: the text is split into blocks at blank lines and each line is matched, as a
whole, against the patterns of ``resources/boilerplate.tsv`` (where, action, reason,
regex).  Lines before the first prose paragraph form the *header*: there, bullets are
highlights, matching lines are dropped, and of the remaining short title-like lines the
longest is the headline and the others are the site name / section labels.  A *tail*
pattern ("Related Articles", "Facebook Comments") removes its line and everything after
it.  Body paragraphs are kept whole, in order, character for character; a paragraph
that repeats an earlier one word for word (a pull quote) is removed once.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass

from . import resources
from .text import _BULLET, is_subhead

__all__ = ["Removed", "Cleaned", "clean_text", "fold"]


@dataclass(frozen=True)
class Removed:
    """One removed line: its text and the reason (a pattern's reason or a header rule)."""

    text: str
    reason: str


@dataclass(frozen=True)
class Cleaned:
    """A cleaned article.

    ``text`` is the body: paragraphs joined by one blank line, each exactly as in the
    source.  ``title`` is the headline ("" when none was found), ``highlights`` the
    highlight bullets without their bullet sign, ``removed`` every dropped line in
    source order with its reason, and ``site`` the site-name line when one was found.
    """

    title: str
    highlights: tuple[str, ...]
    text: str
    removed: tuple[Removed, ...]
    site: str = ""


@dataclass(frozen=True)
class _Rule:
    where: str
    action: str
    reason: str
    regex: re.Pattern


@functools.cache
def _rules() -> tuple[_Rule, ...]:
    return tuple(
        _Rule(r["where"], r["action"], r["reason"], re.compile(rf"(?:{r['pattern']})", re.IGNORECASE))
        for r in resources.table("boilerplate.tsv")
    )


def _match(line: str, header: bool) -> _Rule | None:
    s = line.strip()
    for rule in _rules():
        if rule.where == "header" and not header:
            continue
        if rule.regex.fullmatch(s):
            return rule
    return None


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Return ``text`` with curly quotes made straight, whitespace collapsed, lower-cased.

    Used to compare passages that differ only in typography (a highlight that repeats a
    body paragraph with straight instead of curly quotes).
    """
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip().lower()


def _blocks(raw: str) -> list[list[str]]:
    """Blocks of non-blank lines (trailing whitespace kept off), in order."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in raw.split("\n"):
        if line.strip():
            current.append(line)  # kept as is: body text is never altered
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_prose(block: list[str]) -> bool:
    """A block is prose when one of its lines is neither a bullet, furniture, nor title-like."""
    return any(
        not _BULLET.match(line) and _match(line, header=True) is None and not is_subhead(line, max_words=25)
        for line in block
    )


def clean_text(raw: str, *, header: bool = True) -> Cleaned:
    """Split a scraped plain-text article into title, highlights, body and removed furniture.

    ``raw`` is the decoded file content (any newline convention).  With ``header=False``
    (text already extracted from HTML, whose title comes from the page's metadata) no
    line is taken as headline or site name.  Returns a :class:`Cleaned`; its ``text``
    may be empty when the input held furniture only (callers decide whether that is an
    error).  The patterns and their reasons are in ``resources/boilerplate.tsv``.
    """
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    blocks = _blocks(raw)
    removed: list[Removed] = []
    highlights: list[str] = []
    title = site = ""

    # --- header: everything before the first prose paragraph -----------------------
    first_prose = next((i for i, b in enumerate(blocks) if _is_prose(b)), len(blocks))
    if header:
        candidates: list[tuple[int, str]] = []  # (order, line) of unexplained short lines
        order = 0
        for block in blocks[:first_prose]:
            for line in block:
                order += 1
                rule = _match(line, header=True)
                if rule is not None and rule.action != "tail":
                    removed.append(Removed(line.strip(), rule.reason))
                elif _BULLET.match(line):
                    highlights.append(_BULLET.sub("", line, count=1).strip())
                    removed.append(Removed(line.strip(), "highlight"))
                else:
                    candidates.append((order, line.strip()))
        if candidates:
            best = max(candidates, key=lambda c: (len(c[1].split()), len(c[1]), -c[0]))
            title = best[1]
            for order_, line in candidates:
                if order_ == best[0]:
                    removed.append(Removed(line, "headline"))
                elif order_ < best[0] and not site:
                    site = line
                    removed.append(Removed(line, "site name"))
                else:
                    removed.append(Removed(line, "header line"))
        # keep removed in source order
        removed = _in_source_order(removed, blocks[:first_prose])
        body_blocks = blocks[first_prose:]
    else:
        body_blocks = blocks

    # --- body: drop furniture lines, cut at tail markers, drop repeated paragraphs ---
    paragraphs: list[str] = []
    seen: set[bytes] = set()
    cut_reason = ""  # set by the first tail marker; everything after it is removed
    for block in body_blocks:
        kept: list[str] = []
        for line in block:
            rule = _match(line, header=False)
            if cut_reason:
                removed.append(Removed(line.strip(), rule.reason if rule else "after " + cut_reason))
                continue
            if rule is None:
                kept.append(line)
            elif rule.action == "tail":
                cut_reason = rule.reason
                removed.append(Removed(line.strip(), rule.reason))
            else:
                removed.append(Removed(line.strip(), rule.reason))
        if not kept:
            continue
        para = "\n".join(kept).strip()
        folded = fold(para)
        key = hashlib.blake2b(folded.encode("utf-8"), digest_size=16).digest()  # compact for huge inputs
        if key in seen and folded.count(" ") >= 7:
            removed.append(Removed(para, "repeated paragraph"))
            continue
        seen.add(key)
        paragraphs.append(para)

    return Cleaned(title, tuple(highlights), "\n\n".join(paragraphs), tuple(removed), site)


def _in_source_order(removed: list[Removed], blocks: list[list[str]]) -> list[Removed]:
    """Order header removals as their lines appear in the source."""
    position: dict[str, int] = {}
    for i, line in enumerate(ln.strip() for b in blocks for ln in b):
        position.setdefault(line, i)
    return sorted(removed, key=lambda r: position.get(r.text, len(position)))


def subheads(text: str) -> list[str]:
    """Return the subhead paragraphs of a cleaned body, in order (see :func:`newskit.text.is_subhead`)."""
    from .text import paragraphs

    return [p.text for p in paragraphs(text) if p.subhead]
