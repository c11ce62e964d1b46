"""The digest screen: every article read, as summary cards or as a dense list, page by page.

The screen owns the state and the thread workers; it is built in layers, one module each:

    digest_view      DigestView: what is shown (the filtered, sorted view, the page, the
                     selected article, cards or list, the filter box) and how it is drawn
    digest_marks     DigestMarks: read and saved marks, unread first, opening the reader
    digest_reading   DigestReading: reading the inputs (load, refresh, retry) through
                     :func:`digest.library.refresh.iter_run`, failures, grouping into stories
    digest           DigestScreen: the keys, the layout, the status line and what is offered

Cards and the list only show what they are given and post ``Card.Chosen`` /
``ArticleList.Chosen``; the reader asks this screen for the next and previous article
(:class:`~digest.ui.screens.reader.Navigator`).
"""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.markup import escape
from textual.widgets import Input, Static

from digest.render import counted
from digest.text.sanitize import web_url
from digest.ui.screens.digest_reading import DigestReading
from digest.ui.screens.digest_view import CardStack
from digest.ui.view import FIELDS, SORTS, tally, unknown_fields
from digest.ui.widgets.footer import Footer


class DigestScreen(DigestReading):
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
        # In the filter box, the footer shows what Enter and Esc do there (its other keys are
        # letters typed); once the box is left, Esc still clears the filter, unlisted: the
        # footer of the digest has no room for it (see check_action).
        Binding("escape", "clear_filter('box')", "Clear filter", id="clear-filter", priority=True),
        Binding(
            "escape",
            "clear_filter",
            "Clear filter",
            id="clear-kept-filter",
            show=False,
            priority=True,
        ),
        Binding("enter", "filter_done", "Keep filter", id="filter-done", priority=True),
        Binding("r", "toggle_read", "Read/unread", id="toggle-read", show=False),
        Binding("A", "mark_read('page')", "Mark page read", id="mark-page-read", show=False),
        Binding("C", "mark_read('all')", "Mark all read", id="mark-all-read", show=False),
        Binding("u", "undo", "Undo marking read", id="undo", show=False),
        Binding("U", "unread_only", "Only unread", id="unread-only", show=False),
        Binding("b", "toggle_saved", "Save", id="toggle-saved", show=False),
        Binding("o", "open_link", "Open link", id="open-link", show=False),
        Binding("y", "copy_link", "Copy link", id="copy-link", show=False),
    ]

    _binding_state: tuple[object, ...] = ()
    """What the footer's bindings depend on, when they were last redrawn."""

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
        self.thaw()

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
        self._show_line("#status", " · ".join(parts))
        count = tally(self.view, self.story_of)
        articles = counted(count.articles, "article")
        if self.story_of and count.stories < count.articles:
            articles += f" · {counted(count.stories, 'story', 'stories')}"
        if len(self.view) < len(self._leads()):
            articles = f"{count.articles} of {counted(len(self.articles), 'article')}"
            if self.story_of and count.stories < count.articles:
                articles += f" · {counted(count.stories, 'story', 'stories')}"
        self._show_line(
            "#pager",
            f"[@click='screen.page(-1)']◀[/] Page {self.page + 1}/{self.pages} · {articles} · "
            f"{counted(count.sources, 'source')} [@click=screen.page(1)]▶[/]",
        )

    def _show_line(self, selector: str, markup: str) -> None:
        """Show ``markup`` on the status line or the pager, unless it shows that already.

        A line is one row high whatever it says: showing another text needs no new layout.
        """
        if self._lines.get(selector) != markup:
            self._lines[selector] = markup
            self.query_one(selector, Static).update(Content.from_markup(markup), layout=False)

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
        if action == "clear_filter":  # False: not this binding (nothing to clear: Esc does nothing)
            box = self.query_one("#filter", Input)
            if parameters:  # the one shown: while typing in the box
                return self.focused is box
            return bool(self.query_text or box.has_class("-open"))
        return True
