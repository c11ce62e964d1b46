"""The exceptions digest raises, one tree under :class:`DigestError`.

    DigestError                 anything digest reports about an input or a call
    ├── UsageError              the command line or the API was called wrongly
    ├── ThemeError              a theme file the app cannot use
    ├── ConfigError             another file in the config folder that cannot be used
    └── InputError              one input gave no article (the batch goes on)
        ├── NotFoundError       a path that does not exist
        ├── UnreadableError     a path that cannot be read (permissions, a device ...)
        ├── EmptyInputError     nothing in it, or only whitespace
        ├── BinaryInputError    not an HTML or text document
        ├── NotAnArticleError   a document with no readable article in it
        ├── FeedError           a feed or OPML file that cannot be read
        └── FetchError          a URL that could not be had
            ├── FetchTimeoutError   the server did not answer in time
            ├── HTTPStatusError     the server answered with an error status
            │   └── RetryLaterError     ... and asks to be asked again later (429, 503)
            └── TooLargeError       the response is larger than the cap

Library exceptions (httpx, lxml, OSError) are converted to these at the boundary with
``raise ... from err``; the message of each is one line a person can act on, and the
batch code prefixes it with the input's name.
"""

from __future__ import annotations

from pathlib import Path


class DigestError(Exception):
    """Base of every error digest reports."""


class UsageError(DigestError):
    """The command line or the API was called wrongly."""


class InputError(DigestError):
    """One input gave no article; the message says why in one line."""


class NotFoundError(InputError):
    """A path that does not exist."""


class UnreadableError(InputError):
    """A path that exists but cannot be read."""


class EmptyInputError(InputError):
    """An input with nothing in it."""


class BinaryInputError(InputError):
    """An input that is neither HTML nor text."""


class NotAnArticleError(InputError):
    """A document with no readable article in it."""


class FeedError(InputError):
    """A document that is a feed or an OPML file by its content, but cannot be read as one."""


class FetchError(InputError):
    """A URL that could not be fetched."""


class FetchTimeoutError(FetchError):
    """The server did not answer in time."""


class HTTPStatusError(FetchError):
    """The server answered with an error status."""


class RetryLaterError(HTTPStatusError):
    """The server is busy (429, 503) and asks to be asked again after :attr:`wait` seconds."""

    def __init__(self, message: str, wait: float | None = None) -> None:
        super().__init__(message)
        self.wait = wait
        """Seconds the server asked to wait (its ``Retry-After``), or ``None`` if it did not say."""


class TooLargeError(FetchError):
    """The response or file is larger than the cap."""


class ConfigError(DigestError):
    """A file in the config folder (the feed list...) that cannot be read or written."""


class ThemeError(DigestError):
    """A theme file that cannot be used; the message is one line naming the file."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        """The theme file."""
        self.reason = reason
        """Why it cannot be used."""
        super().__init__(one_line(f"{path}: {reason}"))


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters escaped, as a one-line message."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
