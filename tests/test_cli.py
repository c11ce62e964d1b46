"""The digest command as a user runs it: the seed acceptance, exit codes, errors, piping."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEED_TEXT, SEEDS, Route


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "digest", *args],
        input=stdin.decode("utf-8") if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=60,
    )


def main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The command in this process (what it reads and prints, not how a process starts):
    its exit code, standard output and standard error."""
    from digest import cli

    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    done = run(str(SEED_TEXT), "--format", "json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["schema"] == "digest/1" and document["errors"] == []
    article: dict[str, Any] = document["articles"][0]
    return article


def test_seed_metadata(seed: dict[str, Any]) -> None:
    assert seed["title"] == "NATO defence chiefs meet as Russia ramps up Syria campaign"
    assert seed["section"] == "NATO"
    assert seed["publisher"] == "France 24"
    assert set(seed["agencies"]) == {"AFP", "Reuters"}


def test_seed_caption_is_a_credit_not_text(seed: dict[str, Any]) -> None:
    caption = next(c["text"] for c in seed["credits"] if "Alexander Kots, AFP" in c["text"])
    assert caption.endswith(
        "in the Syrian province of Latakia"
    )  # not the "Advertising" marker under it
    assert "Alexander Kots" not in seed["text"]
    for junk in (
        "Skip to main content",
        "Advertising",
        "Daily newsletter",
        "France 24 app",
        "Share :",
        "Page not found",
        "does not exist",
    ):
        assert junk not in seed["text"], junk


def test_seed_people_and_roles(seed: dict[str, Any]) -> None:
    people = {p["name"]: p["role"] for p in seed["facts"]["people"]}
    assert people["Jens Stoltenberg"] == "NATO Secretary General"
    assert people["Sergei Shoigu"] == "Russian Defence Minister"
    assert "Vladimir Putin" in people and "Ahmet Davutoglu" in people
    assert "Stoltenberg" not in people and "Shoigu" not in people


def test_seed_places_numbers_and_quote(seed: dict[str, Any]) -> None:
    places = {p["name"] for p in seed["facts"]["places"]}
    assert {"Brussels", "Syria", "Turkey", "Caspian Sea"} <= places
    numbers = {(n["value"], n["unit"]) for n in seed["facts"]["numbers"]}
    assert (26, "missiles") in numbers
    assert (1500, "km") in numbers
    assert any(v == 1_800_000 and "refugees" in (u or "") for v, u in numbers)
    quote = "NATO is ready and able to defend all allies, including Turkey, against any threats"
    assert {"text": quote, "speaker": "Jens Stoltenberg"} in [
        {"text": q["text"].rstrip(",. "), "speaker": q["speaker"]} for q in seed["facts"]["quotes"]
    ]


def test_seed_summary_points_back_to_its_paragraphs(seed: dict[str, Any]) -> None:
    assert len(seed["summary"]) == 3
    for sentence in seed["summary"]:
        assert sentence["text"] in seed["paragraphs"][sentence["paragraph"]]
    indexes = [s["paragraph"] for s in seed["summary"]]
    assert indexes == sorted(indexes)


@pytest.mark.usefixtures("seeds_read_once")  # the seed fixture reads them in its process
def test_seeds_folder_is_a_multi_source_digest(capsys: pytest.CaptureFixture[str]) -> None:
    # In this process: the seed fixture above and CI's own run of the README's command run it
    # as a process.
    code, out, err = main(capsys, str(SEEDS), "--format", "text", "--width", "90")
    assert code == 0, err
    header = out.splitlines()[0]
    assert header.startswith("Digest · 7 articles from 7 sources")
    assert "NATO defence chiefs meet as Russia ramps up Syria campaign" in out
    assert "France 24 · AFP, Reuters" in out
    assert "\033[" not in out


def test_bad_inputs_fail_one_line_each_and_the_rest_still_print(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "photo.html"
    binary.write_bytes(bytes(range(256)) * 8)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, out, err = main(
        capsys,
        *(str(SEED_TEXT), str(binary), str(empty), str(tmp_path / "missing.html")),
        *("--format", "json"),
    )
    assert code == 1
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert any(str(binary) in line and "not an HTML or text document" in line for line in lines)
    assert any(str(empty) in line and "empty" in line for line in lines)
    assert any("missing.html" in line and "no such file" in line for line in lines)
    document = json.loads(out)
    assert len(document["articles"]) == 1
    assert len(document["errors"]) == 3


def test_stdin_and_jsonl(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # In this process, its standard input a pipe as a shell's `digest - < file` gives it.
    reading, writing = os.pipe()
    os.write(writing, SEED_TEXT.read_bytes())
    os.close(writing)
    with open(reading, encoding="utf-8") as stdin:
        monkeypatch.setattr(sys, "stdin", stdin)
        code, out, err = main(capsys, "-", "--format", "jsonl")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 1
    article = json.loads(lines[0])
    assert article["input"] == "-"
    assert article["title"].startswith("NATO defence chiefs")


def test_url_input_from_a_local_server(
    http_server: Callable[[dict[str, Route]], str], capsys: pytest.CaptureFixture[str]
) -> None:
    page = (SEEDS / "bbc-obama-gun-laws.html").read_bytes()
    base = http_server({"/story": (200, {"Content-Type": "text/html"}, page)})
    code, out, err = main(capsys, base + "/story", base + "/gone", "--format", "json")
    assert code == 1
    assert f"digest: {base}/gone: HTTP 404" in err
    article = json.loads(out)["articles"][0]
    assert "Obama" in article["title"]
    assert article["input"] == base + "/story"


def test_usage_errors_exit_2() -> None:
    # In this process, as `python -m digest` runs it (sys.exit(main())).
    from digest import cli

    for args in (["--sentences", "0"], ["--format", "yaml"]):
        try:
            code = cli.main([*args, str(SEED_TEXT)])
        except SystemExit as stopped:
            code = stopped.code
        assert code == 2, args


def test_sentences_option_changes_summary_length(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = main(capsys, str(SEED_TEXT), "--format", "json", "--sentences", "5")
    assert code == 0 and len(json.loads(out)["articles"][0]["summary"]) == 5


def test_help_explains_inputs_formats_and_exit_codes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # In this process, as `python -m digest` runs it (sys.exit(main())), 80 columns wide as
    # when piped.
    from digest import cli

    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--help"])
    assert stopped.value.code in (0, None)
    out = capsys.readouterr().out
    for words in ("INPUT", "--format", "jsonl", "exit codes", "--sentences"):
        assert words in out


def test_version_says_which_build_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.machinery import EXTENSION_SUFFIXES

    from digest.cli import build

    # In this process, as `python -m digest` runs it (sys.exit(main())).
    with pytest.raises(SystemExit) as stopped:
        main(capsys, "--version")
    assert stopped.value.code in (0, None)
    out = capsys.readouterr().out
    assert out.strip() == f"digest {__import__('digest').__version__} ({build()})"
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "names.py").write_text("", encoding="utf-8")
    assert build(tmp_path) == "plain Python"
    (tmp_path / "facts" / f"names{EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    assert build(tmp_path) == "compiled with mypyc"


def test_core_never_imports_textual_nor_plain_text_the_second_extractor() -> None:
    """A digest printed (its stories too) never imports the app's Textual and rich; one of
    plain text never imports trafilatura (about 150 ms: only HTML asks its second opinion;
    tests/test_layouts.py checks ``digest --version``)."""
    code = (
        "import sys, digest.cli, digest.pipeline, digest.render, digest.stories;"
        "from digest.pipeline import build_digest;"
        f"build_digest([{str(SEED_TEXT)!r}]);"
        "assert 'textual' not in sys.modules, 'textual imported';"
        "assert 'rich' not in sys.modules, 'rich imported';"
        "assert 'trafilatura' not in sys.modules, 'trafilatura imported for plain text'"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_an_unknown_theme_is_a_usage_error_naming_the_themes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from digest.cli import main

    assert main([str(SEEDS), "--tui", "--theme", "no-such-theme"]) == 2
    err = capsys.readouterr().err
    assert "no theme named 'no-such-theme'" in err and "digest-high-contrast" in err


def test_a_fault_in_facts_costs_that_article_its_facts_not_the_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import digest.facts
    from digest import build_digest
    from digest.render import render

    def broken(paragraphs: tuple[str, ...], **_: object) -> None:
        if any("Stoltenberg" in p for p in paragraphs):
            raise IndexError("list index out of range")

    real = digest.facts.extract_facts
    monkeypatch.setattr(digest.facts, "extract_facts", lambda p, **kw: broken(p) or real(p, **kw))
    # The seed text and two pages (each seed takes its share of the time to read).
    pages = [SEEDS / "bbc-obama-gun-laws.html", SEEDS / "lemonde-renseignement.html"]
    result = build_digest([str(SEED_TEXT), *map(str, pages)])
    assert result.errors == ()
    by_title = {a.title: a for a in result.articles}
    hit = next(a for t, a in by_title.items() if "NATO" in t)
    assert "facts-failed" in hit.warnings
    assert hit.summary == () and hit.facts.people == () and hit.paragraphs
    others = [a for a in result.articles if a is not hit]
    assert len(others) == 2 and all("facts-failed" not in a.warnings for a in others)
    assert any(a.facts.people for a in others)
    assert "facts and summary could not be made" in render(result, "text")


def test_a_fault_in_reading_one_input_is_its_failure_not_the_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import digest.extract.html
    from digest import build_digest

    real = digest.extract.html.extract_html

    def broken(text: str, url: str | None = None) -> object:
        if "Sudan" in text[:20000]:
            raise KeyError("sepember")
        return real(text, url)

    monkeypatch.setattr(digest.extract.html, "extract_html", broken)
    # The seed text and two pages (each seed takes its share of the time to read).
    pages = [SEEDS / "lemonde-renseignement.html", SEEDS / "nytimes-sudan-sanctions.html"]
    result = build_digest([str(SEED_TEXT), *map(str, pages)])
    assert [(Path(f.input).name, f.error) for f in result.errors] == [
        (
            "nytimes-sudan-sanctions.html",
            "digest failed to read it (KeyError: 'sepember'); please report this",
        )
    ]
    assert len(result.articles) == 2


def test_a_page_cut_short_or_full_of_control_characters_is_read_or_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cut = tmp_path / "cut.html"
    cut.write_text('<html lang="en"><head><title>Cut short</title></head></html>')
    controls = tmp_path / "controls.html"
    # A few stray control characters in a real page (the sniffer rightly calls a page made
    # of them binary); one in the tail of an element the cleaner drops broke lxml.
    paragraph = "The council met on Monday and voted to build a new bridge over the river. " * 4
    controls.write_text(
        "<html><body><article><h1>Bridge</h1>"
        + "".join(f"<p>{paragraph}<span class='ad'>x</span>\x0c tail {i}</p>" for i in range(6))
        + "</article></body></html>"
    )
    code, out, err = main(capsys, str(cut), str(controls), "--format", "json", "--no-library")
    assert code == 1
    assert err.strip() == f"digest: {cut}: no readable article text"
    articles = json.loads(out)["articles"]
    assert [a["title"] for a in articles] == ["Bridge"]
    assert "\x0c" not in articles[0]["text"]
