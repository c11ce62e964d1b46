"""The reader: one article's full text, its summary sentences marked where they stand,
beside the source attribution and the key facts. Choosing a fact scrolls to the paragraph
it comes from (again: to the next paragraph that has it)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from digest.models import Article

if TYPE_CHECKING:
    from collections.abc import Callable

    from digest.models import Changes, Story
from digest.render import human_date, shared_facts, shown_outlet
from digest.text.sanitize import web_url
from digest.ui.view import paragraphs_naming


@dataclass(frozen=True, slots=True)
class FactEntry:
    """One line of the facts list and the paragraphs it points to."""

    label: Content
    paragraphs: tuple[int, ...]


def fact_entries(article: Article) -> list[tuple[str, list[FactEntry]]]:
    """The article's key facts under their headings, each with the paragraphs to jump to."""
    facts = article.facts

    def at(paragraph: int | None, text: str) -> tuple[int, ...]:
        return (paragraph,) if paragraph is not None else tuple(paragraphs_naming(article, text))

    def named(name: str, extra: str = "", mentions: int = 1) -> FactEntry:
        label = Content.assemble(name, (f" · {extra}" if extra else "", "$text-muted"))
        return FactEntry(_counted(label, mentions), tuple(paragraphs_naming(article, name)))

    groups = [
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
        (
            "Quotes",
            [
                FactEntry(
                    Content.assemble(
                        f"“{q.text}”",
                        (f" — {q.speaker}" if q.speaker else "", "italic $text-muted"),
                    ),
                    at(q.paragraph, q.text),
                )
                for q in facts.quotes
            ],
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
    return [FactEntry(_counted(labels[k], times[k]), tuple(paragraphs[k])) for k in labels]


def attribution_panel(article: Article) -> Content:
    """Outlet, authors, agencies, date, link and photo credits, one labelled line each."""
    rows = [
        ("Outlet", article.publisher),
        ("Authors", ", ".join(article.authors) or None),
        ("Agencies", ", ".join(article.agencies) or None),
        ("Published", human_date(article.published)),
        ("Section", article.section),
        ("Link", article.url or article.input),
        *(("Credit", credit.text) for credit in article.credits[:5]),
    ]
    lines = [Content.assemble((f"{label}: ", "bold"), value) for label, value in rows if value]
    return Content("\n").join(lines)


class ReaderScreen(Screen[None]):
    """One article in full. Esc goes back to the card it was opened from."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("o", "open_link", "Open link", id="open-link"),
        Binding("y", "copy_link", "Copy link", id="copy-link"),
        Binding("tab", "app.focus_next", "Text / facts", id="switch", show=False),
    ]

    def __init__(
        self, article: Article, *, story: Story | None = None, changes: Changes | None = None
    ) -> None:
        super().__init__()
        self.article = article
        self.story = story
        """The story the article leads, when other sources tell it too."""
        self.changes = changes
        self.entries: dict[int, FactEntry] = {}
        self.visits: dict[int, int] = {}
        self.others: dict[int, Article] = {}
        """Option index -> another source's article, opened when chosen."""

    def compose(self) -> ComposeResult:
        article = self.article
        marked = "reverse" if self.app.no_color else "bold $text-accent on $accent-muted"
        with Horizontal():
            with VerticalScroll(id="body"):
                yield Static(Content.styled(article.title, "bold"), classes="heading")
                if article.standfirst:
                    yield Static(Content.styled(article.standfirst, "italic"), classes="standfirst")
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
            with Vertical(id="side"):
                with VerticalScroll(id="attribution-box"):
                    yield Static(attribution_panel(article), id="attribution")
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
            shared = shared_facts(story, limit=12)
            if shared:
                options.append(Option(Content.styled("In several sources", "bold"), disabled=True))
                for name, count in shared:
                    self.entries[len(options)] = FactEntry(
                        Content(name), tuple(paragraphs_naming(self.article, name))
                    )
                    options.append(
                        Option(Content.assemble("  ", name, (f" · {count} sources", "$text-muted")))
                    )
            for conflict in story.conflicts:
                options.append(
                    Option(Content.styled(f"  ⚖ {conflict.text}", "$text-warning"), disabled=True)
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
        if not options:
            options.append(Option("No key facts found.", disabled=True))
        return options

    def on_mount(self) -> None:
        self.query_one("#body").focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        other = self.others.get(event.option_index)
        if other is not None:
            self.app.push_screen(ReaderScreen(other))
            return
        entry = self.entries.get(event.option_index)
        if entry is None:
            return
        if not entry.paragraphs:
            self.notify("Not found in the text (it may come from the headline).", timeout=3)
            return
        visit = self.visits.get(event.option_index, 0)
        self.visits[event.option_index] = visit + 1
        self.show_paragraph(entry.paragraphs[visit % len(entry.paragraphs)])

    def show_paragraph(self, index: int) -> None:
        """Scroll the text so that paragraph ``index`` is at the top, and mark it."""
        for widget in self.query(".paragraph.-target"):
            widget.remove_class("-target")
        target = self.query_one(f"#p{index}", Static)
        target.add_class("-target")
        self.query_one("#body", VerticalScroll).scroll_to_widget(target, top=True, animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``o`` is dimmed for an article read from a file: it has no link."""
        if action == "open_link":
            return True if self._link() else None
        return True

    def _link(self) -> str | None:
        # Only an http(s) link is handed to the system's opener: never file:, javascript:...
        return web_url(self.article.url)

    def action_open_link(self) -> None:
        if url := self._link():
            self.app.open_url(url)
            self.notify(f"Opening {url}", timeout=3, markup=False)
        else:
            self.notify(
                "This article was read from a file: it has no link.", severity="warning", timeout=4
            )

    def action_copy_link(self) -> None:
        location = self._link() or self.article.input
        self.app.copy_to_clipboard(location)
        self.notify(f"Copied {location}", timeout=3, markup=False)
