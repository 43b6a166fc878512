"""How well the quote extractor works: precision, recall and F1 against hand annotations.

Hand annotations live in ``data/annotations/quotes/<article_id>.jsonl``, one JSON object per
quotation or reported statement a person found while reading the article: ``kind``,
``start``, ``end``, ``text`` (``article_text[start:end] == text``), ``speaker`` (as written, or
null), ``speaker_start``, ``speaker_end`` and ``canonical`` (who is speaking, or null).

The measure is the GenderGapTracker's (Asr et al. 2021, "The Gender Gap Tracker", PLOS ONE):
a predicted quote *matches* an annotated one when the characters they share, divided by the
length of the **annotated** span, reach a threshold (0.3 is lenient, 0.8 strict).  Each
annotation matches at most one prediction and vice versa (greedy, best overlap first; ties
go to the pair with the larger overlap over the union, then the same kind).  Precision =
matches ÷ predictions, recall = matches ÷ annotations, F1 their harmonic mean.  Speaker
accuracy is the share of matched pairs whose canonical speakers agree (case, leading
articles, apostrophe style and spacing ignored, a possessive read as an of-phrase:
"Velmora’s defence ministry" = "defence ministry of Velmora", and, for a state body (ministry,
army, government, delegation…), a country written as its demonym or as a plain modifier read
as the country: "Dravenian interior ministry" = "Dravenia’s interior ministry" = "Dravenia
interior ministry", by the stem left when demonym endings go; both null counts as agreement): it asks
whether newskit names the right source, pronouns and surnames resolved.  Speaker *mention*
accuracy is the GenderGapTracker's own speaker measure (``evaluate_quotes.py`` of its
repository): a matched pair agrees when the predicted speaker span shares at least one character
with the annotated speaker span (the mention as written nearest the quote, so "he" counts when
it is the "he" the annotator marked, whatever it resolves to), or when the annotation has no
written speaker and the prediction is a *floating quote* (a quote whose speaker comes from an
earlier quote or sentence: rules "adjacent quote", "next paragraph", "named earlier"), exactly as
the tracker's evaluator scores them (a prediction with no speaker at all never matches).  It is the measure behind the published
86.5 %, so it is the one to compare with that figure; the canonical measure is stricter.  Kind
accuracy is reported too, but kinds do not have to agree for a match.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import errors

__all__ = [
    "ANNOTATION_FIELDS",
    "default_annotations_dir",
    "load_annotations",
    "overlap",
    "match_spans",
    "same_speaker",
    "same_mention",
    "QuoteEvaluation",
    "evaluate_quotes",
]

ANNOTATION_FIELDS = ("kind", "start", "end", "text", "speaker", "canonical")
_KINDS = ("direct", "partial", "reported")


def read_jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    """Yield ``(line number, object)`` for each non-blank line of a JSON Lines annotation file.

    Shared by the quote and the claims evaluations; a line that is not JSON raises
    :class:`newskit.errors.AnnotationError` naming the file and line.
    """
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield line_no, json.loads(line)
        except json.JSONDecodeError as exc:
            raise errors.AnnotationError(f"{path.name}:{line_no}: not JSON ({exc.msg})") from None


def default_annotations_dir() -> Path:
    """Return the project's ``data/annotations/quotes`` folder."""
    return Path(__file__).resolve().parents[2] / "data" / "annotations" / "quotes"


def load_annotations(folder: str | Path | None = None, articles: Iterable | None = None) -> dict[str, list[dict]]:
    """Return ``{article_id: [annotation, ...]}`` read from the ``*.jsonl`` files of ``folder``.

    The file name (without ``.jsonl``) is the article id.  When ``articles`` is given, only
    their annotations are read and every span is checked against the article's text.  A
    malformed file raises :class:`newskit.errors.AnnotationError` naming the file and line.
    """
    root = Path(folder) if folder is not None else default_annotations_dir()
    if not root.exists():
        raise errors.InputNotFound(f"{root}: no such annotation folder")
    texts = {a.id: a.text for a in articles} if articles is not None else None
    out: dict[str, list[dict]] = {}
    for path in sorted(root.glob("*.jsonl")):
        aid = path.stem
        if texts is not None and aid not in texts:
            continue
        rows = []
        for line_no, row in read_jsonl(path):
            missing = [f for f in ANNOTATION_FIELDS if f not in row]
            if missing:
                raise errors.AnnotationError(f"{path.name}:{line_no}: missing field(s) {', '.join(missing)}")
            if row["kind"] not in _KINDS:
                raise errors.AnnotationError(f"{path.name}:{line_no}: kind must be one of {', '.join(_KINDS)}")
            if not (isinstance(row["start"], int) and isinstance(row["end"], int) and 0 <= row["start"] < row["end"]):
                raise errors.AnnotationError(f"{path.name}:{line_no}: start and end must be integers, start < end")
            if texts is not None and texts[aid][row["start"]:row["end"]] != row["text"]:
                raise errors.AnnotationError(f"{path.name}:{line_no}: the span {row['start']}:{row['end']} "
                                             "does not hold the annotated text (was the article changed?)")
            rows.append(row)
        out[aid] = rows
    return out


def overlap(pred: tuple[int, int], gold: tuple[int, int]) -> float:
    """Characters shared by two spans divided by the length of ``gold`` (GenderGapTracker's measure)."""
    inter = min(pred[1], gold[1]) - max(pred[0], gold[0])
    length = gold[1] - gold[0]
    return max(inter, 0) / length if length > 0 else 0.0


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(min(a[1], b[1]) - max(a[0], b[0]), 0)
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def match_spans(pred: Sequence[tuple[int, int, str]], gold: Sequence[tuple[int, int, str]],
                threshold: float) -> list[tuple[int, int, float]]:
    """Match predicted to annotated spans ``(start, end, kind)``; return ``(pred_i, gold_i, overlap)``.

    One-to-one, greedy by overlap (see the module notes), keeping pairs whose overlap
    reaches ``threshold``.
    """
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ov = overlap(p[:2], g[:2])
            if ov >= threshold and ov > 0:
                pairs.append((-ov, -_iou(p[:2], g[:2]), p[2] != g[2], i, j, ov))
    pairs.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for *_, i, j, ov in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j, ov))
    return sorted(out, key=lambda t: t[1])


def _norm_speaker(s) -> str | None:
    if s is None or (isinstance(s, float) and s != s) or not str(s).strip():
        return None
    s = str(s).replace("’", "'").lower()
    s = re.sub(r"\s+", " ", s).strip(" .,;:")
    s = re.sub(r"^(?:the|a|an) ", "", s)
    # a possessive and an of-phrase name the same source: "velmora's defence ministry" = "defence ministry of velmora"
    s = re.sub(r"^([\w\-]+(?: [\w\-]+)?)'s (.+)$", r"\2 of \1", s)
    # and so does a country written as a demonym or a plain modifier before the source's noun:
    # "dravenian interior ministry" = "interior ministry of dravenia", "ormund health ministry"
    m = re.match(r"^([a-z][\w\-]+) (.+)$", s)
    if m is None or not _is_org(s):
        return s
    if " of " not in s and _is_place_word(m.group(1)):
        s = f"{m.group(2)} of {m.group(1)}"
    return re.sub(r"(?<= of )([a-z][\w\-]+)$", lambda g: _place_stem(g.group(1)), s)


_ORG_HEADS = frozenset(
    "ministry government army military forces delegation embassy parliament police authorities officials "
    "media presidency office command agency administration navy troops prosecutor envoy ambassador "
    "spokesman spokeswoman spokesperson official diplomat".split())


def _is_org(name: str) -> bool:
    """Does a normalised name end in (or have before its "of") a state body's noun?"""
    return name.split(" of ")[0].split()[-1] in _ORG_HEADS


# a country's name and its demonym share a stem once these endings go ("dravenia" / "dravenian",
# "ormund" / "ormundi", "drenska" / "drenskan", "valdoria" / "valdorian", "kastrany" / "kastrani")
_DEMONYM_END = re.compile(r"(?:ians?|ans?|ese|ish|is?|ns?|ia|a|y)$")


def _place_stem(word: str) -> str:
    """``word`` with demonym and country endings taken off until none is left, keeping at least
    three letters: one pass is not enough when the name itself ends like a demonym ("quellan" →
    "quell", but "quellani" → "quellan" → "quell"; "kastrany" → "kastran" → "kastr")."""
    while True:
        stem = _DEMONYM_END.sub("", word)
        if stem == word or len(stem) < 3:
            return word
        word = stem


def _is_place_word(word: str) -> bool:
    """A modifier that names a country or people, not a kind of source ("defence", "senior")."""
    return word not in _COMMON_MODIFIERS and len(word) >= 4


_COMMON_MODIFIERS = frozenset(
    "defence defense foreign interior health finance energy water justice education transport economy "
    "senior junior deputy chief top former local regional national state federal military police army "
    "government ministry presidential opposition western eastern northern southern border city town "
    "village district provincial joint international independent second third other two three several "
    "many some most".split())


def same_speaker(predicted, annotated) -> bool:
    """True when two canonical speaker names agree (see the module notes)."""
    return _norm_speaker(predicted) == _norm_speaker(annotated)


@dataclass(frozen=True)
class QuoteEvaluation:
    """Result of :func:`evaluate_quotes`.

    ``scores``: one row per scope (each article, ``corpus``, ``fixtures``, ``all``) and
    threshold, with ``annotated, predicted, matched, precision, recall, f1,
    speaker_accuracy, speaker_mention_accuracy, kind_accuracy``.  ``details``: one row per annotation and per
    unmatched prediction at the strict threshold, with ``status`` (``hit``, ``wrong
    speaker``, ``missed``, ``extra``).  ``skipped``: ids of articles without annotations.
    """

    scores: object
    details: object
    skipped: tuple[str, ...]


# rules by which a quote with no speaker in its own sentence takes an earlier one: a "floating
# quote" in the GenderGapTracker's terms
FLOATING_RULES = ("adjacent quote", "next paragraph", "named earlier")


def same_mention(pred_span: tuple[int | None, int | None], gold_span: tuple[int | None, int | None],
                 floating: bool = False) -> bool:
    """GenderGapTracker's speaker match: the two speaker spans share a character, or the
    annotation has no written speaker and the prediction is a floating quote (its speaker taken
    from an earlier quote or sentence: rules of :data:`FLOATING_RULES`).  As in the tracker's
    evaluator, a prediction with no speaker at all never matches."""
    (ps, pe), (gs, ge) = pred_span, gold_span
    if gs is None or ge is None:
        return floating
    return ps is not None and pe is not None and min(pe, ge) > max(ps, gs)


def _prf(matched: int, predicted: int, annotated: int) -> tuple[float, float, float]:
    p = matched / predicted if predicted else 0.0
    r = matched / annotated if annotated else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate_quotes(articles: Iterable, annotations: dict[str, list[dict]] | str | Path | None = None, *,
                    thresholds: Sequence[float] = (0.3, 0.8), extract: Callable | None = None,
                    groups: dict[str, str] | None = None) -> QuoteEvaluation:
    """Score the extractor on every article of ``articles`` that has hand annotations.

    ``annotations`` is a dict from :func:`load_annotations` or a folder (default: the
    project's ``data/annotations/quotes``).  ``extract(article)`` gives the predictions
    (default :func:`newskit.quotes.article_quotes`).  ``groups`` maps article ids to a scope
    name (e.g. ``corpus`` / ``fixtures``) so scores are also pooled per group; ``all``
    pools everything.  Articles without annotations are listed in ``skipped``.
    """
    import pandas as pd

    from .quotes import article_quotes

    articles = list(articles)
    extract = extract or article_quotes
    if not isinstance(annotations, dict):
        annotations = load_annotations(annotations, articles)
    groups = groups or {}
    per: list[tuple[str, str, float, int, int, int, int, int]] = []
    details = []
    skipped = []
    strict = max(thresholds)
    for art in articles:
        gold = annotations.get(art.id)
        if gold is None:
            skipped.append(art.id)
            continue
        preds = list(extract(art))
        pspans = [(q.start, q.end, str(getattr(q.kind, "value", q.kind))) for q in preds]
        gspans = [(g["start"], g["end"], g["kind"]) for g in gold]
        for th in thresholds:
            m = match_spans(pspans, gspans, th)
            spk = sum(same_speaker(preds[i].canonical_speaker, gold[j]["canonical"]) for i, j, _ in m)
            mention = sum(same_mention((preds[i].speaker_start, preds[i].speaker_end),
                                       (gold[j].get("speaker_start"), gold[j].get("speaker_end")),
                                       str(preds[i].rule).startswith(FLOATING_RULES)) for i, j, _ in m)
            kind_ok = sum(pspans[i][2] == gspans[j][2] for i, j, _ in m)
            per.append((art.id, groups.get(art.id, ""), th, len(gold), len(preds), len(m), spk, mention, kind_ok))
            if th == strict:
                by_gold = {j: (i, ov) for i, j, ov in m}
                for j, g in enumerate(gold):
                    if j in by_gold:
                        i, ov = by_gold[j]
                        q = preds[i]
                        ok = same_speaker(q.canonical_speaker, g["canonical"])
                        status = "hit" if ok else "wrong speaker"
                        details.append((art.id, status, g["kind"], str(q.kind.value), g["text"], g["canonical"],
                                        q.canonical_speaker, q.rule, round(ov, 3)))
                    else:
                        details.append((art.id, "missed", g["kind"], None, g["text"], g["canonical"], None,
                                        None, 0.0))
                matched_p = {i for i, _, _ in m}
                for i, q in enumerate(preds):
                    if i not in matched_p:
                        details.append((art.id, "extra", None, str(q.kind.value), q.text, None,
                                        q.canonical_speaker, q.rule, 0.0))
    rows = []
    frame = pd.DataFrame(per, columns=["scope", "group", "threshold", "annotated", "predicted", "matched",
                                       "speaker_ok", "mention_ok", "kind_ok"])
    scopes: list[tuple[str, object]] = [(aid, frame["scope"] == aid) for aid in dict.fromkeys(frame["scope"])]
    for g in sorted({x for x in frame["group"] if x}):
        if g not in frame["scope"].values:  # a group of one article named for it is already a scope
            scopes.append((g, frame["group"] == g))
    scopes.append(("all", frame["scope"].notna()))
    for name, mask in scopes:
        sub = frame[mask]
        for th in thresholds:
            s = sub[sub["threshold"] == th]
            ann, pred, mat = int(s["annotated"].sum()), int(s["predicted"].sum()), int(s["matched"].sum())
            p, r, f = _prf(mat, pred, ann)
            rows.append({
                "scope": name, "threshold": th, "annotated": ann, "predicted": pred, "matched": mat,
                "precision": p, "recall": r, "f1": f,
                "speaker_accuracy": int(s["speaker_ok"].sum()) / mat if mat else 0.0,
                "speaker_mention_accuracy": int(s["mention_ok"].sum()) / mat if mat else 0.0,
                "kind_accuracy": int(s["kind_ok"].sum()) / mat if mat else 0.0,
            })
    scores = pd.DataFrame(rows, columns=["scope", "threshold", "annotated", "predicted", "matched", "precision",
                                         "recall", "f1", "speaker_accuracy", "speaker_mention_accuracy",
                                         "kind_accuracy"])
    det = pd.DataFrame(details, columns=["article_id", "status", "annotated_kind", "predicted_kind", "text",
                                         "annotated_speaker", "predicted_speaker", "rule", "overlap"])
    return QuoteEvaluation(scores, det, tuple(skipped))
