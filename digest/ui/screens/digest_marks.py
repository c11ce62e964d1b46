"""Read and saved marks on the digest screen, and opening an article (which marks it read).

An article counts as unread while it, or any article of the story it leads, is unread.
``n``/``N`` go to the next or previous unread one, ``r`` toggles read, ``A``/``C`` mark the
page or every article read (``u`` undoes that), ``U`` shows only unread ones, ``b`` saves;
in a library the marks are kept. Opening an article (Enter, a click) shows it in the
reader, which asks :meth:`DigestMarks.step` for the next and previous article
(:class:`~digest.ui.screens.reader.Navigator`).
"""

from __future__ import annotations

import time

from digest.models import Article
from digest.render import counted
from digest.ui.screens.digest_view import DigestView, State
from digest.ui.screens.reader import ReaderScreen, copy_link, open_link
from digest.ui.view import next_matching
from digest.ui.widgets.article_list import ArticleList
from digest.ui.widgets.card import Card


class DigestMarks(DigestView):
    """The digest screen's view, with read and saved marks and the way into the reader."""

    _undo: dict[str, State] | None = None
    """The states before the last "mark page / all read", for ``u``."""

    def action_unread(self, step: int) -> None:
        """Select the next (``step`` 1) or previous (-1) unread article, going round."""
        place = next_matching(self.view, self.index, step, self.is_unread)
        if place is None:
            self.notify("No other unread article.", timeout=2)
            return
        self.index = place
        self._show()

    def action_open(self) -> None:
        if self.selected is not None:
            self.app.push_screen(self.reader_for(self.selected))

    def on_card_chosen(self, message: Card.Chosen) -> None:
        self.index = self.view.index(message.article)
        self.app.push_screen(self.reader_for(message.article))

    def on_article_list_chosen(self, message: ArticleList.Chosen) -> None:
        self.index = self.view.index(message.article)
        self.app.push_screen(self.reader_for(message.article))

    def reader_for(self, article: Article) -> ReaderScreen:
        """The reader of ``article``, now selected; it and its story count as read and seen."""
        if article in self.view:
            self.index = self.view.index(article)
        story = self.story_of.get(article.id)
        self._mark([a.id for a in self.members(article)], read=True)
        if story is not None and self.library is not None:
            from digest.stories import snapshot

            self._remember(story.id, snapshot(story).to_json())
        return ReaderScreen(
            article, story=story, changes=self.changes.get(article.id), navigator=self
        )

    def step(self, article: Article, step: int, *, unread: bool = False) -> ReaderScreen | None:
        """The reader of the article after (``step`` 1) or before (-1) ``article`` in the
        view, or of the next unread one (going round); ``None`` when there is none."""
        if article not in self.view:
            return None
        here = self.view.index(article)
        if unread:
            place = next_matching(self.view, here, step, self.is_unread)
        else:
            place = here + step if 0 <= here + step < len(self.view) else None
        return None if place is None else self.reader_for(self.view[place])

    def action_toggle_read(self) -> None:
        if self.selected is not None:
            unread = self.is_unread(self.selected)
            self._mark([a.id for a in self.members(self.selected)], read=unread)
            self.notify("Marked read." if unread else "Marked unread.", timeout=2)

    def action_mark_read(self, which: str) -> None:
        """Mark the articles of this page, or of the whole view, read; ``u`` undoes it."""
        if not self.view:
            return
        start = self.page * self.per_page
        leads = self.view[start : start + self.per_page] if which == "page" else self.view
        ids = [m.id for lead in leads for m in self.members(lead)]
        before = {id_: self.states.get(id_, (None, None)) for id_ in ids}
        changed = [id_ for id_ in ids if before[id_][0] is None]
        if not changed:
            self.notify("Nothing unread here.", timeout=2)
            return
        if self._mark(changed, read=True):
            self._undo = {id_: before[id_] for id_ in changed}
            self.notify(f"Marked {counted(len(changed), 'article')} read: u undoes.", timeout=4)
            self._status()

    def action_undo(self) -> None:
        if self._undo is None:
            return
        ids = list(self._undo)
        if self._mark(ids, read=False):
            self._undo = None
            self.notify(f"Marked {counted(len(ids), 'article')} unread again.", timeout=3)
            self._status()

    def action_unread_only(self) -> None:
        """Show only unread articles, or all again; the choice is remembered."""
        self.unread_only = not self.unread_only
        self.hidden = (
            {id_ for id_, (read_at, _) in self.states.items() if read_at is not None}
            if self.unread_only
            else set()
        )
        self.digest_app.save_choice("unread_only", self.unread_only)
        self._rearrange()

    def action_toggle_saved(self) -> None:
        article = self.selected
        if article is not None and self.library is not None:
            _, saved_at = self.states.get(article.id, (None, None))
            if self._mark([article.id], saved=saved_at is None):
                self.notify(
                    "Saved: digest --saved lists it." if saved_at is None else "No longer saved.",
                    timeout=3,
                )

    def _mark(self, ids: list[str], *, read: bool | None = None, saved: bool | None = None) -> bool:
        """Change read or saved state (in the library when there is one) and on screen.

        Returns:
            Whether it was changed; a library that cannot be written is a notice.
        """
        from digest.library.store import LibraryError

        if self.library is not None:
            try:
                if read is not None:
                    self.library.mark_read(ids, read)
                if saved is not None:
                    self.library.mark_saved(ids, saved)
            except LibraryError as err:
                self.notify(str(err), title="Library", severity="error", timeout=8, markup=False)
                return False
        now = time.time()
        for id_ in ids:
            read_at, saved_at = self.states.get(id_, (None, None))
            if read is not None:
                read_at = now if read else None
            if saved is not None:
                saved_at = now if saved else None
            self.states[id_] = (read_at, saved_at)
        if self._list is not None:
            self._show()
        for card in self._cards:
            if any(m.id in ids for m in self.members(card.article)):
                unread, saved_now, _ = self._flags(card.article)
                card.mark(read=not unread, saved=saved_now)
        self._status()
        return True

    def _remember(self, story_id: str, snapshot: str) -> None:
        from digest.library.store import LibraryError

        assert self.library is not None
        try:
            self.library.remember_snapshot(story_id, snapshot)
        except LibraryError as err:
            self.notify(str(err), title="Library", severity="error", timeout=8, markup=False)

    def action_open_link(self) -> None:
        if self.selected is not None:
            open_link(self.app, self.selected)

    def action_copy_link(self) -> None:
        if self.selected is not None:
            copy_link(self.app, self.selected)
