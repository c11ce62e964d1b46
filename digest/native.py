"""Which of digest's modules run compiled, and whether a compiled one is out of date.

Installing digest compiles the per-word loops of facts and summary with mypyc
(``[tool.hatch.build.targets.wheel.hooks.mypyc]`` in pyproject.toml); the same modules run
as plain Python when the install skipped that (``HATCH_BUILD_NO_HOOKS=true``). An editable
install compiles in place, beside the sources: a compiled file shadows its ``.py``, so a
source edited since the install is not what runs until ``pip install -e .`` is run again.
This module tells both without importing the modules themselves.
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

COMPILED = (
    "digest.facts.__init__",
    "digest.facts.dates",
    "digest.facts.gazetteer",
    "digest.facts.names",
    "digest.facts.numbers",
    "digest.facts.pronouns",
    "digest.facts.quotes",
    "digest.facts.scan",
    "digest.facts.teams",
    "digest.sentences",
    "digest.summarize",
)
"""The modules pyproject.toml has mypyc compile (a test keeps the two lists the same)."""

_PACKAGE = Path(__file__).resolve().parent


def _files(module: str) -> tuple[Path, list[Path]]:
    """A module's source file and the compiled files beside it."""
    source = _PACKAGE.parent.joinpath(*module.split(".")).with_suffix(".py")
    return source, [source.with_suffix(suffix) for suffix in EXTENSION_SUFFIXES]


def compiled() -> list[str]:
    """The modules of ``COMPILED`` that have a compiled file to load."""
    return [m for m in COMPILED if any(f.exists() for f in _files(m)[1])]


def stale() -> list[str]:
    """Compiled modules whose source was changed after they were compiled.

    Only in a source checkout (an editable install): an installed wheel's file times are
    the archive's, which say nothing of which file came first.
    """
    if not (_PACKAGE.parent / "pyproject.toml").exists():
        return []
    found = []
    for module in COMPILED:
        source, binaries = _files(module)
        built = [f.stat().st_mtime for f in binaries if f.exists()]
        if built and source.exists() and source.stat().st_mtime > max(built):
            found.append(module)
    return found


def describe() -> str:
    """One phrase for ``digest --version``: how facts and summary run here."""
    done = compiled()
    if not done:
        return "plain Python"
    if len(done) < len(COMPILED):
        return f"{len(done)} of {len(COMPILED)} modules compiled"
    old = stale()
    return "compiled" + (f", {len(old)} out of date: reinstall" if old else "")
