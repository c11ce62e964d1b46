"""CPU the app spends on each kind of key press, headless, on the shipped seeds.

    python benchmarks/bench_keys.py [--inputs seeds] [--size 100x30] [--repeat 10]

The app opens on the inputs (library off, config and data in a temporary folder), reads
them, then each action below is played ``--repeat`` times, in order (a move costs more once
the reader has been opened and closed: both are measured); the CPU time of this process (the
app runs in it, reading too) and the wall time are given per play. Textual's pilot waits
after each key until the app is idle, so the wall time includes those waits; the CPU time is
what the key cost. On a shared machine the figures are indicative only: compare two
checkouts by running each a few times, alternately.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ACTIONS = [
    ("j then k (move the selection)", ("j", "k")),
    ("Enter then Esc (open the reader)", ("enter", "escape")),
    ("j then k, back from the reader", ("j", "k")),
    ("3 j then 3 k (to page 2 and back)", ("j", "j", "j", "k", "k", "k")),
    ("Enter, right, right, Esc", ("enter", "right", "right", "escape")),
    ("v then v (list, cards)", ("v", "v")),
    ("/ x Esc (filter)", ("slash", "x", "escape")),
    ("? then Esc (help)", ("question_mark", "escape")),
]


async def _measure(inputs: list[str], size: tuple[int, int], repeat: int) -> None:
    from digest.ui.app import DigestApp

    started = time.process_time()
    app = DigestApp(inputs, remember=False)
    async with app.run_test(size=size) as pilot:
        deadline = time.monotonic() + 120
        while not getattr(app.screen, "done", False) and time.monotonic() < deadline:
            await pilot.pause(0.05)
        await pilot.pause()
        print(f"{'open and read':36} cpu {time.process_time() - started:6.3f} s")
        for label, keys in ACTIONS:
            cpu, wall = time.process_time(), time.perf_counter()
            for _ in range(repeat):
                await pilot.press(*keys)
            cpu = (time.process_time() - cpu) / repeat
            wall = (time.perf_counter() - wall) / repeat
            print(f"{label:36} cpu {cpu:6.3f} s  wall {wall:6.3f} s  a play")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", nargs="+", default=[str(ROOT / "seeds")])
    parser.add_argument("--size", default="100x30", help="columns x rows (default 100x30)")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    columns, rows = (int(n) for n in args.size.lower().split("x"))
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="bench-keys-") as home:
        os.environ["DIGEST_CONFIG_DIR"] = str(Path(home) / "config")
        os.environ["DIGEST_DATA_DIR"] = str(Path(home) / "data")
        asyncio.run(_measure(args.inputs, (columns, rows), args.repeat))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
