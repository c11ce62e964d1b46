"""The lines of a page copied as text: unwrapped, each given a kind, and the run of them
that is the article.

1. Each line gets a kind from its own words (:mod:`digest.extract.lines`): prose (a sentence,
   or long), short (menu items, labels, titles of other stories, teasers cut short), noise
   (``Skip to main content``, ``Share :``), a caption or credit, the header of related
   stories or of the page's own lists, or an end (a comments header, a copyright line, a
   closing credit). Its neighbours then settle the doubtful ones: ``AFP`` alone under the
   last paragraph closes the article but credits a photo elsewhere; a related-stories
   header is crossed when the article resumes under its few links and is a wall
   otherwise; short lines under a paragraph ending with a colon are its list; numbered
   slides ("3/50 ...") are a gallery.
2. The article is the run of lines with the most prose after the costs of what is not
   prose (a maximum subarray between walls). Prose counts fully only in company: the
   summaries in a list of other stories or a ticker each stand alone between a title and
   a source line, and those dated lines cost more. Once a run of an article's size is
   found, an end line stops the search, so comments and footers below it are never taken
   for the article.

Text dumps hard-wrapped at a fixed width (e-mail, ``lynx -dump``) are unwrapped first.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from digest.extract.lines import (
    COMMENTS,
    FOOTER,
    OTHER_STORIES,
    RELATED,
    caption_credit,
    closing_credit,
    ends_sentence,
    is_caption_label,
    is_noise,
    is_teaser,
    size,
    slide_count,
    wire_credit,
)
from digest.text.calendar import parse_date

_TIMESTAMP = re.compile(
    r"^(?:\d{1,2}[:h]\d{2}\b|\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b)",
    re.I,
)
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\w")
_FIRST_NUMBER = re.compile(r"\d+")
_MARKUP_ONLY = re.compile(r"^(?:<[^<>]*>\s*)+\.?$")
"""Tags left alone on a line ("<tweet id=...></tweet>"): what an embed left of itself."""
_FULL_SENTENCE = re.compile(r"""^["“‘']?[A-ZÀ-Ý0-9][^:]*[a-z][^:]*[.!?]["”’')]*$""")
"""A sentence: it opens with a capital (or a quote), holds small letters and ends with a
full stop, an exclamation or a question mark (not a colon: "Scorers:" is a label)."""

RELATED_COST = 40.0
"""What a related-stories header inside the article costs the run: about two paragraphs."""

DATED_COST = 8.0
"""What a dated short line costs the run: about a summary's worth of words."""

LONE_PROSE = 0.5
"""The share of its words a prose line counts for with no other prose line beside it but
one a line away (a paragraph under a subheading)."""

ISOLATED_PROSE = 0.25
"""The share of its words a prose line counts for with no other prose line within two lines
(a summary between its title and its source line)."""

BOX_LINES = 20
"""Lines under a related-stories header looked at for the article's return."""

LONG_PARAGRAPH = 50
"""Words in a paragraph longer than any summary in a list of other stories."""

ARTICLE_SCORE = 60.0
"""A run scoring this much (about three paragraphs) is an article: an end line below it
(a comments header, a copyright line, a closing credit) ends the search."""

SHORT_SENTENCE = 3
"""Words a short line needs to be read as a sentence carrying on the paragraph above it."""

MAX_LIST_ITEMS = 15
"""Short lines in a row kept under a paragraph that ends with a colon, as its list."""


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of the page and what it reads as."""

    text: str
    kind: str
    """``prose``, ``short``, ``item`` (of a list announced by a colon), ``noise``,
    ``caption``, ``related`` (the header of a box of links inside the article), ``wall``
    (the header of a list of other stories) or ``end`` (a comments header, a copyright
    line, a closing credit)."""
    size: float
    """Words; a CJK character counts as half a word."""
    apart: bool
    """Set apart by blank lines above and below, as a copy sets headings and paragraphs."""


def unwrapped_lines(text: str) -> list[tuple[str, bool]]:
    """The non-blank lines of ``text``, unwrapped, each with whether blank lines set it apart.

    In a text dump hard-wrapped at a fixed width, a line belongs to the one above when the
    word it starts with would not have fitted there: that is where the wrapping broke the
    paragraph.
    """
    raw = [" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n")]
    width = _wrap_width(raw)
    out: list[list[str]] = []  # [text, blank above, blank below]
    blank = True
    for line in raw:
        if not line:
            if out:
                out[-1][2] = "1"
            blank = True
            continue
        if (
            width is not None
            and not blank
            and len(out[-1][0]) + 1 + len(line.split()[0]) > width - 2
            and not is_noise(line)  # "Advertising" under a caption is a marker, not its last word
        ):
            out[-1][0] += " " + line
        else:
            out.append([line, "1" if blank else "", ""])
        blank = False
    if out:
        out[-1][2] = "1"
    return [(line, bool(above and below)) for line, above, below in out]


def _wrap_width(lines: list[str]) -> int | None:
    """The width a text dump was hard-wrapped at, or ``None`` when its lines are not wrapped.

    A wrapped text has no long lines: its paragraphs are runs of lines that stop just short
    of one width. A browser copy puts each paragraph on one long line.
    """
    lengths = [len(line) for line in lines if line]
    total = sum(lengths)
    if len(lengths) < 5 or sum(n for n in lengths if n > 100) > total * 0.05:
        return None
    width = sorted(lengths)[int(len(lengths) * 0.95)]
    near = sum(1 for n in lengths if width - 12 <= n <= width)
    return width if width >= 50 and near >= max(3, len(lengths) * 0.3) else None


def _kind(line: str, words: float) -> str:
    """What ``line`` reads as on its own."""
    if (FOOTER.match(line) and words <= 20) or COMMENTS.match(line) or closing_credit(line):
        return "end"
    if words <= 6 and wire_credit(line):
        return "agency"
    if RELATED.match(line) or OTHER_STORIES.match(line):
        return "related"
    if is_noise(line) or _MARKUP_ONLY.match(line):
        return "noise"
    if caption_credit(line) is not None or is_caption_label(line):
        return "caption"
    if words < 60 and is_teaser(line):
        return "short"
    prose = words >= 25 or (words >= 8 and ends_sentence(line))
    return "prose" if prose else "short"


def classify(paragraphs: list[tuple[str, bool]]) -> list[Line]:
    """The lines with their kinds, read alone and then beside their neighbours."""
    lines = []
    for text, apart in paragraphs:
        words = size(text)
        lines.append(Line(text, _kind(text, words), words, apart))
    # The slides of a gallery ("1/50 ...", "2/50 ...") cost as much as related stories; a
    # counter that does not count ("9/16 - Luo Yigang (China) beat ...", "9/16 - Chen Gang
    # ...": seeds in a draw) is no gallery's.
    slides = [_slide(line) for line in lines]
    counts = Counter(slide[1] for slide in slides if slide is not None)
    numbers = {count: {s[0] for s in slides if s is not None and s[1] == count} for count in counts}
    for index, slide in enumerate(slides):
        if slide is not None and counts[slide[1]] >= 2 and len(numbers[slide[1]]) >= 2:
            lines[index] = _with_kind(lines[index], "related")
    for index, line in enumerate(lines):
        if line.kind == "agency":
            # "AFP" alone under the last paragraph closes the article; elsewhere it credits
            # a photo.
            above = lines[index - 1].kind if index else None
            below = lines[index + 1].kind if index + 1 < len(lines) else None
            closing = above == "prose" and below != "prose"
            lines[index] = _with_kind(line, "end" if closing else "caption")
        elif line.kind == "related" and not _article_resumes(lines, index):
            lines[index] = _with_kind(line, "wall")
    # A short sentence right under a paragraph carries the story on ("He won elections in
    # 1993.", "Her age was not given."): a wire story often ends on one.
    for index in range(1, len(lines)):
        line = lines[index]
        if (
            line.kind == "short"
            and lines[index - 1].kind == "prose"
            and line.size >= SHORT_SENTENCE
            and _FULL_SENTENCE.match(line.text)
        ):
            lines[index] = _with_kind(line, "prose")
    # The short lines under a paragraph that ends with a colon are the items of its list.
    for index, line in enumerate(lines):
        if line.kind == "prose" and line.text.endswith(":"):
            items = index + 1
            while items < len(lines) and lines[items].kind == "short":
                items += 1
            if items - index - 1 > MAX_LIST_ITEMS:
                continue
            if items < len(lines) and lines[items].kind == "prose":
                for item in range(index + 1, items):
                    lines[item] = _with_kind(lines[item], "item")
    return lines


def _slide(line: Line) -> tuple[str, int] | None:
    """(its counter's number as written, the number of slides) of a line opening with a
    slide counter ("3/50 ...")."""
    count = slide_count(line.text) if line.size <= 15 else None
    number = _FIRST_NUMBER.search(line.text) if count is not None else None
    return None if count is None or number is None else (number.group(), count)


def _with_kind(line: Line, kind: str) -> Line:
    return Line(line.text, kind, line.size, line.apart)


def _article_resumes(lines: list[Line], index: int) -> bool:
    """Whether the article goes on under the related-stories header at ``index``.

    A box of links set inside an article ("More about the federal debt", "Sur le même
    sujet") holds a few titles, and then the article's paragraphs follow again: a long one,
    or one after another. A list of other stories goes on with titles and summaries, and
    summaries are short paragraphs that stand alone or come straight under the header.
    Under a header of the page's own lists ("Most popular", "Around the web"), which some
    pages drop into the middle of an article, the article must come back at length.
    """
    titles = 0
    box = lines[index + 1 : index + 1 + BOX_LINES]
    for position, line in enumerate(box):
        if line.kind in ("related", "wall", "end"):
            return False  # another list, or the end of the page
        if line.kind != "prose":
            titles += 1
            continue
        if line.size < LONG_PARAGRAPH and not (
            titles and position + 1 < len(box) and box[position + 1].kind == "prose"
        ):
            continue
        if not OTHER_STORIES.match(lines[index].text):
            return True
        resumed = lines[index + 1 + position : index + 5 + position]
        return sum(other.size for other in resumed if other.kind == "prose") >= 2 * LONG_PARAGRAPH
    return False


def _scores(lines: list[Line]) -> list[float]:
    """How much each line adds to the article's run: prose gains, the rest costs.

    A prose line with no prose line beside it (markers and captions aside) counts for less:
    an article's paragraphs follow one another, while the summaries in a list of other
    stories or a live ticker each sit between a title and a source line.
    """
    kinds = [line.kind for line in lines]
    scores = []
    for index, line in enumerate(lines):
        if line.kind == "prose":
            scores.append(line.size * _company(lines, kinds, index))
        elif line.kind == "related":
            scores.append(-RELATED_COST)
        elif line.kind in ("noise", "caption"):
            scores.append(-4.0)
        elif line.kind == "item":
            scores.append(-0.5)
        elif line.size <= 12 and is_dated(line):
            scores.append(-DATED_COST)
        else:
            scores.append(-1.5 - 0.2 * line.size)
    return scores


def is_dated(line: Line) -> bool:
    """A time or a date alone, or a title after a time: the marks of the items of a ticker
    or of a list of other stories ("14:52 Storm warning", "4 hours ago", "24 July 2015")."""
    if _TIMESTAMP.match(line.text):
        return True
    return (
        line.size <= 6 and any(c.isdigit() for c in line.text) and parse_date(line.text) is not None
    )


def _company(lines: list[Line], kinds: list[str], index: int) -> float:
    """The weight of the prose line at ``index`` by the prose around it: 1 beside another,
    ``LONE_PROSE`` one line apart (under a subheading), ``ISOLATED_PROSE`` further."""
    if {"prose", "item"} & {_neighbour(kinds, index, -1), _neighbour(kinds, index, 1)}:
        return 1.0
    if {"prose", "item"} & {_neighbour(kinds, index, -2), _neighbour(kinds, index, 2)}:
        return LONE_PROSE
    if index and _NUMBERED.match(lines[index - 1].text):
        return LONE_PROSE  # an item of a numbered list ("3. Don't use a wooden rack")
    return ISOLATED_PROSE


def _neighbour(kinds: list[str], index: int, step: int) -> str | None:
    """The kind of the ``abs(step)``-th line above (``step`` < 0) or below, markers skipped."""
    direction = 1 if step > 0 else -1
    for _ in range(abs(step)):
        index += direction
        while 0 <= index < len(kinds) and kinds[index] in ("noise", "caption"):
            index += direction
    return kinds[index] if 0 <= index < len(kinds) else None


def main_run(lines: list[Line]) -> tuple[int, int]:
    """The first and last index of the run of lines with the most prose (maximum subarray).

    Walls and end lines are never crossed, and once a run of an article's size lies above an
    end line (``ARTICLE_SCORE``), nothing below it (comments, the footer) is looked at.
    """
    best, best_start, best_end = 0.0, 0, -1
    total, run_start = 0.0, 0
    for index, score in enumerate(_scores(lines)):
        if lines[index].kind == "end" and best >= ARTICLE_SCORE:
            break
        if lines[index].kind in ("end", "wall"):
            total, run_start = 0.0, index + 1
            continue
        if total <= 0:
            total, run_start = 0.0, index
        total += score
        if total > best:
            best, best_start, best_end = total, run_start, index
    return best_start, best_end
