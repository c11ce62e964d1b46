"""Reading in a pool of processes: the same articles in the same order as one process, the
library written by the parent alone, a clean fallback when processes cannot start or die,
and one article for the same page given twice."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import digest.readers
import digest.reading
from digest import cli
from digest.library.refresh import iter_run
from digest.library.store import Library
from digest.models import Article, InputFailure
from digest.pipeline import distinct, pool_from
from digest.readers import ReaderPool
from tests.conftest import FIXTURES, ROOT, SEEDS, keep_reads

STORIES = FIXTURES / "stories"


def _warm_pool() -> Iterator[ReaderPool]:
    readers = ReaderPool.start(2, launch=True)
    assert readers is not None
    assert readers.wait(60), readers.problem
    yield readers
    readers.close()


@pytest.fixture
def pool() -> Iterator[ReaderPool]:
    """Two reading processes, started and warm, for a test that may stop or break them."""
    yield from _warm_pool()


@pytest.fixture(scope="module")
def shared_pool() -> Iterator[ReaderPool]:
    """Two reading processes, started and warm, shared by the tests that leave them so."""
    yield from _warm_pool()


@pytest.fixture
def in_the_parent(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The inputs whose facts and summary this (the parent) process made."""
    made: list[str] = []
    real = digest.reading._complete

    def counted(extraction, *, input: str, url, sentences):  # type: ignore[no-untyped-def]
        made.append(input)
        return real(extraction, input=input, url=url, sentences=sentences)

    monkeypatch.setattr(digest.reading, "_complete", counted)
    return made


def _dicts(items: list[Article | InputFailure]) -> list[dict[str, object]]:
    return [item.to_dict() for item in items]


MANY = [str(SEEDS), str(STORIES), str(FIXTURES / "missing.html")]
"""46 documents and a path that is not there."""

FEW = [
    str(SEEDS / "bbc-obama-gun-laws.html"),
    *(str(STORIES / f"{name}.txt") for name in ("algeria-radio-reuters", "bonn-appeal-reuters")),
    *(str(STORIES / f"{name}.txt") for name in ("osce-chechnya-reuters", "trump-tax-politico")),
]
"""A page and four texts: enough for a pool to read (not enough to tell more than that
they are read, and where: the tests that compare with one process read :data:`MANY`)."""


@dataclass(frozen=True)
class Alone:
    """What one process reads of :data:`MANY`, and how many articles it made itself."""

    items: list[Article | InputFailure]
    made: int


@pytest.fixture(scope="module")
def alone() -> Alone:
    """:data:`MANY` read in this process, once for the tests that compare with it; each
    article is kept for a test of this process that reads it with ``seeds_read_once``."""
    made: list[str] = []
    real = digest.reading._complete

    def counted(extraction, *, input: str, url, sentences):  # type: ignore[no-untyped-def]
        made.append(input)
        return real(extraction, input=input, url=url, sentences=sentences)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(digest.reading, "_complete", counted)
        keep_reads(patch)
        items = list(iter_run(MANY, library=None))
    return Alone(items, len(made))


def test_processes_read_what_one_process_reads_in_the_same_order(
    shared_pool: ReaderPool, in_the_parent: list[str], alone: Alone
) -> None:
    assert alone.made == 7 + 39
    together = list(iter_run(MANY, library=None, readers=shared_pool))
    assert in_the_parent == []  # every article was made in a worker process
    assert _dicts(together) == _dicts(alone.items)
    assert shared_pool.usable and shared_pool.problem is None


def test_the_library_is_written_by_the_parent_alone(
    shared_pool: ReaderPool, tmp_path: Path
) -> None:
    assert shared_pool.usable, shared_pool.problem
    library = Library.open(tmp_path / "lib.sqlite3")
    items = [i for i in iter_run(FEW, library=library, readers=shared_pool)]
    stored = {s.article.id: s.article for s in library.articles()}
    assert set(stored) == {i.id for i in items if isinstance(i, Article)}
    # Read back from the library, the records are the ones the workers made.
    assert [stored[i.id].to_dict() for i in items if isinstance(i, Article)] == _dicts(items)
    library.close()


def test_an_early_pool_reads_everything_in_its_workers_in_the_same_order(
    in_the_parent: list[str], tmp_path: Path
) -> None:
    # Documents are handed over while the workers are still starting, and wait for them;
    # a document that gives no article is a failure from the worker, in its place.
    (tmp_path / "empty-page.html").write_text("<html><body><p>Menu</p></body></html>")
    inputs = [*FEW, str(tmp_path / "empty-page.html"), str(tmp_path / "missing.html")]
    alone = list(iter_run(inputs, library=None))
    in_the_parent.clear()
    readers = ReaderPool.start(2, early=True)
    assert readers is not None and readers.usable  # before its workers have started
    try:
        together = list(iter_run(inputs, library=None, readers=readers))
    finally:
        readers.close()
    assert _dicts(together) == _dicts(alone)
    # A path that is not there fails first, as always; the page with no article in its place.
    failed = [Path(i.input).name for i in together if isinstance(i, InputFailure)]
    assert failed == ["missing.html", "empty-page.html"]
    assert isinstance(together[-1], InputFailure)
    assert in_the_parent == []  # not even the first page was read here
    assert readers.problem is None


def _short_pages(folder: Path, count: int) -> list[str]:
    """``count`` short articles, each its own (read in a few milliseconds: what a batch of
    them shows is when the workers start, not how long reading takes)."""
    folder.mkdir()
    for n in range(count):
        (folder / f"bridge-{n}.txt").write_text(
            f"Council approves bridge number {n}\n\nThe town council of Hexham voted on Monday"
            f" to build bridge number {n} over the river, the mayor said. It will cost {n + 2}"
            " million pounds and open in two years.\n"
        )
    return [str(folder)]


def test_a_batch_too_small_to_pay_for_processes_is_read_here(
    in_the_parent: list[str], tmp_path: Path
) -> None:
    """Starting the workers costs about six documents' reading: a printed digest of a handful
    of pages was slower with two processes, for twice the CPU. Fewer documents than
    :func:`pool_from` are read in this process, and no worker is started."""
    readers = ReaderPool.start(2)
    assert readers is not None
    try:
        items = list(
            iter_run(
                _short_pages(tmp_path / "few", pool_from(2) - 1), library=None, readers=readers
            )
        )
        assert len(items) == len(in_the_parent) == pool_from(2) - 1
        assert readers._launching is None and readers._executor is None, "no worker started"
    finally:
        readers.close()


def test_a_batch_big_enough_starts_the_processes(tmp_path: Path) -> None:
    readers = ReaderPool.start(2)
    assert readers is not None
    try:
        items = list(
            iter_run(_short_pages(tmp_path / "enough", pool_from(2)), library=None, readers=readers)
        )
        assert len(items) == pool_from(2) and all(isinstance(i, Article) for i in items)
        assert readers.wait(60) and readers.problem is None, "the workers were started"
    finally:
        readers.close()


def test_an_early_pool_closed_at_once_leaves_no_worker() -> None:
    readers = ReaderPool.start(2, early=True)
    assert readers is not None
    readers.close()
    assert not readers.usable and readers.submit(int) is None
    assert readers._executor is None


@pytest.mark.parametrize("how", ["launch", "early"])
def test_when_processes_cannot_start_this_process_reads(
    monkeypatch: pytest.MonkeyPatch, in_the_parent: list[str], how: str
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(digest.readers, "ProcessPoolExecutor", refuse)
    readers = ReaderPool.start(2, **{how: True})
    assert readers is not None and not readers.wait(10)
    assert readers.problem is not None and "Function not implemented" in readers.problem
    items = list(iter_run(FEW, library=None, readers=readers))
    assert len(items) == len(in_the_parent) == len(FEW)
    readers.close()


def test_a_worker_that_dies_costs_nothing_but_speed(
    pool: ReaderPool, in_the_parent: list[str]
) -> None:
    expected = _dicts(list(iter_run(FEW, library=None)))
    in_the_parent.clear()
    workers = list(pool._executor._processes.values())  # type: ignore[union-attr]
    os.kill(workers[0].pid, signal.SIGKILL)
    workers[0].join(10)
    items = list(iter_run(FEW, library=None, readers=pool))
    assert _dicts(items) == expected
    assert not pool.usable and pool.problem is not None
    assert in_the_parent  # what the workers could not read was read here


def test_closing_stops_the_workers_at_once(pool: ReaderPool) -> None:
    """Closing stops the workers, and the pool's own thread has ended when it returns:
    left running, it raced the interpreter's exit, which then printed "Exception ignored
    ... Bad file descriptor" under a digest that had printed well."""
    workers = list(pool._executor._processes.values())  # type: ignore[union-attr]
    manager = pool._executor._executor_manager_thread  # type: ignore[union-attr]
    assert workers and all(w.is_alive() for w in workers)
    assert manager is not None and manager.is_alive()
    pool.close()
    assert not manager.is_alive()
    for worker in workers:
        worker.join(5)
    assert not any(w.is_alive() for w in workers)
    assert pool.submit(int) is None  # closed: the caller reads


def test_one_job_means_no_processes() -> None:
    assert ReaderPool.start(1) is None


@pytest.mark.usefixtures("seeds_read_once")  # in this process, as `alone` read them
def test_the_command_line_prints_the_same_with_and_without_processes(
    capsys: pytest.CaptureFixture[str], alone: Alone
) -> None:
    arguments = [str(SEEDS), str(STORIES), "--format", "json", "--no-library"]
    done = subprocess.run(
        [sys.executable, "-m", "digest", *arguments, "--jobs", "2"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    # Without processes, in this process (the command's entry point, as the process runs it);
    # the articles it reads are those :func:`alone` read here, one process's.
    code = cli.main([*arguments, "--jobs", "1"])
    out, err = capsys.readouterr()
    assert code == 0 and err == "", err
    with_processes, without = json.loads(done.stdout), json.loads(out)
    with_processes.pop("generated")
    without.pop("generated")
    assert with_processes == without


@pytest.mark.parametrize(
    ("option", "value"),
    [("--jobs", "0"), ("--jobs", "two"), ("--refresh", "0"), ("--refresh", "nan")],
)
def test_bad_jobs_and_refresh_are_usage_errors(
    option: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # In this process, as `python -m digest` runs it (sys.exit(main())): any other exception,
    # a traceback in a process, fails the test.
    try:
        code = cli.main([str(SEEDS), option, value])
    except SystemExit as stopped:
        code = stopped.code
    err = capsys.readouterr().err
    assert code == 2 and option in err and "Traceback" not in err


def _article(title: str, url: str | None, paragraphs: tuple[str, ...]) -> Article:
    from digest.models import article_id

    return Article(
        id=article_id(url, title, paragraphs), input=url or title, url=url, title=title,
        standfirst=None, section=None, authors=(), publisher="BBC News", agencies=(),
        published=None, language="en", paragraphs=paragraphs,
    )  # fmt: skip


BODY = ("Parliament voted on Tuesday.", "The bill passed by 300 votes to 250.")


@pytest.mark.parametrize(
    ("second", "kept"),
    [
        (_article("Bill passes", "https://bbc.co.uk/news/1", BODY), 1),  # the same canonical URL
        (_article("Bill passes", "https://bbc.co.uk/news/1?at_medium=rss", BODY), 1),  # two URLs
        (_article("Bill passes", None, BODY), 1),  # saved as text: the same headline and body
        (_article("BILL PASSES ", None, BODY), 1),  # the headline's case and spaces aside
        (_article("Bill passes", "https://bbc.co.uk/news/2", BODY[:1]), 2),  # another body
        (_article("Bill fails", "https://bbc.co.uk/news/3", BODY), 2),  # another headline
    ],
)
def test_the_same_article_twice_is_one(second: Article, kept: int) -> None:
    first = _article("Bill passes", "https://bbc.co.uk/news/1", BODY)
    failure = InputFailure("x.html", "empty file")
    items = list(distinct([first, failure, second]))
    assert [i for i in items if isinstance(i, Article)][0] is first
    assert len([i for i in items if isinstance(i, Article)]) == kept and failure in items


def test_a_page_saved_twice_is_one_source_on_its_card(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("bbc-obama-gun-laws.html", "nytimes-sudan-sanctions.html"):
        shutil.copy(SEEDS / name, folder / name)
    shutil.copy(SEEDS / "bbc-obama-gun-laws.html", folder / "obama-again.html")
    code = cli.main([str(folder), "--no-library", "--format", "text"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.startswith("Digest · 2 articles from 2 sources")
    assert "Also reported by" not in out


async def test_the_app_reads_in_processes_started_before_it(in_the_parent: list[str]) -> None:
    from digest.ui.app import DigestApp
    from tests.conftest import wait_for_digest

    read = [a.id for a in iter_run(FEW, library=None) if isinstance(a, Article)]
    in_the_parent.clear()
    readers = ReaderPool.start(2, early=True)  # as the command line: before the app
    assert readers is not None
    app = DigestApp(FEW, remember=False, readers=readers)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for_digest(pilot)
            screen = app.screen
            # Under the app (whose capture of stderr has no file descriptor) the workers
            # started, and read every page, the first included, in the inputs' order.
            assert [a.id for a in screen.articles] == read  # type: ignore[attr-defined]
            assert readers.usable and readers.problem is None
            assert in_the_parent == []
    finally:
        readers.close()


async def test_quitting_while_the_workers_start_ends_the_app_and_them() -> None:
    from digest.ui.app import DigestApp

    readers = ReaderPool.start(2, early=True)
    assert readers is not None
    app = DigestApp([str(SEEDS), str(STORIES)], remember=False, readers=readers)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("q")  # before the first card: the workers are still starting
            await pilot.pause()
        assert app.return_code in (0, 1)
    finally:
        readers.close()
    assert readers._executor is None and readers.submit(int) is None


def test_conflicts_name_outlets_as_the_sources_line_does() -> None:
    from digest.models import Conflict, ConflictValue
    from digest.render import conflict_text

    conflict = Conflict(
        kind="number",
        what="people killed",
        values=(
            ConflictValue("2 people killed", ("/home/ann/news/algeria-radio.txt",), ("a",)),
            ConflictValue("7", ("Le Matin", "https://lematin.example/"), ("b", "c")),
        ),
        text="2 people killed (/home/ann/news/algeria-radio.txt) vs 7 (Le Matin)",
    )
    assert conflict_text(conflict) == (
        "2 people killed (algeria-radio.txt) vs 7 (Le Matin, https://lematin.example/)"
    )
