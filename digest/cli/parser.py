"""The command line of ``digest``: one argument parser, with ``feeds`` and ``library`` as
commands beside the inputs.

    digest [OPTIONS] INPUT...            read the inputs (no input: stdin, else the feed list)
    digest feeds add|list|remove ...     the feed list
    digest library info|prune ...        the library

A command is named by the first word only: ``digest feeds list`` is the command, while
``digest ./feeds`` (or any input before it: ``digest seeds/ feeds``) reads a folder named
``feeds``. Every other first word starts the inputs.
"""

from __future__ import annotations

import argparse
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Any

from digest import __version__
from digest.render import FORMATS, MIN_WIDTH

PACKAGE = Path(__file__).resolve().parent.parent
"""The folder of the ``digest`` package."""

_DESCRIPTION = """\
Turn news into a digest: readable articles, key facts and a short extractive summary.

Inputs can be saved web pages (HTML), pages copied as plain text, folders of them (read
recursively), http(s) URLs, feeds (RSS, Atom, JSON Feed: each entry's page is read) and
OPML lists of feeds, and - for standard input. What an input is, is told by its content,
not by its name. With no input, a pipe on standard input is read, or else the feed list
(digest feeds add|list|remove).
"""

_EPILOG = """\
formats:
  text      a digest for people (the default when stdout is not a terminal)
  markdown  the same digest as Markdown
  json      one JSON document: {"schema", "generated", "articles", "errors", "stories"}
  jsonl     one article per line as JSON; failures go to stderr only

exit codes:
  0    every input gave an article
  1    some inputs failed (one line each on stderr); the others were printed
  2    usage error
  130  stopped by Ctrl+C; what was read was printed

examples:
  digest seeds/ | less
  digest saved-page.html copied-article.txt https://example.org/story --format markdown > today.md
  curl -s https://example.org/story | digest - --format json | jq '.articles[0].facts.people'
  digest feeds add https://example.org/feed.xml subscriptions.opml && digest
  digest --unread --since 24h --format markdown     # from cron: the feed list, what is new
  digest --refresh 15                               # the app, reading the feeds again every 15 min
  digest library prune --older-than 30d             # also: digest library info
  digest ./feeds                                    # a folder named like a command
"""


def build(package: Path = PACKAGE) -> str:
    """Which build of digest runs: "compiled with mypyc" when compiled modules lie in the
    package (Python loads them instead of their ``.py`` files), else "plain Python"."""
    suffixes = tuple(EXTENSION_SUFFIXES)
    compiled = any(path.name.endswith(suffixes) for path in package.rglob("*"))
    return "compiled with mypyc" if compiled else "plain Python"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``digest`` and its commands."""
    parser = argparse.ArgumentParser(
        prog="digest",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _reading_options(parser, defaults=True)
    parser.set_defaults(inputs=[])
    commands: _InputsOrCommand = parser.add_subparsers(  # type: ignore[assignment]  # action= makes it one
        dest="command",
        metavar="INPUT",
        action=_InputsOrCommand,
        help="file, folder, URL, or - for stdin; a first word that names a command runs it:",
    )
    from digest.cli import feeds, library

    feeds.add_parser(commands)
    library.add_parser(commands)
    reading = argparse.ArgumentParser(
        prog="digest", usage=parser.format_usage().removeprefix("usage: "), add_help=False
    )
    reading.add_argument("-h", "--help", action=_HelpOf, nargs=0, main=parser)
    reading.add_argument("inputs", nargs="*")
    _reading_options(reading, defaults=False)
    commands.reading = reading
    return parser


class _InputsOrCommand(argparse._SubParsersAction):  # type: ignore[type-arg]  # argparse's own generic
    """The commands, where a first word that names none starts the inputs.

    argparse gives a subcommand every word after it, options included; when the first is not
    a command, those words are the inputs and reading options, read by :attr:`reading` (the
    same options, without defaults so that those given before the inputs stand).
    """

    reading: argparse.ArgumentParser

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A word that is no command is an input, not an "invalid choice" (typeshed types the
        # choices of subcommands as their parsers; argparse reads None as "any").
        self.choices = None  # type: ignore[assignment]

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        if values[0] in self._name_parser_map:
            super().__call__(parser, namespace, values, option_string)
            return
        found, extras = self.reading.parse_known_args(values)
        for name, value in vars(found).items():
            setattr(namespace, name, value)
        if extras:
            # Handed back as argparse's subcommands hand theirs: the main parser names them.
            vars(namespace).setdefault(argparse._UNRECOGNIZED_ARGS_ATTR, []).extend(extras)


class _HelpOf(argparse.Action):
    """``-h`` after the inputs: the help of the whole command."""

    def __init__(self, *args: Any, main: argparse.ArgumentParser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.main = main

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        self.main.print_help()
        parser.exit()


class _Version(argparse.Action):
    """``--version``, with which build runs (looked up only when asked)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        print(f"digest {__version__} ({build()})")
        parser.exit()


def _reading_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    """Add the options of reading inputs, with their defaults or (``defaults=False``) none."""

    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default=default(None),
        help="print the digest in this format instead of opening the app",
    )
    parser.add_argument(
        "-n",
        "--sentences",
        type=positive,
        default=default(3),
        metavar="N",
        help="summary sentences per article (default: 3)",
    )
    parser.add_argument(
        "-w",
        "--width",
        type=columns,
        default=default(None),
        metavar="COLS",
        help=f"wrap text output at COLS columns, {MIN_WIDTH} or more (default: the terminal's"
        " width, or 80)",
    )
    tui = parser.add_mutually_exclusive_group()
    tui.add_argument(
        "--tui",
        dest="tui",
        action="store_true",
        default=default(None),
        help="open the app even when piped",
    )
    tui.add_argument(
        "--no-tui",
        dest="tui",
        action="store_false",
        default=default(None),
        help="print text instead of opening the app",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=positive,
        default=default(None),
        metavar="N",
        help=(
            "read N articles at once, in N processes when there are enough to pay for"
            " starting them (default: one a core; 1: in this process)"
        ),
    )
    parser.add_argument(
        "--theme",
        metavar="NAME",
        default=default(None),
        help="the app's theme for this run (dark, light, high-contrast, or your own);"
        " one chosen in the app is remembered",
    )
    parser.add_argument(
        "--refresh",
        type=minutes,
        default=default(None),
        metavar="MINUTES",
        help="in the app, read the inputs again every MINUTES (R does it at once)",
    )
    library = parser.add_argument_group(
        "library",
        "Pages and articles are kept in a local library, so a later run asks servers only for"
        " what changed. With no input, --offline and --saved read the library alone.",
    )
    library.add_argument(
        "--offline",
        action="store_true",
        default=default(False),
        help="never use the network: URLs and feeds come from the library",
    )
    library.add_argument(
        "--unread",
        action="store_true",
        default=default(False),
        help="only articles not marked read (in the app: U, a choice it remembers)",
    )
    library.add_argument(
        "--saved",
        action="store_true",
        default=default(False),
        help="only saved articles (b in the app)",
    )
    library.add_argument(
        "--since",
        type=age,
        default=default(None),
        metavar="AGE",
        help="only articles published in the last AGE (30m, 24h, 7d, 2w)",
    )
    library.add_argument(
        "--no-library",
        dest="use_library",
        action="store_false",
        default=default(True),
        help="neither read nor write the library",
    )
    parser.add_argument(
        "-V", "--version", action=_Version, nargs=0, help="show the version and exit"
    )


def positive(text: str) -> int:
    """A whole number of 1 or more, for argparse."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {text!r}")
    return value


def minutes(text: str) -> float:
    """A number of minutes from 0.1 to a week, for argparse."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of minutes: {text!r}") from None
    if not 0.1 <= value <= 7 * 24 * 60:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"must be from 0.1 to 10080 minutes: {text!r}")
    return value


def columns(text: str) -> int:
    """A text width in columns, at least :data:`digest.render.MIN_WIDTH`, for argparse."""
    value = positive(text)
    if value < MIN_WIDTH:
        raise argparse.ArgumentTypeError(
            f"must be {MIN_WIDTH} or more: {text!r} (narrower text cannot hold its indents)"
        )
    return value


def age(text: str) -> float:
    """An age such as ``30d`` in seconds, for argparse."""
    from digest.library.store import parse_age

    try:
        return parse_age(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
