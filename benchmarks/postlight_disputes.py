"""The postlight bodies, paragraph by paragraph: where digest and two other extractors differ.

    python benchmarks/postlight_disputes.py [--corpus ../shared/corpus] [--page NAME ...]
        [--judged benchmarks/postlight_bodies.json] [--unjudged]

The postlight pages (``corpus/postlight/``) come with no expected body. Reading 89 bodies
whole is slow and error-prone; reading only where extractors disagree is not. Per page this
splits digest's body (``digest.read_article(raw, url).text``, paragraphs split on blank
lines) and lists:

(a) digest's paragraphs that neither trafilatura (``trafilatura.extract``) nor
    readability-lxml (``Document.summary()``, split into blocks as digest splits them) keeps;
(b) paragraphs that both others keep and digest lacks (trafilatura's paragraphs that are
    in readability-lxml's text and not in digest's).

A paragraph is kept by a text when half of its 4-word shingles (as
:mod:`benchmarks.shingles` counts them) or more are in that text's shingles.

Each listed paragraph was read (and the page's HTML around it when the text alone did not
settle it), and the verdict recorded in ``postlight_bodies.json``: per page, ``not_article``
(digest's paragraphs that are not article text: captions, credits, deks, bios, promos,
teasers, widgets) and ``missed`` (paragraphs digest lacks that are article text), each with
its ``text`` and a short ``reason``; ``right`` holds the listed paragraphs digest has right
(kept and article text, or left out and not article text), so that a verdict is on record
for every listed paragraph. Boilerplate gathers at a body's edges, where all three
extractors may keep it: the first two and the last four paragraphs of every page's body
were read too, and what is wrong there is recorded, its reason ending "(read at the body's
edges)"; so are a few paragraphs seen wrong while reading a page whole.

Paragraphs not listed here (the undisputed ones: kept by digest and by at least one other
extractor, or left out by digest and by at least one other) count as right: the judged body
of a page is digest's paragraphs minus ``not_article`` plus ``missed``. That is a reading of
the disputes and the edges, not of every word; a paragraph in the middle of a body that
all three keep wrongly, or all three miss, is not caught. ``benchmarks/bench_extract.py``
scores digest's body against it.

``--unjudged`` lists only the disputed paragraphs that ``--judged`` has no verdict on (a
verdict is looked up by the paragraph's text, so a body that changed shows its new
disputes: a paragraph digest newly loses that both others keep, or newly keeps alone), for
a reader to judge after a change to the extractor. ``bench_extract.py`` counts them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shingles import shingles

ROOT = Path(__file__).resolve().parent.parent
JUDGED = Path(__file__).resolve().parent / "postlight_bodies.json"

KEPT_SHARE = 0.5
"""A paragraph is in a text when this share of its 4-word shingles is in the text's."""


def kept(paragraph: str, text_shingles: set[tuple[str, ...]]) -> bool:
    """Whether ``paragraph`` is in the text whose shingles are ``text_shingles``."""
    own = shingles(paragraph)
    return bool(own) and len(own & text_shingles) >= KEPT_SHARE * len(own)


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a body: blocks split on blank lines, spaces collapsed."""
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def readability_text(html: str) -> str:
    """readability-lxml's body of the page alone, its blocks split as digest splits them."""
    import lxml.html
    from readability import Document

    from digest.extract.blocks import blocks

    summary = Document(html).summary(html_partial=True)
    return "\n\n".join(blocks(lxml.html.fragment_fromstring(summary, create_parent="div")))


def trafilatura_paragraphs(html: str, url: str | None) -> list[str]:
    """trafilatura's body of the page, a paragraph a line, with its default settings."""
    import trafilatura

    text = trafilatura.extract(html, url=url) or ""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def disputes(raw: bytes, url: str | None) -> tuple[list[str], list[str], list[str]]:
    """digest's paragraphs, those only digest keeps, and those both others keep but digest.

    The page's bytes are decoded as digest decodes them, and each extractor reads the text.
    """
    from digest import read_article
    from digest.errors import InputError
    from digest.inputs.decode import decode

    html = decode(raw, None, kind="html")
    try:
        ours = paragraphs(read_article(raw, url).text)
    except InputError:
        ours = []
    only_ours, missing = compare(
        ours, trafilatura_paragraphs(html, url), paragraphs(readability_text(html))
    )
    return ours, only_ours, missing


def compare(
    ours: list[str], theirs: list[str], readability: list[str]
) -> tuple[list[str], list[str]]:
    """digest's paragraphs that neither trafilatura's (``theirs``) nor readability-lxml's
    text keeps, and trafilatura's paragraphs that readability-lxml keeps and digest lacks."""
    ours_sh = shingles("\n\n".join(ours))
    theirs_sh = shingles("\n\n".join(theirs))
    readability_sh = shingles("\n\n".join(readability))
    only_ours = [p for p in ours if not kept(p, theirs_sh) and not kept(p, readability_sh)]
    missing: list[str] = []
    for paragraph in theirs:
        shared = kept(paragraph, readability_sh) and not kept(paragraph, ours_sh)
        if shared and paragraph not in missing:
            missing.append(paragraph)
    return only_ours, missing


def unjudged(
    only_ours: list[str], missing: list[str], verdict: dict[str, list[dict[str, str]]]
) -> tuple[list[str], list[str]]:
    """The disputed paragraphs ``verdict`` (one page's entry) holds no verdict on."""
    seen = {
        " ".join(item["text"].split())
        for key in ("not_article", "missed", "right")
        for item in verdict.get(key, [])
    }
    return [p for p in only_ours if p not in seen], [p for p in missing if p not in seen]


def load_judged(path: Path) -> dict[str, dict[str, list[dict[str, str]]]]:
    """The verdicts of ``postlight_bodies.json``: page -> ``not_article`` / ``missed`` lists."""
    if not path.exists():
        return {}
    data: dict[str, dict[str, list[dict[str, str]]]] = json.loads(path.read_text("utf-8"))["pages"]
    return data


def judged_body(ours: list[str], verdict: dict[str, list[dict[str, str]]]) -> str:
    """The judged body of a page: digest's paragraphs minus those judged not article text,
    plus the missed ones judged article text."""
    wrong = {" ".join(item["text"].split()) for item in verdict.get("not_article", [])}
    kept_text = [p for p in ours if p not in wrong]
    missed = [" ".join(item["text"].split()) for item in verdict.get("missed", [])]
    return "\n\n".join([*kept_text, *missed])


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--page", action="append", help="only this page (domain), repeatable")
    parser.add_argument("--judged", type=Path, default=JUDGED)
    parser.add_argument(
        "--unjudged", action="store_true", help="list only disputes with no verdict recorded"
    )
    args = parser.parse_args()
    judged = load_judged(args.judged)
    pages = sorted((args.corpus / "postlight").glob("*.html"))
    if args.page:
        pages = [p for p in pages if p.stem in args.page]
    if not pages:
        print(f"postlight_disputes: no pages under {args.corpus / 'postlight'}", file=sys.stderr)
        return 2
    total = [0, 0]
    for page in pages:
        meta = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        ours, only_ours, missing = disputes(page.read_bytes(), meta.get("url"))
        if args.unjudged:
            only_ours, missing = unjudged(only_ours, missing, judged.get(page.stem, {}))
        total[0] += len(only_ours)
        total[1] += len(missing)
        if not only_ours and not missing:
            continue
        print(f"== {page.stem} ({len(ours)} paragraphs in digest's body)")
        for paragraph in only_ours:
            print(f"  (a) only digest: {paragraph}")
        for paragraph in missing:
            print(f"  (b) digest lacks: {paragraph}")
    print(
        f"{len(pages)} pages: {total[0]} paragraphs only digest keeps, "
        f"{total[1]} both others keep and digest lacks"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
