"""Run the notebooks on a corpus and write an HTML report (what ``make report`` does).

For each notebook in ``notebooks/`` (in file-name order) the cell tagged ``parameters``
is followed by an injected cell setting ``CORPUS`` to the chosen manifest (the papermill
convention, so the same notebook reruns on anyone's articles), the notebook is executed
with the project's own Python kernel (nbclient), and rendered to HTML (nbconvert).  The
report folder gets ``index.html`` linking one page per notebook, and the analysis tables
as CSV.  Everything is built in a temporary folder beside the destination and moved into
place only when every notebook succeeded: the report is written whole or not at all.
"""

from __future__ import annotations

import html
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from . import errors
from .corpus import load_corpus

__all__ = ["build_report", "inject_parameters", "find_notebooks", "tables", "refresh_notebooks"]


def tables(articles) -> dict[str, object]:
    """Return the report's tables for ``articles``: file name → DataFrame, in a fixed order.

    One table per analysis (corpus, paragraphs, readability by article and paragraph,
    quotes with their tone, share of voice and tone by side and by speaker, numeric
    claims, timeline, blame statements and paired versions); each is the library's own
    ``*_frame`` function, so the CSVs hold exactly what the notebooks show.
    """
    from .claims import blame_frame, claims_frame, timeline_frame, versions_frame
    from .corpus import corpus_frame
    from .quotes import quotes_frame
    from .readability import readability_frame
    from .sentiment import score_quotes, sentiment_by_source
    from .sources import share_of_voice
    from .text import paragraphs_frame

    quotes = score_quotes(quotes_frame(articles), articles)
    return {
        "corpus.csv": corpus_frame(articles),
        "paragraphs.csv": paragraphs_frame(articles),
        "readability.csv": readability_frame(articles),
        "readability_by_paragraph.csv": readability_frame(articles, by="paragraph"),
        "quotes.csv": quotes,
        "share_of_voice_by_side.csv": share_of_voice(quotes, by="side"),
        "sentiment_by_side.csv": sentiment_by_source(quotes, by="side"),
        "sentiment_by_speaker.csv": sentiment_by_source(quotes, by="speaker"),
        "claims.csv": claims_frame(articles),
        "timeline.csv": timeline_frame(articles),
        "blame.csv": blame_frame(articles),
        "versions.csv": versions_frame(articles),
    }


def find_notebooks(folder: str | Path | None = None) -> list[Path]:
    """Return the report's notebooks (``NN-*.ipynb`` in ``folder``, default the project's ``notebooks/``)."""
    if folder is None:
        here = Path.cwd() / "notebooks"
        folder = here if here.is_dir() else Path(__file__).resolve().parents[2] / "notebooks"
    folder = Path(folder)
    books = sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb") if p.is_file())
    if not books:
        raise errors.ReportError(f"{folder}: no notebooks (NN-name.ipynb) to run")
    return books


def inject_parameters(nb, params: dict[str, object]):
    """Insert a code cell assigning ``params`` right after the cell tagged ``parameters``.

    The new cell is tagged ``injected-parameters`` (papermill's convention); a notebook
    without a ``parameters`` cell gets it at the top.  Returns the notebook (modified).
    """
    import nbformat

    source = "# Parameters injected by `newskit report`\n" + "".join(
        f"{name} = {value!r}\n" for name, value in params.items()
    )
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    cell["id"] = "injected-parameters"
    at = 0
    for i, c in enumerate(nb.cells):
        if "parameters" in c.get("metadata", {}).get("tags", []):
            at = i + 1
            break
    nb.cells.insert(at, cell)
    return nb


def _title(nb, default: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return default


def _run_notebook(path: Path, corpus: Path, timeout: int):
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    inject_parameters(nb, {"CORPUS": str(corpus)})
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}},
        extra_arguments=["--IPKernelApp.log_level=ERROR"],  # no start-up chatter on the terminal
    )
    try:
        client.execute()
    except CellExecutionError as exc:
        lines = [ln for ln in str(exc).splitlines() if ln.strip()]
        raise errors.ReportError(f"{path.name} failed: {lines[-1] if lines else exc}") from None
    return nb


def refresh_notebooks(folder: str | Path | None = None, timeout: int = 600,
                      progress: Callable[[str], None] | None = None) -> list[Path]:
    """Re-execute the project's notebooks in place, top to bottom, on their own parameters.

    What ``make notebooks`` runs after a change to the library, so the stored outputs that
    nbval compares are fresh.  Cell timing metadata is neither kept nor recorded, so a
    notebook whose outputs did not change is written back byte for byte the same.
    Returns the notebooks written; a failing cell raises :class:`newskit.errors.ReportError`.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    books = find_notebooks(folder)
    for book in books:
        if progress:
            progress(f"executing {book.name}")
        nb = nbformat.read(book, as_version=4)
        for cell in nb.cells:
            cell.metadata.pop("execution", None)
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                                resources={"metadata": {"path": str(book.parent)}},
                                extra_arguments=["--IPKernelApp.log_level=ERROR"])
        try:
            client.execute()
        except CellExecutionError as exc:
            lines = [ln for ln in str(exc).splitlines() if ln.strip()]
            raise errors.ReportError(f"{book.name} failed: {lines[-1] if lines else exc}") from None
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = _coalesced(cell.outputs)
        nbformat.write(nb, book)
    return books


def _coalesced(outputs: list) -> list:
    """``outputs`` with each run of stream outputs of the same name merged into one: the kernel
    may deliver one ``print`` in two messages (its text, then the newline), which would make
    the stored notebook differ from one run to the next (nbval merges them the same way)."""
    out: list = []
    for o in outputs:
        if out and o.get("output_type") == "stream" and out[-1].get("output_type") == "stream" \
                and out[-1].get("name") == o.get("name"):
            out[-1]["text"] = out[-1]["text"] + o["text"]
        else:
            out.append(o)
    return out


def _write_tables(articles, out: Path) -> list[str]:
    written = []
    for name, frame in tables(articles).items():
        frame.to_csv(out / name, index=False, lineterminator="\n")
        written.append(name)
    return written


def _index_html(pages: list[tuple[str, str]], tables: list[str], corpus_name: str, n_articles: int) -> str:
    esc = html.escape
    items = "\n".join(f'    <li><a href="{esc(href)}">{esc(title)}</a></li>' for href, title in pages)
    rows = "\n".join(f'    <li><a href="tables/{esc(t)}">{esc(t)}</a></li>' for t in tables)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>newskit report</title>
  <style>body {{ font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; line-height: 1.5 }}</style>
</head>
<body>
  <h1>newskit report</h1>
  <p>Corpus: <code>{esc(corpus_name)}</code>, {n_articles} article{'s' if n_articles != 1 else ''}.</p>
  <h2>Notebooks</h2>
  <ol>
{items}
  </ol>
  <h2>Tables (CSV)</h2>
  <ul>
{rows}
  </ul>
</body>
</html>
"""


def build_report(
    corpus: str | Path = "data/corpus.csv",
    out: str | Path = "build/report",
    *,
    notebooks: str | Path | None = None,
    timeout: int = 600,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Execute every notebook on ``corpus`` and write the HTML report to ``out``; return ``out/index.html``.

    The corpus is loaded first, so a bad corpus fails before any notebook runs.  A
    notebook that fails raises :class:`newskit.errors.ReportError` naming it and its
    error, and leaves ``out`` as it was.  ``progress`` receives one line per step.
    """
    from nbconvert import HTMLExporter

    say = progress or (lambda _msg: None)
    corpus = Path(corpus).resolve()
    articles = load_corpus(corpus)
    books = find_notebooks(notebooks)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        (staging / "tables").mkdir()
        exporter = HTMLExporter()
        pages = []
        for i, book in enumerate(books, 1):
            say(f"[{i}/{len(books)}] {book.name} …")
            started = time.monotonic()
            nb = _run_notebook(book, corpus, timeout)
            body, _ = exporter.from_notebook_node(nb)
            page = book.with_suffix(".html").name
            (staging / page).write_text(body, encoding="utf-8")
            pages.append((page, _title(nb, book.stem)))
            say(f"[{i}/{len(books)}] {book.name} ok ({time.monotonic() - started:.1f} s)")
        tables = _write_tables(articles, staging / "tables")
        say(f"tables: {', '.join(tables)}")
        (staging / "index.html").write_text(
            _index_html(pages, tables, corpus.name, len(articles)), encoding="utf-8"
        )
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=out.parent))
            os.replace(out, old / out.name)
            os.replace(staging, out)
            shutil.rmtree(old)
        else:
            os.replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out / "index.html"
