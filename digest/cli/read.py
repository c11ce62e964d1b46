"""``digest INPUT...``: read the inputs, then open the app or print the digest.

When standard output is a terminal, ``digest INPUT...`` opens the Textual app; otherwise
(or with ``--no-tui`` or an explicit ``--format``) it prints the digest. The app is
imported only when it opens, so ``digest ... | cat`` never pays for Textual. With no input,
a pipe on standard input is read, else the feed list; ``--offline`` and ``--saved`` with no
input read the library alone.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from digest.cli.status import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, say
from digest.models import Article
from digest.render import counted

if TYPE_CHECKING:
    from digest.library.refresh import Filters
    from digest.library.store import Library
    from digest.readers import ReaderPool


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


def _width(requested: int | None) -> int:
    if requested:
        return requested
    if sys.stdout.isatty():
        return min(shutil.get_terminal_size((80, 24)).columns, 100)
    return 80


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Read the inputs ``args`` names and show or print the digest; returns the exit code."""
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
            from digest.inputs.feedlist import load_feeds

            problems: list[str] = []
            try:
                inputs = load_feeds(problems)
            except ConfigError as err:
                say(f"error: {err}")
                return EXIT_USAGE
            for line in problems:
                say(line)
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
    readers = None
    if inputs:  # the library alone is not read again
        from digest.readers import ReaderPool

        # For the app, the reading processes start now, before anything else is imported:
        # they get ready on another core while the app starts, and read its first pages.
        readers = ReaderPool.start(args.jobs, early=open_app)
    try:
        return _run(args, inputs, library_only=library_only, open_app=open_app, readers=readers)
    finally:
        if readers is not None:
            readers.close()


def _run(
    args: argparse.Namespace,
    inputs: list[str],
    *,
    library_only: bool,
    open_app: bool,
    readers: ReaderPool | None,
) -> int:
    """Open the library, then the app or the printed digest (``readers`` are the caller's)."""
    from digest.library.refresh import Filters

    filters = Filters(unread=args.unread, saved=args.saved, since=args.since)
    needed = library_only or args.offline or filters.unread or filters.saved
    library, problem = _open_library(args.use_library, needed=needed)
    if problem is not None:
        say(problem)
        if needed:
            return EXIT_SOME_FAILED
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
        if library is not None:
            library.close()


def _open_library(use: bool, *, needed: bool) -> tuple[Library | None, str | None]:
    """The library, or ``None`` and why not (a run that does not need it goes on without it)."""
    if not use:
        return None, None
    from digest.library.store import Library, LibraryError

    try:
        return Library.open(), None
    except LibraryError as err:
        return None, str(err) if needed else f"{err}; reading without the library"


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
    from digest.library.refresh import iter_run, wanted
    from digest.library.store import LibraryError
    from digest.models import InputFailure
    from digest.pipeline import make_digest
    from digest.render import render

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
                    warn=say,
                    readers=readers,
                )
            )
    except KeyboardInterrupt:
        # Ctrl+C: the batch has already ended its requests and left its threads; what was
        # read is printed, as a run cut short.
        interrupted = True
    except LibraryError as err:  # with no inputs, the library is all there is to read
        say(str(err))
        return EXIT_SOME_FAILED
    try:
        articles = wanted([i for i in items if isinstance(i, Article)], library, filters)
    except LibraryError as err:
        say(f"{err}; read and saved state are not known")
        articles = wanted([i for i in items if isinstance(i, Article)], None, filters)
    digest = make_digest([*articles, *(i for i in items if not isinstance(i, Article))])
    if library is not None and library.unreadable:
        say(
            f"{library.path}: {counted(library.unreadable, 'stored article')}"
            " could not be read back"
        )
    for failure in digest.errors:
        say(str(failure))
    if interrupted:
        say(f"interrupted by Ctrl+C; printing what was read ({counted(len(items), 'result')})")
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
