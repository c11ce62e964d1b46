"""Score digest's summary against LEAD-3 on corpus/summaries, by ROUGE against human summaries.

    python benchmarks/bench_summary.py [--corpus ../shared/corpus] [--limit N] [--half first|second]
                                       [--worst N] [--json] [--cards] [--deks]

Each BBC article (headline, paragraphs) goes through ``extract_facts`` and then
``summarize`` as the pipeline calls them, with the default number of sentences
(``digest.reading.DEFAULT_SENTENCES``). LEAD-3 is the article's first three sentences,
cut by ``digest.text.sentences.split_sentences``. Both are scored against the reference
summary (its sentences joined) by ROUGE-1, ROUGE-2 and ROUGE-L F1 as ``rouge.py``
defines them (lower-case ASCII words, no stemming, whole-text LCS), averaged over
articles. ``--half first`` reads only the first half of the articles (in file-name order),
the half the summary's weights are tuned on; ``--half second`` the other half, held out.
The references are extractive and long (about 45% of the article), so a three
sentence candidate has high precision and low recall; F1 is compared as the issue asks,
and "in ref" gives the share of chosen sentences that the reference also chose.

``--cards``: every page of ``corpus/readability`` and ``corpus/postlight`` (HTML), every
PolNeAR text of ``corpus/quotes`` and every BBC article (plain text) goes through
``digest.read_article``, and each summary bullet is checked as a reader sees it on a card:
boilerplate (a line ``digest.extract.boilerplate.classify`` reads as boilerplate, a caption
or a credit), and an orphan opening (``digest.summarize.points_back``: "However, ...",
"This ...", "... lohnt sich das." with the sentence right before it not on the card, and
not the article's first). Both counts should be 0; every such bullet is printed.

``--deks``: news with human-written highlights other than the BBC set. Each English page of
``corpus/readability`` with an ``excerpt`` in its ``meta.json`` and each page of
``corpus/postlight`` with a ``dek`` goes through ``digest.read_article``; its summary and
LEAD-3 (the first three sentences of its ``paragraphs``) are scored by ROUGE against that
one-or-two-sentence description written by the page's editors. A page's description is
often its lead sentence copied, which favours LEAD-3: the figures are also given on the
pages whose description is not in the body ("written apart": under half of its 4-word
shingles in the body's text).

Speed: median milliseconds per article of ``summarize`` alone, of ``extract_facts`` and
of the two together (the pipeline's cost after extraction), beside ``extract_text`` on the
article as plain text for scale (HTML extraction is timed by ``bench_extract.py``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# The checkout's own digest, not one installed elsewhere (a worktree shares a venv whose
# editable install points at another checkout), then the benchmarks' helpers.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import SummaryPair, add_options, summary_pairs
from rouge import rouge

from digest.errors import InputError
from digest.extract.boilerplate import TAIL, classify
from digest.extract.plain import extract_text
from digest.facts import extract_facts
from digest.models import Article
from digest.reading import DEFAULT_SENTENCES, read_article
from digest.summarize import points_back, summarize
from digest.text.sentences import split_sentences

METRICS = ("rouge1", "rouge2", "rougeL")
SYSTEMS = ("digest", "LEAD-3")


def lead(paragraphs: tuple[str, ...], count: int = 3) -> list[str]:
    """The first ``count`` sentences of the article."""
    sentences = [s for paragraph in paragraphs for s in split_sentences(paragraph)]
    return sentences[:count]


def halved(pairs: list[SummaryPair], half: str | None) -> list[SummaryPair]:
    """The first or the second half of the articles (the first takes the odd one), or all."""
    middle = (len(pairs) + 1) // 2
    if half == "first":
        return pairs[:middle]
    if half == "second":
        return pairs[middle:]
    return pairs


def _timed(func: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = func(*args, **kwargs)
    return result, (time.perf_counter() - started) * 1000


def _norm(sentence: str) -> str:
    return " ".join(sentence.split())


def score_pair(pair: SummaryPair, ms: dict[str, list[float]]) -> dict[str, Any]:
    """Both candidates of one article with their ROUGE scores; appends timings to ``ms``."""
    facts, facts_ms = _timed(extract_facts, pair.paragraphs, title=pair.title, language="en")
    summary, summary_ms = _timed(
        summarize,
        pair.paragraphs,
        title=pair.title,
        facts=facts,
        sentences=DEFAULT_SENTENCES,
        language="en",
    )
    raw = f"{pair.title}\n\n" + "\n\n".join(pair.paragraphs)
    try:
        extract_ms = _timed(extract_text, raw)[1]
    except InputError:
        extract_ms = float("nan")
    for name, value in (
        ("summarize", summary_ms),
        ("extract_facts", facts_ms),
        ("facts+summary", facts_ms + summary_ms),
        ("extract_text", extract_ms),
    ):
        ms[name].append(value)
    reference = " ".join(pair.reference)
    chosen = {_norm(s) for s in pair.reference}
    candidates = {"digest": [s.text for s in summary], "LEAD-3": lead(pair.paragraphs)}
    result: dict[str, Any] = {"name": pair.name, "sentences": candidates}
    for system, sentences in candidates.items():
        scores = rouge(" ".join(sentences), reference)
        result[system] = {metric: scores[metric][2] for metric in METRICS}
        result[system]["in_ref"] = sum(_norm(s) in chosen for s in sentences) / max(
            1, len(sentences)
        )
        result[system]["words"] = len(" ".join(sentences).split())
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_options(parser)
    parser.add_argument(
        "--cards", action="store_true", help="check the bullets of every corpus page's card"
    )
    parser.add_argument(
        "--deks",
        action="store_true",
        help="score against the descriptions editors wrote for the corpus's HTML pages",
    )
    parser.add_argument(
        "--half",
        choices=("first", "second"),
        help="only the first half of the articles (tuning) or the second (held out)",
    )
    args = parser.parse_args()
    if args.cards:
        return check_cards(args.corpus)
    if args.deks:
        return score_deks(args.corpus)
    pairs = halved(summary_pairs(args.corpus), args.half)[: args.limit]
    if not pairs:
        print(f"bench_summary: no articles under {args.corpus / 'summaries'}", file=sys.stderr)
        return 2
    ms: dict[str, list[float]] = {
        "summarize": [],
        "extract_facts": [],
        "facts+summary": [],
        "extract_text": [],
    }
    results = [score_pair(pair, ms) for pair in pairs]
    columns = (*METRICS, "in_ref", "words")
    means = {s: {c: statistics.mean(r[s][c] for r in results) for c in columns} for s in SYSTEMS}
    wins = {m: sum(r["digest"][m] > r["LEAD-3"][m] for r in results) for m in METRICS}
    medians = {name: statistics.median(v for v in values if v == v) for name, values in ms.items()}
    if args.json:
        report = {
            "articles": len(results),
            "mean": means,
            "digest_wins": wins,
            "median_ms": medians,
        }
        print(json.dumps(report, indent=2))
        return 0
    print(f"summaries of {len(results)} BBC articles against the human extractive summaries")
    print(f"{'mean':8} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-L':>8} {'in ref':>7} {'words':>6}")
    for system in SYSTEMS:
        row = means[system]
        print(
            f"{system:8} {row['rouge1']:8.4f} {row['rouge2']:8.4f} {row['rougeL']:8.4f} "
            f"{row['in_ref']:7.3f} {row['words']:6.1f}"
        )
    print("digest above LEAD-3 on " + ", ".join(f"{m} {n}/{len(results)}" for m, n in wins.items()))
    print("median ms per article: " + ", ".join(f"{k} {v:.2f}" for k, v in medians.items()))
    if args.worst:
        _print_worst(results, args.worst)
    return 0


def dek_pages(corpus: Path) -> list[tuple[str, bytes, str | None, str]]:
    """(name, page, url, description) of every corpus HTML page with a description written
    for it: readability's English pages with an ``excerpt``, postlight's with a ``dek``."""
    pages = []
    for folder in sorted((corpus / "readability").iterdir()):
        meta_file = folder / "meta.json"
        if not meta_file.exists():
            continue
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        if meta.get("english") and (meta.get("excerpt") or "").strip():
            source = (folder / "source.html").read_bytes()
            pages.append((f"readability/{folder.name}", source, None, meta["excerpt"]))
    for page in sorted((corpus / "postlight").glob("*.html")):
        expect = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        if (expect.get("dek") or "").strip():
            pages.append(
                (f"postlight/{page.stem}", page.read_bytes(), expect["url"], expect["dek"])
            )
    return pages


def score_deks(corpus: Path) -> int:
    """digest's summary and LEAD-3 against the descriptions editors wrote (``--deks``)."""
    from shingles import shingles

    if not (corpus / "readability").is_dir() or not (corpus / "postlight").is_dir():
        print(
            f"bench_summary: no readability/ and postlight/ pages under {corpus}", file=sys.stderr
        )
        return 2
    rows: list[tuple[bool, dict[str, dict[str, float]]]] = []
    for name, page, url, dek in dek_pages(corpus):
        try:
            article = read_article(page, url, input=name)
        except InputError:
            continue
        candidates = {
            "digest": " ".join(s.text for s in article.summary),
            "LEAD-3": " ".join(lead(article.paragraphs)),
        }
        own = shingles(dek)
        apart = bool(own) and len(own & shingles(article.text)) < 0.5 * len(own)
        scores = {}
        for system, text in candidates.items():
            found = rouge(text, dek)
            scores[system] = {metric: found[metric][2] for metric in METRICS}
        rows.append((apart, scores))
    if not rows:
        print(f"bench_summary: no pages with a description under {corpus}", file=sys.stderr)
        return 2
    print("summaries of the corpus's HTML pages against the descriptions their editors wrote")
    print(f"{'pages':28} {'system':8} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-L':>8}")
    for label, chosen in (
        (f"all ({len(rows)})", rows),
        (f"written apart ({sum(a for a, _ in rows)})", [r for r in rows if r[0]]),
    ):
        for system in SYSTEMS:
            means = [statistics.mean(r[1][system][m] for r in chosen) for m in METRICS]
            print(f"{label:28} {system:8} " + " ".join(f"{v:8.4f}" for v in means))
        wins = sum(r[1]["digest"]["rouge1"] > r[1]["LEAD-3"]["rouge1"] for r in chosen)
        print(f"{'':28} digest above LEAD-3 on ROUGE-1 on {wins}/{len(chosen)} pages")
    return 0


def card_faults(article: Article) -> list[tuple[str, str]]:
    """(fault, bullet) for each bullet of the article's card that is boilerplate, or that
    points back at a sentence the card does not show."""
    order = [
        (index, sentence)
        for index, paragraph in enumerate(article.paragraphs)
        for sentence in split_sentences(paragraph)
    ]
    shown = {(s.paragraph, s.text) for s in article.summary}
    faults = []
    last = len(article.paragraphs) - TAIL
    for bullet in article.summary:
        if classify(bullet.text, tail=bullet.paragraph >= last) is not None:
            faults.append(("boilerplate", bullet.text))
        position = order.index((bullet.paragraph, bullet.text))
        if (
            position
            and order[position - 1] not in shown
            and points_back(bullet.text, article.language)
        ):
            faults.append(("orphan opening", bullet.text))
    return faults


def check_cards(corpus: Path) -> int:
    """Read every corpus page and print the card bullets that are boilerplate or orphans."""
    documents: list[tuple[str, bytes]] = [
        (f"readability/{p.parent.name}", p.read_bytes())
        for p in sorted(corpus.glob("readability/*/source.html"))
    ]
    documents += [
        (f"postlight/{p.stem}", p.read_bytes()) for p in sorted(corpus.glob("postlight/*.html"))
    ]
    documents += [
        (f"quotes/{p.stem}", p.read_bytes()) for p in sorted(corpus.glob("quotes/text/*.txt"))
    ]
    documents += [
        (f"summaries/{p.name}", p.read_bytes())
        for p in sorted(corpus.glob("summaries/*.article.txt"))
    ]
    bullets = 0
    faults: list[tuple[str, str, str]] = []
    for name, data in documents:
        try:
            article = read_article(data, input=name)
        except InputError:
            continue
        bullets += len(article.summary)
        faults += [(kind, name, text) for kind, text in card_faults(article)]
    counts = {
        kind: sum(1 for k, _, _ in faults if k == kind)
        for kind in ("boilerplate", "orphan opening")
    }
    print(
        f"{bullets} bullets on the cards of {len(documents)} corpus documents: "
        + ", ".join(f"{kind} {n}" for kind, n in counts.items())
    )
    for kind, name, text in faults:
        print(f"  {kind:15} {name[:40]:40} {text[:100]}")
    return 0


def _print_worst(results: list[dict[str, Any]], count: int) -> None:
    """The articles where digest's summary falls furthest below LEAD-3 on ROUGE-2."""
    print(f"\nworst {count} articles (digest ROUGE-2 minus LEAD-3 ROUGE-2)")
    for result in sorted(results, key=lambda r: r["digest"]["rouge2"] - r["LEAD-3"]["rouge2"])[
        :count
    ]:
        gap = result["digest"]["rouge2"] - result["LEAD-3"]["rouge2"]
        print(f"{result['name']} ({gap:+.3f})")
        for system in SYSTEMS:
            for sentence in result["sentences"][system]:
                print(f"  {system:7} {sentence[:110]}")


if __name__ == "__main__":
    sys.exit(main())
