"""The Textual app: a paginated digest of summary cards and a reader for one article.

    DigestApp -> DigestScreen (cards, pages, progress) -> ReaderScreen (text, attribution, facts)

Articles are read in a thread worker through :func:`digest.pipeline.iter_digest`, the same
records the text output prints; cards appear as articles arrive. Failures show as a
notification and are kept for the errors view (``e``).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from digest.models import Article, InputFailure
from digest.render import attribution, fact_lines, human_date

CARD_HEIGHT = 10
"""Lines one card takes on the digest screen, border included."""


class Card(Static, can_focus=True):
    """One article as a summary card."""

    class Chosen(Message):
        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    def __init__(self, article: Article) -> None:
        super().__init__(classes="card")
        self.article = article

    def render(self) -> Text:
        article = self.article
        text = Text()
        text.append(article.title, style="bold")
        text.append("\n")
        text.append(attribution(article, link=False), style="dim")
        for sentence in article.summary:
            text.append("\n• " + sentence.text)
        chips = [p.name for p in article.facts.people[:3]] + [p.name for p in article.facts.places[:3]]
        chips += [n.text for n in article.facts.numbers[:2]]
        footer = f"\n{article.reading_minutes} min read"
        if chips:
            footer += " · " + " · ".join(chips)
        text.append(footer, style="italic")
        if article.warnings:
            text.append("  ⚠ " + ", ".join(article.warnings), style="bold")
        return text

    def on_click(self) -> None:
        self.post_message(self.Chosen(self.article))


class ErrorsScreen(ModalScreen[None]):
    """The inputs that gave no article, and why."""

    BINDINGS = [Binding("escape,e,q", "dismiss", "Close", id="close")]

    def __init__(self, failures: Sequence[InputFailure]) -> None:
        super().__init__()
        self.failures = list(failures)

    def compose(self) -> ComposeResult:
        lines = [f"{f.input}: {f.error}" for f in self.failures] or ["No input failed."]
        with Vertical(id="errors"):
            yield Static("Inputs that gave no article", classes="heading")
            yield Static("\n".join(lines))


class ReaderScreen(Screen[None]):
    """The full text with its summary sentences marked, beside attribution and facts."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="back")]

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article

    def compose(self) -> ComposeResult:
        article = self.article
        marked = {(s.paragraph, s.text) for s in article.summary}
        with Horizontal():
            with VerticalScroll(id="body"):
                yield Static(Text(article.title, style="bold"), classes="heading")
                if article.standfirst:
                    yield Static(Text(article.standfirst, style="italic"))
                for index, paragraph in enumerate(article.paragraphs):
                    text = Text(paragraph)
                    for where, sentence in marked:
                        if where == index and (start := paragraph.find(sentence)) >= 0:
                            text.stylize("reverse", start, start + len(sentence))
                    yield Static(text, classes="paragraph", id=f"p{index}")
            with VerticalScroll(id="side"):
                yield Static(self._side())
        yield Footer()

    def _side(self) -> Text:
        article = self.article
        text = Text()
        for label, value in (
            ("Outlet", article.publisher),
            ("Authors", ", ".join(article.authors) or None),
            ("Agencies", ", ".join(article.agencies) or None),
            ("Published", human_date(article.published)),
            ("Link", article.url or article.input),
        ):
            if value:
                text.append(f"{label}: ", style="bold")
                text.append(f"{value}\n")
        for credit in article.credits[:5]:
            text.append("Credit: ", style="bold")
            text.append(credit.text + "\n")
        text.append("\n")
        for label, value in fact_lines(article.facts):
            text.append(f"{label}: ", style="bold")
            text.append(value + "\n")
        return text


class DigestScreen(Screen[None]):
    """Summary cards, as many per page as fit, filled in as articles are read."""

    BINDINGS = [
        Binding("right,pagedown", "page(1)", "Next page", id="next-page"),
        Binding("left,pageup", "page(-1)", "Previous page", id="previous-page"),
        Binding("down,j", "card(1)", "Next card", id="next-card", show=False),
        Binding("up,k", "card(-1)", "Previous card", id="previous-card", show=False),
        Binding("enter", "open", "Open", id="open"),
        Binding("e", "errors", "Errors", id="errors"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    def __init__(self, inputs: Sequence[str], sentences: int) -> None:
        super().__init__()
        self.inputs = list(inputs)
        self.sentences = sentences
        self.articles: list[Article] = []
        self.failures: list[InputFailure] = []
        self.page = 0
        self.cursor = 0
        self.done = False

    def compose(self) -> ComposeResult:
        yield Static("reading…", id="status")
        yield Vertical(id="cards")
        yield Static("", id="pager")
        yield Footer()

    def on_mount(self) -> None:
        self.read_inputs()

    @property
    def per_page(self) -> int:
        return max(1, (self.size.height - 3) // CARD_HEIGHT)

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.articles) // self.per_page))

    @work(thread=True, exclusive=True)
    def read_inputs(self) -> None:
        from digest.pipeline import iter_digest

        for item in iter_digest(self.inputs, sentences=self.sentences):
            self.app.call_from_thread(self._arrived, item)
        self.app.call_from_thread(self._finished)

    def _arrived(self, item: Article | InputFailure) -> None:
        if isinstance(item, Article):
            self.articles.append(item)
            if len(self.articles) <= (self.page + 1) * self.per_page:
                self._show()
        else:
            self.failures.append(item)
            self.notify(f"{item.input}: {item.error}", severity="error", timeout=6)
        self._status()

    def _finished(self) -> None:
        self.done = True
        self._status()

    def _status(self) -> None:
        sources = {a.publisher or a.input for a in self.articles}
        read = len(self.articles) + len(self.failures)
        progress = "" if self.done else f" · reading {read} inputs…"
        failed = f" · {len(self.failures)} failed (e)" if self.failures else ""
        self.query_one("#status", Static).update(
            f"Digest · {len(self.articles)} articles · {len(sources)} sources{failed}{progress}"
        )
        self.query_one("#pager", Static).update(f"Page {self.page + 1}/{self.pages}")

    def _show(self) -> None:
        cards = self.query_one("#cards", Vertical)
        cards.remove_children()
        start = self.page * self.per_page
        visible = [Card(a) for a in self.articles[start : start + self.per_page]]
        cards.mount_all(visible)
        if visible:
            self.cursor = min(self.cursor, len(visible) - 1)
            self.call_after_refresh(visible[self.cursor].focus)
        self._status()

    def on_resize(self) -> None:
        self.page = min(self.page, self.pages - 1)
        self._show()

    def action_page(self, delta: int) -> None:
        page = max(0, min(self.pages - 1, self.page + delta))
        if page != self.page:
            self.page, self.cursor = page, 0
            self._show()

    def action_card(self, delta: int) -> None:
        cards = list(self.query(Card))
        if not cards:
            return
        index = self.cursor + delta
        if index < 0 and self.page > 0:
            self.page, self.cursor = self.page - 1, self.per_page - 1
            self._show()
        elif index >= len(cards) and self.page < self.pages - 1:
            self.page, self.cursor = self.page + 1, 0
            self._show()
        else:
            self.cursor = max(0, min(len(cards) - 1, index))
            cards[self.cursor].focus()

    def on_descendant_focus(self, event: object) -> None:
        cards = list(self.query(Card))
        focused = self.focused
        if focused in cards:
            self.cursor = cards.index(focused)

    def action_open(self) -> None:
        cards = list(self.query(Card))
        if cards:
            self.app.push_screen(ReaderScreen(cards[self.cursor].article))

    def on_card_chosen(self, message: Card.Chosen) -> None:
        self.app.push_screen(ReaderScreen(message.article))

    def action_errors(self) -> None:
        self.app.push_screen(ErrorsScreen(self.failures))


class DigestApp(App[int]):
    """digest in the terminal."""

    CSS_PATH = "digest.tcss"
    TITLE = "digest"

    def __init__(self, inputs: Sequence[str], *, theme: str | None = None, sentences: int = 3) -> None:
        super().__init__()
        self.inputs = list(inputs)
        self.sentences = sentences
        self.requested_theme = theme

    def on_mount(self) -> None:
        if self.requested_theme:
            if self.requested_theme in self.available_themes:
                self.theme = self.requested_theme
            else:
                self.notify(f"no theme named {self.requested_theme!r}", severity="warning")
        self.digest_screen = DigestScreen(self.inputs, self.sentences)
        self.push_screen(self.digest_screen)

    async def action_quit(self) -> None:
        """Quit with the command line's exit code: 1 when any input gave no article."""
        self.exit(1 if self.digest_screen.failures else 0)


def run(inputs: Sequence[str], *, theme: str | None = None, sentences: int = 3) -> int:
    """Open the app on ``inputs``; returns the exit code (1 when any input failed)."""
    app = DigestApp(inputs, theme=theme, sentences=sentences)
    return app.run() or 0
