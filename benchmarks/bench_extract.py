"""Score HTML extraction against the corpus, digest beside readability-lxml alone, in one run.

    python benchmarks/bench_extract.py [--corpus ../shared/corpus] [--verbose] [--all-languages]
        [--judged benchmarks/postlight_bodies.json]

Body: 4-word-shingle precision, recall and F1 (as public article-extraction benchmarks
score bodies) on the English pages of ``corpus/readability/`` against ``expected.txt``,
for digest's extractor and for readability-lxml's ``summary()`` alone; both are turned
into text by the same block splitter, so only the choice of content differs.

Metadata: title, authors (all of them, names only), publisher and publication date (to
the day) on ``corpus/readability/`` (English) and ``corpus/postlight/``. Titles and names
are compared as lower-case words; postlight author values that the corpus README names as
quirks (desk credits, run-together names) are compared as the people they name
(:data:`POSTLIGHT_AUTHOR_QUIRKS`).

A second figure (``digest, routed lines out``) scores the same body against ``expected.txt``
without the paragraphs digest shows elsewhere on purpose: Readability's output keeps
captions, the dek and the headline in the body, which digest routes to ``credits``,
``standfirst`` and ``title``. A paragraph of ``expected.txt`` is left out when half of its
shingles or more are in those fields. Precision is unchanged by it; only such paragraphs no
longer count as missed. The headline figure is the body against ``expected.txt`` as it is,
as before.

A third (``digest, routed and boilerplate out``) also leaves out the paragraphs of
``expected.txt`` that digest's boilerplate classifier reads as boilerplate
(:func:`digest.extract.boilerplate.find`, run on ``expected.txt``'s own paragraphs): the
bios, contributors' notes, "Related:" teasers and print lines Readability keeps and digest
removes on purpose. It is digest's classifier grading digest, so it is no accuracy figure
by itself: it tells removed-on-purpose from missed, and ``--verbose`` lists every paragraph
it leaves out, for a reader to check that each is boilerplate.

Postlight pages have no expected body: their ``first_words`` (the first 13 words of the
body as the postlight parser's tests check them) are looked for at the start of digest's
body (``--verbose`` lists the misses), and their ``dek`` is compared with digest's
``standfirst``. Publisher is counted as filled (postlight gives no expected publisher).

Postlight body: the pages were read paragraph by paragraph where digest, trafilatura and
readability-lxml disagree (``benchmarks/postlight_disputes.py``), and the verdicts are kept in
``--judged`` (default ``benchmarks/postlight_bodies.json``). A page's judged body is digest's
paragraphs minus those judged not article text, plus the paragraphs judged missed; each
page's body F1 (4-word shingles) is digest's text against it, reported as the mean, the
minimum and the pages below 0.8 (``--verbose`` lists each page under 1.0). Undisputed
paragraphs count as right, so the figure rests on the reading of the disputes; a change
that makes new disputes (a paragraph digest newly loses that both others keep, or newly
keeps alone) is counted as ``unjudged`` and listed with ``--verbose``: judge them with
``postlight_disputes.py --unjudged`` before trusting the figure.

Refused pages (no article) and pages whose word count is less than half trafilatura's, or
more than twice it, are listed for both sets: the second extractor as a check on the first.
Both counts leave data tables out (digest's ``tables``, trafilatura's table rows): a table
both keep is no disagreement.

Speed: median ms per page of the whole pipeline (decode, extraction, metadata, facts,
summary: ``digest.read_article``) and of readability-lxml alone (parse and ``summary()``),
on the same pages in the same run.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from postlight_disputes import (
    JUDGED,
    compare,
    judged_body,
    load_judged,
    paragraphs,
    unjudged,
)
from postlight_disputes import readability_text as readability_alone
from postlight_disputes import trafilatura_paragraphs as trafilatura_extract
from shingles import mean_score, score, shingles, words

ROOT = Path(__file__).resolve().parent.parent


def _norm(text: str | None) -> str:
    """Lower-case words: punctuation and quote marks dropped, apostrophes inside words kept.

    ("‘Fantastic Beasts’: A Nice Place" and "Fantastic Beasts: A Nice Place" are one title;
    "Don't" is not "Don t".)
    """
    text = (text or "").lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<!\w)'|'(?!\w)", " ", text)
    return " ".join(re.sub(r"[^\w' ]+", " ", text).split())


def _publisher_key(text: str | None) -> str:
    return re.sub(r"\W+|^the", "", (text or "").lower().replace("the ", ""))


POSTLIGHT_AUTHOR_QUIRKS: dict[str, list[str]] = {
    "AOL Staff": [],
    "TMZ STAFF": [],
    "Editor": [],
    "Fox Nation": [],
    "BWW News Desk": [],
    "Smart Shopping Team": [],
    "Apartment Therapy Submissions": [],
    "Paul WisemanFatima Hussein, The Associated Press": ["Paul Wiseman", "Fatima Hussein"],
    "Mike Cason | mcason@al.com": ["Mike Cason"],
    "John Patrick Pullen, TIME": ["John Patrick Pullen"],
}
"""Postlight ``author`` values that are not a list of people, and the people they name.

The corpus README lists them as quirks of the parser the expectations were written for:
desk and site credits on pages that name no person (digest's ``authors`` holds people
only, so the right answer there is no author), and names run together with each other, an
agency, an e-mail address or the magazine. "Apartment Therapy Submissions" is the same kind
of site desk credit as the README's examples.
"""


def _name_set(names: list[str] | str | None) -> set[str]:
    if isinstance(names, str):
        names = re.split(r",|\band\b|&|\|", names)
    return {_norm(n) for n in names or [] if _norm(n)}


def _day_matches(got: str | None, want: str | None) -> bool:
    if not got or not want:
        return False
    days = {got[:10]}
    try:
        moment = datetime.fromisoformat(got.replace("Z", "+00:00"))
        if moment.tzinfo:
            days.add(moment.astimezone(UTC).date().isoformat())
    except ValueError:
        pass
    want_days = {want[:10]}
    try:
        wanted = datetime.fromisoformat(want.replace("Z", "+00:00").replace(" ", "T"))
        if wanted.tzinfo:
            want_days.add(wanted.astimezone(UTC).date().isoformat())
    except ValueError:
        pass
    return bool(days & want_days)


def _second_words(html: str) -> int:
    """Words in trafilatura's body of the page, alone (the second extractor)."""
    from digest.extract.html import _parse, _prepare
    from digest.extract.second import read_second

    return _count("\n".join(read_second(_parse(_prepare(html)[0]))))


def _prose_words(article) -> int:
    """Words in digest's body outside its data tables: :func:`_second_words` leaves the
    second extractor's table rows out, so both sides are counted alike."""
    if article is None:
        return 0
    tables = set(article.tables)
    return _count("\n".join(p for i, p in enumerate(article.paragraphs) if i not in tables))


def _count(text: str) -> int:
    """Words, each CJK character counting as one (as the shingles count them)."""
    return len(words(text))


def _disagrees(ours: int, theirs: int) -> bool:
    """Word counts apart by more than half: one less than half the other."""
    return min(ours, theirs) < 0.5 * max(ours, theirs)


def _routed_out(expected: str, article) -> str:
    """``expected`` without its paragraphs that digest shows as credits, standfirst or title."""
    if article is None:
        return expected
    elsewhere = shingles(
        "\n\n".join([article.title, article.standfirst or "", *(c.text for c in article.credits)])
    )
    kept = []
    for paragraph in expected.split("\n\n"):
        own = shingles(paragraph)
        if not own or len(own & elsewhere) < 0.5 * len(own):
            kept.append(paragraph)
    return "\n\n".join(kept)


def _boilerplate_out(expected: str) -> tuple[str, list[str]]:
    """``expected`` without the paragraphs digest's boilerplate classifier removes, and those."""
    from digest.extract.boilerplate import find

    paragraphs = expected.split("\n\n")
    found = find([" ".join(p.split()) for p in paragraphs])
    kept = [p for index, p in enumerate(paragraphs) if index not in found]
    return "\n\n".join(kept), [" ".join(paragraphs[index].split()) for index in sorted(found)]


def _timed(func, *args, repeat: int = 1):
    """The result of ``func(*args)`` and the fastest of ``repeat`` runs, in ms."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        result = func(*args)
        best = min(best, (time.perf_counter() - started) * 1000)
    return result, best


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--verbose", action="store_true", help="one line per page")
    parser.add_argument(
        "--all-languages", action="store_true", help="score body text on every readability page"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="time each page this many times and keep the fastest (for a busy machine)",
    )
    parser.add_argument(
        "--judged",
        type=Path,
        default=JUDGED,
        help="the verdicts on the postlight bodies (see postlight_disputes.py)",
    )
    args = parser.parse_args()

    from digest import read_article
    from digest.errors import InputError
    from digest.inputs.decode import decode

    readability_pages = sorted((args.corpus / "readability").glob("*/source.html"))
    postlight_pages = sorted((args.corpus / "postlight").glob("*.html"))
    if not readability_pages:
        print(f"bench_extract: no pages under {args.corpus / 'readability'}", file=sys.stderr)
        return 2

    body: dict[str, list[tuple[float, float, float]]] = {
        "digest": [],
        "readability-lxml": [],
        "digest, routed lines out": [],
        "digest, routed and boilerplate out": [],
    }
    english: dict[str, list[tuple[float, float, float]]] = {"digest": [], "readability-lxml": []}
    refused: list[str] = []
    disagreements: list[str] = []
    first_words = [0, 0]
    dek = [0, 0]
    publisher_filled = [0, 0]
    fields = {"title": [0, 0], "authors": [0, 0], "publisher": [0, 0], "published": [0, 0]}
    per_source = {
        "readability": {k: [0, 0] for k in fields},
        "postlight": {k: [0, 0] for k in fields},
    }
    ms_pipeline: list[float] = []
    judged = load_judged(args.judged)
    judged_f1: list[tuple[str, float]] = []
    open_disputes: list[str] = []
    ms_readability: list[float] = []

    def check(source: str, field: str, ok: bool, got: object, want: object, name: str) -> None:
        fields[field][0] += ok
        fields[field][1] += 1
        per_source[source][field][0] += ok
        per_source[source][field][1] += 1
        if args.verbose and not ok:
            print(f"  {name}: {field} got {got!r} want {want!r}")

    def measure(raw: bytes, url: str | None, name: str):
        html = decode(raw, None, kind="html")
        try:
            article, ms = _timed(lambda: read_article(raw, url), repeat=args.repeat)
        except InputError as err:
            article, ms = None, 0.0
            refused.append(f"{name}: {err}")
        ms_pipeline.append(ms)
        readability_text, ms = _timed(readability_alone, html, repeat=args.repeat)
        ms_readability.append(ms)
        ours, theirs = _prose_words(article), _second_words(html)
        if _disagrees(ours, theirs):
            disagreements.append(f"{name}: digest {ours} words, trafilatura {theirs}")
        return article, readability_text, html

    for page in readability_pages:
        folder = page.parent
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if not meta.get("english") and not args.all_languages:
            continue
        raw = page.read_bytes()
        article, readability_text, _ = measure(raw, None, folder.name)
        expected = (folder / "expected.txt").read_text(encoding="utf-8")
        # The pipeline's own body: the timed run already extracted it.
        ours = article.text if article else ""
        body["digest"].append(score(ours, expected))
        body["readability-lxml"].append(score(readability_text, expected))
        body["digest, routed lines out"].append(score(ours, _routed_out(expected, article)))
        unboiled, boilerplate = _boilerplate_out(expected)
        body["digest, routed and boilerplate out"].append(
            score(ours, _routed_out(unboiled, article))
        )
        if meta.get("english"):
            english["digest"].append(body["digest"][-1])
            english["readability-lxml"].append(body["readability-lxml"][-1])
        if args.verbose:
            p, r, f = body["digest"][-1]
            print(
                f"{folder.name:26} digest P {p:.3f} R {r:.3f} F1 {f:.3f}   readability F1 "
                f"{body['readability-lxml'][-1][2]:.3f}"
            )
            for line in boilerplate:
                print(f"  {folder.name}: boilerplate in expected.txt {line[:100]!r}")
        if not meta.get("english"):
            continue
        got = article.to_dict() if article else {}
        check(
            "readability",
            "title",
            _norm(got.get("title")) == _norm(meta["title"]),
            got.get("title"),
            meta["title"],
            folder.name,
        )
        want_authors = meta.get("authors") or []
        check(
            "readability",
            "authors",
            _name_set(got.get("authors")) == _name_set(want_authors),
            got.get("authors"),
            want_authors,
            folder.name,
        )
        if meta.get("siteName"):
            check(
                "readability",
                "publisher",
                _publisher_key(got.get("publisher")) == _publisher_key(meta["siteName"]),
                got.get("publisher"),
                meta["siteName"],
                folder.name,
            )
        if meta.get("publishedTime"):
            check(
                "readability",
                "published",
                _day_matches(got.get("published"), meta["publishedTime"]),
                got.get("published"),
                meta["publishedTime"],
                folder.name,
            )

    for page in postlight_pages:
        expect = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        name = page.stem
        article, readability_text, html = measure(page.read_bytes(), expect.get("url"), name)
        got = article.to_dict() if article else {}
        if judged:
            ours = paragraphs(article.text) if article else []
            verdict = judged.get(name, {})
            judged_f1.append((name, score("\n\n".join(ours), judged_body(ours, verdict))[2]))
            only_ours, missing = unjudged(
                *compare(
                    ours,
                    trafilatura_extract(html, expect.get("url")),
                    paragraphs(readability_text),
                ),
                verdict,
            )
            open_disputes += [f"{name}: only digest keeps {p[:100]!r}" for p in only_ours]
            open_disputes += [f"{name}: digest lacks {p[:100]!r}" for p in missing]
        publisher_filled[0] += bool(got.get("publisher"))
        publisher_filled[1] += 1
        if expect.get("first_words"):
            want_words = _norm(expect["first_words"])
            start = " ".join(_norm(got.get("text")).split()[: 3 * len(want_words.split())])
            first_words[0] += want_words in start
            first_words[1] += 1
            if args.verbose and want_words not in start:
                print(f"  {name}: first words {expect['first_words']!r}, body {start[:90]!r}")
        if expect.get("dek"):
            ok = bool(got.get("standfirst")) and (
                _norm(expect["dek"]) in _norm(got["standfirst"])
                or _norm(got["standfirst"]) in _norm(expect["dek"])
            )
            dek[0] += ok
            dek[1] += 1
            if args.verbose and not ok:
                print(f"  {name}: standfirst {got.get('standfirst')!r} want dek {expect['dek']!r}")
        if expect.get("title"):
            ok = _norm(got.get("title")) == _norm(expect["title"])
            if expect.get("title_is_prefix"):
                ok = _norm(got.get("title")).startswith(_norm(expect["title"]))
            check("postlight", "title", ok, got.get("title"), expect["title"], name)
        if "author" in expect.get("asserted", []):
            want = POSTLIGHT_AUTHOR_QUIRKS.get(expect.get("author") or "", expect.get("author"))
            ok = _name_set(got.get("authors")) == _name_set(want)
            check("postlight", "authors", ok, got.get("authors"), want, name)
        if expect.get("date_published"):
            check(
                "postlight",
                "published",
                _day_matches(got.get("published"), expect["date_published"]),
                got.get("published"),
                expect["date_published"],
                name,
            )

    count = len(body["digest"])
    print(
        f"body text on {count} {'' if args.all_languages else 'English '}pages"
        " of corpus/readability"
    )
    print(f"{'':34} {'precision':>9} {'recall':>7} {'F1':>7} {'< 0.8':>6} {'min':>6}")
    for name, results in body.items():
        p, r, f = mean_score(results)
        low = sum(result[2] < 0.8 for result in results)
        print(f"{name:34} {p:9.4f} {r:7.4f} {f:7.4f} {low:6} {min(x[2] for x in results):6.3f}")
    if args.all_languages:
        for name, results in english.items():
            p, r, f = mean_score(results)
            print(f"{name + ' (English)':34} {p:9.4f} {r:7.4f} {f:7.4f}")
    print(f"pages refused: {len(refused)}")
    for line in refused:
        print(f"  {line}")
    print(f"pages whose word count is over twice or under half trafilatura's: {len(disagreements)}")
    for line in disagreements:
        print(f"  {line}")
    print(
        f"postlight: first words at the start of the body {first_words[0]}/{first_words[1]}, "
        f"standfirst is the dek {dek[0]}/{dek[1]}, publisher filled "
        f"{publisher_filled[0]}/{publisher_filled[1]} "
        f"({100 * publisher_filled[0] / max(1, publisher_filled[1]):.1f}%)"
    )
    if judged_f1:
        values = [f for _, f in judged_f1]
        low = [f"{name} {f:.3f}" for name, f in judged_f1 if f < 0.8]
        print(
            f"postlight body F1 against the judged body ({args.judged.name}), "
            f"{len(values)} pages: mean {statistics.mean(values):.4f}, min {min(values):.3f}, "
            f"< 0.8: {len(low)}{' (' + ', '.join(low) + ')' if low else ''}; "
            f"unjudged disputes {len(open_disputes)}"
        )
        if args.verbose:
            for name, f in judged_f1:
                if round(f, 3) < 1:
                    print(f"  {name}: judged-body F1 {f:.3f}")
            for line in open_disputes:
                print(f"  unjudged: {line}")
    print("metadata accuracy      readability(en)   postlight      all")
    for field, (ok, total) in fields.items():
        cells = []
        for source in ("readability", "postlight"):
            s_ok, s_total = per_source[source][field]
            cells.append(
                f"{s_ok:3}/{s_total:<3} {100 * s_ok / s_total:5.1f}%" if s_total else f"{'-':>14}"
            )
        print(f"{field:12} {cells[0]:>18} {cells[1]:>16}  {100 * ok / max(1, total):5.1f}%")
    pipeline, alone = statistics.median(ms_pipeline), statistics.median(ms_readability)
    fastest = f", fastest of {args.repeat} runs a page" if args.repeat > 1 else ""
    print(
        f"median ms per page over {len(ms_pipeline)} pages{fastest}: full pipeline {pipeline:.1f}, "
        f"readability-lxml alone {alone:.1f} (ratio {pipeline / alone:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
