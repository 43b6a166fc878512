"""The generated benchmark corpus shared by every script in ``benchmarks/``.

``generated_articles(n)`` returns ``n`` distinct articles of about ``words`` words each,
built deterministically (seeded) from the paragraphs of the bundled corpus: each
article is a seeded random draw of prose paragraphs (with replacement, in a shuffled
order) until the word budget is reached.  Distinctness is checked, because reference
tools such as textstat cache results per input string.

The bundled corpus is one article of 25 prose paragraphs, so those articles repeat the same
people, places and sentences: a speed figure on them flatters any code whose work grows with the
number of distinct names.  ``source="varied"`` draws instead from the paragraphs of the bundled
corpus and of the 98 invented news articles in ``tests/fixtures/quotes_blind`` and
``tests/fixtures/claims_blind`` (written by helpers, not by the rules' authors): about 1,600
paragraphs with some 1,700 distinct capitalised words against 56 — the figure to trust for text a
journalist brings.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newskit.corpus import load_corpus  # noqa: E402
from newskit.text import paragraphs, word_count  # noqa: E402


def source_paragraphs(corpus: str | Path = ROOT / "data" / "corpus.csv") -> list[str]:
    """Prose paragraphs (subheads excluded) of every article in the corpus, in corpus order."""
    out = []
    for article in load_corpus(corpus):
        out.extend(p.text for p in paragraphs(article.text) if not p.subhead)
    return out


def varied_paragraphs() -> list[str]:
    """Prose paragraphs of the bundled corpus, then of the blind fixture articles (file order)."""
    from newskit.corpus import load_article

    out = source_paragraphs()
    for folder in ("quotes_blind", "claims_blind"):
        for path in sorted((ROOT / "tests" / "fixtures" / folder).glob("*.txt")):
            out.extend(p.text for p in paragraphs(load_article(path).text) if not p.subhead)
    return out


def generated_articles(n: int = 2000, words: int = 700, seed: int = 20220913, source: str = "bundled") -> list[str]:
    """Return ``n`` distinct articles (clean text, paragraphs joined by blank lines) of ≈``words`` words,
    drawn from the bundled corpus (``source="bundled"``) or from it and the blind fixtures
    (``source="varied"``)."""
    paras = source_paragraphs() if source == "bundled" else varied_paragraphs()
    sizes = [word_count(p) for p in paras]
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        chosen, total = [], 0
        while total < words:
            i = rng.randrange(len(paras))
            chosen.append(paras[i])
            total += sizes[i]
        text = "\n\n".join(chosen)
        if text not in seen:
            seen.add(text)
            out.append(text)
    return out


if __name__ == "__main__":
    for source in ("bundled", "varied"):
        arts = generated_articles(source=source)
        print(f"{source}: {len(arts)} articles, {sum(word_count(a) for a in arts) / len(arts):.0f} words on average")
