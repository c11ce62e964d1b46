"""Word lists as data: the vocabularies digest's rules read, one entry a line.

Each list is a text file under ``digest/data/``, named after the module that owns it
(``digest/data/facts/gazetteer/role_words.txt`` is ``ROLE_WORDS`` of
:mod:`digest.facts.gazetteer`)::

    # What the list holds, and why (a comment: "#" to the end of the line).
    Academy
    Federal Reserve  # whole: "Federal" alone also starts places ("Federal Way")

An entry is the whole line before its comment, spaces inside it kept: a multi-word entry
stays one entry. Files are kept sorted (by :func:`sort_key`) and without duplicates, and
no entry sits in two lists that contradict each other; ``tests/test_words.py`` checks all
three. A list is read once, on first use.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def word_entries(name: str) -> tuple[str, ...]:
    """The entries of ``digest/data/{name}.txt`` in file order (duplicates kept)."""
    text = files("digest.data").joinpath(f"{name}.txt").read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if entry:
            entries.append(entry)
    return tuple(entries)


def word_list(name: str) -> frozenset[str]:
    """The entries of ``digest/data/{name}.txt`` as a set (see the module docstring)."""
    return frozenset(word_entries(name))


def sort_key(entry: str) -> tuple[str, str]:
    """The order entries are kept in: case-blind first, then capitals before small letters."""
    return entry.casefold(), entry
