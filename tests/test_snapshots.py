"""SVG snapshots of the app on seeds/ at 100x30: the digest screen, the reader, each theme.

A change in what a user sees fails here; after checking the new look by eye, accept it
with ``python -m pytest tests/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import pytest

from digest.ui.app import DigestApp
from tests.conftest import ROOT, wait_for_digest

pytestmark = pytest.mark.usefixtures("seeds_read_once")

SEEDS = "seeds"
"""Relative, so that paths on screen do not depend on where the repository is checked out."""
SIZE = (100, 30)
THEMES = ["digest-dark", "digest-light", "digest-high-contrast"]


@pytest.fixture(autouse=True)
def _at_the_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("theme", THEMES)
def test_digest_screen_in_each_theme(snap_compare, theme: str) -> None:
    """Three cards (France 24, BBC, Le Monde), the first with the accent's heavy border;
    each with title, attribution, bullet summary clipped with "…", coloured fact chips;
    "Page 1/3 · 7 articles · 7 sources"; "e Errors" dimmed in the footer (nothing failed)."""
    assert snap_compare(
        DigestApp([SEEDS], theme=theme, remember=False),
        terminal_size=SIZE,
        run_before=wait_for_digest,
    )


def test_reader(snap_compare) -> None:
    """The France 24 article: headline, italic standfirst, the three summary paragraphs
    marked; beside it outlet, agencies, section, link and the photo credit, then the facts
    list (People with roles and mention counts, Organisations, Places...)."""

    async def open_first(pilot) -> None:
        await wait_for_digest(pilot)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(
        DigestApp([SEEDS], remember=False), terminal_size=SIZE, run_before=open_first
    )


def test_filtered_and_sorted(snap_compare) -> None:
    """Sorted newest first and filtered to place:syria: the status line says both, the
    filter box stays open showing the query, the pager reads "4 of 7 articles"."""

    async def filter_and_sort(pilot) -> None:
        await wait_for_digest(pilot)
        await pilot.press("s", "slash", *"place:syria", "enter")
        await pilot.pause()

    assert snap_compare(
        DigestApp([SEEDS], remember=False), terminal_size=SIZE, run_before=filter_and_sort
    )
