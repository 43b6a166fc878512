"""Regenerate the README's figures from the bundled corpus: `make figures`."""

from pathlib import Path

import newskit
from newskit import plots
from newskit.sources import share_of_voice
from newskit.text import paragraphs_frame

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

articles = newskit.load_corpus(ROOT / "data" / "corpus.csv")
figures = {
    "paragraph_lengths.png": plots.paragraph_lengths(paragraphs_frame(articles)),
    "share_of_voice.png": plots.share_of_voice_chart(share_of_voice(newskit.quotes_frame(articles), by="side")),
}
for name, fig in figures.items():
    fig.savefig(HERE / name, dpi=100, metadata={"Software": None})
    print(HERE / name)
