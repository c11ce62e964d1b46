"""Numbers and dates on a hand-checked set of real articles stay as good as when judged.

``tests/fixtures/facts_checked.json`` holds 64 real English articles (their paragraphs,
publication date and language) and every number and date digest produced on them, each
judged right or wrong by reading its paragraph. The scoring is the benchmark's
(``benchmarks/bench_numbers.py``); when a test here fails on purpose (digest improved), run
``python benchmarks/bench_numbers.py --verbose`` to see what changed, judge the new items
into the fixture and raise the floors below.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "facts_checked.json"

NUMBERS_PRECISION_FLOOR = 0.99
"""Numbers precision on the set (612 right of 614, 0.997; 0.806 when first judged), floored."""
DATES_PRECISION_FLOOR = 0.99
"""Dates precision on the set (245 right of 246, 0.996; 0.932 when first judged), floored."""
NUMBERS_RECALL_FLOOR = 0.95
"""Numbers recall (612 of 639 known numbers, 0.958), floored.

Without it a digest that found no numbers at all would keep its precision.
"""
DATES_RECALL_FLOOR = 0.95
"""Dates recall (245 of 255 known dates, 0.961), floored."""
MAX_UNJUDGED_SHARE = 0.10
"""Above this share of unjudged produced items the precision no longer speaks for digest."""


def _load_bench() -> ModuleType:
    name = "bench_numbers"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "bench_numbers.py")
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
def report(bench: ModuleType, articles: list[dict[str, Any]]) -> Any:
    return bench.score(articles)


def _show(items: list[Any]) -> str:
    return "\n".join(
        f"{i.source} P{i.paragraph} {i.text!r}: now {i.value!r} {i.unit or ''}; "
        f"judged {i.judged['verdict']} {i.judged.get('value', i.judged.get('iso'))!r} "
        f"{i.judged.get('unit') or ''}, correct {i.judged.get('correct')}"
        for i in items
    )


def _show_new(items: list[Any]) -> str:
    return "\n".join(
        f"{i.source} P{i.paragraph} {i.text!r}: {i.value!r} {i.unit or ''}" for i in items
    )


def test_the_fixture_is_judged_real_articles(articles: list[dict[str, Any]]) -> None:
    """Every judged item points at text of its paragraph and wrong ones say why."""
    assert len(articles) >= 30
    for article in articles:
        paragraphs = article["paragraphs"]
        for kind in ("numbers", "dates"):
            for item in article[kind]:
                assert item["verdict"] in ("right", "wrong")
                assert item["text"] in paragraphs[item["paragraph"]], (article["source"], item)
                if item["verdict"] == "wrong":
                    assert item["note"] and "correct" in item, (article["source"], item)
        for item in article["missed"]:
            assert item["kind"] in ("number", "date")
            assert 0 <= item["paragraph"] < len(paragraphs)


def test_numbers_precision_holds(report: Any) -> None:
    score = report.scores["numbers"]
    assert score.precision >= NUMBERS_PRECISION_FLOOR, (
        f"numbers precision {score.precision:.3f} ({score.right} right, {score.wrong} wrong)"
    )


def test_dates_precision_holds(report: Any) -> None:
    score = report.scores["dates"]
    assert score.precision >= DATES_PRECISION_FLOOR, (
        f"dates precision {score.precision:.3f} ({score.right} right, {score.wrong} wrong)"
    )


def test_numbers_and_dates_are_still_found(report: Any) -> None:
    numbers, dates = report.scores["numbers"], report.scores["dates"]
    lost = "\n".join(f"{s} {k} P{j['paragraph']} {j['text']!r}" for s, k, j in report.lost)
    assert numbers.recall >= NUMBERS_RECALL_FLOOR, f"numbers recall {numbers.recall:.3f}\n{lost}"
    assert dates.recall >= DATES_RECALL_FLOOR, f"dates recall {dates.recall:.3f}\n{lost}"


def test_items_judged_right_keep_their_value(report: Any) -> None:
    """A number or date a reader saw right is not now shown with another value or unit."""
    changed = [
        i for i in report.produced if i.status == "changed" and i.judged["verdict"] == "right"
    ]
    assert not changed, "judged right, now different:\n" + _show(changed)


def test_items_judged_wrong_are_dropped_or_corrected(report: Any) -> None:
    """A wrong item with a known correction is gone, corrected, or still the known error.

    The known error is what the precision above counts; any other value is a new answer
    nobody has checked.
    """
    changed = [
        i
        for i in report.produced
        if i.status == "changed"
        and i.judged["verdict"] == "wrong"
        and i.judged.get("correct") is not None
    ]
    assert not changed, "judged wrong, now neither the known error nor correct:\n" + _show(changed)


def test_few_produced_items_are_unjudged(report: Any) -> None:
    new = [i for i in report.produced if i.status == "new"]
    for kind in ("numbers", "dates"):
        score = report.scores[kind]
        share = score.new / score.produced if score.produced else 0.0
        listed = _show_new([i for i in new if i.kind == kind])
        assert share <= MAX_UNJUDGED_SHARE, f"{score.new} unjudged {kind}; judge them:\n{listed}"
