"""The dense list: one line an article (or a story), as a feed reader shows its items.

    ● ★ Title of the article new                          Outlet         3h  3 sources

The first column is the unread mark (``●``, a glyph, so that it survives ``NO_COLOR`` and
every theme), then ★ for a saved article, the title (with "new" when a refresh brought it),
the outlet, the age and, for a story, how many sources tell it. The list shows the rows it
is given and posts :class:`ArticleList.Chosen` for a click; the screen owns the cursor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from digest.models import Article
from digest.render import shown_outlet
from digest.text.cells import fit, width
from digest.ui.view import age

UNREAD_MARK = "●"
"""The glyph of an unread article, on the list and on cards."""

SAVED_MARK = "★"
"""The glyph of a saved article."""


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the list: an article or a story's lead, and what the user knows of it."""

    article: Article
    unread: bool
    saved: bool = False
    new: bool = False
    """Brought by the last refresh."""
    sources: int = 1
    """Articles in its story (1 when the article stands alone)."""


def now() -> datetime:
    """The moment ages are counted from (a function, so that a snapshot test can fix it)."""
    return datetime.now().astimezone()


def _outlet(article: Article) -> str:
    return shown_outlet(article.publisher or article.input)


def row_line(row: Row, columns: int, now: datetime | None = None) -> Content:
    """The row as a line of exactly ``columns`` cells: marks, title, outlet, age, sources."""
    wide = columns >= 100
    outlet_cells = 26 if columns >= 160 else 18 if wide else 14 if columns >= 64 else 0
    sources_cells = 9 if wide else 3
    when = age(row.article.published, now)
    sources = ""
    if row.sources > 1:
        sources = f"{row.sources} sources" if wide else f"×{row.sources}"
    tag = " new" if row.new else ""
    fixed = 3 + (2 + outlet_cells if outlet_cells else 0) + 2 + 8 + 2 + sources_cells
    title_cells = max(columns - fixed, 8)
    title = fit(row.article.title, title_cells - width(tag))
    style = "bold" if row.unread else "$text-muted"
    parts: list[Content | str | tuple[str, str]] = [
        (UNREAD_MARK if row.unread else " ", "bold $text-accent"),
        (SAVED_MARK if row.saved else " ", "$text-warning"),
        " ",
        (title, style),
        (tag, "bold $text-success"),
        " " * (title_cells - width(title) - width(tag)),
    ]
    if outlet_cells:
        outlet = fit(_outlet(row.article), outlet_cells)
        parts += ["  ", (outlet + " " * (outlet_cells - width(outlet)), "$text-muted")]
    parts += ["  ", (when.rjust(8), "$text-muted"), "  ", (sources.ljust(sources_cells), "")]
    line = Content.assemble(*parts)
    return line[:columns] if line.cell_length > columns else line


class ArticleList(Widget, can_focus=True):
    """The rows of one page of the digest, the cursor's row highlighted."""

    COMPONENT_CLASSES = {"article-list--cursor"}
    """The highlighted row (the screen's selected article)."""

    class Chosen(Message):
        """The user clicked a row to read its article."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Row] = []
        self.cursor = 0

    def show(self, rows: Sequence[Row], cursor: int) -> None:
        """Show ``rows``, the one at ``cursor`` highlighted."""
        self.rows = list(rows)
        self.cursor = cursor
        self.refresh()

    def render(self) -> Content:
        columns = self.content_size.width or 80
        moment = now()
        lines = []
        for number, row in enumerate(self.rows):
            line = row_line(row, columns, moment)
            if number == self.cursor:
                # Reverse video survives NO_COLOR, where a background colour would not.
                cursor = "reverse" if self.app.no_color else self._cursor_style()
                line = line.stylize(cursor)
            lines.append(line)
        return Content("\n").join(lines)

    def _cursor_style(self) -> str:
        if self.has_focus:
            return "bold $block-cursor-foreground on $block-cursor-background"
        return "on $block-cursor-blurred-background"

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and 0 <= offset.y < len(self.rows):
            self.cursor = offset.y
            self.post_message(self.Chosen(self.rows[offset.y].article))
