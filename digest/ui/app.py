"""The Textual app: a digest of summary cards or a dense list, and a reader for one article.

    DigestApp -> DigestScreen (cards or list, pages, filter, sort, unread, refresh)
              -> ReaderScreen (text, facts; next and previous article)

Articles are read in a thread worker through :func:`digest.library.refresh.iter_run`, the
same records the text output prints; they appear as they arrive. Failures show as one
notification a burst and are kept for the errors view (``e``), which can try them again.
Themes come from ``themes/`` and the user's config folder. The theme, view, sort and
"only unread" the user chooses in the app are remembered; a ``--theme`` given on the
command line is for that run only.
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
    from digest.readers import ReaderPool

from digest.ui.screens.dialogs import HelpScreen
from digest.ui.screens.digest import DigestScreen
from digest.ui.view import SORTS, VIEWS

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
        refresh_minutes: float | None = None,
        readers: ReaderPool | None = None,
    ) -> None:
        super().__init__()
        self.inputs = list(inputs)
        self.sentences = sentences
        self.remember = remember
        """Whether the user's choices are saved (tests and benchmarks leave them alone)."""
        self.library = library
        self.offline = offline
        self.filters = filters
        self.refresh_minutes = refresh_minutes
        self.readers = readers
        """Worker processes that read documents (the caller's, closed by it); ``None``:
        they are read in the app's reading thread."""
        if readers is not None:
            readers.prepare()  # before the app captures standard error
        self.theme_problems = self._load_themes()
        # A theme from the command line is for this run; one chosen in the app is kept. Set
        # before the app starts: set once it runs, Textual parsed all its CSS a second time.
        from digest.config import remembered_theme

        wanted = theme or remembered_theme() or DEFAULT_THEME
        self.theme = self.theme_name(wanted) or DEFAULT_THEME
        self._opening_theme: str | None = self.theme

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
        from digest.config import load_settings, remembered

        # Messages that quote a file's values or names are shown as they are, not as markup.
        for broken in self.theme_problems:
            self.notify(
                broken, title="Theme not loaded", severity="warning", timeout=8, markup=False
            )
        _, unread = load_settings()
        if unread:
            self.notify(
                unread, title="Settings not read", severity="warning", timeout=8, markup=False
            )
        self.theme_changed_signal.subscribe(self, lambda theme: self._theme_chosen(theme.name))
        self.digest_screen = DigestScreen(
            self.inputs,
            self.sentences,
            library=self.library,
            offline=self.offline,
            filters=self.filters,
            showing=remembered("view", VIEWS) or "cards",
            order=remembered("sort", SORTS) or "given",
            unread_only=bool(remembered("unread_only", (True, False))),
            refresh_minutes=self.refresh_minutes,
            readers=self.readers,
        )
        self.push_screen(self.digest_screen)

    def _theme_chosen(self, name: str) -> None:
        """Remember a theme the user chose in the app (not the one the app opened with)."""
        if name == self._opening_theme:
            return
        self._opening_theme = None
        self.save_choice("theme", name)

    def save_choice(self, key: str, value: object) -> None:
        """Remember a choice of the user's in the settings (a failure is a notice)."""
        if not self.remember:
            return
        from digest.config import remember

        try:
            kept = remember(key, value)
        except OSError as err:
            self.notify(f"could not save the {key} choice: {err}", severity="warning", markup=False)
        else:
            if kept is not None:
                self.notify(
                    f"the unreadable settings file was kept as {kept}",
                    severity="warning",
                    timeout=8,
                    markup=False,
                )

    def deliver_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        """Save an SVG of the screen in ``<data folder>/screenshots`` and say where."""
        from pathlib import Path

        from digest.library.store import data_dir

        folder = Path(path) if path else data_dir() / "screenshots"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            saved = self.save_screenshot(filename, str(folder), time_format)
        except OSError as err:
            self.notify(
                f"Could not save a screenshot in {folder}: {err.strerror or err}",
                title="Screenshot",
                severity="error",
                markup=False,
            )
            return None
        self.notify(f"Saved in {saved}", title="Screenshot", timeout=6, markup=False)
        return saved

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
    refresh_minutes: float | None = None,
    readers: ReaderPool | None = None,
) -> int:
    """Open the app on ``inputs``; returns the exit code (1: an input failed; 2: a bad theme).

    With a library, articles are kept in it, read and saved state is remembered, and
    stories show what is new since they were last opened; with no inputs, the library's
    articles are shown. ``refresh_minutes`` reads the inputs again that often; ``readers``
    are the worker processes that read documents (started before the app, closed after).
    """
    import sys

    app = DigestApp(
        inputs,
        theme=theme,
        sentences=sentences,
        library=library,
        offline=offline,
        filters=filters,
        refresh_minutes=refresh_minutes,
        readers=readers,
    )
    if theme and app.theme_name(theme) is None:
        names = ", ".join(sorted(app.available_themes))
        print(f"digest: error: no theme named {theme!r} (available: {names})", file=sys.stderr)
        return 2
    return app.run() or 0
