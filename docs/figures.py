"""Regenerate the README's figures from the bundled corpus: `make figures`."""

from pathlib import Path

import newskit
from newskit import plots
from newskit.text import paragraphs_frame

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

articles = newskit.load_corpus(ROOT / "data" / "corpus.csv")
fig = plots.paragraph_lengths(paragraphs_frame(articles))
fig.savefig(HERE / "paragraph_lengths.png", dpi=100, metadata={"Software": None})
print(HERE / "paragraph_lengths.png")
