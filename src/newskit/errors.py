"""Exceptions a user can meet, one type per failure, each with a message saying what to do.

The command line turns every :class:`NewskitError` into one line on stderr and exit code 2.
"""

from __future__ import annotations


class NewskitError(Exception):
    """Base class: a failure caused by the input or the environment, not by a bug."""


class InputNotFound(NewskitError):
    """A path given by the user does not exist."""


class EmptyInput(NewskitError):
    """A file holds no text (zero bytes or whitespace only)."""


class BinaryInput(NewskitError):
    """A file looks like binary data (images, PDFs, archives), not text."""


class DecodeError(NewskitError):
    """A file's bytes could not be decoded as text in any supported encoding."""


class NoArticleText(NewskitError):
    """An HTML page or a text file held no article body after cleaning."""


class ManifestError(NewskitError):
    """A corpus manifest (CSV) is malformed: missing columns, bad rows, unsafe paths."""


class UnsupportedInput(NewskitError):
    """A path has an extension newskit cannot read."""


class InputTooLarge(NewskitError):
    """A file is larger than the configured limit."""


class ReportError(NewskitError):
    """A notebook failed while building the report."""


class SentimentInputError(NewskitError):
    """Sentiment scoring got unusable input: a non-string text, an unknown grouping, a quote table without scores."""


class NoReadableText(NewskitError):
    """A text holds no words, so readability formulas (which divide by the word count) are undefined."""


class BadAnchor(NewskitError):
    """An anchor date for resolving relative time expressions is not a YYYY-MM-DD date."""


class AnnotationError(NewskitError):
    """A hand-annotation file is malformed (bad JSON, missing fields, spans that do not fit the text)."""


class ActorTableError(NewskitError):
    """An actor table (data/actors.csv: alias, canonical, role, type, side) is malformed."""


class InvalidOption(NewskitError):
    """A function or command got an option value it does not support (e.g. share_of_voice by=...)."""
