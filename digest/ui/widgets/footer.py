"""The footer of the app's screens: the keys of the focused widget, drawn by one widget.

Textual's footer is a container of one widget per key shown (about ten here), each styled,
laid out and drawn on its own and all built anew whenever the keys shown change: typing "/"
in the filter box or opening the reader cost more in the footer than in the rest of the
screen. This footer draws the same line itself, from the same theme variables
(``$footer-key-foreground``, ``$footer-description-foreground``, ``$footer-background``...),
and does what Textual's keys do: a click on a key runs it (a dimmed key rings the bell
instead), the key under the mouse is highlighted and shows its binding's tooltip, and the
mouse wheel scrolls keys cut off on a narrow terminal into view.

As Textual's, it shows one key per action, in the order of the screen's bindings, the
command palette's key docked on the right, and draws again only when what it shows changes
(on the digest screen, moving to another card changes nothing). What digest does not use is
left out: the compact style, and binding groups (a grouped binding is drawn as a plain key).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.color import Color
from textual.strip import Strip
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen


class ShownKey(NamedTuple):
    """A key the footer shows."""

    key: str
    """The key, as a key press names it (``"slash"``)."""
    display: str
    """The key as shown (``"/"``)."""
    description: str
    action: str
    enabled: bool
    """False: the key would do nothing now (dimmed; a click on it rings the bell)."""
    tooltip: str
    """Shown when the mouse rests on the key; ``""``: none."""


class Footer(Widget, can_focus=False):
    """The keys of the screen's focused widget, in one line at the bottom of the screen."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "footer--key",
        "footer--description",
        "footer--item",
        "footer--hover",
        "footer--separator",
    }
    # Textual's footer and its keys' styles (textual/widgets/_footer.py), one rule each.
    DEFAULT_CSS = """
    Footer {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .footer--item {
            background: $footer-item-background;
        }
        .footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .footer--separator {
            color: $foreground 20%;
        }
    }
    """

    _keys: tuple[ShownKey, ...] = ()
    """The keys shown left of the command palette's."""
    _palette: ShownKey | None = None
    """The command palette's key, docked on the right."""
    _shown: tuple[ShownKey, ...] = ()
    """Both, as :meth:`shown_keys` gives them."""
    _mouse_over = False
    """Whether the mouse is over the footer (the key under it is highlighted)."""
    _scroll_x = 0
    """How many cells the keys are scrolled left (by the mouse wheel)."""
    _hovered: ShownKey | None = None
    """The key the mouse was last seen over (whose tooltip is set)."""

    def shown_keys(self) -> tuple[ShownKey, ...]:
        """The keys shown, left to right, the command palette's last: the same object as
        long as what is shown does not change."""
        return self._shown

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        # As Textual's footer: not while the app is out of focus, and after the screen
        # has settled.
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._update_keys)

    def _update_keys(self) -> None:
        if not self.is_attached:
            return
        app = self.app
        active = self.screen.active_bindings
        first: dict[str, ShownKey] = {}
        for _, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in first:
                first[binding.action] = ShownKey(
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    enabled,
                    tooltip,
                )
        keys = tuple(first.values())
        palette = None
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _, binding, enabled, _ = active[app.COMMAND_PALETTE_BINDING]
            palette = ShownKey(
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                enabled,
                binding.tooltip or binding.description,
            )
        if keys == self._keys and palette == self._palette:
            return
        self._keys, self._palette = keys, palette
        self._shown = keys if palette is None else (*keys, palette)
        self._hover()
        self.refresh()

    @staticmethod
    def _width(key: ShownKey) -> int:
        if key.description:
            return cell_len(f" {key.display} {key.description} ")
        return cell_len(key.display)

    @staticmethod
    def _palette_description(key: ShownKey) -> str:
        # Textual draws the palette's key compact: no padding around the key.
        return f" {key.description}" if key.description else ""

    def _keys_width(self) -> int:
        """The cells left of the command palette's key: its left border, the key, its
        description and one cell of padding."""
        palette = self._palette
        if palette is None:
            return self.size.width
        drawn = 1 + cell_len(palette.display + self._palette_description(palette)) + 1
        return max(0, self.size.width - drawn)

    def _scrolled(self) -> int:
        """How many cells the keys are scrolled left, at most what is cut off on the right."""
        cut = sum(map(self._width, self._keys)) - self._keys_width()
        return max(0, min(self._scroll_x, cut))

    def _key_at(self, x: int) -> ShownKey | None:
        """The key drawn at ``x`` (in the footer)."""
        if not 0 <= x < self.size.width:
            return None
        if x >= self._keys_width():
            return self._palette
        end = -self._scrolled()
        for key in self._keys:
            end += self._width(key)
            if x < end:
                return key
        return None

    def _hover(self) -> None:
        """Highlight the key under the mouse and set its tooltip, if it is another key."""
        under = None
        if self._mouse_over:
            under = self._key_at(self.app.mouse_position.x - self.region.x)
        if under == self._hovered:
            return
        self._hovered = under
        self.tooltip = (under.tooltip or None) if under else None
        self.styles.pointer = "default" if under is None else "pointer"
        self.refresh()

    def on_enter(self, event: events.Enter) -> None:
        self._mouse_over = True
        self._hover()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._mouse_over = True
        self._hover()

    def on_leave(self, event: events.Leave) -> None:
        self._mouse_over = False
        self._hover()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def _scroll_by(self, cells: float, event: events.MouseEvent) -> None:
        scrolled = self._scrolled()
        self._scroll_x = max(0, scrolled + round(cells))
        if self._scrolled() != scrolled:
            self._hover()
            self.refresh()
            event.stop()
            event.prevent_default()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._scroll_by(self.app.scroll_sensitivity_x, event)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._scroll_by(-self.app.scroll_sensitivity_x, event)

    def render_line(self, y: int) -> Strip:
        # The styles Textual's FooterKey draws with: over the footer's background, the key's
        # own (the hover's under the mouse), then the key's and the description's; dimmed
        # when the key would do nothing.
        _, footer = self.background_colors
        item = self.get_component_styles("footer--item").background
        hover = self.get_component_styles("footer--hover").background
        parts = [self.get_component_styles(name) for name in ("footer--key", "footer--description")]
        dim = Style(dim=True)

        def styles(key: ShownKey) -> tuple[Color, Style, Style]:
            background = footer + (hover if key == self._hovered else item)
            key_style, description_style = (
                part.text_style
                + (Style() if key.enabled else dim)
                + Style.from_color(
                    (background + part.background + part.color).rich_color,
                    (background + part.background).rich_color,
                )
                for part in parts
            )
            return background, key_style, description_style

        segments = []
        for key in self._keys:
            _, key_style, description_style = styles(key)
            if key.description:
                segments.append(Segment(f" {key.display} ", key_style))
                segments.append(Segment(f"{key.description} ", description_style))
            else:
                segments.append(Segment(key.display, key_style))
        keys_width = self._keys_width()
        scrolled = self._scrolled()
        line = Strip(segments).crop(scrolled, scrolled + keys_width)
        line = line.extend_cell_length(keys_width, Style(bgcolor=footer.rich_color))
        if self._palette is not None:
            key = self._palette
            background, key_style, description_style = styles(key)
            separator = footer + self.get_component_styles("footer--separator").color
            palette = Strip(
                [
                    Segment("▏", Style.from_color(separator.rich_color, background.rich_color)),
                    Segment(key.display, key_style),
                    Segment(self._palette_description(key), description_style),
                    Segment(" ", Style(bgcolor=background.rich_color)),
                ]
            )
            # Docked on the right: on a footer narrower than it, its left is cut off.
            line = Strip.join([line, palette.crop(max(0, palette.cell_length - self.size.width))])
        return line.crop(0, self.size.width)
