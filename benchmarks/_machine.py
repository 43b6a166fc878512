"""What a benchmark figure was measured on: the interpreter and the processor.

Every script in ``benchmarks/`` prints :func:`describe` first, because the same code runs at
different speeds under different builds of the same CPython version.  On the build machine of
2026-12-04 (a 2-core AMD EPYC), ``python3`` was a pyenv build of CPython 3.11.7 (configured
without ``--enable-optimizations``, with a shared ``libpython``); Debian's own CPython 3.11.2
(``/usr/bin/python3.11``, ``libpython`` linked in) ran the quote extractor in 1.1× fewer
instructions (callgrind: 6.73 M → 6.02 M per article on the bundled corpus, 14.8 M → 13.3 M on
the varied one) and 1.1–1.4× faster by the clock, a spread within this machine's noise.  To measure
another interpreter against the project's installed packages::

    PYTHONPATH=.venv/lib/python3.11/site-packages:src /usr/bin/python3.11 benchmarks/quotes.py
"""

from __future__ import annotations

import os
import platform
import sys


def _processor() -> str:
    """The model name of the first processor in /proc/cpuinfo (Linux), else platform's guess."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _libpython() -> str:
    """Whether this process runs ``libpython`` as a shared library (read from /proc/self/maps
    on Linux: a build's configure data can say otherwise, as Debian's does) or linked into the
    executable."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as fh:
            shared = any("libpython" in line for line in fh)
    except OSError:
        return "libpython: unknown"
    return "shared libpython" if shared else "libpython linked in"


def describe() -> str:
    """One line: interpreter version, how libpython is linked, executable, processor."""
    return (f"measured with {platform.python_implementation()} {platform.python_version()} ({_libpython()}; "
            f"{sys.executable}) on {_processor()}, {os.cpu_count()} logical CPUs")


if __name__ == "__main__":
    print(describe())
