"""Precision of digest's numbers and dates on a hand-checked set of real articles.

    python benchmarks/bench_numbers.py [--fixture PATH] [--verbose] [--wrong] [--json]

The fixture (``tests/fixtures/facts_checked.json``) holds real English articles from the
development corpus, each with the paragraphs digest extracted, its publication date and
language, and every number and date digest produced on those paragraphs when it was made,
each judged ``right`` or ``wrong`` by reading its paragraph (wrong ones carry a note and
``correct``: what it should be, or null when it is no number or date at all), plus a list of
clear ``missed`` numbers and dates. Its ``about`` field gives the judging rules.

Every article goes through ``digest.facts.extract_facts`` as the pipeline calls it
(paragraphs, title, published, language). Each produced item is matched to a judged one:

- first by (paragraph, text), in reading order when a text occurs twice;
- then, for what is left, to a judged item of the same paragraph whose text starts with the
  same word and whose value (and unit) the produced item now has, so a changed span
  ("50 other people" -> "50 people") keeps its verdict; to a wrong item's ``correct``
  value (counted as fixed); or to a ``missed`` item of the same paragraph with the same
  value and unit, or ISO value and overlapping text (counted as found).

A produced item matched by text but carrying another value or unit than the judged one (and
not the ``correct`` one) is ``changed``; one matching nothing is ``new``. Both are unjudged:
``--verbose`` lists them so someone can judge them into the fixture.

Precision is right / (right + wrong) over judged items: as judged, fixed and found items
count as right. A range is one fact with two ends ("20 to 40 years": value 20, ``to`` 40):
the judged item for its second end counts as recalled. Lost items are items judged right
that digest no longer produces. Recall is
measured against every item the fixture knows should be produced: the ones judged right, the
wrong ones with a ``correct`` value, and the missed ones; an item counts when digest now
produces it right. Units compare without case, plural ``s`` or leading words ("hikes" is
"rate hikes"); "year-old" is "years old". The missed lists are short, so recall is an upper
bound.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from digest.facts import extract_facts

DEFAULT_FIXTURE = (
    Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "facts_checked.json"
)
"""The hand-checked set, in the test folder so tests can read it too."""

Kind = Literal["numbers", "dates"]
KINDS: tuple[Kind, ...] = ("numbers", "dates")

Status = Literal["right", "wrong", "fixed", "found", "changed", "new"]
RIGHT_STATUSES = frozenset({"right", "fixed", "found"})
"""Statuses of produced items that count as right."""
UNJUDGED_STATUSES = frozenset({"changed", "new"})
"""Statuses of produced items nobody has judged yet."""

_UNIT_ALIASES = {"year-old": "years old", "years-old": "years old", "year old": "years old"}


@dataclass(frozen=True, slots=True)
class Produced:
    """One number or date digest produces now, and how it compares with the judgments."""

    source: str
    kind: Kind
    paragraph: int
    text: str
    value: Any
    """The number, or the ISO string (or None) of a date."""
    unit: str | None
    status: Status
    judged: dict[str, Any] | None = None
    """The judged item it was matched to, if any."""


@dataclass(slots=True)
class KindScore:
    """Counts for one kind (numbers or dates) over the whole fixture."""

    judged: int = 0
    """Items in the fixture (right and wrong)."""
    produced: int = 0
    right: int = 0
    wrong: int = 0
    fixed: int = 0
    found: int = 0
    changed: int = 0
    new: int = 0
    lost: int = 0
    gold: int = 0
    recalled: int = 0

    @property
    def unjudged(self) -> int:
        """Produced items with no verdict: new ones and changed ones."""
        return self.changed + self.new

    @property
    def precision(self) -> float:
        """Right over judged produced items (1.0 when there are none)."""
        judged = self.right + self.wrong
        return self.right / judged if judged else 1.0

    @property
    def recall(self) -> float:
        """Items produced right over the items the fixture says should be produced."""
        return self.recalled / self.gold if self.gold else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "judged": self.judged,
            "produced": self.produced,
            "right": self.right,
            "wrong": self.wrong,
            "precision": round(self.precision, 4),
            "fixed": self.fixed,
            "found": self.found,
            "unjudged": self.unjudged,
            "changed": self.changed,
            "new": self.new,
            "lost": self.lost,
            "gold": self.gold,
            "recalled": self.recalled,
            "recall": round(self.recall, 4),
        }


@dataclass(slots=True)
class Report:
    """The score of digest on the fixture, with every produced and lost item for listing."""

    articles: int
    scores: dict[Kind, KindScore]
    produced: list[Produced] = field(default_factory=list)
    lost: list[tuple[str, Kind, dict[str, Any]]] = field(default_factory=list)


def load_fixture(path: Path = DEFAULT_FIXTURE) -> list[dict[str, Any]]:
    """The fixture's articles."""
    articles: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["articles"]
    return articles


def _unit_key(unit: str | None) -> tuple[str, ...]:
    if unit is None:
        return ()
    lower = " ".join(unit.lower().split())
    lower = _UNIT_ALIASES.get(lower, lower)
    return tuple(
        w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w
        for w in lower.split(" ")
    )


def same_unit(produced: str | None, expected: str | None) -> bool:
    """Whether a produced unit says what an expected one says.

    Case, a plural ``s`` and leading words do not matter ("Hikes" is "rate hikes"); a unit
    that keeps a hyphen ("-year") is not a word and matches only itself.
    """
    got, want = _unit_key(produced), _unit_key(expected)
    return got == want or (bool(got) and bool(want) and got[-1] == want[-1])


def _same_value(a: Any, b: Any) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return bool(a == b)


def _equals(kind: Kind, value: Any, unit: str | None, expected: dict[str, Any]) -> bool:
    """Whether a produced value (and unit) equals an expected ``{value, unit}`` or ``{iso}``."""
    if kind == "dates":
        return bool(value == expected["iso"])
    return _same_value(value, expected["value"]) and same_unit(unit, expected["unit"])


def _first_word(text: str) -> str:
    words = text.lower().split()
    return words[0] if words else ""


def _overlaps(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a in b or b in a


def _produced_items(article: dict[str, Any]) -> dict[str, list[Any]]:
    facts = extract_facts(
        tuple(article["paragraphs"]),
        title=article["title"],
        published=article["published"],
        language=article["language"],
    )
    return {
        "numbers": [(n.paragraph, n.text, n.value, n.unit) for n in facts.numbers],
        "ranges": [(n.paragraph, n.text, n.value, n.unit, n.to) for n in facts.numbers],
        "dates": [
            (d.paragraph if d.paragraph is not None else -1, d.text, d.value, None)
            for d in facts.dates
        ],
    }


def _judge_article(
    article: dict[str, Any],
    kind: Kind,
    produced: list[tuple[int, str, Any, str | None]],
    ends: list[tuple[int, str, Any, str | None, Any]],
) -> tuple[list[Produced], list[dict[str, Any]], int]:
    """Match one article's produced items of one kind to its judged and missed items;
    ``ends``: the numbers with the other end of their range."""
    source = article["source"]
    judged: list[dict[str, Any]] = article[kind]
    missed = [m for m in article.get("missed", ()) if m["kind"] == kind[:-1]]
    unmatched = list(range(len(judged)))
    results: list[Produced | None] = [None] * len(produced)

    def verdict(item: dict[str, Any], value: Any, unit: str | None) -> Status | None:
        as_judged = (
            {"iso": item["iso"]}
            if kind == "dates"
            else {"value": item["value"], "unit": item["unit"]}
        )
        if _equals(kind, value, unit, as_judged):
            return "right" if item["verdict"] == "right" else "wrong"
        correct = item.get("correct")
        if (
            item["verdict"] == "wrong"
            and correct is not None
            and _equals(kind, value, unit, correct)
        ):
            return "fixed"
        return None

    # Pass 1: the same paragraph and text.
    for index, (paragraph, text, value, unit) in enumerate(produced):
        for position in unmatched:
            item = judged[position]
            if item["paragraph"] == paragraph and item["text"] == text:
                unmatched.remove(position)
                status = verdict(item, value, unit) or "changed"
                results[index] = Produced(source, kind, paragraph, text, value, unit, status, item)
                break
    # Pass 2: a changed span that now says what a judged item (or its correction) said.
    for index, (paragraph, text, value, unit) in enumerate(produced):
        if results[index] is not None:
            continue
        for position in unmatched:
            item = judged[position]
            if item["paragraph"] != paragraph:
                continue
            again = verdict(item, value, unit)
            if again is None:
                continue
            if again == "fixed" or _first_word(item["text"]) == _first_word(text):
                unmatched.remove(position)
                results[index] = Produced(source, kind, paragraph, text, value, unit, again, item)
                break
    # Pass 3: a missed item now found.
    open_missed = list(missed)
    for index, (paragraph, text, value, unit) in enumerate(produced):
        if results[index] is not None:
            continue
        for item in open_missed:
            if item["paragraph"] != paragraph or not _equals(kind, value, unit, item):
                continue
            if kind == "dates" and not _overlaps(item["text"], text):
                continue
            open_missed.remove(item)
            results[index] = Produced(source, kind, paragraph, text, value, unit, "found", item)
            break
    final = [
        result or Produced(source, kind, paragraph, text, value, unit, "new")
        for result, (paragraph, text, value, unit) in zip(results, produced, strict=True)
    ]
    # A range is one fact with two ends ("20 to 40 years": value 20, to 40): the judged
    # item for its second end is read (counted as recalled), not lost.
    covered = 0
    for position in list(unmatched):
        item = judged[position]
        if kind == "numbers" and any(
            upper is not None
            and paragraph == item["paragraph"]
            and item["text"] in text
            and _same_value(upper, item["value"])
            for paragraph, text, _, _, upper in ends
        ):
            unmatched.remove(position)
            covered += 1
    lost = [judged[p] for p in unmatched if judged[p]["verdict"] == "right"]
    return final, lost, covered


def score(articles: Iterable[dict[str, Any]]) -> Report:
    """Run digest on every fixture article and score its numbers and dates."""
    articles = list(articles)
    report = Report(articles=len(articles), scores={kind: KindScore() for kind in KINDS})
    for article in articles:
        produced = _produced_items(article)
        for kind in KINDS:
            counts = report.scores[kind]
            judged: list[dict[str, Any]] = article[kind]
            counts.judged += len(judged)
            counts.gold += sum(
                1 for j in judged if j["verdict"] == "right" or j.get("correct") is not None
            ) + sum(1 for m in article.get("missed", ()) if m["kind"] == kind[:-1])
            items, lost, covered = _judge_article(article, kind, produced[kind], produced["ranges"])
            counts.recalled += covered
            report.produced.extend(items)
            report.lost.extend((article["source"], kind, item) for item in lost)
            counts.produced += len(items)
            counts.lost += len(lost)
            for item in items:
                if item.status in RIGHT_STATUSES:
                    counts.right += 1
                    counts.recalled += 1
                if item.status == "wrong":
                    counts.wrong += 1
                if item.status == "fixed":
                    counts.fixed += 1
                if item.status == "found":
                    counts.found += 1
                if item.status == "changed":
                    counts.changed += 1
                if item.status == "new":
                    counts.new += 1
    return report


def _describe(kind: Kind, value: Any, unit: str | None) -> str:
    if kind == "dates":
        return f"iso={value}"
    return f"value={value} unit={unit}"


def _excerpt(paragraph: str, text: str, width: int = 50) -> str:
    at = paragraph.find(text)
    if at < 0:
        return paragraph[: 2 * width] + ("..." if len(paragraph) > 2 * width else "")
    start, end = max(0, at - width), min(len(paragraph), at + len(text) + width)
    return ("..." if start else "") + paragraph[start:end] + ("..." if end < len(paragraph) else "")


def print_table(report: Report, fixture: Path) -> None:
    """The compact table of precision, unjudged and lost items, and recall."""
    print(f"{fixture.name}: {report.articles} articles")
    print(
        f"{'':8} {'judged':>6} {'produced':>8} {'right':>5} {'wrong':>5} {'precision':>9}"
        f" {'unjudged':>8} {'lost':>4} {'fixed':>5} {'found':>5} {'recall':>13}"
    )
    for kind in KINDS:
        s = report.scores[kind]
        recall = f"{s.recall:.3f} ({s.recalled}/{s.gold})"
        print(
            f"{kind:8} {s.judged:>6} {s.produced:>8} {s.right:>5} {s.wrong:>5} {s.precision:>9.3f}"
            f" {s.unjudged:>8} {s.lost:>4} {s.fixed:>5} {s.found:>5} {recall:>13}"
        )
    print("unjudged: new or changed since judging (--verbose lists them)")
    print("lost: judged right, no longer produced; recall: of right + corrected wrong + missed")


def print_items(
    report: Report, articles: list[dict[str, Any]], statuses: frozenset[str], lost: bool
) -> None:
    """List produced items with the given statuses (and lost items), by article."""
    paragraphs = {a["source"]: a["paragraphs"] for a in articles}
    current = None
    for item in report.produced:
        if item.status not in statuses:
            continue
        if item.source != current:
            current = item.source
            print(f"\n{item.source}")
        what = _describe(item.kind, item.value, item.unit)
        line = f"  {item.status:7} {item.kind[:-1]:6} P{item.paragraph} {item.text!r} {what}"
        if item.judged is not None and item.status == "changed":
            was = (
                {"iso": item.judged["iso"]}
                if item.kind == "dates"
                else {"value": item.judged["value"], "unit": item.judged["unit"]}
            )
            line += f" (judged {item.judged['verdict']}: {was})"
        if item.judged is not None and item.status == "wrong":
            line += f" -- {item.judged.get('note')}; correct: {item.judged.get('correct')}"
        print(line)
        print(f"          {_excerpt(paragraphs[item.source][item.paragraph], item.text)}")
    if lost and report.lost:
        print("\nlost (judged right, no longer produced)")
        for source, kind, judged in report.lost:
            print(f"  {source} {kind[:-1]} P{judged['paragraph']} {judged['text']!r}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--fixture", type=Path, default=DEFAULT_FIXTURE, help="the hand-checked set"
    )
    parser.add_argument(
        "--verbose", action="store_true", help="list unjudged (new, changed) and lost items"
    )
    parser.add_argument("--wrong", action="store_true", help="list the produced items judged wrong")
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    args = parser.parse_args()
    articles = load_fixture(args.fixture)
    report = score(articles)
    if args.json:
        print(
            json.dumps(
                {"articles": report.articles, **{k: report.scores[k].to_dict() for k in KINDS}},
                indent=2,
            )
        )
        return 0
    print_table(report, args.fixture)
    statuses: set[str] = set()
    if args.verbose:
        statuses |= UNJUDGED_STATUSES | {"fixed", "found"}
    if args.wrong:
        statuses.add("wrong")
    if statuses or args.verbose:
        print_items(report, articles, frozenset(statuses), lost=args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
