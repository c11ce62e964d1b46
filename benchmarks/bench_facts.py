"""Score digest's key facts: names on corpus/entities, direct quotes on corpus/quotes.

    python benchmarks/bench_facts.py [--corpus ../shared/corpus] [--split dev|train] [--limit N]
                                     [--worst N] [--json]

Every document goes through ``digest.facts.extract_facts`` as the pipeline calls it
(paragraphs, title, published date, language "en"); ``corpus.py`` says how each corpus
document becomes paragraphs and what the expected results are.

Names (CoNLL-2003, the development set unless ``--split train``: rules are tuned on the
training set and checked on the development set, never tuned on it): per document, the set
of unique names of each kind against the annotated names of the body: PER -> people, ORG ->
organizations, LOC -> places. Names compare case-insensitively, without full stops, hyphens,
a leading "the" or a possessive. An expected name that is a run of words of a longer
expected name of the same kind ("Stoltenberg" beside "Jens Stoltenberg") is folded into it;
a found name matches an expected one when they are equal or one is a run of words of the
other (found "Stoltenberg" for "Jens Stoltenberg"); pairs are matched one to one, equal
names first. MISC is not scored: a found name that matches only a MISC name counts neither
way. A found name that matches an expected name of another kind is a false positive of its
kind, reported as a kind confusion. The headline's places are expected too (digest lists
the places a headline names; its people and organisations are not read). Scores are
micro-averaged over documents.

Quotes (PolNeAR development split; ``--split train`` reads the training split, the one to
tune on): a found quote matches an expected one when the
ROUGE-L F1 of their texts (lower-case words) is at least ``QUOTE_MATCH``; pairs are
matched one to one, best first. Every other found quote is a false positive, quoted
text that no attribution covers included (titles, slogans, and a few quotes the
annotators skipped: precision is a lower bound). Speaker accuracy is measured on matched
quotes: when the annotated source names someone (``corpus.source_head``: "Obama" for
"Mr. Obama"; a pronoun stands for the nearest person named as a source before it; "the
mayor" for the one person the text named with that title, "Mayor Bill de Blasio"),
digest's speaker must contain that word (in any case: "PENCE" in a transcript), or end
in the surname that ends the source's name when titles come before it ("Former Secretary of
State Madeleine Albright": ``corpus.source_surname``); when it names nobody ("officials",
"a source", a "the president" the text gives no name with), digest's speaker must be null.
Organisations as sources ("The New York Post") count as named, though docs/SPEC.md lists
only people as speakers. When an outer attribution holds a quote's own ("“…,” Sanders said,
according to CNN"), the speaker is the one the quote's own attribution names. Not judged:
pronouns with no named source before them; pronouns the annotation leaves open (the text
gives the nearest source the other gender, or names another speaker between that source and
the pronoun: the annotation links no pronoun to a name); ``Source`` spans holding only the
cue ("said in a statement"); attributions with no ``Source`` span at all (read by hand,
most have a named speaker the annotator left out). Two more figures: how often a speaker
digest gives is right ("right among given"), and how often digest gives one to a quote whose
source is a person ("given among person-sourced"; ``corpus.is_body`` tells a body's name
from a person's).

Tagger: by default the names finder leans on its shipped tagger (``digest/facts/tagger.py``);
``--no-tagger`` scores the rules alone, ``--weights FILE`` other weights. The shipped weights
were trained on the whole training split, so on ``--split train`` they flatter the result:
``--fold-dir DIR`` (weights from ``train_tagger.py --folds K --fold-dir DIR``) scores each
training document with the fold weights that never saw it.

Speed: median milliseconds per document of ``extract_facts`` on each set.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import (
    CONLL_SPLITS,
    NerDocument,
    QuoteArticle,
    add_options,
    conll_documents,
    quote_articles,
    source_surname,
)
from rouge import rouge_l, tokens

from digest.facts import extract_facts
from digest.facts.confirm import DEFAULT_KNOBS, NameKnobs
from digest.models import Facts

KINDS = {"people": "PER", "organizations": "ORG", "places": "LOC"}
"""digest's fact lists and the CoNLL-2003 kind each is scored against."""

QUOTE_MATCH = 0.6
"""Least ROUGE-L F1 between a found and an expected quote for them to be the same quote."""

Key = tuple[str, ...]


def _key(name: str) -> Key:
    words = re.sub(r"['’]s\b|\.", "", name.lower()).replace("-", " ").split()
    return tuple(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


def _within(short: Key, long: Key) -> bool:
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _matches(a: Key, b: Key) -> bool:
    return bool(a and b) and (_within(a, b) if len(a) <= len(b) else _within(b, a))


def _fold(names: set[str]) -> dict[Key, str]:
    keyed = {_key(n): n for n in sorted(names) if _key(n)}
    longer = {k for k in keyed if any(len(o) > len(k) and _within(k, o) for o in keyed)}
    return {k: n for k, n in keyed.items() if k not in longer}


def score_names(doc: NerDocument, facts: Facts) -> dict[str, dict[str, list[str]]]:
    """Per kind: names ``hit``, ``missed``, ``extra``; ``confused``: kinds of wrong-kind extras."""
    # digest lists the places its headline names: those are expected too.
    gold = {
        kind: _fold(doc.names[conll] | (doc.title_names[conll] if conll == "LOC" else set()))
        for kind, conll in KINDS.items()
    }
    misc = list(_fold(doc.names["MISC"]))
    result = {}
    for kind in KINDS:
        found = {_key(e.name): e.name for e in getattr(facts, kind) if _key(e.name)}
        left, hit = dict(gold[kind]), []
        for rule in (lambda a, b: a == b, _matches):
            for key in list(found):
                match = next((g for g in left if rule(key, g)), None)
                if match is not None:
                    hit.append(found.pop(key))
                    del left[match]
        extra, confused = [], []
        for key, name in found.items():
            other = [k for k in KINDS if k != kind and any(_matches(key, g) for g in gold[k])]
            if other:
                extra.append(f"{name} ({other[0]})")
                confused.append(other[0])
            elif not any(_matches(key, m) for m in misc):
                extra.append(name)
        result[kind] = {
            "hit": hit,
            "missed": list(left.values()),
            "extra": extra,
            "confused": confused,
        }
    return result


def score_quotes(article: QuoteArticle, facts: Facts) -> dict[str, list[str]]:
    """Quotes ``hit``, ``missed``, ``extra``; speakers ``right`` or ``wrong`` (by ``class``)."""
    found, gold = [tokens(q.text) for q in facts.quotes], [tokens(q.text) for q in article.quotes]
    scores = [(rouge_l(a, b)[2], i, j) for i, a in enumerate(found) for j, b in enumerate(gold)]
    matched: dict[int, int] = {}
    for score, i, j in sorted(scores, reverse=True):
        if score >= QUOTE_MATCH and i not in matched and j not in matched.values():
            matched[i] = j
    out: dict[str, list[str]] = {
        k: [] for k in ("hit", "missed", "extra", "right", "wrong", "wrong_given", "class")
    }
    for i, quote in enumerate(facts.quotes):
        if i not in matched:
            out["extra"].append(f"{quote.text[:70]!r} (speaker {quote.speaker})")
            continue
        out["hit"].append(quote.text)
        expected = article.quotes[matched[i]]
        if not expected.judged:
            continue
        want, speaker = expected.head, quote.speaker or ""
        words = speaker.replace(".", "").lower().split()
        # A named source is matched by its head word, or by the surname that ends the name
        # when titles come before it ("Former Secretary of State Madeleine Albright").
        surname = source_surname(expected.source) if want and not expected.pronoun else None
        ok = (
            want.lower() in words or (surname is not None and surname.lower() in words[-1:])
            if want
            else not speaker
        )
        kind = "pronoun" if expected.pronoun else "named" if want else "unnamed"
        out["class"].append(f"{kind}:{'ok' if ok else 'no'}")
        if speaker:
            out["class"].append(f"given:{'ok' if ok else 'no'}")
            out["class"].append(f"given-{kind}:{'ok' if ok else 'no'}")
        if expected.person:
            out["class"].append(f"person:{'given' if speaker else 'none'}")
        source = f"{expected.source!r}" + (f" = {want}" if expected.pronoun else "")
        line = f"{quote.text[:60]!r}: got {quote.speaker}, want {source}"
        out["right" if ok else "wrong"].append(line)
        if speaker and not ok:
            out["wrong_given"].append(f"{kind} {line}")
    missed = [q for j, q in enumerate(article.quotes) if j not in matched.values()]
    out["missed"] = [f"{q.text[:70]!r} ({q.source})" for q in missed]
    return out


def _knobs(args: argparse.Namespace, count: int) -> Callable[[int], NameKnobs]:
    """The names knobs for the document of a number, as the options ask."""
    if args.no_tagger:
        return lambda _number: NameKnobs(tagger=False)
    if args.fold_dir:
        folds = sorted(args.fold_dir.glob("fold-*.json.gz"), key=lambda p: int(p.stem[5:-5]))
        if not folds:
            raise SystemExit(f"{args.fold_dir}: no fold-K.json.gz weights")
        size = (count + len(folds) - 1) // len(folds)
        return lambda number: NameKnobs(weights=folds[number // size])
    knobs = NameKnobs(weights=args.weights)
    return lambda _number: knobs


def _timed_facts(
    doc: NerDocument | QuoteArticle, knobs: NameKnobs = DEFAULT_KNOBS
) -> tuple[Facts, float]:
    started = time.perf_counter()
    facts = extract_facts(
        doc.paragraphs, title=doc.title, published=doc.published, language="en", knobs=knobs
    )
    return facts, (time.perf_counter() - started) * 1000


def _prf(counts: Counter[str]) -> dict[str, float]:
    tp, fp, fn = counts["hit"], counts["extra"], counts["missed"]
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return {
        "expected": tp + fn,
        "found": tp + fp,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_options(parser)
    parser.add_argument(
        "--split",
        choices=CONLL_SPLITS,
        default="dev",
        help="the split names (CoNLL-2003) and quotes (PolNeAR) are scored on: tune on train,"
        " check on dev",
    )
    parser.add_argument(
        "--no-tagger", action="store_true", help="the names rules alone, without the tagger"
    )
    parser.add_argument("--weights", type=Path, help="tagger weights other than the shipped ones")
    parser.add_argument(
        "--fold-dir",
        type=Path,
        help="score each document with the fold weights that never saw it "
        "(train_tagger.py --folds K --fold-dir DIR; with --split train)",
    )
    parser.add_argument(
        "--quotes-only", action="store_true", help="score the quotes alone, not the names"
    )
    parser.add_argument(
        "--wrong",
        action="store_true",
        help="list every wrong speaker given, by the class of its annotated source",
    )
    args = parser.parse_args()
    documents = [] if args.quotes_only else conll_documents(args.corpus, args.split)[: args.limit]
    knobs = _knobs(args, len(conll_documents(args.corpus, args.split)))
    articles = quote_articles(args.corpus, args.split)[: args.limit]

    ms: dict[str, list[float]] = {"entities": [], "quotes": []}
    totals = {kind: Counter[str]() for kind in (*KINDS, "all", "quotes")}
    confusions: Counter[str] = Counter()
    per_doc, per_article = [], []
    for number, doc in enumerate(documents):
        facts, took = _timed_facts(doc, knobs(number))
        ms["entities"].append(took)
        per_doc.append((doc, score_names(doc, facts)))
        for kind, result in per_doc[-1][1].items():
            counts = {label: len(result[label]) for label in ("hit", "missed", "extra")}
            totals[kind].update(counts)
            totals["all"].update(counts)
            confusions.update(f"{other} listed as {kind}" for other in result["confused"])
    for article in articles:
        facts, took = _timed_facts(article)
        ms["quotes"].append(took)
        per_article.append((article, score_quotes(article, facts)))
        scored = per_article[-1][1]
        totals["quotes"].update({label: len(scored[label]) for label in ("hit", "missed", "extra")})
        totals["quotes"].update(scored["class"])

    speakers = {c: [totals["quotes"][f"{c}:ok"], 0] for c in ("named", "pronoun", "unnamed")}
    for c in speakers:
        speakers[c][1] = speakers[c][0] + totals["quotes"][f"{c}:no"]
    right, judged = (sum(column) for column in zip(*speakers.values(), strict=True))
    q = totals["quotes"]
    given = [q["given:ok"], q["given:ok"] + q["given:no"]]
    person = [q["person:given"], q["person:given"] + q["person:none"]]
    report = {
        "split": args.split,
        "entity_documents": len(documents),
        "quote_articles": len(articles),
        "names": {kind: _prf(totals[kind]) for kind in (*KINDS, "all")},
        "kind_confusions": dict(confusions.most_common()),
        "quotes": _prf(totals["quotes"]),
        "speaker_accuracy": right / max(1, judged),
        "speakers_right_judged": speakers,
        "speaker_right_among_given": given[0] / max(1, given[1]),
        "speaker_given_among_person_sourced": person[0] / max(1, person[1]),
        "given_right_judged": given,
        "person_sourced_given_matched": person,
        "median_ms": {name: statistics.median(times or [0.0]) for name, times in ms.items()},
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(
        f"names on {len(documents)} CoNLL-2003 {args.split} documents"
        " (MISC not scored; micro-averaged)"
    )
    print(f"{'':14} {'expected':>8} {'found':>6} {'precision':>9} {'recall':>7} {'F1':>6}")
    for name, row in [*report["names"].items(), ("quotes", report["quotes"])]:
        if name == "quotes":
            print(
                f"quotes on {len(articles)} PolNeAR {args.split} articles"
                f" (ROUGE-L F1 >= {QUOTE_MATCH})"
            )
        print(
            f"{name:14} {row['expected']:8} {row['found']:6} "
            f"{row['precision']:9.3f} {row['recall']:7.3f} {row['f1']:6.3f}"
        )
        if name == "all":
            print("kind confusions: " + ", ".join(f"{k} {v}" for k, v in confusions.most_common()))
    cells = ", ".join(f"{c} {ok}/{n}" for c, (ok, n) in speakers.items())
    print(f"speaker accuracy {right}/{judged} = {report['speaker_accuracy']:.3f} ({cells})")
    wrong = ", ".join(f"{c} {q[f'given-{c}:no']}" for c in ("named", "pronoun", "unnamed"))
    print(f"wrong speakers given, by the annotated source: {wrong}")
    print(
        f"speaker right among given {given[0]}/{given[1]} = "
        f"{report['speaker_right_among_given']:.3f}; given among person-sourced "
        f"{person[0]}/{person[1]} = {report['speaker_given_among_person_sourced']:.3f}"
    )
    median = report["median_ms"]
    print(
        f"median ms per document, extract_facts: {median['entities']:.2f} (entities), "
        f"{median['quotes']:.2f} (quotes)"
    )
    if args.worst:
        _print_worst(per_doc, per_article, args.worst)
    if args.wrong:
        _print_wrong(per_article)
    return 0


def _print_wrong(per_article: list[Any]) -> None:
    """Every quote given a wrong speaker, with its article, grouped by the annotated source."""
    by_class: dict[str, list[str]] = {"named": [], "pronoun": [], "unnamed": []}
    for article, scored in per_article:
        for line in scored["wrong_given"]:
            kind, text = line.split(" ", 1)
            by_class[kind].append(f"{article.name}: {text}")
    for kind, lines in by_class.items():
        print(f"\nwrong speakers given, annotated source {kind} ({len(lines)})")
        for line in lines:
            print(f"  {line}")


def _print_worst(per_doc: list[Any], per_article: list[Any], count: int) -> None:
    """The documents with the most errors, with what was missed and what was extra."""

    def name_errors(item: Any) -> int:
        return sum(len(r["missed"]) + len(r["extra"]) for r in item[1].values())

    print(f"\nworst {count} entity documents (errors = missed + extra; 'X (kind)': wrong kind)")
    for doc, scored in sorted(per_doc, key=name_errors, reverse=True)[:count]:
        print(f"{doc.name} ({name_errors((doc, scored))} errors) {doc.title[:70]}")
        for kind, result in scored.items():
            if result["missed"] or result["extra"]:
                print(f"  {kind:13} missed: {', '.join(result['missed']) or '-'}")
                print(f"  {'':13} extra:  {', '.join(result['extra']) or '-'}")

    def quote_errors(item: Any) -> int:
        return sum(len(item[1][label]) for label in ("missed", "extra", "wrong"))

    print(f"\nworst {count} quote articles (errors = missed + extra + wrong speaker)")
    for article, scored in sorted(per_article, key=quote_errors, reverse=True)[:count]:
        print(f"{article.name} ({quote_errors((article, scored))} errors)")
        for label in ("missed", "extra", "wrong"):
            for line in scored[label]:
                print(f"  {label:7} {line}")


if __name__ == "__main__":
    sys.exit(main())
