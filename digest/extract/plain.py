"""Articles from pages copied or dumped as plain text.

A page copied from a browser keeps everything inline: the skip link and menus, a section
label above the headline, the standfirst, photo captions with their credits, advertising
markers, the body, a closing credit line such as ``(FRANCE24 with AFP, REUTERS)``, then
newsletter prompts, share buttons, lists of other stories, comments and the footer. A copy
sets paragraphs and headings apart with blank lines, while the items of menus and lists
follow one another line by line. This module tells those lines apart.

The method (steps 1 and 2 in :mod:`digest.extract.plain_lines`):

1. Each line gets a kind from its own words (``digest.extract.lines``): prose (a sentence,
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
   a source or time line, and those dated lines cost more. Once a run of an article's size
   is found, an end line stops the search, so comments and footers below it are never
   taken for the article.
3. The headline is the line above the run that reads like one and shares the body's words
   (set apart by blank lines, repeated in a breadcrumb, near the body, before its
   standfirst); a short label just above it is the section. A ``By ...`` line gives the
   authors, a ``Published ...`` line the date, captions and credits go to ``credits``.
4. The body is the prose from the headline to the end of the run, with its lists; other
   short lines stay when they are few (subheadings), and a lone first paragraph set apart
   by a caption or an advertising marker is the standfirst.

Text dumps hard-wrapped at a fixed width (e-mail, ``lynx -dump``) are unwrapped first.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from digest.errors import NotAnArticleError
from digest.extract.lines import (
    CJK,
    FOOTER,
    SENTENCE_END,
    WORD,
    caption_credit,
    closing_credit,
    count_words,
    is_noise,
    size,
    wire_credit,
)
from digest.extract.plain_lines import Line, classify, is_dated, main_run, unwrapped_lines
from digest.facts.runs import is_shouted, title_case
from digest.models import Credit, Extraction
from digest.text import datelines
from digest.text.bylines import split_names
from digest.text.calendar import parse_date
from digest.text.casing import normal_case
from digest.text.outlets import agency_name, outlet_name
from digest.text.sentences import ends_in_initials
from digest.text.words import word_list

_BYLINE = re.compile(
    r"^by\s+(?P<names>[^\d|]{3,160}?)\s*(?:[|,]\s*(?:updated|published|posted)\b.*)?$", re.I
)
_DATE_LINE = re.compile(
    r"""^(?:published|posted|updated|last\ updated|modified|issued|first\ published)
    \s*(?:on|at)?\s*:?\s*(?P<date>.{6,60})$""",
    re.I | re.X,
)

MAX_SUBHEADINGS = 2
"""Short lines in a row kept between two paragraphs as subheadings (or a kicker and one)."""

TABLE_LINES = 6
"""Lines a bare text needs before it can be read as a table rather than a note."""

TABLE_SHARE = 0.5
"""The share of a bare text's lines that hold a figure in a table of results."""

PROSE_IN_TABLE = 0.25
"""The largest share of prose lines in a table of results; more is an article with figures."""

TABLE_ROWS = 3
"""Rows of a table or items of a list (:func:`_rows`) in a document's body that earn it the
warning ``table``: its body holds lines that are not sentences."""

_PLACE_ALONE = re.compile(rf"{datelines.PLACE}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?")
"""A dateline that gives no date: the place alone, in capitals ("BANGKOK")."""

_UNFINISHED = word_list("summarize/stop")
"""Small words (the summary's words that say nothing: "the", "of", "and") that end no line
but one cut short ("Results in the")."""

_TIMESTAMP_START = re.compile(r"^\d{1,2}[:.h]\d{2}\b")
"""A time opening a line ("14:52 Storm warning"): a ticker's item, not a date."""

_TIME_ALONE = re.compile(
    r"^\d{1,2}(?:[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\s*[ap]\.?m\.?)(?:\s*[A-Z]{2,4})?$", re.I
)
"""A time alone ("7 p.m.", "10:45 EDT"): the head of a ticker's entry, not a row."""

_LIST_MARK = re.compile(r"^(?:[-*•–]|\d{1,3}[.)])\s")


def extract_text(text: str) -> Extraction:
    """Extract the article from a page given as plain text.

    Raises:
        NotAnArticleError: when the text holds no run of prose (and is not a document of
            its own, such as a table of results sent under its headline).
    """
    lines = classify(unwrapped_lines(text))
    if not lines:
        raise NotAnArticleError("no text")
    if _is_table(lines):
        return _table_article(lines)
    start, end = main_run(lines)
    if start > end:
        if len(lines) > 1 and _is_bare(lines) and lines[0].text[0].isupper():
            # Results, a list, a rating notice: a document with no run of prose, under its
            # headline (which may be cut short: "Colo.").
            return _table_article(lines)
        raise NotAnArticleError("no article text")
    texts = [line.text for line in lines]

    title_index = _find_headline(lines, start, end)
    # A document of its own (wire copy, a note) opens with its headline or its story and
    # ends where its text ends: its last short sentences, its results and lists are the
    # story, not a page's furniture.
    bare = (title_index == 0 or start == 0) and _is_bare(lines)
    if bare:
        end = max(index for index, line in enumerate(lines) if line.kind != "end")
    if title_index is None:
        title_index = start - 1
        title = _first_words(texts[start])
    else:
        title = texts[title_index]
    section = None
    if title_index > 0:
        above = texts[title_index - 1]
        if 1 <= count_words(above) <= 4 and not is_noise(above) and not above.endswith((".", ":")):
            section = above

    found = _Found()
    # The closing credit under the body names the agencies, and the publisher when it is
    # not a wire credit alone ("(FRANCE24 with AFP, REUTERS)").
    closing_line = next((line.text for line in lines[end + 1 : end + 6] if line.kind == "end"), "")
    if wired := wire_credit(closing_line):
        found.agencies.extend(wired)
    elif closing := closing_credit(closing_line):
        found.publisher = closing[0]
        found.agencies.extend(closing[1])
    blocks = _blocks(lines[title_index + 1 : end + 1], found)
    paragraphs, standfirst = _body(blocks, keep_all=bare)
    if not paragraphs:
        if bare and title_index == 0:
            return _table_article(lines)  # nothing but rows and labels under the headline
        raise NotAnArticleError("no article text after the headline")
    publisher = found.publisher or _prefix_outlet(texts[end + 1 :] + texts[: max(title_index, 0)])
    if title_index >= 0:
        title = _title(title, paragraphs)
    warnings = ("table",) if bare and _rows(lines, paragraphs) >= TABLE_ROWS else ()
    return _extraction(title, paragraphs, found, standfirst, section, publisher, warnings)


def _extraction(
    title: str,
    paragraphs: list[str],
    found: _Found,
    standfirst: str | None = None,
    section: str | None = None,
    publisher: str | None = None,
    warnings: tuple[str, ...] = (),
) -> Extraction:
    if sum(size(p) for p in paragraphs) < 80:
        warnings = (*warnings, "low-text")
    from digest.text.language import guess_language

    return Extraction(
        title=title,
        paragraphs=tuple(paragraphs),
        standfirst=standfirst,
        section=section,
        authors=tuple(found.authors),
        publisher=publisher or found.publisher,
        agencies=tuple(dict.fromkeys(found.agencies)),
        published=found.published,
        language=guess_language(" ".join(paragraphs[:6])),
        credits=tuple(found.credits),
        warnings=warnings,
        dateline=found.place,
    )


def _is_table(lines: list[Line]) -> bool:
    """Whether the text is a table of results sent under its headline (a scoreboard, standings,
    prices): a bare text (:func:`_is_bare`) where most lines hold a figure and few are prose.
    Read for its best run of prose, such a text gives a stray row or two; its article is the
    whole table."""
    if (
        len(lines) < TABLE_LINES
        or not _is_headline(lines[0].text, stop=True)
        or not _is_bare(lines)
    ):
        return False
    figures = sum(1 for line in lines if any(c.isdigit() for c in line.text))
    prose = sum(1 for line in lines if line.kind == "prose")
    return figures >= TABLE_SHARE * len(lines) and prose <= PROSE_IN_TABLE * len(lines)


def _is_bare(lines: list[Line]) -> bool:
    """Whether the text is a document of its own (wire copy, a note, a table sent as text)
    rather than a page copied from a browser: it holds none of a page's furniture (menus,
    share lines, captions, related stories), and an end line (a closing credit, a copyright
    line) only below its last paragraph."""
    last_prose = max((i for i, line in enumerate(lines) if line.kind == "prose"), default=-1)
    return all(
        line.kind in ("prose", "short", "item") or (line.kind == "end" and index > last_prose)
        for index, line in enumerate(lines)
    )


def _rows(lines: list[Line], paragraphs: list[str]) -> int:
    """The paragraphs of the body that are rows of a table or items of a list: not prose,
    holding a figure or opening with a list's mark ("1. Jesper Ronnback (Sweden) 25.76"),
    and neither a time ("7 p.m.": a ticker's) nor boilerplate."""
    from digest.extract.boilerplate import classify as boilerplate

    kept = set(paragraphs)
    return sum(
        1
        for line in lines
        if line.text in kept
        and line.kind in ("short", "item")
        and (_LIST_MARK.match(line.text) or any(c.isdigit() for c in line.text))
        and not is_dated(line)
        and not _TIME_ALONE.match(line.text)
        and boilerplate(line.text) is None
    )


def _table_article(lines: list[Line]) -> Extraction:
    """The article of a table or a list sent as a document (:func:`_is_table`, or a bare text
    with no run of prose): the first line as its headline, then every line but the
    dateline, date and byline lines and the closing ones, each a paragraph (warning ``table``)."""
    end = max(index for index, line in enumerate(lines) if line.kind != "end")
    found = _Found()
    blocks = _blocks(lines[1 : end + 1], found)
    paragraphs = [text for kind, text in blocks if kind != "break"]
    if not paragraphs:
        raise NotAnArticleError("no article text after the headline")
    title = _title(lines[0].text, paragraphs)
    return _extraction(title, paragraphs, found, warnings=("table",))


@dataclass(slots=True)
class _Found:
    """What the lines around the body say about the article, gathered while reading them."""

    credits: list[Credit] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    publisher: str | None = None
    published: str | None = None
    place: str | None = None
    """The place of a dateline on a line of its own ("LONDON 1996-08-30"), in normal case."""


def _blocks(lines: list[Line], found: _Found) -> list[tuple[str, str]]:
    """The lines from the headline to the end of the run as ``(kind, text)`` for the body:
    ``prose``, ``short``, ``item`` or ``break``. Captions, bylines, date lines and a dateline
    on a line of its own ("LONDON 1996-08-30") become breaks, their content noted in
    ``found``; so do the links under a related-stories header, until the article resumes. A
    dateline crediting an agency at the start of the first paragraph ("PARIS (Reuters) -")
    names the agency."""
    blocks: list[tuple[str, str]] = []
    links = False
    prose_seen = False
    for line in lines:
        links = (links or line.kind == "related") and line.kind != "prose"
        kind = line.kind if line.kind in ("prose", "short", "item") and not links else "break"
        if line.kind == "caption":
            found.credits.append(caption_credit(line.text) or _credit(line.text))
        elif (
            kind != "break"
            and line.size <= 20
            and not found.authors
            and (byline := _BYLINE.match(line.text))
            and any(names := split_names(byline.group("names")))
        ):
            # (A sentence opening with "By" names no one: "By Wednesday, the whereabouts ...")
            found.authors.extend(names[0])
            found.agencies.extend(names[1])
            found.published = found.published or parse_date(line.text)
            kind = "break"
        elif kind != "break" and line.size <= 14 and (dated := _DATE_LINE.match(line.text)):
            found.published = found.published or parse_date(dated.group("date"))
            kind = "break"
        elif kind != "break" and not prose_seen and line.size <= 12 and _is_dateline(line.text):
            found.published = found.published or _dateline_date(line.text)
            found.place = found.place or _dateline_place(line.text)
            kind = "break"
        elif kind != "break" and not prose_seen and (alone := _date_alone(line)):
            found.published = found.published or alone
            kind = "break"
        elif not blocks and _PLACE_ALONE.fullmatch(line.text) and _known_place(line.text):
            found.place = found.place or _dateline_place(line.text)  # "BANGKOK", no date
            kind = "break"
        elif (
            kind == "prose"
            and not prose_seen
            and (opening := datelines.AGENCY.match(line.text))
            and (agency := agency_name(opening.group("agency")))
        ):
            found.agencies.append(agency)
        prose_seen = prose_seen or kind == "prose"
        blocks.append((kind, line.text))
    return blocks


def _credit(line: str) -> Credit:
    video = line.lower().startswith(("video", "media"))
    return Credit("video" if video else "photo", line)


def _is_headline(line: str, *, stop: bool = False) -> bool:
    """Whether ``line`` reads as a headline: short, not a page's furniture, not opening in
    small letters, and ending as no sentence does unless ``stop`` allows a full stop (a
    headline in capitals, or one right above a wire dateline, which some wires end so)."""
    if not 3 <= size(line) <= 30 or is_noise(line) or FOOTER.match(line):
        return False
    if (
        not stop
        and line.endswith((".", "。"))
        and not line.endswith("...")
        and not ends_in_initials(line)
    ):
        return False
    first = line[0]
    # Not a lower-case start: Latin capitals and digits, quotes, scripts without case.
    return (first.isalnum() and not first.islower()) or first in "\"'“‘«„「"


def _stop_allowed(lines: list[Line], index: int) -> bool:
    """Whether the line at ``index`` may be a headline ending with a full stop: it is written
    in capitals, or a wire dateline follows it, the way wire copy is laid out."""
    return is_shouted(lines[index].text) or _above_dateline(lines, index)


def _above_dateline(lines: list[Line], index: int) -> bool:
    """Whether a wire dateline follows the line at ``index`` (within two lines, a byline
    between): on a line of its own, with its date or without ("BANGKOK"), or opening the
    next paragraph ("PARIS (Reuters) - ...")."""
    return any(
        _is_dateline(line.text)
        or (_PLACE_ALONE.fullmatch(line.text) and _known_place(line.text))
        or datelines.OPENING.match(line.text)
        or _date_alone(line) is not None
        for line in lines[index + 1 : index + 3]
    )


def _date_alone(line: Line) -> str | None:
    """The date of a line that holds a date and nothing else ("1996-08-22", "August 22,
    1996"): a dateline whose place was left out."""
    if (
        line.size > 4
        or not any(c.isdigit() for c in line.text)
        or _TIMESTAMP_START.match(line.text)
    ):
        return None
    return parse_date(line.text)


def _title(headline: str, paragraphs: list[str]) -> str:
    """The headline as a title: without a full stop of its own at the end, and in normal case
    when it is written in capitals (each word as the body spells it)."""
    if headline.endswith(".") and not headline.endswith("..") and not ends_in_initials(headline):
        headline = headline[:-1].rstrip()
    if is_shouted(headline):
        headline = normal_case(headline, paragraphs)
    return headline


def _is_dateline(line: str) -> bool:
    dateline = datelines.LINE.match(line)
    return bool(dateline and parse_date(dateline.group("date")))


def _dateline_date(line: str) -> str | None:
    dateline = datelines.LINE.match(line)
    return parse_date(dateline.group("date")) if dateline else None


def _known_place(line: str) -> bool:
    """Whether the place a dateline opens with is one the gazetteer knows."""
    from digest.facts.gazetteer import places

    return _dateline_place(line) in places()


def _dateline_place(line: str) -> str | None:
    """The place of a dateline on a line of its own, in normal case ("AL-RAM, West Bank
    1996-08-30" -> "Al-Ram")."""
    place = re.match(datelines.PLACE, line)
    return " ".join(title_case(word) for word in place.group().split()) if place else None


def _terms(line: str) -> list[str]:
    """The words of ``line`` that carry its topic: longer words, or pairs of CJK characters."""
    cjk = "".join(CJK.findall(line))
    pairs = [cjk[i : i + 2] for i in range(len(cjk) - 1)]
    return [w.lower() for w in WORD.findall(CJK.sub(" ", line)) if len(w) > 3] + pairs


def _find_headline(lines: list[Line], start: int, end: int) -> int | None:
    """The headline: the line above the article's run that reads like one and shares its words.

    Candidates are headline-like lines in the 40 lines above the run (and its first line).
    Each scores the share of its words found in the first paragraphs, so that menus,
    promos and the titles of other stories, which share few words with the story, lose to
    the real headline. A headline is set apart by blank lines, is often shown twice (in a
    breadcrumb or a sticky bar as well) and sits near the body.
    """
    paragraphs = [line.text for line in lines[start : end + 1] if line.size >= 8][:13]
    body = [(text, _terms(text)) for text in paragraphs]

    def vocabulary(leave_out: str) -> tuple[set[str], set[str]]:
        # A line of the body is compared with the rest of the body, not with itself.
        paragraphs = [terms for text, terms in body if text != leave_out][:12]
        return {w for t in paragraphs for w in t}, {w for t in paragraphs[:3] for w in t}

    # Wire copy opens with its headline, right above the dateline: that is the headline,
    # whatever words it shares with a story of a few lines.
    if _is_headline(lines[0].text, stop=True) and _above_dateline(lines, 0) and _is_bare(lines):
        return 0
    whole = vocabulary("")
    in_body = {text for text, _ in body}
    window = range(max(0, start - 40), start + 1)
    shown = Counter(lines[index].text for index in window)
    scores: dict[int, float] = {}
    for index in window:
        line = lines[index]
        if (
            not _is_headline(line.text, stop=_stop_allowed(lines, index))
            or line.kind == "caption"
            or _BYLINE.match(line.text)
            or _DATE_LINE.match(line.text)
            or _is_dateline(line.text)
        ):
            continue
        words = _terms(line.text)
        if len(words) < 2:
            continue
        body_words, lead_words = vocabulary(line.text) if line.text in in_body else whole
        overlap = sum(1 for w in words if w in body_words) / len(words)
        lead = sum(1 for w in words if w in lead_words) / len(words)
        # Few words are weak evidence ("Lupita Nyong'o"), many make a standfirst.
        score = (
            (overlap + 0.5 * lead) * min(1.0, len(words) / 4)
            + 0.2 * (shown[line.text] > 1)
            + 0.1 * line.apart
            - 0.005 * (start - index)
            - 0.03 * max(0.0, line.size - 15)
        )
        scores[index] = score
    if not scores or max(scores.values()) < 0.35:
        return None
    best = max(scores, key=lambda index: (scores[index], -index))
    # A headline comes before its standfirst, which shares even more of the body's words.
    above = scores.get(best - 1)
    standfirst = lines[best].size >= 16 and lines[best].size > lines[best - 1].size
    if standfirst and above is not None and above >= scores[best] / 2:
        return best - 1
    return best


def _first_words(line: str, limit: int = 12) -> str:
    """The start of ``line`` as a stand-in title: ``limit`` words, or twice as many CJK
    characters."""
    if CJK.search(line) and size(line) > limit:
        return line[: 2 * limit] + "…"
    words = line.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")


def _prefix_outlet(lines: list[str]) -> str | None:
    """An outlet named in the page's promotional lines ("Download the France 24 app")."""
    for line in lines:
        match = re.search(r"(?:download|get)\ the\ (.{2,40}?)\ app\b", line, re.I)
        if match and outlet_name(match.group(1)):
            return outlet_name(match.group(1))
    return None


def _body(blocks: list[tuple[str, str]], *, keep_all: bool = False) -> tuple[list[str], str | None]:
    """The body paragraphs and the standfirst from the classified lines after the headline.

    Short lines between paragraphs stay when they are few (subheadings) or when the
    paragraph above announces them with a colon (the items of a list). With ``keep_all``
    (a document of its own, :func:`_is_bare`), its rows, labels and lines in capitals
    (:func:`_is_content`) stay too, wherever they stand: above its first paragraph, between
    two and below its last.
    """
    kinds = [kind for kind, _ in blocks]
    first_prose = next((i for i, k in enumerate(kinds) if k == "prose"), None)
    if first_prose is None:
        return [], None
    # A short sentence right above the first paragraph opens the story ("Kamil Jamil didn't
    # have a prayer.").
    if (
        first_prose > 0
        and kinds[first_prose - 1] == "short"
        and count_words(blocks[first_prose - 1][1]) >= 3
        and SENTENCE_END.search(blocks[first_prose - 1][1])
    ):
        first_prose -= 1
        kinds[first_prose] = "prose"
    # A lone paragraph right under the headline, set apart from the rest by a caption or
    # a marker, is the standfirst.
    standfirst: str | None = None
    start = first_prose
    after = kinds[first_prose + 1 :]
    if (
        first_prose == 0
        and after
        and after[0] == "break"
        and "prose" in after
        and count_words(blocks[first_prose][1]) <= 60
    ):
        standfirst = blocks[first_prose][1]
        start = first_prose + 1
    last_prose = max(i for i, k in enumerate(kinds) if k == "prose")
    texts = [text for _, text in blocks]
    before: list[str] = []
    trailing: list[str] = []
    if keep_all:
        # Its rows, labels and lines in capitals stay wherever they stand, as list items do.
        kinds = [
            "item" if kind == "short" and _is_content(kind, text) else kind
            for kind, text in zip(kinds, texts, strict=True)
        ]
        before = [texts[i] for i in range(first_prose) if kinds[i] == "item"]
        trailing = [texts[i] for i in range(last_prose + 1, len(texts)) if kinds[i] == "item"]
    paragraphs: list[str] = []
    index = start
    while index <= last_prose:
        if kinds[index] == "prose":
            paragraphs.append(texts[index])
            index += 1
            continue
        stop = kinds.index("prose", index)
        # A list's items come first, straight under its colon.
        paragraphs.extend(texts[i] for i in range(index, stop) if kinds[i] == "item")
        shorts = [
            texts[i]
            for i in range(index, stop)
            if kinds[i] == "short" and count_words(texts[i]) >= 2
        ]
        if len(shorts) <= MAX_SUBHEADINGS:
            paragraphs.extend(shorts)
        index = stop
    return before + paragraphs + trailing, standfirst


def _is_content(kind: str, text: str) -> bool:
    """Whether a line of a document of its own (:func:`_is_bare`) that is no paragraph is
    still its content: a row of a table or an item of a list (a figure, a list's mark, or
    two words or more that open with a capital and end no unfinished phrase: "Magnus
    Larsson (Sweden) vs. Alexander Volkov (Russia)"), or a label announcing them
    ("Scorers:"). A stray word or a line cut short is not ("Netflix.", "___", "incites",
    "Results in the Malaysian")."""
    if kind in ("prose", "item"):
        return True
    if kind != "short" or not any(c.isalpha() for c in text):
        return False
    if text.endswith(":"):
        return True
    words = text.rstrip(".!?…").split()
    if text.endswith((",", "-", "–", "—")) or words[-1].lower() in _UNFINISHED:
        return False  # cut short: "Results in the", "... members of an entire religion — from"
    if _LIST_MARK.match(text) or any(c.isdigit() for c in text):
        return True
    return len(words) >= 2 and (text[0].isupper() or text[0] == "(")
