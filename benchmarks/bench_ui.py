"""Time the app from a cold start to its first card and to its last card, on 200 articles.

    python benchmarks/bench_ui.py [--corpus ../shared/corpus] [--articles 200] [--runs 5]

The articles are real pages (``seeds/``, then ``corpus/readability/*/source.html`` and
``corpus/postlight/*.html``) copied into a temporary folder, cycling through them until
there are ``--articles`` files. Each run is a new Python process that opens the app
headless at 120x40 on that folder; the clock starts before the process is spawned, so
interpreter start-up and imports count. "First card" is the moment a summary card is on
the screen; "last card" the moment every input has been read and shown.
"""

from __future__ import annotations

import time

CHILD_STARTED = time.time()

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLL = 0.005
"""Seconds between looks at the screen in the child process."""


def pages(corpus: Path) -> list[Path]:
    """Real article pages to cycle through: the seeds, then the corpus pages."""
    found = sorted(p for p in (ROOT / "seeds").iterdir() if p.suffix in (".html", ".txt"))
    found += sorted((corpus / "readability").glob("*/source.html"))
    found += sorted((corpus / "postlight").glob("*.html"))
    return found


def fill(folder: Path, sources: list[Path], count: int) -> None:
    for i in range(count):
        source = sources[i % len(sources)]
        shutil.copyfile(source, folder / f"{i:04d}{source.suffix}")


async def _watch(folder: str) -> dict[str, float]:
    from digest.ui.app import DigestApp
    from digest.ui.widgets.card import Card

    app = DigestApp([folder], remember=False)
    first = None
    async with app.run_test(size=(120, 40)) as pilot:
        while True:
            screen = app.screen
            if first is None and screen.query(Card):
                first = time.time()
            if getattr(screen, "done", False) and first is not None:
                await pilot.pause()
                last = time.time()
                return {
                    "first": first,
                    "last": last,
                    "articles": len(screen.articles),
                    "failures": len(screen.failures),
                }
            await asyncio.sleep(POLL)


def child(folder: str) -> None:
    print(json.dumps(asyncio.run(_watch(folder))))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0

    sources = pages(args.corpus)
    if not sources:
        print("bench_ui: no pages found", file=sys.stderr)
        return 2
    firsts, lasts = [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        fill(folder, sources, args.articles)
        env = dict(os.environ, DIGEST_CONFIG_DIR=str(Path(tmp) / "config"))
        for run in range(args.runs):
            started = time.time()
            done = subprocess.run(
                [sys.executable, __file__, "--child", str(folder)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            result = json.loads(done.stdout.strip().splitlines()[-1])
            firsts.append(result["first"] - started)
            lasts.append(result["last"] - started)
            print(
                f"run {run + 1}: {result['articles']} articles, {result['failures']} failed; "
                f"first card {firsts[-1]:.2f} s, last card {lasts[-1]:.2f} s"
            )
    print(
        f"\n{args.articles} articles from {len(sources)} distinct pages, {args.runs} runs, 120x40"
    )
    print(
        f"first card: median {statistics.median(firsts):.2f} s"
        f" (best {min(firsts):.2f}, worst {max(firsts):.2f})"
    )
    print(
        f"last card:  median {statistics.median(lasts):.2f} s"
        f" (best {min(lasts):.2f}, worst {max(lasts):.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
