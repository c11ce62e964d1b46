"""The tagger's second opinion on the names the rules find: the rules propose, the tagger
confirms (:mod:`digest.facts.tagger`). A person or body no list vouches for is kept only
when the tagger also reads it so; an undecided run becomes a name when it reads most of
its mentions so, by a margin. :class:`NameKnobs` sets how far the rules lean on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from digest.facts.gazetteer import KNOWN_ORGS, ORG_PHRASES
from digest.facts.kinds import KindRule
from digest.facts.runs import Run, is_shouted
from digest.facts.tagger import Name, Window, judge, tokenize, weights
from digest.text.sentences import sentence_spans

_TAGGER_KIND: Final = {"person": "PER", "org": "ORG", "place": "LOC"}
"""The rules' kinds as the tagger names them."""


@dataclass(frozen=True, slots=True)
class NameKnobs:
    """How far the rules lean on the learned tagger (:mod:`digest.facts.tagger`)."""

    tagger: bool = True
    """Ask the tagger at all: with False the rules decide alone."""
    confirm: frozenset[str] = frozenset({"person", "org"})
    """Kinds the rules give that the tagger must confirm, unless a list vouches for the
    name: a person or organisation it never reads as one in any mention is left out."""
    add_margin: float = 10.0
    """Least margin (the best tag's score over the next) at which the tagger reads an
    undecided run of two words or more as a person (``float("inf")``: never)."""
    person_veto_margin: float = 2.0
    """For a person the tagger reads as one in no mention: the margin by which it must read
    some mention as another kind to overrule the rules (a mention read as no name at all
    overrules too)."""
    org_veto_margin: float = 10.0
    """For an organisation the tagger reads as one in no mention: the margin by which it
    must read some mention as another kind to overrule the rules (a mention read as no name
    at all overrules too)."""
    trusted: frozenset[KindRule] = frozenset()
    """Rules of ``kinds.KIND_RULES`` whose people need no confirming."""
    add_org_margin: float = 25.0
    """The same for an undecided run the tagger reads as an organisation: a run of two words
    or more, or in results copy one word (its clubs; asking of every word would cost the
    facts some 15% more time). On CoNLL-2003 train, scored with fold weights that never saw
    the document, 25 lifts organisations' recall from .675 to .690 at precision .953 (20:
    .705; 10: .737 at .933); below 25 it adds products and craft on modern pages (the
    hand-checked tuning half)."""
    add_club_margin: float = 15.0
    """``add_org_margin`` in results copy (an article whose results show teams), where
    names are clubs, not products. On CoNLL-2003 train, scored with fold weights, 15 lifts
    organisations' recall from .748 to .754 at precision .953 (from .954; 10: .758 at .951;
    5: .765 at .946); the hand-checked tuning half is unchanged."""
    add_place_margin: float = float("inf")
    """The same for an undecided run the tagger reads as a place (any length)."""
    place_org_margin: float = 2.0
    """In an article of sports results, the margin by which the tagger must read most
    mentions of a town as an organisation for it to be one (its club: "Surrey beat Kent").
    On CoNLL-2003 train (fold weights) 2 moves places' precision from .960 (at 10) to .964
    at recall .827 (from .828), and organisations' recall from .754 to .757 at precision
    .951 (from .953); 5 gives places .962; the hand-checked tuning half is unchanged."""
    add_share: float = 0.5
    """Share of an undecided name's mentions the tagger must read as a person (each by
    ``add_margin``) for the name to become one: the article's evidence, not one sentence's."""
    one_word_people: bool = False
    """List a person named only by one word, with no title, role or fuller mention
    ("Roscosmos said"): issue 14 says a person has one of them, so by default no."""
    one_word_margin: float = float("inf")
    """Margin by which the tagger must read a mention of such a person as a person for the
    person to be listed all the same."""
    max_judged: int = 400
    """Runs judged per article at most: past them (a hostile or enormous page) the rules
    decide alone, so the tagger's cost stays bounded."""
    weights: Path | None = None
    """A weights file other than the shipped one (benchmarks score held-out folds so)."""


DEFAULT_KNOBS: Final = NameKnobs()


class Confirmer:
    """The tagger's readings of one article's runs and its verdicts on their names, each
    made once; no more than ``NameKnobs.max_judged`` runs are read."""

    def __init__(self, knobs: NameKnobs, proper: set[str]) -> None:
        self.knobs = knobs
        self.proper = proper
        """Words the article capitalises inside a sentence: the finder's set, as it fills it."""
        self.readings: dict[tuple[int, int], list[Name]] = {}
        self.verdicts: dict[tuple[str, str], bool] = {}
        self.windows: dict[int, Window] = {}
        """The tagger's reading of each paragraph's words, made once a paragraph."""
        self.judged = 0

    def read(self, run: Run) -> list[Name] | None:
        """What the tagger reads over the run (cached); None past ``NameKnobs.max_judged``."""
        key = (run.paragraph, run.start)
        found = self.readings.get(key)
        if found is not None:
            return found
        if self.judged >= self.knobs.max_judged:
            return None
        self.judged += 1
        paragraph = run.source
        window = self.windows.get(run.paragraph)
        if window is None:
            window = self.windows[run.paragraph] = Window(tokenize(paragraph))
        # A title the rules split off ("Fed Chair Janet Yellen") is not read as the name.
        first = paragraph.find(run.tokens[0], run.start, run.end) if run.tokens else -1
        found = judge(
            window,
            paragraph,
            (max(first, run.start), run.end),
            _sentence_starts(paragraph),
            is_shouted(paragraph),
            self.proper,
            weights(self.knobs.weights),
        )
        self.readings[key] = found
        return found

    def confirmed(self, kind: str, run: Run, by_text: dict[str, list[Run]]) -> bool:
        """Whether the tagger reads some mention of the run's name as a name of ``kind``
        (for a person, a mention of the surname alone counts): the rules propose, the
        tagger confirms. Names a list vouches for need no confirming, nor does anything
        past the bound of judged runs."""
        text = run.text
        if kind == "org" and (
            text in KNOWN_ORGS
            or any(f" {p} " in f" {text} " for p in ORG_PHRASES)
            or text.endswith(" magazine")  # the text says what it is: "New York magazine"
        ):
            return True  # a list vouches for it: "Federal Reserve System"
        want = _TAGGER_KIND[kind]
        verdict = self.verdicts.get((kind, text))
        if verdict is not None:
            return verdict
        candidates = list(by_text.get(text, ()))
        if kind == "person" and len(run.tokens) > 1:
            candidates.extend(by_text.get(run.tokens[-1], ()))
        if run not in candidates:
            candidates.insert(0, run)
        veto = self.knobs.org_veto_margin if kind == "org" else self.knobs.person_veto_margin
        verdict = False
        vetoed = False
        for mention in candidates:
            found = self.read(mention)
            if found is None or any(k == want for _, _, k, _ in found):
                verdict = True
                break
            vetoed = vetoed or not found or any(m >= veto for *_, m in found)
        if not verdict and not vetoed:
            verdict = True  # the tagger reads it as nothing sure: the rules stand
        self.verdicts[(kind, text)] = verdict
        if verdict and kind == "person":
            self.verdicts[(kind, run.tokens[-1])] = True
        return verdict

    def read_as(self, tag: str, margin: float, mentions: list[Run]) -> bool:
        """Whether the tagger reads the mentions of a name as a name of ``tag`` (PER, ORG),
        each exactly and by ``margin``, in more than ``NameKnobs.add_share`` of them."""
        if not mentions or margin == float("inf"):
            return False
        key = (tag, mentions[0].text)
        verdict = self.verdicts.get(key)
        if verdict is not None:
            return verdict
        confident = 0
        need = self.knobs.add_share * len(mentions)
        for index, mention in enumerate(mentions):
            if confident + len(mentions) - index <= need:
                break  # the mentions left cannot carry it: no need to read them
            found = self.read(mention)
            if found is None:
                break
            if len(found) == 1:
                start, end, kind, by = found[0]
                if (
                    kind == tag
                    and by >= margin
                    and end == mention.end
                    and mention.source.startswith(mention.tokens[0], start)
                ):
                    confident += 1
        verdict = confident > need
        self.verdicts[key] = verdict
        return verdict


def _sentence_starts(paragraph: str) -> list[int]:
    return [start for start, _ in sentence_spans(paragraph)]
