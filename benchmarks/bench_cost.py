"""What facts and the summary cost beside extraction, on the same articles, in one run.

    python benchmarks/bench_cost.py [--corpus ../shared/corpus] [--repeat N] [--json]

Three sets: the HTML pages of ``corpus/readability/`` (``source.html``, every language) and
``corpus/postlight/``, and the BBC articles of ``corpus/summaries/`` as plain text (the
headline, a blank line, the paragraphs: what ``bench_summary.py`` feeds ``extract_text``).
Each document goes through the pipeline's two stages as ``digest.read_article`` runs them:

- extraction: sniffing, decoding and extracting the bytes (``reading._extraction``);
- facts and summary: ``extract_facts`` and ``summarize`` on the extracted paragraphs, title,
  publication date and language, with the pipeline's number of sentences.

For each set it prints the median milliseconds per article of extraction, of facts, of the
summary, of facts and summary together, and the ratio of the last to extraction (the ratio
of the medians). ``--repeat N`` times every article N times and keeps its fastest time of
each stage, which steadies the figures on a busy machine; the sentence caches are emptied
before every pass, so no pass reuses another's work. Documents digest refuses (no article
text) are counted and left out.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DEFAULT_CORPUS, summary_pairs

from digest.cli import build
from digest.errors import InputError
from digest.facts import extract_facts, tagger
from digest.reading import DEFAULT_SENTENCES, _extraction
from digest.summarize import summarize
from digest.text.sentences import clear_cache

STAGES = ("extraction", "facts", "summary", "facts+summary")
T = TypeVar("T")


@dataclass(slots=True)
class SetCost:
    """Per-article times (ms) of one set, by stage."""

    name: str
    ms: dict[str, list[float]] = field(default_factory=lambda: {s: [] for s in STAGES})
    refused: int = 0

    def median(self, stage: str) -> float:
        values = self.ms[stage]
        return statistics.median(values) if values else float("nan")

    def to_dict(self) -> dict[str, Any]:
        medians = {stage: round(self.median(stage), 3) for stage in STAGES}
        return {
            "articles": len(self.ms["extraction"]),
            "refused": self.refused,
            "median_ms": medians,
            "ratio": round(self.median("facts+summary") / self.median("extraction"), 3),
        }


def _timed(func: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[T, float]:
    started = time.perf_counter()
    result = func(*args, **kwargs)
    return result, (time.perf_counter() - started) * 1000


def _clear_caches() -> None:
    """Forget every split sentence and every word the names tagger read, so a pass pays for
    its own splitting and reading (the tagger's weights stay loaded, as in a long run)."""
    clear_cache()
    tagger.clear_cache()


def measure(documents: list[bytes], name: str, repeat: int) -> SetCost:
    """Time extraction, facts and summary on each document; the best of ``repeat`` passes."""
    cost = SetCost(name)
    if documents:
        _run_once(documents[0])  # load what the stages import lazily (lxml, word lists)
    for data in documents:
        best = dict.fromkeys(STAGES, float("inf"))
        for _ in range(repeat):
            _clear_caches()
            try:
                extraction, extract_ms = _timed(_extraction, data, None, None)
            except InputError:
                break
            paragraphs = extraction.paragraphs
            facts, facts_ms = _timed(
                extract_facts,
                paragraphs,
                title=extraction.title,
                published=extraction.published,
                language=extraction.language,
            )
            _, summary_ms = _timed(
                summarize,
                paragraphs,
                title=extraction.title,
                facts=facts,
                sentences=DEFAULT_SENTENCES,
                language=extraction.language,
            )
            for stage, value in (
                ("extraction", extract_ms),
                ("facts", facts_ms),
                ("summary", summary_ms),
                ("facts+summary", facts_ms + summary_ms),
            ):
                best[stage] = min(best[stage], value)
        else:
            for stage in STAGES:
                cost.ms[stage].append(best[stage])
            continue
        cost.refused += 1
    return cost


def _run_once(data: bytes) -> None:
    try:
        extraction = _extraction(data, None, None)
    except InputError:
        return
    facts = extract_facts(extraction.paragraphs, title=extraction.title)
    summarize(extraction.paragraphs, title=extraction.title, facts=facts)


def documents(corpus: Path) -> dict[str, list[bytes]]:
    """The three sets' documents as bytes, as digest would read them from files."""
    readability = sorted((corpus / "readability").glob("*/source.html"))
    postlight = sorted((corpus / "postlight").glob("*.html"))
    bbc = [
        (f"{pair.title}\n\n" + "\n\n".join(pair.paragraphs) + "\n").encode("utf-8")
        for pair in summary_pairs(corpus)
    ]
    return {
        "readability HTML": [path.read_bytes() for path in readability],
        "postlight HTML": [path.read_bytes() for path in postlight],
        "BBC plain text": bbc,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the corpus folder")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        metavar="N",
        help="time each article N times, keep the best",
    )
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object")
    args = parser.parse_args()
    if args.repeat < 1:
        print("bench_cost: --repeat must be 1 or more", file=sys.stderr)
        return 2
    sets = documents(args.corpus)
    if not any(sets.values()):
        print(f"bench_cost: no documents under {args.corpus}", file=sys.stderr)
        return 2
    costs = [measure(docs, name, args.repeat) for name, docs in sets.items() if docs]
    if args.json:
        results: dict[str, Any] = {cost.name: cost.to_dict() for cost in costs}
        results["build"] = build()
        print(json.dumps(results, indent=2))
        return 0
    print(f"median ms per article, best of {args.repeat} pass(es) each")
    print(f"build: {build()}")
    print(
        f"{'set':17} {'articles':>8} {'extraction':>10} {'facts':>7} {'summary':>7}"
        f" {'facts+summary':>13} {'ratio':>6}"
    )
    for cost in costs:
        row = cost.to_dict()
        medians = row["median_ms"]
        print(
            f"{cost.name:17} {row['articles']:>8} {medians['extraction']:>10.2f}"
            f" {medians['facts']:>7.2f} {medians['summary']:>7.2f}"
            f" {medians['facts+summary']:>13.2f} {row['ratio']:>6.2f}"
            + (f"  ({cost.refused} refused)" if cost.refused else "")
        )
    print("ratio: facts+summary over extraction (of the medians); below 1 costs less")
    return 0


if __name__ == "__main__":
    sys.exit(main())
