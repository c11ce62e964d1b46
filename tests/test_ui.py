"""Pilot tests of the app on seeds/: what a user sees when paging, moving, opening, filtering,
sorting, switching themes, resizing, and when an input fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, OptionList, Static
from textual.widgets._footer import FooterKey

from digest.ui.app import DigestApp
from digest.ui.screens.dialogs import HelpScreen
from digest.ui.screens.digest import DigestScreen
from digest.ui.screens.reader import ReaderScreen
from digest.ui.widgets.card import Card
from tests.conftest import SEEDS as SEED_FOLDER
from tests.conftest import wait_for_digest

pytestmark = pytest.mark.usefixtures("seeds_read_once")

SEEDS = str(SEED_FOLDER)
SEED_COUNT = 7


async def _loaded(pilot, app: DigestApp) -> DigestScreen:
    await wait_for_digest(pilot)
    assert isinstance(app.screen, DigestScreen)
    return app.screen


def _titles(screen: DigestScreen) -> list[str]:
    return [card.article.title for card in screen.query(Card)]


def _pager(screen: DigestScreen) -> str:
    return str(screen.query_one("#pager", Static).render())


def _focused_title(app: DigestApp) -> str:
    assert isinstance(app.focused, Card)
    return app.focused.article.title


async def test_pages_turn_with_keys_and_the_indicator_follows() -> None:
    app = DigestApp([SEEDS])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        assert len(screen.articles) == SEED_COUNT
        first = _titles(screen)
        assert len(first) == screen.per_page == 3
        assert "Page 1/3 · 7 articles · 7 sources" in _pager(screen)
        await pilot.press("right")
        assert "Page 2/3" in _pager(screen)
        second = _titles(screen)
        assert second and not set(second) & set(first)
        await pilot.press("pagedown", "pagedown")  # the last page stays the last
        assert "Page 3/3" in _pager(screen) and len(_titles(screen)) == 1
        await pilot.press("pageup", "left")
        assert _titles(screen) == first


async def test_cards_move_across_pages_and_home_end_jump() -> None:
    app = DigestApp([SEEDS])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        titles = [a.title for a in screen.view]
        assert _focused_title(app) == titles[0]
        await pilot.press("j", "j", "j")  # past the third card: onto page 2
        assert _focused_title(app) == titles[3] and screen.page == 1
        await pilot.press("k")
        assert _focused_title(app) == titles[2] and screen.page == 0
        await pilot.press("end")
        assert _focused_title(app) == titles[-1] and "Page 3/3" in _pager(screen)
        await pilot.press("home")
        assert _focused_title(app) == titles[0] and "Page 1/3" in _pager(screen)


async def test_the_mouse_wheel_moves_between_cards_and_a_click_opens() -> None:
    app = DigestApp([SEEDS])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        # Pilot has no wheel method; this is how its own click helpers post mouse events.
        await pilot._post_mouse_events([events.MouseScrollDown], Card)
        await pilot.pause()
        assert screen.index == 1
        await pilot.click("#pager", offset=(98, 0))  # the ▶ at the right end, before the padding
        await pilot.pause()
        assert screen.page == 1
        status = str(screen.query_one("#status", Static).render())
        await pilot.click("#status", offset=(status.index("sort:") + 2, 0))
        assert screen.order == "date"
        await pilot.pause()  # the sorted cards are drawn before one is clicked
        target = screen.query(Card)[0]
        await pilot.click(target)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article is target.article


async def test_open_and_back_returns_to_the_same_card_on_the_same_page() -> None:
    app = DigestApp([SEEDS])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        await pilot.press("right", "down", "enter")
        assert isinstance(app.screen, ReaderScreen)
        opened = app.screen.article
        assert opened is screen.view[4]
        body = [str(p.render()) for p in app.screen.query(".paragraph")]
        assert body == list(opened.paragraphs)
        side = str(app.screen.query_one("#attribution", Static).render())
        assert opened.publisher in side
        await pilot.press("escape")
        assert app.screen is screen and screen.page == 1
        assert _focused_title(app) == opened.title


async def test_choosing_a_fact_scrolls_to_its_paragraph() -> None:
    app = DigestApp([SEEDS])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        nato = next(
            i for i, a in enumerate(screen.view) if a.title.startswith("NATO defence chiefs")
        )
        screen.index = nato
        await pilot.press("enter")
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        facts = reader.query_one("#facts", OptionList)
        quote_row = next(
            i for i, e in reader.entries.items() if "NATO is ready and able" in str(e.label)
        )
        facts.focus()
        facts.highlighted = quote_row
        await pilot.press("enter")
        await pilot.pause()
        quote = next(q for q in reader.article.facts.quotes if "NATO is ready and able" in q.text)
        target = reader.query_one(f"#p{quote.paragraph}")
        assert target.has_class("-target")
        body = reader.query_one("#body")
        assert body.scroll_y > 0
        assert target.region.y >= body.region.y and target.region.y < body.region.bottom


async def test_filter_by_words_and_by_a_fact_then_clear() -> None:
    app = DigestApp([SEEDS])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        await pilot.press("slash")
        box = screen.query_one("#filter", Input)
        assert box.has_focus
        # Typed a few keys, then whole (each key filters the cards anew: slow to press).
        await pilot.press(*"pers")
        box.insert_text_at_cursor("on:stoltenberg")
        await pilot.press("enter")
        assert _titles(screen) == ["NATO defence chiefs meet as Russia ramps up Syria campaign"]
        assert "1 of 7 articles · 1 source ▶" in _pager(screen)
        assert isinstance(app.focused, Card)  # Enter hands the keys back to the cards
        await pilot.press("slash", "ctrl+u")
        box.insert_text_at_cursor("sanctions")
        await pilot.press("enter")
        assert _titles(screen) == ["United States to Lift Sudan Sanctions"]
        await pilot.press("slash", "ctrl+u")
        box.insert_text_at_cursor("zzzz-nothing")
        await pilot.pause()
        assert _titles(screen) == []
        assert "No article matches" in str(screen.query_one("#empty", Static).render())
        await pilot.press("escape")
        assert len(_titles(screen)) == 3 and "7 articles" in _pager(screen)


async def test_the_footer_dims_what_would_do_nothing_and_keeps_its_keys_as_cards_move() -> None:
    app = DigestApp([SEEDS], remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)

        def keys() -> dict[str, FooterKey]:
            return {key.description: key for key in screen.query(FooterKey)}

        def dimmed() -> set[str]:
            return {name for name, key in keys().items() if key.has_class("-disabled")}

        shown = keys()
        assert {"Open", "Filter", "Sort", "Next unread", "Help"} <= set(shown)
        assert dimmed() == set()
        await pilot.press("j", "right", "k")
        assert isinstance(app.focused, Card) and screen.index == 2
        # The same keys: moving between cards built the footer anew each time (slow).
        assert all(keys()[name] is key for name, key in shown.items()), "footer rebuilt"
        await pilot.press("slash")
        # In the box, letters are typed: the footer tells what Enter and Esc do there.
        assert set(keys()) == {"Keep filter", "Clear filter", "palette"}
        screen.query_one("#filter", Input).insert_text_at_cursor("zzzz-nothing")
        await pilot.press("enter")
        assert {"Open", "Next unread"} <= dimmed(), "no article to open: its keys are dimmed"
        # Out of the box, the digest's keys again, Quit among them (no room for Esc's).
        assert "Quit" in keys() and "Keep filter" not in keys() and "Clear filter" not in keys()
        await pilot.press("escape")
        assert dimmed() == set(), "the filter cleared: every key works again"


async def test_sort_cycles_date_outlet_length() -> None:
    app = DigestApp([SEEDS])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        given = [a.title for a in screen.view]
        await pilot.press("s")
        dates = [a.published[:10] for a in screen.view if a.published]
        assert dates == sorted(dates, reverse=True) and screen.view[0].published
        assert "newest first" in str(screen.query_one("#status", Static).render())
        await pilot.press("s")
        outlets = [a.publisher.casefold() for a in screen.view if a.publisher]
        assert outlets == sorted(outlets)
        await pilot.press("s")
        lengths = [a.word_count for a in screen.view]
        assert lengths == sorted(lengths, reverse=True)
        await pilot.press("s")
        assert [a.title for a in screen.view] == given


async def test_resize_keeps_the_selected_card_in_view() -> None:
    app = DigestApp([SEEDS])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _loaded(pilot, app)
        assert screen.per_page == 4
        await pilot.press("end")
        last = _focused_title(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.2)
        assert screen.per_page == 2 and screen.pages == 4
        assert _focused_title(app) == last and last in _titles(screen)
        for card in screen.query(Card):  # the attribution and facts lines are never clipped away
            assert card.query_one(".card-meta").region.height == 1
            assert card.query_one(".card-facts").region.height == 1


async def test_a_resize_or_a_return_from_the_reader_keeps_the_cards_shown() -> None:
    """A taller terminal with as many cards a page, or coming back from the reader, redraws
    the cards shown (taller, marked read) without building them again (no flicker, focus kept)."""
    app = DigestApp([SEEDS])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        cards = list(screen.query(Card))
        assert len(cards) == screen.per_page == 3
        assert {card.region.height for card in cards} == {9}
        await pilot.resize_terminal(100, 33)
        await pilot.pause(0.2)
        assert list(screen.query(Card)) == cards and screen.per_page == 3
        assert {card.region.height for card in cards} == {10}
        await pilot.press("j", "enter")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and list(screen.query(Card)) == cards
        assert app.focused is cards[1] and cards[1].has_class("-read")
        title = str(cards[1].query_one(".card-title", Static).render())
        assert not title.startswith("●") and str(
            cards[0].query_one(".card-title", Static).render()
        ).startswith("●")


async def test_help_lists_every_binding() -> None:
    app = DigestApp([SEEDS])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(s.render()) for s in app.screen.query(Static))
        for binding in type(screen).BINDINGS + DigestApp.BINDINGS:
            assert binding.description in shown
        await pilot.press("escape")
        assert app.screen is screen


async def test_theme_switch_is_remembered() -> None:
    app = DigestApp([SEEDS])
    async with app.run_test(size=(100, 30)) as pilot:
        await _loaded(pilot, app)
        assert app.theme == "digest-dark"
        app.theme = "digest-light"
        await pilot.pause()
    again = DigestApp([SEEDS])
    async with again.run_test(size=(100, 30)) as pilot:
        await _loaded(pilot, again)
        assert again.theme == "digest-light"
        assert not again.current_theme.dark


async def test_theme_from_the_command_line_and_a_broken_user_theme(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIGEST_CONFIG_DIR", str(tmp_path))
    (tmp_path / "themes").mkdir()
    (tmp_path / "themes" / "broken.toml").write_text("name = [unclosed\n")
    app = DigestApp([SEEDS], theme="high-contrast")
    async with app.run_test(size=(100, 30)) as pilot:
        await _loaded(pilot, app)
        assert app.theme == "digest-high-contrast"
        assert any("broken.toml" in n.message for n in app._notifications)


async def test_a_failing_input_is_a_notification_not_a_crash() -> None:
    app = DigestApp([SEEDS, "/no/such/file.html"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        assert [f.input for f in screen.failures] == ["/no/such/file.html"]
        assert any("/no/such/file.html" in n.message for n in app._notifications)
        assert len(screen.articles) == SEED_COUNT
        await pilot.press("e")
        assert app.screen is not screen
        assert "no such file" in " ".join(str(s.render()) for s in app.screen.query(Static))
        await pilot.press("escape", "q")
    assert app.return_value == 1


async def test_a_corrupt_settings_file_is_reported_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIGEST_CONFIG_DIR", str(tmp_path))
    (tmp_path / "settings.json").write_text("{not json")
    app = DigestApp([SEEDS])
    async with app.run_test(size=(100, 30)) as pilot:
        await _loaded(pilot, app)
        assert app.theme == "digest-dark"
        assert any("settings.json" in n.message for n in app._notifications)
        app.theme = "digest-light"
        await pilot.pause()
    assert (tmp_path / "settings.json.bad").read_text() == "{not json"
    assert '"digest-light"' in (tmp_path / "settings.json").read_text()


async def test_the_reader_copies_the_link(monkeypatch: pytest.MonkeyPatch) -> None:
    app = DigestApp([SEEDS])
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        screen.index = next(i for i, a in enumerate(screen.view) if a.url)
        await pilot.press("enter", "y", "o")
        url = screen.view[screen.index].url
        assert app.clipboard == url and opened == [url]


def test_the_fact_line_fits_its_width_one_of_each_kind_first() -> None:
    from dataclasses import replace

    from digest import read_article
    from digest.ui.widgets.card import fact_chips
    from tests.conftest import SEED_TEXT

    article = read_article(SEED_TEXT.read_bytes())
    facts = article.facts
    wide = fact_chips(article).plain
    # Each kind after its label, so that the kinds are told apart without colour.
    people = ", ".join(p.name for p in facts.people[:3])
    assert f" · person {people} · org {facts.organizations[0].name}" in wide
    assert f" · place {facts.places[0].name}" in wide
    assert f" · # {facts.numbers[0].text}" in wide
    narrow = fact_chips(article, 80).plain
    assert len(narrow) <= 80
    # A narrow line still names the first of each kind before a second of any.
    for first in (facts.people[0].name, facts.organizations[0].name, facts.places[0].name):
        assert first in narrow
    assert facts.people[1].name not in narrow
    # Warnings are always shown, whatever the width, in words rather than codes.
    warned = replace(article, warnings=("low-text",))
    assert fact_chips(warned, 30).plain.endswith("⚠ little text found")


def test_a_fact_said_twice_is_one_chip() -> None:
    from digest.models import Article, Facts, NumberFact
    from digest.ui.widgets.card import fact_chips

    numbers = (
        NumberFact("two years", 2, "years", 0),
        NumberFact("two years", 2, "years", 3),
        NumberFact("40 million euro", 40_000_000, "EUR", 1),
    )
    # Laid out by hand, a few entries a line: one a line would run to a column (fmt: skip).
    article = Article(
        id="x", input="x.txt", url=None, title="T", standfirst=None, section=None,
        authors=(), publisher=None, agencies=(), published=None, language="en",
        paragraphs=("p",), summary=(), facts=Facts(numbers=numbers), credits=(), warnings=(),
    )  # fmt: skip
    assert fact_chips(article).plain.endswith("min read · # two years, 40 million euro")


def test_the_reader_lists_a_number_said_twice_once_with_both_paragraphs() -> None:
    from digest import read_article
    from digest.ui.screens.reader import fact_entries

    article = read_article(
        b"Algeria restaurant bomb kills seven\n\n"
        b"A bomb explosion in a restaurant west of Algiers on Friday killed seven people,"
        b" an Algerian newspaper said on Saturday.\n\n"
        b"Security forces said two people were killed and six were wounded in the town.\n\n"
        b"But Le Matin newspaper, quoting witnesses, said the bomb killed seven people.\n"
    )
    numbers = dict(fact_entries(article))["Numbers"]
    labels = [entry.label.plain for entry in numbers]
    assert labels[0] == "seven people ×2"
    assert numbers[0].paragraphs == (0, 2)
    assert "two people" in labels and labels.count("seven people") == 0
