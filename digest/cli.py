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
from collections.abc import Sequence

from digest import __version__
from digest.render import FORMATS

EXIT_OK = 0
"""Every input gave an article."""
EXIT_SOME_FAILED = 1
"""At least one input failed; the others were still printed."""
EXIT_USAGE = 2
"""The command line was wrong."""

_DESCRIPTION = """\
Turn news into a digest: readable articles, key facts and a short extractive summary.

Inputs can be saved web pages (HTML), pages copied as plain text, folders of them (read
recursively), http(s) URLs, and - for standard input. HTML or text is told by content,
not by file name. With no input and a pipe on standard input, standard input is read.
"""

_EPILOG = """\
formats:
  text      a digest for people (the default when stdout is not a terminal)
  markdown  the same digest as Markdown
  json      one JSON document: {"schema", "generated", "articles", "errors"}
  jsonl     one article per line as JSON; failures go to stderr only

exit codes:
  0  every input gave an article
  1  some inputs failed (one line each on stderr); the others were printed
  2  usage error

examples:
  digest seeds/ | less
  digest saved-page.html copied-article.txt https://example.org/story --format markdown > today.md
  curl -s https://example.org/story | digest - --format json | jq '.articles[0].facts.people'
"""


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to document the command in README)."""
    parser = argparse.ArgumentParser(
        prog="digest",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="*", metavar="INPUT", help="file, folder, URL, or - for stdin")
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
        type=_positive,
        metavar="COLS",
        help="wrap text output at COLS columns (default: the terminal's width, or 80)",
    )
    tui = parser.add_mutually_exclusive_group()
    tui.add_argument("--tui", dest="tui", action="store_true", default=None, help="open the app even when piped")
    tui.add_argument("--no-tui", dest="tui", action="store_false", help="print text instead of opening the app")
    parser.add_argument("--theme", metavar="NAME", help="the app's theme (dark, light, high-contrast, or your own)")
    parser.add_argument("-V", "--version", action="version", version=f"digest {__version__}")
    return parser


def _width(requested: int | None) -> int:
    if requested:
        return requested
    if sys.stdout.isatty():
        return min(shutil.get_terminal_size((80, 24)).columns, 100)
    return 80


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    inputs: list[str] = list(args.inputs)
    if not inputs:
        if sys.stdin is not None and not sys.stdin.isatty():
            inputs = ["-"]
        else:
            parser.print_usage(sys.stderr)
            print("digest: error: no input given (a file, folder, URL or - for stdin)", file=sys.stderr)
            return EXIT_USAGE
    if inputs.count("-") > 1:
        print("digest: error: - (standard input) can be given only once", file=sys.stderr)
        return EXIT_USAGE

    open_app = args.tui if args.tui is not None else (args.format is None and sys.stdout.isatty())
    if open_app:
        if "-" in inputs:
            print("digest: error: the app cannot read standard input; use --no-tui", file=sys.stderr)
            return EXIT_USAGE
        from digest.ui.app import run

        return run(inputs, theme=args.theme, sentences=args.sentences)
    return _print_digest(inputs, fmt=args.format or "text", sentences=args.sentences, width=_width(args.width))


def _print_digest(inputs: list[str], *, fmt: str, sentences: int, width: int) -> int:
    from digest.pipeline import build_digest
    from digest.render import render

    digest = build_digest(inputs, sentences=sentences)
    for failure in digest.errors:
        print(f"digest: {failure}", file=sys.stderr)
    color = fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    try:
        sys.stdout.write(render(digest, fmt, width=width, color=color))
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (head, less) went away: not an error of ours. Point stdout at
        # devnull so the interpreter's final flush does not complain.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return EXIT_SOME_FAILED if digest.errors else EXIT_OK
