"""The knobs of story grouping, of the choice of a story's lead and of conflict finding.

Every weight and threshold is a field of one frozen :class:`Tuning`, passed with a default
(``Tuning.tuning``) to :func:`digest.stories.group` and what it calls, so that a benchmark can try
other values (``dataclasses.replace(TUNING, pair_threshold=0.3)``) without patching globals.
The module docstring of :mod:`digest.stories` says how each is used.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Tuning:
    """Weights and thresholds of grouping, the lead's choice and conflicts (their defaults
    were set on half of the hand-checked groups of ``benchmarks/bench_stories.py``)."""

    title_weight: float = 2.0
    """How many times a headline word counts in the opening, beside a word of the body."""

    opening_words: int = 80
    """Words of the body that, with the headline, make an article's opening: where a report says
    what happened, to whom, where and when."""

    body_words: int = 250
    """Words of the body read for grouping."""

    top_words: int = 30
    """Words of the body that, with the headline, make an article's top (see
    ``top_link_threshold``)."""

    pair_threshold: float = 0.24
    """Least similarity for two dated articles to be grouped (the mean of the cosines of their
    openings, their bodies and their names)."""

    day_margin: float = 0.02
    """How much more similarity each day between two publications asks for: a report days later
    must be closer to be a follow-up rather than another happening of the same kind."""

    undated_threshold: float = 0.7
    """Least similarity when a date is missing: only near-copies of one report are grouped."""

    name_gate: float = 0.1
    """Least cosine similarity of the names alone, when both articles name anyone."""

    link_threshold: float = 0.15
    """Least average similarity over all cross pairs for two groups to merge."""

    top_link_threshold: float = 0.07
    """Least average similarity of the tops (headline and first ``top_words`` words) over all
    cross pairs for two groups to merge: stories that share a topic and its background
    paragraphs, not a happening, have tops that say different things."""

    cross_floor: float = 0.05
    """Least similarity of every cross pair for two groups to merge: each article of a story shares
    something with each other one (a chain of links cannot bring in an article that shares
    nothing with some of the group)."""

    window_days: int = 3
    """Articles published further apart than this are never grouped."""

    min_collection: int = 50
    """Inputs smaller than this weigh words as if the rest of a collection this size lacked them:
    the few articles of a small input cannot tell common words from rare ones."""

    small_margin: float = 0.08
    """How much more similar two dated articles must be in an input of two (less as inputs grow
    toward ``min_collection``)."""

    brief_words: int = 30
    """Articles of fewer words than this (headline included) are briefs: a result line, a note."""

    brief_names: int = 2
    """Names two briefs must share to be grouped when they are not near-copies: briefs written to
    one template ("6-month forecast", "results of Friday's games") share their few words."""

    block_df: int = 100
    """Terms in more articles than this (or 1% of them, when more) do not find partners."""

    block_terms: int = 8
    """Each article's heaviest terms, through which it finds the articles it is compared with."""

    compare_all: int = 300
    """Inputs of at most this many articles compare every pair."""

    lead_mentions: int = 3
    """Mentions that make the most-named person or organisation an article's protagonist, when
    its headline names it too (see :func:`_protagonist`)."""

    lead_threshold: float = 0.15
    """Least similarity (plus ``day_margin`` a day) for two dated articles about the same rare
    person (see :func:`_lead_person`): a bombing's report and the suspect's arrest share the
    suspect, not their words."""

    rare_share: float = 0.02
    """A person named in at most this share of the articles is rare (or in two, in an input of at
    least ``min_collection``; a smaller input counts as that large)."""

    opening_lines: int = 4
    """Paragraphs a first sentence broken by line breaks is followed across."""

    event_days: int = 7
    """Days from publication within which a date of the first paragraph names the event's day."""

    length_step: int = 100
    """Body lengths that differ by less than this many words are equal when choosing the lead."""

    cue_words: int = 5
    """Words on each side of a number or date that tell what it is about."""

    max_ratio: int = 10
    """Values further apart than this factor are taken to count different things."""


TUNING = Tuning()
"""The tuning digest uses."""
