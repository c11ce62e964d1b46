"""The digest screen's view: which articles it shows, on which page, as cards or a list.

:class:`DigestView` holds what the screen shows (every article read, the filtered and sorted
view, the selected article, read and saved state, stories and what is new) and draws it:
the page of cards or the dense list, the empty message, focus, paging, sort, the filter box.
:mod:`digest.ui.screens.digest_marks` marks articles read or saved on top of it,
:mod:`digest.ui.screens.digest_reading` fills it, and
:class:`~digest.ui.screens.digest.DigestScreen` binds the keys and draws the status line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import Reactive
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Static

from digest.models import Article
from digest.ui.view import SORTS, arrange, fact_names, next_sort
from digest.ui.widgets.article_list import ArticleList, Row
from digest.ui.widgets.card import MIN_CARD_HEIGHT, Card, same_look, story_line

if TYPE_CHECKING:
    from digest.library.store import Library
    from digest.models import Changes, Story
    from digest.ui.app import DigestApp

State = tuple[float | None, float | None]
"""(read at, saved at) of an article; ``None`` for not read, not saved."""


class CardStack(Vertical):
    """The space the cards (or the list) of one page share; says when its size changes."""

    class Resized(Message):
        """The stack's height changed: the articles per page may have too."""

    def on_resize(self) -> None:
        self.post_message(self.Resized())


class DigestView(Screen[None]):
    """What the digest screen shows, and how: the view of the articles, page by page."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """The widget with the keys. Textual's own repaints the whole screen when it changes;
    here only the two widgets whose focus changed are drawn again (their focus styles
    change, so they refresh themselves): j and k cost half the CPU, the screen is the same."""

    def __init__(
        self, *, library: Library | None, showing: str, order: str, unread_only: bool
    ) -> None:
        super().__init__()
        self.library = library
        """Where read and saved state are kept (``None``: only for this session)."""
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
        self.index = 0
        """Position of the selected article in ``view``; the page follows from it."""
        self.query_text = ""
        self.order = order if order in SORTS else "given"
        self.showing = showing if showing in ("cards", "list") else "cards"
        self.unread_only = unread_only
        self.hidden: set[str] = set()
        """Ids read before "only unread" was chosen: hidden until it is chosen again."""
        self.new_ids: set[str] = set()
        """Articles the last refresh brought."""
        self.done = False
        """Nothing is being read (the first reading, a refresh or a retry is over)."""
        self._cards: list[Card] = []
        self._list: ArticleList | None = None
        self._lines: dict[str, str] = {}
        """The markup the status line and the pager show, by selector."""
        self._empty: Content | None = None
        """The message shown when no article is (``None``: none yet)."""

    @property
    def digest_app(self) -> DigestApp:
        from digest.ui.app import DigestApp

        assert isinstance(self.app, DigestApp)
        return self.app

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

    def _leads(self) -> list[Article]:
        if not self.story_of:
            return self.articles
        return [a for a in self.articles if a.id in self.story_of]

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

    def _show(self) -> None:
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
            self._list.show([self._row(a) for a in page], self.index - start)
        else:
            if self._list is not None:
                stack.remove_children()
                self._list = None
                self._cards = []
            height = max(3, stack.size.height // self.per_page) if stack.size.height else None
            # Cards that already show the page's first articles as they are now stay (a resize,
            # a card added while reading, a mark); only the cards after them are built again.
            keep = 0
            for card, article in zip(self._cards, page, strict=False):
                if not self._shows(card, article):
                    break
                keep += 1
            if keep < len(self._cards):
                stack.remove_children(self._cards[keep:])
            added = [self._card(article) for article in page[keep:]]
            self._cards = self._cards[:keep] + added
            for card, article in zip(self._cards, page, strict=True):
                card.styles.height = height or MIN_CARD_HEIGHT
                unread, saved, _ = self._flags(article)
                if card.read == unread or card.saved != saved:
                    card.mark(read=not unread, saved=saved)
            if added:
                stack.mount_all(added)
        empty = self.query_one("#empty", Static)
        empty.display = not page
        message = self._empty_message()
        if self._empty is None or not same_look(message, self._empty):
            self._empty = message
            empty.update(message)
        self._focus_selected()
        self._status()

    def _shows(self, card: Card, article: Article) -> bool:
        """Whether the card shows the article as it would be built now (read and saved marks
        aside: :meth:`Card.mark` changes those in place)."""
        extra = story_line(self.story_of.get(article.id), self.changes.get(article.id))
        return card.shows(article, extra, new=article.id in self.new_ids)

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

    def on_card_stack_resized(self) -> None:
        self._show()  # the cards shown take the new height; a page that changed is built again

    def on_screen_resume(self) -> None:
        if self.is_mounted and self.view:
            self._show()  # the reader may have moved to another article, or page

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

    def action_sort(self) -> None:
        """The next sort order, from the top; the choice is remembered."""
        self.order = next_sort(self.order)
        self.digest_app.save_choice("sort", self.order)
        self._rearrange(keep=False)

    def action_toggle_view(self) -> None:
        """Cards or the dense list; the choice is remembered."""
        self.showing = "list" if self.showing == "cards" else "cards"
        self.digest_app.save_choice("view", self.showing)
        self._show()
        # The page size changes with the view: show again once the stack has its size.
        self.call_after_refresh(self._show)

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.suggester = SuggestFromList(fact_names(self.articles), case_sensitive=False)
        box.add_class("-open")
        self.set_focus(box)  # now: the keys already typed after "/" are the filter's

    def action_clear_filter(self, _where: str = "") -> None:
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

    def _status(self) -> None:
        """Redraw the status line and the pager (the screen's: they tell of all it holds)."""
        raise NotImplementedError
