"""Pilot tests of the app with a library: read and saved state (r, b), one card per story,
what is new since a story was last opened, and the library's articles with no inputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import OptionList

from digest.library.refresh import Filters, wanted
from digest.library.store import Library
from digest.ui.app import DigestApp
from digest.ui.screens.digest import DigestScreen
from digest.ui.screens.reader import ReaderScreen
from digest.ui.widgets.card import Card
from tests.conftest import FIXTURES, SEEDS, wait_for_digest

pytestmark = pytest.mark.usefixtures("seeds_read_once")

STORY = FIXTURES / "stories"


async def _loaded(pilot, app: DigestApp) -> DigestScreen:  # type: ignore[no-untyped-def]
    await wait_for_digest(pilot)
    assert isinstance(app.screen, DigestScreen)
    return app.screen


def _focused(app: DigestApp) -> Card:
    assert isinstance(app.focused, Card)
    return app.focused


async def test_r_and_b_mark_the_card_and_are_kept_in_the_library(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite3")
    app = DigestApp([str(SEEDS)], library=library, remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await _loaded(pilot, app)
        card = _focused(app)
        assert not card.has_class("-read") and not card.saved
        await pilot.press("b")
        assert _focused(app).saved
        await pilot.press("r")
        assert _focused(app).has_class("-read")
        chosen = card.article.id
    states = library.states([chosen])
    assert states[chosen][0] is not None and states[chosen][1] is not None
    everything = [s.article for s in library.articles()]
    assert [a.id for a in wanted(everything, library, Filters(saved=True))] == [chosen]
    library.close()


async def test_with_no_inputs_the_library_is_shown_and_filters_apply(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite3")
    from digest import read_article

    articles = [read_article(p.read_bytes(), input=str(p)) for p in sorted(SEEDS.iterdir())]
    library.save_articles((a, None) for a in articles)
    library.mark_read([articles[0].id])
    app = DigestApp([], library=library, filters=Filters(unread=True), remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        assert screen.unread_only
        assert len(screen.view) == len(articles) - 1
        assert articles[0].id not in {a.id for a in screen.view}
    library.close()


async def test_a_story_from_two_sources_is_one_card_and_new_sources_are_marked(
    tmp_path: Path,
) -> None:
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
        assert "new since you last opened it: 1 source" in str(
            card.query_one(".card-story").render()
        )
        assert "3 articles · 2 stories" in str(screen.query_one("#pager").render())
        card.focus()
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        options = app.screen.query_one("#facts", OptionList)
        assert "Other sources" in str(options.get_option_at_index(0).prompt)
        await pilot.pause()
    library.close()
