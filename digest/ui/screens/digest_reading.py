"""Reading on the digest screen: the first reading, a refresh, a retry, and their failures.

The inputs are read through :func:`digest.library.refresh.iter_run` in a thread worker;
each result comes to the screen as a message, and the articles read within
:data:`FLUSH_SECONDS` join the view together. Failures are kept for the errors screen
(``e``, which offers to retry them) and told in one notification per burst. Once reading
is done, a second worker groups the articles into stories and finds what is new in each
since the user last opened it. ``R`` (or the timer of ``--refresh``) reads every input
again: the articles it brings are marked new.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.timer import Timer

from digest.library.refresh import Filters
from digest.models import Article, InputFailure
from digest.pipeline import Stop
from digest.render import counted
from digest.ui.screens.dialogs import ErrorsScreen
from digest.ui.screens.digest_marks import DigestMarks
from digest.ui.screens.digest_view import State
from digest.ui.view import retry_inputs

if TYPE_CHECKING:
    from digest.library.store import Library
    from digest.models import Changes, Story
    from digest.readers import ReaderPool

FLUSH_SECONDS = 0.1
"""Articles read within this time are added to the view together, in one redraw."""

BURST_SECONDS = 1.0
"""Failures within this time of the first one are told in one notification."""


class DigestReading(DigestMarks):
    """The digest screen's view and marks, filled by reading the inputs in workers."""

    def __init__(
        self,
        inputs: Sequence[str],
        sentences: int,
        *,
        library: Library | None = None,
        offline: bool = False,
        filters: Filters | None = None,
        showing: str = "cards",
        order: str = "given",
        unread_only: bool = False,
        refresh_minutes: float | None = None,
        readers: ReaderPool | None = None,
    ) -> None:
        filters = filters or Filters()
        super().__init__(
            library=library,
            showing=showing,
            order=order,
            unread_only=unread_only or filters.unread,
        )
        self.inputs = list(inputs)
        self.sentences = sentences
        self.offline = offline
        # Only unread is a choice of the view (U), so that marking read hides nothing at once.
        self.filters = replace(filters, unread=False)
        self.readers = readers
        """Worker processes that read documents, or ``None`` to read in the worker thread."""
        self.refresh_minutes = refresh_minutes
        self.failures: list[InputFailure] = []
        self.total: int | None = None
        self.refreshed_at: float | None = None
        self._burst: list[InputFailure] = []
        self._burst_timer: Timer | None = None
        self._pending: list[tuple[Article, State | None]] = []
        self._flush_timer: Timer | None = None
        self._positions: dict[str, int] = {}
        """Article id -> its place in ``articles``."""
        self._received = 0
        """Articles and failures the current reading has given so far."""
        self._why = "load"
        """Why the current (or last) reading runs: load, refresh or retry."""
        self.stop_reading = Stop()
        """Ends the reading worker at once (quitting does not wait for slow servers)."""
        self._frozen = False
        """Whether the objects alive after the first reading are kept out of garbage collection."""

    def _read(self, inputs: Sequence[str], why: str) -> None:
        """Read ``inputs`` (``why``: load, refresh or retry) in a thread worker."""
        self.done = False
        self.total = None
        self._received = 0
        self._why = why
        if why == "refresh":
            self.new_ids = set()
            self.failures = []
        self._status()
        self.read_inputs(list(inputs), why)

    @work(thread=True, exclusive=True, group="read")
    def read_inputs(self, inputs: list[str], why: str) -> None:
        from digest.library.refresh import iter_run, wanted

        shown_total = 0

        def progress(done: int, total: int) -> None:
            nonlocal shown_total
            if total != shown_total:  # the total grows as feeds are read
                shown_total = total
                self.post_message(self.Read(total))

        # post_message is safe from a thread and does not wait for the screen to draw, so
        # reading goes on while cards are shown.
        for item in iter_run(
            inputs,
            library=self.library,
            offline=self.offline,
            sentences=self.sentences,
            progress=progress,
            readers=self.readers,
            warn=self._warn,
            stop=self.stop_reading,
        ):
            state: State | None = None
            if isinstance(item, Article):
                if self.filters.active and not wanted([item], self.library, self.filters):
                    continue
                if self.library is not None:
                    state = self.library.states([item.id]).get(item.id, (None, None))
            self.post_message(self.Read(item, state))
        if self.stop_reading.stopped:
            return  # the app is closing: nobody will see the end
        self.post_message(self.Read(None, why=why))

    def _warn(self, text: str) -> None:
        """From the reading worker: tell the user about the library (once)."""
        self.post_message(self.Warned(text))

    class Warned(Message):
        """From the reading worker: the library failed, and the run goes on without it."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def on_digest_reading_warned(self, message: Warned) -> None:
        self.notify(message.text, title="Library", severity="warning", timeout=8, markup=False)

    class Read(Message):
        """From the reading worker: the number of inputs, one result, or ``None`` at the end."""

        def __init__(
            self,
            item: int | Article | InputFailure | None,
            state: State | None = None,
            *,
            why: str = "",
        ) -> None:
            super().__init__()
            self.item = item
            self.state = state
            """The article's state in the library (``None``: no library)."""
            self.why = why

    def on_digest_reading_read(self, message: Read) -> None:
        item = message.item
        if isinstance(item, Article | InputFailure):
            self._received += 1
        if isinstance(item, int):
            self.total = item
            self._status()
        elif isinstance(item, Article):
            self._pending.append((item, message.state))
            if not self.articles:  # the first card is shown at once
                self._flush()
            elif self._flush_timer is None:
                self._flush_timer = self.set_timer(FLUSH_SECONDS, self._flush)
        elif isinstance(item, InputFailure):
            self.failures.append(item)
            self._burst.append(item)
            if self._burst_timer is None:
                self._burst_timer = self.set_timer(BURST_SECONDS, self._tell_failures)
            self._status()
        else:
            self._finished(message.why)

    def _flush(self) -> None:
        """Add the articles read since the last flush to the view, in one redraw."""
        if self._flush_timer is not None:
            self._flush_timer.stop()
        self._flush_timer = None
        if not self._pending:
            return
        for article, state in self._pending:
            if state is not None and article.id not in self.states:
                self.states[article.id] = state
                if self.unread_only and state[0] is not None:
                    self.hidden.add(article.id)
            place = self._positions.get(article.id)
            if place is None:  # a new article (a refresh marks it new)
                self._positions[article.id] = len(self.articles)
                self.articles.append(article)
                if self._why == "refresh":
                    self.new_ids.add(article.id)
            else:  # read again: the newer record replaces the old in its place
                self.articles[place] = article
        self._pending.clear()
        self._rearrange()

    def _tell_failures(self) -> None:
        """One notification for the failures of a burst, however many."""
        self._burst_timer = None
        burst, self._burst = self._burst, []
        if len(burst) == 1:
            self.notify(
                f"{burst[0].input}: {burst[0].error}",
                title="Input failed (e for details)",
                severity="error",
                timeout=6,
                markup=False,
            )
        elif burst:
            self.notify(f"{len(burst)} inputs failed: e for details", severity="error", timeout=6)

    def _finished(self, why: str) -> None:
        self._flush()
        if self._burst_timer is not None:
            self._burst_timer.stop()
            self._tell_failures()
        if why == "refresh":
            self.refreshed_at = time.time()
            brought = len(self.new_ids)
            self.notify(
                f"Refreshed: {counted(brought, 'new article')}."
                if brought
                else "Refreshed: nothing new.",
                timeout=3,
            )
        if self.failures and not self.articles:
            self.notify(
                "No input gave an article: press e to see why.", severity="error", timeout=8
            )
        self.group_stories(list(self.articles))

    @work(thread=True, exclusive=True, group="group")
    def group_stories(self, articles: list[Article]) -> None:
        """Group the articles into stories, each marked with what is new since last opened."""
        from digest.models import Snapshot
        from digest.stories import changes, group, match

        stories = group(articles)
        if self.stop_reading.stopped:
            return  # the app is closing
        seen: dict[str, Changes] = {}
        if self.library is not None:
            snapshots = []
            for text in self.library.snapshots().values():
                try:
                    snapshots.append(Snapshot.from_json(text))
                except ValueError:
                    continue  # a snapshot this digest cannot read: the story counts as unseen
            for story in stories:
                previous = match(story, snapshots)
                if previous is not None:
                    seen[story.lead.id] = changes(previous, story)
        self.post_message(self.Grouped(stories, seen))

    class Grouped(Message):
        """From the grouping worker: the stories and what is new in each."""

        def __init__(self, stories: list[Story], changes: dict[str, Changes]) -> None:
            super().__init__()
            self.stories = stories
            self.changes = changes

    def on_digest_reading_grouped(self, message: Grouped) -> None:
        self.story_of = {story.lead.id: story for story in message.stories}
        self.changes = message.changes
        self.done = True
        self._rearrange()
        if not self._frozen:
            # What is alive once the articles are read (the app, its modules, the articles) lives
            # as long as the app: a full collection need not walk it each time (~300k objects).
            self._frozen = True
            gc.freeze()

    def thaw(self) -> None:
        """Let the garbage collector walk what :func:`gc.freeze` set aside (the screen is gone)."""
        if self._frozen:
            self._frozen = False
            gc.unfreeze()

    def _timed_refresh(self) -> None:
        if self.done:
            self._read(self.inputs, "refresh")

    def action_errors(self) -> None:
        def then(answer: str | None) -> None:
            if answer == "retry":
                self.action_retry()

        can_retry = self.done and bool(self.failures)
        self.app.push_screen(ErrorsScreen(self.failures, can_retry=can_retry), then)

    def action_retry(self) -> None:
        """Read the inputs that failed again (a feed entry's feed, a folder's file)."""
        if not self.done or not self.failures:
            return
        again = retry_inputs(self.failures, self.inputs)
        self.failures = []
        self.notify(f"Trying {counted(len(again), 'input')} again…", timeout=2)
        self._read(again, "retry")

    def action_refresh(self) -> None:
        """Read every input again: new articles arrive marked new."""
        if self.done:
            self.notify("Refreshing…", timeout=2)
            self._read(self.inputs, "refresh")
