"""The library: fetched pages, extracted articles, read and saved state, in one SQLite file.

The file is ``library.sqlite3`` in ``platformdirs.user_data_dir("digest")``
(``~/.local/share/digest`` on Linux), or in ``$DIGEST_DATA_DIR`` when that is set.

    pages         url -> the last response (body zlib-compressed, ETag, Last-Modified)
    articles      id -> the article as docs/SPEC.md JSON, where it came from, read/saved times
    stories_seen  story id -> what the user saw when they last opened it

A second run asks servers only for what changed (the pages double as the fetcher's HTTP
cache, :class:`digest.inputs.fetch.HttpCache`), and ``--offline`` builds a digest from the
articles alone.

Safety: the database runs in WAL mode and every change is one transaction, so a process
killed at any moment leaves a library that opens with everything committed before the
kill. A file that is not a digest library, is damaged, or was written by a newer digest
raises :class:`LibraryError` with one line saying so; it is never rewritten or deleted:
all of that is checked before anything is written (even the switch to WAL mode). A
library the user may not write (a read-only file or folder) is opened read-only
(:attr:`Library.read_only`): it can be read, and every write raises :class:`LibraryError`.

This module is imported on the plain-output path: it must not import Textual.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from digest.errors import DigestError
from digest.models import Article, article_from_dict

if TYPE_CHECKING:
    from digest.inputs.fetch import Response

DATA_DIR_ENV = "DIGEST_DATA_DIR"
"""Environment variable that, when set, names the data folder instead."""

LIBRARY_FILE = "library.sqlite3"
"""Name of the database in the data folder."""

SCHEMA_VERSION = 1
"""``PRAGMA user_version`` of the tables below; a newer file is refused, never rewritten."""

APPLICATION_ID = 0x64677374
"""``PRAGMA application_id`` ("dgst"): tells a digest library from another SQLite file."""

BUSY_TIMEOUT_MS = 5000
"""How long to wait for another digest process that is writing."""

_SCHEMA = """
CREATE TABLE pages (
    url           TEXT PRIMARY KEY,
    final_url     TEXT NOT NULL,
    status        INTEGER NOT NULL,
    etag          TEXT,
    last_modified TEXT,
    content_type  TEXT,
    charset       TEXT,
    content       BLOB NOT NULL,
    fetched_at    REAL NOT NULL
);
CREATE TABLE articles (
    id        TEXT PRIMARY KEY,
    input     TEXT NOT NULL,
    url       TEXT,
    page_url  TEXT,
    published TEXT,
    added_at  REAL NOT NULL,
    record    TEXT NOT NULL,
    read_at   REAL,
    saved_at  REAL
);
CREATE INDEX articles_page ON articles (page_url);
CREATE INDEX articles_input ON articles (input);
CREATE INDEX articles_added ON articles (added_at);
CREATE TABLE stories_seen (
    story_id TEXT PRIMARY KEY,
    snapshot TEXT NOT NULL,
    seen_at  REAL NOT NULL
);
"""


class LibraryError(DigestError):
    """The library cannot be opened or used; the message names the file and says why."""


def data_dir() -> Path:
    """The folder of the library (``$DIGEST_DATA_DIR`` when set); it may not exist yet."""
    from digest.config import user_folder

    return user_folder(DATA_DIR_ENV, "data")


def library_path() -> Path:
    """Where the library is kept."""
    return data_dir() / LIBRARY_FILE


@dataclass(frozen=True, slots=True)
class Stored:
    """An article in the library and the user's state for it."""

    article: Article
    added_at: float
    """When it was first stored (seconds since the epoch)."""
    read_at: float | None
    saved_at: float | None

    @property
    def read(self) -> bool:
        return self.read_at is not None

    @property
    def saved(self) -> bool:
        return self.saved_at is not None


class Library:
    """One open library. Safe to share between threads; each call is one transaction.

    Use :meth:`open`, and :meth:`close` (or ``with``) when done.
    """

    def __init__(
        self, connection: sqlite3.Connection, path: Path, *, read_only: bool = False
    ) -> None:
        self._db = connection
        self._lock = threading.Lock()
        self.path = path
        """The database file."""
        self.read_only = read_only
        """Opened read-only (the user may not write the file or its folder): writes fail."""
        self.unreadable = 0
        """Stored articles that could not be read back (shown as a warning, left in place)."""

    @classmethod
    def open(cls, path: Path | None = None) -> Library:
        """Open the library at ``path`` (default :func:`library_path`), creating it if missing.

        A library the user may not write is opened read-only (:attr:`read_only`).

        Raises:
            LibraryError: the file is damaged, not a digest library, from a newer digest, not
                a regular file, or cannot be created or opened.
        """
        path = path or library_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise LibraryError(
                f"library {path}: cannot create its folder ({err.strerror or err})"
            ) from err
        try:
            info = path.stat()
        except FileNotFoundError:
            info = None
        except OSError as err:
            raise LibraryError(f"library {path}: cannot be opened ({err.strerror or err})") from err
        if info is not None and not stat.S_ISREG(info.st_mode):
            # SQLite would wait for ever on a pipe, and a device is no database.
            raise LibraryError(f"library {path}: not a regular file")
        # SQLite needs to write the folder too (the WAL, its index, a rollback journal).
        writable = info is None or (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))
        if writable:
            try:
                return cls._connect(path, read_only=False)
            except LibraryError as err:
                if "read-only" not in str(err):
                    raise
        return cls._connect(path, read_only=True)

    @classmethod
    def _connect(cls, path: Path, *, read_only: bool) -> Library:
        """Open and check the file: read-write, or read-only (``mode=ro``; and ``immutable``
        when a WAL library's index cannot be made in a read-only folder)."""
        tries: list[str | Path] = [path]
        if read_only:
            uri = "file:" + quote(str(path), errors="surrogateescape")
            tries = [f"{uri}?mode=ro", f"{uri}?mode=ro&immutable=1"]
        for number, target in enumerate(tries, start=1):
            try:
                db = sqlite3.connect(
                    target,
                    timeout=BUSY_TIMEOUT_MS / 1000,
                    check_same_thread=False,
                    isolation_level=None,
                    uri=read_only,
                )
            except sqlite3.Error as err:
                raise LibraryError(f"library {path}: cannot be opened ({err})") from err
            try:
                _prepare(db, path, read_only=read_only)
            except sqlite3.DatabaseError as err:
                db.close()
                if number < len(tries) and "unable to open" in str(err):
                    continue  # a WAL library in a read-only folder: read it as immutable
                raise LibraryError(f"library {path}: {_reason(err)}") from err
            except BaseException:
                db.close()
                raise
            return cls(db, path, read_only=read_only)
        raise AssertionError("the last try returns or raises")

    def close(self) -> None:
        """Close the database (the WAL is checkpointed by SQLite)."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                yield self._db
                self._db.execute("COMMIT")
            except (sqlite3.DatabaseError, UnicodeEncodeError) as err:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise LibraryError(f"library {self.path}: {_reason(err)}") from err
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    def _query(self, sql: str, params: Iterable[object] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._db.execute(sql, tuple(params)).fetchall()
            except (sqlite3.DatabaseError, UnicodeEncodeError) as err:
                raise LibraryError(f"library {self.path}: {_reason(err)}") from err

    def lookup(self, url: str) -> Response | None:
        """The last response stored for ``url``, or ``None``
        (:class:`digest.inputs.fetch.HttpCache`)."""
        from digest.inputs.fetch import Response

        rows = self._query(
            "SELECT final_url, status, etag, last_modified, content_type, charset, content"
            " FROM pages WHERE url = ?",
            (url,),
        )
        if not rows:
            return None
        final_url, status, etag, last_modified, content_type, charset, content = rows[0]
        try:
            body = zlib.decompress(content)
        except zlib.error:
            return None  # a damaged cache entry is fetched again, not trusted
        return Response(
            url=final_url,
            content=body,
            content_type=content_type,
            charset=charset,
            status=status,
            etag=etag,
            last_modified=last_modified,
        )

    def store(self, url: str, response: Response) -> None:
        """Keep ``response`` as the latest for ``url`` (:class:`digest.inputs.fetch.HttpCache`)."""
        if response.not_modified:
            with self._transaction() as db:
                db.execute("UPDATE pages SET fetched_at = ? WHERE url = ?", (time.time(), url))
            return
        packed = zlib.compress(response.content, 6)
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO pages"
                " (url, final_url, status, etag, last_modified, content_type, charset, content,"
                " fetched_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    url,
                    response.url,
                    response.status,
                    response.etag,
                    response.last_modified,
                    response.content_type,
                    response.charset,
                    packed,
                    time.time(),
                ),
            )

    def save_articles(self, articles: Iterable[tuple[Article, str | None]]) -> None:
        """Store articles, each with the URL of the page it was read from (or ``None``).

        An article already stored is updated; its read and saved state stay as they were.
        All are written in one transaction.
        """
        now = time.time()
        rows = [
            (
                article.id,
                article.input,
                article.url,
                page_url,
                article.published,
                now,
                json.dumps(article.to_dict(), ensure_ascii=False, separators=(",", ":")),
            )
            for article, page_url in articles
        ]
        if not rows:
            return
        with self._transaction() as db:
            db.executemany(
                "INSERT INTO articles (id, input, url, page_url, published, added_at, record)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET input = excluded.input, url = excluded.url,"
                " page_url = excluded.page_url, published = excluded.published,"
                " record = excluded.record",
                rows,
            )

    def article_for_input(self, input: str) -> Article | None:
        """The article last stored under the input name ``input`` (a URL, ``feed#entry``)."""
        rows = self._query(
            "SELECT record FROM articles WHERE input = ? ORDER BY added_at DESC LIMIT 1", (input,)
        )
        return _article(rows[0][0]) if rows else None

    def states(self, ids: Iterable[str]) -> dict[str, tuple[float | None, float | None]]:
        """``id -> (read_at, saved_at)`` for the stored ones among ``ids``."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, tuple[float | None, float | None]] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for id_, read_at, saved_at in self._query(
                f"SELECT id, read_at, saved_at FROM articles WHERE id IN ({marks})", chunk
            ):
                found[id_] = (read_at, saved_at)
        return found

    def articles(self) -> list[Stored]:
        """Every stored article, newest first (by publication date, else by when stored).

        Which of them a run shows (``--unread``, ``--saved``, ``--since``) is decided by
        :func:`digest.library.refresh.wanted`, the same for stored and for freshly read articles.
        """
        found: list[Stored] = []
        for record, added_at, read_at, saved_at in self._query(
            "SELECT record, added_at, read_at, saved_at FROM articles"
        ):
            article = _article(record)
            if article is None:
                self.unreadable += 1
                continue
            found.append(Stored(article, added_at, read_at, saved_at))
        found.sort(key=lambda s: _when(s.article, s.added_at), reverse=True)
        return found

    def mark_read(self, ids: Iterable[str], read: bool = True) -> None:
        """Mark articles read (or unread again)."""
        self._set("read_at", ids, read)

    def mark_saved(self, ids: Iterable[str], saved: bool = True) -> None:
        """Save articles for later (or stop saving them); saved articles are never pruned."""
        self._set("saved_at", ids, saved)

    def _set(self, column: str, ids: Iterable[str], on: bool) -> None:
        value = time.time() if on else None
        with self._transaction() as db:
            db.executemany(
                f"UPDATE articles SET {column} = ? WHERE id = ?", [(value, i) for i in ids]
            )

    def snapshots(self) -> dict[str, str]:
        """``story id -> snapshot`` (JSON text) of every story the user has opened."""
        return dict(self._query("SELECT story_id, snapshot FROM stories_seen"))

    def remember_snapshot(self, story_id: str, snapshot: str) -> None:
        """Keep what the user saw of a story now, replacing what they saw before."""
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO stories_seen (story_id, snapshot, seen_at)"
                " VALUES (?, ?, ?)",
                (story_id, snapshot, time.time()),
            )

    def prune(self, older_than: float) -> tuple[int, int]:
        """Forget articles stored and pages fetched more than ``older_than`` seconds ago.

        Saved articles, and the pages they were read from, are kept.

        Returns:
            How many articles and how many pages were removed.
        """
        cutoff = time.time() - older_than
        with self._transaction() as db:
            articles = db.execute(
                "DELETE FROM articles WHERE added_at < ? AND saved_at IS NULL", (cutoff,)
            ).rowcount
            pages = db.execute(
                "DELETE FROM pages WHERE fetched_at < ?"
                " AND url NOT IN (SELECT page_url FROM articles"
                " WHERE page_url IS NOT NULL AND saved_at IS NOT NULL)",
                (cutoff,),
            ).rowcount
            db.execute("DELETE FROM stories_seen WHERE seen_at < ?", (cutoff,))
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return articles, pages

    def counts(self) -> tuple[int, int]:
        """How many articles and pages the library holds."""
        ((articles,),) = self._query("SELECT count(*) FROM articles")
        ((pages,),) = self._query("SELECT count(*) FROM pages")
        return articles, pages


def _prepare(db: sqlite3.Connection, path: Path, *, read_only: bool) -> None:
    """Check that ``db`` is a digest library this digest can read; create the tables if new.

    Everything is checked before anything is written: a damaged file in rollback-journal
    mode is left exactly as it was (switching it to WAL mode would rewrite its header).

    Raises:
        LibraryError: not a digest library, from a newer digest, or damaged.
        sqlite3.DatabaseError: the file cannot be read (the caller says why).
    """
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if tables and app_id != APPLICATION_ID:
        raise LibraryError(f"library {path}: not a digest library (another program's SQLite file)")
    if version > SCHEMA_VERSION:
        raise LibraryError(
            f"library {path}: written by a newer digest (library version {version}, this digest"
            f" reads up to {SCHEMA_VERSION}); upgrade digest"
        )
    if tables and db.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
        raise LibraryError(
            f"library {path}: the file is damaged; move it aside to start a new library"
        )
    if read_only:
        if not tables:
            raise LibraryError(f"library {path}: the file is read-only and holds no library")
        return
    db.execute("PRAGMA journal_mode = WAL")
    # NORMAL in WAL mode: a killed process loses nothing committed (only a power cut can).
    db.execute("PRAGMA synchronous = NORMAL")
    if not tables:
        _create(db)


def _create(db: sqlite3.Connection) -> None:
    """Create the tables in one transaction (another process may be doing the same)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def _reason(err: sqlite3.Error | UnicodeEncodeError) -> str:
    if isinstance(err, UnicodeEncodeError):
        # Text that is not UTF-8 (a name with surrogates) cannot be stored; records never
        # hold such text (digest.text.sanitize), so this is a fault of digest's.
        return "cannot keep text that is not UTF-8"
    text = str(err)
    if "file is not a database" in text or "malformed" in text:
        return "the file is damaged or not a database; move it aside to start a new library"
    if "readonly" in text or "read-only" in text:
        return "the file is read-only"
    if "locked" in text or "busy" in text:
        return "another digest is using it; try again when it has finished"
    return text.splitlines()[0] if text else type(err).__name__


def _article(record: str) -> Article | None:
    try:
        return article_from_dict(json.loads(record))
    except (ValueError, KeyError, TypeError):
        return None  # a record this digest cannot read is left in place, not shown


def _when(article: Article, added_at: float) -> float:
    """When an article happened, for ordering: publication, else storage time."""
    published = published_at(article)
    return added_at if published is None else published


def published_at(article: Article) -> float | None:
    """The article's publication time in seconds since the epoch, if it has a readable one."""
    if not article.published:
        return None
    from datetime import UTC, datetime

    try:
        moment = datetime.fromisoformat(article.published.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def parse_age(text: str) -> float:
    """Seconds in an age such as ``30m``, ``24h``, ``7d`` or ``2w``.

    Raises:
        ValueError: with a one-line reason when ``text`` is not such an age.
    """
    units = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
    cleaned = text.strip().lower()
    number, unit = cleaned[:-1], cleaned[-1:]
    if unit not in units or not number.replace(".", "", 1).isdigit():
        raise ValueError(f"not an age: {text!r} (use a number and m, h, d or w: 30m, 24h, 7d, 2w)")
    return float(number) * units[unit]
