"""Layouts from the wild (issue 17 items 1-5): pages written for these tests, each showing one
class of failure: a story in a wrapper named like a box of links, drop caps, paragraphs
broken by a line break or an inline block, markup and entities in fields, data tables."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import lxml.html
import pytest

import digest.extract.preclean as preclean
from digest import read_article
from digest.extract.blocks import blocks, line_goes_on, table_text
from digest.extract.html import extract_html
from digest.extract.lines import is_noise

LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"
STORY = [
    "The regional water board agreed on Wednesday to raise the price of tap water by six percent.",
    "Board members said the money would pay for new pipes in the older districts of the city.",
    "Chairwoman Maria Lindqvist told the meeting that the network had been neglected for decades.",
    "Households will pay about twelve dollars more a year on average, according to the board.",
    "Opposition members argued that the rise should have been spread over two years instead.",
    "The board rejected that proposal by five votes to three after a debate of several hours.",
]


def _read(name: str) -> Any:
    return read_article((LAYOUTS / name).read_bytes(), input=name)


@pytest.mark.parametrize("guard", [True, False], ids=["own-reading", "second-extractor"])
def test_a_story_in_a_wrapper_named_like_related_links_is_read_not_refused(
    guard: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """15 server-rendered paragraphs in a wrapper whose class names boxes of related links,
    after a skip link, on a page with a large script: read whole, never "drawn by
    JavaScript". Without digest's own guard, the second extractor reads the page before
    any verdict."""
    if not guard:
        monkeypatch.setattr(preclean, "STORY_SHARE", 2.0)  # the wrapper is dropped
    page = (LAYOUTS / "story_in_a_related_wrapper.html").read_text(encoding="utf-8")
    extraction = extract_html(page)
    assert len(extraction.paragraphs) == 15
    assert extraction.paragraphs[0].startswith("The regional water board agreed")
    assert extraction.paragraphs[-1].startswith("The last increase, in 2020")
    assert "script-only" not in extraction.warnings and "low-text" not in extraction.warnings


def test_drop_caps_never_split_a_word_or_a_paragraph() -> None:
    article = _read("drop_caps.html")
    starts = [p.split()[0] for p in article.paragraphs[:4]]
    assert starts == ["Ferries", "Passengers", "The", "“We"]
    assert not [p for p in article.paragraphs if len(p) <= 2 or p[0].islower()]
    assert len(article.paragraphs) == len(set(article.paragraphs)), "a paragraph put back twice"


def test_a_paragraph_broken_by_a_line_break_or_an_inline_block_stays_whole() -> None:
    article = _read("line_breaks.html")
    assert article.paragraphs[:3] == (
        "The city library will open on Sundays from the first weekend of September 2025, "
        "the culture department announced.",
        'The head librarian said the plan "would only succeed if enough volunteers sign up," '
        "and appealed for helpers.",
        "Readers' groups welcomed the change but asked for longer evening hours too.",
    )
    # Lines of a list stay lines; none of the text comes twice.
    assert article.paragraphs[3:7] == (
        "The branches that open first are:",
        "1. Central Library",
        "2. Harbour Branch",
        "3. North Hill Branch",
    )
    assert len(article.paragraphs) == len(set(article.paragraphs))
    assert [q.text for q in article.facts.quotes] == [
        "would only succeed if enough volunteers sign up"
    ]


@pytest.mark.parametrize(
    ("before", "after", "goes_on"),
    [
        ("take effect on", "March 1, 2025.", True),  # a sentence broken after a small word
        ('the plan "would only succeed', 'if volunteers sign up,"', True),  # goes on in lower case
        ("prices rose in Paris, Lyon,", "Lille and Nice", True),  # after a comma
        ("By Jane Roe", "Staff writer", False),  # a byline and a job: lines of their own
        ("The rankings were as follows:", "1. Finland", False),  # after a colon
        ("1. Finland", "2. Norway", False),  # items of a list
        ("The talks ended.", "Both sides left", False),  # a sentence ended
        ("", "anything", False),
    ],
)
def test_a_line_break_inside_a_paragraph_is_a_space_only_mid_sentence(
    before: str, after: str, goes_on: bool
) -> None:
    assert line_goes_on(before, after) is goes_on


def test_a_word_readability_takes_out_of_a_paragraph_is_kept_and_the_paragraph_read_once() -> None:
    """readability-lxml drops inline elements whose id or class looks unlikely ("twitter"):
    the word is the paragraph's first, and the page's whole paragraph stands for the copy."""
    story = "".join(f"<p>{t}</p>" for t in STORY[1:])
    page = (
        "<html><head><title>Ferries run again</title></head><body><article><h1>Ferries run again</h1>"
        "<p><a id='auto-tag_twitter_1' href='/tag/twitter'>Twitter</a> erupted on Monday when the "
        f"ferry company posted its new timetable for the islands.</p>{story}</article></body></html>"
    )
    paragraphs = extract_html(page).paragraphs
    assert paragraphs[0].startswith("Twitter erupted on Monday")
    assert not any(p.startswith("erupted") for p in paragraphs)


def test_a_list_of_links_broken_by_line_breaks_stays_a_list() -> None:
    root = lxml.html.fragment_fromstring(
        "<div><p>Read the reports: <a href='/a'>Schools in one chart</a><br>"
        "<a href='/b'>The scandal of school budgets</a></p></div>"
    )
    assert blocks(root) == [
        "Read the reports: Schools in one chart",
        "The scandal of school budgets",
    ]


MARKUP = re.compile(
    r"&(?:#\d+|#x[0-9a-f]+|[a-z]{2,8});|<\s*/?\s*[a-z][a-z0-9]*(?:\s[^>]*)?>|<>", re.I
)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_no_field_holds_markup_or_an_undecoded_entity() -> None:
    record = _read("markup_in_fields.html").to_dict()
    leaks = [s for s in _strings(record) if MARKUP.search(s)]
    assert leaks == []
    assert record["title"].replace("’", "'") == 'Mayor\'s bridge plan "too costly"'
    assert record["publisher"] == "Berg & Sons Gazette"
    assert record["paragraphs"][0].startswith("— The mayor's plan")
    assert record["paragraphs"][1].startswith("The auditor found no estimate")
    # The embed code shown as text was no caption: nothing of it is kept.
    assert record["credits"] == []
    # The headline, once its entities are read, is the page's <h1>: not a paragraph.
    assert not any(p.startswith("Mayor") for p in record["paragraphs"])


def test_a_data_table_is_one_paragraph_with_a_warning_and_no_facts() -> None:
    article = _read("data_table.html")
    assert "table" in article.warnings
    (index,) = article.tables
    table = article.paragraphs[index]
    rows = table.split("\n")
    assert rows[0] == "Place | Runner | Region | Points"
    assert rows[1] == "1 | Amara Okonkwo | North | 1000"
    assert len(rows) == 121
    assert len(article.paragraphs) == 9  # the story's 8 paragraphs and the table
    # Its names are not the story's people, its rows not a summary, its words not a long read.
    assert [p.name for p in article.facts.people] == ["Maria Lindqvist"]
    assert all(sentence.paragraph != index for sentence in article.summary)
    assert article.reading_minutes == 1
    assert article.to_dict()["tables"] == [index]


def test_a_table_that_lays_out_the_page_is_read_as_paragraphs() -> None:
    article = _read("layout_table.html")
    assert "table" not in article.warnings and article.tables == ()
    assert len(article.paragraphs) == 8
    assert article.paragraphs[0].startswith("The regional water board agreed")


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        (
            "<table><tr><th>Club</th><th>Points</th></tr><tr><td>Rovers</td><td>12</td></tr></table>",
            "Club | Points\nRovers | 12",
        ),
        (  # values set in adjacent inline elements stay apart
            "<table><tr><td><span>Agra</span><span>241</span></td><td>12</td></tr>"
            "<tr><td><span>Pune</span><span>660</span></td><td>9</td></tr></table>",
            "Agra 241 | 12\nPune 660 | 9",
        ),
        ("<table><tr><td>One row</td><td>only</td></tr></table>", None),
        ("<table><tr><td>One column</td></tr><tr><td>only</td></tr></table>", None),
        (  # a cell holding a paragraph: the table lays out the page
            "<table><tr><td>Intro</td><td>The council met on Tuesday and voted to approve "
            "the new budget after a long debate.</td></tr><tr><td>a</td><td>b</td></tr></table>",
            None,
        ),
        (  # tables in a table: layout
            "<table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td><td>c</td></tr>"
            "<tr><td>d</td><td>e</td></tr></table>",
            None,
        ),
    ],
)
def test_which_tables_are_data(markup: str, text: str | None) -> None:
    assert table_text(lxml.html.fragment_fromstring(markup)) == text


def test_the_second_extractor_is_not_imported_for_the_version() -> None:
    """trafilatura takes about 150 ms to import: ``digest --version`` never pays for it (nor
    plain text: tests/test_cli.py reads a plain-text digest in a process of its own)."""
    code = (
        "from digest.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass"
    )
    done = subprocess.run(
        [sys.executable, "-c", f"import sys\n{code}\nprint('trafilatura' in sys.modules)"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "False"


def test_json_of_a_table_page_round_trips_through_the_library() -> None:
    from digest.models import article_from_dict

    article = _read("data_table.html")
    again = article_from_dict(json.loads(json.dumps(article.to_dict())))
    assert again.tables == article.tables and again.reading_minutes == article.reading_minutes


def test_the_toggles_of_a_data_box_are_no_paragraphs() -> None:
    """A box of data after the story, with its expand and collapse buttons ("Show more",
    "Show less", "View all"): the table is kept as one paragraph, the buttons' labels are not
    paragraphs of the story."""
    article = _read("data_box_toggles.html")
    assert article.paragraphs[0].startswith("The regional water board agreed")
    assert "table" in article.warnings and len(article.tables) == 1
    assert article.paragraphs[article.tables[0]].startswith("District | Bursts | Repaired")
    assert not {"Show more", "Show less", "View all"} & set(article.paragraphs)


@pytest.mark.parametrize(
    ("line", "noise"),
    [
        ("Show more", True),
        ("Show less", True),
        ("SHOW MORE +", True),
        ("Load more", True),
        ("View all", True),
        ("See all", True),
        ("Show more details", True),
        ("Expand all", True),
        ("Collapse", True),
        ("Show more restraint, the judge told the two men.", False),
        ("Show all 12 photos of the flooded square", False),
        ("Expand the programme to every school", False),
        ("View from the bridge", False),
    ],
)
def test_expand_and_collapse_labels_are_noise(line: str, noise: bool) -> None:
    assert is_noise(line) is noise
