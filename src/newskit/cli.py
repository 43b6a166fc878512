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


def _output(frame, args, *, table_round: int | None = None, table_columns: list[str] | None = None) -> None:
    """Filter by ``--kind`` when the command has it, shape the table format, render and emit."""
    if getattr(args, "kind", None):
        frame = frame[frame["kind"] == args.kind]
    if args.format == "table":
        if table_columns:
            frame = frame[table_columns]
        if table_round is not None:
            frame = frame.round(table_round)
    _emit(_render(frame, args.format), args)


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


def cmd_sentiment(args) -> None:
    """Tone of quotes per source: quotes → VADER scores → groups with bootstrap intervals."""
    from .quotes import quotes_frame
    from .sentiment import score_quotes, sentiment_by_source

    articles = _load(args.paths)
    scored = score_quotes(quotes_frame(articles), articles)
    score = {"quote": "compound", "context": "context_compound", "relative": "relative_compound"}[args.score]
    table = sentiment_by_source(scored, by=args.by, score=score, seed=args.seed,
                                include_nested=args.include_nested)
    _output(table, args)


def cmd_quotes(args) -> None:
    from .quotes import quotes_frame

    _output(quotes_frame(_load(args.paths), scare_quotes=args.scare_quotes), args)


def cmd_readability(args) -> None:
    """Six readability formulas per article, prose paragraph or sentence (newskit.readability)."""
    from .readability import readability_frame

    _output(readability_frame(_load(args.paths), by=args.by), args, table_round=2)


def cmd_claims(args) -> None:
    """Numeric claims and blame statements with their claimants (newskit.claims)."""
    from .claims import claims_table

    _output(claims_table(_load(args.paths), anchor=args.anchor), args)


def cmd_timeline(args) -> None:
    """One event per sentence with a time expression, resolved against --anchor or event_date."""
    from .claims import timeline_frame

    _output(timeline_frame(_load(args.paths), anchor=args.anchor), args,
            table_columns=["article_id", "when", "granularity", "expression", "claimant", "period", "start", "end"])


def cmd_evaluate_claims(args) -> None:
    """Precision and recall of claims, times and blame against hand annotations."""
    from .claims import evaluate_claims, load_claim_annotations

    _output(evaluate_claims(_load(args.paths), load_claim_annotations(args.annotations)), args, table_round=3)


def cmd_evaluate(args) -> None:
    from .evaluate import default_annotations_dir, evaluate_quotes

    root = Path(__file__).resolve().parents[2]
    paths = args.paths or [str(p) for p in (root / "data" / "corpus.csv", root / "tests" / "fixtures" / "quotes")
                           if p.exists()]
    if not paths:
        raise errors.InputNotFound("no articles to evaluate: give PATHs (articles, folders or a corpus.csv)")
    groups: dict[str, str] = {}
    articles = []
    for path in paths:
        batch = _load([path])
        pp = Path(path)
        name = f"{pp.parent.name}/{pp.name}" if pp.is_dir() else pp.stem
        for a in batch:
            groups.setdefault(a.id, name)
        articles.extend(batch)
    ev = evaluate_quotes(articles, args.annotations or default_annotations_dir(), groups=groups)
    if ev.skipped:
        print(f"newskit: {len(ev.skipped)} article(s) without annotations skipped", file=sys.stderr)
    _output(ev.details if args.details else ev.scores.round(3), args)


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
    p = sub.add_parser("sentiment", help="tone of quotes per speaker, side, source type or article (VADER)")
    _add_common(p)
    p.add_argument("--by", choices=("speaker", "side", "type", "article"), default="speaker",
                   help="group quotes by canonical speaker, side, source type or article (default: speaker)")
    p.add_argument("--score", choices=("quote", "context", "relative"), default="quote",
                   help="score of the quote alone, of its sentence, or relative to the article's mean "
                        "sentence (default: quote)")
    p.add_argument("--seed", type=int, default=0, help="seed of the bootstrap interval (default: 0)")
    p.add_argument("--include-nested", action="store_true",
                   help="also count partial quotes lying inside a reported clause already counted")
    p.set_defaults(func=cmd_sentiment)
    p = sub.add_parser("quotes", help="quotations and reported speech with their speakers and sides")
    _add_common(p)
    p.add_argument("--kind", choices=("direct", "partial", "reported"), help="keep only one kind of quote")
    p.add_argument("--scare-quotes", action="store_true",
                   help="keep one-word unattributed scare quotes (left out by default)")
    p.set_defaults(func=cmd_quotes)
    p = sub.add_parser("readability", help="readability formulas (Flesch, FKGL, Fog, SMOG, Coleman-Liau, ARI)")
    _add_common(p)
    p.add_argument("--by", choices=("article", "paragraph", "sentence"), default="article",
                   help="one row per article, prose paragraph or sentence (default: article)")
    p.set_defaults(func=cmd_readability)
    p = sub.add_parser("claims", help="numeric claims (casualties, counts) and blame statements with claimants")
    _add_common(p)
    p.add_argument("--anchor", metavar="YYYY-MM-DD", help="date of the events (default: each article's event_date)")
    p.add_argument("--kind", choices=("casualty", "count", "blame"), help="keep only one kind of claim")
    p.set_defaults(func=cmd_claims)
    p = sub.add_parser("timeline", help="time expressions as timeline events (ISO dates / UTC times)")
    _add_common(p)
    p.add_argument("--anchor", metavar="YYYY-MM-DD",
                   help="date of the events, to resolve 'on Tuesday', 'last week' (default: each article's "
                        "event_date; without one relative times stay unresolved)")
    p.set_defaults(func=cmd_timeline)
    p = sub.add_parser("evaluate-claims", help="precision/recall of claims, times and blame vs hand annotations")
    _add_common(p)
    p.add_argument("--annotations", default="data/annotations/claims",
                   help="annotation .jsonl file or folder (default: data/annotations/claims)")
    p.set_defaults(func=cmd_evaluate_claims)
    p = sub.add_parser("evaluate", help="precision, recall and F1 of the quote extractor against hand annotations")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="articles, folders or corpus.csv (default: data/corpus.csv and tests/fixtures/quotes)")
    p.add_argument("--format", choices=FORMATS, default=None)
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--annotations", metavar="DIR", help="annotation folder (default: data/annotations/quotes)")
    p.add_argument("--details", action="store_true", help="list every annotation and extra prediction instead")
    p.set_defaults(func=cmd_evaluate)
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
