"""Figures: one function per figure, each returning a :class:`matplotlib.figure.Figure`.

Functions take the tidy DataFrames of the analysis modules and build a ``Figure`` directly
(no pyplot state, so nothing leaks between figures and any backend works);
a notebook displays the returned figure, the report saves it.  Colours and sizes are
fixed so figures are identical from run to run.
"""

from __future__ import annotations

from matplotlib.figure import Figure

__all__: list[str] = []

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
