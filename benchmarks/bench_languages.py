"""Facts on the corpus pages not written in English: the dates, places and numbers each gets.

    python benchmarks/bench_languages.py [--corpus ../shared/corpus]

Issue 14 asks that each non-English corpus page that writes a date has it in
``facts.dates``. For every page of ``corpus/readability/`` whose language is not English,
this prints the language, the body's length, the dates digest lists (the first few) and
how many places and numbers it lists, then how many pages got at least one date. Whether a
page without dates writes one is for the reader to check in its text (``--text NAME``
prints the body).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checkout this script lives in, not an installed digest

from digest.models import Article  # noqa: E402
from digest.reading import read_document  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--text", metavar="NAME", help="print the body of one page")
    args = parser.parse_args()
    pages = sorted((args.corpus / "readability").glob("*/source.html"))
    if not pages:
        print(f"bench_languages: no pages under {args.corpus / 'readability'}", file=sys.stderr)
        return 1
    read = 0
    dated = 0
    print(f"{'page':24} lang  words  places numbers  dates")
    for page in pages:
        name = page.parent.name
        article = read_document(page.read_bytes(), None, None, str(page), 3)
        if not isinstance(article, Article) or (article.language or "en").startswith("en"):
            continue
        if args.text == name:
            print("\n\n".join(article.paragraphs))
            return 0
        read += 1
        facts = article.facts
        dated += bool(facts.dates)
        words = sum(len(p.split()) for p in article.paragraphs)
        shown = ", ".join(d.text for d in facts.dates[:4]) or "-"
        print(
            f"{name:24} {article.language:5} {words:5}  {len(facts.places):6} "
            f"{len(facts.numbers):7}  {len(facts.dates)}: {shown}"
        )
    print(f"pages not in English: {read}; with at least one date in facts.dates: {dated}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
