"""``digest library info`` and ``digest library prune --older-than AGE``: the library."""

from __future__ import annotations

import argparse
from typing import Any

from digest.cli.status import EXIT_OK, EXIT_SOME_FAILED, say
from digest.render import counted


def add_parser(commands: Any) -> None:
    """Add ``library`` to the commands of the ``digest`` parser."""
    from digest.cli.parser import age

    parser = commands.add_parser(
        "library",
        help="the library: info, prune",
        description="The local library of pages and articles.",
    )
    actions = parser.add_subparsers(dest="library_command", required=True, metavar="COMMAND")
    prune = actions.add_parser(
        "prune", help="forget articles and pages older than AGE (saved articles stay)"
    )
    prune.add_argument(
        "--older-than", type=age, required=True, metavar="AGE", help="30d, 2w, 24h..."
    )
    actions.add_parser("info", help="where the library is and what it holds")


def run(args: argparse.Namespace) -> int:
    """Run ``digest library ...``; returns the exit code."""
    from digest.library.store import Library, LibraryError, library_path

    try:
        with Library.open() as library:
            if args.library_command == "prune":
                articles, pages = library.prune(args.older_than)
                removed = f"{counted(articles, 'article')} and {counted(pages, 'page')}"
                print(f"removed {removed} from {library.path}")
            else:
                articles, pages = library.counts()
                print(f"{library_path()}: {counted(articles, 'article')}, {counted(pages, 'page')}")
    except LibraryError as err:
        say(str(err))
        return EXIT_SOME_FAILED
    return EXIT_OK
