"""Pilot tests of the app on seeds/: what a user sees when paging, moving, opening, filtering,
sorting, switching themes, resizing, and when an input fails.

A booted app costs most of a test's time, so each test runs one session through several
features that need the same inputs and terminal size; each step's assertion names its feature.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets._tooltip import Tooltip

from digest.render import attribution
from digest.ui.app import DigestApp
from digest.ui.screens.dialogs import HelpScreen
from digest.ui.screens.digest import DigestScreen
from digest.ui.screens.reader import ReaderScreen
from digest.ui.widgets.card import Card
from digest.ui.widgets.footer import Footer, ShownKey
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


async def test_paging_moving_sorting_and_the_mouse_on_the_digest_screen() -> None:
    """One session at 100x30 on the seven seeds, in turn:

    - a first run shows the default theme;
    - pages turn with the arrows and PageUp/PageDown, and the pager's indicator follows
      ("Page 1/3 · 7 articles · 7 sources"); the last page stays the last;
    - j/k move the selected card across pages, Home and End jump to the first and last;
    - s cycles the sort: newest first (the status line says so), by outlet, longest first,
      then as given;
    - the mouse wheel moves between cards, a click on the pager's ▶ turns the page, one on
      "sort:" sorts, and a click on a card opens it.
    """
    app = DigestApp([SEEDS])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        assert app.theme == "digest-dark", "default theme: a first run is dark"

        assert len(screen.articles) == SEED_COUNT, "paging: every seed is read"
        first = _titles(screen)
        assert len(first) == screen.per_page == 3, "paging: three cards a page at 100x30"
        assert "Page 1/3 · 7 articles · 7 sources" in _pager(screen), "paging: the indicator"
        await pilot.press("right")
        assert "Page 2/3" in _pager(screen), "paging: → turns the page and the indicator follows"
        second = _titles(screen)
        assert second and not set(second) & set(first), "paging: page 2 shows other cards"
        await pilot.press("pagedown", "pagedown")  # the last page stays the last
        assert "Page 3/3" in _pager(screen) and len(_titles(screen)) == 1, (
            "paging: PageDown stops at the last page"
        )
        await pilot.press("pageup", "left")
        assert _titles(screen) == first, "paging: PageUp and ← come back to the first page"

        titles = [a.title for a in screen.view]
        assert _focused_title(app) == titles[0], "moving: the first card has the keys"
        await pilot.press("j", "j", "j")  # past the third card: onto page 2
        assert _focused_title(app) == titles[3] and screen.page == 1, (
            "moving: j past the last card of a page goes on to the next page"
        )
        await pilot.press("k")
        assert _focused_title(app) == titles[2] and screen.page == 0, (
            "moving: k before the first card of a page goes back a page"
        )
        await pilot.press("end")
        assert _focused_title(app) == titles[-1] and "Page 3/3" in _pager(screen), (
            "moving: End jumps to the last card"
        )
        await pilot.press("home")
        assert _focused_title(app) == titles[0] and "Page 1/3" in _pager(screen), (
            "moving: Home jumps to the first card"
        )

        given = [a.title for a in screen.view]
        await pilot.press("s")
        dates = [a.published[:10] for a in screen.view if a.published]
        assert dates == sorted(dates, reverse=True) and screen.view[0].published, (
            "sort: newest first"
        )
        assert "newest first" in str(screen.query_one("#status", Static).render()), (
            "sort: the status line names the order"
        )
        await pilot.press("s")
        outlets = [a.publisher.casefold() for a in screen.view if a.publisher]
        assert outlets == sorted(outlets), "sort: by outlet"
        await pilot.press("s")
        lengths = [a.word_count for a in screen.view]
        assert lengths == sorted(lengths, reverse=True), "sort: longest first"
        await pilot.press("s")
        assert [a.title for a in screen.view] == given, "sort: the cycle ends as given"

        # Pilot has no wheel method; this is how its own click helpers post mouse events.
        await pilot._post_mouse_events([events.MouseScrollDown], Card)
        await pilot.pause()
        assert screen.index == 1, "mouse: the wheel moves to the next card"
        await pilot.click("#pager", offset=(98, 0))  # the ▶ at the right end, before the padding
        await pilot.pause()
        assert screen.page == 1, "mouse: a click on the pager's ▶ turns the page"
        status = str(screen.query_one("#status", Static).render())
        await pilot.click("#status", offset=(status.index("sort:") + 2, 0))
        assert screen.order == "date", "mouse: a click on sort: sorts"
        await pilot.pause()  # the sorted cards are drawn before one is clicked
        target = screen.query(Card)[0]
        await pilot.click(target)
        assert isinstance(app.screen, ReaderScreen), "mouse: a click on a card opens it"
        assert app.screen.article is target.article, "mouse: the card clicked is the one read"


async def test_the_reader_opens_the_card_chosen_jumps_to_a_fact_and_copies_the_link(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One session at 100x30 on the seven seeds, in turn:

    - Enter opens the selected card (the second on page 2) in the reader, with every
      paragraph and the outlet beside them; Esc comes back to the same card on the same page;
    - choosing a quote in the facts list marks its paragraph and scrolls the text to it;
    - y copies the article's link and o opens it.
    """
    app = DigestApp([SEEDS])
    opened_urls: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened_urls.append(url))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        await pilot.press("right", "down", "enter")
        assert isinstance(app.screen, ReaderScreen), "open: Enter opens the reader"
        opened = app.screen.article
        assert opened is screen.view[4], "open: the reader shows the selected card's article"
        body = [str(p.render()) for p in app.screen.query(".paragraph")]
        assert body == list(opened.paragraphs), "open: the reader shows every paragraph"
        side = str(app.screen.query_one("#attribution", Static).render())
        assert opened.publisher in side, "open: the side panel names the outlet"
        await pilot.press("escape")
        assert app.screen is screen and screen.page == 1, "back: Esc returns to the same page"
        assert _focused_title(app) == opened.title, "back: the card read has the keys again"

        nato = next(
            i for i, a in enumerate(screen.view) if a.title.startswith("NATO defence chiefs")
        )
        screen.index = nato
        await pilot.press("enter")
        reader = app.screen
        assert isinstance(reader, ReaderScreen), "facts: the NATO article opens"
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
        assert target.has_class("-target"), "facts: the quote's paragraph is marked"
        body_box = reader.query_one("#body")
        assert body_box.scroll_y > 0, "facts: the text scrolled to the quote"
        assert target.region.y >= body_box.region.y and target.region.y < body_box.region.bottom, (
            "facts: the quote's paragraph is in view"
        )
        await pilot.press("escape")
        assert app.screen is screen, "facts: Esc goes back to the digest"

        screen.index = next(i for i, a in enumerate(screen.view) if a.url)
        await pilot.press("enter", "y", "o")
        url = screen.view[screen.index].url
        assert app.clipboard == url, "link: y in the reader copies the article's link"
        assert opened_urls == [url], "link: o in the reader opens the article's link"


async def test_filter_the_footer_and_help_on_the_digest_screen() -> None:
    """One session at 100x30 on the seven seeds, in turn:

    - / opens the filter box; words and a fact (person:stoltenberg, sanctions) narrow the
      cards and the pager ("1 of 7 articles · 1 source"); a filter nothing matches says so;
      Esc clears it and every card is back;
    - the footer dims what would do nothing (no article to open) and keeps its keys as cards
      move (not built again); in the filter box it tells what Enter and Esc do there;
    - the mouse on the footer: the key under it is highlighted and shows its tooltip (the
      command palette's), a click on a key runs it (Help), one on a dimmed key does nothing;
    - ? lists every binding of the screen and the app; Esc closes it.
    """
    app = DigestApp([SEEDS], remember=False)
    async with app.run_test(size=(100, 30), tooltips=True) as pilot:
        screen = await _loaded(pilot, app)
        await pilot.press("slash")
        box = screen.query_one("#filter", Input)
        assert box.has_focus, "filter: / gives the keys to the filter box"
        # Typed a few keys, then whole (each key filters the cards anew: slow to press).
        await pilot.press(*"pers")
        box.insert_text_at_cursor("on:stoltenberg")
        await pilot.press("enter")
        assert _titles(screen) == ["NATO defence chiefs meet as Russia ramps up Syria campaign"], (
            "filter: person:stoltenberg keeps the article naming him"
        )
        assert "1 of 7 articles · 1 source ▶" in _pager(screen), "filter: the pager counts it"
        assert isinstance(app.focused, Card), "filter: Enter hands the keys back to the cards"
        await pilot.press("slash", "ctrl+u")
        box.insert_text_at_cursor("sanctions")
        await pilot.press("enter")
        assert _titles(screen) == ["United States to Lift Sudan Sanctions"], (
            "filter: a word keeps the articles that have it"
        )
        await pilot.press("slash", "ctrl+u")
        box.insert_text_at_cursor("zzzz-nothing")
        await pilot.pause()
        assert _titles(screen) == [], "filter: nothing matches, no card"
        assert "No article matches" in str(screen.query_one("#empty", Static).render()), (
            "filter: the screen says nothing matches"
        )
        await pilot.press("escape")
        assert len(_titles(screen)) == 3 and "7 articles" in _pager(screen), (
            "filter: Esc clears the filter"
        )

        footer = screen.query_one(Footer)

        def keys() -> dict[str, ShownKey]:
            return {key.description: key for key in footer.shown_keys()}

        def dimmed() -> set[str]:
            return {name for name, key in keys().items() if not key.enabled}

        def drawn() -> str:
            return footer.render_line(0).text

        await pilot.press("home")
        shown = footer.shown_keys()
        assert {"Open", "Filter", "Sort", "Next unread", "Help"} <= set(keys()), (
            "footer: the digest's keys"
        )
        assert " / Filter  v List/cards " in drawn() and drawn().endswith("▏^p palette "), (
            "footer: the keys drawn, the command palette's on the right"
        )
        assert dimmed() == set(), "footer: nothing dimmed while articles are shown"
        await pilot.press("j", "right", "k")
        assert isinstance(app.focused, Card) and screen.index == 2, "footer: the cards moved"
        # The same keys: moving between cards built the footer anew each time (slow).
        assert footer.shown_keys() is shown, "footer rebuilt"

        def background(x: int) -> object:
            (cell,) = footer.render_line(0).crop(x, x + 1)
            return cell.style.bgcolor if cell.style else None

        palette = drawn().index("^p")
        app.TOOLTIP_DELAY = 0.05  # Textual waits half a second before it shows a tooltip
        await pilot.hover(Footer, offset=(palette, 0))
        assert background(palette) != background(drawn().index("Sort")), (
            "footer: the key under the mouse is highlighted"
        )
        await pilot.pause(0.2)
        tooltip = app.screen.query_one(Tooltip)
        assert tooltip.display and "Open the command palette" in str(tooltip.render()), (
            "footer: the key under the mouse shows its tooltip"
        )
        await pilot.hover(Card)
        assert background(palette) == background(drawn().index("Sort")), (
            "footer: the mouse gone, no key is highlighted"
        )
        await pilot.click(Footer, offset=(drawn().index("? Help") + 2, 0))
        assert isinstance(app.screen, HelpScreen), "footer: a click on Help opens the help"
        await pilot.press("escape")
        assert app.screen is screen, "footer: the help closed"
        await pilot.press("slash")
        # In the box, letters are typed: the footer tells what Enter and Esc do there.
        assert set(keys()) == {"Keep filter", "Clear filter", "palette"}, (
            "footer: in the filter box, what Enter and Esc do"
        )
        screen.query_one("#filter", Input).insert_text_at_cursor("zzzz-nothing")
        await pilot.press("enter")
        assert {"Open", "Next unread"} <= dimmed(), "no article to open: its keys are dimmed"
        await pilot.click(Footer, offset=(drawn().index("Open"), 0))
        assert app.screen is screen, "footer: a click on a dimmed key does nothing"
        # Out of the box, the digest's keys again, Quit among them (no room for Esc's).
        assert "Quit" in keys() and "Keep filter" not in keys() and "Clear filter" not in keys(), (
            "footer: out of the box, the digest's keys again"
        )
        await pilot.press("escape")
        assert dimmed() == set(), "the filter cleared: every key works again"

        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen), "help: ? opens the help"
        shown_help = " ".join(str(s.render()) for s in app.screen.query(Static))
        for binding in type(screen).BINDINGS + DigestApp.BINDINGS:
            assert binding.description in shown_help, f"help: {binding.description} is listed"
        await pilot.press("escape")
        assert app.screen is screen, "help: Esc closes it"


async def test_resizes_and_a_return_from_the_reader_keep_the_cards_and_the_selection() -> None:
    """One session on the seven seeds, in turn:

    - a taller terminal with as many cards a page (100x30 to 100x33), or coming back from
      the reader, redraws the cards shown (taller, marked read) without building them again
      (no flicker, focus kept);
    - at 120x40 four cards a page; End, then 80x24 (two a page, four pages): the selected
      card is still selected and shown, its attribution and facts lines never clipped away.
    """
    app = DigestApp([SEEDS])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        cards = list(screen.query(Card))
        assert len(cards) == screen.per_page == 3, "taller: three cards a page at 100x30"
        assert {card.region.height for card in cards} == {9}, "taller: cards 9 lines high"
        await pilot.resize_terminal(100, 33)
        await pilot.pause(0.2)
        assert list(screen.query(Card)) == cards and screen.per_page == 3, (
            "taller: the same cards, not built again"
        )
        assert {card.region.height for card in cards} == {10}, "taller: the cards grew"
        await pilot.press("j", "enter")
        assert isinstance(app.screen, ReaderScreen), "return: Enter opens the reader"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and list(screen.query(Card)) == cards, (
            "return: the same cards, not built again"
        )
        assert app.focused is cards[1] and cards[1].has_class("-read"), (
            "return: the card read has the keys and is marked read"
        )
        title = cards[1].lines()[0].plain
        assert not title.startswith("●") and cards[0].lines()[0].plain.startswith("●"), (
            "return: only the card read lost its unread mark"
        )

        await pilot.resize_terminal(120, 40)
        await pilot.pause(0.2)
        assert screen.per_page == 4, "resize: four cards a page at 120x40"
        await pilot.press("end")
        last = _focused_title(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.2)
        assert screen.per_page == 2 and screen.pages == 4, "resize: two cards a page at 80x24"
        assert _focused_title(app) == last and last in _titles(screen), (
            "resize: the selected card is still selected and shown"
        )
        for card in screen.query(Card):  # the attribution and facts lines are never clipped away
            lines = card.lines()
            assert len(lines) == card.content_size.height, "resize: every line of the card drawn"
            meta = attribution(card.article, link=False)
            assert (
                lines[1].plain
                == Content(meta).truncate(card.content_size.width, ellipsis=True).plain
            ), "resize: attribution shown"
            assert lines[-1].plain.startswith(f"{card.article.reading_minutes} min read"), (
                "resize: facts shown"
            )


async def test_a_theme_chosen_in_the_app_is_remembered_and_a_broken_user_theme_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first run is given --theme high-contrast, with a broken theme file in the user's
    themes folder: the theme asked for is shown, the broken file is told in a notification.
    A theme chosen in that run (light) is the theme of the next run."""
    monkeypatch.setenv("DIGEST_CONFIG_DIR", str(tmp_path))
    (tmp_path / "themes").mkdir()
    (tmp_path / "themes" / "broken.toml").write_text("name = [unclosed\n")
    app = DigestApp([SEEDS], theme="high-contrast")
    async with app.run_test(size=(100, 30)) as pilot:
        await _loaded(pilot, app)
        assert app.theme == "digest-high-contrast", "--theme: the theme asked for"
        assert any("broken.toml" in n.message for n in app._notifications), (
            "a broken user theme is told, not a crash"
        )
        app.theme = "digest-light"
        await pilot.pause()
    again = DigestApp([SEEDS])
    async with again.run_test(size=(100, 30)) as pilot:
        await _loaded(pilot, again)
        assert again.theme == "digest-light", "the theme chosen in the app is remembered"
        assert not again.current_theme.dark, "the theme remembered is the light one"


async def test_a_failing_input_and_a_corrupt_settings_file_are_told_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A missing file beside the seeds, and a settings file that is not JSON:

    - the missing input is a notification and a line in the errors view (e), the seeds are
      read all the same, and the app exits with 1;
    - the settings are told unreadable, the default theme is shown; a theme chosen then is
      saved in a new settings file and the unreadable one is kept beside it (.bad).
    """
    monkeypatch.setenv("DIGEST_CONFIG_DIR", str(tmp_path))
    (tmp_path / "settings.json").write_text("{not json")
    app = DigestApp([SEEDS, "/no/such/file.html"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        assert [f.input for f in screen.failures] == ["/no/such/file.html"], (
            "failure: the missing input is kept for the errors view"
        )
        assert any("/no/such/file.html" in n.message for n in app._notifications), (
            "failure: a notification names the input"
        )
        assert len(screen.articles) == SEED_COUNT, "failure: the other inputs are read"
        await pilot.press("e")
        assert app.screen is not screen, "failure: e opens the errors view"
        assert "no such file" in " ".join(str(s.render()) for s in app.screen.query(Static)), (
            "failure: the errors view says why"
        )
        await pilot.press("escape")
        assert app.screen is screen, "failure: Esc closes the errors view"

        assert app.theme == "digest-dark", "settings: unreadable, the default theme"
        assert any("settings.json" in n.message for n in app._notifications), (
            "settings: the unreadable file is told"
        )
        app.theme = "digest-light"
        await pilot.pause()
        await pilot.press("q")
    assert app.return_value == 1, "failure: the exit code says an input failed"
    assert (tmp_path / "settings.json.bad").read_text() == "{not json", (
        "settings: the unreadable file is kept"
    )
    assert '"digest-light"' in (tmp_path / "settings.json").read_text(), (
        "settings: the theme chosen is saved"
    )


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


@pytest.mark.parametrize(
    ("texts", "width", "height", "longer"),
    [
        (["a" * 100], 10, 9, True),  # ten full lines
        (["a" * 100], 10, 10, False),  # fills the height exactly
        (["a b " * 25], 10, 5, False),  # the spaces where lines break take no room
        (["a b " * 25], 10, 4, True),
        (["漢" * 10], 10, 1, True),  # a wide character takes two columns
        (["a"] * 4, 80, 3, True),  # each block starts its own line
        (["a", "", "a"], 80, 2, False),  # an empty block (no standfirst) takes no line
        (["a" * 100], 0, 1, False),  # no room at all: nothing to say
    ],
)
def test_a_text_is_longer_than_the_screen_when_its_characters_cannot_fit(
    texts: list[str], width: int, height: int, longer: bool
) -> None:
    from digest.ui.screens.reader import longer_than

    assert longer_than(texts, width, height) is longer
