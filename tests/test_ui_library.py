"""Pilot tests of the app with a library: one card per story, what is new since a story was
last opened, the counts, and the library's articles with no inputs. (r and b, kept in the
library, are a step of tests/test_ui_flow.py's runs of remembered choices.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from digest.library.refresh import Filters
from digest.library.store import Library
from digest.reading import DEFAULT_SENTENCES
from digest.ui.app import DigestApp
from digest.ui.screens.digest import DigestScreen
from digest.ui.screens.reader import ReaderScreen
from digest.ui.widgets.card import Card
from tests.conftest import FIXTURES, SEEDS, read_once, wait_for_digest

pytestmark = pytest.mark.usefixtures("seeds_read_once")

STORY = FIXTURES / "stories"


async def _loaded(pilot, app: DigestApp) -> DigestScreen:  # type: ignore[no-untyped-def]
    await wait_for_digest(pilot)
    assert isinstance(app.screen, DigestScreen)
    return app.screen


def _pager(screen: DigestScreen) -> str:
    return str(screen.query_one("#pager", Static).render())


async def test_with_no_inputs_the_library_is_shown_and_filters_apply(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite3")
    # Read as the app reads a file (the same arguments): each seed once per test process.
    articles = [
        read_once(p.read_bytes(), None, input=str(p), sentences=DEFAULT_SENTENCES, charset=None)
        for p in sorted(SEEDS.iterdir())
    ]
    library.save_articles((a, None) for a in articles)
    library.mark_read([articles[0].id])
    app = DigestApp([], library=library, filters=Filters(unread=True), remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        assert screen.unread_only
        assert len(screen.view) == len(articles) - 1
        assert articles[0].id not in {a.id for a in screen.view}
    library.close()


async def test_a_story_from_two_sources_is_one_card_new_sources_are_marked_counts_follow(
    tmp_path: Path,
) -> None:
    """Two runs with a library. The first opens the story of the one source it has. In the
    second, the same match told again by another desk joins that story: one card, marked
    with the source that is new since the user opened it, the other sources in the reader's
    panel. The counts follow the filter and every source of a story."""
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(STORY / "romania-u21-reuters.txt", folder / "a.txt")
    shutil.copy(STORY / "christie-westjournal.txt", folder / "c.txt")
    library = Library.open(tmp_path / "lib.sqlite3")
    app = DigestApp([str(folder)], library=library, remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        assert len(screen.view) == 2
        await pilot.press("enter")  # open the first story: remembered as seen
        await pilot.press("escape")
    # The same match told again by another desk joins the story the user has seen.
    shutil.copy(STORY / "romania-u21-refiled-reuters.txt", folder / "b.txt")
    app = DigestApp([str(folder)], library=library, remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        assert len(screen.articles) == 3 and len(screen.view) == 2
        story_cards = [
            c for c in screen.query(Card) if c.story is not None and len(c.story.articles) == 2
        ]
        assert len(story_cards) == 1
        card = story_cards[0]
        assert card.changes is not None and len(card.changes.new_sources) == 1
        assert "new since you last opened it: 1 source" in card.lines()[2].plain
        assert "3 articles · 2 stories · 3 sources" in _pager(screen), "counts: every source"
        card.focus()
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        options = app.screen.query_one("#facts", OptionList)
        assert "Other sources" in str(options.get_option_at_index(0).prompt)
        await pilot.press("escape")
        assert app.screen is screen, "Esc leaves the reader"
        await pilot.press("slash", *"lithuania", "enter")
        assert len(screen.view) == 1, "the filter keeps the story it names"
        assert "2 of 3 articles · 1 story · 2 sources" in _pager(screen), "counts follow the filter"
    library.close()
