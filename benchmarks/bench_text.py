"""Score the plain-text path: corpus pages rendered to the text a browser shows, then extracted.

    python benchmarks/bench_text.py [--corpus ../shared/corpus] [--verbose]

Each page of ``corpus/readability/`` is rendered as a browser shows it when selected and
copied (menus, captions, share lines and footers inline; see ``browser_text.py``), fed to
digest as plain text, and its body is scored against ``expected.txt`` by 4-word-shingle
precision, recall and F1: as ``extract_text`` gives it ("digest") and as the pipeline
gives it, without the lines the boilerplate classifier removes ("digest, cleaned": lower
where ``expected.txt``, Readability's output, keeps such lines). The whole rendered page
is scored too, as the baseline of keeping everything, and so is jusText when the
``justext`` package is installed (each line given to it as a paragraph, with the stoplist
of the page's language; it has none for Chinese and Japanese). Titles are compared after
folding case, spaces and curly quotes.
"""

from __future__ import annotations

import argparse
import html
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_text import browser_text
from shingles import mean_score, score

from digest.errors import InputError
from digest.extract.boilerplate import clean
from digest.extract.plain import extract_text

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--verbose", action="store_true", help="one line per page")
    args = parser.parse_args()
    pages = sorted((args.corpus / "readability").glob("*/source.html"))
    if not pages:
        print(f"bench_text: no pages under {args.corpus / 'readability'}", file=sys.stderr)
        return 2
    others = {"whole page": lambda text, lang: text}
    if (boilerplate := _justext()) is not None:
        others["jusText"] = boilerplate
    systems = ("digest", "digest, cleaned", *others)
    rows: dict[str, list[tuple[float, float, float]]] = {name: [] for name in systems}
    english: dict[str, list[float]] = {name: [] for name in rows}
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
            cleaned = "\n\n".join(clean(extraction).paragraphs)
        except InputError as err:
            body, title, cleaned = "", f"({err})", ""
        times.append((time.perf_counter() - started) * 1000)
        titles += _norm(title) == _norm(meta.get("title") or "")
        lang = (meta.get("lang") or ("en" if meta.get("english") else ""))[:2].lower()
        outputs = {"digest": body, "digest, cleaned": cleaned} | {
            name: other(text, lang) for name, other in others.items()
        }
        for name, got in outputs.items():
            result = score(got, expected)
            rows[name].append(result)
            if meta.get("english"):
                english[name].append(result[2])
        if args.verbose:
            p, r, f = rows["digest"][-1]
            print(f"{folder.name:28} P {p:.2f} R {r:.2f} F1 {f:.2f}  {title[:50]}")
    print(f"plain-text path on {len(pages)} corpus pages rendered as browser text")
    print(f"{'':15} {'precision':>9} {'recall':>7} {'F1':>6} {'F1 (English)':>13}")
    for name, results in rows.items():
        p, r, f = mean_score(results)
        print(f"{name:15} {p:9.3f} {r:7.3f} {f:6.3f} {statistics.mean(english[name]):13.3f}")
    print(f"titles exact: {titles}/{len(pages)}; median {statistics.median(times):.1f} ms per page")
    return 0


_QUOTES = str.maketrans("‘’“”", "''\"\"")


def _norm(text: str) -> str:
    return " ".join(text.lower().translate(_QUOTES).split())


def _justext() -> Callable[[str, str], str] | None:
    """jusText's body for a page's text, or ``None`` when the package is not installed."""
    try:
        import justext  # type: ignore[import-untyped]
    except ImportError:
        return None
    names = {
        "cs": "Czech",
        "de": "German",
        "en": "English",
        "es": "Spanish",
        "fr": "French",
        "pt": "Portuguese",
    }

    def body(text: str, lang: str) -> str:
        page = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
        stoplist = justext.get_stoplist(names[lang]) if lang in names else frozenset()
        paragraphs = justext.justext(f"<html><body>{page}</body></html>", stoplist)
        return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return body


if __name__ == "__main__":
    sys.exit(main())
