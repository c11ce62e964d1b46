"""Who the quotes benchmark says spoke a quote (benchmarks/corpus.py), on invented articles.

PolNeAR annotates each attribution's source span but links no pronoun or title to a name;
the benchmark reads the speaker from the annotation. Each row is an article (headline, then
paragraphs), its attributions as (source, content) spans of that text ("": no span), and
the speaker the benchmark must expect for its quote “We will rebuild …”: the head word, or
None when the quote must not be judged at all (the annotation leaves it open).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from corpus import quote_articles  # noqa: E402 (the benchmarks folder is no package)

Row = tuple[str, list[tuple[str, str]], str | None]

QUOTE = "“We will rebuild the harbour wall before the winter storms,”"

ROWS: list[Row] = [
    # Nested: the quote's own attribution, inside the reporter's content, names the speaker.
    (
        f"Harbour plan\n\n{QUOTE} Tom Baxter said, according to the Gazette.",
        [("the Gazette", f"{QUOTE} Tom Baxter said")],
        "Baxter",
    ),
    # ... and the paragraph's next quote that the reporter's content holds is the same
    # speaker's.
    (
        f"Harbour plan\n\n“The council has waited far too long,” Tom Baxter said, according to"
        f" the Gazette. {QUOTE}",
        [
            (
                "the Gazette",
                f"“The council has waited far too long,” Tom Baxter said, according"
                f" to the Gazette. {QUOTE}",
            )
        ],
        "Baxter",
    ),
    # "According to" a reporter, with the quote's own attribution opening the content.
    (
        f"Harbour plan\n\nAccording to the Gazette, council spokesman Tom Baxter said on"
        f" Friday that {QUOTE}",
        [("the Gazette", f"council spokesman Tom Baxter said on Friday that {QUOTE}")],
        "Baxter",
    ),
    # The innermost of two attributions that cover the quote alike.
    (
        f"Harbour plan\n\nThe Gazette reported that Tom Baxter said {QUOTE}",
        [("The Gazette", f"that Tom Baxter said {QUOTE}"), ("Tom Baxter", QUOTE)],
        "Baxter",
    ),
    # A pronoun stands for the person last named as a source.
    (
        "Harbour plan\n\nMayor Ruth Ellison said the town had waited long enough.\n\n"
        f"{QUOTE} she said.",
        [("Mayor Ruth Ellison", "the town had waited long enough"), ("she", QUOTE)],
        "Ellison",
    ),
    # ... but not when the text makes that person a man: the annotation does not say who.
    (
        "Harbour plan\n\nMr. Alan Price said the town had waited long enough.\n\n"
        f"{QUOTE} she said.",
        [("Mr. Alan Price", "the town had waited long enough"), ("she", QUOTE)],
        None,
    ),
    # ... nor when another speaker of the article is named between that source and the
    # pronoun.
    (
        "Harbour plan\n\nRuth Ellison said the town had waited long enough. Jane Morrow "
        f"toured the site.\n\n{QUOTE} she said.\n\nLater Jane Morrow said the plan was sound.",
        [
            ("Ruth Ellison", "the town had waited long enough"),
            ("she", QUOTE),
            ("Later Jane Morrow", "the plan was sound"),
        ],
        None,
    ),
    # "the mayor" is the person the text named with that title.
    (
        f"Harbour plan\n\nMayor Ruth Ellison opened the meeting.\n\n{QUOTE} the mayor said.",
        [("the mayor", QUOTE)],
        "Ellison",
    ),
    # A description the text gives nobody with stays unnamed: no speaker is right.
    (
        f"Harbour plan\n\n{QUOTE} the engineer said.",
        [("the engineer", QUOTE)],
        "",
    ),
    # An attribution with no source span does not say who spoke: not judged.
    (
        f"Harbour plan\n\nRuth Ellison opened the meeting. {QUOTE}",
        [("", QUOTE)],
        None,
    ),
    # A source span that holds the cue is an annotation slip: not judged.
    (
        f"Harbour plan\n\nThe council said in a statement: {QUOTE}",
        [("said in a statement", QUOTE)],
        None,
    ),
]


def _article(tmp_path: Path, text: str, attributions: list[tuple[str, str]]) -> Path:
    for folder in ("text", "attributions"):
        (tmp_path / "quotes" / folder).mkdir(parents=True, exist_ok=True)
    (tmp_path / "quotes" / "text" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "quotes" / "metadata.tsv").write_text(
        "filename\tpublication_date\na\t2024-03-08\n", encoding="utf-8"
    )
    lines, number = [], 0
    for k, (source, content) in enumerate(attributions, 1):
        args = []
        for label, words in (("Source", source), ("Content", content)):
            if words:  # "": the attribution has no span of this label
                start = text.index(words)
                number += 1
                args.append(f"{label}:T{number}")
                lines.append(f"T{number}\t{label} {start} {start + len(words)}\t{words}")
        lines.append(f"E{k}\tAttribution:T{number} {' '.join(args)}")
    (tmp_path / "quotes" / "attributions" / "a_1.ann").write_text(
        "\n".join(lines) + "\n", encoding="utf-8"
    )
    return tmp_path


@pytest.mark.parametrize(("text", "attributions", "want"), ROWS)
def test_expected_speaker(
    tmp_path: Path, text: str, attributions: list[tuple[str, str]], want: str | None
) -> None:
    (article,) = quote_articles(_article(tmp_path, text, attributions), "dev")
    (quote,) = [q for q in article.quotes if q.text.startswith("We will rebuild")]
    if want is None:
        assert not quote.judged
    else:
        assert quote.judged
        assert (quote.head or "") == want
