"""newskit: text analysis for news coverage, backing reproducible notebooks.

The public API is re-exported here; each name lives in the module named for its idea
(``corpus``, ``clean``, ``text``, …).  Records are frozen dataclasses; corpus-level
functions return tidy pandas DataFrames.
"""

__version__ = "0.1.0"

from .clean import Cleaned, Removed, clean_text, fold
from .corpus import Article, corpus_frame, load_article, load_corpus, read_text, records_frame
from .errors import NewskitError
from .quotes import Quote, QuoteKind, article_quotes, extract_quotes, headline_quotes, quotes_frame
from .sources import share_of_voice
# the function readability() stays in newskit.readability: re-exporting it would hide the module
from .readability import HardSentence, Readability, hardest_sentences, readability_frame
from .sentiment import Sentiment, WordValence, explain, score_quotes, sentiment_by_source, sentiment_frame
from .text import Paragraph, Sentence, Word, is_subhead, paragraphs, sentences, syllables, words
from .claims import (BlameStatement, NumericClaim, TimeExpression, TimelineEvent, blame_frame, claims_frame,
                     claims_table, evaluate_claims, extract_blame, extract_claims, extract_times, extract_timeline,
                     pair_versions, timeline_frame, versions_frame)

__all__ = [
    "__version__",
    "Article", "Cleaned", "Removed", "NewskitError",
    "Paragraph", "Sentence", "Word",
    "clean_text", "fold", "load_article", "load_corpus", "read_text", "corpus_frame", "records_frame",
    "paragraphs", "sentences", "words", "syllables", "is_subhead",
    "Quote", "QuoteKind", "extract_quotes", "article_quotes", "headline_quotes", "quotes_frame", "share_of_voice",
    "Sentiment", "WordValence", "explain", "sentiment_frame", "score_quotes", "sentiment_by_source",
    "Readability", "HardSentence", "hardest_sentences", "readability_frame",
    "NumericClaim", "TimeExpression", "TimelineEvent", "BlameStatement", "extract_claims", "extract_times",
    "extract_timeline", "extract_blame", "pair_versions", "claims_frame", "claims_table", "timeline_frame",
    "blame_frame", "versions_frame", "evaluate_claims",
]
