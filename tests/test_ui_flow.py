"""Pilot tests of reading all day: the dense list, unread flow, refresh, the reader's keys,
counts, calm failures and the small things (issue 16). Each presses keys as a user would
and checks what the user would see.

Each boot of the app and wait for its digest costs a test a quarter of a second of CPU or
more, so the checks that need the same input, terminal size and settings share one session: a
scenario test runs them as steps, one function each (named for the feature; a failure's
traceback and message name the step), in an order where each step starts from the state its
check needs.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from digest.library.refresh import Filters, wanted
from digest.library.store import Library
from digest.ui.app import DigestApp
from digest.ui.screens.dialogs import ErrorsScreen, HelpScreen
from digest.ui.screens.digest import DigestScreen
from digest.ui.screens.reader import ReaderScreen
from digest.ui.widgets.article_list import UNREAD_MARK, ArticleList
from digest.ui.widgets.card import Card
from tests.conftest import FIXTURES, SEEDS, wait_for_digest

STORIES = FIXTURES / "stories"

pytestmark = pytest.mark.usefixtures("seeds_read_once")


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config folder of the test's own; returns its settings file."""
    monkeypatch.setenv("DIGEST_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "config" / "settings.json"


async def _loaded(pilot, app: DigestApp) -> DigestScreen:  # type: ignore[no-untyped-def]
    await wait_for_digest(pilot)
    assert isinstance(app.screen, DigestScreen)
    return app.screen


async def _until(pilot, condition: Callable[[], object], seconds: float = 30) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until ``condition()`` holds (at most ``seconds``: a loaded machine is
    slow), then settle; the caller asserts what it waited for."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        await pilot.pause(0.05)
    await pilot.pause()


def _status(screen: DigestScreen) -> str:
    return str(screen.query_one("#status", Static).render())


def _pager(screen: DigestScreen) -> str:
    return str(screen.query_one("#pager", Static).render())


def _list_lines(screen: DigestScreen) -> list[str]:
    return screen.query_one(ArticleList).render().plain.splitlines()


def _saved(settings: Path) -> dict[str, object]:
    return json.loads(settings.read_text()) if settings.exists() else {}


def _reader(app: DigestApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def _shown(app: DigestApp) -> str:
    """The text of every line of the screen on top (a dialog's), one after the other."""
    return " ".join(str(s.render()) for s in app.screen.query(Static))


async def test_v_shows_one_line_an_article_and_enter_opens_it(settings: Path) -> None:
    app = DigestApp([str(SEEDS), str(STORIES)])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _loaded(pilot, app)
        cards_per_page = screen.per_page
        await pilot.press("v")
        await pilot.pause()
        lines = _list_lines(screen)
        assert screen.per_page >= 30 and screen.per_page > 4 * cards_per_page
        assert len(lines) == min(screen.per_page, len(screen.view)) >= 30
        first = screen.view[0]
        assert lines[0].startswith(UNREAD_MARK) and first.title[:30] in lines[0]
        assert first.publisher and first.publisher in lines[0]
        # A story told by two sources says so on its line.
        story = next(a for a in screen.view if len(screen.members(a)) > 1)
        line = lines[screen.view.index(story)]
        assert line.rstrip().endswith("2 sources") or line.rstrip().endswith("3 sources")
        await pilot.press("down", "enter")
        assert _reader(app).article is screen.view[1]
        await pilot.press("escape")
        assert isinstance(app.focused, ArticleList)
        assert not _list_lines(screen)[1].startswith(UNREAD_MARK)  # opened: read
    assert _saved(settings)["view"] == "list"
    again = DigestApp([str(SEEDS)])
    async with again.run_test(size=(120, 40)) as pilot:
        screen = await _loaded(pilot, again)
        assert screen.showing == "list" and screen.query(ArticleList)
        await pilot.press("v")
        assert screen.query(Card) and not screen.query(ArticleList)


async def test_unread_mark_survives_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = DigestApp([str(SEEDS)], remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _loaded(pilot, app)
        assert app.no_color
        titles = [card.lines()[0].plain for card in screen.query(Card)]
        assert all(title.startswith(f"{UNREAD_MARK} ") for title in titles)
        assert "7 unread" in _status(screen)
        await pilot.press("enter", "escape")
        first = screen.query(Card)[0]
        assert not first.lines()[0].plain.startswith(UNREAD_MARK)
        assert "6 unread" in _status(screen)
        await pilot.press("v")
        await pilot.pause()
        marks = [line[0] for line in _list_lines(screen)]
        assert marks == [" "] + [UNREAD_MARK] * 6


def _feed(base: str, entries: list[str]) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>{base}/{slug}</link><guid>{slug}</guid></item>"
        for slug, title in ((e, e.replace("-", " ").title()) for e in entries)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Local news</title>'
        f"<link>{base}/</link>{items}</channel></rss>"
    ).encode()


STORY_TEXT = {
    "bridge-vote": (
        "Councillors in Hexham voted on Monday to close the old bridge to lorries from March,"
        " after engineers found cracks in two of its arches.",
        "The bridge carries more than twenty thousand vehicles a day into the town centre.",
    ),
    "school-budget": (
        "The county's schools will receive four million pounds more next year, the education"
        " committee said on Tuesday, most of it for teachers' pay.",
        "Head teachers had warned that classes would grow without the extra money.",
    ),
    "harbour-plan": (
        "A plan to rebuild Amble harbour wall was approved by the marine authority on Wednesday,"
        " ending a dispute with fishermen that lasted three years.",
        "Work on the wall is due to begin in the spring and to take eighteen months.",
    ),
}
"""Three local reports, each a page of its own on the test site."""


def _page(slug: str) -> bytes:
    title = slug.replace("-", " ").title()
    body = "".join(f"<p>{p}</p>" for p in STORY_TEXT[slug])
    return (
        f"<html><head><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


@pytest.fixture
def news_site(local_site):  # type: ignore[no-untyped-def]
    """A local site with a feed whose entries the test can add to."""
    entries = ["bridge-vote", "school-budget"]
    site = local_site({})
    base = site.base

    def feed(_seen):  # type: ignore[no-untyped-def]
        return (200, {"Content-Type": "application/rss+xml"}, _feed(base, entries))

    site.routes["/feed.xml"] = feed
    for slug in STORY_TEXT:
        site.routes[f"/{slug}"] = (200, {"Content-Type": "text/html"}, _page(slug))
    return site, entries


async def test_refresh_brings_new_articles_marked_new(news_site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site, entries = news_site
    library = Library.open(tmp_path / "lib.sqlite3")
    app = DigestApp([f"{site.base}/feed.xml"], library=library, remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        assert [a.title for a in screen.articles] == ["Bridge Vote", "School Budget"]
        assert "refreshed" not in _status(screen)
        entries.append("harbour-plan")
        await pilot.press("R")
        await wait_for_digest(pilot)
        assert [a.title for a in screen.articles] == [
            "Bridge Vote",
            "School Budget",
            "Harbour Plan",
        ]
        assert screen.new_ids == {screen.articles[2].id}
        assert "1 new" in _status(screen) and "refreshed " in _status(screen)
        await pilot.press("end")
        card = screen.query(Card)[-1]
        assert card.article.title == "Harbour Plan"
        assert card.lines()[0].plain.endswith(" new")
    library.close()


async def test_the_app_refreshes_itself_every_few_minutes(news_site) -> None:  # type: ignore[no-untyped-def]
    site, entries = news_site
    app = DigestApp([f"{site.base}/feed.xml"], remember=False, refresh_minutes=0.5 / 60)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        entries.append("harbour-plan")  # nothing is pressed: the app reads it by itself
        for _ in range(100):
            await pilot.pause(0.1)
            if len(screen.articles) == 3 and screen.done:
                break
        assert screen.articles[2].title == "Harbour Plan" and "refreshed " in _status(screen)


async def test_the_reader_scrolls_with_j_k_space_b_g_shift_g() -> None:
    app = DigestApp([str(SEEDS)], remember=False)
    async with app.run_test(size=(100, 24)) as pilot:
        await _loaded(pilot, app)
        await pilot.press("enter")
        body = _reader(app).query_one("#body")
        assert body.scroll_y == 0
        await pilot.press("j", "j", "j")
        assert body.scroll_y == 3
        await pilot.press("k")
        assert body.scroll_y == 2
        await pilot.press("space")
        assert body.scroll_y > 10
        paged = body.scroll_y
        await pilot.press("b")
        assert body.scroll_y < paged
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y > 20
        await pilot.press("g")
        assert body.scroll_y == 0


async def _keys_typed_in_a_burst_after_slash_are_the_filters(  # type: ignore[no-untyped-def]
    pilot, app: DigestApp, screen: DigestScreen
) -> None:
    """A paste, or tmux send-keys: keys that arrive before "/" has been handled go to the
    filter box, never to the cards ("b" would save, "r" mark read)."""
    from textual import events

    names = {"/": "slash", ":": "colon", "\r": "enter", " ": "space"}
    box = screen.query_one("#filter", Input)
    for char in "/bar rb:syria\r":
        app.post_message(events.Key(names.get(char, char), char))
    await _until(
        pilot,
        lambda: (
            screen.query_text == "bar rb:syria"
            and (isinstance(app.focused, Card) or not screen.view)
        ),
    )
    assert screen.query_text == "bar rb:syria", "burst after /: every key is the filter's"
    assert all(screen.is_unread(a) for a in screen.articles), "burst after /: no r reached a card"
    assert "no filter field rb:" in _status(screen), "burst after /: the status names rb:"
    assert isinstance(app.focused, Card) or not screen.view, "burst: Enter gave the keys back"
    app.post_message(events.Key("escape", "\x1b"))
    app.post_message(events.Key("slash", "/"))
    app.post_message(events.Key("x", "x"))
    await _until(pilot, lambda: box.value == "x" and app.focused is box)
    assert box.value == "x", "burst after Esc and /: the x is the filter's"
    assert app.focused is box, "burst after Esc and /: the filter box has the keys"


async def _escape_shows_every_article_again(pilot, screen: DigestScreen) -> None:  # type: ignore[no-untyped-def]
    """Between two steps: Esc clears the filter and gives the keys back to the cards."""
    await pilot.press("escape")
    await _until(pilot, lambda: not screen.query_text and isinstance(screen.focused, Card))
    assert not screen.query_text and len(screen.view) == 7, "Esc clears the filter"
    assert isinstance(screen.focused, Card), "Esc gives the keys back to the cards"


async def _an_unknown_filter_field_is_named_in_the_status_line(  # type: ignore[no-untyped-def]
    pilot, screen: DigestScreen
) -> None:
    await pilot.press("slash", *"foo:bar")
    assert "no filter field foo: (try person: place: org: outlet: author:)" in _status(screen), (
        "an unknown filter field is named in the status line"
    )
    await pilot.press(*(["backspace"] * 7), *"place:syria", "enter")
    assert "no filter field" not in _status(screen), "a known field is no error"
    assert "filter: place:syria" in _status(screen), "the status line shows the filter"


async def _mark_the_page_then_everything_read_and_undo(  # type: ignore[no-untyped-def]
    pilot, app: DigestApp, screen: DigestScreen
) -> None:
    assert screen.per_page == 3, "mark page read: three cards a page at 100x30"
    await pilot.press("A")
    assert [screen.is_unread(a) for a in screen.view] == [False] * 3 + [True] * 4, (
        "A marks the page read"
    )
    assert "4 unread" in _status(screen), "A: the status counts the unread"
    assert any("Marked 3 articles read: u undoes" in n.message for n in app._notifications), (
        "A says how to undo"
    )
    await pilot.press("u")
    assert all(screen.is_unread(a) for a in screen.view), "u undoes A"
    await pilot.press("C")
    assert not any(screen.is_unread(a) for a in screen.view), "C marks everything read"
    assert "0 unread" in _status(screen), "C: the status counts the unread"
    await pilot.press("u")
    assert "7 unread" in _status(screen), "u undoes C"


async def _e_opens_its_view_even_when_nothing_failed(  # type: ignore[no-untyped-def]
    pilot, app: DigestApp, screen: DigestScreen
) -> None:
    await pilot.press("e")
    assert isinstance(app.screen, ErrorsScreen), "e opens the errors view"
    text = _shown(app)
    assert "No input failed." in text and "r tries" not in text, "errors view: nothing failed"
    await pilot.press("r", "escape")  # nothing to try again: r does nothing
    assert app.screen is screen, "errors view: Esc goes back"


async def _a_screenshot_goes_to_the_data_folder_and_the_toast_says_where(  # type: ignore[no-untyped-def]
    pilot, app: DigestApp, data: Path
) -> None:
    app.deliver_screenshot()
    await pilot.pause()
    shots = list((data / "screenshots").glob("*.svg"))
    assert len(shots) == 1 and shots[0].read_text().startswith("<svg"), (
        "a screenshot is an SVG in the data folder"
    )
    assert any(str(shots[0]) in n.message for n in app._notifications), (
        "the screenshot's toast says where"
    )


async def _o_and_y_work_on_the_list_and_cards(  # type: ignore[no-untyped-def]
    pilot, app: DigestApp, screen: DigestScreen, opened: list[str]
) -> None:
    linked = next(i for i, a in enumerate(screen.view) if a.url)
    # Moved to as a user would: a card focused late (a busy machine) takes the selection.
    await pilot.press(*["j"] * linked)
    assert screen.index == linked, "o and y: j moves to the linked card"
    await pilot.press("y", "o")
    url = screen.view[linked].url
    assert app.clipboard == url and opened == [url], "y copies and o opens a card's link"
    await pilot.press("v", "home", "y")
    first = screen.view[0]
    assert app.clipboard == (first.url or first.input), "y copies on the list"
    assert isinstance(app.screen, DigestScreen), "y stays on the list"


async def _n_and_shift_n_go_to_the_next_and_previous_unread(  # type: ignore[no-untyped-def]
    pilot, app: DigestApp, screen: DigestScreen
) -> None:
    await pilot.press("j", "enter", "escape")  # the second article is read now
    assert screen.index == 1, "n: the second article is selected"
    await pilot.press("home", "n")
    assert screen.index == 2, "n passes over the read article"
    await pilot.press("N")
    assert screen.index == 0, "N goes to the previous unread"
    await pilot.press("N")
    assert screen.index == len(screen.view) - 1, "N goes round the end"
    # In the reader, n opens the next unread article in place.
    await pilot.press("home", "enter", "n")
    reader = _reader(app)
    assert reader.article is screen.view[2], "n in the reader opens the next unread"
    await pilot.press("N")
    assert _reader(app).article is screen.view[len(screen.view) - 1], (
        "N in the reader opens the previous unread, round the end"
    )
    await pilot.press("escape")
    assert app.screen is screen and screen.index == len(screen.view) - 1, (
        "back from the reader, the article read last is selected"
    )


async def _help_explains_the_marks_without_colour(  # type: ignore[no-untyped-def]
    pilot, app: DigestApp, screen: DigestScreen
) -> None:
    await pilot.press("question_mark")
    assert isinstance(app.screen, HelpScreen), "? opens the help"
    shown = _shown(app)
    for mark in (UNREAD_MARK, "★", "person", "org", "place", "#", "⚖", "⚠"):
        assert f"\n{mark} " in shown, f"the help explains the mark {mark}"
    for binding in type(screen).BINDINGS:
        assert binding.description in shown, f"the help names {binding.description}"
    await pilot.press("escape", "enter", "question_mark")
    shown = _shown(app)
    for binding in ReaderScreen.BINDINGS:
        assert binding.description in shown, f"the reader's help names {binding.description}"
    await pilot.press("escape", "escape")
    assert app.screen is screen, "Esc leaves the help, then the reader"


async def _arrows_read_the_next_and_previous_article_and_q_goes_back(  # type: ignore[no-untyped-def]
    pilot, app: DigestApp, screen: DigestScreen
) -> None:
    """The last step: it ends the session with ctrl+q."""
    await pilot.press("home", "enter", "right", "right")
    assert _reader(app).article is screen.view[2], "right reads the next article"
    await pilot.press("left")
    assert _reader(app).article is screen.view[1], "left reads the previous article"
    # Each article replaces the last on the screen stack: one q goes back to the list.
    assert app.screen_stack[-2:] == [screen, app.screen], "one reader on the screen stack"
    await pilot.press("left", "left")  # nothing before the first: it stays
    assert _reader(app).article is screen.view[0], "left stays on the first article"
    await pilot.press("q")
    assert app.screen is screen and app.is_running, "q goes back to the digest"
    assert screen.index == 0 and not any(screen.is_unread(a) for a in screen.view[:3]), (
        "the articles read with the arrows are read, the last is selected"
    )
    await pilot.press("end", "enter", "right")
    assert _reader(app).article is screen.view[-1], "right stays on the last article"
    await pilot.press("ctrl+q")


async def test_the_seeds_at_100x30_filter_marks_errors_links_unread_help_and_arrows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One session of the seeds at 100x30 (remember off), one step per feature, in order:

    keys typed in a burst after "/" are the filter's; an unknown filter field is named in
    the status line; A marks the page read, C everything, u undoes each; e opens its view
    even when nothing failed; a screenshot goes to the data folder and the toast says where;
    o and y work on the cards and the list; n and N go to the next and previous unread,
    in the list and the reader; the help explains the marks without colour, on the digest and
    in the reader; the arrows read the next and previous article, q goes back, ctrl+q quits.
    """
    data = tmp_path / "data"
    monkeypatch.setenv("DIGEST_DATA_DIR", str(data))
    app = DigestApp([str(SEEDS)], remember=False)
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        await _keys_typed_in_a_burst_after_slash_are_the_filters(pilot, app, screen)
        await _escape_shows_every_article_again(pilot, screen)
        await _an_unknown_filter_field_is_named_in_the_status_line(pilot, screen)
        await _escape_shows_every_article_again(pilot, screen)
        assert screen.index == 0 and "7 unread" in _status(screen), "the first, all unread"
        await _mark_the_page_then_everything_read_and_undo(pilot, app, screen)
        await _e_opens_its_view_even_when_nothing_failed(pilot, app, screen)
        await _a_screenshot_goes_to_the_data_folder_and_the_toast_says_where(pilot, app, data)
        assert screen.index == 0 and "7 unread" in _status(screen), "the first, all unread"
        await _o_and_y_work_on_the_list_and_cards(pilot, app, screen, opened)
        await pilot.press("v")
        assert screen.showing == "cards" and screen.index == 0, "v: back to the first card"
        assert "7 unread" in _status(screen), "o and y marked nothing read"
        await _n_and_shift_n_go_to_the_next_and_previous_unread(pilot, app, screen)
        await _help_explains_the_marks_without_colour(pilot, app, screen)
        await _arrows_read_the_next_and_previous_article_and_q_goes_back(pilot, app, screen)
    assert app.return_value == 0, "ctrl+q quits with 0"


async def _from_100_columns_the_side_panel_is_beside_the_text(  # type: ignore[no-untyped-def]
    pilot, app: DigestApp
) -> None:
    await pilot.press("enter")
    await pilot.pause()
    reader = _reader(app)
    body, side = reader.query_one("#body").region, reader.query_one("#side").region
    assert side.x >= body.right and side.y == body.y, "at 120 columns the panel is beside"


async def _the_side_panel_puts_quotes_first_and_credits_last(app: DigestApp) -> None:
    facts = _reader(app).query_one("#facts", OptionList)
    prompts = [str(facts.get_option_at_index(i).prompt) for i in range(facts.option_count)]
    headings = [p for p in prompts if not p.startswith("  ")]
    assert headings[0] == "Quotes" and headings[-1] == "Credits", "quotes first, credits last"
    assert "Credit" not in str(_reader(app).query_one("#attribution", Static).render()), (
        "the credits are in the panel, not the attribution"
    )


async def _tab_goes_to_the_facts_and_a_jump_says_which_mention(  # type: ignore[no-untyped-def]
    pilot, app: DigestApp
) -> None:
    await pilot.press("tab")
    reader = _reader(app)
    facts = reader.query_one("#facts", OptionList)
    assert app.focused is facts, "tab goes to the facts"
    row, entry = next((i, e) for i, e in reader.entries.items() if len(e.paragraphs) >= 2)
    facts.highlighted = row
    await pilot.press("enter")
    jump = str(reader.query_one("#jump", Static).render())
    count = len(entry.paragraphs)
    assert f"mention 1 of {count}" in jump and entry.name in jump, "a jump says which mention"
    await pilot.press("enter")
    assert f"mention 2 of {count}" in str(reader.query_one("#jump", Static).render()), (
        "enter again jumps to the next mention"
    )
    assert reader.query_one(f"#p{entry.paragraphs[1]}").has_class("-target"), (
        "the paragraph jumped to is marked"
    )
    await pilot.press("tab")
    assert app.focused is reader.query_one("#body"), "tab goes back to the text"


async def _a_click_on_a_line_opens_it(  # type: ignore[no-untyped-def]
    pilot, app: DigestApp, screen: DigestScreen
) -> None:
    await pilot.press("v")
    await pilot.pause()
    await pilot.click(ArticleList, offset=(10, 2))
    assert _reader(app).article is screen.view[2], "a click on a line opens it"


async def test_the_seeds_at_120x40_the_reader_side_panel_facts_and_a_click_on_a_line() -> None:
    """One session of the seeds at 120x40 (remember off), one step per feature, in order:
    from 100 columns the reader's side panel is beside the text; it puts quotes first and
    credits last; tab goes to the facts and a jump says which mention; back on the digest,
    in the list (v) a click on a line opens it."""
    app = DigestApp([str(SEEDS)], remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _loaded(pilot, app)
        await _from_100_columns_the_side_panel_is_beside_the_text(pilot, app)
        await _the_side_panel_puts_quotes_first_and_credits_last(app)
        await _tab_goes_to_the_facts_and_a_jump_says_which_mention(pilot, app)
        await pilot.press("escape")
        assert app.screen is screen, "Esc leaves the reader"
        await _a_click_on_a_line_opens_it(pilot, app, screen)


@pytest.mark.parametrize("size", [(80, 24), (99, 30)])
async def test_below_100_columns_the_side_panel_folds_under_the_text(
    size: tuple[int, int],
) -> None:
    """(At 120 columns it is beside the text: a step of the 120x40 session above.)"""
    app = DigestApp([str(SEEDS)], remember=False)
    async with app.run_test(size=size) as pilot:
        await _loaded(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        reader = _reader(app)
        body, side = reader.query_one("#body").region, reader.query_one("#side").region
        assert side.y >= body.bottom and body.width >= size[0] - 2
        small = side.height
        await pilot.press("tab")  # the facts have the keys: the panel grows
        await pilot.pause()
        assert reader.query_one("#side").region.height > small


async def _r_and_b_mark_the_card(pilot, app: DigestApp) -> str:  # type: ignore[no-untyped-def]
    """r and b on the first card; returns its article's id (the library keeps both marks)."""
    card = app.focused
    assert isinstance(card, Card), "the first card has the keys"
    assert not card.has_class("-read") and not card.saved, "the first card: unread, not saved"
    await pilot.press("b")
    assert isinstance(app.focused, Card) and app.focused.saved, "b saves the card"
    await pilot.press("r")
    assert isinstance(app.focused, Card) and app.focused.has_class("-read"), "r marks it read"
    return card.article.id


async def _only_unread_hides_the_read(pilot, screen: DigestScreen) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("enter", "escape")  # the first, read
    read = screen.view[0]
    await pilot.press("U")
    assert read not in screen.view and len(screen.view) == 6, "U shows only the unread"
    assert "only unread (U)" in _status(screen), "the status says only unread"


async def _sort_starts_from_the_top(pilot, app: DigestApp, screen: DigestScreen) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("j", "j", "j", "j")
    assert screen.page == 1, "sort: four cards down is the second page"
    await pilot.press("s")
    assert screen.order == "date" and screen.index == 0 and screen.page == 0, (
        "s sorts by date from the top"
    )
    assert app.focused is screen.query(Card)[0], "s: the first card has the keys"


async def test_theme_for_one_run_sort_and_only_unread_remembered_r_and_b_in_the_library(
    tmp_path: Path, settings: Path
) -> None:
    """Three runs of the seeds at 100x30 with a library. The first, with ``--theme light``:
    the theme is that run's (nothing is saved); r and b mark the first card, kept in the
    library. The second opens in the default theme, not the command line's; there only
    unread (U) hides the read article and s sorts by date from the top. The third opens with
    the remembered sort and only unread; reading an article there does not hide it at once,
    U shows all again."""
    library = Library.open(tmp_path / "lib.sqlite3")
    app = DigestApp([str(SEEDS)], library=library, theme="light")
    async with app.run_test(size=(100, 30)) as pilot:
        await _loaded(pilot, app)
        assert app.theme == "digest-light", "--theme light is used"
        chosen = await _r_and_b_mark_the_card(pilot, app)
    assert "theme" not in _saved(settings), "a theme from the command line is for that run only"
    states = library.states([chosen])
    assert states[chosen][0] is not None and states[chosen][1] is not None, (
        "r and b are kept in the library"
    )
    everything = [s.article for s in library.articles()]
    assert [a.id for a in wanted(everything, library, Filters(saved=True))] == [chosen], (
        "the saved filter finds the article b saved"
    )
    again = DigestApp([str(SEEDS)], library=library)
    async with again.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, again)
        assert again.theme == "digest-dark", "the next run is in the remembered theme"
        await _only_unread_hides_the_read(pilot, screen)
        await _sort_starts_from_the_top(pilot, again, screen)
    saved = _saved(settings)
    assert saved["unread_only"] is True and saved["sort"] == "date", "U and s are remembered"
    third = DigestApp([str(SEEDS)], library=library)
    async with third.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, third)
        assert screen.order == "date" and "newest first" in _status(screen), "sort remembered"
        assert screen.unread_only and len(screen.view) == 6, "only unread remembered"
        await pilot.press("enter", "escape")  # reading one does not hide it at once
        assert len(screen.view) == 6, "reading one does not hide it at once"
        await pilot.press("U")
        assert len(screen.view) == 7, "U shows every article again"
    library.close()


async def test_a_burst_of_failures_is_one_notification_and_retry_reads_them_again(
    tmp_path: Path,
) -> None:
    later = sorted(STORIES.iterdir())[:6]
    missing = [tmp_path / f"late-{n}.txt" for n in range(6)]
    app = DigestApp([str(SEEDS), *map(str, missing)], remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _loaded(pilot, app)
        # Failures within a second of the first are told together, once that second is over.
        await _until(pilot, lambda: any(n.severity == "error" for n in app._notifications))
        failed = [n for n in app._notifications if n.severity == "error"]
        assert [n.message for n in failed] == ["6 inputs failed: e for details"]
        status = screen.query_one("#status", Static).render()
        assert "⚠ 6 failed (e)" in str(status)
        counter = next(s for s in status.spans if "failed" in str(status)[s.start : s.end])
        assert "$text-error" in str(counter.style)
        await pilot.press("e")
        assert isinstance(app.screen, ErrorsScreen)
        for source, path in zip(later, missing, strict=True):
            shutil.copy(source, path)
        await pilot.press("r")
        assert app.screen is screen
        await wait_for_digest(pilot)
        assert screen.failures == [] and "failed" not in _status(screen)
        assert len(screen.articles) == 7 + 6
