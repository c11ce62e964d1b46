"""``digest feeds add|list|remove``: the feed list read when ``digest`` is given no input.

digest feeds add URL|FILE.opml ...   add feeds; an OPML file adds every feed it lists
                                     (each is fetched first: what is not a feed is refused,
                                     unless --force)
digest feeds list                    print the feeds, one a line
digest feeds remove URL ...          remove feeds
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from digest.cli.status import EXIT_OK, EXIT_SOME_FAILED
from digest.errors import ConfigError, InputError, one_line
from digest.inputs.feedlist import (
    add_feeds,
    check_feeds,
    feeds_in,
    feeds_path,
    load_feeds,
    remove_feeds,
)


def add_parser(commands: Any) -> None:
    """Add ``feeds`` to the commands of the ``digest`` parser."""
    parser = commands.add_parser(
        "feeds",
        help="the feed list: add, list, remove",
        description=f"The feeds digest reads when it is given no input (kept in {feeds_path()}).",
        epilog="A folder named feeds is read as an input when written ./feeds.",
    )
    actions = parser.add_subparsers(dest="feeds_command", required=True, metavar="COMMAND")
    add = actions.add_parser(
        "add",
        help="add feeds by URL, or every feed an OPML file lists; each is fetched first and"
        " what is not a feed is refused",
    )
    add.add_argument("feeds", nargs="+", metavar="URL|OPML", help="a feed's URL or an OPML file")
    add.add_argument(
        "--force", action="store_true", help="add without fetching: what is not a feed too"
    )
    actions.add_parser("list", help="print the feeds, one a line")
    remove = actions.add_parser("remove", help="remove feeds")
    remove.add_argument("feeds", nargs="+", metavar="URL", help="a feed's URL as listed")


def run(args: argparse.Namespace) -> int:
    """Run ``digest feeds ...``; returns the exit code."""
    try:
        if args.feeds_command == "list":
            return _list()
        if args.feeds_command == "add":
            return _add(args.feeds, check=not args.force)
        return _remove(args.feeds)
    except ConfigError as err:
        print(f"digest: error: {err}", file=sys.stderr)
        return EXIT_SOME_FAILED


def _list() -> int:
    problems: list[str] = []
    feeds = load_feeds(problems)
    for problem in problems:
        print(f"digest: {problem}", file=sys.stderr)
    if not feeds:
        print("digest: no feeds yet; add one with: digest feeds add URL", file=sys.stderr)
    for url in feeds:
        print(url)
    return EXIT_OK


def _add(arguments: Sequence[str], *, check: bool = True) -> int:
    status = EXIT_OK
    wanted: list[str] = []
    for argument in arguments:
        try:
            wanted.extend(feeds_in(argument))
        except InputError as err:
            print(f"digest: {one_line(f'{argument}: {err}')}", file=sys.stderr)
            status = EXIT_SOME_FAILED
    if check:
        listed = set(load_feeds())
        problems = check_feeds([url for url in wanted if url not in listed])
        for url, problem in problems.items():
            if problem is not None:
                print(
                    f"digest: {one_line(f'{url}: {problem}')}; not added (--force adds it anyway)",
                    file=sys.stderr,
                )
                status = EXIT_SOME_FAILED
        wanted = [url for url in wanted if problems.get(url) is None]
    added = set(add_feeds(wanted))
    for url in dict.fromkeys(wanted):
        print(f"added {url}" if url in added else f"already listed {url}")
    return status


def _remove(urls: Sequence[str]) -> int:
    removed = set(remove_feeds(urls))
    status = EXIT_OK
    for url in dict.fromkeys(urls):
        if url in removed:
            print(f"removed {url}")
        else:
            print(f"digest: {one_line(url)}: not in the feed list", file=sys.stderr)
            status = EXIT_SOME_FAILED
    return status
