"""The digest for people and for programs: plain text, Markdown, JSON and JSON Lines.

Text and Markdown show, for each article, the title, an attribution line (outlet ·
authors · agencies · date · link or path), the summary and the key facts, under a header
that counts articles and sources. JSON is exactly the contract of docs/SPEC.md. Nothing here
knows about terminals beyond an optional bold/dim style for text, off unless asked for.

Records hold clean text (:mod:`digest.text.sanitize`); each format still escapes on the way
out, in case a record was made some other way: text and Markdown lose every terminal
control, JSON writes them as ``\\u`` escapes, and only http(s) links become Markdown
links, their targets escaped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime

from digest.models import Article, Conflict, Digest, Facts, Story
from digest.text.cells import wrap
from digest.text.sanitize import clean, json_safe, web_url

FORMATS = ("text", "markdown", "json", "jsonl")
"""The output formats ``--format`` accepts."""

MAX_CHIPS = 6
"""Facts of one kind shown in text and Markdown before "+N more"."""

MIN_WIDTH = 40
"""The narrowest text output: the indents and bullets need this much."""

_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"

WARNING_WORDS: dict[str, str] = {
    "cookie-wall": "page hidden behind a cookie notice",
    "facts-failed": "facts and summary could not be made",
    "feed-content": "read from the feed's text, not the page",
    "low-text": "little text found",
    "not-an-article": "may not be an article",
    "paywall": "behind a paywall",
    "script-only": "the page needs scripts to show its text",
    "table": "holds a table or a list, kept line by line",
    "truncated": "the page was cut short",
}
"""Each warning code of SPEC.md (JSON keeps the codes) as people read it."""


def warning_text(code: str) -> str:
    """A warning in plain words (an unknown code as its words: ``new-thing`` as "new thing")."""
    return WARNING_WORDS.get(code, code.replace("-", " "))


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``1 article``, ``7 articles`` (``plural`` for nouns such as story/stories)."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def human_date(value: str | None) -> str | None:
    """``2015-10-08T10:42:00+02:00`` as ``8 Oct 2015`` (the day is what a reader wants)."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{day.day} {day:%b %Y}"


def attribution(article: Article, *, link: bool = True) -> str:
    """The attribution line: outlet · authors · agencies · date · link or path."""
    parts = [
        article.publisher,
        ", ".join(article.authors) or None,
        ", ".join(article.agencies) or None,
        human_date(article.published),
        (article.url or article.input) if link else None,
    ]
    return " · ".join(p for p in parts if p)


def _more(items: list[str]) -> str:
    shown = items[:MAX_CHIPS]
    extra = len(items) - len(shown)
    return ", ".join(shown) + (f", +{extra} more" if extra > 0 else "")


def fact_lines(facts: Facts) -> list[tuple[str, str]]:
    """The key facts as (label, value) pairs, leaving out kinds the article has none of."""
    lines: list[tuple[str, str]] = []
    people = [f"{p.name} ({p.role})" if p.role else p.name for p in facts.people]
    if people:
        lines.append(("People", _more(people)))
    if facts.organizations:
        lines.append(("Organisations", _more([o.name for o in facts.organizations])))
    if facts.places:
        lines.append(("Places", _more([p.name for p in facts.places])))
    if facts.numbers:
        # Each said once: "two years" in three paragraphs is one fact to a reader.
        lines.append(("Numbers", _more(list(dict.fromkeys(n.text for n in facts.numbers)))))
    dates = list(
        dict.fromkeys(
            f"{d.text} ({d.value})" if d.value and d.value != d.text else d.text
            for d in facts.dates
        )
    )
    if dates:
        lines.append(("Dates", _more(dates)))
    return lines


def shown_outlet(outlet: str) -> str:
    """A story source's outlet as shown: a file's name rather than its whole path."""
    if "/" in outlet and "://" not in outlet:
        return outlet.rstrip("/").rsplit("/", 1)[-1]
    return outlet


def conflict_text(conflict: Conflict) -> str:
    """A conflict as people read it, its outlets named as the sources line names them:
    "2 people killed (Reuters) vs 7 (Le Matin)"."""
    return " vs ".join(
        f"{value.text} ({', '.join(dict.fromkeys(shown_outlet(o) for o in value.outlets))})"
        for value in conflict.values
    )


def _cards(digest: Digest) -> list[tuple[Article, Story | None]]:
    """What to print: each story's lead with its story, or each article when not grouped."""
    if digest.stories:
        return [
            (story.lead, story if len(story.articles) > 1 else None) for story in digest.stories
        ]
    return [(article, None) for article in digest.articles]


def story_lines(story: Story | None, *, markdown: bool = False) -> list[str]:
    """The other sources of a story and where they disagree ("12 dead (AP) vs 15 (Reuters)")."""
    if story is None:
        return []
    others = []
    for source, article in zip(story.sources[1:], story.articles[1:], strict=True):
        when = human_date(source.published)
        name = shown_outlet(source.outlet) + (f" ({when})" if when else "")
        link = article.url or article.input
        if markdown:
            others.append(_md_link(name, article.url))
        else:
            others.append(f"{name} {link}")
    shared = shared_facts(story)
    label = f"Also reported by {counted(len(others), 'source')}:"
    lines = [f"**{label}** " + ", ".join(others) if markdown else f"{label} " + "; ".join(others)]
    if shared:
        text = ", ".join(f"{name} ({count})" for name, count in shared)
        lines.append(
            f"**In several sources:** {_md_escape(text)}"
            if markdown
            else f"In several sources: {text}"
        )
    for conflict in story.conflicts:
        text = _md_escape(conflict_text(conflict)) if markdown else conflict_text(conflict)
        lines.append(f"**Sources differ:** {text}" if markdown else f"Sources differ: {text}")
    return lines


def shared_facts(story: Story, limit: int = MAX_CHIPS) -> list[tuple[str, int]]:
    """People, organisations and places that more than one source gives, most given first."""
    facts = story.facts
    named = [*facts.people, *facts.organizations, *facts.places]
    several = [n for n in named if n.sources > 1]
    several.sort(key=lambda n: -n.sources)  # stable: the story's own order within a count
    return [(n.name, n.sources) for n in several[:limit]]


def header(digest: Digest) -> str:
    """``6 articles from 5 sources`` (and the failures, when there are any)."""
    count = len(digest.articles)
    text = f"{counted(count, 'article')} from {counted(digest.sources, 'source')}"
    if digest.stories and len(digest.stories) < count:
        text += f" · {counted(len(digest.stories), 'story', 'stories')}"
    if digest.errors:
        text += f" · {len(digest.errors)} input{'s' if len(digest.errors) != 1 else ''} failed"
    return text


def _generated(digest: Digest) -> str:
    try:
        moment = datetime.strptime(digest.generated, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return digest.generated
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def render_text(digest: Digest, *, width: int = 80, color: bool = False) -> str:
    """The digest as plain text wrapped to ``width`` columns."""
    bold, dim, reset = (_BOLD, _DIM, _RESET) if color else ("", "", "")
    width = max(MIN_WIDTH, width)

    def fill(text: str, first: str, rest: str) -> str:
        # Each piece of text is cleaned before it is wrapped and styled: the styles are
        # then the only escape sequences written.
        return "\n".join(wrap(clean(text), width, first, rest))

    out: list[str] = [f"{bold}Digest{reset} · {header(digest)} · {_generated(digest)}", ""]
    for number, (article, story) in enumerate(_cards(digest), start=1):
        prefix = f"{number}. "
        indent = " " * len(prefix)
        out.append(bold + fill(article.title, prefix, indent) + reset)
        line = attribution(article)
        if line:
            out.append(dim + fill(line, indent, indent) + reset)
        for extra in story_lines(story):
            out.append(fill(extra, indent, indent + "  "))
        meta = " · ".join(
            x
            for x in (
                article.section,
                f"{article.word_count} words, {article.reading_minutes} min read",
                (
                    "warnings: " + "; ".join(warning_text(w) for w in article.warnings)
                    if article.warnings
                    else None
                ),
            )
            if x
        )
        out.append(dim + fill(meta, indent, indent) + reset)
        out.append("")
        for sentence in article.summary:
            out.append(fill(sentence.text, indent + "• ", indent + "  "))
        if article.summary:
            out.append("")
        for label, value in fact_lines(article.facts):
            out.append(fill(f"{label}: {value}", indent, indent + "  "))
        for quote in article.facts.quotes[:2]:
            said = f"“{quote.text}”" + (f" — {quote.speaker}" if quote.speaker else "")
            out.append(fill(said, indent + "Quote: ", indent + "  "))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _md_escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace("[", "\\[")
        .replace("]", "\\]")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("<", "\\<")
        .replace(">", "\\>")
    )


_LINK_TARGET_ESCAPES = str.maketrans({"(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "\\": "%5C"})
"""Characters percent-encoded in a Markdown link's target: none can end it or open another."""


def _md_link(text: str, url: str | None) -> str:
    """``[text](url)`` when ``url`` is an http(s) URL (:func:`digest.text.sanitize.web_url`), its
    target escaped; else the text alone: a ``javascript:`` or ``file:`` link is never written."""
    target = web_url(url)
    if target is None:
        return _md_escape(text)
    return f"[{_md_escape(text)}]({target.translate(_LINK_TARGET_ESCAPES)})"


def render_markdown(digest: Digest) -> str:
    """The digest as Markdown: one section per article."""
    out: list[str] = [f"# Digest — {header(digest)}", "", f"_Generated {_generated(digest)}_", ""]
    for article, story in _cards(digest):
        link = web_url(article.url)
        out.append(f"## {_md_link(article.title, link)}")
        out.append("")
        line = attribution(article, link=not link)
        if line:
            out.append(f"*{_md_escape(line)}*")
            out.append("")
        extras = story_lines(story, markdown=True)
        if extras:
            out.extend(f"{extra}  " for extra in extras)
            out.append("")
        if article.standfirst:
            out.append(f"> {_md_escape(article.standfirst)}")
            out.append("")
        for sentence in article.summary:
            out.append(f"- {_md_escape(sentence.text)}")
        if article.summary:
            out.append("")
        for label, value in fact_lines(article.facts):
            out.append(f"**{label}:** {_md_escape(value)}  ")
        for quote in article.facts.quotes[:2]:
            speaker = f" — {_md_escape(quote.speaker)}" if quote.speaker else ""
            out.append(f"**Quote:** “{_md_escape(quote.text)}”{speaker}  ")
        if article.warnings:
            words = "; ".join(warning_text(w) for w in article.warnings)
            out.append(f"**Warnings:** {_md_escape(words)}  ")
        out.append("")
    return clean("\n".join(out).rstrip() + "\n")


def render_json(digest: Digest) -> str:
    """The digest as one JSON document (docs/SPEC.md): UTF-8 text with no terminal control
    raw in it."""
    return json_safe(json.dumps(digest.to_dict(), ensure_ascii=False, indent=2)) + "\n"


def render_jsonl(articles: Iterable[Article]) -> str:
    """One article per line as JSON (docs/SPEC.md, ``--format jsonl``)."""
    return "".join(json_safe(json.dumps(a.to_dict(), ensure_ascii=False)) + "\n" for a in articles)


def render(digest: Digest, fmt: str, *, width: int = 80, color: bool = False) -> str:
    """The digest in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        return render_json(digest)
    if fmt == "jsonl":
        return render_jsonl(digest.articles)
    if fmt == "markdown":
        return render_markdown(digest)
    return render_text(digest, width=width, color=color)
