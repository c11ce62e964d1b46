"""The summary card: one article on the digest screen.

A card always shows its title, its attribution line and its fact line; the summary takes
the lines in between and ends in "…" when the card is too short for all of it, so that a
small terminal clips the summary, never the attribution.

Nothing on a card is told by colour alone: an unread article's title starts with ``●``, a
saved one's with ``★``; each kind of fact on the fact line has its label (``person``,
``org``, ``place``, ``#`` for numbers), which the help screen explains.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from digest.models import Article, Facts
from digest.render import attribution, conflict_text, counted, shown_outlet, warning_text
from digest.text.cells import fit, wrap
from digest.text.cells import width as cells
from digest.ui.widgets.article_list import SAVED_MARK, UNREAD_MARK

if TYPE_CHECKING:
    from digest.models import Changes, Story

MIN_CARD_HEIGHT = 9
"""The fewest lines a card is given: border, title, attribution, four summary lines, facts."""

CHIPS = (
    ("people", "person", "$text-accent"),
    ("organizations", "org", "$text-primary"),
    ("places", "place", "$text-success"),
    ("numbers", "#", "$text-warning"),
)
"""Fact kinds shown on a card, in the order shown, with the label that tells them apart
without colour (the filter's field names, ``#`` for numbers) and the colour of their chips."""

CHIPS_PER_KIND = 3


def fact_chips(article: Article, width: int | None = None) -> Content:
    """Reading time, then as many people, organisations, places and numbers as fit in
    ``width`` cells, each kind after its label, then any extraction warnings in plain words
    (always shown).

    Chips are taken in turns, the most mentioned of each kind first, so that a narrow card
    shows one of each kind before a second of any; they are shown grouped by kind:
    ``2 min read · person Jens Stoltenberg, Sergei Shoigu · org NATO · # 26 missiles``.
    """
    facts = article.facts
    head = Content.styled(f"{article.reading_minutes} min read", "$text-muted")
    warnings = [
        Content.styled(f"⚠ {warning_text(warning)}", "bold $text-error")
        for warning in article.warnings
    ]
    room = (
        width - head.cell_length - sum(3 + w.cell_length for w in warnings)
        if width is not None
        else None
    )
    labels: dict[str, list[str]] = {kind: [] for kind, _, _ in CHIPS}
    kinds = {kind: _unique_labels(facts, kind) for kind, _, _ in CHIPS}
    for rank in range(CHIPS_PER_KIND):
        for kind, label, _ in CHIPS:
            items = kinds[kind]
            if rank >= len(items):
                continue
            chip = items[rank]
            # The first chip of a kind brings " · label "; each further one ", ".
            cost = cells(chip) + (2 if labels[kind] else 4 + cells(label))
            if room is not None:
                if cost > room:
                    continue  # a shorter chip further on may still fit
                room -= cost
            labels[kind].append(chip)
    parts: list[Content | str] = [head]
    for kind, label, style in CHIPS:
        if labels[kind]:
            parts += [Content.styled(f" · {label} ", "$text-muted")]
            parts += [Content(", ").join(Content.styled(chip, style) for chip in labels[kind])]
    for warning in warnings:
        parts += [" · ", warning]
    return Content.assemble(*parts)


def _unique_labels(facts: Facts, kind: str) -> list[str]:
    """The labels of one kind of fact, each once ("two years" said twice is one chip)."""
    items = getattr(facts, kind)
    labels = (item.text for item in items) if kind == "numbers" else (item.name for item in items)
    return list(dict.fromkeys(labels))[:CHIPS_PER_KIND]


def clip_lines(sentences: list[str], width: int, height: int) -> list[str]:
    """Summary sentences as bullet lines wrapped to ``width`` cells (Chinese and Japanese
    too, with the hanging indent), at most ``height`` of them.

    When a sentence is cut, the last line shown ends in "…" (in place of a full stop or a
    comma); when the cut falls between sentences, the last one shown ends as written.
    """
    width = max(width, 8)
    lines: list[str] = []
    starts: set[int] = set()
    for sentence in sentences:
        starts.add(len(lines))
        lines += wrap(sentence, width, initial_indent="• ", subsequent_indent="  ") or ["•"]
    if height <= 0:
        return []
    if len(lines) > height:
        whole = height in starts  # the next line shown would start a sentence
        lines = lines[:height]
        if not whole:
            last = lines[-1].rstrip(" .,;:")
            if cells(last) >= width:  # no room for "…": drop the last word (or cells)
                head, space, _ = last.rpartition(" ")
                last = (
                    head.rstrip(" .,;:") if space and head.strip("• ") else fit(last, width - 1, "")
                )
            lines[-1] = last + "…"
    return lines


def same_look(one: Content, other: Content) -> bool:
    """Whether two texts read and look the same (``==`` compares only what they read)."""
    return one.plain == other.plain and one.spans == other.spans


def story_line(story: Story | None, changes: Changes | None) -> Content | None:
    """The other sources of a story, what is new since it was last opened, and disagreements."""
    parts: list[Content] = []
    if story is not None and len(story.sources) > 1:
        outlets = list(dict.fromkeys(shown_outlet(s.outlet) for s in story.sources[1:]))
        parts.append(
            Content.assemble(
                (f"+{counted(len(story.sources) - 1, 'source')}: ", "bold"), " · ".join(outlets)
            )
        )
    if changes is not None and changes:
        new = [
            counted(len(items), noun)
            for items, noun in (
                (changes.new_sources, "source"),
                (changes.new_facts, "fact"),
                (changes.new_quotes, "quote"),
            )
            if items
        ]
        parts.append(
            Content.styled("new since you last opened it: " + ", ".join(new), "bold $text-success")
        )
    if story is not None:
        parts.extend(
            Content.styled(f"⚖ sources differ: {conflict_text(c)}", "$text-warning")
            for c in story.conflicts
        )
    return Content("  ").join(parts) if parts else None


Drawn = tuple[Content, bool]
"""A line of a card, and whether it takes the muted colour beneath its own styles."""


class Card(Widget, can_focus=True):
    """One article, or the lead of a story, as a summary card. Enter or a click opens it.

    Unread articles carry a ● before the title, saved ones a ★, and those a refresh brought
    "new" after it; read ones are dimmed too (class ``-read``).

    The card draws all its lines itself (one widget, not one a line: Textual's work on each
    widget was most of the cost of a key press on the digest screen).
    """

    COMPONENT_CLASSES = {"card--muted"}
    """The colour of the attribution, and of the title and summary once read (the theme's
    muted text colour, in digest.tcss: a colour given as CSS takes the card's background
    into account)."""

    class Chosen(Message):
        """The user asked to read this card's article."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    def __init__(
        self,
        article: Article,
        *,
        story: Story | None = None,
        changes: Changes | None = None,
        read: bool = False,
        saved: bool = False,
        new: bool = False,
    ) -> None:
        super().__init__(classes="card")
        self.article = article
        self.story = story
        self.changes = changes
        self.saved = saved
        self.read = read
        self.new = new
        self.extra = story_line(story, changes)
        """The story line under the attribution (``None``: none)."""
        lead = [article.standfirst] if article.standfirst else list(article.paragraphs[:1])
        self.sentences = [s.text for s in article.summary] or lead
        """The summary's sentences (the lead when there is no summary)."""
        self._drawn: tuple[tuple[int, int, bool, bool, bool], list[Drawn]] | None = None
        """What the lines were last drawn for, and the lines: a card is drawn again each time
        the keys come to it or leave it, at the same size."""
        self.set_class(read, "-read")

    def shows(self, article: Article, extra: Content | None, *, new: bool) -> bool:
        """Whether this card shows ``article`` with the story line ``extra`` and the "new"
        mark as given (read and saved marks aside: :meth:`mark` changes those in place)."""
        if self.article is not article or self.new != new:
            return False
        if self.extra is None or extra is None:
            return self.extra is extra
        return same_look(self.extra, extra)

    def lines(self) -> list[Content]:
        """The lines the card shows at its size now, border aside: title, attribution, the
        story line if any, the summary in the rows left, the fact line."""
        width, height = self.content_size
        key = (width, height, self.read, self.saved, self.new)
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = (key, self._draw(width, height))
        # The muted colour depends on the background (focus changes it): applied as drawn.
        muted = self.get_visual_style("card--muted")
        return [line.stylize_before(muted) if dim else line for line, dim in self._drawn[1]]

    def _draw(self, width: int, height: int) -> list[Drawn]:
        """The lines at ``width`` x ``height``, each with whether it takes the muted colour
        beneath its own styles (as a CSS colour would)."""
        article = self.article
        # Content, not a str: a str would be read as markup.
        meta = Content(attribution(article, link=False) or article.input)
        head = [(self._title(), self.read), (meta, True)]
        if self.extra is not None:
            head.append((self.extra, False))
        # The summary takes the rows left, and one when none is left (as Textual gives 1fr
        # no room: the fact line is then the line cut off).
        rows = max(height - len(head) - 1, 1)
        # No sentence at all: one empty line, as an empty text is drawn.
        summary = [] if self.sentences else [Content("")]
        for text in clip_lines(self.sentences, width, rows):
            line = Content(text)
            # Below 8 cells clip_lines goes over: fold as a wrapping line would.
            summary += line.wrap(width) if line.cell_length > width else [line]
        # Rows the summary leaves are blank, as wide as the card: the fact line stays last.
        summary = summary[:rows] + [Content(" " * width)] * (rows - len(summary))
        facts = fact_chips(article, width or None)
        lines = [(line.truncate(width, ellipsis=True), dim) for line, dim in head]
        lines += [(line, self.read) for line in summary]
        lines.append((facts.truncate(width, ellipsis=True), False))
        return lines[:height]

    def render(self) -> Content:
        return Content("\n").join(self.lines())

    def _title(self) -> Content:
        return Content.assemble(
            ("" if self.read else f"{UNREAD_MARK} ", "bold $text-accent"),
            (f"{SAVED_MARK} " if self.saved else "", "$text-warning"),
            (self.article.title, "bold"),
            (" new" if self.new else "", "bold $text-success"),
        )

    def mark(self, *, read: bool, saved: bool) -> None:
        """Show a change of the article's read or saved state."""
        self.set_class(read, "-read")
        self.read = read
        self.saved = saved
        self.refresh()

    def on_click(self) -> None:
        self.post_message(self.Chosen(self.article))
