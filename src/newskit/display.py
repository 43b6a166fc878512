"""HTML views for Jupyter: an article with every quote highlighted and coloured by its source.

:func:`quotes_view` returns an :class:`HTMLView` (Jupyter shows it as HTML; ``.html`` holds the
string).  Each paragraph is a ``<p>``; each quote is a ``<mark>`` coloured by its side (the
colours of :data:`newskit.plots.SIDE_COLOURS`) or by its speaker (a fixed colour-blind-safe
palette, assigned in order of first appearance), with a tooltip naming the speaker, the kind
and the rule that attributed it.  Direct and partial quotes get a filled background; reported
speech a dashed underline, so a partial quote inside a reported clause stays visible.  All
article text is HTML-escaped; the output is the same string for the same input.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["HTMLView", "quotes_view", "quotes_html", "SPEAKER_PALETTE"]

# Okabe–Ito and Tol "muted" colours, deterministic order
SPEAKER_PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
                   "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499")
_FALLBACK = "#BBBBBB"


@dataclass(frozen=True)
class HTMLView:
    """An HTML fragment that Jupyter renders (``_repr_html_``); ``str()`` gives the markup."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"HTMLView({len(self.html)} characters of HTML)"


def _get(q, name):
    return q.get(name) if isinstance(q, dict) else getattr(q, name, None)


def _colours(quotes: Sequence, by: str) -> dict[str, str]:
    from .plots import SIDE_COLOURS

    out: dict[str, str] = {}
    if by == "side":
        for q in quotes:
            side = _get(q, "side") or "unknown"
            out.setdefault(side, SIDE_COLOURS.get(side, _FALLBACK))
        return out
    for q in quotes:
        name = _label(q, by)
        if name not in out:
            out[name] = _FALLBACK if name == "unknown" else SPEAKER_PALETTE[len(out) % len(SPEAKER_PALETTE)]
    return out


def _label(q, by: str) -> str:
    if by == "side":
        return _get(q, "side") or "unknown"
    name = _get(q, "canonical_speaker") or _get(q, "speaker")
    return name if isinstance(name, str) and name else "unknown"


def _kind(q) -> str:
    k = _get(q, "kind")
    return str(getattr(k, "value", k))


def quotes_html(text: str, quotes: Sequence, by: str = "side", title: str | None = None) -> str:
    """Return the HTML of ``text`` with ``quotes`` (Quote records or dicts with spans) highlighted.

    ``by`` is ``"side"`` or ``"speaker"``.  Quotes whose span does not fit ``text`` are
    skipped.  Where spans nest (a partial quote inside a reported clause) the inner one's
    colour shows, and both tooltips are listed.
    """
    from .errors import InvalidOption
    from .text import paragraphs

    if by not in ("side", "speaker"):
        raise InvalidOption(f"quotes_view: by must be 'side' or 'speaker', not {by!r}")
    qs = [q for q in quotes
          if isinstance(_get(q, "start"), int) and isinstance(_get(q, "end"), int)
          and 0 <= _get(q, "start") < _get(q, "end") <= len(text)]
    qs.sort(key=lambda q: (_get(q, "start"), -_get(q, "end")))
    colours = _colours(qs, by)
    parts = ['<div class="newskit-quotes" style="font-family: Georgia, serif; line-height: 1.5; max-width: 46em">']
    if title:
        parts.append(f"<h3>{html.escape(title)}</h3>")
    for para in paragraphs(text):
        inside = [q for q in qs if _get(q, "start") < para.end and _get(q, "end") > para.start]
        points = {para.start, para.end}
        for q in inside:
            points.add(max(para.start, _get(q, "start")))
            points.add(min(para.end, _get(q, "end")))
        cuts = sorted(points)
        tag = "h4" if para.subhead else "p"
        out = [f"<{tag}>"]
        for a, b in zip(cuts, cuts[1:]):
            seg = html.escape(text[a:b])
            cover = [q for q in inside if _get(q, "start") <= a and b <= _get(q, "end")]
            if not cover:
                out.append(seg)
                continue
            inner = min(cover, key=lambda q: (_get(q, "end") - _get(q, "start"), _get(q, "start")))
            filled = [q for q in cover if _kind(q) != "reported"]
            reported = [q for q in cover if _kind(q) == "reported"]
            tip = "; ".join(
                f"{_label(q, 'speaker')} ({_kind(q)}, {_get(q, 'side') or 'unknown'}; rule: {_get(q, 'rule')})"
                for q in sorted(cover, key=lambda q: (_get(q, "start"), _get(q, "end"))))
            style = []
            if filled:
                f = min(filled, key=lambda q: _get(q, "end") - _get(q, "start"))
                style.append(f"background-color: {colours[_label(f, by)]}55")
            if reported:
                r = min(reported, key=lambda q: _get(q, "end") - _get(q, "start"))
                style.append(f"text-decoration: underline dashed {colours[_label(r, by)]}")
                style.append("text-decoration-thickness: 2px")
            if not filled:
                style.append("background-color: transparent")
            out.append(f'<mark style="{"; ".join(style)}" title="{html.escape(tip, quote=True)}" '
                       f'data-kind="{html.escape(_kind(inner))}">{seg}</mark>')
        out.append(f"</{tag}>")
        parts.append("".join(out))
    counts: dict[str, int] = {}
    for q in qs:
        counts[_label(q, by)] = counts.get(_label(q, by), 0) + 1
    legend = " ".join(
        f'<span style="background-color: {colours[name]}55; padding: 0 0.4em; margin-right: 0.6em">'
        f"{html.escape(name)} ({counts[name]})</span>"
        for name in sorted(counts, key=lambda n: (-counts[n], n)))
    parts.append(f'<p style="font-family: sans-serif; font-size: 0.85em">{by}: {legend or "no quotes"}'
                 "<br>filled: direct and partial quotes · dashed underline: reported speech</p>")
    parts.append("</div>")
    return "\n".join(parts)


def quotes_view(article, quotes: Sequence | None = None, by: str = "side") -> HTMLView:
    """Return an :class:`HTMLView` of ``article`` (an Article or a text) with its quotes highlighted.

    ``quotes`` defaults to :func:`newskit.quotes.article_quotes` of the article (or
    :func:`newskit.quotes.extract_quotes` of a text); ``by`` colours by ``"side"`` or ``"speaker"``.
    """
    from .quotes import article_quotes, extract_quotes

    if isinstance(article, str):
        text, title = article, None
        quotes = extract_quotes(text) if quotes is None else quotes
    else:
        text, title = article.text, article.title or None
        quotes = article_quotes(article) if quotes is None else quotes
    if hasattr(quotes, "to_dict"):
        quotes = quotes.to_dict("records")
        quotes = [{k: (int(v) if k in ("start", "end") and v == v else v) for k, v in q.items()} for q in quotes]
    return HTMLView(quotes_html(text, quotes, by=by, title=title))
