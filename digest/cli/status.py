"""What the ``digest`` command tells its user besides its output: exit codes, and one line
on stderr for each problem."""

import sys

from digest.errors import one_line

EXIT_OK = 0
"""Every input gave an article (or the command did all it was asked)."""
EXIT_SOME_FAILED = 1
"""At least one input failed (the others were still printed), or a command could not do all
it was asked."""
EXIT_USAGE = 2
"""The command line was wrong."""
EXIT_INTERRUPTED = 130
"""Ctrl+C stopped the run (128 + SIGINT, as shells report it); what was read was printed."""


def say(message: str) -> None:
    """One line on stderr, ``digest: message``, with any control character escaped."""
    print(f"digest: {one_line(message)}", file=sys.stderr)
