"""The ``digest`` command: read inputs into a digest (``read``), or run a command on the
feed list (``feeds``) or the library (``library``); ``parser`` holds the one argument parser
of them all and ``status`` the exit codes.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from digest.cli.parser import build, build_parser
from digest.cli.status import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_SOME_FAILED",
    "EXIT_USAGE",
    "build",
    "build_parser",
    "main",
]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command == "feeds":
        from digest.cli import feeds

        return feeds.run(args)
    if args.command == "library":
        from digest.cli import library

        return library.run(args)
    from digest.cli import read

    return read.run(args, parser)
