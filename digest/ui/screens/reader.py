"""The reader: one article's full text, its summary sentences marked where they stand,
beside the source attribution and the key facts (under the text, on a narrow terminal).
Choosing a fact scrolls to the paragraph it comes from (again: to the next paragraph that
has it), and says which mention it is. The side panel reads top down: attribution, other
sources, where they differ, quotes, the other facts, warnings and photo credits last."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from digest.models import Article
from digest.render import (
    attribution,
    conflict_text,
    human_date,
    shared_facts,
    shown_outlet,
    warning_text,
)
from digest.text.sanitize import web_url
from digest.ui.view import paragraphs_naming
from digest.ui.widgets.footer import Footer

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App

    from digest.models import Changes, Story

NARROW_BELOW = 100
"""Columns below which the reader's side panel folds under the text."""


@dataclass(frozen=True, slots=True)
class FactEntry:
    """One line of the facts list and the paragraphs it points to."""

    label: Content
    paragraphs: tuple[int, ...]
    name: str = ""
    """What the fact is called when the reader says which mention it shows."""


def fact_entries(article: Article) -> list[tuple[str, list[FactEntry]]]:
    """The article's key facts under their headings, each with the paragraphs to jump to."""
    facts = article.facts

    def at(paragraph: int | None, text: str) -> tuple[int, ...]:
        return (paragraph,) if paragraph is not None else tuple(paragraphs_naming(article, text))

    def named(name: str, extra: str = "", mentions: int = 1) -> FactEntry:
        label = Content.assemble(name, (f" · {extra}" if extra else "", "$text-muted"))
        return FactEntry(_counted(label, mentions), tuple(paragraphs_naming(article, name)), name)

    quotes = [
        FactEntry(
            Content.assemble(
                f"“{q.text}”",
                (f" — {q.speaker}" if q.speaker else "", "italic $text-muted"),
            ),
            at(q.paragraph, q.text),
            f"quote of {q.speaker}" if q.speaker else "quote",
        )
        for q in facts.quotes
    ]
    groups = [
        ("Quotes", quotes),
        ("People", [named(p.name, p.role or "", p.mentions) for p in facts.people]),
        ("Organisations", [named(o.name, mentions=o.mentions) for o in facts.organizations]),
        ("Places", [named(p.name, mentions=p.mentions) for p in facts.places]),
        (
            "Dates",
            _once_each([(_dated(d.text, d.value), d.text, d.paragraph) for d in facts.dates], at),
        ),
        (
            "Numbers",
            _once_each([(Content(n.text), n.text, n.paragraph) for n in facts.numbers], at),
        ),
    ]
    return [(heading, entries) for heading, entries in groups if entries]


def _dated(text: str, value: str | None) -> Content:
    """A date as the article writes it, and as digest reads it when that says more."""
    shown = f" · {value}" if value and value != text else ""
    return Content.assemble(text, (shown, "$text-muted"))


def _counted(label: Content, times: int) -> Content:
    """A fact's label, with how many times the article gives it when more than once."""
    return Content.assemble(label, (f" ×{times}", "$text-muted")) if times > 1 else label


def _once_each(
    found: list[tuple[Content, str, int | None]],
    at: Callable[[int | None, str], tuple[int, ...]],
) -> list[FactEntry]:
    """Facts found more than once ("seven people" in two paragraphs) as one entry that
    jumps to each of its paragraphs in turn, counted "×2"; in the order first found."""
    labels: dict[str, Content] = {}
    paragraphs: dict[str, list[int]] = {}
    times: Counter[str] = Counter()
    for label, text, paragraph in found:
        key = label.plain
        labels.setdefault(key, label)
        here = paragraphs.setdefault(key, [])
        here.extend(p for p in at(paragraph, text) if p not in here)
        times[key] += 1
    return [FactEntry(_counted(labels[k], times[k]), tuple(paragraphs[k]), k) for k in labels]


def attribution_panel(article: Article) -> Content:
    """Outlet, authors, agencies, date, section and link, one labelled line each."""
    rows = [
        ("Outlet", article.publisher),
        ("Authors", ", ".join(article.authors) or None),
        ("Agencies", ", ".join(article.agencies) or None),
        ("Published", human_date(article.published)),
        ("Section", article.section),
        ("Link", article.url or article.input),
    ]
    lines = [Content.assemble((f"{label}: ", "bold"), value) for label, value in rows if value]
    return Content("\n").join(lines)


def longer_than(texts: list[str], width: int, height: int) -> bool:
    """Whether ``texts``, each wrapped in its own block, need more than ``height`` lines
    at any width up to ``width``: a block takes at least as many lines as its printed
    characters fill (the spaces where lines break are dropped, so they are not counted)."""
    if width < 1:
        return False
    lines = 0
    for text in texts:
        cells = cell_len("".join(text.split()))
        lines += -(-cells // width)
        if lines > height:
            return True
    return False


class Navigator(Protocol):
    """Who knows the articles around the one being read (the digest screen)."""

    def step(self, article: Article, step: int, *, unread: bool = False) -> ReaderScreen | None:
        """The reader of the next (``step`` 1) or previous (-1) article, or unread one."""


class ReaderScreen(Screen[None]):
    """One article in full. Esc or q goes back to the list it was opened from; → and ← read
    the next and previous article there, n and N the next and previous unread one."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide")]
    """Below this many columns the side panel folds under the text."""

    BINDINGS = [
        Binding("escape,q", "back", "Back", id="back"),
        Binding("right", "step(1)", "Next article", id="next-article", priority=True),
        Binding("left", "step(-1)", "Previous article", id="previous-article", priority=True),
        Binding("n", "unread(1)", "Next unread", id="next-unread"),
        Binding("N", "unread(-1)", "Previous unread", id="previous-unread", show=False),
        Binding("tab", "switch", "Text / facts", id="switch"),
        Binding("o", "open_link", "Open link", id="open-link"),
        Binding("y", "copy_link", "Copy link", id="copy-link", show=False),
        Binding("j", "line(1)", "Down a line", id="line-down", show=False),
        Binding("k", "line(-1)", "Up a line", id="line-up", show=False),
        Binding("space", "text_page(1)", "Page down", id="page-down", show=False),
        Binding("b", "text_page(-1)", "Page up", id="page-up", show=False),
        Binding("g", "text_end(0)", "Top of the text", id="text-top", show=False),
        Binding("G", "text_end(1)", "End of the text", id="text-end", show=False),
    ]

    def __init__(
        self,
        article: Article,
        *,
        story: Story | None = None,
        changes: Changes | None = None,
        navigator: Navigator | None = None,
    ) -> None:
        super().__init__()
        self.article = article
        self.story = story
        """The story the article leads, when other sources tell it too."""
        self.changes = changes
        self.navigator = navigator
        """The digest screen, for → ← n N; ``None`` for another source of a story."""
        self.entries: dict[int, FactEntry] = {}
        self.visits: dict[int, int] = {}
        self.others: dict[int, Article] = {}
        """Option index -> another source's article, opened when chosen."""
        # The breakpoint's class from the start, as Textual would set it on the first resize:
        # set then, it styled every widget of the screen again. Not styled here (the screen
        # is styled, with its classes, when it is mounted).
        self.add_class("-narrow" if self.app.size.width < NARROW_BELOW else "-wide", update=False)

    def compose(self) -> ComposeResult:
        article = self.article
        # The summary is marked quietly (colour, or bold without colour); the paragraph a
        # fact jumps to is marked loudly (a bar and a background), so the two never blur.
        marked = "bold" if self.app.no_color else "$text-accent"
        with Horizontal(id="columns"):
            with Vertical(id="text"):
                with VerticalScroll(id="body"):
                    yield Static(Content.styled(article.title, "bold"), classes="heading")
                    if article.standfirst:
                        yield Static(
                            Content.styled(article.standfirst, "italic"), classes="standfirst"
                        )
                    for index, paragraph in enumerate(article.paragraphs):
                        spans = []
                        for sentence in article.summary:
                            if (
                                sentence.paragraph == index
                                and (start := paragraph.find(sentence.text)) >= 0
                            ):
                                spans.append((start, start + len(sentence.text)))
                        text = Content(paragraph)
                        for start, end in spans:
                            text = text.stylize(marked, start, end)
                        yield Static(text, classes="paragraph", id=f"p{index}")
                jump = Static("", id="jump")
                jump.display = False  # until a fact is chosen
                yield jump
            with Vertical(id="side"):
                box = VerticalScroll(id="attribution-box")
                box.can_focus = False  # Tab goes from the text straight to the facts
                with box:
                    yield Static(attribution_panel(article), id="attribution")
                    # Folded under the text, the same in one line or two.
                    line = attribution(article) or article.input
                    yield Static(Content(line), id="attribution-line")
                yield OptionList(*self._options(), id="facts")
        yield Footer()

    def _options(self) -> list[Option]:
        options: list[Option] = []
        story = self.story
        if story is not None and len(story.articles) > 1:
            options.append(Option(Content.styled("Other sources", "bold"), disabled=True))
            new = {s.article for s in self.changes.new_sources} if self.changes else set()
            for source, other in zip(story.sources, story.articles, strict=True):
                if other.id == self.article.id:
                    continue
                self.others[len(options)] = other
                when = human_date(source.published)
                label = Content.assemble(
                    "  ",
                    shown_outlet(source.outlet),
                    (f" · {when}" if when else "", "$text-muted"),
                    (" · new" if source.article in new else "", "bold $text-success"),
                    (f" — {other.title}", "$text-muted"),
                )
                options.append(Option(label))
            if story.conflicts:
                options.append(Option(Content.styled("Sources differ", "bold"), disabled=True))
                options.extend(
                    Option(
                        Content.styled(f"  ⚖ {conflict_text(c)}", "$text-warning"), disabled=True
                    )
                    for c in story.conflicts
                )
            shared = shared_facts(story, limit=12)
            if shared:
                options.append(Option(Content.styled("In several sources", "bold"), disabled=True))
                for name, count in shared:
                    self.entries[len(options)] = FactEntry(
                        Content(name), tuple(paragraphs_naming(self.article, name)), name
                    )
                    options.append(
                        Option(Content.assemble("  ", name, (f" · {count} sources", "$text-muted")))
                    )
        if self.changes:
            items = [f.text for f in self.changes.new_facts] + [
                f"“{q.text}”" for q in self.changes.new_quotes
            ]
            if items:
                options.append(
                    Option(Content.styled("New since you last opened it", "bold"), disabled=True)
                )
                options.extend(
                    Option(Content.assemble("  ", (item, "$text-success")), disabled=True)
                    for item in items
                )
        for heading, entries in fact_entries(self.article):
            options.append(Option(Content.styled(heading, "bold"), disabled=True))
            for entry in entries:
                self.entries[len(options)] = entry
                options.append(Option(Content.assemble("  ", entry.label)))
        if not self.entries and not self.others:
            options.append(Option("No key facts found.", disabled=True))
        if self.article.warnings:
            options.append(Option(Content.styled("Warnings", "bold"), disabled=True))
            options.extend(
                Option(Content.styled(f"  ⚠ {warning_text(w)}", "$text-error"), disabled=True)
                for w in self.article.warnings
            )
        if self.article.credits:
            options.append(Option(Content.styled("Credits", "bold"), disabled=True))
            options.extend(
                Option(Content.styled(f"  {credit.text}", "$text-muted"), disabled=True)
                for credit in self.article.credits[:5]
            )
        return options

    def on_mount(self) -> None:
        body = self.query_one("#body", VerticalScroll)
        # Textual shows the scroll bar only once a layout finds the text too long, and then
        # wraps every paragraph again, narrower: shown from the start when the text cannot
        # fit, the text is wrapped once. (Were it wrong, that layout would hide it again.)
        size = self.app.size
        if longer_than(self._texts(), size.width, size.height):
            body.show_vertical_scrollbar = True
        body.focus()

    def _texts(self) -> list[str]:
        """The title, standfirst and paragraphs: the blocks of the text, in order."""
        article = self.article
        return [article.title, article.standfirst or "", *article.paragraphs]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        other = self.others.get(event.option_index)
        if other is not None:
            self.app.push_screen(ReaderScreen(other))
            return
        entry = self.entries.get(event.option_index)
        if entry is None:
            return
        name = entry.name or entry.label.plain
        if not entry.paragraphs:
            self._say(f"{name}: not found in the text (it may come from the headline)")
            return
        visit = self.visits.get(event.option_index, 0)
        self.visits[event.option_index] = visit + 1
        mention = visit % len(entry.paragraphs)
        self.show_paragraph(entry.paragraphs[mention])
        count = len(entry.paragraphs)
        where = (
            f"mention {mention + 1} of {count} · Enter for the next"
            if count > 1
            else "the only paragraph that has it"
        )
        self._say(f"{name}: {where}")

    def _say(self, text: str) -> None:
        jump = self.query_one("#jump", Static)
        jump.update(Content.styled(text, "$text-muted"))
        jump.display = True

    def show_paragraph(self, index: int) -> None:
        """Scroll the text so that paragraph ``index`` is at the top, and mark it."""
        for widget in self.query(".paragraph.-target"):
            widget.remove_class("-target")
        target = self.query_one(f"#p{index}", Static)
        target.add_class("-target")
        self.query_one("#body", VerticalScroll).scroll_to_widget(target, top=True, animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``o`` is dimmed for an article read from a file (it has no link), → ← n N for
        another source of a story (it is not on the list)."""
        if action == "open_link":
            return True if web_url(self.article.url) else None
        if action in ("step", "unread"):
            return True if self.navigator is not None else None
        return True

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_step(self, step: int) -> None:
        self._go(step, unread=False)

    def action_unread(self, step: int) -> None:
        self._go(step, unread=True)

    def _go(self, step: int, *, unread: bool) -> None:
        if self.navigator is None:
            return
        reader = self.navigator.step(self.article, step, unread=unread)
        if reader is None:
            what = "unread article" if unread else "article"
            where = "" if unread else (" after this" if step > 0 else " before this")
            self.notify(f"No other {what}{where}.", timeout=2)
            return
        self.app.switch_screen(reader)

    def action_switch(self) -> None:
        """Tab: from the text to the facts and back."""
        facts = self.query_one("#facts", OptionList)
        if self.focused is facts:
            self.query_one("#body").focus()
        else:
            facts.focus()

    def action_line(self, step: int) -> None:
        facts = self.query_one("#facts", OptionList)
        if self.focused is facts:
            if step > 0:
                facts.action_cursor_down()
            else:
                facts.action_cursor_up()
        else:
            body = self.query_one("#body", VerticalScroll)
            body.scroll_relative(y=step, animate=False)

    def action_text_page(self, step: int) -> None:
        body = self.query_one("#body", VerticalScroll)
        if step > 0:
            body.scroll_page_down(animate=False)
        else:
            body.scroll_page_up(animate=False)

    def action_text_end(self, end: int) -> None:
        body = self.query_one("#body", VerticalScroll)
        if end:
            body.scroll_end(animate=False)
        else:
            body.scroll_home(animate=False)

    def action_open_link(self) -> None:
        open_link(self.app, self.article)

    def action_copy_link(self) -> None:
        copy_link(self.app, self.article)


def open_link(app: App[object], article: Article) -> None:
    """Open the article's web page in the browser (an article read from a file has none)."""
    # Only an http(s) link is handed to the system's opener: never file:, javascript:...
    url = web_url(article.url)
    if url:
        app.open_url(url)
        app.notify(f"Opening {url}", timeout=3, markup=False)
    elif article.url:
        app.notify("Only http(s) links are opened.", severity="warning", timeout=4)
    else:
        app.notify(
            "This article was read from a file: it has no link.", severity="warning", timeout=4
        )


def copy_link(app: App[object], article: Article) -> None:
    """Copy the article's link (or the file it was read from) to the clipboard."""
    location = web_url(article.url) or article.input
    app.copy_to_clipboard(location)
    app.notify(f"Copied {location}", timeout=3, markup=False)
