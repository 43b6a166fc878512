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
