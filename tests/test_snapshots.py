"""SVG snapshots of the app on seeds/ at 100x30: the digest screen, the reader, each theme.

A change in what a user sees fails here; after checking the new look by eye, accept it
with ``python -m pytest tests/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import pytest

from digest.ui.app import DigestApp
from tests.conftest import ROOT
from tests.conftest import wait_for_digest

SEEDS = "seeds"
"""Relative, so that paths on screen do not depend on where the repository is checked out."""
SIZE = (100, 30)
THEMES = ["digest-dark", "digest-light", "digest-high-contrast"]


@pytest.fixture(autouse=True)
def _at_the_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("theme", THEMES)
def test_digest_screen_in_each_theme(snap_compare, theme: str) -> None:
    assert snap_compare(
        DigestApp([SEEDS], theme=theme, remember=False),
        terminal_size=SIZE,
        run_before=wait_for_digest,
    )


def test_reader(snap_compare) -> None:
    async def open_first(pilot) -> None:
        await wait_for_digest(pilot)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(
        DigestApp([SEEDS], remember=False), terminal_size=SIZE, run_before=open_first
    )


def test_filtered_and_sorted(snap_compare) -> None:
    async def filter_and_sort(pilot) -> None:
        await wait_for_digest(pilot)
        await pilot.press("s", "slash", *"place:syria", "enter")
        await pilot.pause()

    assert snap_compare(
        DigestApp([SEEDS], remember=False), terminal_size=SIZE, run_before=filter_and_sort
    )
