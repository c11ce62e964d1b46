"""Articles read in a pool of processes, about one a core; the library written by one.

    parent (threads): sources -> fetch -> bytes --submit--> worker: extract, facts, summary
                      library <- results in input order <-- Article | InputFailure

Extraction, facts and summary are Python that holds the GIL: threads read one page at a
time however many cores the machine has, processes read one each. Only bytes go in and only
:class:`~digest.models.Article` and :class:`~digest.models.InputFailure` records come out;
the fetcher, its HTTP cache and the library stay in the parent process, which alone writes
them. The batch takes results in the order of the inputs (:mod:`digest.pipeline`), so a run
with ``--jobs 4`` gives what ``--jobs 1`` gives, in the same order.

Workers are started with ``forkserver`` where the platform has it: a fresh server process
imports the reading modules once and forks each worker from itself, so workers start warm
and the pool may be started from any thread (forking a process that already runs threads,
as the app does, is unsafe). Elsewhere ``spawn``. When processes cannot be started, or a
worker dies, what is left is read in the calling process, as with ``--jobs 1``.

The app starts its pool :attr:`~ReaderPool.early`, before Textual is even imported: the
fork server imports the reading modules on one core while the app starts on the other, and
the first pages wait for the workers instead of being read, cold, in the app's process.

This module is imported on the plain-output path: it must not import Textual.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")

PRELOAD = (
    "digest.reading",
    "digest.extract.html",
    "digest.facts",
    "digest.summarize",
    "digest.inputs.feeds",
    "readability",
    "trafilatura",  # the second opinion on HTML bodies, imported lazily elsewhere
)
"""Modules the fork server imports once, so that every worker it forks starts with them."""

WARM_UP_PAGE = (
    "<html><head><title>Council approves the new bridge</title></head><body><article>"
    "<h1>Council approves the new bridge</h1>"
    "<p>The town council of Hexham voted on Monday to build a new bridge over the river,"
    " the mayor, Anne Smith, said. It will cost 12 million pounds.</p>"
    "<p>“We have waited twenty years for this,” Smith told reporters in Hexham.</p>"
    "</article></body></html>"
)
"""A tiny page each worker reads once when it starts, so that the word lists and patterns
the first real page needs are loaded before it arrives."""


LAUNCH_WAIT = 10.0
"""Seconds :meth:`ReaderPool.close` waits for workers still starting (they take well under one)."""


def default_jobs() -> int:
    """About one reading process a core: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


PARENT_CHECK_SECONDS = 1.0
"""How often a worker looks whether the process it reads for is still there."""


def _warm_up(parent: int, page: bool = True) -> None:
    """Run in each worker as it starts: watch the ``parent`` process, then, with ``page``,
    read :data:`WARM_UP_PAGE` (the result is dropped)."""
    threading.Thread(target=_watch, args=(parent,), name="digest-parent", daemon=True).start()
    if page:
        from digest.reading import read_article

        read_article(WARM_UP_PAGE.encode("utf-8"), input="warm-up")


def _watch(parent: int) -> None:
    """End this worker once ``parent`` is gone: a process killed outright (SIGKILL, a crash)
    never stops its workers, and their fork server waits for them."""
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:  # the pid is another user's now: ours is gone
            os._exit(0)


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        # One list for the whole process (the fork server is shared): set, never extended.
        context.set_forkserver_preload(list(PRELOAD))
        return context
    return multiprocessing.get_context("spawn")


class ReaderPool:
    """Worker processes that read documents; use :meth:`start`, then :meth:`close`.

    Safe to use from many threads. The workers start in the background once a batch has
    enough to read (:meth:`launch`; a page or two is read sooner in the caller's process
    than processes start). Until they are ready (:attr:`usable`), and for good when they
    cannot start or one of them dies (:attr:`problem` says why), :meth:`submit` returns
    ``None`` and the caller reads in its own process: the first article never waits for
    the workers to start. An :attr:`early` pool is the other way round.
    """

    def __init__(self, jobs: int, *, early: bool = False) -> None:
        self.jobs = jobs
        """How many worker processes read at once."""
        self.early = early
        """Launched as soon as it is made, before the caller has anything to read (the app,
        before it imports Textual): documents go to the workers while they start, and wait
        for them (the workers' first documents warm them up); else the caller reads
        documents itself until the workers have started and read :data:`WARM_UP_PAGE`."""
        self.problem: str | None = None
        """Why documents are read in this process instead, once they are."""
        self._executor: ProcessPoolExecutor | None = None
        self._ready = threading.Event()
        """Set once the workers have started (or cannot)."""
        self._made = threading.Event()
        """Set once the executor is made (or cannot be): documents may be submitted."""
        self._launching: threading.Thread | None = None
        self._closed = False
        self._lock = threading.Lock()

    @classmethod
    def start(
        cls, jobs: int | None = None, *, launch: bool = False, early: bool = False
    ) -> ReaderPool | None:
        """A pool of ``jobs`` processes (default :func:`default_jobs`), to :meth:`launch`
        when there is enough to read (or at once, with ``launch`` or ``early``: see
        :attr:`early`).

        Returns:
            ``None`` when ``jobs`` is 1: documents are read in this process.
        """
        jobs = default_jobs() if jobs is None else jobs
        if jobs <= 1:
            return None
        pool = cls(jobs, early=early)
        if launch or early:
            pool.launch()
        return pool

    def prepare(self) -> None:
        """Start the helper process workers need (multiprocessing's resource tracker) now,
        from this thread, without starting the workers.

        To be called before an app takes over standard error: the tracker is given
        ``sys.stderr.fileno()``, which Textual's capture answers with -1, and a tracker that
        cannot start means no workers.
        """
        from multiprocessing import resource_tracker

        try:
            resource_tracker.ensure_running()
        except (OSError, ValueError) as err:
            self.broken(err)

    def launch(self) -> None:
        """Start the workers in the background, if not yet started."""
        with self._lock:
            if self._launching is not None or self._closed:
                return
            self._launching = threading.Thread(
                target=self._launch, name="digest-pool-start", daemon=True
            )
        self._launching.start()

    def _launch(self) -> None:
        try:
            executor = ProcessPoolExecutor(
                self.jobs,
                mp_context=_context(),
                initializer=_warm_up,
                initargs=(os.getpid(), not self.early),
            )
        except (OSError, NotImplementedError, ValueError, RuntimeError) as err:
            # No semaphores (/dev/shm), a frozen interpreter...
            self.broken(err)
            return
        with self._lock:
            closed = self._closed
            if not closed:
                self._executor = executor
        self._made.set()  # an early pool takes documents from now on; they wait for workers
        if closed:  # closed while the workers were starting
            _stop(executor)
            return
        try:
            # Start every worker now; each is ready once it has read the warm-up page.
            warming = [executor.submit(int) for _ in range(self.jobs)]
        except (OSError, NotImplementedError, ValueError, RuntimeError, BrokenProcessPool) as err:
            # No processes allowed, a fork server that could not start...
            self.broken(err)
            return
        for future in warming:
            try:
                future.result()
            except BrokenProcessPool as err:  # a worker could not start
                self.broken(err)
                return
        self._ready.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the workers are ready (or cannot be); returns :attr:`usable`."""
        self._ready.wait(timeout)
        return self.usable

    @property
    def usable(self) -> bool:
        """Whether documents go to the worker processes now: once they are ready, or from
        the launch for an :attr:`early` pool."""
        if self.problem is not None or self._closed:
            return False
        return self._ready.is_set() or (self.early and self._launching is not None)

    def submit(self, function: Callable[..., T], *args: Any) -> Future[T] | None:
        """Run ``function(*args)`` in a worker; ``None`` when the caller must run it itself.

        ``function`` must be a module-level function and its arguments and result
        picklable; it should return failures rather than raise them.
        """
        if self.early and self.usable:
            self._made.wait(LAUNCH_WAIT)  # made a moment after the launch
        with self._lock:
            executor = self._executor if self.usable else None
        if executor is None:
            return None
        try:
            return executor.submit(function, *args)
        except (BrokenProcessPool, RuntimeError) as err:  # a worker died, or closing
            self.broken(err)
            return None

    def broken(self, err: BaseException) -> None:
        """Note that the workers cannot read (``err``): from now on this process reads."""
        with self._lock:
            if self.problem is None:
                self.problem = f"reading processes stopped ({type(err).__name__}: {err})"
        self._made.set()
        self._ready.set()  # nobody waits for workers that will not come

    def close(self) -> None:
        """Stop the workers without waiting for documents not yet read.

        Workers still starting are waited for (a fraction of a second), then stopped: one
        left starting would outlive this process's semaphores and complain.
        """
        with self._lock:
            self._closed = True
            launching = self._launching
        if launching is not None:
            launching.join(LAUNCH_WAIT)
        with self._lock:
            executor, self._executor = self._executor, None
        self._made.set()
        self._ready.set()
        if executor is not None:
            _stop(executor)

    def __enter__(self) -> ReaderPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _stop(executor: ProcessPoolExecutor) -> None:
    """Shut the pool down now: documents waiting are dropped, workers reading are stopped
    (a long page does not hold up quitting, and a worker still starting does not outlive the
    parent's semaphores).

    The pool's own thread is waited for (at most :data:`LAUNCH_WAIT`): left to end on its
    own, it closes its wake-up pipe while the interpreter's exit writes to it, a race that
    prints "Exception ignored ... Bad file descriptor" at exit. The first ``shutdown``
    forgets the thread, so it is taken before.
    """
    manager = getattr(executor, "_executor_manager_thread", None)
    executor.shutdown(wait=False, cancel_futures=True)
    terminate = getattr(executor, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
    else:
        processes = getattr(executor, "_processes", None) or {}
        for process in list(processes.values()):
            process.terminate()
    if isinstance(manager, threading.Thread):
        manager.join(LAUNCH_WAIT)  # with its workers gone, it ends at once
