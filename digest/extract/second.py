"""A second opinion on a page's body: trafilatura's paragraphs, merged with digest's own.

digest's body (readability-lxml and the cleanup around it) is precise but now and then
misses a passage: a verdict box, a paragraph set apart from the story's container. And on a
page whose layout fools the container chooser, it finds next to nothing. trafilatura reads
the page by other rules, so where the two agree the text is the story, and where only
trafilatura has a paragraph it may be one digest missed or boilerplate digest rightly
left out. :func:`merge` adds such a paragraph only where the story itself stands around it
(see :class:`MergeRules`), never by looking at the page again, so that the merge costs next
to nothing; :func:`fallback` takes trafilatura's body whole when digest's is empty or short.

trafilatura is imported on first use (about 150 ms, most of it shared with htmldate), so
only pages read as HTML pay for it, and only once a process.
"""

from __future__ import annotations

import copy
import logging
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from digest.extract.lines import CJK


@dataclass(frozen=True, slots=True)
class MergeRules:
    """When a paragraph only trafilatura keeps joins digest's body."""

    shared: float = 0.5
    """A paragraph is in both bodies when this share of its 4-word shingles is in the other."""
    run_share: float = 0.5
    """A run of paragraphs only trafilatura keeps, as long as this share of the text both keep,
    is a gallery or a list of other stories, never text digest missed."""
    min_words: int = 4
    """Shorter paragraphs only trafilatura keeps (in words with a letter) are labels, bylines
    and the time stamps of widgets."""
    fallback_words: int = 80
    """Below this many words digest's body is taken as not found, and trafilatura's (when it
    has more) is used instead."""


MERGE = MergeRules()
"""The rules measured best on corpus/readability (benchmarks/bench_extract.py)."""

_WORD = re.compile(r"\w+")
_EMBEDDED = re.compile(r"https?://|\bpic\.twitter\.com/|\bwww\.\w|^@\w|\(@\w+\)")
"""A line of an embedded post (its links, a handle, the signature "— Name (@handle) date"):
a run of paragraphs holding one is the post, the page's and not the story's."""
_BULLET = re.compile(r"^[-*•]\s+")
_SIZE = 4


def _words(text: str) -> list[str]:
    """Lower-case words; in scripts written without spaces, each character is one."""
    text = text.lower()
    if CJK.search(text):
        text = CJK.sub(r" \g<0> ", text)
    return _WORD.findall(text)


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + _SIZE]) for i in range(len(words) - _SIZE + 1)}


def read_second(root: HtmlElement, thorough: bool = False) -> list[str]:
    """trafilatura's body of the page, a paragraph a line (list bullets dropped, table rows
    left out: digest reads tables itself). trafilatura works on its own copy of ``root``;
    an element that is not a page's root is read as a page of its own (a copy of it in a
    ``<body>``).

    It is asked for recall (digest's own body gives the precision) and, unless
    ``thorough``, without its own fallback extractors (readability and jusText), which
    add nothing to the merge; a page whose body digest finds short is read again with them.
    """
    from trafilatura import bare_extraction  # lazily: see the module docstring

    _quiet()
    if root.getparent() is not None or root.tag != "html":
        page = lxml.html.Element("html")
        lxml.etree.SubElement(page, "body").append(copy.deepcopy(root))
        root = page
    try:
        document = bare_extraction(
            root,
            favor_recall=True,
            fast=not thorough,
            include_comments=False,
            with_metadata=False,
        )
    except RecursionError:
        return []  # a tree too deep for its recursive walks: digest's own reading stands
    text = getattr(document, "text", None) if document is not None else None
    if not text:
        return []
    lines = (_BULLET.sub("", " ".join(line.split())) for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("|")]


_QUIET = False


def _quiet() -> None:
    """Keep trafilatura's log ("discarding data: None") off stderr: digest reports itself."""
    global _QUIET
    if not _QUIET:
        logging.getLogger("trafilatura").addHandler(logging.NullHandler())
        logging.getLogger("trafilatura").propagate = False
        _QUIET = True


def merge(
    ours: list[str],
    theirs: list[str],
    keep: Callable[[str], bool],
    lead: str | None = None,
    rules: MergeRules = MERGE,
) -> list[str]:
    """``ours`` with the paragraphs only ``theirs`` holds put in where they stand, when the
    story stands around them.

    Such a paragraph is added when it has paragraphs both bodies keep before and after it
    (in ``theirs``), when the run of such paragraphs it belongs to is short beside the text
    both keep (:attr:`MergeRules.run_share`), when it has :attr:`MergeRules.min_words` words
    or more, when it stands once in ``theirs`` (a repeated line is a widget's: "Tweet may
    have been deleted"), when no paragraph of its run holds a link or a handle (an embedded
    post: :data:`_EMBEDDED`), and when ``keep``
    (the HTML extractor's own line tests: no boilerplate, caption, byline or headline)
    accepts it. It goes after our paragraph that holds the shared one before it.

    Before the story, only its lead is added: the paragraph that the page's description
    (``lead``) repeats, as pages that set the lead apart from the body often do; it goes
    before our paragraph that holds the first shared one.
    """
    if not ours or not theirs:
        return ours
    owner: dict[tuple[str, ...], int] = {}
    our_words = [_words(paragraph) for paragraph in ours]
    for index, words in enumerate(our_words):
        for shingle in _shingles(words):
            owner.setdefault(shingle, index)
    spoken = f" {' '.join(' '.join(words) for words in our_words)} "
    homes: list[int | None] = []  # our paragraph holding each of theirs; None: theirs only
    sizes: list[int] = []
    lettered: list[int] = []  # words with a letter: "Sept. 2, 201602:06" has one
    for paragraph in theirs:
        words = _words(paragraph)
        sizes.append(len(words))
        lettered.append(sum(1 for word in words if not word.isdigit()))
        if len(words) < _SIZE:
            held = bool(words) and f" {' '.join(words)} " in spoken
            homes.append(-1 if held else None)  # held, but too short to place
            continue
        own = _shingles(words)
        hits = Counter(owner[s] for s in own if s in owner)
        held = sum(hits.values()) >= rules.shared * len(own)
        homes.append(hits.most_common(1)[0][0] if held else None)
    shared_words = sum(size for size, home in zip(sizes, homes, strict=True) if home is not None)
    seen = Counter(theirs)
    inserts: dict[int, list[str]] = {}
    anchor: int | None = None
    run: list[int] = []
    for index, home in enumerate(homes):
        if home is None:
            run.append(index)
            continue
        if run and anchor is None and home >= 0 and lead:
            found = _repeating(lead, [theirs[i] for i in run], rules)
            if found and seen[found] == 1 and keep(found):
                inserts.setdefault(home - 1, []).append(found)
        elif (
            run
            and anchor is not None
            and sum(sizes[i] for i in run) < rules.run_share * max(shared_words, 1)
            and not any(_EMBEDDED.search(theirs[i]) for i in run)
        ):
            inserts.setdefault(anchor, []).extend(
                theirs[i]
                for i in run
                if lettered[i] >= rules.min_words and seen[theirs[i]] == 1 and keep(theirs[i])
            )
        run = []
        if home >= 0:
            anchor = home if anchor is None else max(anchor, home)
    if not inserts:
        return ours
    merged: list[str] = list(inserts.get(-1, ()))
    for index, paragraph in enumerate(ours):
        merged.append(paragraph)
        merged.extend(inserts.get(index, ()))
    return merged


def _repeating(lead: str, candidates: list[str], rules: MergeRules) -> str | None:
    """The candidate that holds the description ``lead`` (most of its shingles: a description
    may be the lead cut short), if any."""
    wanted = _shingles(_words(lead))
    if not wanted:
        return None
    for text in candidates:
        words = _words(text)
        if len(words) >= rules.min_words and len(wanted & _shingles(words)) >= 0.8 * len(wanted):
            return text
    return None


def _size(paragraphs: list[str]) -> int:
    return sum(len(_words(p)) for p in paragraphs)


def short(paragraphs: list[str], rules: MergeRules = MERGE) -> bool:
    """Whether a body is too short to be taken as found (:attr:`MergeRules.fallback_words`)."""
    return _size(paragraphs) < rules.fallback_words


def fallback(
    ours: list[str], theirs: list[str], keep: Callable[[str], bool], rules: MergeRules = MERGE
) -> list[str]:
    """``theirs`` (cleaned by ``keep``) instead of ``ours`` when it is long enough to be taken
    as found (:func:`short`) and says more; else ``ours``, and the page's walls decide."""
    kept = [p for p in theirs if keep(p)]
    return kept if not short(kept, rules) and _size(kept) > _size(ours) else ours
