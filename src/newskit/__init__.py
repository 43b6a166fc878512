"""newskit: text analysis for news coverage, backing reproducible notebooks.

The public API is re-exported here; each name lives in the module named for its idea
(``corpus``, ``clean``, ``text``, …).  Records are frozen dataclasses; corpus-level
functions return tidy pandas DataFrames.
"""

__version__ = "0.1.0"

from .clean import Cleaned, Removed, clean_text, fold
from .corpus import Article, corpus_frame, load_article, load_corpus, read_text, records_frame
from .errors import NewskitError
from .text import Paragraph, Sentence, Word, is_subhead, paragraphs, sentences, syllables, words

__all__ = [
    "__version__",
    "Article", "Cleaned", "Removed", "NewskitError",
    "Paragraph", "Sentence", "Word",
    "clean_text", "fold", "load_article", "load_corpus", "read_text", "corpus_frame", "records_frame",
    "paragraphs", "sentences", "words", "syllables", "is_subhead",
]
