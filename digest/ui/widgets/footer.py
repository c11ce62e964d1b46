"""The footer of the app's screens: Textual's, built again only when what it shows changes.

Textual's footer builds its keys anew each time the screen's bindings may have changed,
which is each time the focus moves: on the digest screen, each move to another card. The
keys it would show are the same almost every time, and building about twenty of them and
styling each took most of the time a key press on the digest screen cost.

Each key is built in the style it ends with (compact or not): Textual's keys are built
compact and then told they are not, and each of the two changes styled the key again.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey


class Footer(TextualFooter):
    """Textual's footer, which keeps its keys while the ones it would show are the same."""

    _shown: tuple[object, ...] | None = None
    """What the keys shown now were built from (see :meth:`_shows`)."""

    def _shows(self) -> tuple[object, ...]:
        """All that :meth:`compose` reads: the bindings it shows with their keys as displayed,
        whether each is enabled and its tooltip, and the command palette's key."""
        app = self.app
        palette = app.COMMAND_PALETTE_BINDING
        bindings = tuple(
            (key, binding, app.get_key_display(binding), enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        )
        return (
            self._bindings_ready,
            self.show_command_palette,
            app.ENABLE_COMMAND_PALETTE,
            palette,
            bindings,
        )

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            # Textual binds every key but the command palette's to the footer's style.
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    async def recompose(self) -> None:
        if not self.is_attached:  # Textual's own check: no screen to read bindings from
            return
        shows = self._shows()
        if shows == self._shown:
            return
        self._shown = shows
        await super().recompose()
