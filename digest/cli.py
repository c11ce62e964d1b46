"""The ``digest`` command.

When standard output is a terminal, ``digest INPUT...`` opens the Textual app; otherwise
(or with ``--no-tui`` or an explicit ``--format``) it prints the digest. The app is
imported only when it opens, so ``digest ... | cat`` never pays for Textual.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from digest import __version__
from digest.errors import one_line
from digest.models import Article
from digest.render import FORMATS, MIN_WIDTH, counted

if TYPE_CHECKING:
    from digest.readers import ReaderPool
    from digest.refresh import Filters
    from digest.store import Library

EXIT_OK = 0
"""Every input gave an article."""
EXIT_SOME_FAILED = 1
"""At least one input failed; the others were still printed."""
EXIT_USAGE = 2
"""The command line was wrong."""
EXIT_INTERRUPTED = 130
"""Ctrl+C stopped the run (128 + SIGINT, as shells report it); what was read was printed."""

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
"""


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {text!r}")
    return value


def _minutes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of minutes: {text!r}") from None
    if not 0.1 <= value <= 7 * 24 * 60:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"must be from 0.1 to 10080 minutes: {text!r}")
    return value


def _columns(text: str) -> int:
    value = _positive(text)
    if value < MIN_WIDTH:
        raise argparse.ArgumentTypeError(
            f"must be {MIN_WIDTH} or more: {text!r} (narrower text cannot hold its indents)"
        )
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to document the command in README)."""
    parser = argparse.ArgumentParser(
        prog="digest",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs", nargs="*", metavar="INPUT", help="file, folder, URL, or - for stdin"
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="print the digest in this format instead of opening the app",
    )
    parser.add_argument(
        "-n",
        "--sentences",
        type=_positive,
        default=3,
        metavar="N",
        help="summary sentences per article (default: 3)",
    )
    parser.add_argument(
        "-w",
        "--width",
        type=_columns,
        metavar="COLS",
        help=f"wrap text output at COLS columns, {MIN_WIDTH} or more (default: the terminal's"
        " width, or 80)",
    )
    tui = parser.add_mutually_exclusive_group()
    tui.add_argument(
        "--tui", dest="tui", action="store_true", default=None, help="open the app even when piped"
    )
    tui.add_argument(
        "--no-tui", dest="tui", action="store_false", help="print text instead of opening the app"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        metavar="N",
        help="read N articles at once, in N processes (default: one a core; 1: in this process)",
    )
    parser.add_argument(
        "--theme",
        metavar="NAME",
        help="the app's theme for this run (dark, light, high-contrast, or your own);"
        " one chosen in the app is remembered",
    )
    parser.add_argument(
        "--refresh",
        type=_minutes,
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
        help="never use the network: URLs and feeds come from the library",
    )
    library.add_argument(
        "--unread",
        action="store_true",
        help="only articles not marked read (in the app: U, a choice it remembers)",
    )
    library.add_argument("--saved", action="store_true", help="only saved articles (b in the app)")
    library.add_argument(
        "--since",
        type=_age,
        metavar="AGE",
        help="only articles published in the last AGE (30m, 24h, 7d, 2w)",
    )
    library.add_argument(
        "--no-library",
        dest="use_library",
        action="store_false",
        help="neither read nor write the library",
    )
    parser.add_argument(
        "-V", "--version", action=_Version, nargs=0, help="show the version and exit"
    )
    return parser


class _Version(argparse.Action):
    """``--version``, with whether facts and summary run compiled (read only when asked)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        from digest.native import describe

        print(f"digest {__version__} ({describe()})")
        parser.exit()


def _piped_stdin() -> bool:
    """Whether standard input brings a document: a pipe or a non-empty file.

    Not a terminal, and not ``/dev/null`` or an empty file as cron and service managers
    give: then the feed list is read instead.
    """
    import stat

    if sys.stdin is None:
        return False
    try:
        if sys.stdin.isatty():
            return False
        mode = os.fstat(sys.stdin.fileno())
    except (OSError, ValueError):
        return False
    return (
        stat.S_ISFIFO(mode.st_mode)
        or stat.S_ISSOCK(mode.st_mode)
        or (stat.S_ISREG(mode.st_mode) and mode.st_size > 0)
    )


def _age(text: str) -> float:
    from digest.store import parse_age

    try:
        return parse_age(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _width(requested: int | None) -> int:
    if requested:
        return requested
    if sys.stdout.isatty():
        return min(shutil.get_terminal_size((80, 24)).columns, 100)
    return 80


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["feeds"] and argv[1:2] in (["add"], ["list"], ["remove"]):
        from digest.feedlist import main as feeds_main

        return feeds_main(argv[1:])
    if argv[:1] == ["library"] and argv[1:2] in (["prune"], ["info"]):
        return _library_command(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    inputs: list[str] = list(args.inputs)
    library_only = not inputs and (args.offline or args.saved)
    if library_only and not args.use_library:
        print(
            "digest: error: --offline and --saved with no input read the library;"
            " drop --no-library",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if not inputs and not library_only:
        if _piped_stdin():
            inputs = ["-"]
        else:
            from digest.errors import ConfigError
            from digest.feedlist import load_feeds

            problems: list[str] = []
            try:
                inputs = load_feeds(problems)
            except ConfigError as err:
                _say(f"error: {err}")
                return EXIT_USAGE
            for line in problems:
                _say(line)
            if not inputs:
                parser.print_usage(sys.stderr)
                print(
                    "digest: error: no input given (a file, folder, URL or - for stdin),"
                    " and no feeds listed: add one with: digest feeds add URL",
                    file=sys.stderr,
                )
                return EXIT_USAGE
    if inputs.count("-") > 1:
        print("digest: error: - (standard input) can be given only once", file=sys.stderr)
        return EXIT_USAGE

    open_app = args.tui if args.tui is not None else (args.format is None and sys.stdout.isatty())
    if open_app and "-" in inputs:
        print("digest: error: the app cannot read standard input; use --no-tui", file=sys.stderr)
        return EXIT_USAGE
    from digest.refresh import Filters

    filters = Filters(unread=args.unread, saved=args.saved, since=args.since)
    needed = library_only or args.offline or filters.unread or filters.saved
    library, problem = _open_library(args.use_library, needed=needed)
    if problem is not None:
        _say(problem)
        if needed:
            return EXIT_SOME_FAILED
    readers = None
    if inputs:  # the library alone is not read again
        from digest.readers import ReaderPool

        # In the app, the workers start after the first card, so as not to slow it down.
        readers = ReaderPool.start(args.jobs, after_first=open_app)
    try:
        if open_app:
            from digest.ui.app import run

            return run(
                inputs,
                theme=args.theme,
                sentences=args.sentences,
                library=library,
                offline=args.offline,
                filters=filters,
                refresh_minutes=args.refresh,
                readers=readers,
            )
        return _print_digest(
            inputs,
            fmt=args.format or "text",
            sentences=args.sentences,
            width=_width(args.width),
            library=library,
            offline=args.offline,
            filters=filters,
            readers=readers,
        )
    finally:
        if readers is not None:
            readers.close()
        if library is not None:
            library.close()


def _open_library(use: bool, *, needed: bool) -> tuple[Library | None, str | None]:
    """The library, or ``None`` and why not (a run that does not need it goes on without it)."""
    if not use:
        return None, None
    from digest.store import Library, LibraryError

    try:
        return Library.open(), None
    except LibraryError as err:
        return None, str(err) if needed else f"{err}; reading without the library"


def _library_command(argv: list[str]) -> int:
    """``digest library prune --older-than AGE`` and ``digest library info``."""
    from digest.store import Library, LibraryError, library_path

    parser = argparse.ArgumentParser(
        prog="digest library", description="The local library of pages and articles."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    prune = commands.add_parser(
        "prune", help="forget articles and pages older than AGE (saved articles stay)"
    )
    prune.add_argument(
        "--older-than", type=_age, required=True, metavar="AGE", help="30d, 2w, 24h..."
    )
    commands.add_parser("info", help="where the library is and what it holds")
    args = parser.parse_args(argv)
    try:
        with Library.open() as library:
            if args.command == "prune":
                articles, pages = library.prune(args.older_than)
                print(
                    f"removed {counted(articles, 'article')} and {counted(pages, 'page')}"
                    f" from {library.path}"
                )
            else:
                articles, pages = library.counts()
                print(f"{library_path()}: {counted(articles, 'article')}, {counted(pages, 'page')}")
    except LibraryError as err:
        _say(str(err))
        return EXIT_SOME_FAILED
    return EXIT_OK


def _print_digest(
    inputs: list[str],
    *,
    fmt: str,
    sentences: int,
    width: int,
    library: Library | None,
    offline: bool,
    filters: Filters,
    readers: ReaderPool | None = None,
) -> int:
    from digest.models import InputFailure
    from digest.pipeline import make_digest
    from digest.refresh import iter_run, wanted
    from digest.render import render
    from digest.store import LibraryError

    items: list[Article | InputFailure] = []
    interrupted = False
    try:
        with _stderr_progress() as progress:
            items.extend(
                iter_run(
                    inputs,
                    library=library,
                    offline=offline,
                    sentences=sentences,
                    progress=progress,
                    warn=_say,
                    readers=readers,
                )
            )
    except KeyboardInterrupt:
        # Ctrl+C: the batch has already ended its requests and left its threads; what was
        # read is printed, as a run cut short.
        interrupted = True
    except LibraryError as err:  # with no inputs, the library is all there is to read
        _say(str(err))
        return EXIT_SOME_FAILED
    try:
        articles = wanted([i for i in items if isinstance(i, Article)], library, filters)
    except LibraryError as err:
        _say(f"{err}; read and saved state are not known")
        articles = wanted([i for i in items if isinstance(i, Article)], None, filters)
    digest = make_digest([*articles, *(i for i in items if not isinstance(i, Article))])
    if library is not None and library.unreadable:
        _say(
            f"{library.path}: {counted(library.unreadable, 'stored article')}"
            " could not be read back"
        )
    for failure in digest.errors:
        _say(str(failure))
    if interrupted:
        _say(f"interrupted by Ctrl+C; printing what was read ({counted(len(items), 'result')})")
    color = fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    try:
        sys.stdout.write(render(digest, fmt, width=width, color=color))
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (head, less) went away: not an error of ours. Point stdout at
        # devnull so the interpreter's final flush does not complain.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_SOME_FAILED if digest.errors else EXIT_OK


def _say(message: str) -> None:
    """One line on stderr, ``digest: message``, with any control character escaped."""
    print(f"digest: {one_line(message)}", file=sys.stderr)


@contextmanager
def _stderr_progress() -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr while inputs are read, when stderr is a terminal."""
    if sys.stderr is None or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("reading", total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)
