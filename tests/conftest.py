"""Shared fixtures: paths of the project, the bundled corpus and the fixture files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
RAW = ROOT / "data" / "raw" / "000_8cfc11e6a8a8e6fd.txt"
MANIFEST = ROOT / "data" / "corpus.csv"


@pytest.fixture(scope="session")
def first_article():
    from newskit.corpus import load_corpus

    return load_corpus(MANIFEST)[0]


def run_cli(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run the real ``newskit`` entry point (the console script's module) and capture its output."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    return subprocess.run(
        [sys.executable, "-m", "newskit.cli", *args],
        capture_output=True, text=True, cwd=cwd or ROOT, env=env, input=stdin, timeout=600,
    )


# Property tests are derandomized by default so the suite, like everything in newskit, gives the
# same result on every run (and CI cannot fail on a new random draw). To explore new examples:
#   HYPOTHESIS_PROFILE=explore .venv/bin/pytest tests
from hypothesis import settings as _hsettings  # noqa: E402

_hsettings.register_profile("default", derandomize=True, database=None)
_hsettings.register_profile("explore", derandomize=False)
_hsettings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
