"""Figures: one function per figure, each returning a :class:`matplotlib.figure.Figure`.

Functions take the tidy DataFrames of the analysis modules and build a ``Figure`` directly
(no pyplot state, so nothing leaks between figures and any backend works);
a notebook displays the returned figure, the report saves it.  Colours and sizes are
fixed so figures are identical from run to run.
"""

from __future__ import annotations

from matplotlib.figure import Figure

__all__: list[str] = ["paragraph_lengths"]


def paragraph_lengths(paragraphs_df, article_id: str | None = None) -> Figure:
    """Bar chart of words per paragraph of one article, subheads marked (from ``paragraphs_frame``).

    ``article_id`` picks the article (default: the first in the table).  Prose paragraphs
    are grey bars, subheads are outlined; the x axis is the paragraph index.
    """
    df = paragraphs_df
    if article_id is None and len(df):
        article_id = df["article_id"].iloc[0]
    df = df[df["article_id"] == article_id]
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
