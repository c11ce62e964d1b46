"""The user's feed list, ``feeds.txt`` in the config folder (``digest feeds`` edits it:
:mod:`digest.cli.feeds`).

``digest`` with no input (and no pipe on standard input) reads every feed in the list.
The file holds one URL a line; blank lines and lines starting with ``#`` are kept as they
are, so it can be edited by hand. It is rewritten atomically, as the settings are.

This module is imported by the command line on its plain-output path: it must not import
Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from digest.config import config_dir, special_file
from digest.errors import ConfigError, InputError, one_line
from digest.text.sanitize import web_url, why_not_url

FEEDS_FILE = "feeds.txt"
"""Name of the feed list in the config folder."""


def feeds_path() -> Path:
    """Where the feed list is kept."""
    return config_dir() / FEEDS_FILE


def load_feeds(problems: list[str] | None = None) -> list[str]:
    """The feeds in the list, in order (an empty list when there is no file).

    A line that is not an http(s) URL (``/``, left by an older digest that let a newline
    into a URL) is no feed: it is skipped, never read as a path.

    Args:
        problems: where to add one line for each line skipped, for the caller to show.

    Raises:
        ConfigError: the file exists but cannot be read.
    """
    feeds: list[str] = []
    for number, line in enumerate(_lines(), start=1):
        if not _is_feed_line(line):
            continue
        url = line.strip()
        if web_url(url) is not None:
            feeds.append(url)
        elif problems is not None:
            problems.append(one_line(f"{feeds_path()} line {number}: {why_not_url(url)}; skipped"))
    return feeds


def add_feeds(urls: Sequence[str]) -> list[str]:
    """Add ``urls`` to the end of the list, skipping those already in it.

    Returns:
        The URLs that were added.

    Raises:
        ConfigError: the list cannot be read or written.
    """
    lines = _lines()
    known = {line.strip() for line in lines if _is_feed_line(line)}
    added = [url for url in dict.fromkeys(urls) if url not in known]
    if added:
        _save([*lines, *added])
    return added


def remove_feeds(urls: Sequence[str]) -> list[str]:
    """Remove ``urls`` from the list.

    Returns:
        The URLs that were in the list and are now removed.

    Raises:
        ConfigError: the list cannot be read or written.
    """
    lines = _lines()
    gone = set(urls)
    kept = [line for line in lines if not (_is_feed_line(line) and line.strip() in gone)]
    removed = [url for url in dict.fromkeys(urls) if any(line.strip() == url for line in lines)]
    if removed:
        _save(kept)
    return removed


def feeds_in(argument: str) -> list[str]:
    """The feed URLs an argument of ``digest feeds add`` stands for.

    Args:
        argument: an http(s) URL, or the path of an OPML file.

    Raises:
        InputError: neither a URL with a host nor a readable OPML file.
    """
    from digest.inputs.sources import is_url

    if is_url(argument):
        url = argument.strip()
        if web_url(url) is None:
            raise InputError(why_not_url(url))
        return [url]
    path = Path(argument)
    if not path.exists():
        raise InputError("not an http(s) URL, nor an OPML file")
    from digest.inputs.feeds import MAX_OPML_FEEDS, parse_opml
    from digest.inputs.sources import read_file

    listed = parse_opml(read_file(argument))
    if len(listed) > MAX_OPML_FEEDS:
        raise InputError(
            f"lists {len(listed)} feeds; digest reads at most {MAX_OPML_FEEDS} from an OPML file"
        )
    return list(listed)


def check_feeds(urls: Sequence[str]) -> dict[str, str | None]:
    """Fetch each URL (all at once, within the fetcher's limits) and say what is wrong.

    Returns:
        URL -> ``None`` for a feed digest can read, else why it is none, in a few words
        ("the server answered 404 Not Found", "a web page, not a feed; it names a feed:
        URL").
    """
    from concurrent.futures import Future

    from digest.errors import FetchError
    from digest.inputs.fetch import Fetcher, Response

    problems: dict[str, str | None] = {}
    with Fetcher() as fetcher:
        waiting: dict[str, Future[Response]] = {
            url: fetcher.submit(url) for url in dict.fromkeys(urls)
        }
        for url, future in waiting.items():
            try:
                response = future.result()
            except FetchError as err:
                problems[url] = str(err)
            else:
                problems[url] = _not_a_feed(response.content, response.url)
    return problems


def _not_a_feed(data: bytes, url: str) -> str | None:
    """Why ``data`` (fetched from ``url``) is not a feed digest can read, or ``None``."""
    from digest.inputs.feeds import detect, feed_links, parse_feed

    kind = detect(data)
    if kind == "opml":
        return "a list of feeds (OPML), not a feed: save it and add the file"
    if kind is None:
        named = feed_links(data, url)
        hint = f"; it names a feed: {named[0]}" if named else ""
        return f"not a feed (a web page or another document){hint}"
    try:
        parse_feed(data, url)
    except InputError as err:
        return str(err)
    return None


def _is_feed_line(line: str) -> bool:
    text = line.strip()
    return bool(text) and not text.startswith("#")


def _lines() -> list[str]:
    path = feeds_path()
    try:
        if (kind := special_file(path)) is not None:
            raise ConfigError(f"{path}: is {kind}, not a feed list")  # reading could never end
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path}: not UTF-8 text") from err
    except OSError as err:
        raise ConfigError(f"{path}: cannot be read ({err.strerror or err})") from err
    return text.splitlines()


def _save(lines: list[str]) -> None:
    # The settings' writer: a temporary file beside the list replaces it in one step.
    from digest.config import _write_atomically

    path = feeds_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(path, "".join(f"{line}\n" for line in lines))
    except OSError as err:
        raise ConfigError(f"{path}: cannot be written ({err.strerror or err})") from err
