"""Measure the boilerplate classifier: what it removes from digest's bodies, and where it
fires on bodies written by people.

    python benchmarks/bench_boilerplate.py [--corpus ../shared/corpus] [--show N] [--kind CLASS]
                                           [--json]

Two measurements, by class (``digest/data/extract/boilerplate.toml``):

- removed: the paragraphs ``digest.extract.boilerplate.find`` removes from the bodies the
  extractors give before it runs, on ``corpus/readability`` and ``corpus/postlight``: the HTML
  path (``extract_html``) and the plain-text path (``extract_text`` on the page rendered as
  browser text, ``browser_text.py``). These are what the classifier is for; ``--show N``
  prints N of each class to read.
``--no-cues`` searches every line with every pattern: the figures must not change, only
the time (the cues only spare patterns a line cannot match).

- fires on bodies written by people, each body as a whole (so that ``tail`` rules see the
  last paragraphs): the BBC articles of ``corpus/summaries`` (one paragraph a line), the
  PolNeAR texts of ``corpus/quotes`` and ``corpus/quotes-train`` (blank-line separated
  blocks, the first being the headline) and the CoNLL-2003 documents (train and dev, one
  sentence a paragraph, headline left out). A fire there is a false positive unless the line
  is boilerplate the source kept: PolNeAR texts are scraped pages (they hold newsletter
  promos, op-ed bios, "Twitter: @..." lines, "This story has been updated" notes) and CoNLL
  documents end with newsroom contact lines ("-- London Newsroom +44 171 542 7658"). Every
  fire is printed with ``--show``; read them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_text import browser_text
from corpus import DEFAULT_CORPUS, detokenise

from digest.errors import InputError
from digest.extract.boilerplate import CLASSES, find
from digest.extract.html import extract_html
from digest.extract.plain import extract_text

Body = tuple[str, list[str]]
"""A document's name and its paragraphs."""


def digest_bodies(corpus: Path) -> dict[str, list[Body]]:
    """The bodies digest's two extractors give for the corpus pages, before the classifier."""
    pages = [
        (f"readability/{p.parent.name}", p)
        for p in sorted(corpus.glob("readability/*/source.html"))
    ]
    pages += [(f"postlight/{p.stem}", p) for p in sorted(corpus.glob("postlight/*.html"))]
    bodies: dict[str, list[Body]] = {"html": [], "text": []}
    for name, path in pages:
        page = path.read_bytes().decode("utf-8", "replace")
        for path_name, extract in (("html", extract_html), ("text", extract_text)):
            try:
                got = extract(page) if path_name == "html" else extract(browser_text(page))
            except InputError:
                continue
            bodies[path_name].append((name, list(got.paragraphs)))
    return bodies


def human_bodies(corpus: Path) -> dict[str, list[Body]]:
    """Article bodies written by people: BBC, PolNeAR, CoNLL-2003."""
    bodies: dict[str, list[Body]] = defaultdict(list)
    for path in sorted((corpus / "summaries").glob("*.article.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
        bodies["bbc"].append((path.name, [line.strip() for line in lines if line.strip()]))
    for folder in ("quotes", "quotes-train"):
        for path in sorted((corpus / folder / "text").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip()]
            bodies["polnear"].append((path.name, blocks[1:]))
    for split in ("dev", "train"):
        raw = (corpus / "entities" / f"conll2003_{split}.txt").read_text(encoding="utf-8")
        chunks = [c for c in raw.split("-DOCSTART- -X- -X- O") if c.strip()]
        for number, chunk in enumerate(chunks):
            sentences = [
                detokenise([line.split()[0] for line in block.splitlines() if line.strip()])
                for block in chunk.strip().split("\n\n")
                if block.strip()
            ]
            bodies["conll"].append((f"{split}-{number + 1:03}", sentences[1:]))
    return bodies


def fires(bodies: list[Body], cues: bool = True) -> tuple[int, dict[str, list[str]]]:
    """Paragraphs read, and the paragraphs the classifier removes by class ("name: line")."""
    total = 0
    by_kind: dict[str, list[str]] = defaultdict(list)
    for name, paragraphs in bodies:
        total += len(paragraphs)
        for index, rule in sorted(find(paragraphs, cues=cues).items()):
            by_kind[rule.kind].append(f"{name}: {paragraphs[index]}")
    return total, by_kind


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the corpus folder")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print N lines a class")
    parser.add_argument("--kind", choices=CLASSES, help="only this class")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    parser.add_argument(
        "--no-cues", action="store_true", help="search every line with every pattern (slower)"
    )
    args = parser.parse_args()
    if not (args.corpus / "summaries").is_dir():
        print(f"bench_boilerplate: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    sets = {**digest_bodies(args.corpus), **human_bodies(args.corpus)}
    started = time.perf_counter()
    results = {name: fires(bodies, not args.no_cues) for name, bodies in sets.items()}
    seconds = time.perf_counter() - started
    kinds = [args.kind] if args.kind else list(CLASSES)
    if args.json:
        out = {
            name: {"paragraphs": total, "removed": {k: len(by[k]) for k in kinds if by[k]}}
            for name, (total, by) in results.items()
        }
        print(json.dumps(out, indent=1))
        return 0
    print("paragraphs removed by class; html/text: digest's corpus bodies (what it is for),")
    print("bbc/polnear/conll: bodies written by people (fires to read by hand)")
    header = "".join(f"{name:>9}" for name in results)
    print(f"{'class':12}{header}")
    for kind in kinds:
        print(f"{kind:12}" + "".join(f"{len(by[kind]):9}" for _, by in results.values()))
    print(f"{'paragraphs':12}" + "".join(f"{total:9}" for total, _ in results.values()))
    if args.show:
        for kind in kinds:
            for name, (_, by) in results.items():
                for line in by[kind][: args.show]:
                    print(f"  {kind:10} {name:8} {line[:160]}")
    counts = Counter({name: sum(len(v) for v in by.values()) for name, (_, by) in results.items()})
    print("removed in all: " + ", ".join(f"{name} {n}" for name, n in counts.items()))
    paragraphs = sum(total for total, _ in results.values())
    each = 1e6 * seconds / paragraphs
    print(f"classified {paragraphs} paragraphs in {seconds:.2f} s ({each:.0f} us each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
