"""The app's footer draws its keys as Textual's footer does, in every theme digest ships.

digest's footer is one widget drawing what Textual's builds from one widget per key; the
snapshots show it as the app opens (every key enabled, no mouse). Here, on a small app of
its own, each footer is drawn with a key dimmed (its action would do nothing) and the mouse
on another, and the two lines must be the same, cell by cell: the same characters in the
same colours, on a footer too narrow for its keys (the command palette's key covers the
last ones, as Textual's does).
"""

from __future__ import annotations

from rich.style import Style
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Footer as TextualFooter

from digest.ui.themes import load_theme
from digest.ui.widgets.footer import Footer
from tests.conftest import ROOT

WIDTH = 44
"""Too narrow for the keys below and the command palette's."""
MOUSE_AT = (1, 10, 18, 30, WIDTH - 4)
"""Where the mouse rests: on Alpha, Beta, Gamma (dimmed), Delta (cut off by the command
palette's key), the command palette's key."""
THEMES = ("dark", "light", "high-contrast")
"""The themes digest ships (themes/)."""


class Keys(App[None]):
    """A footer with five keys, Gamma's dimmed (its action would do nothing); Epsilon's is
    under the command palette's key."""

    BINDINGS = [
        Binding("a", "noop('a')", "Alpha"),
        Binding("slash", "noop('/')", "Beta"),  # shown as "/"
        Binding("c", "never", "Gamma"),
        Binding("d", "noop('d')", "Delta"),
        Binding("e", "noop('e')", "Epsilon"),
    ]

    def __init__(self, footer: Widget) -> None:
        super().__init__()
        self.footer = footer

    def compose(self) -> ComposeResult:
        yield self.footer

    def on_mount(self) -> None:
        for name in THEMES:
            self.register_theme(load_theme(ROOT / "themes" / f"{name}.toml"))

    def action_noop(self, key: str) -> None:
        pass

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "never" else True


Line = list[tuple[str, Style | None]]


async def _lines(footer: Widget) -> dict[tuple[str, int], Line]:
    """The footer's line in each theme with the mouse over each column of ``MOUSE_AT`` in
    turn: each cell's character and style (less the offsets Textual keeps for selecting
    text)."""
    app = Keys(footer)
    lines = {}
    async with app.run_test(size=(WIDTH, 5)) as pilot:
        for name in THEMES:
            app.theme = f"digest-{name}"
            for x in MOUSE_AT:
                await pilot.hover(offset=(x, 4))
                await pilot.pause()
                line = app.screen._compositor.render_strips()[-1]
                lines[name, x] = [
                    (character, _drawn(segment.style))
                    for segment in line
                    for character in segment.text
                ]
    return lines


def _drawn(style: Style | None) -> Style | None:
    """What of a style shows on the terminal."""
    if style is None:
        return None
    return Style(color=style.color, bgcolor=style.bgcolor, bold=style.bold, dim=style.dim)


async def test_the_footer_draws_as_textuals() -> None:
    ours = await _lines(Footer())
    textuals = await _lines(TextualFooter())
    for (theme, x), mine in ours.items():
        theirs = textuals[theme, x]
        assert "".join(c for c, _ in mine) == "".join(c for c, _ in theirs), "the same keys"
        assert mine == theirs, f"{theme}, the mouse at {x}: the same colours, hovered and dimmed"
