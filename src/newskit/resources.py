"""Access to the small data files in ``newskit/resources`` (loaded once, cached).

Lists that are data (abbreviations, boilerplate patterns, reporting verbs…) live in
plain-text files beside this module so they can be read, reviewed and extended without
touching code.  Lines starting with ``#`` and blank lines are ignored everywhere.
"""

from __future__ import annotations

import csv
import functools
from importlib import resources as _ir
from pathlib import Path


def path(name: str) -> Path:
    """Return the filesystem path of resource ``name`` (a file shipped inside the package)."""
    return Path(str(_ir.files("newskit") / "resources" / name))


@functools.cache
def lines(name: str) -> tuple[str, ...]:
    """Return the non-blank, non-comment lines of resource ``name``, stripped, in file order."""
    out = []
    with path(name).open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return tuple(out)


@functools.cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """Return the rows of tab-separated resource ``name`` (header line first; ``#`` lines skipped)."""
    with path(name).open(encoding="utf-8", newline="") as fh:
        body = [ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(body, delimiter="\t", quoting=csv.QUOTE_NONE))
