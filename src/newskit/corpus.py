"""Load articles: one file, a folder of files, or a manifest CSV → :class:`Article` records.

Reading is careful because journalists bring files from anywhere:

* **Encodings.** UTF-8 with or without a byte-order mark is read as such; UTF-16 with a
  BOM too.  Anything else that is not valid UTF-8 is handed to ``charset-normalizer``
  (a maintained detector) and accepted only when it decodes as a legacy single-byte
  encoding (cp1252, latin-1 and relatives) into text without control characters.  A
  file that is *mostly* UTF-8 with a few broken bytes is refused rather than guessed:
  guessing there is how "Armenia’s" turns into "Armeniaâ€™s".
* **Bad files** (missing, empty, binary, undecodable, too large, HTML without an
  article) raise a :class:`newskit.errors.NewskitError` subclass with a one-line message.
* **HTML** is reduced to its main text by trafilatura (Barbaresi 2021), offline, then
  cleaned like plain text.  Its ``filedate`` (today's date) is never stored.

Files are only ever read; nothing here writes.
"""

from __future__ import annotations

import csv
import dataclasses
import enum
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from . import errors
from .clean import Cleaned, Removed, clean_text
from .text import paragraphs

__all__ = [
    "Article",
    "MANIFEST_COLUMNS",
    "read_text",
    "load_article",
    "load_corpus",
    "corpus_frame",
    "records_frame",
    "manifest_rows",
]

MANIFEST_COLUMNS = ("id", "outlet", "title", "published", "url", "language", "path")
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
MAX_BYTES = 200 * 1024 * 1024  # 200 MB: far above any article, below what would exhaust memory

_BINARY_MAGIC = (
    b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"BZh",
    b"\x7fELF", b"MZ", b"\xd0\xcf\x11\xe0", b"7z\xbc\xaf", b"Rar!", b"OggS", b"ID3", b"RIFF",
)
_LEGACY = {"cp1252", "windows-1252", "latin_1", "iso8859_1", "iso8859_15", "cp1250", "cp1251",
           "iso8859_2", "iso8859_5", "cp1253", "cp1254", "cp1257", "mac_roman", "ascii"}


@dataclass(frozen=True)
class Article:
    """One article, cleaned.

    ``text`` is the clean body (every span in newskit points into it); ``title``,
    ``highlights`` and ``removed`` come from :func:`newskit.clean.clean_text`.  The
    metadata fields come from the manifest, else from the file (``outlet`` from the
    site-name line or the HTML's site name); unknown values are "" rather than guessed.
    ``encoding`` says how the bytes were decoded; ``event_date`` (ISO date, optional) is
    the date of the events reported, used to anchor relative time expressions.
    """

    id: str
    title: str
    text: str
    highlights: tuple[str, ...] = ()
    removed: tuple[Removed, ...] = ()
    outlet: str = ""
    published: str = ""
    url: str = ""
    language: str = ""
    path: str = ""
    encoding: str = "utf-8"
    event_date: str = ""


# --- reading bytes ------------------------------------------------------------------------

def _check_file(path: Path, max_bytes: int) -> None:
    if not path.exists():
        raise errors.InputNotFound(f"{path}: no such file or folder")
    if not path.is_file():
        raise errors.UnsupportedInput(f"{path}: not a regular file")
    size = path.stat().st_size
    if size > max_bytes:
        raise errors.InputTooLarge(
            f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit; split the file into articles"
        )


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data`` → (text, encoding name), or raise a NewskitError."""
    if not data.strip():
        raise errors.EmptyInput(f"{name}: the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise errors.DecodeError(f"{name}: broken UTF-16 at byte {exc.start}; re-save the file as UTF-8") from None
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:8192]:
        raise errors.BinaryInput(f"{name}: this is binary data, not text; give a .txt or .html article")
    if data.startswith(b"\xef\xbb\xbf"):
        data, bom = data[3:], True
    else:
        bom = False
    try:
        return data.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    # Valid multi-byte UTF-8 sequences before the error mean a UTF-8 file with broken bytes.
    head = data[:first_bad]
    if bom or any(b >= 0x80 for b in head):
        raise errors.DecodeError(
            f"{name}: invalid UTF-8 at byte {first_bad} in a file that is otherwise UTF-8 "
            "(mixed encodings?); repair or re-save it as UTF-8"
        )
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=sorted(_LEGACY - {"ascii"})).best()
    encoding = best.encoding if best is not None else None
    if encoding is None or encoding.lower() not in _LEGACY:
        raise errors.DecodeError(f"{name}: cannot tell which encoding this file uses; re-save it as UTF-8")
    text = data.decode(encoding)
    try:  # many legacy encodings agree on common letters; prefer the most common one
        if encoding != "cp1252" and data.decode("cp1252") == text:
            encoding = "cp1252"
    except UnicodeDecodeError:
        pass
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f") or 0x7F <= ord(ch) < 0xA0)
    if bad:
        raise errors.DecodeError(
            f"{name}: decoding as {encoding} gives {bad} control characters; re-save the file as UTF-8"
        )
    return text, encoding


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """Read a text file and return ``(text, encoding)``; see the module notes on encodings.

    Raises ``InputNotFound``, ``InputTooLarge``, ``EmptyInput``, ``BinaryInput`` or
    ``DecodeError`` (all :class:`newskit.errors.NewskitError`) with a one-line message.
    """
    p = Path(path)
    _check_file(p, max_bytes)
    text, encoding = _decode(p.read_bytes(), str(p))
    if not text.strip():
        raise errors.EmptyInput(f"{p}: the file holds only whitespace")
    return text, encoding


# --- one article --------------------------------------------------------------------------

def _from_html(html: str, name: str) -> tuple[Cleaned, dict[str, str]]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (doc.text or "").strip() if doc is not None else ""
    if not body:
        raise errors.NoArticleText(f"{name}: no article text found in this HTML page")
    lines = [ln.strip() for ln in body.split("\n") if ln.strip()]
    title = (doc.title or "").strip()
    if lines and title and lines[0] == title:
        lines = lines[1:]
    cleaned = clean_text("\n\n".join(lines), header=False)
    cleaned = dataclasses.replace(cleaned, title=title, site=(doc.sitename or "").strip())
    meta = {"published": doc.date or "", "url": doc.url or "", "language": doc.language or ""}
    return cleaned, meta


# "TILSBECK, Lenthary, 7 June (The Longwater Review) – …", "YEREVAN, Sept 13 (Reuters) - …": a
# wire story's dateline, the outlet in brackets
_DATELINE = re.compile(r"[A-Z][A-Z.’'\- ]+,(?:[ \t]+[A-Z][\w.’'\- ]*,)?[ \t]+"
                       r"(?:\d{1,2}[ \t]+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?[ \t]+\d{1,2})(?:,?[ \t]+\d{4})?[ \t]*"
                       r"\((?P<outlet>[A-Z][^()\n]{1,60}?)\)[ \t]*[–—-]")


def dateline_outlet(text: str) -> str:
    """The outlet a wire-style dateline names at the start of ``text``'s first paragraph
    ("TILSBECK, Lenthary, 7 June (The Longwater Review) – …" → "The Longwater Review"), or "".
    :func:`load_article` uses it when neither the manifest nor the page names the outlet, so that
    claims the article makes in its own voice are credited to it by name."""
    m = _DATELINE.match(text.lstrip()[:300])
    return m.group("outlet").strip() if m else ""


def load_article(path: str | Path, *, id: str | None = None, max_bytes: int = MAX_BYTES, **meta: str) -> Article:
    """Load one ``.txt`` or ``.html``/``.htm`` article and return it cleaned as an :class:`Article`.

    ``id`` defaults to the file name without extension; keyword ``meta`` (outlet, title,
    published, url, language, event_date) overrides what the file says, empty values
    excepted.  Raises a :class:`newskit.errors.NewskitError` for unusable files, including
    ``NoArticleText`` when nothing is left after cleaning.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if p.exists() and suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
        raise errors.UnsupportedInput(f"{p}: newskit reads .txt, .html and .htm articles or a corpus .csv")
    raw, encoding = read_text(p, max_bytes)
    found: dict[str, str] = {}
    if suffix in HTML_SUFFIXES:
        cleaned, found = _from_html(raw, str(p))
    else:
        cleaned = clean_text(raw)
    if not cleaned.text.strip():
        raise errors.NoArticleText(f"{p}: no article text left after removing site furniture")
    if all(para.subhead for para in paragraphs(cleaned.text)):
        raise errors.NoArticleText(f"{p}: no prose paragraph found, only short title-like lines")
    fields = {"outlet": cleaned.site or dateline_outlet(cleaned.text), "title": cleaned.title, "language": "", **found}
    fields.update({k: v for k, v in meta.items() if v})
    return Article(
        id=id or p.stem,
        text=cleaned.text,
        highlights=cleaned.highlights,
        removed=cleaned.removed,
        path=str(path),
        encoding=encoding,
        **{k: fields.get(k, "") for k in ("title", "outlet", "published", "url", "language", "event_date")},
    )


# --- many articles ------------------------------------------------------------------------

def _read_manifest(path: Path) -> list[dict[str, str]]:
    text, _ = read_text(path)
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    missing = [c for c in MANIFEST_COLUMNS if c not in header]
    if missing:
        raise errors.ManifestError(
            f"{path}: missing column(s) {', '.join(missing)}; a manifest needs {', '.join(MANIFEST_COLUMNS)} "
            "(values may be empty)"
        )
    rows = []
    root = path.parent.resolve()
    seen: set[str] = set()
    for line_no, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise errors.ManifestError(f"{path}:{line_no}: wrong number of fields")
        row = {k: (v or "").strip() for k, v in row.items()}
        if not row["id"] or not row["path"]:
            raise errors.ManifestError(f"{path}:{line_no}: every row needs an id and a path")
        if row["id"] in seen:
            raise errors.ManifestError(f"{path}:{line_no}: duplicate id {row['id']!r}")
        seen.add(row["id"])
        target = (root / row["path"]).resolve()
        if Path(row["path"]).is_absolute() or not target.is_relative_to(root):
            raise errors.ManifestError(
                f"{path}:{line_no}: path {row['path']!r} leaves the manifest's folder; "
                "keep articles beside or below the manifest"
            )
        row["_file"] = str(target)
        rows.append(row)
    if not rows:
        raise errors.ManifestError(f"{path}: the manifest lists no articles")
    return rows


def _expand(source: str | Path) -> list[tuple[Path, dict[str, str]]]:
    p = Path(source)
    if not p.exists():
        raise errors.InputNotFound(f"{p}: no such file or folder")
    if p.is_dir():
        files = sorted(
            f for f in p.iterdir()
            if f.is_file() and not f.name.startswith(".") and f.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES
        )
        if not files:
            raise errors.InputNotFound(f"{p}: the folder holds no .txt or .html articles")
        return [(f, {}) for f in files]
    if p.suffix.lower() == ".csv":
        return [(Path(r.pop("_file")), r) for r in _read_manifest(p)]
    return [(p, {})]


def load_corpus(
    sources: str | Path | Iterable[str | Path],
    *,
    progress: Callable[[str], None] | None = None,
) -> list[Article]:
    """Load articles from files, folders (their ``.txt``/``.html`` files, by name) or manifests.

    Returns the articles in the order given (a folder in file-name order, a manifest in
    row order).  Manifest paths are relative to the manifest and may not leave its folder.
    Article ids must be unique across all sources.  ``progress`` is called with each
    file's path as it is read.
    """
    if isinstance(sources, (str, Path)):
        sources = [sources]
    articles: list[Article] = []
    seen: set[str] = set()
    for source in sources:
        for file, row in _expand(source):
            if progress:
                progress(str(file))
            meta = {k: row.get(k, "") for k in ("outlet", "title", "published", "url", "language", "event_date")}
            article = load_article(file, id=row.get("id") or None, **meta)
            if row:
                article = dataclasses.replace(article, path=row["path"])
            if article.id in seen:
                raise errors.ManifestError(f"{file}: article id {article.id!r} appears twice in the corpus")
            seen.add(article.id)
            articles.append(article)
    return articles


# --- tables -------------------------------------------------------------------------------

def _plain(value):
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    return value


def corpus_frame(articles: Iterable[Article]):
    """Return one row per article: metadata, title, clean text and counts of what cleaning removed.

    Columns: ``id, outlet, title, published, url, language, path, encoding, event_date,
    text, highlights, removed`` (number of removed lines), ``chars``.
    """
    import pandas as pd

    rows = []
    for a in articles:
        rows.append({
            "id": a.id, "outlet": a.outlet, "title": a.title, "published": a.published, "url": a.url,
            "language": a.language, "path": a.path, "encoding": a.encoding, "event_date": a.event_date,
            "text": a.text, "highlights": len(a.highlights), "removed": len(a.removed), "chars": len(a.text),
        })
    columns = ["id", "outlet", "title", "published", "url", "language", "path", "encoding", "event_date",
               "text", "highlights", "removed", "chars"]
    return pd.DataFrame(rows, columns=columns)


def records_frame(articles: Iterable[Article], extract: Callable[[Article], Iterable], columns: list[str] | None = None):
    """Map a per-article extractor over a corpus and return one tidy DataFrame.

    ``extract(article)`` returns frozen-dataclass records (or dicts); each becomes one
    row, with ``article_id`` as the first column and enum values as their strings.
    ``columns`` fixes the column order (and the columns of an empty result).  Every
    ``*_frame`` function of newskit is this helper plus one extractor.
    """
    import pandas as pd

    rows = []
    names: list[str] | None = None
    for article in articles:
        for rec in extract(article):
            if dataclasses.is_dataclass(rec):
                if names is None:
                    names = [f.name for f in dataclasses.fields(rec)]
                data = {f.name: _plain(getattr(rec, f.name)) for f in dataclasses.fields(rec)}
            else:
                data = {k: _plain(v) for k, v in rec.items()}
                names = names or list(data)
            rows.append({"article_id": article.id, **data})
    cols = ["article_id", *(columns or names or [])]
    return pd.DataFrame(rows, columns=cols)


def manifest_rows(articles: Iterable[Article], root: str | Path) -> list[dict[str, str]]:
    """Return manifest rows (the :data:`MANIFEST_COLUMNS`) for ``articles`` with paths relative to ``root``."""
    out = []
    for a in articles:
        rel = Path(a.path).resolve().relative_to(Path(root).resolve()).as_posix()
        out.append({"id": a.id, "outlet": a.outlet, "title": a.title, "published": a.published,
                    "url": a.url, "language": a.language or "en", "path": rel})
    return out
