"""Articles from pages copied or dumped as plain text.

A page copied from a browser keeps everything inline: the skip link and menus, a section
label above the headline, the standfirst, photo captions with their credits, advertising
markers, the body, a closing credit line such as ``(FRANCE24 with AFP, REUTERS)``, then
newsletter prompts, share buttons and whatever else the footer holds. This module tells
those lines apart.

The method, line by line:

1. Drop lines that are boilerplate by their words (``Skip to main content``,
   ``Advertising``, ``Share :``...) and cut the page at the first footer marker (the closing
   credit line, ``Page not found``, a copyright line).
2. The headline is the first line that reads like one (a few words, no closing full stop)
   and is followed by prose; a short label just above it is the section.
3. Captions and photo credits (``Alexander Kots, AFP | A picture taken...``) go to
   ``credits``; a ``By ...`` line gives the authors; a ``Published ...`` line the date.
4. The body is the run of prose lines after the headline; short lines inside it are kept
   only when prose surrounds them (subheadings), and a lone first paragraph set apart by
   a caption or an advertising marker is the standfirst.
"""

from __future__ import annotations

import re

from digest.dates import parse_date
from digest.errors import NotAnArticleError
from digest.extract.lines import (
    FOOTER,
    SENTENCE_END,
    WORD,
    caption_credit,
    closing_credit,
    count_words,
    is_noise,
    is_prose,
    split_names,
)
from digest.models import Credit, Extraction
from digest.outlets import outlet_name

_BYLINE = re.compile(
    r"^by\s+(?P<names>[^\d|]{3,160}?)\s*(?:[|,]\s*(?:updated|published|posted)\b.*)?$", re.I
)
_DATE_LINE = re.compile(
    r"^(?:published|posted|updated|last\ updated|modified|issued|first\ published)\s*(?:on|at)?\s*:?\s*(?P<date>.{6,60})$",
    re.I | re.X,
)
_BARRIER = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|leave\ a\ (?:comment|reply)|join\ the\ (?:discussion|conversation)"
    r"|(?:show|view|load)\ (?:all\ )?comments|discussion\ policy|about\ the\ authors?)(?:\s*\(\d+\))?\s*:?$",
    re.I | re.X,
)


def _is_headline(line: str) -> bool:
    words = count_words(line)
    if not 3 <= words <= 30 or is_noise(line) or FOOTER.match(line):
        return False
    if line.endswith(".") and not line.endswith("..."):
        return False
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘")


def _prefix_outlet(lines: list[str]) -> str | None:
    """An outlet named in the page's promotional lines ("Download the France 24 app")."""
    for line in lines:
        match = re.search(r"(?:download|get)\ the\ (.{2,40}?)\ app\b", line, re.I)
        if match and outlet_name(match.group(1)):
            return outlet_name(match.group(1))
    return None


def extract_text(text: str) -> Extraction:
    """Extract the article from a page given as plain text.

    Raises:
        NotAnArticleError: when the text holds no run of prose.
    """
    lines = _unwrap([" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n")])
    if not lines:
        raise NotAnArticleError("no text")

    credits: list[Credit] = []
    authors: list[str] = []
    agencies: list[str] = []
    publisher: str | None = None
    published: str | None = None

    # Cut the footer: everything after a closing credit line or a "page not found" block.
    body_end = len(lines)
    for index, line in enumerate(lines):
        closing = closing_credit(line)
        if closing is not None:
            publisher = publisher or closing[0]
            agencies.extend(a for a in closing[1] if a not in agencies)
            body_end = index
            break
        if FOOTER.match(line) and index > 0 and any(is_prose(x) for x in lines[:index]):
            body_end = index
            break
    footer = lines[body_end:]
    lines = lines[:body_end]

    start, end = _main_run(lines)
    if start > end:
        raise NotAnArticleError("no article text")
    title_index = _find_headline(lines, start, end)
    if title_index is None:
        title_index = start - 1
        title = _first_words(lines[start])
    else:
        title = lines[title_index]
    section = None
    if title_index > 0:
        above = lines[title_index - 1]
        if 1 <= count_words(above) <= 4 and not is_noise(above) and not above.endswith((".", ":")):
            section = above

    blocks: list[tuple[str, str]] = []  # (kind, line) with kind "prose", "short" or "break"
    for line in lines[title_index + 1 : end + 1]:
        caption = caption_credit(line)
        if caption is not None:
            credits.append(caption)
            blocks.append(("break", line))
            continue
        if is_noise(line):
            blocks.append(("break", line))
            continue
        byline = _BYLINE.match(line)
        if byline and not authors and count_words(line) <= 20:
            names, credited = split_names(byline.group("names"))
            authors.extend(names)
            agencies.extend(a for a in credited if a not in agencies)
            if published is None:
                published = parse_date(line)
            blocks.append(("break", line))
            continue
        dated = _DATE_LINE.match(line)
        if dated and count_words(line) <= 14:
            published = published or parse_date(dated.group("date"))
            blocks.append(("break", line))
            continue
        blocks.append(("prose" if is_prose(line) else "short", line))

    paragraphs, standfirst = _body(blocks)
    if not paragraphs:
        raise NotAnArticleError("no article text after the headline")
    if publisher is None:
        publisher = _prefix_outlet(footer + lines[: max(title_index, 0)])
    warnings: list[str] = []
    if sum(count_words(p) for p in paragraphs) < 80:
        warnings.append("low-text")
    from digest.language import guess_language

    return Extraction(
        title=title,
        paragraphs=tuple(paragraphs),
        standfirst=standfirst,
        section=section,
        authors=tuple(authors),
        publisher=publisher,
        agencies=tuple(agencies),
        published=published,
        language=guess_language(" ".join(paragraphs[:6])),
        credits=tuple(credits),
        warnings=tuple(warnings),
    )


def _unwrap(lines: list[str]) -> list[str]:
    """Join lines hard-wrapped inside a paragraph (text dumps, e-mail) and drop blank lines."""
    out: list[str] = []
    joinable = False
    for line in lines:
        if not line:
            joinable = False
            continue
        if (
            joinable
            and out
            and (line[0].islower() or len(out[-1]) >= 60)
            and not SENTENCE_END.search(out[-1])
            and not is_noise(line)  # "Advertising" under a caption is a marker, not its last word
        ):
            out[-1] = out[-1] + " " + line
        else:
            out.append(line)
        joinable = True
    return out


def _line_score(line: str) -> float:
    """How much a line adds to the article's main run: prose gains, boilerplate costs."""
    if FOOTER.match(line) or _BARRIER.match(line):
        return -40.0
    if is_noise(line) or caption_credit(line) is not None:
        return -4.0
    if is_prose(line):
        return float(count_words(line))
    return -1.5 - 0.2 * count_words(line)


def _main_run(lines: list[str]) -> tuple[int, int]:
    """The first and last index of the run of lines with the most prose (maximum subarray)."""
    best, best_start, best_end = 0.0, 0, -1
    total, run_start = 0.0, 0
    for index, line in enumerate(lines):
        if total <= 0:
            total, run_start = 0.0, index
        total += _line_score(line)
        if total > best:
            best, best_start, best_end = total, run_start, index
    return best_start, best_end


def _find_headline(lines: list[str], start: int, end: int) -> int | None:
    """The headline: the line above the main run that reads like one and shares its words.

    Candidates are headline-like lines in the 40 lines above the run (and its first line);
    each scores the share of its longer words found in the body, so that menus, promos
    and labels, which share few words with the story, lose to the real headline.
    """
    body_words = {
        w.lower() for line in lines[start : end + 1] for w in WORD.findall(line) if len(w) > 3
    }
    lead_words = {
        w.lower() for line in lines[start : start + 3] for w in WORD.findall(line) if len(w) > 3
    }
    best: tuple[float, int] | None = None
    for index in range(max(0, start - 40), start + 1):
        line = lines[index]
        if (
            not _is_headline(line)
            or caption_credit(line) is not None
            or _BYLINE.match(line)
            or _DATE_LINE.match(line)
        ):
            continue
        words = [w.lower() for w in WORD.findall(line) if len(w) > 3]
        if len(words) < 2:
            continue
        overlap = sum(1 for w in words if w in body_words) / len(words)
        lead = sum(1 for w in words if w in lead_words) / len(words)
        score = overlap + 0.5 * lead + 0.1 * min(len(words), 6) / 6
        if best is None or score > best[0] + 1e-9:
            best = (score, index)
    return best[1] if best and best[0] >= 0.35 else None


def _first_words(line: str, limit: int = 12) -> str:
    words = line.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")


def _body(blocks: list[tuple[str, str]]) -> tuple[list[str], str | None]:
    """The body paragraphs and the standfirst from the classified lines after the headline."""
    kinds = [kind for kind, _ in blocks]
    paragraphs: list[str] = []
    standfirst: str | None = None
    first_prose = next((i for i, k in enumerate(kinds) if k == "prose"), None)
    if first_prose is None:
        return [], None
    # A lone paragraph right under the headline, set apart from the rest by a caption or
    # a marker, is the standfirst.
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
    else:
        start = first_prose
    last_prose = max(i for i, k in enumerate(kinds) if k == "prose")
    for index in range(start, last_prose + 1):
        kind, line = blocks[index]
        if kind == "prose":
            paragraphs.append(line)
        elif kind == "short" and count_words(line) >= 2 and _surrounded_by_prose(kinds, index):
            paragraphs.append(line)
    return paragraphs, standfirst


def _surrounded_by_prose(kinds: list[str], index: int) -> bool:
    before = next((k for k in reversed(kinds[:index]) if k != "break"), None)
    after = next((k for k in kinds[index + 1 :] if k != "break"), None)
    return before == "prose" and after == "prose"
