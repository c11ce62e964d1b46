"""Score digest's story grouping against hand-checked groups, and time it on 10,000 articles.

    python benchmarks/bench_stories.py [--corpus DIR] [--articles 10000] [--worst N] [--json]

Quality. Every article of the development corpus is read with ``digest.read_article``:
the pages of ``readability/`` and ``postlight/`` as saved (with the test's URL for
postlight), and the texts of ``entities/`` (CoNLL-2003, Reuters 1996: detokenised as
``corpus.py`` does), ``quotes/`` (PolNeAR, US campaign 2016) and ``summaries/`` (BBC
2004-2005) as plain text: headline, a ``Published`` line when the set gives a date, then
the paragraphs. The outlet and the date a set gives in its metadata (Reuters; the PolNeAR
publisher and publication date; BBC News) are set on the article, as a feed would give
them. ``story_groups.json`` holds the hand-checked groups (read one by one; the reason for
each is written beside it) and sets of ambiguous pairs that are not scored. All articles
are grouped at once by ``digest.stories.group``; precision and recall are pairwise: a pair
of articles is a true positive when digest puts them in one story and a hand-checked group
holds both; every article named in no group is a story of its own. The same is reported
for the articles of each set grouped on their own, for each half of the groups (below), and
for every hand-checked pair grouped alone with each article that shares a person,
organisation or place with it (small inputs are where the weights of rare words are least
reliable).

Halves. To tell tuning from checking, the articles are split in two halves: the articles tied
by the groups and ambiguous sets form components; the components holding a hand-checked pair
go alternately to half A and half B in the order of their first article's name, every other
component (most are single articles) by the parity of an MD5 hash of its first name. Scores
of a half count only pairs of two articles of that half (all articles are still grouped at
once). The thresholds of ``digest.stories.tuning.Tuning`` (``pair_threshold``,
``link_threshold``, the weights of headline and opening) were set on half A; half B checks
them. The rules themselves
(openings, briefs, days, the top link, headline protagonists, the floor on every cross pair,
the rare lead person; then the first sentence followed across line breaks, the next step a
report announces, comparing two articles when either's heaviest words are in the other, a
table naming a report's rare lead, and results tables read whole by the plain-text
extractor) were chosen by reading the errors of
all the groups, so half B is no check of those.

Speed. 10,000 articles are made from the corpus articles: each is taken once as read, and
then again in variants that emulate other outlets reporting the same event (a random number
per article, seeded, so that about 10,000 are made): another outlet and URL, the date kept
or moved a day later (another outlet reports the same day or the next; never the day before:
the dates the facts resolved stay as they were, and a report dated before the day it reports
would read as a preview of it), one or two paragraphs after the first dropped, two
neighbouring paragraphs after the first swapped, and the tail cut at random; facts that lie
in dropped paragraphs are dropped and the others point to their paragraph's new place. Only
``group`` is timed (the articles are built before); ``read_article`` is timed per corpus
article apart.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import hashlib
import itertools
import json
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DEFAULT_CORPUS, conll_documents, quote_articles, summary_pairs

from digest import read_article
from digest.errors import InputError
from digest.models import Article, Facts
from digest.stories import group

GROUPS = Path(__file__).resolve().parent / "story_groups.json"
"""The hand-checked groups."""

PUBLISHERS = {
    "breitbart": "Breitbart",
    "huff-post": "HuffPost",
    "nyt": "The New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "The Washington Post",
    "west-journal": "Western Journal",
}
"""PolNeAR's publisher codes and the outlets they stand for."""


def _plain(title: str, published: str | None, paragraphs: tuple[str, ...]) -> str:
    head = [title.rstrip(". ")] + ([f"Published {published}"] if published else [])
    return "\n\n".join([*head, *paragraphs])


def corpus_articles(
    corpus: Path,
) -> tuple[list[tuple[str, Article]], list[float], list[str]]:
    """Every corpus article read by ``read_article``: (name, article), seconds per read, and
    the names of the documents it refused."""
    jobs: list[tuple[str, str | bytes, str | None, dict[str, Any]]] = []
    for folder in sorted((corpus / "readability").iterdir()):
        if (folder / "source.html").exists():
            name = f"readability/{folder.name}/source.html"
            jobs.append((name, (folder / "source.html").read_bytes(), None, {}))
    for page in sorted((corpus / "postlight").glob("*.html")):
        meta = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        jobs.append((f"postlight/{page.name}", page.read_bytes(), meta.get("url"), {}))
    for doc in conll_documents(corpus):
        text = _plain(doc.title, doc.published, doc.paragraphs)
        name = f"entities/conll2003_dev.txt#{doc.name}"
        jobs.append((name, text, None, {"publisher": "Reuters", "published": doc.published}))
    with (corpus / "quotes" / "metadata.tsv").open(encoding="utf-8") as handle:
        publishers = {r["filename"]: r["publisher"] for r in csv.DictReader(handle, delimiter="\t")}
    for item in quote_articles(corpus):
        text = _plain(item.title, item.published, item.paragraphs)
        outlet = PUBLISHERS.get(publishers.get(item.name, ""), publishers.get(item.name))
        meta = {"publisher": outlet, "published": item.published}
        jobs.append((f"quotes/text/{item.name}.txt", text, None, meta))
    for pair in summary_pairs(corpus):
        text = _plain(pair.title, None, pair.paragraphs)
        name = f"summaries/{pair.name}.article.txt"
        jobs.append((name, text, None, {"publisher": "BBC News"}))
    articles: list[tuple[str, Article]] = []
    seconds: list[float] = []
    refused: list[str] = []
    for name, data, url, meta in jobs:
        start = time.perf_counter()
        try:
            article = read_article(data, url, input=name)
        except InputError:
            refused.append(name)
            continue
        seconds.append(time.perf_counter() - start)
        articles.append((name, dataclasses.replace(article, **meta) if meta else article))
    return articles, seconds, refused


def load_groups(path: Path = GROUPS) -> tuple[list[list[str]], list[list[str]]]:
    """The hand-checked groups and the ambiguous sets, as lists of corpus names."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [g["articles"] for g in data["groups"]], [g["articles"] for g in data["ambiguous"]]


def _pairs(stories: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for s in stories for p in itertools.combinations(sorted(s), 2)}


def score(
    found: list[list[str]], gold: list[list[str]], ambiguous: list[list[str]], names: set[str]
) -> dict[str, Any]:
    """Pairwise precision, recall and F1 of ``found`` against ``gold`` over ``names``."""
    gold_pairs = {p for p in _pairs(gold) if p <= names}
    skip = _pairs([[n for n in a if n in names] for a in ambiguous]) - gold_pairs
    found_pairs = _pairs(found) - skip
    hits = len(found_pairs & gold_pairs)
    precision = hits / len(found_pairs) if found_pairs else 1.0
    recall = hits / len(gold_pairs) if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "pairs": len(gold_pairs),
        "found": len(found_pairs),
        "false": sorted(sorted(p) for p in found_pairs - gold_pairs),
        "missed": sorted(sorted(p) for p in gold_pairs - found_pairs),
    }


def halves(
    names: set[str], gold: list[list[str]], ambiguous: list[list[str]]
) -> dict[str, set[str]]:
    """The articles of half A and of half B (see the module docstring)."""
    parent = {n: n for n in names}

    def root(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    for members in gold + ambiguous:
        present = [n for n in members if n in names]
        for a, b in itertools.pairwise(present):
            parent[root(a)] = root(b)
    components: dict[str, list[str]] = defaultdict(list)
    for name in sorted(names):
        components[root(name)].append(name)
    gold_pairs = _pairs(gold)
    split: dict[str, set[str]] = {"A": set(), "B": set()}
    alternate = 0
    for members in sorted(components.values(), key=lambda m: m[0]):
        if any(frozenset(p) in gold_pairs for p in itertools.combinations(members, 2)):
            half = "AB"[alternate % 2]
            alternate += 1
        else:
            half = "AB"[int(hashlib.md5(members[0].encode()).hexdigest(), 16) % 2]
        split[half].update(members)
    return split


def _grouped(items: list[tuple[str, Article]]) -> list[list[str]]:
    # By identity: a page saved twice gives two articles with one id.
    by_object = {id(a): n for n, a in items}
    return [[by_object[id(a)] for a in s.articles] for s in group([a for _, a in items])]


def _names(article: Article) -> set[str]:
    facts = article.facts
    return {p.name for p in facts.people} | {x.name for x in (*facts.organizations, *facts.places)}


def small_inputs(
    items: list[tuple[str, Article]], gold: list[list[str]], ambiguous: list[list[str]]
) -> dict[str, Any]:
    """Each hand-checked pair grouped alone, and each of its articles beside every other
    article sharing a name with it: pairwise scores over those small inputs."""
    by_name = dict(items)
    gold_pairs = _pairs(gold)
    skip = _pairs(ambiguous) - gold_pairs
    tp = fp = fn = 0
    tested: set[frozenset[str]] = set()
    for pair in sorted(gold_pairs, key=sorted):
        if not pair <= by_name.keys():
            continue
        for name in sorted(pair):
            for other, article in items:
                key = frozenset((name, other))
                if other == name or key in tested or key in skip:
                    continue
                if key not in gold_pairs and not _names(by_name[name]) & _names(article):
                    continue
                tested.add(key)
                together = len(group([by_name[name], article])) == 1
                if key in gold_pairs:
                    tp += together
                    fn += not together
                else:
                    fp += together
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "inputs": len(tested),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
    }


def variants(items: list[Article], total: int, seed: int = 1) -> list[Article]:
    """``total`` articles: each of ``items`` once, then variants as the module says."""
    rng = random.Random(seed)
    extra = max(0, total - len(items))
    counts = [0] * len(items)
    for _ in range(extra):
        counts[rng.randrange(len(items))] += 1
    made: list[Article] = list(items)
    for article, count in zip(items, counts, strict=True):
        for k in range(count):
            made.append(_variant(article, k, rng))
    return made[:total]


def _variant(article: Article, k: int, rng: random.Random) -> Article:
    order = list(range(len(article.paragraphs)))
    if len(order) > 3:
        for _ in range(rng.randint(0, 2)):
            order.pop(rng.randrange(1, len(order)))
    if len(order) > 3 and rng.random() < 0.5:
        i = rng.randrange(1, len(order) - 1)
        order[i], order[i + 1] = order[i + 1], order[i]
    if len(order) > 4 and rng.random() < 0.3:
        order = order[: rng.randint(3, len(order))]
    place = {old: new for new, old in enumerate(order)}
    facts = article.facts
    new_facts = Facts(
        people=facts.people,
        organizations=facts.organizations,
        places=facts.places,
        dates=tuple(
            dataclasses.replace(d, paragraph=None if d.paragraph is None else place[d.paragraph])
            for d in facts.dates
            if d.paragraph is None or d.paragraph in place
        ),
        numbers=tuple(
            dataclasses.replace(n, paragraph=place[n.paragraph])
            for n in facts.numbers
            if n.paragraph in place
        ),
        quotes=tuple(
            dataclasses.replace(q, paragraph=place[q.paragraph])
            for q in facts.quotes
            if q.paragraph in place
        ),
    )
    published = article.published
    if published and len(published) >= 10 and published[:4].isdigit():
        from datetime import date, timedelta

        try:
            day = date.fromisoformat(published[:10]) + timedelta(days=rng.randint(0, 1))
            published = day.isoformat()
        except ValueError:
            pass
    return dataclasses.replace(
        article,
        id=f"{article.id[:10]}v{k:05d}",
        input=f"{article.input}~{k}",
        url=f"https://outlet{k}.example/{article.id}",
        publisher=f"Outlet {k}",
        published=published,
        paragraphs=tuple(article.paragraphs[i] for i in order),
        summary=(),
        facts=new_facts,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the corpus folder")
    parser.add_argument("--articles", type=int, default=10_000, help="articles to time group() on")
    parser.add_argument(
        "--worst", type=int, default=0, metavar="N", help="list N false and missed pairs"
    )
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"bench_stories: {args.corpus}: no such corpus folder", file=sys.stderr)
        return 2
    items, seconds, refused = corpus_articles(args.corpus)
    gold, ambiguous = load_groups()
    names = {n for n, _ in items}
    unknown = sorted({n for g in gold + ambiguous for n in g} - names)
    if unknown:
        print(
            f"bench_stories: in story_groups.json but not read (refused or missing): {unknown}",
            file=sys.stderr,
        )
    scored = [g for g in gold if sum(n in names for n in g) > 1]
    results: dict[str, Any] = {
        "articles": len(items),
        "refused": len(refused),
        "groups": len(gold),
        "groups_scored": len(scored),
    }
    results["all"] = score(_grouped(items), gold, ambiguous, names)
    by_set: dict[str, list[tuple[str, Article]]] = defaultdict(list)
    for name, article in items:
        by_set[name.split("/", 1)[0]].append((name, article))
    results["sets"] = {
        key: {
            k: v
            for k, v in score(_grouped(sub), gold, ambiguous, {n for n, _ in sub}).items()
            if k not in ("false", "missed")
        }
        for key, sub in sorted(by_set.items())
    }
    found = _grouped(items)
    results["halves"] = {
        key: {
            k: v
            for k, v in score(
                [[n for n in s if n in half] for s in found], gold, ambiguous, half
            ).items()
            if k not in ("false", "missed")
        }
        for key, half in halves(names, gold, ambiguous).items()
    }
    results["small"] = small_inputs(items, gold, ambiguous)
    results["read_article_ms"] = round(statistics.median(seconds) * 1000, 2)
    results["read_article_mean_ms"] = round(statistics.fmean(seconds) * 1000, 2)
    many = variants([a for _, a in items], args.articles)
    start = time.perf_counter()
    stories = group(many)
    elapsed = time.perf_counter() - start
    results["timing"] = {
        "articles": len(many),
        "stories": len(stories),
        "seconds": round(elapsed, 3),
    }
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    a = results["all"]
    print(
        f"articles {len(items)} ({len(refused)} documents refused by read_article), "
        f"hand-checked groups {len(gold)}, {len(scored)} with two articles read "
        f"({a['pairs']} pairs)"
    )
    print(
        f"all sets together: precision {a['precision']:.4f} recall {a['recall']:.4f} "
        f"F1 {a['f1']:.4f} (found {a['found']} pairs)"
    )
    for key, row in results["sets"].items():
        print(
            f"  {key:12} alone: precision {row['precision']:.4f} recall {row['recall']:.4f} "
            f"({row['pairs']} pairs, found {row['found']})"
        )
    for key, row in results["halves"].items():
        print(
            f"  half {key} ({'tuning' if key == 'A' else 'checking'}): precision "
            f"{row['precision']:.4f} recall {row['recall']:.4f} F1 {row['f1']:.4f} "
            f"({row['pairs']} pairs, found {row['found']})"
        )
    s = results["small"]
    print(
        f"small inputs (2 articles, {s['inputs']}): precision {s['precision']:.4f} "
        f"recall {s['recall']:.4f}"
    )
    print(
        f"read_article: median {results['read_article_ms']} ms, mean "
        f"{results['read_article_mean_ms']} ms per article"
    )
    t = results["timing"]
    print(f"group(): {t['articles']} articles -> {t['stories']} stories in {t['seconds']:.2f} s")
    if args.worst:
        for label in ("false", "missed"):
            for pair in a[label][: args.worst]:
                print(f"  {label}: {pair[0]}  ~  {pair[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
