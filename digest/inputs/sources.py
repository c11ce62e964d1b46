"""What the user named on the command line, turned into a list of sources to read.

An input is a file, a folder (read recursively, in a stable order), ``-`` for standard
input, or an http(s) URL. Expanding inputs reads no document: it only finds them, so the
app can show "reading 3 of 12" at once.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from digest.errors import EmptyInputError, NotFoundError, TooLargeError, UnreadableError
from digest.models import InputFailure
from digest.text.sanitize import name, web_url, why_not_url

SourceKind = Literal["file", "url", "stdin"]

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest file read; a bigger one is reported, not read into memory."""

ARTICLE_SUFFIXES = frozenset({"", ".html", ".htm", ".xhtml", ".shtml", ".txt", ".text", ".md"})
"""Files taken from a folder. A file named on the command line is read whatever its name."""

FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom", ".rdf", ".opml", ".json"})
"""Files taken from a folder when what they hold is a feed or an OPML list (not a sitemap.xml
or a package.json)."""


@dataclass(frozen=True, slots=True)
class Source:
    """One document to read."""

    name: str
    """How the input is shown to the user: the path, the URL, or ``-``, cleaned
    (:func:`digest.text.sanitize.name`: a byte that is not UTF-8 is shown as U+FFFD)."""
    kind: SourceKind
    location: str
    """The path or URL to read (``-`` for standard input): a path as the OS gave it."""


def is_url(text: str) -> bool:
    """Whether an input names an http(s) URL."""
    lowered = text[:8].lower()
    return lowered.startswith(("http://", "https://"))


def expand(inputs: Sequence[str]) -> tuple[list[Source], list[InputFailure]]:
    """Turn inputs into sources, and name the inputs that cannot give any.

    Folders are walked recursively in sorted order; hidden files and folders are skipped,
    and so are files whose names say they are not articles (images, archives...).
    """
    sources: list[Source] = []
    failures: list[InputFailure] = []
    seen: set[str] = set()

    def add(source: Source) -> None:
        if source.location not in seen:
            seen.add(source.location)
            sources.append(source)

    for raw in inputs:
        shown = name(raw)
        if raw == "-":
            add(Source("-", "stdin", "-"))
        elif is_url(raw):
            if web_url(raw.strip()) is None:
                failures.append(InputFailure(shown, why_not_url(raw.strip())))
            else:
                add(Source(shown, "url", raw.strip()))
        else:
            path = Path(raw)
            if path.is_dir():
                found = list(_walk(path))
                if not found:
                    failures.append(InputFailure(shown, "folder holds no HTML, text or feed files"))
                for file in found:
                    add(Source(name(str(file)), "file", str(file)))
            elif path.exists():
                # Named on the command line, a pipe is read (digest <(curl ...)); in a
                # folder, only regular files are (_walk).
                add(Source(shown, "file", raw))
            else:
                failures.append(InputFailure(shown, "no such file or folder"))
    return sources, failures


def _walk(folder: Path) -> list[Path]:
    """The regular files in ``folder`` and below that may hold an article or a feed, sorted.

    Anything else (a pipe, a socket, a device) is left out: opening a pipe waits for a
    writer, and reading a device may never end.
    """
    files: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
        for base in sorted(names):
            path = Path(root, base)
            suffix = path.suffix.lower()
            if base.startswith(".") or not (suffix in ARTICLE_SUFFIXES or suffix in FEED_SUFFIXES):
                continue
            if not path.is_file() or (suffix in FEED_SUFFIXES and not _holds_a_feed(path)):
                continue
            files.append(path)
    return files


def _holds_a_feed(path: Path) -> bool:
    """Whether a file starts as a feed or an OPML list does (its head is enough to tell)."""
    from digest.inputs.feeds import SNIFF_BYTES, detect  # only when a folder holds such a file

    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return False
    return detect(head) is not None


def read_file(location: str) -> bytes:
    """Read a file named by a source, within :data:`MAX_FILE_BYTES`.

    Raises:
        NotFoundError, UnreadableError, TooLargeError, EmptyInputError.
    """
    path = Path(location)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise UnreadableError("is a folder")
        if size > MAX_FILE_BYTES:
            raise TooLargeError(f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as err:
        raise NotFoundError("no such file or folder") from err
    except PermissionError as err:
        raise UnreadableError("permission denied") from err
    except IsADirectoryError as err:
        raise UnreadableError("is a folder") from err
    except OSError as err:
        raise UnreadableError(err.strerror or str(err)) from err
    if len(data) > MAX_FILE_BYTES:
        raise TooLargeError(f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    if not data:
        raise EmptyInputError("empty file")
    return data


def read_stdin() -> bytes:
    """Read standard input, within :data:`MAX_FILE_BYTES`."""
    if sys.stdin is None or sys.stdin.closed:
        raise EmptyInputError("standard input is closed")
    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise TooLargeError(f"input is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    if not data.strip():
        raise EmptyInputError("nothing on standard input")
    return data
