"""Hostile pages, feeds, names and servers (issue 12): each case as a user would meet it.

The hostile bytes are in ``tests/fixtures/hostile/`` (written by its ``make.py``, which
says what each file holds); pipes, names that are not UTF-8 and servers are made here.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from digest import cli
from digest.errors import FetchTimeoutError
from digest.inputs.fetch import Fetcher
from digest.library.store import Library, LibraryError
from digest.models import Article, InputFailure
from digest.pipeline import Stop, build_digest, iter_digest
from digest.reading import read_article
from digest.render import render
from tests.conftest import SEEDS, read_once, wait_until_stored
from tests.test_feeds import SiteFactory, short_page
from tests.test_render import ARTICLE, DIGEST

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"

BBC = "bbc-obama-gun-laws.html"
"""A seed page, read (with :func:`read_once`) as tests/test_seeds.py reads it."""

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""What no output of digest may hold (but the styles of coloured text, which is not tested)."""

SENTENCE = "The regional council approved the new budget on Tuesday after a long debate"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Config and data folders of their own (the library is on unless a test says not)."""
    monkeypatch.setenv("DIGEST_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("DIGEST_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


# -- 1. escape sequences in pages, text and names ------------------------------------------


@pytest.mark.parametrize("fixture", ["escapes.html", "escapes.txt"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "jsonl"])
def test_escape_sequences_never_reach_the_output(
    fixture: str, fmt: str, folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, str(HOSTILE / fixture), "--format", fmt)
    assert code == 0, err
    assert SENTENCE in out.replace("\n  ", " ").replace("\n", " ")
    assert not UNSAFE.search(out) and not UNSAFE.search(err)
    if fmt in ("json", "jsonl"):
        out.encode("utf-8")  # valid UTF-8: no lone surrogate either
        json.loads(out.splitlines()[0] if fmt == "jsonl" else out)


def test_every_field_of_the_article_is_clean() -> None:
    article = read_article((HOSTILE / "escapes.html").read_bytes())
    strings: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(article.to_dict())
    assert strings and not [s for s in strings if UNSAFE.search(s)]
    assert article.title == "Council budget ]52;c;cHduZWQ= approved"
    assert article.url is None  # its canonical URL holds an escape sequence: refused
    assert article.credits and article.facts.quotes and article.standfirst


def test_an_article_kept_by_an_older_digest_comes_back_clean(folders: Path) -> None:
    article = read_once((SEEDS / BBC).read_bytes(), input=BBC)
    record = article.to_dict()
    record["title"] = "Kept \x1b]52;c;cHduZWQ=\x07 before \u202eit was fixed"
    with Library.open() as library:
        with library._transaction() as db:  # as an older digest wrote it, unchecked
            db.execute(
                "INSERT INTO articles (id, input, url, page_url, published, added_at, record)"
                " VALUES (?, ?, NULL, NULL, NULL, 0, ?)",
                (article.id, "old", json.dumps(record)),
            )
        (kept,) = library.articles()
    assert kept.article.title == "Kept ]52;c;cHduZWQ= before it was fixed"


def test_renderers_escape_what_a_record_made_another_way_holds() -> None:
    article = replace(
        ARTICLE,
        input="made\x1b[2J by hand",
        url="javascript:alert(1)",
        title="Title \x1b]52;c;cHduZWQ=\x07 \u202eevil",
        standfirst="\x9b31m",
        authors=("Jane \x1b[2JDoe",),
        publisher="The \u2066Courier",
        paragraphs=("A paragraph \x1b[2J of text.",),
    )
    digest = replace(DIGEST, articles=(article,))
    for fmt in ("text", "markdown", "json", "jsonl"):
        out = render(digest, fmt)
        assert not UNSAFE.search(out), fmt
    assert "(javascript:" not in render(digest, "markdown")  # shown as text, never a link


# -- 2. Textual markup in feeds, names and theme files -------------------------------------


async def test_a_markup_guid_is_shown_as_text_and_never_crashes_the_app(folders: Path) -> None:
    from textual.widgets import Static

    from digest.ui.app import DigestApp
    from tests.conftest import wait_for_digest

    app = DigestApp([str(HOSTILE / "markup-guid.rss")], remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_digest(pilot)
        # A burst of failures is one notification; the errors view names each.
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert "4 inputs failed: e for details" in errors
        assert not [m for m in errors if "markup-guid.rss#" in m]
        await pilot.press("e")
        shown = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert (
            "markup-guid.rss#[/x]: the entry links to no web page; the feed has no text for it"
            in shown
        )
        assert "#[@click=app.quit]click me[/]" in shown
        # Shown as text: as markup, "[/x]" stops the app (MarkupError) when it is drawn.
        assert not [n for n in app._notifications if "[" in n.message and n.markup]
        await pilot.press("escape")
        await pilot.press("q")
    assert app.return_value == 1  # quit by q, not by the guid's click


async def test_markup_in_a_page_and_in_a_file_name_is_shown_as_text(
    folders: Path, tmp_path: Path
) -> None:
    from digest.ui.app import DigestApp
    from digest.ui.widgets.card import Card
    from tests.conftest import wait_for_digest

    page = (SEEDS / "bbc-obama-gun-laws.html").read_text(encoding="utf-8")
    # (a site name that agrees with the page's address: one that does not gives way to the
    # title's "| BBC News")
    page = page.replace('og:site_name" content="BBC News"', 'og:site_name" content="[/x] BBC News"')
    (tmp_path / "[@click=app.quit]story.html").write_text(page, encoding="utf-8")
    (tmp_path / "[").mkdir()
    (tmp_path / "[" / "bogus] x.bin").write_bytes(os.urandom(4096))  # the path: .../[/bogus] x.bin
    inputs = [str(tmp_path / "[@click=app.quit]story.html"), f"{tmp_path}/[/bogus] x.bin"]
    app = DigestApp(inputs)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_digest(pilot)
        card = app.screen.query_one(Card)
        assert "[/x] BBC News" in card.lines()[1].plain
        assert any("[/bogus] x.bin: not an HTML" in n.message for n in app._notifications)
        assert not [n for n in app._notifications if "[" in n.message and n.markup]
        await pilot.press("q")


async def test_a_theme_whose_value_is_markup_is_named_and_skipped(folders: Path) -> None:
    from digest.ui.app import DigestApp
    from tests.conftest import wait_for_digest

    themes = folders / "config" / "themes"
    themes.mkdir(parents=True)
    (themes / "markup-theme.toml").write_bytes((HOSTILE / "markup-theme.toml").read_bytes())
    app = DigestApp([str(SEEDS / "bbc-obama-gun-laws.html")], remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_digest(pilot)
        assert any(
            "markup-theme.toml: primary = '[/x]' is not a colour" in n.message
            for n in app._notifications
        )
        assert not [n for n in app._notifications if "[" in n.message and n.markup]
        await pilot.press("q")


@pytest.mark.parametrize(
    ("url", "opened"),
    [
        ("https://news.example/a[/b]?[@click=app.quit]", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("smb://server/share", False),
    ],
)
async def test_the_reader_opens_only_web_links(
    url: str, opened: bool, folders: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.app import App

    from digest.ui.screens.reader import ReaderScreen

    article = replace(read_once((SEEDS / BBC).read_bytes(), input=BBC), url=url)
    calls: list[str] = []
    monkeypatch.setattr(App, "open_url", lambda self, link, **_: calls.append(link))

    class One(App[None]):
        def on_mount(self) -> None:
            self.push_screen(ReaderScreen(article))

    app = One()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        said = [(n.message, n.markup) for n in app._notifications]
    assert calls == ([url] if opened else [])
    assert said == ([(f"Opening {url}", False)] if opened else [])


# -- 3. slow servers, q and Ctrl+C ---------------------------------------------------------


@pytest.fixture
def dripping_server() -> Iterator[dict[str, str]]:
    """Servers on 127.0.0.1 that answer too slowly: a header (or a byte of the status line)
    every 0.3 s, for ever."""
    listeners: list[socket.socket] = []
    stop = threading.Event()

    def serve(listener: socket.socket, status_line: bool) -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            threading.Thread(target=drip, args=(connection, status_line), daemon=True).start()

    def drip(connection: socket.socket, status_line: bool) -> None:
        with connection:
            try:
                connection.recv(65536)
                chunks = (
                    [bytes([b]) for b in b"HTTP/1.1 200 OK\r\n" * 100]
                    if status_line
                    else [b"HTTP/1.1 200 OK\r\n"] + [b"X-Drip-%d: x\r\n" % n for n in range(1000)]
                )
                for chunk in chunks:
                    if stop.wait(0.3):
                        return
                    connection.sendall(chunk)
            except OSError:
                return  # the client hung up: what it should do

    urls = {}
    for kind in ("headers", "status"):
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        listeners.append(listener)
        threading.Thread(target=serve, args=(listener, kind == "status"), daemon=True).start()
        urls[kind] = f"http://127.0.0.1:{listener.getsockname()[1]}/story"
    yield urls
    stop.set()
    for listener in listeners:
        listener.close()


@pytest.mark.parametrize("kind", ["headers", "status"])
def test_the_page_deadline_covers_the_status_line_and_the_headers(
    kind: str, dripping_server: dict[str, str]
) -> None:
    started = time.monotonic()
    with Fetcher(deadline=1.5) as fetcher, pytest.raises(FetchTimeoutError) as caught:
        fetcher.fetch(dripping_server[kind])
    assert str(caught.value) == "server took more than 2 s to send the page"
    assert time.monotonic() - started < 6  # never the minutes a drip could last


def test_closing_a_fetcher_ends_the_requests_in_flight(dripping_server: dict[str, str]) -> None:
    fetcher = Fetcher()
    future = fetcher.submit(dripping_server["headers"])
    time.sleep(0.5)
    fetcher.close()  # not waited for
    with pytest.raises(Exception, match="digest stopped"):
        future.result(timeout=5)


def test_a_stopped_batch_ends_at_once_and_keeps_what_was_read(
    dripping_server: dict[str, str],
) -> None:
    stop = Stop()
    items = iter_digest(
        [str(SEEDS / "bbc-obama-gun-laws.html"), dripping_server["headers"]], stop=stop
    )
    first = next(items)
    assert isinstance(first, Article)
    threading.Timer(0.5, stop).start()
    started = time.monotonic()
    assert list(items) == []
    assert time.monotonic() - started < 5


def test_ctrl_c_ends_the_command_at_once_and_prints_what_was_read(
    dripping_server: dict[str, str], tmp_path: Path
) -> None:
    environment = {
        **os.environ,
        "DIGEST_DATA_DIR": str(tmp_path),
        "DIGEST_CONFIG_DIR": str(tmp_path),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "digest", str(SEEDS / "bbc-obama-gun-laws.html")]
        + [dripping_server["headers"], dripping_server["status"], "--format", "text"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as in a shell
    )
    # Once the local page is read (and kept in the library) the servers are still dripping:
    # their deadline is 9 s away.
    assert wait_until_stored(tmp_path / "library.sqlite3", 1, process), "the page was not read"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=8)  # before: hung for as long as the drip lasted
    assert process.returncode == cli.EXIT_INTERRUPTED
    assert "Obama" in out and "Traceback" not in err
    assert "interrupted" in err


async def test_q_quits_the_app_at_once_while_a_server_drips(
    dripping_server: dict[str, str], folders: Path
) -> None:
    from digest.ui.app import DigestApp

    app = DigestApp([str(SEEDS / "bbc-obama-gun-laws.html"), dripping_server["headers"]])
    async with app.run_test(size=(100, 30)) as pilot:
        # Once the page is read (the server drips on: its deadline is 9 s away), q.
        deadline = time.monotonic() + 60
        while not getattr(app.screen, "articles", None) and time.monotonic() < deadline:
            await pilot.pause(0.05)
        assert getattr(app.screen, "articles", None), "the page was not read"
        started = time.monotonic()
        await pilot.press("q")
    assert time.monotonic() - started < 5  # before: the 9 s deadline at best, for ever before that


# -- 4. the library is best effort during a run --------------------------------------------


def test_a_locked_library_costs_one_warning_and_the_run_prints_everything(
    folders: Path,
    local_site: SiteFactory,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Three short articles (the same one at three URLs would be one article).
    site = local_site({f"/{n}": short_page(f"Bridge to close for {n + 2} years") for n in range(3)})
    with Library.open():
        pass
    monkeypatch.setattr("digest.library.store.BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(folders / "data" / "library.sqlite3", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the lock past the busy timeout
    try:
        code, out, err = run_cli(
            capsys, *(f"{site.base}/{n}" for n in range(3)), "--format", "json"
        )
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 0
    assert len(json.loads(out)["articles"]) == 3
    lines = err.splitlines()
    assert len(lines) == 1 and "another digest is using it" in lines[0]
    assert "the run goes on" in lines[0] and "Traceback" not in err


@pytest.mark.usefixtures("seeds_read_once")  # about the library, not reading
def test_a_full_disk_costs_one_warning(
    folders: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_: object) -> None:
        raise LibraryError("library x: database or disk is full")

    monkeypatch.setattr(Library, "save_articles", full)
    code, out, err = run_cli(capsys, str(SEEDS), "--format", "json")
    assert code == 0 and len(json.loads(out)["articles"]) == 7
    said = "library x: database or disk is full; the run goes on without keeping what it reads"
    assert err == f"digest: {said}\n"


@pytest.mark.usefixtures("seeds_read_once")  # about the library, not reading
async def test_the_app_tells_of_a_failing_library_once_and_shows_every_card(
    folders: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from digest.ui.app import DigestApp
    from tests.conftest import wait_for_digest

    def full(*_: object) -> None:
        raise LibraryError("library [/x]: database or disk is full")

    monkeypatch.setattr(Library, "save_articles", full)
    with Library.open() as library:
        app = DigestApp([str(SEEDS)], library=library, remember=False)
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await wait_for_digest(pilot) or app.screen
            told = [n for n in app._notifications if n.title == "Library"]
            assert len(told) == 1 and not told[0].markup
            assert told[0].message.startswith("library [/x]: database or disk is full")
            assert len(getattr(screen, "articles", [])) == 7
            await pilot.press("q")


# -- 5. file names that are not UTF-8 ------------------------------------------------------


@pytest.fixture
def latin1_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    page = (SEEDS / "bbc-obama-gun-laws.html").read_bytes()
    try:
        (folder / os.fsdecode(b"bad\xff\xfe name.html")).write_bytes(page)
        (folder / os.fsdecode(b"z\xe9t\xe9.txt")).write_bytes(
            (SEEDS / "000_31bcbe470fa26f0d.txt").read_bytes()
        )
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 names")
    return folder


@pytest.mark.parametrize("library", [True, False])
def test_names_that_are_not_utf8_are_read_kept_and_written_as_valid_json(
    library: bool, latin1_folder: Path, folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [str(latin1_folder), "--format", "json"] + ([] if library else ["--no-library"])
    code, out, err = run_cli(capsys, *args)
    assert code == 0 and err == ""
    out.encode("utf-8")
    inputs = sorted(a["input"] for a in json.loads(out)["articles"])
    assert [Path(i).name for i in inputs] == ["bad\ufffd\ufffd name.html", "z\ufffdt\ufffd.txt"]


# -- 7. stderr -----------------------------------------------------------------------------


def test_hostile_names_reach_stderr_escaped_on_one_line(
    tmp_path: Path, folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "x\x1b]52;c;cHduZWQ=\x07\r.bin"
    bad.write_bytes(os.urandom(2048))
    code, _, err = run_cli(capsys, str(bad), str(HOSTILE / "markup-guid.rss"), "--format", "json")
    assert code == 1
    assert not UNSAFE.search(err)
    lines = err.splitlines()
    assert len(lines) == 5 and "x]52;c;cHduZWQ= .bin: not an HTML or text document" in lines[0]
    assert lines[-1].endswith(
        "#guid ]52;c;cHduZWQ= end: the entry links to no web page; the feed has no text for it"
    )


# -- 8. links ------------------------------------------------------------------------------


def test_markdown_writes_only_web_links_and_escapes_them(
    folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, str(HOSTILE / "links.rss"), "--format", "markdown")
    assert code == 0
    assert "javascript:" not in out and "file:" not in out
    assert "](https://evil" not in out
    assert "(http://127.0.0.1:9/a%29[evil]%28https://evil.example/)" in out


# -- 9. feeds.txt holds URLs, one a line ---------------------------------------------------


def test_a_newline_in_a_feed_url_never_writes_a_path_to_the_feed_list(
    folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(  # --force: added without being fetched (no network in tests)
        capsys,
        "feeds",
        "add",
        "--force",
        str(HOSTILE / "newline.opml"),
        "https://x.example/feed\n/",
    )
    assert code == 1
    assert out == "added https://feed.example/good.xml\n"
    assert (
        err
        == "digest: https://x.example/feed\\n/: a URL cannot hold spaces or control characters\n"
    )
    assert (folders / "config" / "feeds.txt").read_text() == "https://feed.example/good.xml\n"


def test_paths_in_an_old_feed_list_are_skipped_not_read(
    folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folders / "config").mkdir()
    (folders / "config" / "feeds.txt").write_text("https://feed.example/rss\n/\n/etc/passwd\n")
    code, out, err = run_cli(capsys, "feeds", "list")
    assert code == 0 and out == "https://feed.example/rss\n"
    assert "feeds.txt line 2: not an http(s) URL; skipped" in err
    assert "feeds.txt line 3: not an http(s) URL; skipped" in err


# -- 10. the Python API --------------------------------------------------------------------


@pytest.mark.parametrize("inputs", [str(SEEDS), str(SEEDS).encode(), bytearray(b"seeds")])
def test_a_bare_str_or_bytes_is_refused(inputs: object) -> None:
    with pytest.raises(TypeError, match="must be a list of paths"):
        build_digest(inputs)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a list of paths"):
        iter_digest(inputs)  # type: ignore[arg-type]


@pytest.mark.usefixtures("seeds_read_once")  # about the kinds of path, not reading
@pytest.mark.usefixtures("seeds_read_once")  # about inputs, not reading
def test_paths_are_inputs() -> None:
    digest = build_digest([SEEDS])
    assert len(digest.articles) == 7 and digest.errors == ()


# -- 11. pipes -----------------------------------------------------------------------------


def test_a_pipe_in_a_folder_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "story.html").write_bytes((SEEDS / "bbc-obama-gun-laws.html").read_bytes())
    os.mkfifo(tmp_path / "pipe.html")
    os.mkfifo(tmp_path / "feed.xml")
    results: list[Article | InputFailure] = []
    reader = threading.Thread(target=lambda: results.extend(iter_digest([tmp_path])), daemon=True)
    reader.start()
    reader.join(30)  # before: opening the pipe waited for a writer for ever
    assert not reader.is_alive()
    assert [r.input for r in results] == [str(tmp_path / "story.html")]


@pytest.mark.parametrize("name", ["settings.json", "feeds.txt", "library.sqlite3"])
def test_a_pipe_in_place_of_a_file_of_digest_is_named_not_read(
    name: str, folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = folders / ("data" if name == "library.sqlite3" else "config")
    folder.mkdir()
    os.mkfifo(folder / name)
    outcome: list[str] = []

    def run() -> None:
        if name == "settings.json":
            from digest.config import load_settings

            outcome.append(str(load_settings()[1]))
        elif name == "feeds.txt":
            outcome.append(str(cli.main(["--format", "json"])))
        else:
            with pytest.raises(LibraryError) as caught:
                Library.open()
            outcome.append(str(caught.value))

    reader = threading.Thread(target=run, daemon=True)
    reader.start()
    reader.join(30)
    assert not reader.is_alive() and outcome
    said = outcome[0] + capsys.readouterr().err
    assert "is a pipe" in said or "not a regular file" in said


# -- 12. damaged and read-only libraries ---------------------------------------------------


def test_a_damaged_library_in_rollback_journal_mode_is_left_as_it_was(folders: Path) -> None:
    with Library.open() as library:
        library.save_articles([(read_once((SEEDS / BBC).read_bytes(), input=BBC), None)])
    path = folders / "data" / "library.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = DELETE")
    (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles'").fetchone()
    size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    damaged = bytearray(path.read_bytes())
    damaged[(root - 1) * size : (root - 1) * size + 12] = b"\xff" * 12
    path.write_bytes(bytes(damaged))
    with pytest.raises(LibraryError, match="the file is damaged"):
        Library.open()
    assert path.read_bytes() == bytes(damaged)  # before: switched to WAL mode, header rewritten


@pytest.fixture
def read_only_library(folders: Path) -> Iterator[Path]:
    """A library in WAL mode that the user may not write (nor its folder)."""
    with Library.open() as library:
        library.save_articles([(read_once((SEEDS / BBC).read_bytes(), input=BBC), None)])
    data = folders / "data"
    path = data / "library.sqlite3"
    if os.geteuid() != 0:
        path.chmod(0o444)
        data.chmod(0o555)
        yield path
        data.chmod(0o755)
        path.chmod(0o644)
        return
    # root may write any file it may read: only an immutable file (and folder) is read-only.
    made = subprocess.run(["chattr", "+i", str(path), str(data)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("cannot make a read-only file as root here (no chattr)")
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path), str(data)], check=True)


def test_a_read_only_library_is_read(
    read_only_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Library.open() as library:
        assert library.read_only and len(library.articles()) == 1
        with pytest.raises(LibraryError, match="read-only"):
            library.mark_read([library.articles()[0].article.id])
    code, out, err = run_cli(capsys, "library", "info")
    assert code == 0 and out.endswith("library.sqlite3: 1 article, 0 pages\n")
    code, out, err = run_cli(capsys, "--offline", "--format", "json")
    assert code == 0 and len(json.loads(out)["articles"]) == 1 and err == ""
    code, out, err = run_cli(
        capsys, str(SEEDS / "nytimes-sudan-sanctions.html"), "--format", "json"
    )
    assert code == 0 and len(json.loads(out)["articles"]) == 1
    assert err.endswith("is read-only: what this run reads is not kept in it\n")


# -- 13. smaller ---------------------------------------------------------------------------


def test_an_entry_that_links_to_its_feed_is_read_from_its_text(
    local_site: SiteFactory, folders: Path
) -> None:
    site = local_site({})
    body = f"&lt;p&gt;{SENTENCE}, and the mayor said the vote settled a dispute.&lt;/p&gt;" * 3
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Self</title>'
        f"<link>{site.base}/</link><item><title>Budget approved</title>"
        f"<link>{site.base}/feed.xml</link><description>{body}</description></item>"
        "</channel></rss>"
    ).encode()
    site.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, feed)
    (article,) = build_digest([f"{site.base}/feed.xml"]).articles
    assert article.title == "Budget approved" and "feed-content" in article.warnings
    assert "<rss" not in article.text and SENTENCE in article.text


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["http://[bad"], 1, "digest: http://[bad: not a valid URL\n"),
        (
            ["https://example.org/\x1b[2J"],
            1,
            "digest: https://example.org/[2J: a URL cannot hold spaces or control characters\n",
        ),
        ([str(SEEDS), "--width", "5"], 2, "argument -w/--width: must be 40 or more: '5'"),
    ],
)
def test_bad_values_are_named(
    args: list[str], code: int, said: str, folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if code == 2:
        with pytest.raises(SystemExit) as caught:
            cli.main(args)
        assert caught.value.code == code and said in capsys.readouterr().err
        return
    assert run_cli(capsys, *args, "--format", "json")[::2] == (code, said)


def test_an_opml_file_is_read_up_to_its_cap(
    tmp_path: Path,
    folders: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("digest.inputs.feeds.MAX_OPML_FEEDS", 3)
    opml = tmp_path / "many.opml"
    outlines = "".join(f'<outline xmlUrl="https://f{n}.example/rss"/>' for n in range(5))
    opml.write_text(f'<opml version="2.0"><body>{outlines}</body></opml>')
    code, out, err = run_cli(capsys, str(opml), "--offline", "--format", "json")
    errors = json.loads(out)["errors"]
    assert code == 1 and len(errors) == 4
    assert (
        errors[-1]["error"]
        == "2 more feeds left out: digest reads the first 3 feeds of an OPML file"
    )
    code, out, err = run_cli(capsys, "feeds", "add", str(opml))
    assert code == 1 and "lists 5 feeds; digest reads at most 3 from an OPML file" in err
