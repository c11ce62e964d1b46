"""Time the app to its first and last card, and the printed digest, with reading processes
(the default, one a core) against ``--jobs 1`` (all in one process), in the same run.

    python benchmarks/bench_ui.py [--corpus ../shared/corpus] [--articles N] [--runs 3]
                                  [--jobs N]

The articles are the corpus's real pages (``corpus/readability/*/source.html`` and
``corpus/postlight/*.html``, 128 of them), copied into a temporary folder; ``--articles N``
cycles through them to make N files instead. Runs of the two settings alternate, so that a
machine whose load changes affects both alike.

App: each run is a new Python process that opens the app headless at 120x40 on the folder;
the clock starts before the process is spawned, so interpreter start-up, imports and
starting the reading processes count. The reading processes are started as the command line
starts them, before the app is imported; and the process runs no script of its own (as
``python -m digest``), so that the reading processes do not run one again. "First card" is
the moment a summary card is on the screen, "last card" the moment every input has been
read, grouped and shown. The run then switches to the dense list (``v``) and counts the
articles on screen.

Printed: ``python -m digest FOLDER --format json --no-library`` from spawn to exit. The
articles of the two settings must be the same, in the same order (their ids are compared).

Goals (issue 16): last card <= 0.6x and printed digest <= 0.7x of their ``--jobs 1`` times,
first card under 1 s, at least 30 articles on the list at 120x40. On a shared machine the
timings are indicative only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLL = 0.005
"""Seconds between looks at the screen in the child process."""

GOALS = {"last": 0.6, "printed": 0.7}
"""Most a setting with reading processes may take, as a share of ``--jobs 1``'s time."""


def pages(corpus: Path) -> list[Path]:
    """The corpus's article pages: readability's, then postlight's."""
    found = sorted((corpus / "readability").glob("*/source.html"))
    found += sorted((corpus / "postlight").glob("*.html"))
    return found


def fill(folder: Path, sources: list[Path], count: int) -> None:
    for i in range(count):
        source = sources[i % len(sources)]
        shutil.copyfile(source, folder / f"{i:04d}{source.suffix}")


async def _watch(folder: str, jobs: int | None) -> dict[str, float]:
    from digest.readers import ReaderPool

    # As the command line opens the app: the reading processes start before it is imported.
    readers = ReaderPool.start(jobs, early=True)
    from digest.ui.app import DigestApp
    from digest.ui.widgets.article_list import ArticleList
    from digest.ui.widgets.card import Card

    app = DigestApp([folder], remember=False, readers=readers)
    first = None
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            while True:
                screen = app.screen
                if first is None and screen.query(Card):
                    first = time.time()
                if getattr(screen, "done", False) and first is not None:
                    await pilot.pause()
                    last = time.time()
                    await pilot.press("v")
                    await pilot.pause()
                    shown = len(screen.query_one(ArticleList).rows)
                    return {
                        "first": first,
                        "last": last,
                        "articles": len(screen.articles),
                        "failures": len(screen.failures),
                        "listed": shown,
                    }
                await asyncio.sleep(POLL)
    finally:
        if readers is not None:
            readers.close()


def child(folder: str, jobs: int | None) -> None:
    print(json.dumps(asyncio.run(_watch(folder, jobs))))


def _jobs_args(jobs: int | None) -> list[str]:
    return [] if jobs is None else ["--jobs", str(jobs)]


CHILD = (
    "import sys; sys.path.insert(0, sys.argv[1]); import bench_ui;"
    " bench_ui.child(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else None)"
)
"""The app's process: no script of its own, as ``python -m digest`` (the reading processes
of a script run it again as they start)."""


def run_app(folder: Path, jobs: int | None, env: dict[str, str]) -> dict[str, float]:
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(Path(__file__).parent), str(folder)]
        + ([] if jobs is None else [str(jobs)]),
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["first"] -= started
    result["last"] -= started
    return result


def run_printed(folder: Path, jobs: int | None, env: dict[str, str]) -> tuple[float, list[str]]:
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "digest", str(folder), "--format", "json", "--no-library"]
        + _jobs_args(jobs),
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.time() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"bench_ui: digest failed:\n{done.stderr}")
    ids = [article["id"] for article in json.loads(done.stdout)["articles"]]
    return elapsed, ids


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s (best {min(values):.2f}, worst {max(values):.2f})"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--articles", type=int, default=0, help="files to make (0: each page once)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--jobs", type=int, default=None, help="reading processes to compare (default: one a core)"
    )
    args = parser.parse_args()

    sources = pages(args.corpus)
    if not sources:
        print(f"bench_ui: no pages found in {args.corpus}", file=sys.stderr)
        return 2
    from digest.readers import default_jobs

    count = args.articles or len(sources)
    settings = {"default": args.jobs, "--jobs 1": 1}
    label = f"default ({args.jobs or default_jobs()} processes)"
    app: dict[str, list[dict[str, float]]] = {name: [] for name in settings}
    printed: dict[str, list[float]] = {name: [] for name in settings}
    order: dict[str, list[str]] = {}
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        fill(folder, sources, count)
        env = dict(
            os.environ,
            DIGEST_CONFIG_DIR=str(Path(tmp) / "config"),
            DIGEST_DATA_DIR=str(Path(tmp) / "data"),
        )
        for run in range(args.runs):
            for name, jobs in settings.items():
                result = run_app(folder, jobs, env)
                app[name].append(result)
                print(
                    f"run {run + 1} {name:9} app: {result['articles']} articles,"
                    f" {result['failures']} failed; first card {result['first']:.2f} s,"
                    f" last card {result['last']:.2f} s; {result['listed']} on the list"
                )
                elapsed, ids = run_printed(folder, jobs, env)
                printed[name].append(elapsed)
                if order.setdefault(name, ids) != ids:
                    print(f"bench_ui: {name} printed other articles from one run to the next")
                print(f"run {run + 1} {name:9} printed: {len(ids)} articles in {elapsed:.2f} s")

    print(f"\n{count} articles from {len(sources)} pages, {args.runs} runs each, app at 120x40;")
    print(
        f"default is {label}; {os.cpu_count()} cores on this machine; load average (1 min)"
        f" {load_before:.2f} before, {os.getloadavg()[0]:.2f} after: other work on the machine"
        " takes cores from both settings, and the processes' more\n"
    )
    ok = True
    for name in settings:
        firsts = [r["first"] for r in app[name]]
        lasts = [r["last"] for r in app[name]]
        print(f"{label if name == 'default' else name}:")
        print(f"  first card:      median {_median(firsts)}")
        print(f"  last card:       median {_median(lasts)}")
        print(f"  printed digest:  median {_median(printed[name])}")
        print(f"  on the list:     {min(int(r['listed']) for r in app[name])} articles")
    last_ratio = statistics.median(r["last"] for r in app["default"]) / statistics.median(
        r["last"] for r in app["--jobs 1"]
    )
    printed_ratio = statistics.median(printed["default"]) / statistics.median(printed["--jobs 1"])
    first = statistics.median(r["first"] for r in app["default"])
    listed = min(int(r["listed"]) for runs in app.values() for r in runs)
    same = order["default"] == order["--jobs 1"]
    checks = [
        (f"last card {last_ratio:.2f}x of --jobs 1", last_ratio <= GOALS["last"], "<= 0.60x"),
        (f"first card {first:.2f} s", first < 1.0, "< 1 s"),
        (
            f"printed digest {printed_ratio:.2f}x of --jobs 1",
            printed_ratio <= GOALS["printed"],
            "<= 0.70x",
        ),
        ("same articles in the same order" if same else "articles differ", same, "same"),
        (f"{listed} articles on the list at 120x40", listed >= 30, ">= 30"),
    ]
    print()
    for text, passed, goal in checks:
        ok = ok and passed
        print(f"{'ok  ' if passed else 'MISS'} {text} (goal {goal})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
