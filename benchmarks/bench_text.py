"""Score the plain-text path: corpus pages rendered to the text a browser shows, then extracted.

    python benchmarks/bench_text.py [--corpus ../shared/corpus] [--verbose]

Each page of ``corpus/readability/`` is rendered as a browser shows it when selected and
copied (menus, captions, share lines and footers inline; see ``browser_text.py``), fed to
digest as plain text, and its body is scored against ``expected.txt`` by 4-word-shingle
precision, recall and F1. The whole rendered page is scored too, as the baseline of
keeping everything.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_text import browser_text  # noqa: E402
from shingles import mean_score, score  # noqa: E402

from digest.errors import InputError  # noqa: E402
from digest.extract.text import extract_text  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--verbose", action="store_true", help="one line per page")
    args = parser.parse_args()
    pages = sorted((args.corpus / "readability").glob("*/source.html"))
    if not pages:
        print(f"bench_text: no pages under {args.corpus / 'readability'}", file=sys.stderr)
        return 2
    rows: dict[str, list[tuple[float, float, float]]] = {"digest": [], "whole page": []}
    english: dict[str, list[float]] = {"digest": [], "whole page": []}
    times: list[float] = []
    titles = 0
    for page in pages:
        folder = page.parent
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        expected = (folder / "expected.txt").read_text(encoding="utf-8")
        text = browser_text(page.read_bytes().decode("utf-8", "replace"))
        started = time.perf_counter()
        try:
            extraction = extract_text(text)
            body, title = "\n\n".join(extraction.paragraphs), extraction.title
        except InputError as err:
            body, title = "", f"({err})"
        times.append((time.perf_counter() - started) * 1000)
        titles += _norm(title) == _norm(meta.get("title") or "")
        for name, got in (("digest", body), ("whole page", text)):
            result = score(got, expected)
            rows[name].append(result)
            if meta.get("english"):
                english[name].append(result[2])
        if args.verbose:
            p, r, f = rows["digest"][-1]
            print(f"{folder.name:28} P {p:.2f} R {r:.2f} F1 {f:.2f}  {title[:50]}")
    print(f"plain-text path on {len(pages)} corpus pages rendered as browser text")
    print(f"{'':12} {'precision':>9} {'recall':>7} {'F1':>6} {'F1 (English)':>13}")
    for name, results in rows.items():
        p, r, f = mean_score(results)
        print(f"{name:12} {p:9.3f} {r:7.3f} {f:6.3f} {statistics.mean(english[name]):13.3f}")
    print(f"titles exact: {titles}/{len(pages)}; median {statistics.median(times):.1f} ms per page")
    return 0


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


if __name__ == "__main__":
    sys.exit(main())
