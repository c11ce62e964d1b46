"""The library from the command line: a second run asks only for what changed, --offline,
--unread, --saved, --since, ``digest library``, a damaged library, and a refresh killed midway."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from digest import cli
from digest.library.store import Library
from tests.conftest import ROOT, SEEDS, Route, Seen, Site, wait_until_stored
from tests.test_feeds import HTML, RSS, STORY, SiteFactory, etag_route, item, news_site, rss


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("DIGEST_DATA_DIR", str(folder))
    return folder


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any], str]:
    code = cli.main([*argv, "--format", "json"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def _with_etags(site: Site) -> Site:
    for number, path in enumerate(list(site.routes)):
        site.routes[path] = etag_route(site.routes[path], f'"v{number}"')  # type: ignore[arg-type]
    return site


def test_a_second_run_asks_only_for_what_changed_and_offline_needs_no_server(
    local_site: SiteFactory,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    site = _with_etags(news_site(local_site))
    feed = site.base + "/feed.xml"
    code, first, _ = _json(capsys, feed)
    assert code == 0 and len(first["articles"]) == 3
    assert site.statuses == [200] * 4
    site.log.clear()
    site.statuses.clear()

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged page was read again")

    # Pages that have not changed are not read again: their articles come from the library.
    with monkeypatch.context() as patch:
        patch.setattr("digest.reading._extraction", no_reading)
        code, second, _ = _json(capsys, feed)
    assert code == 0
    assert site.statuses == [304] * 4  # the feed and its three pages, each asked conditionally
    assert all("if-none-match" in seen.headers for seen in site.log)
    assert second["articles"] == first["articles"]
    site.close()  # no server from here on
    code, offline, err = _json(capsys, feed, "--offline")
    assert code == 0, err
    assert [a["title"] for a in offline["articles"]] == [a["title"] for a in first["articles"]]
    code, _, err = _json(capsys, site.base + "/never-fetched", "--offline")
    assert code == 1 and "not in the library, and digest is offline" in err
    with Library.open(data_dir / "library.sqlite3") as library:
        assert library.counts() == (3, 4)


@pytest.mark.usefixtures("seeds_read_once")  # about the library, not reading
def test_unread_saved_and_since_filter_what_is_shown(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, everything, _ = _json(capsys, str(SEEDS))
    ids = [a["id"] for a in everything["articles"]]
    with Library.open(data_dir / "library.sqlite3") as library:
        library.mark_read(ids[:2])
        library.mark_saved([ids[3]])
    _, unread, _ = _json(capsys, str(SEEDS), "--unread")
    assert [a["id"] for a in unread["articles"]] == ids[2:]
    _, saved, _ = _json(capsys, "--saved")  # no input: the library alone
    assert [a["id"] for a in saved["articles"]] == [ids[3]]
    _, recent, _ = _json(capsys, str(SEEDS), "--since", "7d")
    # The seeds are from 2015-2024, except the one that gives no date (it counts as new).
    assert [a["published"] for a in recent["articles"]] == [None]
    _, offline, _ = _json(capsys, "--offline")
    assert sorted(a["id"] for a in offline["articles"]) == sorted(ids)


@pytest.mark.usefixtures("seeds_read_once")  # about the library, not reading
def test_library_prune_and_info(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _json(capsys, str(SEEDS))
    assert cli.main(["library", "info"]) == 0
    assert "7 articles, 0 pages" in capsys.readouterr().out
    assert cli.main(["library", "prune", "--older-than", "30d"]) == 0
    assert "removed 0 articles and 0 pages" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        cli.main(["library", "prune", "--older-than", "soon"])
    assert "not an age" in capsys.readouterr().err


@pytest.mark.usefixtures("seeds_read_once")  # about the library, not reading
def test_a_damaged_library_is_named_never_overwritten(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir()
    path = data_dir / "library.sqlite3"
    path.write_bytes(b"not a database at all" * 500)
    before = path.read_bytes()
    code = cli.main([str(SEEDS), "--format", "text"])
    out, err = capsys.readouterr()
    assert code == 0 and "7 articles" in out  # the digest is still made
    assert (
        err.count("\n") == 1 and "damaged or not a database" in err and "without the library" in err
    )
    code = cli.main(["--saved", "--format", "text"])
    out, err = capsys.readouterr()
    assert code == 1 and "damaged or not a database" in err and out == ""
    assert path.read_bytes() == before


def _held_site(local_site: SiteFactory, pages: int, free: int, release: threading.Event) -> Site:
    """A feed of ``pages`` entries, each a short article of its own; the pages after the
    first ``free`` are answered only once ``release`` is set (or after a minute)."""

    def page(seen: Seen) -> Route:
        number = int(seen.path.rsplit("/", 1)[1])
        if number >= free:
            release.wait(60)
        # Another article on each page (another URL and headline): the same one twice is one.
        title = f"Bridge to close for two years, council says ({number})"
        body = f"<h1>{title}</h1>{STORY}<p>This is report number {number} on the bridge.</p>"
        html = f"<html><head><title>{title}</title></head><body><article>{body}</article>"
        return (200, HTML, f"{html}</body></html>".encode())

    site = local_site({f"/story/{n}": page for n in range(pages)})
    items = [item(f"{site.base}/story/{n}", f"id-{n}", title=f"Story {n}") for n in range(pages)]
    site.routes["/feed.xml"] = (200, RSS, rss(site.base, items))
    return site


def _processes_with(marker: bytes) -> list[int]:
    """The processes whose environment holds ``marker`` (a test's own folder)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                environment = (entry / "environ").read_bytes()
            except OSError:  # gone, or not ours to read
                continue
            if marker in environment.split(b"\0"):
                found.append(int(entry.name))
    return found


def test_a_refresh_killed_midway_loses_nothing_committed(
    local_site: SiteFactory,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    release = threading.Event()
    site = _held_site(local_site, 12, 6, release)  # killed while it waits for the 7th page
    env = {**os.environ, "DIGEST_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}
    path = tmp_path / "data" / "library.sqlite3"
    command = [sys.executable, "-m", "digest", site.base + "/feed.xml", "--format", "json"]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    stored = wait_until_stored(path, 4, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    release.set()
    assert 4 <= len(stored) < 12, "the refresh should be killed midway"
    # Its reading processes (and their fork server) do not outlive it.
    marker = f"DIGEST_DATA_DIR={tmp_path / 'data'}".encode()
    for _ in range(100):
        if not _processes_with(marker):
            break
        time.sleep(0.1)
    assert _processes_with(marker) == []
    with Library.open(path) as library:
        kept = {s.article.id for s in library.articles()}
    assert stored <= kept  # everything committed before the kill is still there
    # The next refresh (run here: the killed one was the process) finds the library whole.
    monkeypatch.setenv("DIGEST_DATA_DIR", str(tmp_path / "data"))
    code, finished, err = _json(capsys, site.base + "/feed.xml")
    assert code == 0, err
    assert len(finished["articles"]) == 12
    with Library.open(path) as library:
        assert library.counts()[0] == 12


def test_from_cron_with_stdin_on_dev_null_the_feed_list_is_read(
    local_site: SiteFactory, tmp_path: Path
) -> None:
    site = news_site(local_site)
    config = tmp_path / "config"
    config.mkdir()
    (config / "feeds.txt").write_text(site.base + "/feed.xml\n", encoding="utf-8")
    env = {
        **os.environ,
        "DIGEST_CONFIG_DIR": str(config),
        "DIGEST_DATA_DIR": str(tmp_path / "data"),
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-m", "digest", "--format", "json"],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["articles"]) == 3
