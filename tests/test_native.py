"""The modules compiled at install: pyproject.toml and digest.native agree, and staleness shows."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from digest import native

ROOT = Path(__file__).resolve().parent.parent


def test_the_compiled_modules_are_the_ones_pyproject_compiles() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["mypyc"]["include"]
    modules = [path.removesuffix(".py").replace("/", ".") for path in include]
    assert sorted(modules) == sorted(native.COMPILED)
    for module in native.COMPILED:
        assert native._files(module)[0].exists(), module


def test_a_source_edited_after_compiling_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "digest"
    (package / "facts").mkdir(parents=True)
    monkeypatch.setattr(native, "_PACKAGE", package)
    monkeypatch.setattr(native, "COMPILED", ("digest.facts.names", "digest.summarize"))
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")  # a source checkout
    for name in ("facts/names.py", "summarize.py"):
        (package / name).write_text("", encoding="utf-8")
    assert native.compiled() == [] and native.describe() == "plain Python"
    binary = package / "facts" / f"names{native.EXTENSION_SUFFIXES[0]}"
    binary.write_bytes(b"")
    assert native.compiled() == ["digest.facts.names"]
    assert native.describe() == "1 of 2 modules compiled"
    (package / f"summarize{native.EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    assert native.stale() == [] and native.describe() == "compiled"
    source = package / "facts" / "names.py"
    later = binary.stat().st_mtime + 10
    os.utime(source, (later, later))
    assert native.stale() == ["digest.facts.names"]
    assert native.describe() == "compiled, 1 out of date: reinstall"
    # Installed from a wheel (no checkout around the package), file times prove nothing.
    (tmp_path / "pyproject.toml").unlink()
    assert native.stale() == [] and native.describe() == "compiled"


def test_version_says_how_facts_run() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "digest", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.startswith("digest ")
    assert f"({native.describe()})" in done.stdout
