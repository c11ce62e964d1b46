"""Boilerplate lines: one classifier for every body, HTML or plain text.

Pages and wire copy set lines in and around a story that are not the story: save prompts,
newsletter, app and QR promos, "Read more" / "Related:" teasers and gallery labels, links
to editorial standards, author bios and contributors' notes, funding and affiliate
disclosures, "Updated:" stamps and editors' notes, copyright and syndication lines, radio
sign-offs, photo credits, a newsroom's contact line. Each would become a "person", an
"organisation" or a summary bullet if it reached facts or the summary.

The rules are data (``digest/data/extract/boilerplate.toml``): a class, a reason, a
pattern and the longest line it may remove, tried in the file's order. Rules marked
``tail`` (an author's bio, a contact line) fire only among the last paragraphs of the body:
the same words in the middle of a story are news ("Jane Roe is a Democratic consultant and
a contributor who ... said ...").

:func:`clean` applies them once, where the HTML and the plain-text extractors meet
(:func:`digest.reading._extract`), so that a line it removes never reaches facts or the
summary; a removed caption or credit goes to ``credits``. :func:`classify` tests one line
(the summary asks it about each sentence it shows).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files

from digest.extract.lines import SENTENCE_END, caption_credit
from digest.models import Credit, Extraction
from digest.text.calendar import MONTH_PATTERN, WEEKDAYS

CLASSES = (
    "save",
    "promo",
    "teaser",
    "standards",
    "bio",
    "disclosure",
    "updated",
    "copyright",
    "signoff",
    "caption",
    "contact",
)
"""The kinds of boilerplate, in the order the data file lists them."""

TAIL = 3
"""Paragraphs at the end of the body where ``tail`` rules fire (and above them, any run of
boilerplate that reaches the end)."""

_WORD = re.compile(r"\w+")

LIST_HEADLINE_WORDS = 16
"""The longest line read as a headline in a list of other stories under its label."""

CAPTION_WORDS = 40
"""The longest line read as a caption when it stands between an image's file name and a
credit."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern of boilerplate lines and why its lines are not the story."""

    kind: str
    """One of :data:`CLASSES`."""
    reason: str
    regex: re.Pattern[str]
    max_words: int
    """The longest line (in words split by white space) the rule may remove."""
    tail: bool = False
    """Whether the rule fires only among the last :data:`TAIL` paragraphs."""
    opens_caption: bool = False
    """Whether its line stands for an image (a file name): a short line between it and a
    credit below is the image's caption."""
    opens_list: bool = False
    """Whether its line labels a list of other stories ("More on education"): the headlines
    under it, when they run to the end of the body, are that list."""
    cues: tuple[str, ...] = ()
    """What every line the rule removes holds, one of them at least, in small letters: a
    whole word, or any other string found anywhere. A line holding none is not searched.
    Empty: every line is searched."""


@cache
def rules() -> tuple[Rule, ...]:
    """The rules of ``digest/data/extract/boilerplate.toml``, read and compiled once."""
    data = tomllib.loads(
        files("digest.data").joinpath("extract/boilerplate.toml").read_text(encoding="utf-8")
    )
    parts = {
        **{key: str(value) for key, value in data.get("parts", {}).items()},
        "month": MONTH_PATTERN,
        "weekday": "(?:" + "|".join(WEEKDAYS) + ")",
    }
    out = []
    for entry in data["rule"]:
        pattern = str(entry["pattern"])
        for key, value in parts.items():
            pattern = pattern.replace("{" + key + "}", value)
        kind = str(entry["class"])
        if kind not in CLASSES:
            raise ValueError(f"boilerplate.toml: unknown class {kind!r}")
        out.append(
            Rule(
                kind=kind,
                reason=str(entry["reason"]),
                regex=re.compile(pattern, re.I | re.X),
                max_words=int(entry["max_words"]),
                tail=bool(entry.get("tail", False)),
                opens_caption=bool(entry.get("opens_caption", False)),
                opens_list=bool(entry.get("opens_list", False)),
                cues=tuple(str(cue) for cue in entry.get("cues", ())),
            )
        )
    return tuple(out)


def classify(line: str, *, tail: bool = True, cues: bool = True) -> Rule | None:
    """The rule that reads ``line`` as boilerplate, or ``None`` when it is not.

    Args:
        line: one paragraph or sentence.
        tail: whether the line stands among the last paragraphs of the body (rules marked
            ``tail`` are tried only then).
        cues: skip the rules none of whose cues the line holds (a quick test that never
            changes the verdict; ``False`` only to check that it does not).
    """
    text = " ".join(line.split())
    words = text.count(" ") + 1
    if words > _longest():
        return None
    if cues:
        # The line's words are looked up once for all the rules, the few other cues found.
        lower = text.lower()
        by_word, others = _cue_index()
        cued: set[int] = set()
        for word in _WORD.findall(lower):
            if (numbers := by_word.get(word)) is not None:
                cued.update(numbers)
        for cue, numbers in others:
            if cue in lower:
                cued.update(numbers)
    for index, rule in enumerate(rules()):
        if words > rule.max_words or (rule.tail and not tail):
            continue
        if cues and rule.cues and index not in cued:
            continue
        if rule.regex.search(text):
            return rule
    return None


@cache
def _cue_index() -> tuple[dict[str, tuple[int, ...]], tuple[tuple[str, tuple[int, ...]], ...]]:
    """The rules' cues, each with the indexes of the rules that name it: whole words by
    word, and the other cues (punctuation, "i'm") to look for in the line."""
    words: dict[str, list[int]] = {}
    others: dict[str, list[int]] = {}
    for number, rule in enumerate(rules()):
        for cue in rule.cues:
            (words if _WORD.fullmatch(cue) else others).setdefault(cue, []).append(number)
    return (
        {cue: tuple(numbers) for cue, numbers in words.items()},
        tuple((cue, tuple(numbers)) for cue, numbers in others.items()),
    )


@cache
def _longest() -> int:
    """The most words any rule removes: a longer paragraph is never boilerplate."""
    return max(rule.max_words for rule in rules())


def find(paragraphs: tuple[str, ...] | list[str], *, cues: bool = True) -> dict[int, Rule]:
    """The boilerplate paragraphs of a body, by index, with the rule each is read by.

    A ``tail`` rule fires in the last :data:`TAIL` paragraphs, and above them as long as
    every paragraph below is boilerplate too (a bio above a contributors' note above a
    copyright line). A short line between an image's file name and a credit is the
    image's caption. The headlines under a list's label (a rule that ``opens_list``) are
    the list, when they and the boilerplate among them run to the end of the body: a
    heading of the story's own under such a label has the story's text after it.
    ``cues``: as for :func:`classify`.
    """
    found: dict[int, Rule] = {}
    _scan_up(paragraphs, found, cues=cues)
    for index in range(1, len(paragraphs) - 1):
        above, below = found.get(index - 1), found.get(index + 1)
        if (
            index not in found
            and above is not None
            and below is not None
            and above.opens_caption
            and below.kind == "caption"
            and len(paragraphs[index].split()) <= CAPTION_WORDS
        ):
            found[index] = above
    listed = len(found)
    for index, rule in sorted(found.items()):
        if rule.opens_list:
            _take_list(paragraphs, index, found)
    if len(found) > listed:
        # A list taken out may have been what stood between a bio and the body's end.
        _scan_up(paragraphs, found, cues=cues)
    return found


def _scan_up(
    paragraphs: tuple[str, ...] | list[str], found: dict[int, Rule], *, cues: bool
) -> None:
    """Add to ``found`` the paragraphs not in it that a rule reads as boilerplate, from the
    body's end up: a ``tail`` rule fires in the last :data:`TAIL` paragraphs, and above them
    while every paragraph below is boilerplate (in ``found`` or found now)."""
    tail_from = len(paragraphs) - TAIL
    all_below = True  # every paragraph below this one is boilerplate
    for index in range(len(paragraphs) - 1, -1, -1):
        if index in found:
            continue
        rule = classify(paragraphs[index], tail=all_below or index >= tail_from, cues=cues)
        if rule is not None:
            found[index] = rule
        all_below = all_below and rule is not None


def _take_list(paragraphs: tuple[str, ...] | list[str], label: int, found: dict[int, Rule]) -> None:
    """Add to ``found`` the headlines after the list label at ``label``, when they (and
    boilerplate among them) run to the end of the body."""
    end = label + 1
    while end < len(paragraphs) and (end in found or _headline(paragraphs[end])):
        end += 1
    if end == len(paragraphs):
        for index in range(label + 1, end):
            found.setdefault(index, found[label])


def _headline(text: str) -> bool:
    """Whether a line reads as a headline: short, on one line, not ending as a sentence."""
    return (
        "\n" not in text
        and len(text.split()) <= LIST_HEADLINE_WORDS
        and not SENTENCE_END.search(text.rstrip())
    )


def clean(extraction: Extraction) -> Extraction:
    """The extraction without its boilerplate paragraphs (and standfirst, when that is
    one); removed captions and credits are added to ``credits``."""
    found = find(extraction.paragraphs)
    standfirst = extraction.standfirst
    if standfirst and classify(standfirst, tail=False) is not None:
        standfirst = None
    if not found and standfirst == extraction.standfirst:
        return extraction
    paragraphs = tuple(p for i, p in enumerate(extraction.paragraphs) if i not in found)
    credits = list(extraction.credits)
    known = {credit.text for credit in credits}
    for index in sorted(found):
        text = extraction.paragraphs[index]
        if found[index].kind == "caption" and text not in known:
            credits.append(_credit(text))
            known.add(text)
    return replace(extraction, paragraphs=paragraphs, standfirst=standfirst, credits=tuple(credits))


def _credit(text: str) -> Credit:
    """A removed caption or credit as ``credits`` holds it: a photo or video credit when it
    reads as one ("Photograph by ...", "Jane Roe/Getty Images"), else a caption."""
    if (credit := caption_credit(text)) is not None:
        return credit
    lower = text.lower()
    if lower.startswith("video"):
        return Credit("video", text)
    if "/" in text or any(word in lower for word in ("photo", "image", "picture", "credit")):
        return Credit("photo", text)
    return Credit("caption", text)
