"""Small modal screens: the inputs that failed (and trying them again), every key binding
and what the marks on cards mean."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from digest.models import InputFailure


class ErrorsScreen(ModalScreen[str | None]):
    """The inputs that gave no article, and why; ``r`` reads them again (dismissed with
    ``"retry"`` for the digest screen to do it)."""

    BINDINGS = [
        Binding("escape,e,q", "dismiss", "Close", id="close"),
        Binding("r", "retry", "Try again", id="retry"),
    ]

    def __init__(self, failures: Sequence[InputFailure], *, can_retry: bool = False) -> None:
        super().__init__()
        self.failures = list(failures)
        self.can_retry = can_retry
        """Whether the inputs can be read again now (not while reading)."""

    def compose(self) -> ComposeResult:
        lines = [Content.assemble((f.input, "bold"), ": ", f.error) for f in self.failures] or [
            Content("No input failed.")
        ]
        note = "Esc closes" + (" · r tries them again" if self._retry_allowed() else "")
        with Vertical(classes="dialog", id="errors"):
            yield Static("Inputs that gave no article", classes="heading")
            with VerticalScroll():
                yield Static(Content("\n").join(lines))
            yield Static(Content.styled(note, "$text-muted"), classes="note")

    def _retry_allowed(self) -> bool:
        return self.can_retry and bool(self.failures)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return True if self._retry_allowed() else None
        return True

    def action_retry(self) -> None:
        if self._retry_allowed():
            self.dismiss("retry")

    def on_click(self) -> None:
        self.dismiss()


def legend() -> Content:
    """What the marks on cards and list lines mean, told without colour."""
    from digest.ui.widgets.article_list import SAVED_MARK, UNREAD_MARK

    rows = [
        (UNREAD_MARK, "unread (n goes to the next one)"),
        (SAVED_MARK, "saved (b; digest --saved lists them)"),
        ("new", "brought by the last refresh (R)"),
        ("person", "people on a card's fact line"),
        ("org", "organisations"),
        ("place", "places"),
        ("#", "numbers and what they count"),
        ("⚖", "sources give different figures"),
        ("⚠", "doubts about the extraction; ⚠ n failed (e): inputs that gave no article"),
    ]
    width = max(len(mark) for mark, _ in rows)
    lines = [
        Content.assemble((mark.ljust(width), "bold $text-accent"), "  ", meaning)
        for mark, meaning in rows
    ]
    return Content("\n").join([Content.styled("Marks", "bold"), *lines])


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
                yield Static(legend(), classes="note")
            yield Static(
                Content.styled(
                    "Mouse: click a card or a line to open it, the wheel moves between them."
                    " Esc closes.",
                    "$text-muted",
                ),
                classes="note",
            )

    def on_click(self) -> None:
        self.dismiss()
