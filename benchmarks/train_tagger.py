"""Train the names tagger's weights (``digest/facts/tagger.py``) on CoNLL-2003 train.

    python benchmarks/train_tagger.py [--corpus ../shared/corpus] [--epochs 6] [--out FILE]
                                      [--folds K --fold-dir DIR] [--lower-words]

Each training document goes through digest's own rules first (``NameFinder`` without the
tagger), for the words the article capitalises inside a sentence; then every candidate word
of every paragraph (``tagger.paragraph_examples``: the features the tagger reads at run
time) is labelled with the annotated name it lies in (B-/I- PER, ORG, LOC, MISC, or O). An
averaged perceptron, greedy left to right, learns the weights; features seen once are
dropped and weights rounded, which keeps the file near 0.3 MB gzipped.

- ``--out`` (default: the package's ``digest/data/facts/tagger/weights.json.gz``).
- ``--folds K --fold-dir DIR``: also K weights files, each trained without one K-th of the
  documents, for honest figures on the training split (``bench_facts.py --split train
  --fold-dir DIR`` scores each document with the weights that never saw it).
- ``--lower-words``: first rebuild ``digest/data/facts/gazetteer/lower_words.txt``, the words
  written in lower case twice or more in CoNLL-2003 train and PolNeAR train (``quotes-train/``),
  and ``digest/data/facts/runs/openers.txt``, those of them no annotated name holds.

Only the training split is read: the development split stays unseen for checking.
Same input, same seed, same weights (the shuffle is seeded).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DEFAULT_CORPUS, NerDocument, conll_documents

from digest.facts import gazetteer, tagger
from digest.facts.confirm import NameKnobs
from digest.facts.names import NameFinder
from digest.facts.runs import is_shouted
from digest.text.sentences import sentence_spans
from digest.text.words import sort_key

DATA = Path(__file__).resolve().parent.parent / "digest" / "data"
WEIGHTS = DATA / tagger.WEIGHTS_FILE
LOWER_WORDS = DATA / "facts" / "gazetteer" / "lower_words.txt"
OPENERS = DATA / "facts" / "runs" / "openers.txt"

Example = tuple[list[list[str]], list[int], list[int]]
"""One paragraph: (features per candidate, candidate token indices, gold tag per candidate)."""

_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'-]*[a-z](?![\w'’-])")
"""A word written wholly in lower case ("aside", "well-known"), not the tail of "McDonald"."""


def _bare(word: str) -> str:
    """A word without its possessive: "agency's" is "agency"."""
    return word[:-2] if word.endswith("'s") else word


def span_tags(tokens: list[tagger.Token], spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """A tag per token from annotated character spans: "B-x", "I-x" or "O"."""
    tags = ["O"] * len(tokens)
    k = 0
    for start, end, label in sorted(spans):
        while k < len(tokens) and tokens[k][1] <= start:
            k += 1
        j = k
        while j < len(tokens) and tokens[j][0] < end:
            tags[j] = ("B-" if j == k else "I-") + label
            j += 1
    return tags


def document_examples(doc: NerDocument) -> list[Example]:
    """The training examples of one document, read as digest reads an article."""
    proper = NameFinder(doc.paragraphs, NameKnobs(tagger=False)).proper
    out: list[Example] = []
    for paragraph, spans in zip(doc.paragraphs, doc.spans, strict=True):
        offsets = [start for start, _ in sentence_spans(paragraph)]
        window, indices, feats = tagger.paragraph_examples(
            paragraph, offsets, is_shouted(paragraph), proper
        )
        gold = span_tags(window.tokens, spans)
        out.append((feats, indices, [tagger.TAGS.index(gold[i]) for i in indices]))
    return out


def train(data: list[Example], epochs: int, seed: int = 1) -> tagger.Weights:
    """An averaged perceptron over the examples, decoded greedily as ``tagger.decode`` does."""
    n = len(tagger.TAGS)
    weights: dict[str, list[float]] = defaultdict(lambda: [0.0] * n)
    totals: dict[str, list[float]] = defaultdict(lambda: [0.0] * n)
    stamps: dict[str, list[int]] = defaultdict(lambda: [0] * n)
    counts: Counter[str] = Counter()
    allowed = [
        [c for c, u in enumerate(tagger.TAGS) if u[0] != "I" or u[2:] == t[2:]] for t in tagger.TAGS
    ]
    step = 0
    rng = random.Random(seed)
    order = list(range(len(data)))

    def update(feats: list[str], tag: int, delta: float) -> None:
        for f in feats:
            w, t, s = weights[f], totals[f], stamps[f]
            t[tag] += (step - s[tag]) * w[tag]
            s[tag] = step
            w[tag] += delta

    for epoch in range(epochs):
        rng.shuffle(order)
        errors = total = 0
        for k in order:
            feats_list, candidates, gold = data[k]
            prev, prev2, prev_i = 0, 0, -2
            for feats, i, g in zip(feats_list, candidates, gold, strict=True):
                if i != prev_i + 1:
                    prev, prev2 = 0, 0
                full = [
                    *feats,
                    "t1=" + tagger.TAGS[prev],
                    "t2=" + tagger.TAGS[prev2] + tagger.TAGS[prev],
                ]
                if epoch == 0:
                    counts.update(feats)
                scores = [0.0] * n
                for f in full:
                    w = weights.get(f)
                    if w is not None:
                        for c in range(n):
                            scores[c] += w[c]
                guess = max(allowed[prev], key=lambda c: scores[c])
                step += 1
                if guess != g:
                    update(full, g, 1.0)
                    update(full, guess, -1.0)
                    errors += 1
                total += 1
                prev2, prev, prev_i = prev, guess, i
        print(f"  epoch {epoch + 1}: token error {errors / max(1, total):.4f}", flush=True)
    averaged: tagger.Weights = {}
    for f, w in weights.items():
        t, s = totals[f], stamps[f]
        pairs: list[list[float]] = []
        for c in range(n):
            value = (t[c] + (step - s[c]) * w[c]) / step
            if abs(value) >= 1e-3:
                pairs.append([c, round(value, 4)])
        if pairs and (counts[f] >= 2 or f.startswith("t")):
            averaged[f] = pairs
    return averaged


def save(weights: tagger.Weights, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = {f: weights[f] for f in sorted(weights)}
    # mtime=0: the same weights make the same bytes.
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as handle:
        handle.write(json.dumps(raw, separators=(",", ":")).encode("utf-8"))


def rebuild_lower_words(corpus: Path, documents: list[NerDocument]) -> None:
    """Write the words written in lower case twice or more in the training texts."""
    counts: Counter[str] = Counter()
    for doc in documents:
        for paragraph in doc.paragraphs:
            counts.update(_bare(w) for w in _LOWER_WORD.findall(paragraph))
    for path in sorted((corpus / "quotes-train").rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        counts.update(_bare(w) for w in _LOWER_WORD.findall(text))
    words = sorted((w for w, c in counts.items() if c >= 2), key=sort_key)
    head = [
        "# Words English news writes in lower case: those written so twice or more in the training",
        "# text of CoNLL-2003 and PolNeAR (benchmarks/train_tagger.py --lower-words rebuilds it).",
        '# Capitalised, such a word ("Surely", "Aside") may only be opening its sentence.',
    ]
    LOWER_WORDS.write_text("\n".join([*head, *words]) + "\n", encoding="utf-8")
    # Openers: of those, the words no annotated name of CoNLL-2003 train holds ("New" opens
    # "New York", "Royal" "Royal Mail": neither is one).
    in_names = {
        word.lower()
        for doc in documents
        for paragraph, spans in zip(doc.paragraphs, doc.spans, strict=True)
        for start, end, _kind in spans
        for word in re.findall(r"[A-Za-z][A-Za-z'-]*", paragraph[start:end])
    }
    openers = [w for w in words if w not in in_names]
    head = [
        "# Words that open a sentence without opening a name: written in lower case twice or",
        "# more in the training text of CoNLL-2003 and PolNeAR, and in no annotated name of",
        '# CoNLL-2003 train ("Once Simmons", "Replied Stephen"): rebuilt by',
        "# benchmarks/train_tagger.py --lower-words.",
    ]
    OPENERS.write_text("\n".join([*head, *openers]) + "\n", encoding="utf-8")
    gazetteer.lower_words.cache_clear()
    tagger.clear_cache()
    print(f"{len(words)} lower-case words -> {LOWER_WORDS}, {len(openers)} openers -> {OPENERS}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the corpus folder")
    parser.add_argument("--epochs", type=int, default=6, help="passes over the training set")
    parser.add_argument("--seed", type=int, default=1, help="seed of the shuffle")
    parser.add_argument("--out", type=Path, default=WEIGHTS, help="the weights file to write")
    parser.add_argument("--folds", type=int, default=0, metavar="K", help="also K fold weights")
    parser.add_argument("--fold-dir", type=Path, help="where the fold weights go (fold-K.json.gz)")
    parser.add_argument("--lower-words", action="store_true", help="rebuild lower_words.txt first")
    args = parser.parse_args()
    if args.folds and not args.fold_dir:
        parser.error("--folds needs --fold-dir")
    started = time.perf_counter()
    documents = conll_documents(args.corpus, "train")
    if args.lower_words:
        rebuild_lower_words(args.corpus, documents)
    per_doc = [document_examples(doc) for doc in documents]
    print(f"{len(documents)} documents read in {time.perf_counter() - started:.0f}s")
    for k in range(args.folds):
        size = (len(per_doc) + args.folds - 1) // args.folds
        keep = [ex for i, d in enumerate(per_doc) if not k * size <= i < (k + 1) * size for ex in d]
        save(train(keep, args.epochs, args.seed), args.fold_dir / f"fold-{k}.json.gz")
    weights = train([ex for d in per_doc for ex in d], args.epochs, args.seed)
    save(weights, args.out)
    size_mb = args.out.stat().st_size / 1e6
    print(f"{len(weights)} features, {size_mb:.2f} MB -> {args.out}")
    print(f"{time.perf_counter() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
