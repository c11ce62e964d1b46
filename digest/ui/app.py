"""The Textual app: a paginated digest of summary cards and a reader for one article.

    DigestApp -> DigestScreen (cards, pages, filter, sort) -> ReaderScreen (text, facts)

Articles are read in a thread worker through :func:`digest.pipeline.iter_sources`, the
same records the text output prints; cards appear as articles arrive. Failures show as a
notification and are kept for the errors view (``e``). Themes come from ``themes/`` and
the user's config folder; the last one chosen is remembered.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial

from textual import events, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.markup import escape
from textual.message import Message
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import Footer, Input, Static

from digest.models import Article, InputFailure
from digest.ui.cards import MIN_CARD_HEIGHT, Card
from digest.ui.reader import ReaderScreen
from digest.ui.screens import ErrorsScreen, HelpScreen
from digest.ui.view import SORTS, arrange, fact_names, next_sort

DEFAULT_THEME = "digest-dark"
"""The theme of a first run, before the user has chosen one."""


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
    ]

    def __init__(self, inputs: Sequence[str], sentences: int) -> None:
        super().__init__()
        self.inputs = list(inputs)
        self.sentences = sentences
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

    # ----------------------------------------------------------------- reading

    @work(thread=True, exclusive=True)
    def read_inputs(self) -> None:
        from digest.pipeline import iter_sources
        from digest.sources import expand

        sources, failures = expand(self.inputs)
        self.app.call_from_thread(self._counted, len(sources) + len(failures))
        for failure in failures:
            self.app.call_from_thread(self._arrived, failure)
        for item in iter_sources(sources, sentences=self.sentences):
            self.app.call_from_thread(self._arrived, item)
        self.app.call_from_thread(self._finished)

    def _counted(self, total: int) -> None:
        self.total = total
        self._status()

    def _arrived(self, item: Article | InputFailure) -> None:
        if isinstance(item, Article):
            self.articles.append(item)
            self._rearrange()
        else:
            self.failures.append(item)
            self.notify(
                f"{item.input}: {item.error}", title="Input failed", severity="error", timeout=8
            )
            self._status()

    def _finished(self) -> None:
        self.done = True
        if self.failures and not self.articles:
            self.notify(
                "No input gave an article: press e to see why.", severity="error", timeout=8
            )
        self._rearrange()

    # ------------------------------------------------------------------ layout

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
        self.view = arrange(self.articles, self.query_text, self.order)
        if selected is not None and selected in self.view:
            self.index = self.view.index(selected)
        self.index = max(0, min(self.index, len(self.view) - 1))
        self._show()

    def _show(self, *, force: bool = False) -> None:
        """Mount the cards of the current page (only when they changed) and focus the selected one."""
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
            self._cards = [Card(article) for article in page]
            for card in self._cards:
                card.styles.height = height
            cards.mount_all(self._cards)
            empty = self.query_one("#empty", Static)
            empty.display = not page
            empty.update(self._empty_message())
        self._focus_selected()
        self._status()

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
        if self.done or self.total is None:
            progress = "" if self.done else " · reading…"
        else:
            progress = f" · reading {min(len(self.articles) + len(self.failures) + 1, self.total)} of {self.total}…"
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
        sources = len({a.publisher or a.input for a in self.view})
        counted = (
            f"{len(self.view)} of {len(self.articles)}"
            if self.query_text
            else str(len(self.articles))
        )
        self.query_one("#pager", Static).update(
            Content.from_markup(
                f"[@click='screen.page(-1)']◀[/] Page {self.page + 1}/{self.pages} · {counted} articles · "
                f"{sources} sources [@click=screen.page(1)]▶[/]"
            )
        )

    def on_card_stack_resized(self) -> None:
        self._show(force=True)

    # ----------------------------------------------------------------- actions

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
            self.app.push_screen(ReaderScreen(self.selected))

    def on_card_chosen(self, message: Card.Chosen) -> None:
        self.index = self.view.index(message.article)
        self.app.push_screen(ReaderScreen(message.article))

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


class DigestApp(App[int]):
    """digest in the terminal."""

    CSS_PATH = "digest.tcss"
    TITLE = "digest"
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(
        self,
        inputs: Sequence[str],
        *,
        theme: str | None = None,
        sentences: int = 3,
        remember: bool = True,
    ) -> None:
        super().__init__()
        self.inputs = list(inputs)
        self.sentences = sentences
        self.remember = remember
        self.theme_problems = self._load_themes()
        self.requested_theme = theme

    def _load_themes(self) -> list[str]:
        from digest.ui.themes import load_themes

        themes, problems = load_themes()
        for theme in themes:
            self.register_theme(theme)
        return problems

    def theme_name(self, name: str) -> str | None:
        """The registered theme ``name`` stands for: exact, or short for ``digest-NAME``."""
        for candidate in (name, f"digest-{name}"):
            if candidate in self.available_themes:
                return candidate
        return None

    def on_mount(self) -> None:
        from digest.config import load_settings, remembered_theme

        for problem in self.theme_problems:
            self.notify(problem, title="Theme not loaded", severity="warning", timeout=8)
        _, problem = load_settings()
        if problem:
            self.notify(problem, title="Settings not read", severity="warning", timeout=8)
        wanted = self.requested_theme or remembered_theme() or DEFAULT_THEME
        self.theme = self.theme_name(wanted) or DEFAULT_THEME
        if self.remember and self.requested_theme:
            self._remember(self.theme)
        self.theme_changed_signal.subscribe(self, lambda theme: self._remember(theme.name))
        self.digest_screen = DigestScreen(self.inputs, self.sentences)
        self.push_screen(self.digest_screen)

    def _remember(self, name: str) -> None:
        if not self.remember:
            return
        from digest.config import remember_theme

        try:
            kept = remember_theme(name)
        except OSError as err:
            self.notify(f"could not save the theme choice: {err}", severity="warning")
        else:
            if kept is not None:
                self.notify(
                    f"the unreadable settings file was kept as {kept}",
                    severity="warning",
                    timeout=8,
                )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette offers every key binding's action too, under its description."""
        yield from super().get_system_commands(screen)
        for owner in (screen, self):
            for binding in owner.BINDINGS:
                if (
                    isinstance(binding, Binding)
                    and binding.description
                    and binding.id not in ("quit", "help")
                ):
                    keys = self.get_key_display(Binding(binding.key.split(",")[0], ""))
                    yield SystemCommand(
                        binding.description,
                        f"Key: {keys}",
                        partial(owner.run_action, binding.action),
                    )
        yield SystemCommand("Help", "Show every key binding (?)", self.action_help)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    async def action_quit(self) -> None:
        """Quit with the command line's exit code: 1 when any input gave no article."""
        self.exit(1 if self.digest_screen.failures else 0)


def run(inputs: Sequence[str], *, theme: str | None = None, sentences: int = 3) -> int:
    """Open the app on ``inputs``; returns the exit code (1 when any input failed, 2 for a bad theme)."""
    import sys

    app = DigestApp(inputs, theme=theme, sentences=sentences)
    if theme and app.theme_name(theme) is None:
        names = ", ".join(sorted(app.available_themes))
        print(f"digest: error: no theme named {theme!r} (available: {names})", file=sys.stderr)
        return 2
    return app.run() or 0
