"""The digest screen: every article read, as summary cards or as a dense list, page by page.

The screen owns the state (every article read, the filtered and sorted view, the selected
article, read and saved state, what a refresh brought) and the thread workers that read the
inputs through :func:`digest.library.refresh.iter_run` and group them into stories. Cards and the
list only show what they are given and post ``Card.Chosen`` / ``ArticleList.Chosen``; the
reader asks this screen for the next and previous article (:class:`Navigator`).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.markup import escape
from textual.message import Message
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.timer import Timer
from textual.widgets import Footer, Input, Static

from digest.library.refresh import Filters
from digest.models import Article, InputFailure
from digest.pipeline import Stop
from digest.render import counted
from digest.text.sanitize import web_url
from digest.ui.screens.dialogs import ErrorsScreen
from digest.ui.screens.reader import ReaderScreen, copy_link, open_link
from digest.ui.view import (
    FIELDS,
    SORTS,
    arrange,
    fact_names,
    next_matching,
    next_sort,
    retry_inputs,
    tally,
    unknown_fields,
)
from digest.ui.widgets.article_list import ArticleList, Row
from digest.ui.widgets.card import MIN_CARD_HEIGHT, Card

if TYPE_CHECKING:
    from digest.library.store import Library
    from digest.models import Changes, Story
    from digest.readers import ReaderPool
    from digest.ui.app import DigestApp

FLUSH_SECONDS = 0.1
"""Articles read within this time are added to the view together, in one redraw."""

BURST_SECONDS = 1.0
"""Failures within this time of the first one are told in one notification."""

State = tuple[float | None, float | None]
"""(read at, saved at) of an article; ``None`` for not read, not saved."""


class CardStack(Vertical):
    """The space the cards (or the list) of one page share; says when its size changes."""

    class Resized(Message):
        """The stack's height changed: the articles per page may have too."""

    def on_resize(self) -> None:
        self.post_message(self.Resized())


class DigestScreen(Screen[None]):
    """Every article read, as summary cards or a dense list, page by page."""

    AUTO_FOCUS = ""

    BINDINGS = [
        Binding("enter", "open", "Open", id="open"),
        # A priority binding acts before the keys typed after it reach the cards (a burst
        # from a paste or tmux would otherwise be read as "b" save, "r" read...).
        Binding("slash", "filter", "Filter", id="filter", priority=True),
        Binding("v", "toggle_view", "List/cards", id="toggle-view"),
        Binding("s", "sort", "Sort", id="sort"),
        Binding("n", "unread(1)", "Next unread", id="next-unread"),
        Binding("N", "unread(-1)", "Previous unread", id="previous-unread", show=False),
        Binding("R", "refresh", "Refresh", id="refresh"),
        Binding("e", "errors", "Errors", id="errors"),
        Binding("right,pagedown", "page(1)", "Next page", id="next-page", show=False),
        Binding("left,pageup", "page(-1)", "Previous page", id="previous-page", show=False),
        Binding("down,j", "card(1)", "Next article", id="next-card", show=False),
        Binding("up,k", "card(-1)", "Previous article", id="previous-card", show=False),
        Binding("home", "jump(0)", "First article", id="first-card", show=False),
        Binding("end", "jump(-1)", "Last article", id="last-card", show=False),
        Binding(
            "escape", "clear_filter", "Clear filter", id="clear-filter", show=False, priority=True
        ),
        # Enter in the filter box (no description: it is not a command of its own).
        Binding("enter", "filter_done", "", id="filter-done", show=False, priority=True),
        Binding("r", "toggle_read", "Read/unread", id="toggle-read", show=False),
        Binding("A", "mark_read('page')", "Mark page read", id="mark-page-read", show=False),
        Binding("C", "mark_read('all')", "Mark all read", id="mark-all-read", show=False),
        Binding("u", "undo", "Undo marking read", id="undo", show=False),
        Binding("U", "unread_only", "Only unread", id="unread-only", show=False),
        Binding("b", "toggle_saved", "Save", id="toggle-saved", show=False),
        Binding("o", "open_link", "Open link", id="open-link", show=False),
        Binding("y", "copy_link", "Copy link", id="copy-link", show=False),
    ]

    def __init__(
        self,
        inputs: Sequence[str],
        sentences: int,
        *,
        library: Library | None = None,
        offline: bool = False,
        filters: Filters | None = None,
        showing: str = "cards",
        order: str = "given",
        unread_only: bool = False,
        refresh_minutes: float | None = None,
        readers: ReaderPool | None = None,
    ) -> None:
        super().__init__()
        self.inputs = list(inputs)
        self.sentences = sentences
        self.library = library
        """Where read and saved state are kept (``None``: only for this session)."""
        self.offline = offline
        filters = filters or Filters()
        # Only unread is a choice of the view (U), so that marking read hides nothing at once.
        self.filters = replace(filters, unread=False)
        self.readers = readers
        """Worker processes that read documents, or ``None`` to read in the worker thread."""
        self.refresh_minutes = refresh_minutes
        self.states: dict[str, State] = {}
        """Article id -> (read at, saved at), from the library and this session."""
        self.story_of: dict[str, Story] = {}
        """Lead article id -> its story, once reading is done and articles are grouped."""
        self.changes: dict[str, Changes] = {}
        """Lead article id -> what is new since the user last opened that story."""
        self.articles: list[Article] = []
        """Every article read, in input order."""
        self.view: list[Article] = []
        """The articles shown: filtered and sorted."""
        self.failures: list[InputFailure] = []
        self.total: int | None = None
        self.index = 0
        """Position of the selected article in ``view``; the page follows from it."""
        self.query_text = ""
        self.order = order if order in SORTS else "given"
        self.showing = showing if showing in ("cards", "list") else "cards"
        self.unread_only = unread_only or filters.unread
        self.hidden: set[str] = set()
        """Ids read before "only unread" was chosen: hidden until it is chosen again."""
        self.new_ids: set[str] = set()
        """Articles the last refresh brought."""
        self.refreshed_at: float | None = None
        self.done = False
        """Nothing is being read (the first reading, a refresh or a retry is over)."""
        self._undo: dict[str, State] | None = None
        """The states before the last "mark page / all read", for ``u``."""
        self._burst: list[InputFailure] = []
        self._burst_timer: Timer | None = None
        self._shown: tuple[object, ...] = ()
        self._cards: list[Card] = []
        self._list: ArticleList | None = None
        self._binding_state: tuple[object, ...] = ()
        self._pending: list[tuple[Article, State | None]] = []
        self._flush_timer: Timer | None = None
        self._positions: dict[str, int] = {}
        """Article id -> its place in ``articles``."""
        self._received = 0
        """Articles and failures the current reading has given so far."""
        self._why = "load"
        """Why the current (or last) reading runs: load, refresh or retry."""
        self.stop_reading = Stop()
        """Ends the reading worker at once (quitting does not wait for slow servers)."""

    @property
    def digest_app(self) -> DigestApp:
        from digest.ui.app import DigestApp

        assert isinstance(self.app, DigestApp)
        return self.app

    def compose(self) -> ComposeResult:
        yield Static("reading…", id="status")
        yield Static(id="empty")
        yield CardStack(id="cards")
        yield Input(
            placeholder="words, or person: place: org: outlet: author: (e.g. place:syria)",
            id="filter",
        )
        yield Static("", id="pager")
        yield Footer()

    def on_mount(self) -> None:
        self._read(self.inputs, "load")
        if self.refresh_minutes:
            self.set_interval(self.refresh_minutes * 60, self._timed_refresh)

    def on_unmount(self) -> None:
        self.stop_reading()

    def _read(self, inputs: Sequence[str], why: str) -> None:
        """Read ``inputs`` (``why``: load, refresh or retry) in a thread worker."""
        self.done = False
        self.total = None
        self._received = 0
        self._why = why
        if why == "refresh":
            self.new_ids = set()
            self.failures = []
        self._status()
        self.read_inputs(list(inputs), why)

    @work(thread=True, exclusive=True, group="read")
    def read_inputs(self, inputs: list[str], why: str) -> None:
        from digest.library.refresh import iter_run, wanted

        shown_total = 0

        def progress(done: int, total: int) -> None:
            nonlocal shown_total
            if total != shown_total:  # the total grows as feeds are read
                shown_total = total
                self.post_message(self.Read(total))

        # post_message is safe from a thread and does not wait for the screen to draw, so
        # reading goes on while cards are shown.
        for item in iter_run(
            inputs,
            library=self.library,
            offline=self.offline,
            sentences=self.sentences,
            progress=progress,
            readers=self.readers,
            warn=self._warn,
            stop=self.stop_reading,
        ):
            state: State | None = None
            if isinstance(item, Article):
                if self.filters.active and not wanted([item], self.library, self.filters):
                    continue
                if self.library is not None:
                    state = self.library.states([item.id]).get(item.id, (None, None))
            self.post_message(self.Read(item, state))
        if self.stop_reading.stopped:
            return  # the app is closing: nobody will see the end
        self.post_message(self.Read(None, why=why))

    def _warn(self, text: str) -> None:
        """From the reading worker: tell the user about the library (once)."""
        self.post_message(self.Warned(text))

    class Warned(Message):
        """From the reading worker: the library failed, and the run goes on without it."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def on_digest_screen_warned(self, message: Warned) -> None:
        self.notify(message.text, title="Library", severity="warning", timeout=8, markup=False)

    class Read(Message):
        """From the reading worker: the number of inputs, one result, or ``None`` at the end."""

        def __init__(
            self,
            item: int | Article | InputFailure | None,
            state: State | None = None,
            *,
            why: str = "",
        ) -> None:
            super().__init__()
            self.item = item
            self.state = state
            """The article's state in the library (``None``: no library)."""
            self.why = why

    def on_digest_screen_read(self, message: Read) -> None:
        item = message.item
        if isinstance(item, Article | InputFailure):
            self._received += 1
        if isinstance(item, int):
            self.total = item
            self._status()
        elif isinstance(item, Article):
            self._pending.append((item, message.state))
            if not self.articles:  # the first card is shown at once
                self._flush()
                if self.readers is not None:
                    # The reading processes start once the first card is drawn, not before:
                    # their start would slow it down.
                    self.call_after_refresh(self.readers.launch)
            elif self._flush_timer is None:
                self._flush_timer = self.set_timer(FLUSH_SECONDS, self._flush)
        elif isinstance(item, InputFailure):
            self.failures.append(item)
            self._burst.append(item)
            if self._burst_timer is None:
                self._burst_timer = self.set_timer(BURST_SECONDS, self._tell_failures)
            self._status()
        else:
            self._finished(message.why)

    def _flush(self) -> None:
        """Add the articles read since the last flush to the view, in one redraw."""
        if self._flush_timer is not None:
            self._flush_timer.stop()
        self._flush_timer = None
        if not self._pending:
            return
        for article, state in self._pending:
            if state is not None and article.id not in self.states:
                self.states[article.id] = state
                if self.unread_only and state[0] is not None:
                    self.hidden.add(article.id)
            place = self._positions.get(article.id)
            if place is None:  # a new article (a refresh marks it new)
                self._positions[article.id] = len(self.articles)
                self.articles.append(article)
                if self._why == "refresh":
                    self.new_ids.add(article.id)
            else:  # read again: the newer record replaces the old in its place
                self.articles[place] = article
        self._pending.clear()
        self._rearrange()

    def _tell_failures(self) -> None:
        """One notification for the failures of a burst, however many."""
        self._burst_timer = None
        burst, self._burst = self._burst, []
        if len(burst) == 1:
            self.notify(
                f"{burst[0].input}: {burst[0].error}",
                title="Input failed (e for details)",
                severity="error",
                timeout=6,
                markup=False,
            )
        elif burst:
            self.notify(f"{len(burst)} inputs failed: e for details", severity="error", timeout=6)

    def _finished(self, why: str) -> None:
        self._flush()
        if self._burst_timer is not None:
            self._burst_timer.stop()
            self._tell_failures()
        if why == "refresh":
            self.refreshed_at = time.time()
            brought = len(self.new_ids)
            self.notify(
                f"Refreshed: {counted(brought, 'new article')}."
                if brought
                else "Refreshed: nothing new.",
                timeout=3,
            )
        if self.failures and not self.articles:
            self.notify(
                "No input gave an article: press e to see why.", severity="error", timeout=8
            )
        self.group_stories(list(self.articles))

    @work(thread=True, exclusive=True, group="group")
    def group_stories(self, articles: list[Article]) -> None:
        """Group the articles into stories, each marked with what is new since last opened."""
        from digest.models import Snapshot
        from digest.stories import changes, group, match

        stories = group(articles)
        if self.stop_reading.stopped:
            return  # the app is closing
        seen: dict[str, Changes] = {}
        if self.library is not None:
            snapshots = []
            for text in self.library.snapshots().values():
                try:
                    snapshots.append(Snapshot.from_json(text))
                except ValueError:
                    continue  # a snapshot this digest cannot read: the story counts as unseen
            for story in stories:
                previous = match(story, snapshots)
                if previous is not None:
                    seen[story.lead.id] = changes(previous, story)
        self.post_message(self.Grouped(stories, seen))

    class Grouped(Message):
        """From the grouping worker: the stories and what is new in each."""

        def __init__(self, stories: list[Story], changes: dict[str, Changes]) -> None:
            super().__init__()
            self.stories = stories
            self.changes = changes

    def on_digest_screen_grouped(self, message: Grouped) -> None:
        self.story_of = {story.lead.id: story for story in message.stories}
        self.changes = message.changes
        self.done = True
        self._rearrange()

    def _timed_refresh(self) -> None:
        if self.done:
            self._read(self.inputs, "refresh")

    @property
    def per_page(self) -> int:
        height = self.query_one("#cards").size.height or max(1, self.size.height - 3)
        return max(1, height if self.showing == "list" else height // MIN_CARD_HEIGHT)

    @property
    def page(self) -> int:
        return self.index // self.per_page

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.view) // self.per_page))

    @property
    def selected(self) -> Article | None:
        return self.view[self.index] if self.view else None

    def members(self, article: Article) -> tuple[Article, ...]:
        """The article and, when it leads a story, the story's other articles."""
        story = self.story_of.get(article.id)
        return story.articles if story is not None else (article,)

    def is_unread(self, article: Article) -> bool:
        """Whether the article, or any article of the story it leads, is unread."""
        return any(self.states.get(a.id, (None, None))[0] is None for a in self.members(article))

    def _rearrange(self, *, keep: bool = True) -> None:
        """Recompute the view after new articles, a filter or a sort; keep the selected
        article selected (or, with ``keep`` false, select the first)."""
        selected = self.selected if keep else None
        if not keep:
            self.index = 0
        leads = self.articles
        if self.story_of:  # grouped: one card per story, its lead
            leads = [a for a in self.articles if a.id in self.story_of]
            leads = list({a.id: a for a in leads}.values())
        if self.unread_only and self.hidden:
            leads = [a for a in leads if any(m.id not in self.hidden for m in self.members(a))]
        self.view = arrange(leads, self.query_text, self.order)
        if selected is not None:
            place = next((i for i, a in enumerate(self.view) if a.id == selected.id), None)
            if place is not None:
                self.index = place
        self.index = max(0, min(self.index, len(self.view) - 1))
        self._show()

    def _show(self, *, force: bool = False) -> None:
        """Show the current page (mounting cards only when they changed), focus the selection."""
        start = self.page * self.per_page
        page = self.view[start : start + self.per_page]
        stack = self.query_one("#cards", Vertical)
        if self.showing == "list":
            if self._list is None:
                stack.remove_children()
                self._cards = []
                self._list = ArticleList(id="list")
                stack.mount(self._list)
            self._shown = ()
            self._list.show([self._row(a) for a in page], self.index - start)
        else:
            ids = tuple((id(a), self._flags(a)) for a in page)
            if ids != self._shown or force or self._list is not None:
                self._shown = ids
                self._list = None
                stack.remove_children()
                height = (
                    max(3, stack.size.height // self.per_page)
                    if stack.size.height
                    else MIN_CARD_HEIGHT
                )
                self._cards = [self._card(article) for article in page]
                for card in self._cards:
                    card.styles.height = height
                stack.mount_all(self._cards)
        empty = self.query_one("#empty", Static)
        empty.display = not page
        empty.update(self._empty_message())
        self._focus_selected()
        self._status()

    def _flags(self, article: Article) -> tuple[bool, bool, bool]:
        _, saved_at = self.states.get(article.id, (None, None))
        return (self.is_unread(article), saved_at is not None, article.id in self.new_ids)

    def _row(self, article: Article) -> Row:
        unread, saved, new = self._flags(article)
        return Row(article, unread, saved, new, len(self.members(article)))

    def _card(self, article: Article) -> Card:
        unread, saved, new = self._flags(article)
        return Card(
            article,
            story=self.story_of.get(article.id),
            changes=self.changes.get(article.id),
            read=not unread,
            saved=saved,
            new=new,
        )

    def _empty_message(self) -> Content:
        if self.query_text and self.articles:
            return Content.assemble(
                f"No article matches “{self.query_text}”. ",
                ("Esc clears the filter.", "$text-muted"),
            )
        if not self.done:
            return Content.styled("Reading…", "$text-muted")
        if self.unread_only and self.articles:
            return Content.assemble(
                "Nothing unread. ", ("U shows the articles read too.", "$text-muted")
            )
        return Content.assemble(
            "No articles. ", ("Press e to see which inputs failed and why.", "$text-muted")
        )

    def _focus_selected(self) -> None:
        """Give the keys to the selected card (or the list), unless the filter box has them.

        Focus is read from ``self.focused``, which changes at once, never ``has_focus``, which
        follows a message: keys typed in a burst must go where the one before sent them.
        """
        box = self.query_one("#filter", Input)
        if self.focused is box:
            return
        if self._focus_target() is None:  # nothing shown: no removed card keeps the keys
            self.set_focus(None)
            return

        def focus() -> None:
            # Looked at when it runs: "/" typed meanwhile keeps the keys in the box, and a
            # page shown meanwhile (a resize) has cards of its own.
            target = self._focus_target()
            if self.focused is box or target is None:
                return
            if target.is_mounted:
                self.set_focus(target, scroll_visible=False)
            else:  # a card still being mounted
                target.focus(scroll_visible=False)

        self.call_after_refresh(focus)

    def _focus_target(self) -> Card | ArticleList | None:
        """The widget that shows the selected article now."""
        if self._list is not None:
            return self._list
        if not self._cards:
            return None
        return self._cards[min(self.index - self.page * self.per_page, len(self._cards) - 1)]

    def _status(self) -> None:
        # What check_action depends on; the footer is redrawn only when it changes.
        state = (
            self.page,
            self.pages,
            bool(self.view),
            bool(self.query_text),
            self.done,
            self._undo is not None,
            bool(self.selected and self.selected.url),
        )
        if state != self._binding_state:
            self._binding_state = state
            self.refresh_bindings()
        parts = ["[b]digest[/b]"]
        if not self.done:
            if self.total is None:
                parts.append("reading…")
            else:
                parts.append(f"reading {min(self._received + 1, self.total)} of {self.total}…")
        if self.failures:
            # A link takes the link colour: only "(e)" is one, the count keeps the error's.
            parts.append(
                f"[bold $text-error]⚠ {len(self.failures)} failed[/] [@click=screen.errors](e)[/]"
            )
        unread = sum(1 for a in self.view if self.is_unread(a))
        parts.append(f"[@click=screen.unread(1)]{unread} unread[/]")
        if self.new_ids:
            parts.append(f"[$text-success]{len(self.new_ids)} new[/]")
        parts.append(f"[@click=screen.sort]sort: {SORTS[self.order]}[/]")
        if self.unread_only:
            parts.append("[@click=screen.unread_only]only unread (U)[/]")
        unknown = unknown_fields(self.query_text)
        if unknown:
            names = " ".join(f"{name}:" for name in FIELDS)
            parts.append(
                f"[bold $text-warning]no filter field {escape(unknown[0])}: (try {names})[/]"
            )
        elif self.query_text:
            parts.append(f"[@click=screen.filter]filter: {escape(self.query_text)}[/]")
        else:
            parts.append("[@click=screen.filter]/ filter[/]")
        if self.refreshed_at is not None:
            parts.append(f"refreshed {time.strftime('%H:%M', time.localtime(self.refreshed_at))}")
        self.query_one("#status", Static).update(Content.from_markup(" · ".join(parts)))
        count = tally(self.view, self.story_of)
        articles = counted(count.articles, "article")
        if self.story_of and count.stories < count.articles:
            articles += f" · {counted(count.stories, 'story', 'stories')}"
        if len(self.view) < len(self._leads()):
            articles = f"{count.articles} of {counted(len(self.articles), 'article')}"
            if self.story_of and count.stories < count.articles:
                articles += f" · {counted(count.stories, 'story', 'stories')}"
        self.query_one("#pager", Static).update(
            Content.from_markup(
                f"[@click='screen.page(-1)']◀[/] Page {self.page + 1}/{self.pages} · {articles} · "
                f"{counted(count.sources, 'source')} [@click=screen.page(1)]▶[/]"
            )
        )

    def _leads(self) -> list[Article]:
        if not self.story_of:
            return self.articles
        return [a for a in self.articles if a.id in self.story_of]

    def on_card_stack_resized(self) -> None:
        self._show(force=True)

    def on_screen_resume(self) -> None:
        if self.is_mounted and self.view:
            self._show()  # the reader may have moved to another article, or page

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Dim what would do nothing now: paging past the ends, opening with no articles..."""
        if action == "page":
            delta = parameters[0] if parameters and isinstance(parameters[0], int) else 0
            return True if 0 <= self.page + delta < self.pages else None
        if action in ("card", "jump", "open", "unread", "toggle_read", "mark_read", "copy_link"):
            return True if self.view else None
        if action == "open_link":
            return True if self.selected is not None and web_url(self.selected.url) else None
        if action == "toggle_saved":
            return True if self.view and self.library is not None else None
        if action == "undo":
            return True if self._undo is not None else None
        if action == "refresh":
            return True if self.done else None
        if action == "filter":  # typed in the filter box, "/" is a character
            return self.focused is not self.query_one("#filter", Input)
        if action == "filter_done":  # Enter in the filter box; elsewhere it opens
            return self.focused is self.query_one("#filter", Input)
        if action == "clear_filter":
            return True if self.query_text or self.query_one("#filter").has_class("-open") else None
        return True

    def action_page(self, delta: int) -> None:
        page = max(0, min(self.pages - 1, self.page + delta))
        if page != self.page:
            self.index = page * self.per_page
            self._show()

    def action_card(self, delta: int) -> None:
        if self.view:
            self.index = max(0, min(len(self.view) - 1, self.index + delta))
            self._show()

    def action_jump(self, where: int) -> None:
        if self.view:
            self.index = where % len(self.view)
            self._show()

    def action_unread(self, step: int) -> None:
        """Select the next (``step`` 1) or previous (-1) unread article, going round."""
        place = next_matching(self.view, self.index, step, self.is_unread)
        if place is None:
            self.notify("No other unread article.", timeout=2)
            return
        self.index = place
        self._show()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self.action_card(1)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self.action_card(-1)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, Card) and event.widget.article in self.view:
            self.index = self.view.index(event.widget.article)
            self._status()

    def action_open(self) -> None:
        if self.selected is not None:
            self.app.push_screen(self.reader_for(self.selected))

    def on_card_chosen(self, message: Card.Chosen) -> None:
        self.index = self.view.index(message.article)
        self.app.push_screen(self.reader_for(message.article))

    def on_article_list_chosen(self, message: ArticleList.Chosen) -> None:
        self.index = self.view.index(message.article)
        self.app.push_screen(self.reader_for(message.article))

    def reader_for(self, article: Article) -> ReaderScreen:
        """The reader of ``article``, now selected; it and its story count as read and seen."""
        if article in self.view:
            self.index = self.view.index(article)
        story = self.story_of.get(article.id)
        self._mark([a.id for a in self.members(article)], read=True)
        if story is not None and self.library is not None:
            from digest.stories import snapshot

            self._remember(story.id, snapshot(story).to_json())
        return ReaderScreen(
            article, story=story, changes=self.changes.get(article.id), navigator=self
        )

    def step(self, article: Article, step: int, *, unread: bool = False) -> ReaderScreen | None:
        """The reader of the article after (``step`` 1) or before (-1) ``article`` in the
        view, or of the next unread one (going round); ``None`` when there is none."""
        if article not in self.view:
            return None
        here = self.view.index(article)
        if unread:
            place = next_matching(self.view, here, step, self.is_unread)
        else:
            place = here + step if 0 <= here + step < len(self.view) else None
        return None if place is None else self.reader_for(self.view[place])

    def action_toggle_read(self) -> None:
        if self.selected is not None:
            unread = self.is_unread(self.selected)
            self._mark([a.id for a in self.members(self.selected)], read=unread)
            self.notify("Marked read." if unread else "Marked unread.", timeout=2)

    def action_mark_read(self, which: str) -> None:
        """Mark the articles of this page, or of the whole view, read; ``u`` undoes it."""
        if not self.view:
            return
        start = self.page * self.per_page
        leads = self.view[start : start + self.per_page] if which == "page" else self.view
        ids = [m.id for lead in leads for m in self.members(lead)]
        before = {id_: self.states.get(id_, (None, None)) for id_ in ids}
        changed = [id_ for id_ in ids if before[id_][0] is None]
        if not changed:
            self.notify("Nothing unread here.", timeout=2)
            return
        if self._mark(changed, read=True):
            self._undo = {id_: before[id_] for id_ in changed}
            self.notify(f"Marked {counted(len(changed), 'article')} read: u undoes.", timeout=4)
            self._status()

    def action_undo(self) -> None:
        if self._undo is None:
            return
        ids = list(self._undo)
        if self._mark(ids, read=False):
            self._undo = None
            self.notify(f"Marked {counted(len(ids), 'article')} unread again.", timeout=3)
            self._status()

    def action_unread_only(self) -> None:
        """Show only unread articles, or all again; the choice is remembered."""
        self.unread_only = not self.unread_only
        self.hidden = (
            {id_ for id_, (read_at, _) in self.states.items() if read_at is not None}
            if self.unread_only
            else set()
        )
        self.digest_app.save_choice("unread_only", self.unread_only)
        self._rearrange()

    def action_toggle_saved(self) -> None:
        article = self.selected
        if article is not None and self.library is not None:
            _, saved_at = self.states.get(article.id, (None, None))
            if self._mark([article.id], saved=saved_at is None):
                self.notify(
                    "Saved: digest --saved lists it." if saved_at is None else "No longer saved.",
                    timeout=3,
                )

    def _mark(self, ids: list[str], *, read: bool | None = None, saved: bool | None = None) -> bool:
        """Change read or saved state (in the library when there is one) and on screen.

        Returns:
            Whether it was changed; a library that cannot be written is a notice.
        """
        from digest.library.store import LibraryError

        if self.library is not None:
            try:
                if read is not None:
                    self.library.mark_read(ids, read)
                if saved is not None:
                    self.library.mark_saved(ids, saved)
            except LibraryError as err:
                self.notify(str(err), title="Library", severity="error", timeout=8, markup=False)
                return False
        now = time.time()
        for id_ in ids:
            read_at, saved_at = self.states.get(id_, (None, None))
            if read is not None:
                read_at = now if read else None
            if saved is not None:
                saved_at = now if saved else None
            self.states[id_] = (read_at, saved_at)
        if self._list is not None:
            self._show()
        for card in self._cards:
            if any(m.id in ids for m in self.members(card.article)):
                unread, saved_now, _ = self._flags(card.article)
                card.mark(read=not unread, saved=saved_now)
        self._status()
        return True

    def _remember(self, story_id: str, snapshot: str) -> None:
        from digest.library.store import LibraryError

        assert self.library is not None
        try:
            self.library.remember_snapshot(story_id, snapshot)
        except LibraryError as err:
            self.notify(str(err), title="Library", severity="error", timeout=8, markup=False)

    def action_errors(self) -> None:
        def then(answer: str | None) -> None:
            if answer == "retry":
                self.action_retry()

        can_retry = self.done and bool(self.failures)
        self.app.push_screen(ErrorsScreen(self.failures, can_retry=can_retry), then)

    def action_retry(self) -> None:
        """Read the inputs that failed again (a feed entry's feed, a folder's file)."""
        if not self.done or not self.failures:
            return
        again = retry_inputs(self.failures, self.inputs)
        self.failures = []
        self.notify(f"Trying {counted(len(again), 'input')} again…", timeout=2)
        self._read(again, "retry")

    def action_refresh(self) -> None:
        """Read every input again: new articles arrive marked new."""
        if self.done:
            self.notify("Refreshing…", timeout=2)
            self._read(self.inputs, "refresh")

    def action_sort(self) -> None:
        """The next sort order, from the top; the choice is remembered."""
        self.order = next_sort(self.order)
        self.digest_app.save_choice("sort", self.order)
        self._rearrange(keep=False)

    def action_toggle_view(self) -> None:
        """Cards or the dense list; the choice is remembered."""
        self.showing = "list" if self.showing == "cards" else "cards"
        self.digest_app.save_choice("view", self.showing)
        self._show(force=True)
        # The page size changes with the view: show again once the stack has its size.
        self.call_after_refresh(self._show, force=True)

    def action_open_link(self) -> None:
        if self.selected is not None:
            open_link(self.app, self.selected)

    def action_copy_link(self) -> None:
        if self.selected is not None:
            copy_link(self.app, self.selected)

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.suggester = SuggestFromList(fact_names(self.articles), case_sensitive=False)
        box.add_class("-open")
        self.set_focus(box)  # now: the keys already typed after "/" are the filter's

    def action_clear_filter(self) -> None:
        """Esc: close the filter box and show every article again."""
        box = self.query_one("#filter", Input)
        self.set_focus(None)  # at once: keys typed next are the articles' (a "/" opens again)

        def clear() -> None:
            if box.value:
                box.value = ""  # the Changed handler clears the filter
            if self.focused is not box:  # not opened again by a "/" typed after Esc
                box.remove_class("-open")
                self._focus_selected()

        box.call_later(clear)  # after the keys typed before Esc have reached the box

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        self._rearrange()

    def action_filter_done(self) -> None:
        """Enter in the filter box: keep the filter (the box stays open showing it) and give
        the keys back to the articles."""
        box = self.query_one("#filter", Input)
        self.set_focus(None)  # at once: keys typed next are the articles'

        def done() -> None:
            if box.value.strip() != self.query_text:  # typed faster than Changed arrived
                self.query_text = box.value.strip()
                self._rearrange()
            box.set_class(bool(self.query_text), "-open")
            self._focus_selected()

        box.call_later(done)  # after the keys typed before Enter have reached the box
