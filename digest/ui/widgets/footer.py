"""The footer of the app's screens: Textual's, built again only when what it shows changes.

Textual's footer builds its keys anew each time the screen's bindings may have changed,
which is each time the focus moves: on the digest screen, each move to another card. The
keys it would show are the same almost every time, and building about twenty of them and
styling each took most of the time a key press on the digest screen cost.
"""

from __future__ import annotations

from textual.widgets import Footer as TextualFooter


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

    async def recompose(self) -> None:
        if not self.is_attached:  # Textual's own check: no screen to read bindings from
            return
        shows = self._shows()
        if shows == self._shown:
            return
        self._shown = shows
        await super().recompose()
