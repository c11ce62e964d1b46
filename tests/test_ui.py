"""Pilot tests of the app on seeds/: cards arrive, pages turn, the reader opens and closes."""

from __future__ import annotations

from pathlib import Path

from digest.ui.app import Card, DigestApp, DigestScreen, ReaderScreen

SEEDS = str(Path(__file__).resolve().parent.parent / "seeds")


async def _loaded(pilot, app: DigestApp) -> DigestScreen:
    screen = app.screen
    assert isinstance(screen, DigestScreen)
    for _ in range(100):
        if screen.done:
            break
        await pilot.pause(0.05)
    await pilot.pause()
    return screen


async def test_cards_page_open_and_back() -> None:
    app = DigestApp([SEEDS])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        assert len(screen.articles) == 7
        first_titles = [c.article.title for c in screen.query(Card)]
        assert first_titles and screen.pages > 1
        await pilot.press("right")
        assert screen.page == 1
        assert [c.article.title for c in screen.query(Card)] != first_titles
        await pilot.press("down", "enter")
        assert isinstance(app.screen, ReaderScreen)
        opened = app.screen.article
        assert opened is screen.query(Card)[screen.cursor].article
        await pilot.press("escape")
        assert app.screen is screen and screen.page == 1


async def test_a_failing_input_is_a_notification_not_a_crash() -> None:
    app = DigestApp([SEEDS, "/no/such/file.html"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        assert [f.input for f in screen.failures] == ["/no/such/file.html"]
        assert any("/no/such/file.html" in n.message for n in app._notifications)
        await pilot.press("e")
        assert app.screen is not screen
        await pilot.press("escape", "q")
    assert app.return_value == 1
