"""The library: articles and pages kept between runs, read and saved state, safety of the file."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from digest.inputs.fetch import Response
from digest.library.refresh import Filters, wanted
from digest.library.store import Library, LibraryError, parse_age
from digest.models import Article
from tests.conftest import SEED_TEXT, SEEDS, read_once


def _seed_articles() -> list[Article]:
    """The seeds' articles, read once per test process (these tests are about the library), as
    tests/test_seeds.py reads them."""
    return [read_once(p.read_bytes(), input=p.name) for p in sorted(SEEDS.iterdir())]


def test_articles_come_back_whole_with_their_state(tmp_path: Path) -> None:
    articles = _seed_articles()
    with Library.open(tmp_path / "lib.sqlite3") as library:
        library.save_articles((a, None) for a in articles)
        library.mark_read([articles[0].id])
        library.mark_saved([articles[1].id])
    with Library.open(tmp_path / "lib.sqlite3") as library:
        stored = {s.article.id: s for s in library.articles()}
        assert {a.id for a in articles} == set(stored)
        assert stored[articles[0].id].article == articles[0]
        assert stored[articles[0].id].read and not stored[articles[0].id].saved
        assert stored[articles[1].id].saved
        # Storing an article again (a later run) keeps what the user marked.
        library.save_articles([(articles[0], None)])
        assert library.states([articles[0].id])[articles[0].id][0] is not None
        everything = [s.article for s in library.articles()]
        assert [a.id for a in wanted(everything, library, Filters(unread=True))] == [
            a.id for a in everything if a.id != articles[0].id
        ]
        assert [a.id for a in wanted(everything, library, Filters(saved=True))] == [articles[1].id]


def test_since_uses_the_publication_date(tmp_path: Path) -> None:
    article = next(a for a in _seed_articles() if a.published and a.published < "2020")
    with Library.open(tmp_path / "lib.sqlite3") as library:
        library.save_articles([(article, None)])
        stored = [s.article for s in library.articles()]
        assert wanted(stored, library, Filters(since=86400)) == []
        assert len(wanted(stored, library, Filters(since=time.time()))) == 1


def test_pages_are_an_http_cache(tmp_path: Path) -> None:
    response = Response(
        url="https://example.org/final",
        content="<p>café</p>".encode(),
        content_type="text/html",
        charset="utf-8",
        status=200,
        etag='"v1"',
        last_modified="Wed, 25 Nov 2026 10:00:00 GMT",
    )
    with Library.open(tmp_path / "lib.sqlite3") as library:
        assert library.lookup("https://example.org/a") is None
        library.store("https://example.org/a", response)
    with Library.open(tmp_path / "lib.sqlite3") as library:
        cached = library.lookup("https://example.org/a")
    assert cached is not None
    assert (cached.url, cached.content, cached.etag, cached.last_modified) == (
        response.url,
        response.content,
        '"v1"',
        response.last_modified,
    )


def test_prune_forgets_old_articles_but_keeps_saved_ones(tmp_path: Path) -> None:
    articles = _seed_articles()[:3]
    with Library.open(tmp_path / "lib.sqlite3") as library:
        library.save_articles((a, None) for a in articles)
        library.mark_saved([articles[0].id])
        assert library.prune(older_than=3600) == (0, 0)
        removed, _ = library.prune(older_than=-1)  # everything is older than "in one second"
        assert removed == 2
        assert [s.article.id for s in library.articles()] == [articles[0].id]


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"these are my notes, not a database" * 200)
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="damaged or not a database"):
        Library.open(path)
    assert path.read_bytes() == before


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    with pytest.raises(LibraryError, match="not a digest library"):
        Library.open(path)


def test_a_library_from_a_newer_digest_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Library.open(path).close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(LibraryError, match="newer digest"):
        Library.open(path)


def test_a_damaged_library_is_named(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as library:
        library.save_articles((a, None) for a in _seed_articles())
    data = bytearray(path.read_bytes())
    data[4096:-4096] = bytes(range(256)) * ((len(data) - 8192) // 256)  # scribble over the tables
    path.write_bytes(bytes(data))
    with pytest.raises(LibraryError, match=str(path.name)), Library.open(path) as library:
        library.articles()


_WRITER = """
import json, sys
from dataclasses import replace
from digest.library.store import Library
from digest.models import article_from_dict
article = article_from_dict(json.loads(open(sys.argv[2], encoding="utf-8").read()))
library = Library.open(__import__("pathlib").Path(sys.argv[1]))
n = 0
while True:
    batch = [(replace(article, id=f"a{n}-{i}", input=f"in{n}-{i}"), None) for i in range(20)]
    library.save_articles(batch)
    print(n, flush=True)
    n += 1
"""


def test_killed_writer_loses_nothing_committed(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    # The seed text's article, read here (once per test process): the writer only writes.
    record = tmp_path / "article.json"
    article = read_once(SEED_TEXT.read_bytes(), input=SEED_TEXT.name)  # as _seed_articles
    record.write_text(json.dumps(article.to_dict()))
    process = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path), str(record)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    assert process.stdout is not None
    committed = -1
    for line in process.stdout:
        committed = int(line)
        if committed >= 30:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    with Library.open(path) as library:
        ids = {s.article.id for s in library.articles()}
    for batch in range(committed + 1):
        assert f"a{batch}-0" in ids and f"a{batch}-19" in ids
    # Batches are all or nothing.
    assert len(ids) % 20 == 0


@pytest.mark.parametrize(
    ("text", "seconds"), [("30m", 1800), ("24h", 86400), ("7d", 604800), ("2w", 1209600)]
)
def test_ages(text: str, seconds: float) -> None:
    assert parse_age(text) == seconds


def test_a_bad_age_says_how_to_write_one() -> None:
    with pytest.raises(ValueError, match="24h"):
        parse_age("yesterday")
