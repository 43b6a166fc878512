"""The ``newskit`` command: every analysis of the library, from the shell.

Each subcommand reads one or more PATHs (a ``.txt``/``.html`` article, a folder of them,
or a ``corpus.csv`` manifest) and prints a table.  ``--format jsonl`` (the default when
stdout is not a terminal) prints one JSON object per line with stable keys, ``csv`` a
CSV file, ``table`` an aligned text table.  ``-o FILE`` writes the output atomically
(whole or not at all).  Errors in the input give one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__, errors

FORMATS = ("table", "csv", "jsonl")


# --- shared plumbing --------------------------------------------------------------------------

def _load(paths: Sequence[str]):
    from .corpus import load_corpus

    return load_corpus(paths)


def _json_value(v):
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item") and not isinstance(v, (list, dict, str)):
        try:
            return v.item()  # numpy scalar → Python
        except (AttributeError, ValueError):
            pass
    return v


def _render(frame, fmt: str) -> str:
    """Render a DataFrame (or list of dicts) as table, csv or jsonl text."""
    import pandas as pd

    if isinstance(frame, list):
        if fmt == "jsonl":
            return "".join(json.dumps({k: _json_value(v) for k, v in row.items()}, ensure_ascii=False) + "\n"
                           for row in frame)
        frame = pd.DataFrame(frame)
    if fmt == "jsonl":
        cols = list(frame.columns)
        out = []
        for row in frame.itertuples(index=False, name=None):
            out.append(json.dumps({c: _json_value(v) for c, v in zip(cols, row)}, ensure_ascii=False) + "\n")
        return "".join(out)
    if fmt == "csv":
        return frame.to_csv(index=False, lineterminator="\n")
    if frame.empty:
        return "(no rows)\n"
    with pd.option_context("display.max_colwidth", 60, "display.width", 200):
        return frame.to_string(index=False) + "\n"


def write_atomic(path: str | Path, data: str) -> None:
    """Write ``data`` to ``path`` whole or not at all (temporary file in the same folder, then rename)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file ordinary permissions
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _emit(text: str, args) -> None:
    if getattr(args, "output", None):
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _default_format() -> str:
    return "table" if sys.stdout.isatty() else "jsonl"


# --- subcommands ------------------------------------------------------------------------------

def cmd_clean(args) -> None:
    articles = _load(args.paths)
    fmt = args.format or "text"
    if fmt == "jsonl":
        rows = [
            {
                "article_id": a.id,
                "title": a.title,
                "highlights": list(a.highlights),
                "text": a.text,
                "removed": [{"text": r.text, "reason": r.reason} for r in a.removed],
            }
            for a in articles
        ]
        _emit(_render(rows, "jsonl"), args)
        return
    parts = []
    for a in articles:
        head = f"==> {a.id} <==\n" if len(articles) > 1 else ""
        parts.append(head + a.text + "\n")
    _emit("\n".join(parts), args)


def cmd_manifest(args) -> None:
    import csv
    import io

    from .corpus import MANIFEST_COLUMNS, manifest_rows

    root = Path(args.root) if args.root else Path(args.paths[0] if Path(args.paths[0]).is_dir() else ".")
    articles = _load(args.paths)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(MANIFEST_COLUMNS), lineterminator="\n")
    writer.writeheader()
    try:
        writer.writerows(manifest_rows(articles, root))
    except ValueError:
        raise errors.ManifestError(f"articles must lie inside --root {root}") from None
    _emit(buf.getvalue(), args)


def cmd_report(args) -> None:
    from .report import build_report

    index = build_report(args.corpus, args.out, progress=lambda msg: print(msg, file=sys.stderr, flush=True))
    print(index)


# --- parser -----------------------------------------------------------------------------------

def _add_common(p: argparse.ArgumentParser, formats: Sequence[str] = FORMATS) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="article (.txt/.html), folder, or corpus.csv")
    p.add_argument("--format", choices=formats, default=None,
                   help=f"output format (default: {formats[0]} on a terminal, jsonl otherwise)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout")


COMMANDS: dict[str, Callable] = {}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newskit",
        description="Text analysis for news coverage: cleaning, readability, quotes and sources, "
        "sentiment per source, claims and timelines.",
    )
    parser.add_argument("--version", action="version", version=f"newskit {__version__}")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks for internal errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("clean", help="print an article's clean text (site furniture removed)")
    _add_common(p, formats=("text", "jsonl"))
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser("manifest", help="write a corpus.csv manifest for articles")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--root", help="folder the manifest will live in (paths are relative to it)")
    p.add_argument("-o", "--output", metavar="FILE")
    p.set_defaults(func=cmd_manifest)

    # >>> analysis subcommands (readability, quotes, sentiment, claims, timeline, evaluate) >>>
    # <<< analysis subcommands <<<

    p = sub.add_parser("report", help="execute the notebooks on a corpus and write an HTML report")
    p.add_argument("--corpus", default="data/corpus.csv", help="corpus manifest (default: data/corpus.csv)")
    p.add_argument("--out", default="build/report", help="output folder (default: build/report)")
    p.set_defaults(func=cmd_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newskit`` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "format", None) is None and hasattr(args, "format"):
        args.format = None if args.command == "clean" else _default_format()
    try:
        args.func(args)
    except errors.NewskitError as exc:
        print(f"newskit: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newskit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except Exception as exc:  # a bug: one line unless --debug
        if args.debug:
            raise
        print(f"newskit: internal error: {type(exc).__name__}: {exc} (rerun with --debug for details)",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
