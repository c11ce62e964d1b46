"""Finding the documents behind the inputs the user named."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.errors import EmptyInputError, TooLargeError
from digest.inputs.sources import expand, read_file


def test_folders_are_walked_recursively_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.html").write_text("<p>x</p>")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "c.html").write_text("x")
    (tmp_path / ".hidden.html").write_text("x")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    sources, failures = expand([str(tmp_path)])
    assert failures == []
    assert [Path(s.name).relative_to(tmp_path).as_posix() for s in sources] == [
        "a.txt",
        "c.html",
        "b/z.html",
    ]


def test_a_folder_gives_its_feeds_but_not_other_xml_or_json(tmp_path: Path) -> None:
    (tmp_path / "news.xml").write_text(
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title></channel></rss>'
    )
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset></urlset>')
    (tmp_path / "feed.json").write_text(
        '{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": []}'
    )
    (tmp_path / "package.json").write_text('{"name": "x", "version": "1.0.0"}')
    (tmp_path / "list.opml").write_text('<opml version="2.0"><body></body></opml>')
    (tmp_path / "binary.rss").write_bytes(b"\0\1\2")
    sources, failures = expand([str(tmp_path)])
    assert failures == []
    assert [Path(s.name).name for s in sources] == ["feed.json", "list.opml", "news.xml"]


def test_missing_path_and_empty_folder_are_failures_not_exceptions(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    sources, failures = expand([str(tmp_path / "nope.html"), str(tmp_path / "empty")])
    assert sources == []
    assert [f.error for f in failures] == [
        "no such file or folder",
        "folder holds no HTML, text or feed files",
    ]


def test_urls_and_stdin_pass_through_and_duplicates_are_dropped() -> None:
    sources, _ = expand(["https://example.org/a", "-", "https://example.org/a"])
    assert [(s.kind, s.name) for s in sources] == [("url", "https://example.org/a"), ("stdin", "-")]


def test_empty_and_oversized_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(EmptyInputError):
        read_file(str(empty))
    monkeypatch.setattr("digest.inputs.sources.MAX_FILE_BYTES", 10)
    big = tmp_path / "big.html"
    big.write_bytes(b"x" * 11)
    with pytest.raises(TooLargeError):
        read_file(str(big))
