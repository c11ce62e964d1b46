"""People, organisations, places and the main place on a hand-checked set of real pages stay as
good as when judged.

``tests/fixtures/names_checked.json`` holds 100 modern English news pages (their paragraphs,
title, date and language) with every person, organisation and place they name, read by hand,
and the story's main places. Articles tagged ``"split": "tune"`` were read to write rules;
``"check"`` articles were held out and only measured. The scoring is the benchmark's
(``benchmarks/bench_checked.py``); when a test here fails, run
``python benchmarks/bench_checked.py --split tune --verbose`` to see what changed (read the
``check`` half's errors only to judge a new gold error, never to write a rule).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "names_checked.json"

PRECISION_FLOORS = {"people": 0.97, "organizations": 0.93, "places": 0.97}
"""Precision on the whole set (people 502 right of 514, 0.977; organisations 340 of 364,
0.934; places 363 of 373, 0.973; 0.899 / 0.781 / 0.960 when first judged), floored. The
acceptance asks 0.97 of places: the tuning half gives 0.995, the held-out half 0.943."""
RECALL_FLOORS = {"people": 0.87, "organizations": 0.58, "places": 0.79}
"""Recall on the whole set (0.887 / 0.585 / 0.795), floored: without it a digest that found
nothing would keep its precision."""
MAIN_PLACE_FLOOR = 0.95
"""Pages whose main place is listed (71 of 74, 0.959; 0.919 when first judged), floored at the
acceptance's 0.95: the tuning half gives 1.000, the held-out half 0.903."""
NON_ANGLO_GAP = 0.05
"""How much lower people recall may be on names not of English-speaking origin than on the
rest (issue 17): 0.852 against 0.900, 0.048 (0.772 against 0.878 when first judged)."""


def _load_bench() -> ModuleType:
    name = "bench_checked"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "bench_checked.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _load_bench()


@pytest.fixture(scope="module")
def articles(bench: ModuleType) -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = bench.load_fixture(FIXTURE)
    return loaded


@pytest.fixture(scope="module")
def totals(bench: ModuleType, articles: list[dict[str, Any]]) -> Any:
    return bench.score(articles)


def _errors(totals: Any, word: str) -> str:
    return "\n".join(line for line in totals.lines if not line.startswith(" ") or word in line)


def test_the_fixture_is_forty_pages_or_more_in_two_halves(articles: list[dict[str, Any]]) -> None:
    assert len(articles) >= 40
    assert {a["split"] for a in articles} == {"tune", "check"}
    for article in articles:
        assert article["paragraphs"], article["source"]
        for kind in ("people", "organizations", "places"):
            for entity in article[kind]:
                assert entity["name"].strip(), (article["source"], entity)
        names = {p["name"] for p in article["places"]} | {
            v for p in article["places"] for v in p["variants"]
        }
        accepted = set(article["acceptable"].get("places", []))
        assert set(article["main_places"]) <= names | accepted, article["source"]


@pytest.mark.parametrize("kind", sorted(PRECISION_FLOORS))
def test_precision_holds(totals: Any, kind: str) -> None:
    score = totals.kinds[kind]
    assert score.precision >= PRECISION_FLOORS[kind], (
        f"{kind} precision {score.precision:.3f} ({score.right} right, {score.wrong} wrong)\n"
        + _errors(totals, f"WRONG {kind}")
    )


@pytest.mark.parametrize("kind", sorted(RECALL_FLOORS))
def test_names_are_still_found(totals: Any, kind: str) -> None:
    score = totals.kinds[kind]
    assert score.recall >= RECALL_FLOORS[kind], (
        f"{kind} recall {score.recall:.3f} ({score.found} of {score.gold})\n"
        + _errors(totals, f"missed {kind}")
    )


def test_the_main_place_is_among_the_places(totals: Any) -> None:
    assert totals.main_rate >= MAIN_PLACE_FLOOR, (
        f"main place on {totals.main_found} of {totals.main_pages} pages\n"
        + _errors(totals, "MAIN PLACE")
    )


def test_names_from_many_cultures_are_found_as_often(totals: Any) -> None:
    gap = totals.anglo_recall - totals.non_anglo_recall
    assert gap <= NON_ANGLO_GAP, (
        f"people recall {totals.non_anglo_recall:.3f} on non-Anglo names against "
        f"{totals.anglo_recall:.3f} on the rest"
    )
