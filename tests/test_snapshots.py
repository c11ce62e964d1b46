"""SVG snapshots of the app on seeds/ at 100x30: the digest screen, the reader, each theme.

A change in what a user sees fails here; after checking the new look by eye, accept it
with ``python -m pytest tests/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from typing import Any

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
    each with the unread mark ● before its title, attribution, bullet summary (cut with "…"
    where words stop, never after a full stop), and the fact line with its labels ("person",
    "org", "place", "#") before coloured names; the status line says "7 unread"; "Page 1/3 ·
    7 articles · 7 sources"."""
    assert snap_compare(
        DigestApp([SEEDS], theme=theme, remember=False),
        terminal_size=SIZE,
        run_before=wait_for_digest,
    )


def test_reader(snap_compare) -> None:
    """The France 24 article at 100x30 (wide enough for the side panel): headline, italic
    standfirst, the three summary paragraphs in the accent colour (no background); beside it
    outlet, agencies, section and link, then the facts list, Quotes first, then People with
    roles and mention counts, Organisations, Places...; the footer offers ← → tab esc n."""

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


@pytest.fixture
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ages on the list are counted from 1 January 2025, whenever the test runs."""
    from datetime import UTC, datetime

    import digest.ui.widgets.article_list as article_list

    monkeypatch.setattr(article_list, "now", lambda: datetime(2025, 1, 1, tzinfo=UTC))


def test_list_view(snap_compare, fixed_now: None) -> None:
    """The dense list at 120x40 on the seeds and the story fixtures: 34 lines (of 37 that
    fit), one an article or a story, each with the unread mark ●, the title, the outlet (or
    the file's name), the age ("Jul 2015", "3w", blank when undated) and "2 sources" /
    "3 sources" on stories; the first line highlighted as the cursor; the pager reads
    "46 articles · 34 stories · 46 sources"."""

    async def list_view(pilot) -> None:
        await wait_for_digest(pilot)
        await pilot.press("v")
        await pilot.pause()

    assert snap_compare(
        DigestApp([SEEDS, "tests/fixtures/stories"], remember=False),
        terminal_size=(120, 40),
        run_before=list_view,
    )


def _open_the_second_article(pilot):  # type: ignore[no-untyped-def]
    async def run() -> None:
        await wait_for_digest(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()

    return run()


def test_reader_at_80x24(snap_compare) -> None:
    """The BBC article on a narrow terminal: the text takes the full width, the summary
    sentences in the accent colour only; the side panel is folded under the text: the
    attribution in one line ("BBC News · 24 Jul 2015 · http://www.bbc.com/..."), then the
    facts with Quotes first; the footer offers ← → tab esc n."""
    assert snap_compare(
        DigestApp([SEEDS], remember=False),
        terminal_size=(80, 24),
        run_before=_open_the_second_article,
    )


def test_reader_at_120x40(snap_compare) -> None:
    """The BBC article on a wide terminal: text on the left, side panel on the right with
    the attribution on top, then Quotes, People, Organisations, Places, Dates, Numbers and
    the photo credits last; the summary sentences coloured, no background."""
    assert snap_compare(
        DigestApp([SEEDS], remember=False),
        terminal_size=(120, 40),
        run_before=_open_the_second_article,
    )


def test_a_burst_of_failures(snap_compare, monkeypatch: pytest.MonkeyPatch) -> None:
    """Six inputs that do not exist beside the seeds: one toast, "6 inputs failed: e for
    details", not six; the status line says "⚠ 6 failed" in the error colour (red), then
    "(e)" as a link; the cards of the seven seeds are shown as usual."""
    # The toast stays until the picture is taken: on a busy machine the seeds take longer
    # to read than its few seconds on screen.
    shown_for = DigestApp.notify

    def lasting(self: DigestApp, *args: Any, **options: Any) -> None:
        shown_for(self, *args, **{**options, "timeout": 600})

    monkeypatch.setattr(DigestApp, "notify", lasting)

    async def after_the_burst(pilot) -> None:
        await wait_for_digest(pilot)
        await pilot.pause(1.3)

    missing = [f"missing/late-{n}.txt" for n in range(6)]
    assert snap_compare(
        DigestApp([SEEDS, *missing], remember=False),
        terminal_size=SIZE,
        run_before=after_the_burst,
    )
