"""Figures: one function per figure, each returning a :class:`matplotlib.figure.Figure`.

Functions take the tidy DataFrames of the analysis modules and build a ``Figure`` directly
(no pyplot state, so nothing leaks between figures and any backend works);
a notebook displays the returned figure, the report saves it.  Colours and sizes are
fixed so figures are identical from run to run.
"""

from __future__ import annotations

from matplotlib.figure import Figure

__all__: list[str] = ["paragraph_lengths"]


def _one_article(df, article_id: str | None):
    """The rows of one article of a tidy table: ``article_id``, or the table's first article."""
    if article_id is None and len(df):
        article_id = df["article_id"].iloc[0]
    return article_id, df[df["article_id"] == article_id]


def paragraph_lengths(paragraphs_df, article_id: str | None = None) -> Figure:
    """Bar chart of words per paragraph of one article, subheads marked (from ``paragraphs_frame``).

    ``article_id`` picks the article (default: the first in the table).  Prose paragraphs
    are grey bars, subheads are outlined; the x axis is the paragraph index.
    """
    article_id, df = _one_article(paragraphs_df, article_id)
    fig = Figure(figsize=(8, 3.2))
    ax = fig.add_subplot()
    colours = ["white" if sub else "#777777" for sub in df["subhead"]]
    ax.bar(df["paragraph"], df["words"], color=colours, edgecolor="#333333", linewidth=0.8)
    ax.set_xlabel("paragraph")
    ax.set_ylabel("words")
    ax.set_title(f"Words per paragraph — {article_id} (outlined: subhead)", fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig

# Side colours used by every figure (colour-blind-safe Okabe–Ito palette).
SIDE_COLOURS = {
    "Armenia": "#E69F00",
    "Azerbaijan": "#0072B2",
    "Russia": "#CC79A7",
    "Turkey": "#D55E00",
    "United States": "#009E73",
    "European Union": "#56B4E9",
    "neutral": "#999999",
    "unknown": "#BBBBBB",
}


# --- sentiment (helper S) ------------------------------------------------------------------------

__all__ += ["sentiment_intervals", "sentiment_distribution"]


def _group_colour(group: str) -> str:
    return SIDE_COLOURS.get(group, "#555555")


def sentiment_intervals(by_source_df, title: str | None = None, baseline: float | None = None) -> Figure:
    """Dot-and-interval chart of mean VADER compound per source (from ``sentiment_by_source``).

    One row per group, in the table's order (largest ``n`` first, at the top): the dot is
    the mean compound, the line its bootstrap interval; groups named after a side take
    that side's colour.  Groups flagged ``low_n`` are drawn hollow and labelled
    "(n<3)"; a group of one quote has no interval line.  The grey band is VADER's
    neutral zone (−0.05…+0.05); ``baseline`` (e.g. the article's mean sentence score)
    adds a dashed line to compare sources with their story rather than with zero.
    """
    import math

    df = by_source_df.reset_index(drop=True)
    fig = Figure(figsize=(7, 0.45 * max(len(df), 1) + 1.4))
    ax = fig.add_subplot()
    ax.axvspan(-0.05, 0.05, color="#EEEEEE", zorder=0)
    ax.axvline(0, color="#999999", linewidth=0.8, zorder=1)
    if baseline is not None and not math.isnan(baseline):
        ax.axvline(baseline, color="#333333", linewidth=1, linestyle="--", zorder=1,
                   label=f"story baseline {baseline:+.2f}")
        ax.legend(loc="lower right", fontsize=8, frameon=False)
    labels = []
    for y, row in enumerate(df.itertuples(index=False)):
        colour = _group_colour(str(row.group))
        if not (math.isnan(row.ci_low) or math.isnan(row.ci_high)):
            ax.plot([row.ci_low, row.ci_high], [y, y], color=colour, linewidth=2.2, zorder=2)
        hollow = bool(row.low_n)
        ax.plot([row.mean_compound], [y], marker="o", markersize=8, zorder=3, linestyle="none",
                markeredgecolor=colour, markerfacecolor="white" if hollow else colour, markeredgewidth=1.8)
        labels.append(f"{row.group} (n={row.n}{', n<3' if hollow else ''})")
    ax.set_yticks(range(len(df)), labels, fontsize=9)
    ax.set_ylim(max(len(df), 1) - 0.5, -0.5)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("mean VADER compound of quotes (dot) with 95% bootstrap interval (line)")
    ax.set_title(title or "Tone of quotes per source", fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def sentiment_distribution(scored_df, by: str = "side", score: str = "compound", title: str | None = None) -> Figure:
    """Every quote's VADER score as a dot, one row per side (or ``by`` column), with the row mean.

    Input: the table of ``score_quotes``.  Missing groups are shown as "unknown".  Dots
    within a row are spread vertically by a fixed pattern (no random jitter), so the
    figure is identical on every run; the black tick is the row's mean, the grey band
    VADER's neutral zone.
    """
    import numpy as np

    groups = scored_df[by].astype(object).where(scored_df[by].notna(), "unknown").astype(str) \
        if by in scored_df.columns else np.array(["unknown"] * len(scored_df))
    values = scored_df[score].astype(float).to_numpy() if len(scored_df) else np.array([])
    names = sorted(set(groups))
    fig = Figure(figsize=(7, 0.6 * max(len(names), 1) + 1.4))
    ax = fig.add_subplot()
    ax.axvspan(-0.05, 0.05, color="#EEEEEE", zorder=0)
    ax.axvline(0, color="#999999", linewidth=0.8, zorder=1)
    groups = np.asarray(groups)
    for y, name in enumerate(names):
        v = values[groups == name]
        v = v[~np.isnan(v)]
        offsets = (np.arange(len(v)) % 5 - 2) * 0.07
        if len(v):
            ax.plot([v.mean()] * 2, [y - 0.3, y + 0.3], color="black", linewidth=1.5, zorder=2)
        ax.scatter(v, y + offsets, s=36, color=_group_colour(name), alpha=0.9, edgecolor="white", zorder=3)
    ax.set_yticks(range(len(names)), [f"{n} (n={int((groups == n).sum())})" for n in names], fontsize=9)
    ax.set_ylim(max(len(names), 1) - 0.5, -0.5)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel(f"VADER {score} of each quote (dots); mean per row (black tick)")
    ax.set_title(title or f"Distribution of quote scores by {by}", fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


__all__ += ["claims_timeline"]


def claims_timeline(timeline_df, article_id: str | None = None, period: str | None = "current",
                    title: str | None = None, window_days: int | None = None) -> Figure:
    """Timeline of an article's events (``newskit.claims.timeline_frame``), one row per event.

    Rows are sorted by date (earliest on top; ties keep the article's order) and labelled
    with the time expression and who says so; each event is drawn as the period its
    expression denotes — a dot for a clock time, a bar one day, week, month, year or
    decade wide (:func:`newskit.claims.when_span`) — so the chart shows how precise each
    claim about time is.  Colour: the claimant's side (``SIDE_COLOURS``; grey for the
    outlet and unknown sides).  ``period`` keeps ``current`` or ``background`` events
    (None: all); ``window_days`` keeps only events that start at most that many days
    before the latest dated event (a close-up of the days of the clashes).  Events
    without a resolvable date ("since then", or any relative time when no anchor is
    known) are counted in the title, not drawn.
    """
    import matplotlib.dates as mdates

    from .claims import party_side, when_span

    df = timeline_df
    if article_id is not None and "article_id" in df.columns:
        df = df[df["article_id"] == article_id]
    if period is not None and "period" in df.columns:
        df = df[df["period"] == period]
    rows = []
    unresolved = 0
    for order, row in enumerate(df.itertuples(index=False)):
        span = when_span(row.when if isinstance(row.when, str) else None)
        if span is None:
            unresolved += 1
            continue
        side = getattr(row, "claimant_side", "") or party_side(row.claimant) or "unknown"
        rows.append((span[0], order, span, f"{row.expression} — {row.claimant}",
                     SIDE_COLOURS.get(side, SIDE_COLOURS["unknown"])))
    rows.sort(key=lambda r: (r[0], r[1]))
    if window_days is not None and rows:
        import datetime as _dt

        latest = max(r[0] for r in rows)
        rows = [r for r in rows if r[0] >= latest - _dt.timedelta(days=window_days)]
    fig = Figure(figsize=(9, 0.38 * max(len(rows), 2) + 1.6))
    ax = fig.add_subplot()
    for y, (_, _, (lo, hi), _, colour) in enumerate(rows):
        if hi > lo:
            ax.barh(y, mdates.date2num(hi) - mdates.date2num(lo), left=mdates.date2num(lo), height=0.5,
                    color=colour, alpha=0.85)
        else:
            ax.plot([mdates.date2num(lo)], [y], marker="o", color=colour, markersize=6)
    ax.set_yticks(range(len(rows)), [r[3] for r in rows], fontsize=8)
    ax.set_ylim(len(rows) - 0.5 if rows else 0.5, -0.5)
    if rows:
        ax.xaxis_date()
        locator = mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    else:
        ax.text(0.5, 0.5, "no dated events (give an anchor date to resolve weekdays and relative times)",
                transform=ax.transAxes, ha="center", va="center", fontsize=9)
        ax.set_xticks([])
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    shown = "all" if period is None else period
    counts = f"{len(rows)} dated, {unresolved} without a date not shown"
    ax.set_title(f"{title}\n({counts})" if title else f"Timeline ({shown} events): {counts}", fontsize=10)
    fig.tight_layout()
    return fig


# --- readability (helper R) ----------------------------------------------------------------------

__all__ += ["readability_profile"]

_METRIC_LABELS = {
    "flesch_reading_ease": "Flesch Reading Ease",
    "flesch_kincaid_grade": "Flesch–Kincaid grade",
    "gunning_fog": "Gunning Fog index",
    "smog_index": "SMOG grade",
    "coleman_liau_index": "Coleman–Liau index",
    "automated_readability_index": "Automated Readability Index",
}


def readability_profile(paragraph_df, metric: str = "flesch_kincaid_grade", article_id: str | None = None,
                        article_value: float | None = None) -> Figure:
    """Bar chart of one readability metric per prose paragraph of one article.

    Takes ``readability_frame(corpus, by="paragraph")``; ``article_id`` picks the article
    (default: the first in the table).  Bars are the paragraphs in text order (x axis:
    paragraph index, subheads leave gaps); a dashed line marks ``article_value`` (e.g. the
    article's own score) and bars above it are orange, so an editor sees which paragraphs
    pull the grade up.
    """
    article_id, df = _one_article(paragraph_df, article_id)
    fig = Figure(figsize=(8, 3.4))
    ax = fig.add_subplot()
    values = list(df[metric])
    colours = ["#D55E00" if article_value is not None and v > article_value else "#777777" for v in values]
    ax.bar(df["paragraph"], values, color=colours, edgecolor="#333333", linewidth=0.6)
    if article_value is not None:
        ax.axhline(article_value, color="#0072B2", linestyle="--", linewidth=1.2,
                   label=f"whole article: {article_value:.1f}")
        ax.legend(loc="upper right", fontsize=8, frameon=False)
    ax.axhline(0, color="#333333", linewidth=0.6)
    if values:
        top = max(max(values), article_value if article_value is not None else 0, 0)
        ax.set_ylim(top=top * 1.18 + 1)
    ax.set_xlabel("paragraph (subheads excluded)")
    label = _METRIC_LABELS.get(metric, metric.replace("_", " "))
    ax.set_ylabel(label)
    ax.set_title(f"{label} per paragraph — {article_id}"
                 + (" (orange: above the article)" if article_value is not None else ""), fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


# --- quotes and sources (helper Q) ---------------------------------------------------------------

__all__ += ["share_of_voice_chart"]


def share_of_voice_chart(sov_df, by: str = "side", title: str | None = None) -> Figure:
    """Horizontal bars: each group's share of quotes (with its 95 % Wilson interval) and of quoted words.

    Takes :func:`newskit.sources.share_of_voice` output (``by`` names its group column:
    ``side``, ``type`` or ``speaker``).  Sides use :data:`SIDE_COLOURS` (grey for sides it
    lacks); other groupings are grey.  Groups are drawn in the table's order (largest first).
    """
    df = sov_df.reset_index(drop=True)
    n = int(df["quotes"].sum()) if len(df) else 0
    fig = Figure(figsize=(7.5, 0.45 * max(len(df), 2) + 1.4))
    ax = fig.add_subplot()
    ys = list(range(len(df)))
    if len(df):
        colours = [SIDE_COLOURS.get(str(g), SIDE_COLOURS["unknown"]) if by == "side" else "#777777"
                   for g in df[by]]
        share = df["quote_share"].astype(float)
        err = [share - df["ci_low"].astype(float), df["ci_high"].astype(float) - share]
        ax.barh(ys, share, height=0.6, color=colours, edgecolor="#333333", linewidth=0.6,
                xerr=err, error_kw={"ecolor": "#333333", "capsize": 3, "linewidth": 0.8}, label="share of quotes")
        ax.scatter(df["word_share"].astype(float), ys, marker="D", color="#000000", s=18, zorder=3,
                   label="share of quoted words")
        ax.set_yticks(ys, [str(g) for g in df[by]], fontsize=9)
        ax.set_ylim(len(df) - 0.5, -0.5)
        ax.legend(loc="lower right", fontsize=8, frameon=False)
    else:
        ax.text(0.5, 0.5, "no quotes", transform=ax.transAxes, ha="center", va="center")
        ax.set_yticks([])
    ax.set_xlim(0, 1)
    ax.set_xlabel("share (bars: quotes, with 95 % interval; diamonds: quoted words)")
    ax.set_title(title or f"Share of voice by {by} (n = {n} quotes)", fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig
