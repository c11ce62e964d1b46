"""Publication dates to the day: digest beside htmldate, on every corpus page with a known date.

    python benchmarks/bench_dates.py [--corpus ../shared/corpus] [--verbose] [--json]

Pages: the ``corpus/readability/`` pages whose ``meta.json`` gives ``publishedTime``
(English and other languages) and the ``corpus/postlight/`` pages whose expectation gives
``date_published``. Postlight pages are read with the URL their test names; readability
pages come without one (each tool may read the page's own canonical link). The readability
pages without a known date are dated too, and only counted (no answer can be judged there).

Methods, each scored as the share of pages whose date is right to the day:

- ``digest``: ``digest.extract.published.published_date`` as the pipeline calls it (JSON-LD,
  meta tags, canonical URL from the page; without the headline element the pipeline also
  passes, so the first ``<h1>`` stands for it): the page's own sources, then htmldate when
  they give nothing. ``digest, own rules``: the same without the htmldate fallback.
- ``htmldate ...``: ``htmldate.find_date(html, url=..., ...)`` on the decoded page in three
  settings: its defaults (``extensive_search=True``, ``original_date=False``, i.e. the
  latest date), the settings its documentation and trafilatura use for publication dates
  (``original_date=True``, extensive search), and its fast mode (``original_date=True``,
  ``extensive_search=False``).
- ``digest own rules, else htmldate fast``: the cheaper fallback digest did not choose.

To the day, and fair to tools that give a date-time and tools that give only a day: the
expected value allows a set of days, the answer names a set of days, and they must share one.

- Expected: the day as written (``2016-12-20T00:08:44Z`` -> 2016-12-20). When it is an
  instant (a time with a zone), also its day in the page's own time zone: the zone of every
  ISO timestamp in the page source that writes the same instant (within two minutes), and
  the zone a naive ISO timestamp of the page implies when it writes the same minute and
  second a whole quarter-hour away (``2016-12-19 19:08:44`` beside the instant above: UTC-5,
  so 2016-12-19 too). Postlight writes every expected date in UTC: a story published at
  8 pm in New York is "tomorrow" in UTC.
- Answer: the day as written; for an instant, also its day in UTC.

A day-only answer (htmldate's) is the page's local day: it is right when it is the UTC day,
or the local day of a page that writes its zone as above. The count of pages judged right
only through the page's zone is shown for each method.

Speed: median ms per page on the same pages in the same run: decode, parse and the date
search for digest (JSON-LD and meta tags read, as the pipeline reads them once for all
metadata); decode and ``find_date`` (which parses) for htmldate. htmldate's import time is
measured apart, in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_ISO_TIMESTAMP = re.compile(
    r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?(?![\d:])"
)
_SAME_INSTANT = timedelta(minutes=2)
_WIDEST_ZONE = timedelta(hours=14)


@dataclass(slots=True)
class Page:
    """One corpus page and its known publication date (None when unknown)."""

    corpus: str
    name: str
    raw: bytes
    url: str | None
    expected: str | None
    english: bool


def _instant(value: str) -> datetime | None:
    """The value as an aware datetime, or None when it is a bare day or has no zone."""
    if len(value.strip()) <= 10:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def page_zones(html: str, instant: datetime) -> set[timedelta]:
    """UTC offsets of the page's own zone, as far as its timestamps of this instant tell."""
    zones = set()
    utc = instant.astimezone(UTC).replace(tzinfo=None)
    for match in _ISO_TIMESTAMP.finditer(html):
        day, clock, zone = match.groups()
        try:
            written = datetime.fromisoformat(f"{day}T{clock}")
        except ValueError:
            continue
        if zone:
            zone = "+00:00" if zone == "Z" else zone if ":" in zone else f"{zone[:3]}:{zone[3:]}"
            moment = datetime.fromisoformat(f"{day}T{clock}{zone}")
            if (
                abs(moment - instant) <= _SAME_INSTANT
                and (offset := moment.utcoffset()) is not None
            ):
                zones.add(offset)
        else:
            shift = written - utc
            if (
                shift
                and abs(shift) <= _WIDEST_ZONE
                and shift % timedelta(minutes=15) == timedelta(0)
            ):
                zones.add(shift)
    return zones


def expected_days(expected: str, html: str) -> tuple[set[str], set[str]]:
    """(days as written, other days in the page's own zone) the expected value allows."""
    written = {expected.strip()[:10]}
    instant = _instant(expected)
    if instant is None:
        return written, set()
    utc = instant.astimezone(UTC)
    local = {(utc + zone).date().isoformat() for zone in page_zones(html, instant)}
    return written, local - written


def answer_days(answer: str | None) -> set[str]:
    """The days an answer names: as written, and in UTC when it is an instant."""
    if not answer:
        return set()
    days = {answer.strip()[:10]}
    if (instant := _instant(answer)) is not None:
        days.add(instant.astimezone(UTC).date().isoformat())
    return days


def judge(answer: str | None, written: set[str], local: set[str]) -> str:
    """``ok``, ``local`` (right in the page's own zone only), ``none`` or ``wrong``."""
    days = answer_days(answer)
    if not days:
        return "none"
    if days & written:
        return "ok"
    return "local" if days & local else "wrong"


def corpus_pages(corpus: Path) -> list[Page]:
    """Every readability page (dated or not) and every dated postlight page, by name."""
    pages = []
    for meta_path in sorted((corpus / "readability").glob("*/meta.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        raw = (meta_path.parent / "source.html").read_bytes()
        english = bool(meta.get("english"))
        pages.append(
            Page(
                "readability", meta_path.parent.name, raw, None, meta.get("publishedTime"), english
            )
        )
    for json_path in sorted((corpus / "postlight").glob("*.json")):
        expect = json.loads(json_path.read_text(encoding="utf-8"))
        if expect.get("date_published"):
            raw = json_path.with_suffix(".html").read_bytes()
            url, expected = expect.get("url"), expect["date_published"]
            pages.append(Page("postlight", json_path.stem, raw, url, expected, True))
    return pages


@dataclass(slots=True)
class Method:
    """One way of dating a page, and what it gave on each page."""

    name: str
    verdicts: dict[tuple[str, str], str] = field(default_factory=dict)
    answers: dict[tuple[str, str], str | None] = field(default_factory=dict)
    ms: list[float] = field(default_factory=list)
    undated_answers: int = 0


def _htmldate_import_ms() -> float:
    """Milliseconds to import htmldate in a fresh interpreter (the median of three)."""
    code = (
        "import time; t = time.perf_counter(); import htmldate;"
        " print((time.perf_counter() - t) * 1000)"
    )
    runs = [
        float(subprocess.check_output([sys.executable, "-c", code], text=True)) for _ in range(3)
    ]
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument(
        "--verbose", action="store_true", help="list every page a method gets wrong"
    )
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object")
    args = parser.parse_args()

    try:
        from htmldate import find_date
    except ImportError:
        print("bench_dates: htmldate is not installed (pip install -e .)", file=sys.stderr)
        return 2
    from digest.extract.html import _parse
    from digest.extract.meta import _canonical, read_metadata
    from digest.extract.meta.data import json_ld, meta_tags
    from digest.extract.published import published_date
    from digest.inputs.decode import decode

    pages = corpus_pages(args.corpus)
    if not any(p.expected for p in pages):
        print(f"bench_dates: no dated pages under {args.corpus}", file=sys.stderr)
        return 2

    settings = {
        "htmldate default": {"extensive_search": True, "original_date": False},
        "htmldate recommended": {"extensive_search": True, "original_date": True},
        "htmldate fast": {"extensive_search": False, "original_date": True},
    }
    names = ["digest", "digest, own rules", *settings, "digest own rules, else htmldate fast"]
    methods = {name: Method(name) for name in names}
    pipeline_agrees = 0

    def record(method: str, page: Page, answer: str | None, ms: float, html: str) -> None:
        row = methods[method]
        row.ms.append(ms)
        if page.expected is None:
            row.undated_answers += answer is not None
            return
        key = (page.corpus, page.name)
        row.answers[key] = answer
        row.verdicts[key] = judge(answer, *expected_days(page.expected, html))

    def ours(raw: bytes, url: str | None, fallback: bool) -> tuple[str | None, float, str]:
        started = time.perf_counter()
        html = decode(raw, None, kind="html")
        root = _parse(html)
        ld, _listing = json_ld(root)
        tags = meta_tags(root)
        canonical = _canonical(root, ld, tags, url)
        answer = published_date(root, ld, tags, (canonical, url), fallback=fallback)
        return answer, (time.perf_counter() - started) * 1000, html

    for page in pages:
        answer, ms, html = ours(page.raw, page.url, True)
        record("digest", page, answer, ms, html)
        pipeline_agrees += answer == read_metadata(_parse(html), page.url).published
        own, own_ms, _ = ours(page.raw, page.url, False)
        record("digest, own rules", page, own, own_ms, html)
        for name, options in settings.items():
            started = time.perf_counter()
            found = find_date(decode(page.raw, None, kind="html"), url=page.url, **options)
            ms = (time.perf_counter() - started) * 1000
            record(name, page, found, ms, html)
            if name == "htmldate fast":
                record(
                    "digest own rules, else htmldate fast",
                    page,
                    own or found,
                    own_ms + (0 if own else ms),
                    html,
                )

    dated = [p for p in pages if p.expected]
    sets = {
        "readability (en)": [p for p in dated if p.corpus == "readability" and p.english],
        "readability (other)": [p for p in dated if p.corpus == "readability" and not p.english],
        "postlight": [p for p in dated if p.corpus == "postlight"],
        "all": dated,
    }
    undated = len(pages) - len(dated)
    results: dict[str, dict[str, object]] = {}
    for method in methods.values():
        row: dict[str, object] = {
            "median_ms": round(statistics.median(method.ms), 2),
            "undated_pages_answered": method.undated_answers,
        }
        for label, subset in sets.items():
            verdicts = [method.verdicts[(p.corpus, p.name)] for p in subset]
            row[label] = {
                "right": sum(v in ("ok", "local") for v in verdicts),
                "of": len(subset),
                "local_zone_only": sum(v == "local" for v in verdicts),
                "none": sum(v == "none" for v in verdicts),
            }
        results[method.name] = row
    import_ms = _htmldate_import_ms()

    if args.json:
        print(json.dumps({"methods": results, "htmldate_import_ms": round(import_ms, 1)}, indent=2))
        return 0
    counts = ", ".join(f"{k} {len(v)}" for k, v in sets.items() if k != "all")
    print(f"publication date to the day on {len(dated)} corpus pages with a known date ({counts})")
    print(f"{'method':38}" + "".join(f"{label:>21}" for label in sets) + f"{'ms/page':>9}")
    for name, row in results.items():
        cells = []
        for label in sets:
            cell = row[label]
            assert isinstance(cell, dict)
            share = 100 * cell["right"] / max(1, cell["of"])
            cells.append(f"{cell['right']:3}/{cell['of']:<3} {share:5.1f}%")
        print(f"{name:38}" + "".join(f"{c:>21}" for c in cells) + f"{row['median_ms']:9.1f}")
    for name, row in results.items():
        cell = row["all"]
        assert isinstance(cell, dict)
        print(
            f"  {name}: {cell['none']} dated pages without an answer,"
            f" {cell['local_zone_only']} right only in the page's own zone;"
            f" {row['undated_pages_answered']} of {undated} undated pages answered"
        )
    print(
        "the pipeline (read_metadata, with the headline element) gives the same date on"
        f" {pipeline_agrees}/{len(pages)} pages"
    )
    print(f"htmldate import: {import_ms:.0f} ms in a fresh interpreter")
    if args.verbose:
        expected = {(p.corpus, p.name): p.expected for p in dated}
        for method in methods.values():
            misses = [k for k, v in method.verdicts.items() if v in ("wrong", "none")]
            print(f"\n{method.name}: {len(misses)} wrong or missing")
            for key in misses:
                print(
                    f"  {key[0]:12} {key[1]:32} got {method.answers[key]!s:32} want {expected[key]}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
