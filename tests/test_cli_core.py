"""The `newskit` command: clean, manifest, error handling — through the real entry point."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest

from conftest import FIXTURES, MANIFEST, RAW, ROOT, run_cli

FURNITURE = ("Global News", "Story Highlights", "Facebook Comments", "Related Articles", "Back to top button",
             "Adblock Detected", "ad blocker")


def test_clean_jsonl_contract(first_article):
    r = run_cli("clean", str(RAW.relative_to(ROOT)), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 1
    row = json.loads(lines[0])
    assert list(row) == ["article_id", "title", "highlights", "text", "removed"]
    assert row["article_id"] == "000_8cfc11e6a8a8e6fd"
    assert row["title"] == "Russia And Armenia Agree To Take “Joint Steps To Stabilise” Border"
    assert len(row["highlights"]) == 2
    body = row["text"].split("\n\n")
    raw_blocks = [b.strip() for b in RAW.read_text(encoding="utf-8").split("\n\n")]
    assert len(body) == len(set(body)) == 26  # every body paragraph exactly once
    assert all(p in raw_blocks for p in body)
    for f in FURNITURE:
        assert f not in row["text"]
    assert {"text": "Facebook Comments", "reason": "comments section"} in row["removed"]
    assert row["text"] == first_article.text


def test_clean_text_format_and_manifest_input(first_article):
    r = run_cli("clean", "data/corpus.csv", "--format", "text")
    assert r.returncode == 0 and r.stdout == first_article.text + "\n"


def test_clean_several_articles_text_headers():
    r = run_cli("clean", str(FIXTURES / "articles"), "--format", "text")
    assert r.returncode == 0
    assert r.stdout.startswith("==> alpha <==\n") and "==> beta <==" in r.stdout


def test_manifest_command_reproduces_data_corpus_csv():
    r = run_cli("manifest", "data/raw", "--root", "data")
    assert r.returncode == 0 and r.stdout == MANIFEST.read_text(encoding="utf-8")


def test_output_file_written_atomically(tmp_path):
    out = tmp_path / "deep" / "clean.jsonl"
    r = run_cli("clean", str(RAW), "--format", "jsonl", "-o", str(out))
    assert r.returncode == 0 and r.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["article_id"] == "000_8cfc11e6a8a8e6fd"
    assert [p.name for p in out.parent.iterdir()] == ["clean.jsonl"]  # no temporary file left


@pytest.mark.parametrize(
    "name, data, fragment",
    [
        ("empty.txt", b"", "the file is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary data"),
        ("broken.txt", "Armenia’s ".encode() + b"\xff\xfe", "invalid UTF-8"),
        ("nobody.html", b"<html><body><nav>Home</nav></body></html>", "no prose paragraph"),
        ("corpus.csv", b"id,path\nx,a.txt\n", "missing column(s)"),
        ("escape.csv", b"id,outlet,title,published,url,language,path\nx,,,,,en,../../etc/passwd\n", "leaves the manifest"),
    ],
)
def test_bad_input_one_line_exit_2_nothing_written(tmp_path, name, data, fragment):
    p = tmp_path / name
    p.write_bytes(data)
    out = tmp_path / "out.jsonl"
    r = run_cli("clean", str(p), "--format", "jsonl", "-o", str(out))
    assert r.returncode == 2
    assert r.stdout == ""
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("newskit: error: ") and fragment in r.stderr
    assert "Traceback" not in r.stderr
    assert not out.exists()


def test_missing_path_exit_2(tmp_path):
    r = run_cli("clean", str(tmp_path / "missing.txt"))
    assert r.returncode == 2 and "no such file or folder" in r.stderr and r.stderr.count("\n") == 1


def test_usage_errors_exit_2():
    r = run_cli("clean")
    assert r.returncode == 2 and "usage:" in r.stderr


def test_console_script_installed():
    exe = ROOT / ".venv" / "bin" / "newskit"
    if not exe.exists():  # running outside the project venv
        pytest.skip("console script not installed in .venv")
    r = subprocess.run([str(exe), "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("newskit ")


def test_raw_data_never_modified():
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (ROOT / "data" / "raw").iterdir()}
    mtimes = {p: p.stat().st_mtime_ns for p in before}
    for args in (("clean", "data/raw"), ("manifest", "data/raw", "--root", "data")):
        assert run_cli(*args).returncode == 0
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in before} == before
    assert {p: p.stat().st_mtime_ns for p in before} == mtimes


def test_50_megabyte_file_works_with_bounded_memory(tmp_path):
    paras = [b.strip() for b in RAW.read_text(encoding="utf-8").split("\n\n")][5:30]
    blocks, size, i = [], 0, 0
    while size < 50 * 1024 * 1024:
        block = f"Dispatch {i}: {paras[i % len(paras)]}"
        blocks.append(block)
        size += len(block.encode("utf-8")) + 2
        i += 1
    big = tmp_path / "big.txt"
    big.write_text("Big Site\n\nA big headline\n\n" + "\n\n".join(blocks), encoding="utf-8")
    del blocks
    out = tmp_path / "big.jsonl"
    probe = (
        "import resource, subprocess, sys;"
        f"r = subprocess.run([sys.executable, '-m', 'newskit.cli', 'clean', {str(big)!r}, '--format', 'jsonl',"
        f" '-o', {str(out)!r}]);"
        "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=600)
    code, max_rss_kb = map(int, r.stdout.split())
    assert code == 0, r.stderr
    assert max_rss_kb < 1_000_000, f"{max_rss_kb} kB for a 50 MB file"  # under 20x the input
    row = json.loads(out.read_text(encoding="utf-8"))
    assert row["title"] == "A big headline" and row["text"].count("\n\n") == i - 1
