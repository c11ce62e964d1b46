"""Score the plain-text path on wire copy: CoNLL-2003 Reuters documents, one sentence a paragraph.

    python benchmarks/bench_wire.py [--corpus ../shared/corpus] [--split train|dev]
                                    [--strip-headline-stop] [--keep-quote-marks]
                                    [--limit N] [--json] [--worst N] [--examples N]

Each document of ``entities/conll2003_<split>.txt`` becomes a plain text as a wire story is
pasted: the headline, a blank line, then each sentence detokenised as a paragraph of its own.
A byline standing between headline and dateline is dropped (as ``corpus.py`` does); the
dateline ("LONDON 1996-08-30") stays as the first paragraph. CoNLL's tokens end nearly every
headline with " ." and the text keeps it (``--strip-headline-stop`` removes it). A quotation
mark CoNLL leaves at the end of a sentence when the quote goes on in the next one
(``... he said. "``) is moved to the start of the sentence it opens, as the wire wrote it
(``--keep-quote-marks`` leaves it where CoNLL put it).

Each text goes through ``digest.read_article`` (extraction, the boilerplate classifier,
facts) and is scored:

- documents refused (an InputError) and the reasons given;
- body paragraphs kept / total: a paragraph is kept when its words stand, in order, in the
  body (standfirst included). Paragraphs the boilerplate classifier removes (newsroom contact
  lines: "-- London Newsroom +44 171 542 7658") and the wire's sign-off read as its agency
  ("REUTER") are counted apart, as rightly dropped;
- the headline: the title equals it (case folded, the tokeniser's final " ." aside), and a
  headline written in capitals is given in normal case;
- the dateline: its date read as ``published``, its place found among ``facts.places``;
- tables: articles carrying the ``table`` warning;
- why the other paragraphs were dropped, by what they are (a row of a table or a results
  list, a short line, a line in capitals, a short sentence, prose) and whether they stood
  among the document's last three.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import _NO_SPACE_BEFORE, add_options, detokenise

from digest.errors import InputError
from digest.extract.boilerplate import find
from digest.extract.lines import wire_credit
from digest.reading import read_article

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
_WORDS = re.compile(r"\w+")
_PLACE = re.compile(r"^([A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)*)")


@dataclass(slots=True)
class WireDocument:
    """One CoNLL document as a pasted wire story."""

    name: str
    headline: str
    dateline: str | None
    paragraphs: list[str]
    """The body's sentences, dateline excluded."""

    def text(self) -> str:
        parts = [self.headline, *([self.dateline] if self.dateline else []), *self.paragraphs]
        return "\n\n".join(parts) + "\n"


def _detokenise_document(token_lists: list[list[str]]) -> list[str]:
    """Sentences of one document back to text, quote marks paired across sentences.

    CoNLL splits a quote that runs on into the next sentence after its opening mark
    (``said . "`` / ``We 're ...``), and a quote opened in one sentence closes in a later
    one. Whether a ``"`` opens or closes is carried from sentence to sentence, and an opening
    mark left last in a sentence goes to the start of the next, as the wire wrote it.
    """
    lists = [list(tokens) for tokens in token_lists]
    open_quote = False
    for k, tokens in enumerate(lists):
        state = open_quote
        for token in tokens:
            if token == '"':
                state = not state
        if state and tokens and tokens[-1] == '"' and k + 1 < len(lists) and len(tokens) > 1:
            lists[k + 1].insert(0, tokens.pop())
            state = False
        open_quote = state
    out = []
    open_quote = False
    for tokens in lists:
        text, glue = "", True
        for token in tokens:
            if token == '"':
                text += token if open_quote or glue else " " + token
                glue, open_quote = not open_quote, not open_quote
                continue
            text += token if glue or token in _NO_SPACE_BEFORE else " " + token
            glue = token in ("(", "[", "$")
        out.append(text)
    return out


def wire_documents(
    corpus: Path, split: str, strip_stop: bool = False, move_quotes: bool = True
) -> list[WireDocument]:
    """The documents of ``entities/conll2003_<split>.txt`` as pasted wire stories."""
    raw = (corpus / "entities" / f"conll2003_{split}.txt").read_text(encoding="utf-8")
    documents = []
    for number, chunk in enumerate(c for c in raw.split("-DOCSTART- -X- -X- O") if c.strip()):
        blocks = [block for block in chunk.strip().split("\n\n") if block.strip()]
        token_lists = [
            [line.split()[0] for line in block.splitlines() if line.strip()] for block in blocks
        ]
        if move_quotes:
            sentences = _detokenise_document(token_lists)
        else:
            sentences = [detokenise(tokens) for tokens in token_lists]
        last_tokens = [tokens[-1] if tokens else "" for tokens in token_lists]
        start = next(
            (i for i in range(1, min(4, len(sentences))) if _DATE.match(last_tokens[i])), None
        )
        headline = sentences[0]
        if strip_stop and headline.endswith(" .") or (strip_stop and headline.endswith(".")):
            headline = headline[:-1].rstrip()
        name = f"{split}-{number + 1:03}"
        if start is None:
            documents.append(WireDocument(name, headline, None, sentences[1:]))
        else:
            documents.append(WireDocument(name, headline, sentences[start], sentences[start + 1 :]))
    return documents


def _key(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def _content(text: str) -> str:
    """What a paragraph is, read alone."""
    words = text.split()
    digits = sum(1 for w in words if any(c.isdigit() for c in w))
    letters = [c for c in text if c.isalpha()]
    if (
        re.match(r"^\(?\d{1,3}(?:[.)]|\s+-)\s", text)
        or (words and digits / len(words) >= 0.3)
        or re.search(r"\b(?:beat|vs?\.?|drew)\s.*\([A-Z][\w. ]+\)", text)
        or re.match(r"^[\w .'-]{2,40}:\s*[\w .'-]*\d", text)
    ):
        return "table/results row"
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(words) >= 2:
        return "capitals"
    ends = re.search(r"[.!?][\"”')]?$", text)
    if len(words) < 8 and ends and len(words) >= 3 and (text[0].isupper() or text[0] in '"“'):
        return "short sentence (3-7 words)"
    if len(words) < 8 or not ends:
        return "short or unfinished line"
    return "prose"


def _dateline_place(dateline: str) -> str | None:
    match = _PLACE.match(dateline)
    return match.group(1).title() if match else None


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_options(parser)
    parser.add_argument("--split", default="train", choices=("train", "dev"))
    parser.add_argument(
        "--examples", type=int, default=0, metavar="N", help="print N dropped paragraphs a reason"
    )
    parser.add_argument(
        "--strip-headline-stop",
        action="store_true",
        help="drop the full stop CoNLL's tokens end each headline with",
    )
    parser.add_argument(
        "--keep-quote-marks",
        action="store_true",
        help="leave opening quote marks at the end of the sentence before",
    )
    args = parser.parse_args()
    if not (args.corpus / "entities").is_dir():
        print(f"bench_wire: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    documents = wire_documents(
        args.corpus, args.split, args.strip_headline_stop, not args.keep_quote_marks
    )[: args.limit]
    total = kept = boilerplate = 0
    refused: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    datelines: Counter[str] = Counter()
    titles: Counter[str] = Counter()
    per_doc: list[tuple[float, str, int, int]] = []
    tables = 0
    for doc in documents:
        try:
            article = read_article(doc.text(), input=doc.name)
        except InputError as err:
            refused[str(err)] += 1
            article = None
        removed = {doc.paragraphs[i] for i in find(doc.paragraphs)}
        body = " "
        if article is not None:
            parts = (article.standfirst or "", *article.paragraphs)
            body = " " + " ".join(_key(p) for p in parts) + " "
            tables += "table" in article.warnings
        doc_kept = 0
        for number, para in enumerate(doc.paragraphs):
            if f" {_key(para)} " in body:
                kept += 1
                doc_kept += 1
                continue
            if article is not None and (
                para in removed
                or ((credited := wire_credit(para)) and set(credited) <= set(article.agencies))
            ):
                boilerplate += 1  # a contact line, or the wire's sign-off read as its agency
                continue
            where = "document refused" if article is None else "dropped"
            last = " (last 3)" if number >= len(doc.paragraphs) - 3 else ""
            reason = f"{where}{last} / {_content(para)}"
            reasons[reason] += 1
            examples.setdefault(reason, []).append(f"{doc.name}: {para[:140]}")
        total += len(doc.paragraphs)
        counted = len(doc.paragraphs) - (len(removed) if article is not None else 0)
        per_doc.append((doc_kept / max(1, counted), doc.name, doc_kept, counted))
        if article is None:
            if doc.dateline:
                datelines["lost (document refused)"] += 1
            continue
        if doc.dateline:
            day = doc.dateline.split()[-1]
            place = _dateline_place(doc.dateline)
            places = {p.name.lower() for p in article.facts.places}
            read = (article.published or "")[:10] == day
            datelines["read as published" if read else "date lost"] += 1
            if place and place.lower() in places:
                datelines["place in facts.places"] += 1
            datelines["datelines"] += 1
        headline = doc.headline.removesuffix(".").strip()
        capitals = headline.upper() == headline and any(c.isalpha() for c in headline)
        ok = _key(article.title) == _key(headline)
        label = "capitals: " if capitals else ""
        label += "headline is the title" if ok else "other title"
        if capitals and ok and article.title.upper() == article.title:
            label += " (left in capitals)"
        titles[label] += 1
    counted = total - boilerplate
    results = {
        "documents": len(documents),
        "refused": sum(refused.values()),
        "refusals": dict(refused),
        "tables": tables,
        "paragraphs": total,
        "kept": kept,
        "removed_as_boilerplate": boilerplate,
        "kept_share": round(kept / max(1, counted), 4),
        "kept_share_all": round(kept / max(1, total), 4),
        "datelines": dict(datelines),
        "titles": dict(titles),
        "dropped": dict(reasons.most_common()),
    }
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print(f"wire text: {len(documents)} CoNLL-2003 {args.split} documents, a sentence a paragraph")
    print(f"documents refused: {results['refused']} {dict(refused) or ''}; table warning: {tables}")
    print(
        f"body paragraphs kept: {kept}/{counted} ({100 * results['kept_share']:.1f}%), not counting"
        f" {boilerplate} rightly dropped (contact lines, the wire's sign-off);"
        f" {kept}/{total} ({100 * results['kept_share_all']:.1f}%) of all"
    )
    print(f"datelines: {dict(datelines)}")
    print(f"titles: {dict(titles)}")
    print("dropped paragraphs, by what they are:")
    for reason, count in reasons.most_common():
        print(f"  {count:5}  {reason}")
        for line in examples[reason][: args.examples]:
            print(f"           {line}")
    if args.worst:
        print(f"the {args.worst} documents with the smallest share kept:")
        for _, name, k, n in sorted(per_doc)[: args.worst]:
            print(f"  {name}  {k}/{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
