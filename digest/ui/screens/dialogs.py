"""Small modal screens: the inputs that failed, and every key binding."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from digest.models import InputFailure


class ErrorsScreen(ModalScreen[None]):
    """The inputs that gave no article, and why."""

    BINDINGS = [Binding("escape,e,q", "dismiss", "Close", id="close")]

    def __init__(self, failures: Sequence[InputFailure]) -> None:
        super().__init__()
        self.failures = list(failures)

    def compose(self) -> ComposeResult:
        lines = [f"{f.input}: {f.error}" for f in self.failures] or ["No input failed."]
        with Vertical(classes="dialog", id="errors"):
            yield Static("Inputs that gave no article", classes="heading")
            with VerticalScroll():
                yield Static(Content("\n".join(lines)))
            yield Static(Content.styled("Esc closes", "$text-muted"), classes="note")

    def on_click(self) -> None:
        self.dismiss()


def binding_rows(screen: Screen[object]) -> list[tuple[str, str]]:
    """(keys, description) for every binding of ``screen`` and of the app, screen first."""
    app = screen.app
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for owner in (screen, app):
        for binding in owner.BINDINGS:
            if not isinstance(binding, Binding) or not binding.description:
                continue
            if binding.description in seen:
                continue
            seen.add(binding.description)
            keys = " ".join(app.get_key_display(Binding(key, "")) for key in binding.key.split(","))
            rows.append((keys, binding.description))
    rows.append(
        (app.get_key_display(Binding("ctrl+p", "")), "Command palette: every action, themes")
    )
    return rows


class HelpScreen(ModalScreen[None]):
    """Every key binding of the screen underneath, and the app's."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close", id="close")]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        rows = binding_rows(self.under)
        width = max(len(keys) for keys, _ in rows)
        lines = [
            Content.assemble((keys.ljust(width), "bold $text-accent"), "  ", description)
            for keys, description in rows
        ]
        with Vertical(classes="dialog", id="help"):
            yield Static("Keys", classes="heading")
            with VerticalScroll():
                yield Static(Content("\n").join(lines))
            yield Static(
                Content.styled(
                    "Mouse: click a card to open it, the wheel moves between cards. Esc closes.",
                    "$text-muted",
                ),
                classes="note",
            )

    def on_click(self) -> None:
        self.dismiss()
