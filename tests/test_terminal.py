"""The app in a real pseudo-terminal, fed hostile pages: the bytes it writes are checked.

A terminal acts on what it is sent: ``ESC ] 52`` sets the clipboard, U+202E reverses the
text after it. These tests run ``digest --tui`` in a pty (no network; config and data in a
temporary folder), press keys as a user would, read every byte the app writes, and check
that none of them is such a sequence, and that no traceback is written.
"""

from __future__ import annotations

import os
import re
import select
import signal
import struct
import sys
import time
from pathlib import Path

import pyte
import pytest

from tests.conftest import SEEDS

pty = pytest.importorskip("pty")
fcntl = pytest.importorskip("fcntl")
termios = pytest.importorskip("termios")

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"

FORBIDDEN = {
    "OSC 52 (sets the clipboard)": b"\x1b]52",
    "OSC 8 (a hidden link)": b"\x1b]8;",
    "clear screen from a page": b"\x1b[2J\x1b[H",
    "C1 CSI": "\u009b".encode(),
    "RIGHT-TO-LEFT OVERRIDE": "\u202e".encode(),
    "a bell (but ending the app's own pointer shape, OSC 22)": b"\x07",
    "a traceback": b"Traceback",
}


def run_in_terminal(
    args: list[str], steps: list[tuple[bytes, str]], home: Path
) -> tuple[int, bytes]:
    """Run ``digest ARGS --tui`` in a pty, in the folder of the hostile fixtures, and play
    ``steps``: each is (what the screen must show, the key then pressed). A key is pressed once
    its text has been written since the key before it and the screen has been quiet a moment, so
    a key never lands on a screen not yet drawn (on a busy machine an unrelated redraw can answer
    a key long before the screen it opens). Returns the exit status and every byte written."""
    environment = {
        **os.environ,
        "TERM": "xterm-256color",
        "DIGEST_CONFIG_DIR": str(home / "config"),
        "DIGEST_DATA_DIR": str(home / "data"),
    }
    environment.pop("NO_COLOR", None)
    # The terminal's own size, set below: COLUMNS and LINES would override it (pytest-xdist
    # sets them to 80 and 24 in its workers).
    environment.pop("COLUMNS", None)
    environment.pop("LINES", None)
    pid, master = pty.fork()
    if pid == 0:  # the child: the app, in the terminal
        try:
            # The size is set here, before the app can ask for it (the parent may run later),
            # and the inputs are named from their folder: a name's length must not decide
            # where the errors view folds it (a long checkout path split "[/x]" in two).
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
            os.chdir(HOSTILE)
            os.execve(sys.executable, [sys.executable, "-m", "digest", *args, "--tui"], environment)
        finally:
            os._exit(127)
    written = bytearray()
    status: int | None = None
    started = time.monotonic()
    pending = list(steps)
    since = 0  # where the text the next key waits for is looked for: after the last key
    quiet_since = time.monotonic()
    try:
        while time.monotonic() - started < 60:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the app has ended and closed the terminal
                    break
                if not chunk:
                    break
                written += chunk
                quiet_since = time.monotonic()
            if (
                pending
                and pending[0][0] in written[since:]
                and time.monotonic() - quiet_since > 0.3
            ):
                since = len(written)
                os.write(master, pending.pop(0)[1].encode())
                quiet_since = time.monotonic()
        done, raw = os.waitpid(pid, os.WNOHANG)
        if done == 0:
            for _ in range(50):
                done, raw = os.waitpid(pid, os.WNOHANG)
                if done:
                    break
                time.sleep(0.1)
        if done:
            status = os.waitstatus_to_exitcode(raw)
    finally:
        if status is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(master)
    assert not pending, (
        f"{pending[0][0]!r} was never shown, so {pending[0][1]!r} was not pressed; the app wrote "
        f"{bytes(written[-2000:])!r}"
    )
    assert status is not None, f"the app did not end; it wrote: {bytes(written[-2000:])!r}"
    return status, bytes(written)


@pytest.mark.parametrize(
    ("inputs", "steps", "shown"),
    [
        # The card (its title), then the reader (Enter; its footer), back (Escape; the digest's
        # footer), quit.
        (
            ["escapes.html", "escapes.txt"],
            [(b"Council budget", "\r"), (b"Next article", "\x1b"), (b"Filter", "q")],
            b"Council budget",
        ),
        # Every entry fails: once the feed is read through ("No articles"), the errors view (e)
        # lists them (its heading), then Escape, quit. The "n failed" count shows from the first
        # failure on, so it is no sign that the feed has been read through.
        (
            ["markup-guid.rss"],
            [(b"No articles", "e"), (b"gave no article", "\x1b"), (b"Filter", "q")],
            b"[/x]",
        ),
    ],
)
def test_the_app_writes_no_escape_sequence_from_a_page(
    inputs: list[str], steps: list[tuple[bytes, str]], shown: bytes, tmp_path: Path
) -> None:
    status, written = run_in_terminal(inputs, steps, tmp_path)
    assert status in (0, 1)  # 1: some input gave no article
    assert shown in written  # what the page says is there, as text
    own = re.sub(rb"\x1b\]22;[a-z-]*\x07", b"", written)  # Textual sets the mouse pointer
    found = [what for what, sequence in FORBIDDEN.items() if sequence in own]
    assert found == []


def test_moving_the_selection_draws_both_cards_again_on_the_terminal(tmp_path: Path) -> None:
    """j moves the selection to the second card: in the terminal (its screen rebuilt from every
    byte written, by a terminal emulator) the second card is highlighted and the first is not
    any more. The app draws only what changed; a card left undrawn would stay highlighted."""
    steps = [(b"Page 1/3", "j"), (b"Obama admits", "q")]
    status, written = run_in_terminal([str(SEEDS)], steps, tmp_path)
    assert status == 0
    screen = pyte.Screen(100, 30)
    # The screen as last drawn: up to where the app leaves the alternate screen on quitting,
    # less the keyboard protocol's "CSI > 25 u" and "CSI < u", which pyte would print as a "u".
    drawn = re.sub(rb"\x1b\[[<>=][0-9;]*u", b"", written[: written.rfind(b"\x1b[?1049l")])
    pyte.ByteStream(screen).feed(drawn)
    shown = "\n".join(screen.display)

    def background(title: str) -> str:
        row = next((y for y, line in enumerate(screen.display) if title in line), None)
        assert row is not None, f"{title!r} is not on the screen:\n{shown}"
        return str(screen.buffer[row][screen.display[row].index(title)].bg)

    first, second, third = (background(t) for t in ("NATO defence", "Obama admits", "Le projet"))
    assert first == third != second, f"the second card alone is highlighted after j:\n{shown}"
