"""The Textual app: a paginated digest of summary cards and a reader for one article.

    DigestApp -> DigestScreen (cards, pages, filter, sort) -> ReaderScreen (text, facts)

Articles are read in a thread worker through :func:`digest.library.refresh.iter_run`, the
same records the text output prints; cards appear as articles arrive. Failures show as a
notification and are kept for the errors view (``e``). Themes come from ``themes/`` and
the user's config folder; the last one chosen is remembered.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

if TYPE_CHECKING:
    from digest.library.refresh import Filters
    from digest.library.store import Library

from digest.ui.screens.dialogs import HelpScreen
from digest.ui.screens.digest import DigestScreen

DEFAULT_THEME = "digest-dark"
"""The theme of a first run, before the user has chosen one."""


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
        library: Library | None = None,
        offline: bool = False,
        filters: Filters | None = None,
    ) -> None:
        super().__init__()
        self.inputs = list(inputs)
        self.sentences = sentences
        self.remember = remember
        self.library = library
        self.offline = offline
        self.filters = filters
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

        # Messages that quote a file's values or names are shown as they are, not as markup.
        for problem in self.theme_problems:
            self.notify(
                problem, title="Theme not loaded", severity="warning", timeout=8, markup=False
            )
        _, unread = load_settings()
        if unread:
            self.notify(
                unread, title="Settings not read", severity="warning", timeout=8, markup=False
            )
        wanted = self.requested_theme or remembered_theme() or DEFAULT_THEME
        self.theme = self.theme_name(wanted) or DEFAULT_THEME
        if self.remember and self.requested_theme:
            self._remember(self.theme)
        self.theme_changed_signal.subscribe(self, lambda theme: self._remember(theme.name))
        self.digest_screen = DigestScreen(
            self.inputs,
            self.sentences,
            library=self.library,
            offline=self.offline,
            filters=self.filters,
        )
        self.push_screen(self.digest_screen)

    def _remember(self, name: str) -> None:
        if not self.remember:
            return
        from digest.config import remember_theme

        try:
            kept = remember_theme(name)
        except OSError as err:
            self.notify(f"could not save the theme choice: {err}", severity="warning", markup=False)
        else:
            if kept is not None:
                self.notify(
                    f"the unreadable settings file was kept as {kept}",
                    severity="warning",
                    timeout=8,
                    markup=False,
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
        """Quit with the command line's exit code: 1 when any input gave no article.

        Reading stops at once: requests in flight are ended, not waited for.
        """
        self.digest_screen.stop_reading()
        self.exit(1 if self.digest_screen.failures else 0)


def run(
    inputs: Sequence[str],
    *,
    theme: str | None = None,
    sentences: int = 3,
    library: Library | None = None,
    offline: bool = False,
    filters: Filters | None = None,
) -> int:
    """Open the app on ``inputs``; returns the exit code (1: an input failed; 2: a bad theme).

    With a library, articles are kept in it, ``r`` and ``b`` mark them read and saved, and
    stories show what is new since they were last opened; with no inputs, the library's
    articles are shown.
    """
    import sys

    app = DigestApp(
        inputs,
        theme=theme,
        sentences=sentences,
        library=library,
        offline=offline,
        filters=filters,
    )
    if theme and app.theme_name(theme) is None:
        names = ", ".join(sorted(app.available_themes))
        print(f"digest: error: no theme named {theme!r} (available: {names})", file=sys.stderr)
        return 2
    return app.run() or 0
