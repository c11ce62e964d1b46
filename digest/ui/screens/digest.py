"""The digest screen: summary cards, as many per page as fit, filled in as articles are read.

The screen owns the state (every article read, the filtered and sorted view, the selected
card) and the thread worker that reads the inputs through
:func:`digest.library.refresh.iter_run`; cards only show their article and post
``Card.Chosen``.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
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
from digest.ui.screens.dialogs import ErrorsScreen
from digest.ui.screens.reader import ReaderScreen
from digest.ui.view import SORTS, arrange, fact_names, next_sort
from digest.ui.widgets.card import MIN_CARD_HEIGHT, Card

if TYPE_CHECKING:
    from digest.library.store import Library
    from digest.models import Changes, Story

FLUSH_SECONDS = 0.1
"""Articles read within this time are added to the view together, in one redraw."""


class CardStack(Vertical):
    """The space the cards of one page share; says when its size changes."""

    class Resized(Message):
        """The stack's height changed: the cards per page may have too."""

    def on_resize(self) -> None:
        self.post_message(self.Resized())


class DigestScreen(Screen[None]):
    """Summary cards, as many per page as fit, filled in as articles are read."""

    AUTO_FOCUS = ""

    BINDINGS = [
        Binding("right,pagedown", "page(1)", "Next page", id="next-page"),
        Binding("left,pageup", "page(-1)", "Previous page", id="previous-page", show=False),
        Binding("down,j", "card(1)", "Next card", id="next-card", show=False),
        Binding("up,k", "card(-1)", "Previous card", id="previous-card", show=False),
        Binding("home", "jump(0)", "First card", id="first-card", show=False),
        Binding("end", "jump(-1)", "Last card", id="last-card", show=False),
        Binding("enter", "open", "Open", id="open"),
        Binding("slash", "filter", "Filter", id="filter"),
        Binding("escape", "clear_filter", "Clear filter", id="clear-filter", show=False),
        Binding("s", "sort", "Sort", id="sort"),
        Binding("e", "errors", "Errors", id="errors"),
        Binding("r", "toggle_read", "Read/unread", id="toggle-read", show=False),
        Binding("b", "toggle_saved", "Save", id="toggle-saved", show=False),
    ]

    def __init__(
        self,
        inputs: Sequence[str],
        sentences: int,
        *,
        library: Library | None = None,
        offline: bool = False,
        filters: Filters | None = None,
    ) -> None:
        super().__init__()
        self.inputs = list(inputs)
        self.sentences = sentences
        self.library = library
        """Where read and saved state are kept (``None``: nothing is remembered)."""
        self.offline = offline
        self.filters = filters or Filters()
        self.states: dict[str, tuple[float | None, float | None]] = {}
        """Article id -> (read at, saved at), for the articles the library holds."""
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
        """Position of the selected card in ``view``; the page follows from it."""
        self.query_text = ""
        self.order = "given"
        self.done = False
        self._shown: tuple[int, ...] = ()
        self._cards: list[Card] = []
        self._binding_state: tuple[object, ...] = ()
        self._pending: list[Article] = []
        self._flush_timer: Timer | None = None
        self.stop_reading = Stop()
        """Ends the reading worker at once (quitting does not wait for slow servers)."""

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
        self.read_inputs()

    def on_unmount(self) -> None:
        self.stop_reading()

    @work(thread=True, exclusive=True)
    def read_inputs(self) -> None:
        from digest.library.refresh import iter_run, wanted
        from digest.models import Snapshot
        from digest.stories import changes, group, match

        shown_total = 0

        def progress(done: int, total: int) -> None:
            nonlocal shown_total
            if total != shown_total:  # the total grows as feeds are read
                shown_total = total
                self.post_message(self.Read(total))

        # post_message is safe from a thread and does not wait for the screen to draw, so
        # reading goes on while cards are shown.
        articles: list[Article] = []
        for item in iter_run(
            self.inputs,
            library=self.library,
            offline=self.offline,
            sentences=self.sentences,
            progress=progress,
            warn=self._warn,
            stop=self.stop_reading,
        ):
            if isinstance(item, Article):
                if self.filters.active and not wanted([item], self.library, self.filters):
                    continue
                articles.append(item)
            self.post_message(self.Read(item))
        if self.stop_reading.stopped:
            return  # the app is closing: nobody will see the stories
        # Once everything is read: the same event from several sources becomes one card,
        # marked with what is new since the user last opened it.
        stories = group(articles)
        seen: dict[str, Changes] = {}
        states: dict[str, tuple[float | None, float | None]] = {}
        if self.library is not None:
            states = self.library.states(a.id for a in articles)
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
        self.post_message(self.Grouped(stories, states, seen))
        self.post_message(self.Read(None))

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

    class Grouped(Message):
        """From the reading worker: the stories, the articles' states, what is new in each."""

        def __init__(
            self,
            stories: list[Story],
            states: dict[str, tuple[float | None, float | None]],
            changes: dict[str, Changes],
        ) -> None:
            super().__init__()
            self.stories = stories
            self.states = states
            self.changes = changes

    def on_digest_screen_grouped(self, message: Grouped) -> None:
        self.story_of = {story.lead.id: story for story in message.stories}
        self.states = message.states
        self.changes = message.changes
        self._flush()

    class Read(Message):
        """From the reading worker: the number of inputs, one result, or ``None`` at the end."""

        def __init__(self, item: int | Article | InputFailure | None) -> None:
            super().__init__()
            self.item = item

    def on_digest_screen_read(self, message: Read) -> None:
        item = message.item
        if isinstance(item, int):
            self.total = item
            self._status()
        elif isinstance(item, Article):
            self._pending.append(item)
            if not self.articles:  # the first card is shown at once
                self._flush()
            elif self._flush_timer is None:
                self._flush_timer = self.set_timer(FLUSH_SECONDS, self._flush)
        elif isinstance(item, InputFailure):
            self.failures.append(item)
            self.notify(
                f"{item.input}: {item.error}",
                title="Input failed",
                severity="error",
                timeout=8,
                markup=False,  # a feed's guid or a file name is no markup
            )
            self._status()
        else:
            self._finished()

    def _flush(self) -> None:
        """Add the articles read since the last flush to the view, in one redraw."""
        self._flush_timer = None
        if self._pending:
            self.articles.extend(self._pending)
            self._pending.clear()
            self._rearrange()

    def _finished(self) -> None:
        self._flush()
        self.done = True
        if self.failures and not self.articles:
            self.notify(
                "No input gave an article: press e to see why.", severity="error", timeout=8
            )
        self._rearrange()

    @property
    def per_page(self) -> int:
        height = self.query_one("#cards").size.height or max(1, self.size.height - 3)
        return max(1, height // MIN_CARD_HEIGHT)

    @property
    def page(self) -> int:
        return self.index // self.per_page

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.view) // self.per_page))

    @property
    def selected(self) -> Article | None:
        return self.view[self.index] if self.view else None

    def _rearrange(self) -> None:
        """Recompute the view after new articles, a filter or a sort; keep the selected card."""
        selected = self.selected
        cards = self.articles
        if self.story_of:  # grouped: one card per story, its lead
            cards = [a for a in self.articles if a.id in self.story_of]
            cards = list({a.id: a for a in cards}.values())
        self.view = arrange(cards, self.query_text, self.order)
        if selected is not None and selected in self.view:
            self.index = self.view.index(selected)
        self.index = max(0, min(self.index, len(self.view) - 1))
        self._show()

    def _show(self, *, force: bool = False) -> None:
        """Mount the cards of the current page (only when they changed); focus the selected one."""
        start = self.page * self.per_page
        page = self.view[start : start + self.per_page]
        ids = tuple(id(a) for a in page)
        cards = self.query_one("#cards", Vertical)
        if ids != self._shown or force:
            self._shown = ids
            cards.remove_children()
            height = (
                max(3, cards.size.height // self.per_page) if cards.size.height else MIN_CARD_HEIGHT
            )
            self._cards = [self._card(article) for article in page]
            for card in self._cards:
                card.styles.height = height
            cards.mount_all(self._cards)
            empty = self.query_one("#empty", Static)
            empty.display = not page
            empty.update(self._empty_message())
        self._focus_selected()
        self._status()

    def _card(self, article: Article) -> Card:
        read_at, saved_at = self.states.get(article.id, (None, None))
        return Card(
            article,
            story=self.story_of.get(article.id),
            changes=self.changes.get(article.id),
            read=read_at is not None,
            saved=saved_at is not None,
        )

    def _empty_message(self) -> Content:
        if self.query_text and self.articles:
            return Content.assemble(
                f"No article matches “{self.query_text}”. ",
                ("Esc clears the filter.", "$text-muted"),
            )
        if not self.done:
            return Content.styled("Reading…", "$text-muted")
        return Content.assemble(
            "No articles. ", ("Press e to see which inputs failed and why.", "$text-muted")
        )

    def _focus_selected(self, *, from_filter: bool = False) -> None:
        if self.query_one("#filter", Input).has_focus and not from_filter:
            return
        if self._cards:
            card = self._cards[min(self.index - self.page * self.per_page, len(self._cards) - 1)]
            self.call_after_refresh(card.focus, scroll_visible=False)

    def _status(self) -> None:
        # What check_action depends on; the footer is redrawn only when it changes.
        state = (self.page, self.pages, bool(self.view), bool(self.failures), bool(self.query_text))
        if state != self._binding_state:
            self._binding_state = state
            self.refresh_bindings()
        if self.done or self.total is None:
            progress = "" if self.done else " · reading…"
        else:
            read = len(self.articles) + len(self._pending) + len(self.failures)
            progress = f" · reading {min(read + 1, self.total)} of {self.total}…"
        failed = (
            f" · [@click=screen.errors]{len(self.failures)} failed (e)[/]" if self.failures else ""
        )
        sort = f"[@click=screen.sort]sort: {SORTS[self.order]}[/]"
        filtering = (
            f"[@click=screen.filter]filter: {escape(self.query_text)}[/]"
            if self.query_text
            else "[@click=screen.filter]/ filter[/]"
        )
        self.query_one("#status", Static).update(
            Content.from_markup(f"[b]digest[/b]{progress}{failed} · {sort} · {filtering}")
        )
        sources = counted(len({a.publisher or a.input for a in self.view}), "source")
        articles = counted(len(self.articles), "article")
        if self.story_of and len(self.story_of) < len(self.articles):
            articles += f" · {counted(len(self.story_of), 'story', 'stories')}"
        if self.query_text:
            articles = f"{len(self.view)} of {articles}"
        self.query_one("#pager", Static).update(
            Content.from_markup(
                f"[@click='screen.page(-1)']◀[/] Page {self.page + 1}/{self.pages} · {articles} · "
                f"{sources} [@click=screen.page(1)]▶[/]"
            )
        )

    def on_card_stack_resized(self) -> None:
        self._show(force=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Dim what would do nothing now: paging past the ends, opening with no cards..."""
        if action == "page":
            delta = parameters[0] if parameters and isinstance(parameters[0], int) else 0
            return True if 0 <= self.page + delta < self.pages else None
        if action in ("card", "jump", "open"):
            return True if self.view else None
        if action == "errors":
            return True if self.failures else None
        if action in ("toggle_read", "toggle_saved"):
            return True if self.view and self.library is not None else None
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
            self._open(self.selected)

    def on_card_chosen(self, message: Card.Chosen) -> None:
        self.index = self.view.index(message.article)
        self._open(message.article)

    def _open(self, article: Article) -> None:
        """Show the article in the reader; it and its story count as read and seen."""
        story = self.story_of.get(article.id)
        self.app.push_screen(
            ReaderScreen(article, story=story, changes=self.changes.get(article.id))
        )
        if self.library is None:
            return
        self._mark(self._members(article), read=True)
        if story is not None:
            from digest.stories import snapshot

            self._remember(story.id, snapshot(story).to_json())

    def _members(self, article: Article) -> list[str]:
        """The ids of the article and, when it leads a story, of the story's other articles."""
        story = self.story_of.get(article.id)
        return [a.id for a in story.articles] if story else [article.id]

    def action_toggle_read(self) -> None:
        if self.selected is not None and self.library is not None:
            read_at, _ = self.states.get(self.selected.id, (None, None))
            self._mark(self._members(self.selected), read=read_at is None)
            self.notify("Marked read." if read_at is None else "Marked unread.", timeout=2)

    def action_toggle_saved(self) -> None:
        article = self.selected
        if article is not None and self.library is not None:
            _, saved_at = self.states.get(article.id, (None, None))
            self._mark([article.id], saved=saved_at is None)
            self.notify(
                "Saved: digest --saved lists it." if saved_at is None else "No longer saved.",
                timeout=3,
            )

    def _mark(self, ids: list[str], *, read: bool | None = None, saved: bool | None = None) -> None:
        """Change read or saved state in the library and on the cards; a failure is a notice."""
        from digest.library.store import LibraryError

        assert self.library is not None
        try:
            if read is not None:
                self.library.mark_read(ids, read)
            if saved is not None:
                self.library.mark_saved(ids, saved)
        except LibraryError as err:
            self.notify(str(err), title="Library", severity="error", timeout=8, markup=False)
            return
        now = time.time()
        for id_ in ids:
            read_at, saved_at = self.states.get(id_, (None, None))
            if read is not None:
                read_at = now if read else None
            if saved is not None:
                saved_at = now if saved else None
            self.states[id_] = (read_at, saved_at)
        for card in self._cards:
            if card.article.id in ids:
                read_at, saved_at = self.states[card.article.id]
                card.mark(read=read_at is not None, saved=saved_at is not None)

    def _remember(self, story_id: str, snapshot: str) -> None:
        from digest.library.store import LibraryError

        assert self.library is not None
        try:
            self.library.remember_snapshot(story_id, snapshot)
        except LibraryError as err:
            self.notify(str(err), title="Library", severity="error", timeout=8, markup=False)

    def action_errors(self) -> None:
        self.app.push_screen(ErrorsScreen(self.failures))

    def action_sort(self) -> None:
        self.order = next_sort(self.order)
        self._rearrange()

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.suggester = SuggestFromList(fact_names(self.articles), case_sensitive=False)
        box.add_class("-open")
        box.focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.remove_class("-open")
        if self.query_text:
            box.value = ""  # the Changed handler clears the filter
        self._focus_selected(from_filter=True)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        self._rearrange()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.input.set_class(bool(self.query_text), "-open")
        self._focus_selected(from_filter=True)

    def on_key(self, event: events.Key) -> None:
        box = self.query_one("#filter", Input)
        if event.key == "escape" and box.has_focus:
            event.stop()
            self.action_clear_filter()
