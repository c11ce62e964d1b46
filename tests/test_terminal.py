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

import pytest

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
    args: list[str], keys: list[str], home: Path, shown_first: bytes = b"Page "
) -> tuple[int, bytes]:
    """Run ``digest ARGS --tui`` in a pty, press ``keys`` once ``shown_first`` has been written and
    the screen has settled (each key followed by a pause), and return the exit status and
    every byte written."""
    environment = {
        **os.environ,
        "TERM": "xterm-256color",
        "DIGEST_CONFIG_DIR": str(home / "config"),
        "DIGEST_DATA_DIR": str(home / "data"),
    }
    environment.pop("NO_COLOR", None)
    pid, master = pty.fork()
    if pid == 0:  # the child: the app, in the terminal
        try:
            os.execve(sys.executable, [sys.executable, "-m", "digest", *args, "--tui"], environment)
        finally:
            os._exit(127)
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    written = bytearray()
    status: int | None = None
    started = time.monotonic()
    pending = list(keys)
    quiet_since = time.monotonic()
    last_key = time.monotonic()
    answered = True  # the app has written since the last key (on a busy machine it can take
    # longer than the pause to answer one; the next key waits for it)
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
                answered = True
            now = time.monotonic()
            # A key once the screen has been quiet half a second, or, on a machine so busy
            # that the app is still redrawing, three seconds after the last key.
            if (
                pending
                and answered
                and shown_first in written
                and (now - quiet_since > 0.5 or now - last_key > 3.0)
            ):
                os.write(master, pending.pop(0).encode())
                quiet_since = last_key = time.monotonic()
                answered = False
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
    assert status is not None, f"the app did not end; it wrote: {bytes(written[-2000:])!r}"
    assert not pending, "the app never settled enough for every key to be pressed"
    return status, bytes(written)


@pytest.mark.parametrize(
    ("inputs", "keys", "ready", "shown"),
    [
        # A card, then the reader (Enter), back (Escape), quit. Keys wait for the card's
        # title: on a busy machine the pager is drawn seconds before the cards, and an Enter
        # pressed on no card opens nothing, so the Escape after it is never answered.
        (
            ["escapes.html", "escapes.txt"],
            ["\r", "\x1b", "q"],
            b"Council budget",
            b"Council budget",
        ),
        # Every entry fails; the errors view (e) lists them; quit. Keys wait for "No articles",
        # written once the feed has been read through: the "n failed" count shows from the
        # first failure on, and an errors view opened then lists only the entries failed so far.
        (["markup-guid.rss"], ["e", "\x1b", "q"], b"No articles", b"[/x]"),
    ],
)
def test_the_app_writes_no_escape_sequence_from_a_page(
    inputs: list[str], keys: list[str], ready: bytes, shown: bytes, tmp_path: Path
) -> None:
    status, written = run_in_terminal(
        [str(HOSTILE / name) for name in inputs], keys, tmp_path, ready
    )
    assert status in (0, 1)  # 1: some input gave no article
    assert shown in written  # what the page says is there, as text
    own = re.sub(rb"\x1b\]22;[a-z-]*\x07", b"", written)  # Textual sets the mouse pointer
    found = [what for what, sequence in FORBIDDEN.items() if sequence in own]
    assert found == []
