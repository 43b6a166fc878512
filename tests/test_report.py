"""`newskit report`: notebooks executed on a corpus with parameters injected, HTML index written."""

from __future__ import annotations

import shutil

import nbformat
import pytest

from conftest import FIXTURES, ROOT, run_cli
from newskit import errors
from newskit.report import build_report, find_notebooks, inject_parameters


@pytest.fixture(scope="module")
def user_corpus(tmp_path_factory):
    """A corpus a user might bring: two fixture articles and a manifest made by `newskit manifest`."""
    d = tmp_path_factory.mktemp("user")
    shutil.copytree(FIXTURES / "articles", d / "articles")
    r = run_cli("manifest", str(d / "articles"), "--root", str(d), "-o", str(d / "corpus.csv"))
    assert r.returncode == 0, r.stderr
    return d / "corpus.csv"


def test_inject_parameters_after_tagged_cell():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# T"),
                nbformat.v4.new_code_cell("CORPUS = 'x'", metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("print(CORPUS)")]
    inject_parameters(nb, {"CORPUS": "/data/other.csv"})
    assert nb.cells[2].source.endswith("CORPUS = '/data/other.csv'\n")
    assert nb.cells[2].metadata["tags"] == ["injected-parameters"]


def test_every_notebook_has_a_parameters_cell():
    for book in find_notebooks(ROOT / "notebooks"):
        nb = nbformat.read(book, as_version=4)
        tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1 and "CORPUS" in tagged[0].source, book.name


def test_report_on_a_user_corpus(user_corpus, tmp_path):
    out = tmp_path / "report"
    r = run_cli("report", "--corpus", str(user_corpus), "--out", str(out))
    assert r.returncode == 0, r.stderr[-2000:]
    books = find_notebooks(ROOT / "notebooks")
    for i, book in enumerate(books, 1):
        assert f"[{i}/{len(books)}] {book.name} ok" in r.stderr  # progress per notebook
        page = (out / book.with_suffix(".html").name).read_text(encoding="utf-8")
        assert "alpha" in page  # ran on the user's corpus, not the bundled one
        assert "000_8cfc11e6a8a8e6fd" not in page
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{b.with_suffix(".html").name}"' in index for b in books)
    assert "2 articles" in index
    corpus_csv = (out / "tables" / "corpus.csv").read_text(encoding="utf-8")
    assert corpus_csv.splitlines()[1].startswith("alpha,")
    assert r.stdout.strip().endswith("index.html")


def test_failed_notebook_leaves_previous_report_untouched(user_corpus, tmp_path):
    books = tmp_path / "books"
    books.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("CORPUS = ''", metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("raise ValueError('boom')")]
    nbformat.write(nb, books / "01-broken.ipynb")
    out = tmp_path / "report"
    out.mkdir()
    (out / "index.html").write_text("previous", encoding="utf-8")
    with pytest.raises(errors.ReportError, match="01-broken.ipynb failed: .*boom"):
        build_report(user_corpus, out, notebooks=books)
    assert (out / "index.html").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["books", "report"]  # no staging folder left


def test_report_bad_corpus_exit_2(tmp_path):
    r = run_cli("report", "--corpus", str(tmp_path / "none.csv"), "--out", str(tmp_path / "out"))
    assert r.returncode == 2 and "no such file" in r.stderr
    assert not (tmp_path / "out").exists()


def test_split_stream_outputs_are_stored_as_one():
    # one print delivered in two kernel messages must be stored as the same single output
    from newskit.report import _coalesced
    out = nbformat.v4.new_output
    split = [out("stream", name="stdout", text="4 of 32 sentences"), out("stream", name="stdout", text="\n"),
             out("stream", name="stderr", text="warn\n"), out("execute_result", data={"text/plain": "x"})]
    got = _coalesced(split)
    assert [o.get("text") for o in got] == ["4 of 32 sentences\n", "warn\n", None]
