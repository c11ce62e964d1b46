"""Score HTML extraction against the corpus, digest beside readability-lxml alone, in one run.

    python benchmarks/bench_extract.py [--corpus ../shared/corpus] [--verbose] [--all-languages]

Body: 4-word-shingle precision, recall and F1 (as public article-extraction benchmarks
score bodies) on the English pages of ``corpus/readability/`` against ``expected.txt``,
for digest's extractor and for readability-lxml's ``summary()`` alone; both are turned
into text by the same block splitter, so only the choice of content differs.

Metadata: title, authors (all of them, names only), publisher and publication date (to
the day) on ``corpus/readability/`` (English) and ``corpus/postlight/``. Titles and names
are compared as lower-case words; postlight author values that the corpus README names as
quirks (desk credits, run-together names) are compared as the people they name
(:data:`POSTLIGHT_AUTHOR_QUIRKS`).

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

from shingles import mean_score, score

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


def _readability_text(html: str) -> str:
    import lxml.html
    from readability import Document

    from digest.extract.html import _blocks

    summary = Document(html).summary(html_partial=True)
    return "\n\n".join(_blocks(lxml.html.fragment_fromstring(summary, create_parent="div")))


def _timed(func, *args):
    started = time.perf_counter()
    result = func(*args)
    return result, (time.perf_counter() - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--verbose", action="store_true", help="one line per page")
    parser.add_argument(
        "--all-languages", action="store_true", help="score body text on every readability page"
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

    body: dict[str, list[tuple[float, float, float]]] = {"digest": [], "readability-lxml": []}
    fields = {"title": [0, 0], "authors": [0, 0], "publisher": [0, 0], "published": [0, 0]}
    per_source = {
        "readability": {k: [0, 0] for k in fields},
        "postlight": {k: [0, 0] for k in fields},
    }
    ms_pipeline: list[float] = []
    ms_readability: list[float] = []

    def check(source: str, field: str, ok: bool, got: object, want: object, name: str) -> None:
        fields[field][0] += ok
        fields[field][1] += 1
        per_source[source][field][0] += ok
        per_source[source][field][1] += 1
        if args.verbose and not ok:
            print(f"  {name}: {field} got {got!r} want {want!r}")

    def measure(raw: bytes, url: str | None):
        html = decode(raw, None, kind="html")
        try:
            article, ms = _timed(lambda: read_article(raw, url))
        except InputError as err:
            article, ms = None, 0.0
            print(f"  {url}: {err}")
        ms_pipeline.append(ms)
        readability_text, ms = _timed(_readability_text, html)
        ms_readability.append(ms)
        return article, readability_text

    for page in readability_pages:
        folder = page.parent
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if not meta.get("english") and not args.all_languages:
            continue
        raw = page.read_bytes()
        article, readability_text = measure(raw, None)
        expected = (folder / "expected.txt").read_text(encoding="utf-8")
        # The pipeline's own body: the timed run already extracted it.
        ours = article.text if article else ""
        body["digest"].append(score(ours, expected))
        body["readability-lxml"].append(score(readability_text, expected))
        if args.verbose:
            p, r, f = body["digest"][-1]
            print(
                f"{folder.name:26} digest P {p:.3f} R {r:.3f} F1 {f:.3f}   readability F1 "
                f"{body['readability-lxml'][-1][2]:.3f}"
            )
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
        article, _ = measure(page.read_bytes(), expect.get("url"))
        got = article.to_dict() if article else {}
        name = page.stem
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
    print(f"{'':26} {'precision':>9} {'recall':>7} {'F1':>7}")
    for name, results in body.items():
        p, r, f = mean_score(results)
        print(f"{name:26} {p:9.4f} {r:7.4f} {f:7.4f}")
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
    print(
        f"median ms per page over {len(ms_pipeline)} pages: full pipeline {pipeline:.1f}, "
        f"readability-lxml alone {alone:.1f} (ratio {pipeline / alone:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
