"""Score digest's people, organisations, places, main place and quotes on the hand-checked set.

    python benchmarks/bench_checked.py [--fixture PATH] [--split tune|check|all] [--verbose]
                                       [--json]

The fixture (``tests/fixtures/names_checked.json``, its ``about`` and ``guideline`` say how
it was made) holds 100 modern English news pages of the development corpus: the paragraphs
digest extracted, the title, publication date and language, and every person, organisation
and place they name, the story's main places and its direct quotes with their speakers. Each
article is tagged ``"split": "tune"`` (may be read to write rules) or ``"check"`` (held out:
scored only to measure). Figures are given for each split and for the whole set.

Every article goes through ``digest.facts.extract_facts`` as the pipeline calls it:
``extract_facts(paragraphs, title=title, published=published, language=language)``.

Names. A name is normalised: Unicode NFKC, accents and soft hyphens removed, lower case,
curly quotes made straight, a possessive ('s, s') and a leading "the" dropped, full stops and
apostrophes deleted (U.S. = US), every other punctuation mark turned into a space, spaces
collapsed. A produced name is

- right when it equals the normalised name or a variant of a listed name of the SAME kind;
- unjudged (counted neither way) when it equals a name in ``acceptable`` of that kind;
- wrong otherwise (``--verbose`` lists them, saying when the name is listed as another kind).

Precision = right / (right + wrong). Recall = listed names matched by at least one produced
name of their kind / listed names. "split" counts listed names matched by more than one
produced name (a surname listed beside the full name): they are right, but a reader sees the
same person twice. People recall is also given apart for people marked ``non_anglo`` and for
the rest (issue 17: the given-name lists must not decide who is a person).

Main place. For an article whose ``main_places`` is not empty, the main place is found when a
produced place equals one of them, or a variant of the listed place of that name.

Quotes. Quote texts are normalised like names (without the "the"/possessive rules). A listed
quote's start is cut to its first five words (all of them when shorter). A produced quote
matches a listed quote when the produced text contains that cut start, or when the listed
start contains the produced text's first five words (a produced quote that begins inside the
listed one). A produced quote is right when it matches a listed quote, unjudged when it
matches only quotes in ``acceptable.quotes``, and wrong otherwise. Speakers, on every matched
pair: right when both are null, or when the produced speaker equals the listed speaker's name
or one of its variants; an acceptable quote whose speaker is "*" is not judged. "named
speakers" is that accuracy where digest names a speaker; "attributed" the share of matched
listed quotes with a speaker to which digest gives one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digest.facts import extract_facts

DEFAULT_FIXTURE = (
    Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "names_checked.json"
)
"""The hand-checked set, in the test folder so tests can read it too."""
KINDS = ("people", "organizations", "places")
QUOTE_WORDS = 5
"""Words of a listed quote's start that a produced quote must hold."""
SPLITS = ("tune", "check")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def norm_name(name: str) -> str:
    """A name compared without case, punctuation, a leading "the" or a possessive."""
    text = _fold(name).strip()
    text = re.sub(r"'s?$", "", text)  # possessive: Obama's, Reuters'
    text = re.sub(r"[.']", "", text)  # U.S. = US, O'Reilly = OReilly
    text = re.sub(r"[^\w]+", " ", text).strip()
    text = re.sub(r"^the ", "", text)
    return " ".join(text.split())


def norm_text(text: str) -> str:
    """A quote compared without case or punctuation."""
    return " ".join(re.sub(r"[^\w]+", " ", _fold(text)).split())


@dataclass
class KindScore:
    """Produced names of one kind judged against the listed ones."""

    right: int = 0
    wrong: int = 0
    unjudged: int = 0
    gold: int = 0
    found: int = 0
    split: int = 0

    @property
    def precision(self) -> float:
        judged = self.right + self.wrong
        return self.right / judged if judged else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0


@dataclass
class QuoteScore:
    """Produced quotes and speakers judged against the listed ones."""

    produced: int = 0
    right: int = 0
    wrong: int = 0
    unjudged: int = 0
    gold: int = 0
    found: int = 0
    speaker_judged: int = 0
    speaker_right: int = 0
    speaker_judged_gold: int = 0
    speaker_right_gold: int = 0
    needs_speaker: int = 0
    given_speaker: int = 0
    named_judged: int = 0
    named_right: int = 0

    @property
    def precision(self) -> float:
        judged = self.right + self.wrong
        return self.right / judged if judged else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0


@dataclass
class Totals:
    """The figures of a set of articles, with what went wrong on each (``lines``)."""

    articles: int = 0
    kinds: dict[str, KindScore] = field(default_factory=lambda: {k: KindScore() for k in KINDS})
    anglo: list[int] = field(default_factory=lambda: [0, 0])
    """[found, listed] people not marked ``non_anglo``."""
    non_anglo: list[int] = field(default_factory=lambda: [0, 0])
    """[found, listed] people marked ``non_anglo``."""
    main_pages: int = 0
    main_found: int = 0
    quotes: QuoteScore = field(default_factory=QuoteScore)
    lines: list[str] = field(default_factory=list)
    """Per article, what was wrong or missed (``--verbose``)."""

    @property
    def main_rate(self) -> float:
        return self.main_found / self.main_pages if self.main_pages else 1.0

    @property
    def non_anglo_recall(self) -> float:
        return self.non_anglo[0] / self.non_anglo[1] if self.non_anglo[1] else 1.0

    @property
    def anglo_recall(self) -> float:
        return self.anglo[0] / self.anglo[1] if self.anglo[1] else 1.0


def load_fixture(path: Path = DEFAULT_FIXTURE) -> list[dict[str, Any]]:
    """The fixture's articles, each with its ``split``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    articles: list[dict[str, Any]] = data["articles"]
    return articles


def _forms(entity: dict[str, Any]) -> set[str]:
    return {norm_name(n) for n in [entity["name"], *entity.get("variants", [])] if n}


def _quote_key(start: str) -> str:
    return " ".join(norm_text(start).split()[:QUOTE_WORDS])


def _quote_matches(produced: str, gold_start: str) -> bool:
    p, key = norm_text(produced), _quote_key(gold_start)
    if not key or not p:
        return False
    if f" {key} " in f" {p} ":
        return True
    head = " ".join(p.split()[:QUOTE_WORDS])
    return f" {head} " in f" {norm_text(gold_start)} "


def score_article(article: dict[str, Any], totals: Totals) -> None:
    """Run digest on one article and add its figures to ``totals``."""
    facts = extract_facts(
        tuple(article["paragraphs"]),
        title=article.get("title") or "",
        published=article.get("published"),
        language=article.get("language"),
    )
    produced = {
        "people": [p.name for p in facts.people],
        "organizations": [o.name for o in facts.organizations],
        "places": [p.name for p in facts.places],
    }
    acceptable = article.get("acceptable") or {}
    lines: list[str] = []
    gold_kind_of: dict[str, str] = {}
    for kind in KINDS:
        for entity in article.get(kind, []):
            for form in _forms(entity):
                gold_kind_of.setdefault(form, kind)
    for kind in KINDS:
        score = totals.kinds[kind]
        entities = article.get(kind, [])
        forms = [_forms(e) for e in entities]
        ok = {norm_name(n) for n in acceptable.get(kind, [])}
        hits = [0] * len(entities)
        for name in produced[kind]:
            key = norm_name(name)
            matched = [i for i, f in enumerate(forms) if key in f]
            if matched:
                score.right += 1
                for i in matched:
                    hits[i] += 1
            elif key in ok:
                score.unjudged += 1
            else:
                score.wrong += 1
                other = gold_kind_of.get(key)
                listed = f" (listed as {other})" if other else ""
                lines.append(f"  WRONG {kind}: {name!r}{listed}")
        score.gold += len(entities)
        score.found += sum(1 for h in hits if h)
        score.split += sum(1 for h in hits if h > 1)
        for entity, h in zip(entities, hits, strict=True):
            if not h:
                lines.append(f"  missed {kind}: {entity['name']!r}")
            if kind == "people":
                bucket = totals.non_anglo if entity.get("non_anglo") else totals.anglo
                bucket[1] += 1
                bucket[0] += 1 if h else 0
    mains = article.get("main_places") or []
    if mains:
        totals.main_pages += 1
        wanted: set[str] = set()
        for main in mains:
            key = norm_name(main)
            wanted.add(key)
            for entity in article.get("places", []):
                if key in _forms(entity):
                    wanted |= _forms(entity)
        if wanted & {norm_name(p) for p in produced["places"]}:
            totals.main_found += 1
        else:
            lines.append(f"  MAIN PLACE missing: {mains} (places: {produced['places']})")
    _score_quotes(article, facts.quotes, totals.quotes, lines)
    if lines:
        totals.lines.append(f"{article['source']} ({article.get('split', '?')})")
        totals.lines.extend(lines)


def _speaker_forms(article: dict[str, Any], speaker: str) -> set[str]:
    for kind in ("people", "organizations"):
        for entity in article.get(kind, []):
            if entity["name"] == speaker:
                return _forms(entity)
    return {norm_name(speaker)}


def _score_quotes(
    article: dict[str, Any], quotes: Iterable[Any], score: QuoteScore, lines: list[str]
) -> None:
    gold = list(article.get("quotes", []))
    extra = list((article.get("acceptable") or {}).get("quotes", []))
    found = [False] * len(gold)
    score.gold += len(gold)
    for quote in quotes:
        score.produced += 1
        on_gold = [i for i, g in enumerate(gold) if _quote_matches(quote.text, g["start"])]
        on_extra = [g for g in extra if _quote_matches(quote.text, g["start"])]
        if on_gold:
            score.right += 1
            for i in on_gold:
                found[i] = True
            pair, is_gold = gold[on_gold[0]], True
        elif on_extra:
            score.unjudged += 1
            pair, is_gold = on_extra[0], False
        else:
            score.wrong += 1
            lines.append(f"  WRONG quote: {quote.text[:80]!r} (speaker {quote.speaker!r})")
            continue
        want = pair.get("speaker")
        if is_gold and want is not None:
            score.needs_speaker += 1
            score.given_speaker += 1 if quote.speaker else 0
        if want == "*":
            continue
        if want is None:
            ok = quote.speaker is None
        else:
            ok = quote.speaker is not None and norm_name(quote.speaker) in _speaker_forms(
                article, want
            )
        score.speaker_judged += 1
        score.speaker_right += 1 if ok else 0
        if quote.speaker is not None:
            score.named_judged += 1
            score.named_right += 1 if ok else 0
        if is_gold:
            score.speaker_judged_gold += 1
            score.speaker_right_gold += 1 if ok else 0
        if not ok:
            lines.append(
                f"  WRONG speaker: {quote.text[:60]!r}: {quote.speaker!r}, should be {want!r}"
                + ("" if is_gold else " (acceptable quote)")
            )
    score.found += sum(found)
    for g, hit in zip(gold, found, strict=True):
        if not hit:
            lines.append(f"  missed quote: {g['start'][:60]!r} ({g.get('speaker')!r})")


def score(articles: Iterable[dict[str, Any]]) -> Totals:
    """The figures of a set of articles."""
    totals = Totals()
    for article in articles:
        totals.articles += 1
        score_article(article, totals)
    return totals


def _share(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def report(totals: Totals) -> dict[str, Any]:
    """The figures as JSON."""
    out: dict[str, Any] = {"articles": totals.articles}
    for kind, s in totals.kinds.items():
        out[kind] = {
            "precision": round(s.precision, 4),
            "right": s.right,
            "wrong": s.wrong,
            "unjudged": s.unjudged,
            "recall": round(s.recall, 4),
            "found": s.found,
            "gold": s.gold,
            "split": s.split,
        }
    out["people_recall_non_anglo"] = _share(*totals.non_anglo)
    out["people_recall_rest"] = _share(*totals.anglo)
    out["main_place"] = {
        "found": totals.main_found,
        "pages": totals.main_pages,
        "rate": _share(totals.main_found, totals.main_pages),
    }
    q = totals.quotes
    out["quotes"] = {
        "produced": q.produced,
        "right": q.right,
        "wrong": q.wrong,
        "unjudged": q.unjudged,
        "precision": round(q.precision, 4),
        "recall": round(q.recall, 4),
        "speaker_accuracy": _share(q.speaker_right_gold, q.speaker_judged_gold),
        "named_speakers_right": _share(q.named_right, q.named_judged),
        "attributed": _share(q.given_speaker, q.needs_speaker),
    }
    return out


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def print_table(name: str, totals: Totals) -> None:
    print(f"{name}: {totals.articles} articles")
    for kind, s in totals.kinds.items():
        print(
            f"  {kind:14} precision {_ratio(s.right, s.right + s.wrong)}"
            f"  recall {_ratio(s.found, s.gold)}  unjudged {s.unjudged}  split {s.split}"
        )
    print(
        f"  {'people recall':14} non-Anglo {_ratio(*totals.non_anglo)}"
        f"  rest {_ratio(*totals.anglo)}"
    )
    print(f"  {'main place':14} found on {_ratio(totals.main_found, totals.main_pages)} pages")
    q = totals.quotes
    print(
        f"  {'quotes':14} precision {_ratio(q.right, q.right + q.wrong)}"
        f"  recall {_ratio(q.found, q.gold)}  speakers right"
        f" {_ratio(q.speaker_right_gold, q.speaker_judged_gold)}"
        f"  attributed {_ratio(q.given_speaker, q.needs_speaker)}"
        f"  named right {_ratio(q.named_right, q.named_judged)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--fixture", type=Path, default=DEFAULT_FIXTURE, help="the gold file")
    parser.add_argument(
        "--split",
        choices=(*SPLITS, "all"),
        default="all",
        help="score one split, or both apart and together (all)",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="list wrong and missed items")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    articles = load_fixture(args.fixture)
    names = SPLITS if args.split == "all" else (args.split,)
    results = {n: score(a for a in articles if a.get("split") == n) for n in names}
    if args.split == "all":
        results["whole"] = score(articles)
    if args.json:
        print(json.dumps({n: report(t) for n, t in results.items()}, indent=1))
        return 0
    for name, totals in results.items():
        if args.verbose and name != "whole":
            print("\n".join(totals.lines))
        print_table(name, totals)
    return 0


if __name__ == "__main__":
    sys.exit(main())
